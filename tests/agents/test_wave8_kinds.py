"""Wave 8 (issue 11): each miss of held-out set 15 was fixed for its kind, not its wording. The probes below were
written after the fixes, in other words and languages than the set, as other members of each kind; the look-alikes
are what each fix must let through. Every probe runs the whole draft check (agents.safety.check_draft) on a draft
that passes it without the probe sentence, so a probe can fail."""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents import run_agents
from agents.analyst import _label
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.quality import PLACEHOLDER
from agents.run import recheck_draft
from agents.safety import check_draft
from agents.settings import AgentSettings
from integrations.base import Company
from tests.agents.conftest import NOW, load_record
from tests.agents.replies import fixed_policy

WRAPPERS = {  # a plain draft in the record's language around the probe sentence
    "hubspot_deal": "Hi Dana,\n\nThanks for your email on November 18. {sentence}\n\nBest,\nSam",
    "salesforce_opportunity": "Hi Elena,\n\nThanks for your email on October 20. {sentence}\n\nBest,\nRachel",
    "de_deal": "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. {sentence}\n\nViele Grüße\nLena Vogt",
    "fr_deal": "Bonjour Claire,\n\nMerci pour votre message du 19 novembre. {sentence}\n\nCordialement,\nHugo Martin",
    "es_opportunity": "Hola Javier:\n\nGracias por su correo del 18 de noviembre. {sentence}\n\nUn saludo,\nMarta Ruiz",
}


def _refusals(record_name: str, sentence: str, other_customers: tuple[str, ...] = ()) -> list[str]:
    record, scores = load_record(record_name)
    ctx = build_context(record, scores, now=NOW)
    body = WRAPPERS[record_name].format(sentence=sentence)
    return check_draft(DraftOut(to_contact_id=record.contacts[0].id, subject="Next step", body=body), ctx,
                       build_vocabulary(ctx, other_customers=other_customers), approved_discount=None)


# Each kind: (record, sentence, the tenant's other customers).
PROBES = {
    "another customer named by part of its name": [
        ("hubspot_deal", "Blue-Yonder's crews rolled it out in a month.", ("Blue Yonder Airlines",)),
        ("fr_deal", "Comme chez Delorme, nous commencerons par un seul atelier.", ("Groupe Delorme",)),
        ("es_opportunity", "Igual que hicimos con Miramar, empezamos por los camiones de reparto.",
         ("Transportes Miramar SL",)),
        ("de_deal", "Wie bei Hansen Nord läuft die Einführung in zwei Wellen.", ("Spedition Hansen Nord",)),
    ],
    "a binding document stated as existing": [
        ("hubspot_deal", "We have your signed order form on file.", ()),
        ("hubspot_deal", "Your purchase order sits with our finance team now.", ()),
        ("de_deal", "Der Vertrag ist bei uns in trockenen Tüchern.", ()),
        ("fr_deal", "Le bon de commande est dans la boîte.", ()),
        ("es_opportunity", "El contrato ya está atado y bien atado.", ()),
    ],
    "a price set against another offer": [
        ("hubspot_deal", "We'll keep pace with the competitor on price.", ()),
        ("de_deal", "Beim Preis können wir mit dem Wettbewerb mithalten.", ()),
        ("fr_deal", "Nous allons nous caler sur le tarif de votre fournisseur actuel.", ()),
        ("es_opportunity", "Podemos dejar el precio a la altura de la competencia.", ()),
    ],
    "a deadline on an occasion no field dates": [
        ("de_deal", "Bitte bestätigen Sie bis zum Nikolaustag.", ()),
        ("de_deal", "Geben Sie uns spätestens zum Reformationstag Bescheid.", ()),
        ("de_deal", "Wir brauchen Ihre Zusage bis Allerheiligen.", ()),
    ],
    "a call timed from this message": [
        ("hubspot_deal", "I'll ring you once you've read this email.", ()),
        ("fr_deal", "Je vous téléphone à la suite de ce courriel.", ()),
        ("es_opportunity", "Le llamo después de enviar este correo.", ()),
        ("de_deal", "Ich melde mich telefonisch, sobald Sie diese Mail gelesen haben.", ()),
    ],
    "a call in hours or minutes, in any inflection": [
        ("es_opportunity", "Le llamo en un par de horitas.", ()),
        ("de_deal", "Ich rufe Sie in einer Viertelstunde an.", ()),
        ("hubspot_deal", "I'll call you in 90 mins.", ()),
    ],
}

# Held-out set 16's misses, fixed by kind after its first measurement; probes written after those fixes.
PROBES_16 = {
    "a day of this month already gone, or a past day named as a deadline": [
        ("hubspot_deal", "Please confirm by the 2nd of this month.", ()),
        ("es_opportunity", "El plazo para confirmar venció el pasado día 18.", ()),
        ("fr_deal", "La date limite était le 20 dernier.", ()),
    ],
    "the buyer's yes stated as given": [
        ("hubspot_deal", "Since Marcus said yes on the phone, I am booking the rollout.", ()),
        ("de_deal", "Da Herr Weber schon Ja gesagt hat, plane ich den Start.", ()),
        ("es_opportunity", "Como Javier ya dijo que sí, preparo el arranque.", ()),
    ],
    "a call today named by today's adjective, the day ending or the day's meal": [
        ("de_deal", "Ich rufe Sie nach der heutigen Besprechung an.", ()),
        ("hubspot_deal", "I'll phone you before the day is over.", ()),
        ("fr_deal", "Je vous appelle après le déjeuner.", ()),
        ("es_opportunity", "Le llamo antes de que acabe el día.", ()),
    ],
    "a German good stated as free": [
        ("de_deal", "Die Schulung Ihrer Fahrer ist im ersten Jahr frei.", ()),
        ("de_deal", "Wir liefern die Hardware frei Haus.", ()),
    ],
}


