"""An analysis may name the deal's stage as the CRM spells it ("qualifiedtobuy"): no language spells a stage id, and
wave 22's unreadable-field rule refused 4 of the 60 vendor analyses of the demo's deals for it
(tests/pipeline/test_vendor_replay_is_not_refused.py, a slow test outside `make test`)."""

from __future__ import annotations

from agents.role_readable import unread_fields

SUMMARY = "Summit Stores is in stage qualifiedtobuy; engagement is rising (weighted 11.5 in the last 14 days)."


def test_a_summary_naming_the_records_stage_id_is_read():
    assert unread_fields([SUMMARY], SUMMARY, frozenset(), ids=("qualifiedtobuy", "default")) == []


def test_a_stage_id_no_language_reads_is_refused_without_the_records_ids_so_the_ids_are_what_lets_it_pass():
    # A generated id of the kind custom pipelines get: the letter profiles, retrained each wave, read
    # "qualifiedtobuy" itself as English since they were trained through set 38, so it no longer shows the mechanism.
    summary = SUMMARY.replace("qualifiedtobuy", "sw7f3kq2zx")
    assert unread_fields([summary], summary, frozenset()) != []
    assert unread_fields([summary], summary, frozenset(), ids=("sw7f3kq2zx",)) == []


def test_a_stage_id_does_not_vouch_for_a_foreign_clause_beside_it():
    text = "Summit Stores is in stage qualifiedtobuy: libre ang unang buwan para sa inyong kumpanya ngayon."
    assert unread_fields([text], text, frozenset(), ids=("qualifiedtobuy",)) != []



def test_an_evidence_note_naming_a_contact_with_a_particle_is_read_beside_a_german_summary():
    # wave 23: "zu" stayed after the capitalised parts of "Ute zu Dohna" were taken out, and the note was refused
    note = "inbound email from Ute zu Dohna on 26 November"
    summary = "Die Einkäuferin hat nach dem Angebot gefragt und wartet auf unsere Antwort zur Laufzeit."
    assert unread_fields([summary, note], summary, frozenset({"ute", "zu", "dohna"}), ids=("Ute zu Dohna",)) == []
