"""The four families set 33 still passed after wave 24b (issue 11, wave 25), as kinds in wordings of our own in
en/de/fr/es on the fixture records (and on copies of them given a note or an ask they lack):

- a capability the record does not show ("predictive engine-failure alerts" to a buyer of idle-time analytics);
- a document said ready only after the day the buyer asked for it;
- what one contact said in confidence repeated to another;
- "as you asked" about a detail another contact asked for, with the document as its carrier.

Each has look-alikes a rep would send and which must pass: a capability the record speaks of (or the tenant allows), a
day before the buyer's (or an honest "cannot"), a confidence said back to the person who said it, an open statement
credited to its author, the recipient's own ask."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.quality import check_draft_quality
from agents.settings import AgentSettings
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW

CONTACTS = {
    "en": ("hubspot_deal", "501", "Hi Dana,"),
    "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
    "fr": ("fr_deal", "711", "Bonjour Claire,"),
    "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:"),
    "en-sf": ("salesforce_opportunity", "0035g00000Con01", "Hi Elena,"),
}


def _raw(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / "records" / f"{name}.json").read_text())


def _with_activity(raw: dict[str, Any], activity: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(raw)
    out["activities"].append(activity)
    return out


def _failed(
    raw: dict[str, Any],
    language: str,
    contact_id: str,
    body: str,
    rule: str,
    settings: AgentSettings | None = None,
) -> list[str]:
    """The reasons `rule` gives for a one-paragraph e-mail to `contact_id` on `raw` (empty when it passes)."""
    record = Record.from_dict(raw)
    contact = next(c for c in record.contacts if c.id == contact_id)
    draft = Draft(
        to=Recipient(contact_id=contact_id, name=contact.name, email=contact.email),
        channel="email",
        kind="email",
        subject="Proposal",
        body=body,
        language=language,
        tone="friendly",
    )
    ctx = build_context(record, raw.get("scores"), now=NOW)
    checks = check_draft_quality(
        draft, ctx, build_vocabulary(ctx, score_figures=False), settings or AgentSettings()
    )
    found = next(c for c in checks if c.name == rule)
    return [] if found.passed else [found.detail]


def _letter(key: str, sentence: str) -> tuple[dict[str, Any], str, str, str]:
    record, contact, greeting = CONTACTS[key]
    return _raw(record), key[:2], contact, f"{greeting}\n\n{sentence}\n\nBest regards,\nSam"


CAPABILITY = "promises_only_capabilities_on_record"

UNSHOWN_CAPABILITY = [
    ("en", "The proposal also comes with our tyre-pressure monitoring for every truck."),
    ("en", "Our platform will also predict engine failures and brake wear a week ahead."),
    ("en-sf", "The proposal includes our automatic insurance-claim detection for all 9 clinics."),
    ("de", "Das Angebot enthält zusätzlich unsere Reifendruck-Überwachung für Anhänger und Kühlaufbauten."),
    ("de", "Unsere Plattform bietet eine Frühwarnung bei Motorschäden und Bremsenverschleiß."),
    (
        "fr",
        "La proposition inclut notre détection automatique des fraudes aux mutuelles pour chaque patient.",
    ),
    ("fr", "Notre plateforme assure aussi la surveillance des stocks de médicaments en temps réel."),
    ("es", "Nuestra plataforma le avisará con alertas de mantenimiento predictivo de frenos y neumáticos."),
    ("es", "La propuesta incluye el control de temperatura de la mercancía refrigerada en cada ruta."),
    # what the buyer will get, rather than what we include
    ("en", "You'll also get driver-fatigue detection with the rollout."),
    ("en", "Every truck will get cold-chain temperature alerts from day one."),
    ("de", "Sie erhalten außerdem eine automatische Kühlketten-Überwachung für Ihre Anhänger."),
    ("fr", "Vous bénéficierez aussi de notre module de télémédecine pour vos patients."),
    ("es", "Contará también con nuestro módulo de gestión de almacenes con sensores de humedad."),
]

SHOWN_CAPABILITY = [
    ("en", "The proposal includes idle-time alerts for each of your 6 depots."),
    ("en", "Our platform tracks idle time and fuel cost per truck in real time, as in the demo."),
    ("en-sf", "The proposal includes the automatic reminder texts for all 9 clinics."),
    ("de", "Das Angebot enthält die Leerlauf-Warnungen für alle 120 Fahrzeuge."),
    (
        "fr",
        "La proposition inclut les rappels automatiques contre les absences aux rendez-vous de vos 6 ateliers.",
    ),
    (
        "es",
        "La propuesta incluye el seguimiento del consumo de combustible en tiempo real de sus 85 camiones.",
    ),
    # a negation, a question and a condition promise nothing
    ("en", "The proposal does not include engine-failure alerts; they are not part of this rollout."),
    ("en", "Would engine-failure alerts be useful for your depots as well?"),
    ("de", "Eine Reifendruck-Überwachung ist im Angebot nicht enthalten."),
    ("es", "Si le interesa, podemos hablar del control de la cadena de frío en otra ocasión."),
    # a feature on record with words the record lacks beside it, or a purpose clause after it
    ("en", "The proposal includes a dashboard of idle time by depot and driver."),
    ("en", "The proposal includes fuel-cost reporting and idle-time alerts for all 420 trucks."),
    ("de", "Das Angebot enthält das Modul für Leerlaufzeiten und Dieselkosten."),
    ("fr", "La proposition inclut le module de rappels par SMS pour réduire les absences."),
    ("es", "La propuesta incluye el calendario de implantación y el módulo de consumo de combustible."),
]


@pytest.mark.parametrize(
    ("key", "sentence"), UNSHOWN_CAPABILITY, ids=[f"{k}-{i}" for i, (k, _) in enumerate(UNSHOWN_CAPABILITY)]
)
def test_a_capability_the_record_does_not_show_is_refused(key, sentence):
    raw, language, contact, body = _letter(key, sentence)
    assert _failed(raw, language, contact, body, CAPABILITY)


@pytest.mark.parametrize(
    ("key", "sentence"), SHOWN_CAPABILITY, ids=[f"{k}-{i}" for i, (k, _) in enumerate(SHOWN_CAPABILITY)]
)
def test_a_capability_the_record_speaks_of_passes(key, sentence):
    raw, language, contact, body = _letter(key, sentence)
    assert _failed(raw, language, contact, body, CAPABILITY) == []


def test_a_capability_the_tenant_allows_passes():
    raw, language, contact, body = _letter("en", "The proposal also comes with our tyre-pressure monitoring.")
    assert _failed(raw, language, contact, body, CAPABILITY)
    tenant = AgentSettings(allowed_promises=("tyre-pressure monitoring",))
    assert _failed(raw, language, contact, body, CAPABILITY, tenant) == []


LATE = "answers_latest_question"
_ASK_BY_DEC_4 = {
    "fr": (
        "Re: Proposition commerciale",
        "Bonjour Hugo, pourriez-vous nous envoyer la proposition avec le nombre de "
        "licences avant le vendredi 4 décembre ? Cordialement, Claire Dubois",
    ),
    "es": (
        "Re: Propuesta",
        "Hola Marta, ¿nos puede enviar la propuesta con el calendario de implantación antes del 4 de "
        "diciembre? Un saludo, Javier García",
    ),
}


def _asking(key: str) -> dict[str, Any]:
    """The record with the buyer's latest e-mail asking for the proposal by a day (en and de already do)."""
    raw = _raw(CONTACTS[key][0])
    if key not in _ASK_BY_DEC_4:
        return raw
    subject, text = _ASK_BY_DEC_4[key]
    return _with_activity(
        raw,
        {
            "type": "email",
            "at": "2026-11-23T09:00:00Z",
            "direction": "inbound",
            "subject": subject,
            "body": text,
        },
    )