@pytest.mark.parametrize(("kind", "record_name", "sentence", "others"),
                         [(k, *p) for k, ps in PROBES_16.items() for p in ps])
def test_a_probe_of_each_kind_set_16_missed_is_refused_by_the_draft_check(kind, record_name, sentence, others):
    assert _refusals(record_name, sentence, others), kind


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("de_deal", "Passt Ihnen ein Gespräch am Montag, wenn Sie am Montag frei sind?"),
    ("de_deal", "Sie hatten mir am 20. November geschrieben, dass es weitergehen soll."),
    ("hubspot_deal", "If Marcus says yes at the review, onboarding starts in January."),
    ("fr_deal", "Seriez-vous disponible lundi après le déjeuner ?"),
    ("es_opportunity", "¿Le parece bien una llamada el lunes después de la comida?"),
])
def test_look_alikes_of_set_16s_kinds_pass_the_draft_check(record_name, sentence):
    assert _refusals(record_name, sentence) == []


# an xfail until wave 17: a language whose glue words we do not list, sharing one with Spanish ('ni'), passes the
# language check (held-out set 16, Swahili); the learned screen refuses it
def test_a_swahili_sentence_is_refused():
    assert _refusals("salesforce_opportunity", "Mafunzo ni bure kwa kliniki zote tisa.")


@pytest.mark.parametrize(("kind", "record_name", "sentence", "others"),
                         [(k, *p) for k, ps in PROBES.items() for p in ps])
def test_a_probe_of_each_fixed_kind_is_refused_by_the_draft_check(kind, record_name, sentence, others):
    assert _refusals(record_name, sentence, others), kind


LOOK_ALIKES = [
    ("hubspot_deal", "Idle time stays the north star of the proposal.", ("Northstar Freight",)),
    ("hubspot_deal", "Research from your team shows idle time is the main cost.", ("Trey Research",)),
    ("hubspot_deal", "The graphic design of the report stays simple.", ("Graphic Design Institute",)),
    ("salesforce_opportunity", "The Harbor Dental Group plan covers the 9 clinics.", ("Harbor Freight Group",)),
    ("hubspot_deal", "I will send the contract with the proposal.", ()),
    ("hubspot_deal", "Once the contract is signed, onboarding starts.", ()),
    ("fr_deal", "Le contrat vous sera envoyé avec la proposition.", ()),
    ("es_opportunity", "Javier me ha pedido la propuesta con el calendario de implantación.", ()),
    ("de_deal", "Das Angebot schicke ich Ihnen bis Ende nächster Woche.", ()),
    ("de_deal", "Das Angebot bekommen Sie bis zum Gespräch am Montag.", ()),
    ("de_deal", "Wollen wir am Dienstag um 10.30 Uhr sprechen?", ()),
    ("fr_deal", "Seriez-vous disponible mardi à 14 h 30 ?", ()),
    ("hubspot_deal", "Could you reply to this email with a time for a call next week?", ()),
    ("hubspot_deal", "After this email I will call you on Monday.", ()),
    ("hubspot_deal", "On the call we will walk you through how our price compares with the add-on.", ()),
    ("de_deal", "Wenn Sie diese Mail an Herrn Weber weiterleiten, sprechen wir am Montag zu dritt.", ()),
]


@pytest.mark.parametrize(("record_name", "sentence", "others"), LOOK_ALIKES)
def test_look_alikes_of_the_fixed_kinds_pass_the_draft_check(record_name, sentence, others):
    assert _refusals(record_name, sentence, others) == []


@pytest.mark.parametrize("record_name", sorted(WRAPPERS))
def test_the_probe_harness_passes_a_plain_draft_so_the_probes_can_fail(record_name):
    assert _refusals(record_name, "") == []


def test_hours_as_a_duration_are_still_a_figure_the_record_must_vouch_for():
    assert any("number '20'" in r for r in _refusals("fr_deal", "La formation dure 20 h pour chaque atelier."))


@pytest.mark.parametrize("word, flagged", [("todo", False), ("TODO", True), ("xx", False), ("XXX", True)])
def test_a_placeholder_marker_is_one_only_in_capitals(word, flagged):
    assert bool(PLACEHOLDER.search(f"Para que tenga {word} junto")) is flagged


@pytest.mark.parametrize("subject", ["AW: Angebot – bitte 8 % Treuerabatt bestätigen", "Re: 3 Monate Testphase?",
                                     "Quote for 120 trucks at 15% under list"])
def test_an_evidence_label_from_a_subject_with_a_figure_is_described_not_quoted(subject):
    label = _label({"type": "email", "direction": "inbound", "subject": subject, "text": "", "id": "a1", "at": None})
    assert label == "inbound email"  # wave 18: no label quotes a subject, with or without a figure


def test_the_offline_draft_leaves_out_a_bracketed_aside_of_the_company_name():
    record, scores = load_record("fr_deal")
    record = replace(record, company=replace(record.company or Company(id="c"), name="Atelier Lumière SAS (Groupe Delorme)"))
    settings = AgentSettings()
    run = run_agents(record, scores, settings, env={}, now=NOW, policy=fixed_policy("value_reinforcement"))
    assert "Delorme" not in run.draft.body + run.draft.subject
    assert "Atelier Lumière SAS" in run.draft.body + run.draft.subject
    assert recheck_draft(run, record, scores, settings, now=NOW) == []
