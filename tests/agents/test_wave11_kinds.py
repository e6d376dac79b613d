"""Wave 11 (issue 11): the classes set 19 left open, each fixed for its kind, and probed with sentences written after the
fix (weak evidence: the same person wrote the fix and the probe; none is copied from a held-out set).

- a calendar week ("KW 49", "week 49", "semaine 49", "semana 49") is a date range, checked like a date: never a figure,
  and a past one is a past deadline or term;
- a holiday ("Thanksgiving", "Allerheiligen", "Toussaint", "Todos los Santos") is a date in any case, never a name;
- a weekend wished or past ("enjoy the long weekend") is no weekend meeting;
- thanks credit the person the record says acted;
- the familiar "du/tu/tú" to a person the record addresses formally is the wrong register;
- a draft that asks nothing but says when the thing will reach the buyer gives a dated next step;
- a draft to a private mailbox added beside the buyer's company address is refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from agents.calendar_days import calendar_weeks, holidays
from agents.context import build_context
from agents.facts import build_vocabulary, find_unsupported
from agents.meeting_hours import business_hours_violations
from agents.models import Draft, DraftOut, Recipient
from agents.quality import check_draft_quality
from agents.safety import check_draft
from agents.settings import AgentSettings
from agents.timing import timing_violations
from integrations.base import Activity, Contact
from tests.agents.conftest import NOW, load_record
from tests.agents.test_wave8_kinds import WRAPPERS
from tests.agents.test_wave10_kinds import LANGUAGE, SEND_DAY, _refusals


def test_calendar_weeks_resolve_to_the_nearest_iso_week():
    found = calendar_weeks("Termin in KW 49, sonst in der Kalenderwoche 2", date(2026, 11, 26))
    assert [(n.first, n.last) for n in found] == [(date(2026, 11, 30), date(2026, 12, 6)),
                                                   (date(2027, 1, 11), date(2027, 1, 17))]
    assert calendar_weeks("in week 2 of the pilot", date(2026, 11, 26)) == []


def test_holidays_resolve_to_their_day_in_any_case_and_language():
    today = date(2026, 11, 26)
    assert [n.first for n in holidays("thanksgiving, Buß- und Bettag, la Toussaint, Todos los Santos, Easter", today)] \
        == [date(2026, 11, 26), date(2026, 11, 18), date(2026, 11, 1), date(2026, 11, 1), date(2027, 3, 28)]


@pytest.mark.parametrize(("record_name", "sentence", "named"), [
    ("de_deal", "Bitte geben Sie uns bis KW 46 Bescheid, dann reservieren wir das Team.", "KW 46"),
    ("hubspot_deal", "The rollout slot is yours if you confirm by the end of calendar week 47.", "week 47"),
    ("fr_deal", "Nous gardons ce créneau si vous confirmez avant la semaine 46.", "semaine 46"),
    ("es_opportunity", "Mantenemos el equipo si confirman antes de la semana 47.", "semana 47"),
    ("hubspot_deal", "This rate is good until veterans day.", "veterans day"),
    ("de_deal", "Das Angebot gilt bis Allerheiligen.", "Allerheiligen"),
    ("fr_deal", "L'offre reste valable jusqu'à la Toussaint.", "Toussaint"),
    ("es_opportunity", "La oferta es válida hasta Todos los Santos.", "Todos los Santos"),
])
def test_a_past_calendar_week_or_holiday_as_a_deadline_is_refused_as_one(record_name, sentence, named):
    assert any(named in r and "past" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


def test_a_lower_case_holiday_as_a_deadline_is_refused():
    # wave 9's strict xfail: an occasion in lower case was no name, no date and no listed day word
    assert _refusals("hubspot_deal", "The offer is valid until halloween.")


def test_a_calendar_week_is_held_to_the_inputs_dates_like_a_date_never_as_a_figure():
    record, scores = load_record("de_deal")
    ctx = build_context(record, scores, now=NOW)
    vocab = build_vocabulary(ctx)
    assert [f.kind for f in find_unsupported("Hätten Sie in KW 50 eine halbe Stunde Zeit?", vocab)] == ["date"]
    with_day = replace(vocab, dates=vocab.dates | {date(2026, 12, 8)})
    assert find_unsupported("Hätten Sie in KW 50 eine halbe Stunde Zeit?", with_day) == []


def _quality(record_name: str, body: str, *, to: int = 0, record=None, send_day: date | None = None) -> dict[str, str]:
    record = record or load_record(record_name)[0]
    scores = load_record(record_name)[1]
    contact = record.contacts[to]
    ctx = build_context(record, scores, now=NOW)
    draft = Draft(to=Recipient(contact_id=contact.id, name=contact.name, email=contact.email), channel="email",
                  kind="email", subject="Next step", body=body, language=LANGUAGE[record_name], tone="friendly")
    return {c.name: c.detail for c in check_draft_quality(draft, ctx, build_vocabulary(ctx), AgentSettings(),
                                                          send_day=send_day) if not c.passed}


@pytest.mark.parametrize(("record_name", "body"), [
    ("de_deal", "Hallo Frau Schmidt,\n\ndas Angebot für Ihre 120 Fahrzeuge ist in Arbeit. Passt Ihnen ein kurzer Termin "
                "in KW 50, damit wir es gemeinsam mit Herrn Weber durchgehen?\n\nViele Grüße\nLena Vogt"),
    ("fr_deal", "Bonjour Claire,\n\nla proposition pour vos 6 ateliers est presque prête. Pourrions-nous prévoir un "
                "échange de 20 minutes en semaine 50 pour la parcourir ensemble ?\n\nCordialement,\nHugo Martin"),
    ("hubspot_deal", "Hi Dana,\n\nThe proposal for your 6 depots is almost ready. Before Christmas gets busy, could we "
                     "take 20 minutes next Tuesday to walk Marcus through it?\n\nBest,\nSam"),
    ("hubspot_deal", "Hi Dana,\n\nThe proposal for your 6 depots will reach you and Marcus on Friday. Have a restful "
                     "long weekend; could we speak on Monday about the budget review?\n\nBest,\nSam"),
])
def test_good_drafts_naming_a_coming_week_holiday_or_weekend_wish_pass(record_name, body):
    assert _quality(record_name, body) == {}


@pytest.mark.parametrize("sentence", ["Could we talk over the weekend?", "Would Saturday work for a quick call?",
                                      "Können wir am Wochenende telefonieren?"])
def test_a_weekend_still_proposed_for_a_meeting_is_refused(sentence):
    assert business_hours_violations(sentence, SEND_DAY)


def test_a_past_calendar_week_as_a_meeting_day_is_refused():
    assert timing_violations("Können wir in KW 47 telefonieren?", SEND_DAY)


def _with(record_name: str, *activities: Activity, contacts: tuple[Contact, ...] = ()):
    record, _ = load_record(record_name)
    return replace(record, activities=record.activities + activities, contacts=record.contacts + contacts)


CREDIT_NOTES = {
    "hubspot_deal": (Activity(type="note", at="2026-11-24T10:00:00Z", subject="Retention terms",
                              body="Priya approved the data retention terms after a second look."),
                     "Hi {first},\n\nThanks for approving the data retention terms so quickly. The proposal for the 6 "
                     "depots follows on Friday.\n\nCould we take 20 minutes on Monday?\n\nBest,\nSam", 0, 2),
    "fr_deal": (Activity(type="note", at="2026-11-24T10:00:00Z", subject="Budget",
                         body="Paul a validé le budget des licences pour les ateliers."),
                "Bonjour {first},\n\nmerci d'avoir validé le budget des licences aussi vite. La proposition pour les 6 "
                "ateliers vous parviendra vendredi.\n\nPourrions-nous prévoir un échange lundi ?\n\nCordialement,\nHugo",
                0, 1),
    "es_opportunity": (Activity(type="note", at="2026-11-24T10:00:00Z", subject="Presupuesto",
                                body="Lucía aprobó el presupuesto de implantación para los camiones."),
                       "Hola {first}:\n\nGracias por aprobar el presupuesto de implantación tan rápido. La propuesta con "
                       "el calendario le llegará el viernes.\n\n¿Le parece bien una llamada el lunes?\n\nUn saludo,\nMarta",
                       0, 1),
}


@pytest.mark.parametrize("record_name", sorted(CREDIT_NOTES))
def test_thanks_for_an_act_the_record_credits_to_someone_else_is_refused_and_to_them_passes(record_name):
    note, body, wrong, right = CREDIT_NOTES[record_name]
    record = _with(record_name, note)
    to_wrong = _quality(record_name, body.format(first=record.contacts[wrong].name.split()[0]), to=wrong, record=record)
    to_right = _quality(record_name, body.format(first=record.contacts[right].name.split()[0]), to=right, record=record)
    assert "thanks_the_right_person" in to_wrong, to_wrong
    assert "thanks_the_right_person" not in to_right, to_right


@pytest.mark.parametrize(("record_name", "extra", "body", "to"), [
    ("de_deal", None, "Hallo Jonas,\n\ndas Angebot für die 120 Fahrzeuge ist fast fertig, ich schicke es dir am Freitag. "
                      "Hast du am Montag zehn Minuten für einen Anruf?\n\nViele Grüße\nLena", 1),
    ("fr_deal", Activity(type="email", at="2026-11-20T09:00:00Z", direction="outbound", subject="Budget",
                         body="Bonjour Monsieur Lefèvre, voici le détail du coût par atelier."),
     "Bonjour Paul,\n\nje t'envoie la proposition pour les 6 ateliers vendredi. Est-ce que tu as un moment lundi pour "
     "un appel ?\n\nCordialement,\nHugo", 1),
    ("es_opportunity", Activity(type="email", at="2026-11-20T09:00:00Z", direction="inbound", subject="Estimación",
                                body="Hola Marta, ¿podría usted enviarme el detalle por camión? Un saludo, Lucía "
                                     "Fernández"),
     "Hola Lucía:\n\nte mando el detalle por camión con la propuesta el viernes. ¿Te viene bien una llamada el lunes "
     "para revisarlo?\n\nUn saludo,\nMarta", 1),
])
def test_the_familiar_you_to_someone_the_record_addresses_formally_is_refused(record_name, extra, body, to):
    record = _with(record_name, extra) if extra else load_record(record_name)[0]
    failed = _quality(record_name, body, to=to, record=record)
    assert "formally" in failed.get("addresses_contact_by_name", ""), failed


def test_the_familiar_you_passes_where_the_record_shows_no_formal_address():
    # es_opportunity's own messages greet by first name and never say "usted" to Javier
    failed = _quality("es_opportunity", "Hola Javier:\n\nte mando la propuesta con el calendario de implantación el "
                                        "viernes. ¿Te viene bien que la repasemos el lunes por la mañana?\n\nUn saludo,\n"
                                        "Marta")
    assert "addresses_contact_by_name" not in failed, failed


@pytest.mark.parametrize(("record_name", "body"), [
    ("fr_deal", "Bonjour Claire,\n\nmerci pour votre retour sur la démonstration. La proposition avec les licences pour "
                "vos 6 ateliers vous sera envoyée vendredi, avec le coût par atelier que Paul souhaitait.\n\nBien "
                "cordialement,\nHugo Martin"),
    ("es_opportunity", "Hola Javier:\n\ngracias de nuevo por la demo y por su correo. La propuesta con el calendario de "
                       "implantación para los 85 camiones le llegará el viernes por la mañana, lista para revisarla con "
                       "Lucía.\n\nUn saludo,\nMarta Ruiz"),
    ("hubspot_deal", "Hi Dana,\n\nThanks for the update on security. The proposal for the 6 depots will land in your "
                     "inbox on Friday, in time for Marcus before the December budget review.\n\nBest,\nSam"),
])
def test_a_draft_asking_nothing_but_saying_when_the_document_arrives_gives_a_next_step(record_name, body):
    failed = _quality(record_name, body)
    assert "one_clear_call_to_action" not in failed, failed


def test_a_draft_to_a_private_mailbox_beside_the_buyers_company_address_is_refused():
    private = Contact(id="799", name="Claire Dubois (perso)", email="claire.dubois@orange.fr", language="fr")
    record = _with("fr_deal", contacts=(private,))
    ctx = build_context(record, load_record("fr_deal")[1], now=NOW)
    body = WRAPPERS["fr_deal"].format(sentence="La proposition suit vendredi. Pourrions-nous échanger lundi ?")
    refusals = check_draft(DraftOut(to_contact_id="799", subject="Proposition", body=body), ctx, build_vocabulary(ctx),
                           approved_discount=None, send_day=SEND_DAY, language="fr")
    assert any("private mailbox" in r for r in refusals), refusals
    to_company = check_draft(DraftOut(to_contact_id=record.contacts[0].id, subject="Proposition", body=body), ctx,
                             build_vocabulary(ctx), approved_discount=None, send_day=SEND_DAY, language="fr")
    assert not any("private mailbox" in r for r in to_company), to_company


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Could we take 20 minutes on Tuesday, December 8 to go through it?"),
    ("de_deal", "Hätten Sie am Mittwoch, 9. Dezember, Zeit für ein kurzes Gespräch?"),
    ("fr_deal", "Pourrions-nous prévoir un appel le mardi 8 décembre ?"),
    ("es_opportunity", "¿Le parece bien una llamada el martes 8 de diciembre?"),
])
def test_a_business_day_still_to_come_proposed_for_a_meeting_is_a_proposal_not_an_unvouched_fact(record_name, sentence):
    assert _refusals(record_name, sentence) == []


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "The onboarding slot is held for you until December 8; shall we talk then?"),
    ("hubspot_deal", "Would a call on Saturday, December 5 work?"),
    ("de_deal", "Wenn Sie bis zum 9. Dezember unterschreiben, können wir dann telefonieren?"),
])
def test_a_date_set_as_a_term_or_on_a_weekend_is_still_held_to_the_inputs(record_name, sentence):
    assert any("date" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


@pytest.mark.parametrize("sentence", ["Could we have a call this weekend?", "Shall we have a quick chat on the weekend?"])
def test_having_a_call_at_the_weekend_is_no_weekend_wish(sentence):
    assert business_hours_violations(sentence, SEND_DAY)


# A second batch, written as the next attacker after the fixes above. First pass: "le prix est garanti" got through, "in
# der 47. KW" was refused only as a figure (so "in der 49. KW" would have failed a good draft) and "KW47" only as a
# disguised word; fixed for their kind: the French masculine "garanti", the German ordinal week (which also ended a
# sentence at "47."), KW49 as a code, not a word.
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Sign before the end of KW47 to keep this price."),
    ("hubspot_deal", "The pilot terms are valid through Veterans Day."),
    ("de_deal", "Die Konditionen gelten bis spätestens Buß- und Bettag."),
    ("fr_deal", "Ce tarif tient d'ici la Toussaint."),
    ("es_opportunity", "El precio se mantiene antes del día de Todos los Santos."),
    ("es_opportunity", "Si firman en la semana 46, mantenemos el precio."),
    ("fr_deal", "Si vous signez en S46, le prix est garanti."),
    ("de_deal", "Wenn Sie in der 47. KW unterschreiben, bleibt der Preis."),
    ("hubspot_deal", "Offer ends halloween night."),
    ("hubspot_deal", "Happy Thanksgiving: the rollout is booked for week 48."),
])
def test_the_next_attackers_weeks_and_holidays_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


# A third batch, written as the next attacker in other kinds (likely set-20 ground) before any fix: 11 of 22 refused
# first. The 11 misses, each fixed for its kind: signing stated as done with no document ("the ink is dry", "c'est
# signé", "ya está todo firmado", "alles ist unterschrieben"); a call timed from the meeting the writer is in now
# ("once I'm out of this meeting", "en sortant de réunion", "en cuanto salga de esta reunión") or "close of play"; a price
# held by a plain verb ("stays put for three years", "bleibt ... wo er ist"); what we pay said as whose it is ("le
# premier mois est pour nous").
THIRD_BATCH = [
    ("hubspot_deal", "Can I give you a buzz before close of play?"),
    ("hubspot_deal", "The ink is dry on our side, so onboarding can start."),
    ("de_deal", "Die Schulung gibt es bei uns aufs Haus."),
    ("fr_deal", "La formation est offerte par la maison."),
    ("es_opportunity", "La formación corre por cuenta de la casa."),
    ("hubspot_deal", "We'll throw in the driver app at no extra charge."),
    ("fr_deal", "C'est signé de votre côté, parfait."),
    ("es_opportunity", "Ya está todo firmado, así que arrancamos."),
    ("de_deal", "Alles ist unterschrieben, wir starten."),
    ("hubspot_deal", "Mulțumim pentru mesaj, vă trimitem oferta mâine."),
    ("hubspot_deal", "Köszönjük az üzenetet, holnap küldjük az ajánlatot."),
    ("de_deal", "Ich ruf Sie nach meinem nächsten Termin heute an."),
    ("fr_deal", "Je vous passe un coup de fil en sortant de réunion."),
    ("es_opportunity", "Le llamo en cuanto salga de esta reunión."),
    ("hubspot_deal", "I'll ring you once I'm out of this meeting."),
    ("hubspot_deal", "We've knocked 12% off the list price for you."),
    ("hubspot_deal", "Marcus already approved the budget, per Priya."),
    ("hubspot_deal", "The PO number is 4500123 — we're all set."),
    ("hubspot_deal", "Your price stays put for the next three years."),
    ("de_deal", "Ihr Preis bleibt die nächsten drei Jahre, wo er ist."),
    ("es_opportunity", "Le regalamos el primer mes."),
    ("fr_deal", "Le premier mois est pour nous."),
]


@pytest.mark.parametrize(("record_name", "sentence"), THIRD_BATCH)
def test_the_third_batch_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Once it's signed, onboarding starts the week after."),
    ("de_deal", "Sobald alles unterschrieben ist, starten wir mit dem ersten Standort."),
    ("fr_deal", "Ce point est pour nous essentiel avant la proposition."),
    ("hubspot_deal", "After this meeting on Tuesday, I will send the summary."),
])
def test_look_alikes_of_the_third_batch_pass(record_name, sentence):
    assert _refusals(record_name, sentence) == []


# Set 20's misses fixed by kind after its first measurement (00:50 UTC); probes in other words, written after the fixes.
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("de_deal", "Sie bekommen von uns 90 Tage Zahlungsziel."),
    ("de_deal", "Ihr Rabatt ist von der Geschäftsführung genehmigt."),
    ("hubspot_deal", "Can we speak the Monday after Halloween at 10 am?"),
    ("de_deal", "Die Einrichtung entfällt komplett."),
    ("hubspot_deal", "Paperwork is a mere formality at this point."),
    ("hubspot_deal", "Welcome to the family, Dana!"),
    ("fr_deal", "Ce tarif tient jusqu'à l'Armistice."),
    ("hubspot_deal", "We will meet any price they quote you."),
])
def test_probes_of_set_20_kinds_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "We have no discount approved yet, so the proposal shows list price."),
    ("hubspot_deal", "The next step is on us: the proposal goes out on Friday."),
])
def test_look_alikes_of_set_20_kinds_pass(record_name, sentence):
    assert _refusals(record_name, sentence) == []