READY_TOO_LATE = [
    ("en", "The proposal for your 420 trucks will be ready on Friday, December 11."),
    ("en", "I'll have the proposal finished by mid-December, once pricing has signed it off."),
    ("de", "Das Angebot für Ihre 120 Fahrzeuge ist am 16. Dezember fertig."),
    ("de", "Das Angebot steht Mitte Dezember, sobald die Preisfreigabe da ist."),
    ("fr", "La proposition sera prête le mardi 15 décembre."),
    ("fr", "La proposition sera finalisée mi-décembre."),
    ("es", "La propuesta estará lista el lunes 14 de diciembre."),
    ("es", "La propuesta saldrá a mediados de diciembre."),
    # a regret with no reason is still late (set 28's "leider erst Mitte Dezember")
    ("en", "Unfortunately the proposal will only be ready on Friday, December 11."),
    ("de", "Das Angebot ist leider erst Mitte Dezember fertig."),
    # the day the buyer can count on it
    ("en", "You can expect the proposal in mid-December."),
    ("en", "The proposal should be with you around December 14."),
    ("de", "Mit dem Angebot können Sie ab dem 14. Dezember rechnen."),
    ("fr", "Vous pouvez compter sur la proposition pour le 15 décembre."),
    ("es", "Puede esperar la propuesta para el 14 de diciembre."),
]

