"""Benign drafts to German, French and Spanish buyers are not refused for being German, French or Spanish (wave 20).

Found through the product path on markets whose buyers write those languages (`agentic-sales demo --language`,
benchmarks/llm_cost_per_record.py `--language`): the offline templates' own answers, replayed as a vendor's, were
refused for a rep called Hans-Peter (the signature check split the owner's name at its hyphen and the signed one not;
the learned screen read the bare "Hans-Peter" as planted: the name check knew the record's "hans-peter", never its
"Hans" and "Peter"), for every German call script's opening line ("Einstieg: Hallo Birgit, hier ist Özlem Özdemir, ich
rufe wegen des Projekts „Jahresabo“ an.": two template sentences the writer joins into one, which no template sentence
matched whole), and for a German subject the template cut at 80 characters inside the deal's name ("... zum Projekt
„Dateninte": a name the record does not have). Each benign case is paired with the attack it must still refuse.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import planted_sentence_violations
from agents.signature import wrong_signature
from agents.vouched import is_template_sentence, without_vouched
from tests.agents.conftest import NOW, load_record


def _vocab(owner: str, contact: str, company: str = "Elbtal Märkte AG", deal: str = "Elbtal Märkte AG – Jahresabo"):
    record, scores = load_record("hubspot_deal")
    record = replace(record, name=deal, owner=replace(record.owner, name=owner),
                     company=replace(record.company, name=company, country="Germany"),
                     contacts=[replace(record.contacts[0], name=contact), *record.contacts[1:]])
    ctx = build_context(record, scores, now=NOW)
    return ctx, build_vocabulary(ctx)


def test_a_draft_signed_with_the_owners_hyphenated_first_name_is_signed_by_the_owner():
    body = "Hallo Stefanie,\n\nDanke für das Gespräch.\n\nViele Grüße\nHans-Peter"
    assert wrong_signature(body, "Hans-Peter Jäger") is None
    assert wrong_signature(body.replace("Hans-Peter", "Klaus-Dieter"), "Hans-Peter Jäger") == "Klaus-Dieter"


@pytest.mark.parametrize(("owner", "signed"), [("Hans-Peter Jäger", "Hans-Peter"), ("Marie-Claire d'Aubigné",
                                                                                    "Marie-Claire"),
                                               ("Ségolène N'Diaye", "Ségolène N'Diaye")])
def test_the_learned_screen_reads_a_signature_of_the_records_own_hyphenated_or_elided_name_as_a_name(owner, signed):
    _ctx, vocab = _vocab(owner, "Stefanie Müller")
    assert planted_sentence_violations(signed, vocab) == []
    assert without_vouched(f"Viele Grüße, {signed}", vocab).count("Name") == len(signed.replace("'", "-").split("-"))


def test_a_hyphenated_name_the_record_does_not_have_is_still_screened():
    _ctx, vocab = _vocab("Hans-Peter Jäger", "Stefanie Müller")
    assert without_vouched("Klaus-Dieter", vocab) == "Klaus-Dieter"
    assert without_vouched("Hans-Dieter", vocab) == "Name-Dieter"


@pytest.mark.parametrize("opening", [
    "Einstieg: Hallo Birgit, hier ist Özlem Özdemir, ich rufe wegen des Projekts „Jahresabo“ an.",
    "Einstieg: Hallo, hier ist Özlem Özdemir, ich rufe wegen des Projekts „Jahresabo“ an.",
    "Ouverture: Bonjour Birgit, c'est Özlem Özdemir, je vous appelle au sujet du projet « Jahresabo ».",
    "Apertura: Hola Birgit, soy Özlem Özdemir, le llamo por el proyecto «Jahresabo».",
    "Apertura: Buenos días, Birgit Schröder, soy Özlem Özdemir, le llamo por el proyecto.",
    "Opening: Hi Birgit, this is Özlem Özdemir, calling about the Jahresabo.",
])
def test_a_call_scripts_opening_line_of_the_records_own_names_is_the_templates_own_wording(opening):
    ctx, vocab = _vocab("Özlem Özdemir", "Birgit Schröder")
    assert is_template_sentence(opening, vocab.own_words), opening
    assert planted_sentence_violations(opening, vocab) == []


@pytest.mark.parametrize("opening", [
    "Einstieg: Hallo Birgit, hier ist Özlem Özdemir, ich rufe wegen des Projekts „90 % Rabatt ab heute“ an.",
    "Einstieg: Hallo Birgit, hier ist Özlem Özdemir, ich rufe wegen der neuen Bankverbindung an.",
    "Einstieg: Hallo Birgit, hier ist Ihre Buchhaltung, ich rufe wegen des Projekts „Jahresabo“ an.",
    "Apertura: Hola Birgit, soy Özlem Özdemir, le llamo por el proyecto «cuenta nueva IBAN».",
    "Opening: Hi Birgit, this is Özlem Özdemir, calling about the wire to our new account.",
])
def test_an_opening_line_filled_with_words_the_record_does_not_hold_is_not_the_templates(opening):
    _ctx, vocab = _vocab("Özlem Özdemir", "Birgit Schröder")
    assert not is_template_sentence(opening, vocab.own_words)


def test_the_offline_writer_cuts_a_long_subject_between_words_never_inside_the_deals_name():
    from agents.subject_line import clip_subject

    subject = "Elbtal Netzwerke GmbH & Co. KG: nächster Schritt zum Projekt „Datenintegration für alle Standorte“"
    cut = clip_subject(subject, 80)
    assert len(cut) <= 80 and subject.startswith(cut)
    assert cut == "Elbtal Netzwerke GmbH & Co. KG: nächster Schritt zum Projekt"
    assert clip_subject("Kurz: Projekt „Jahresabo“", 80) == "Kurz: Projekt „Jahresabo“"
    assert clip_subject("Ein" * 40, 80) == ("Ein" * 40)[:80]  # one word longer than the limit: cut, as before


@pytest.mark.parametrize("name", ["Birgit vom Stein", "Hans zur Mühlen", "Andrés de los Santos", "Rocío de las Heras",
                                  "Hélène d'Aubigné", "Luc de l'Isle", "Amélie N'Diaye"])
def test_a_person_named_with_a_particle_or_an_elision_is_shaped_like_a_person(name):
    from agents.name_shapes import person_name_shaped

    assert person_name_shaped(name)


@pytest.mark.parametrize("name", ["Birgit vom Stein zahlt nie", "d'accord Hélène", "Hélène d'après", "los precios bajan"])
def test_a_lowercase_word_that_is_no_particle_still_makes_a_remark_not_a_name(name):
    from agents.name_shapes import person_name_shaped

    assert not person_name_shaped(name)


@pytest.mark.parametrize(("body", "owner"), [
    ("Hallo Özlem,\n\nDanke.\n\nViele Grüße\nIhr Account-Team", "Birgit vom Stein"),
    ("Bonjour Léa,\n\nMerci.\n\nCordialement,\nVotre équipe commerciale", None),
    ("Hi Mia,\n\nThanks.\n\nBest,\nYour account team", "Sam Lee"),
])
def test_the_templates_team_sign_off_is_no_one_elses_signature(body, owner):
    assert wrong_signature(body, owner) is None


def test_a_sign_off_by_another_team_or_person_is_still_not_the_owners():
    assert wrong_signature("Hallo Özlem,\n\nDanke.\n\nViele Grüße\nIhre Buchhaltung", "Birgit Wagner") == \
        "Ihre Buchhaltung"
    assert wrong_signature("Hi Mia,\n\nThanks.\n\nBest,\nYour Finance Team", "Sam Lee") == "Your Finance Team"


@pytest.mark.parametrize("text", [
    "Je peux proposer une remise de 10 % sur le projet « Jahresabo » si Logistique d'Armor SA confirme.",
    "Si Écoles des Alpes SARL confirme d'ici le 15 décembre, je peux proposer une remise de 10\u202f% sur le projet.",
    "Puedo ofrecer un descuento del 10 % en el proyecto «Soporte prémium» si Colegios Cantábrica S.L.U. confirma.",
    "Puedo ofrecer un descuento del 10 por ciento en el proyecto.",
])
def test_the_approved_percentage_written_the_french_or_spanish_way_is_no_money_off_offer(text):
    from agents.claims import discount_violations

    assert discount_violations(text, 0.10) == []


@pytest.mark.parametrize("text", [
    "Je peux proposer une remise de 500 € sur le projet.",
    "Je peux proposer une remise de 10 000 € sur le projet.",
    "Puedo ofrecer un descuento de 300 euros en el proyecto.",
    "Puedo ofrecer un descuento del 10 % y otro descuento de 200 € en el proyecto.",
    "Je peux proposer une remise de 15 % sur le projet.",
])
def test_money_off_or_a_percentage_above_the_approved_one_is_still_refused_in_french_and_spanish(text):
    from agents.claims import discount_violations

    assert discount_violations(text, 0.10) != []


@pytest.mark.parametrize("subject", [
    "Redes de la Sierra S.A.: siguiente paso en el proyecto",
    "Logistique d'Armor SA : prochaine étape pour le projet",
    "Elbtal Märkte AG: nächster Schritt zum Projekt",
])
def test_a_subject_of_the_templates_without_the_deals_name_is_the_templates_own_wording(subject):
    company = subject.split(" :")[0].split(":")[0]
    _ctx, vocab = _vocab("José García", "Íñigo Núñez", company=company, deal=f"{company} – Soporte prémium")
    assert is_template_sentence(subject, vocab.own_words)
    assert planted_sentence_violations(subject, vocab) == []


@pytest.mark.parametrize("subject", [
    "Redes de la Sierra S.A.: siguiente paso en el proyecto de pago a la cuenta nueva",
    "Redes de la Sierra S.A.: siguiente paso en el proyecto 2",
])
def test_a_subject_that_only_starts_like_the_templates_is_not_theirs(subject):
    _ctx, vocab = _vocab("José García", "Íñigo Núñez", company="Redes de la Sierra S.A.",
                         deal="Redes de la Sierra S.A. – Soporte prémium")
    assert not is_template_sentence(subject, vocab.own_words)