READY_IN_TIME = [
    # Dana asked on 18 November for it by the end of next week: Friday 27 November (wave 28: read from that day)
    ("en", "The proposal will be ready on Thursday, November 26, and I will send it the same day."),
    (
        "en",
        "Unfortunately the proposal cannot be ready before December 11, because pricing still has to sign it off.",
    ),
    ("de", "Das Angebot ist am Donnerstag, 26. November, fertig."),  # asked on 20 November "bis Ende nächster Woche"
    ("de", "Leider ist das Angebot erst am 16. Dezember fertig, weil die Preisfreigabe noch aussteht."),
    ("fr", "La proposition sera prête le jeudi 3 décembre."),
    ("fr", "Malheureusement, la proposition ne sera pas prête avant le 15 décembre."),
    ("es", "La propuesta estará lista el jueves 3 de diciembre."),
    ("es", "Lamentablemente la propuesta no estará lista antes del 14 de diciembre."),
]


@pytest.mark.parametrize(
    ("key", "sentence"), READY_TOO_LATE, ids=[f"{k}-{i}" for i, (k, _) in enumerate(READY_TOO_LATE)]
)
def test_a_document_ready_after_the_buyers_day_is_refused(key, sentence):
    _, language, contact, body = _letter(key, sentence)
    assert _failed(_asking(key), language, contact, body, LATE)


@pytest.mark.parametrize(
    ("key", "sentence"), READY_IN_TIME, ids=[f"{k}-{i}" for i, (k, _) in enumerate(READY_IN_TIME)]
)
def test_a_document_ready_in_time_or_an_honest_cannot_passes(key, sentence):
    _, language, contact, body = _letter(key, sentence)
    assert _failed(_asking(key), language, contact, body, LATE) == []


CONFIDENCE = "keeps_confidences"
_CONFIDED = {
    "de": ("Jonas hat uns unter vier Augen gesagt, dass das Budget bei 40.000 Euro gedeckelt ist.", "702"),
    "fr": ("Entre nous, Paul a confié que la direction hésite encore sur le budget.", "712"),
    "es": (
        "Lucía nos comentó, entre nosotros, que el comité todavía duda del presupuesto.",
        "0035g00000Es02",
    ),
    "en-sf": (
        "Internal: Tom said the partners are split on the budget for the second wave.",
        "0035g00000Con02",
    ),
}


def _confiding(key: str) -> dict[str, Any]:
    raw = _raw(CONTACTS[key][0])
    if key not in _CONFIDED:
        return raw  # hubspot_deal's own note: "Dana hinted the telematics add-on is cheaper."
    return _with_activity(
        raw,
        {
            "type": "note",
            "at": "2026-11-20T09:00:00Z",
            "direction": None,
            "subject": "Budget",
            "body": _CONFIDED[key][0],
        },
    )


REPEATED_CONFIDENCES = [
    (
        "en",
        "502",
        "Hi Marcus,",
        "Dana told us the telematics add-on from your vendor is cheaper, so we priced with that.",
    ),
    (
        "en",
        "503",
        "Hi Priya,",
        "I hear the telematics add-on is cheaper; the proposal shows why ours pays back sooner.",
    ),
    ("en", "502", "Hi Marcus,", "Dana let us know privately that she prefers our proposal."),
    (
        "en-sf",
        "0035g00000Con01",
        "Hi Elena,",
        "Tom mentioned the partners are split on the budget for the second wave.",
    ),
    (
        "de",
        "701",
        "Guten Tag Frau Schmidt,",
        "Herr Weber hat erwähnt, dass das Budget bei 40.000 Euro gedeckelt ist.",
    ),
    ("fr", "711", "Bonjour Claire,", "Paul m'a dit que la direction hésite encore sur le budget."),
    ("es", "0035g00000Es01", "Hola Javier:", "Lucía nos dijo que el comité todavía duda del presupuesto."),
    ("es", "0035g00000Es01", "Hola Javier:", "Su compañera nos contó que el comité duda del presupuesto."),
    ("en", "502", "Hi Marcus,", "Between you and me, Dana thinks the add-on is cheaper."),
    ("de", "701", "Guten Tag Frau Schmidt,", "Wie ich höre, ist das Budget bei 40.000 Euro gedeckelt."),
    ("fr", "711", "Bonjour Claire,", "J'ai cru comprendre que la direction hésite encore sur le budget."),
    ("es", "0035g00000Es01", "Hola Javier:", "Tengo entendido que el comité duda del presupuesto."),
]

KEPT_CONFIDENCES = [
    # the aside said back to the person who said it
    (
        "en",
        "501",
        "Hi Dana,",
        "You mentioned the telematics add-on is cheaper; the proposal shows the payback against it.",
    ),
    (
        "de",
        "702",
        "Guten Tag Herr Weber,",
        "Sie hatten erwähnt, dass das Budget gedeckelt ist; das Angebot bleibt darunter.",
    ),
    (
        "fr",
        "712",
        "Bonjour Paul,",
        "Vous m'aviez dit que la direction hésite sur le budget : la proposition en tient compte.",
    ),
    (
        "es",
        "0035g00000Es02",
        "Hola Lucía:",
        "Nos comentó que el comité duda del presupuesto; la propuesta lo tiene en cuenta.",
    ),
    # what a contact said openly, credited to them
    (
        "en",
        "502",
        "Hi Marcus,",
        "Dana confirmed that security has signed off, so the proposal reaches you on Friday.",
    ),
    ("en-sf", "0035g00000Con02", "Hi Tom,", "Elena said the reminder texts were the highlight of the demo."),
    # the topic without the person or the hearsay
    (
        "en",
        "502",
        "Hi Marcus,",
        "The proposal sets our price next to a telematics add-on, so you can compare both.",
    ),
    # colleagues named beside a topic of the confidence, nothing of it told
    ("en", "502", "Hi Marcus,", "Dana and Priya asked me to send the proposal on Friday."),
    (
        "de",
        "701",
        "Guten Tag Frau Schmidt,",
        "Herr Weber und Sie erhalten das Angebot am Freitag; das Budget ist berücksichtigt.",
    ),
]


@pytest.mark.parametrize(
    ("key", "contact", "greeting", "sentence"),
    REPEATED_CONFIDENCES,
    ids=[f"{r[0]}-{i}" for i, r in enumerate(REPEATED_CONFIDENCES)],
)
def test_a_confidence_repeated_to_another_contact_is_refused(key, contact, greeting, sentence):
    body = f"{greeting}\n\n{sentence}\n\nBest regards,\nSam"
    assert _failed(_confiding(key), key[:2], contact, body, CONFIDENCE)


@pytest.mark.parametrize(
    ("key", "contact", "greeting", "sentence"),
    KEPT_CONFIDENCES,
    ids=[f"{r[0]}-{i}" for i, r in enumerate(KEPT_CONFIDENCES)],
)
def test_a_confidence_said_back_or_an_open_word_credited_passes(key, contact, greeting, sentence):
    body = f"{greeting}\n\n{sentence}\n\nBest regards,\nSam"
    assert _failed(_confiding(key), key[:2], contact, body, CONFIDENCE) == []


ASKER = "asked_by_the_recipient"

# (record key, to whom, greeting, sentence): the document carries a detail another contact asked for
DETAIL_OF_ANOTHER = [
    ("en", "501", "Hi Dana,", "As you asked, the proposal sets out the payback estimate in detail."),
    (
        "de",
        "701",
        "Guten Tag Frau Schmidt,",
        "Wie von Ihnen gewünscht, enthält das Angebot die Amortisationsrechnung.",
    ),
    (
        "fr",
        "711",
        "Bonjour Claire,",
        "Vous vouliez connaître le coût par atelier : la proposition le détaille.",
    ),
    (
        "es",
        "0035g00000Es01",
        "Hola Javier:",
        "Como nos pidió, la propuesta detalla la estimación de retorno.",
    ),
]

OWN_ASK = [
    ("en", "502", "Hi Marcus,", "As you asked, the proposal sets out the payback estimate in detail."),
    (
        "de",
        "701",
        "Guten Tag Frau Schmidt,",
        "Wie von Ihnen gewünscht, erhalten Sie das Angebot bis Freitag, 27. November.",
    ),
    (
        "fr",
        "711",
        "Bonjour Claire,",
        "Comme vous l'avez demandé, la proposition détaille le nombre de licences par atelier.",
    ),
    ("es", "0035g00000Es02", "Hola Lucía:", "Como nos pidió, la propuesta detalla la estimación de retorno."),
    # the document sent to the one who asked for it, a colleague's detail inside
    (
        "fr",
        "711",
        "Bonjour Claire,",
        "Comme vous l'avez demandé, la proposition vous parviendra vendredi avec le coût par atelier.",
    ),
    (
        "es",
        "0035g00000Es01",
        "Hola Javier:",
        "Como nos pidió, la propuesta le llega el viernes con la estimación de retorno.",
    ),
]


@pytest.mark.parametrize(
    ("key", "contact", "greeting", "sentence"), DETAIL_OF_ANOTHER, ids=[r[0] for r in DETAIL_OF_ANOTHER]
)
def test_as_you_asked_about_a_detail_a_colleague_asked_for_is_refused(key, contact, greeting, sentence):
    raw, language, _, _ = _letter(key, "")
    assert _failed(raw, language, contact, f"{greeting}\n\n{sentence}\n\nSam", ASKER)


@pytest.mark.parametrize(("key", "contact", "greeting", "sentence"), OWN_ASK, ids=[r[0] for r in OWN_ASK])
def test_as_you_asked_about_the_recipients_own_ask_passes(key, contact, greeting, sentence):
    raw, language, _, _ = _letter(key, "")
    assert _failed(raw, language, contact, f"{greeting}\n\n{sentence}\n\nSam", ASKER) == []
