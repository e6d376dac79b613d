"""Quality kinds set 29 missed (wave 21), probed in wordings of our own in four languages, with drafts that must pass:
asking for a figure the buyer already gave, a meeting on a public holiday or after the close date, a decision the
record does not show, and an offer's validity no setting defines. Through the whole quality check, as a sales manager
reads a draft: one failed check flags it. (Not named test_waveN_kinds.py: these sentences are no screen training data.)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.agents.test_asks_and_thanks_by_direction import _failed

ASKS_FOR_KNOWN_FIGURES = [
    # Dana wrote "We run about 420 trucks across 6 depots" (October 2); the payback estimate is "based on 420 trucks"
    ("hubspot_deal", "501", "Quick one before I price it: how many vehicles, sorry, how many trucks do you operate?"),
    ("hubspot_deal", "501", "Could you tell me the number of depots your drivers start from?"),
    ("hubspot_deal", "502", "To size the licence, can you confirm how many trucks Northwind has on the road?"),
    # the demo notes: "bei 120 Fahrzeugen"; Anna's own e-mail: "das Angebot für 120 Fahrzeuge"
    ("de_deal", "701", "Können Sie mir sagen, wie viele Fahrzeuge zu Ihrer Flotte gehören?"),
    ("de_deal", "702", "Nennen Sie mir bitte kurz die Anzahl der Fahrzeuge, damit das Angebot stimmt."),
    # the demo notes: "les 6 ateliers"; Claire's own e-mail: "pour les 6 ateliers"
    ("fr_deal", "711", "Pour finaliser la proposition, pouvez-vous me dire combien d'ateliers sont concernés ?"),
    ("fr_deal", "712", "Merci de me préciser le nombre d'ateliers à équiper."),
    # the demo notes: "en 85 camiones"; our payback estimate "para 85 camiones"
    ("es_opportunity", "0035g00000Es01", "¿Me confirma cuántos camiones forman hoy su flota?"),
    ("es_opportunity", "0035g00000Es02", "¿Podría indicarme el número de camiones que quieren conectar?"),
    # the fleet's size, asked without "how many"
    ("hubspot_deal", "501", "Could you confirm your current fleet size before I finalise the numbers?"),
    ("de_deal", "701", "Wie groß ist Ihr Fuhrpark? Nennen Sie mir bitte die Größe Ihres Fuhrparks."),
    ("es_opportunity", "0035g00000Es01", "¿Me indica el tamaño de su flota actual?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), ASKS_FOR_KNOWN_FIGURES)
def test_asking_for_a_count_the_record_already_gives_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "the record already gives" in failed.get("asks_only_for_what_is_open", ""), failed


KNOWN_FIGURE_LOOK_ALIKES = [
    # a confirmation that states the figure asks nothing the record lacks
    ("hubspot_deal", "501", "Are the 420 trucks across 6 depots still the right basis for the proposal?"),
    # a count the record does not have (drivers, licences, shifts)
    ("hubspot_deal", "501", "How many dispatchers will need a login on the first day?"),
    ("de_deal", "701", "Wie viele Disponenten sollen in der ersten Woche geschult werden?"),
    ("fr_deal", "711", "Combien de licences faut-il prévoir pour l'équipe de Paul ?"),
    ("es_opportunity", "0035g00000Es01", "¿Cuántos conductores trabajan en el turno de noche?"),
    # a change, a part or a future count: the figure on record does not answer it
    ("hubspot_deal", "501", "How many more trucks do you expect to add next year?"),
    ("de_deal", "701", "Wie viele davon fahren auch am Wochenende?"),
    ("fr_deal", "711", "Combien de nouveaux ateliers comptez-vous ouvrir l'an prochain ?"),
    ("es_opportunity", "0035g00000Es01", "¿Cuántos camiones adicionales prevén incorporar en 2027?"),
    # a statement about the count, no ask
    ("fr_deal", "711", "La proposition précisera le nombre de licences pour chacun de vos 6 ateliers."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), KNOWN_FIGURE_LOOK_ALIKES)
def test_an_ask_the_record_cannot_answer_is_not_flagged_as_known(record_name, contact_id, sentence):
    assert "the record already gives" not in _failed(record_name, contact_id, sentence).get(
        "asks_only_for_what_is_open", "")


def test_a_figure_only_a_withheld_note_gives_does_not_make_the_ask_known():
    from tests.agents.conftest import load_record
    record, _ = load_record("fr_deal")
    # only the demo notes and Claire's e-mail say "6 ateliers"; without them the record cannot tell
    kept = tuple(a for a in record.activities if "6 ateliers" not in (a.body or ""))
    sentence = "Pour finaliser la proposition, pouvez-vous me dire combien d'ateliers sont concernés ?"
    assert "the record already gives" not in _failed("fr_deal", "711", sentence, replace(record, activities=kept)).get(
        "asks_only_for_what_is_open", "")


def test_asking_for_the_headcount_the_company_record_holds_is_flagged():
    failed = _failed("hubspot_deal", "501", "Could you let me know how many employees Northwind has?")
    assert "employee count" in failed.get("asks_only_for_what_is_open", ""), failed


HOLIDAY_MEETINGS = [
    # send day Wednesday 25 November 2026; a plan's line names the day and the hour without a meeting word
    ("de_deal", "701", "Vorschlag für die Abstimmung: Freitag, 1. Januar, um 10 Uhr.", "Neujahr"),
    ("de_deal", "701", "- Präsentation für Herrn Weber: Freitag, 25. Dezember, 11 Uhr", "Weihnachtstag"),
    ("fr_deal", "711", "- Restitution avec Paul : vendredi 1er janvier à 10 h", "jour de l'an"),
    ("es_opportunity", "0035g00000Es01", "- Repaso con Lucía: martes 8 de diciembre a las 10:00", "Inmaculada"),
    ("es_opportunity", "0035g00000Es01", "- Presentación al comité: lunes 7 de diciembre a las 10:00, "
                                         "y otra el domingo 6 de diciembre a las 12:00", "Constitución"),
    ("hubspot_deal", "501", "- Walk-through with Marcus: Friday, December 25 at 10 am", "Christmas Day"),
    ("hubspot_deal", "501", "- Walk-through with Marcus: Thursday, November 26 at 10 am", "Thanksgiving Day"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence", "holiday"), HOLIDAY_MEETINGS)
def test_an_appointment_on_a_public_holiday_of_the_buyers_country_is_flagged(record_name, contact_id, sentence,
                                                                             holiday):
    failed = _failed(record_name, contact_id, sentence + "\n\nPasst das?" if record_name == "de_deal" else sentence)
    assert holiday in failed.get("meeting_in_business_hours", ""), failed


HOLIDAY_LOOK_ALIKES = [
    # a term on a holiday is a deadline, not an appointment (other checks judge terms)
    ("de_deal", "701", "Die Unterlagen erhalten Sie bis Montag, 30. November, 12 Uhr."),
    # a delivery day before the meeting's own day
    ("hubspot_deal", "501", "I will send the proposal on Friday, November 27, and we could talk on Tuesday, "
                            "December 1 at 10 am."),
    # a working day in Spain that is a holiday elsewhere (Boxing Day is British)
    ("es_opportunity", "0035g00000Es01", "- Revisión con usted: lunes 30 de noviembre a las 10:00"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), HOLIDAY_LOOK_ALIKES)
def test_a_working_day_or_a_term_is_not_read_as_a_holiday_meeting(record_name, contact_id, sentence):
    assert "meeting_in_business_hours" not in _failed(record_name, contact_id, sentence)


def test_a_meeting_after_the_deals_close_date_is_flagged():
    # Müller Logistik closes on December 22; a review in January is after the deal should be decided
    failed = _failed("de_deal", "701", "Wollen wir das Angebot am Dienstag, 5. Januar, um 10 Uhr besprechen?")
    assert "after the deal's close date 2026-12-22" in failed.get("meeting_in_business_hours", ""), failed


def test_a_meeting_before_the_close_date_is_not_flagged_for_it():
    failed = _failed("de_deal", "701", "Wollen wir das Angebot am Dienstag, 15. Dezember, um 10 Uhr besprechen?")
    assert "meeting_in_business_hours" not in failed, failed


INVENTED_CHOICES = [
    ("hubspot_deal", "501", "Now that Northwind has chosen us, the proposal is mostly paperwork."),
    ("hubspot_deal", "502", "Since you went with our platform, I have booked the onboarding team."),
    ("de_deal", "701", "Da Sie sich letztlich für unsere Lösung entschieden haben, plane ich schon den Start."),
    ("de_deal", "702", "Vielen Dank, dass Sie uns ausgewählt haben: das Angebot ist nur noch eine Formsache."),
    ("fr_deal", "711", "Comme vous avez retenu notre solution, je prépare déjà le déploiement."),
    ("fr_deal", "712", "Puisque vous nous avez choisis, la proposition ne sera qu'une formalité."),
    ("es_opportunity", "0035g00000Es01", "Ya que han optado por nuestra solución, preparo el arranque."),
    ("es_opportunity", "0035g00000Es02", "Gracias por elegirnos: la propuesta será un simple trámite."),
    ("hubspot_deal", "501", "Since you're going with us, let's plan the rollout."),
    ("de_deal", "701", "Schön, dass Ihre Wahl auf unsere Plattform gefallen ist."),
    ("fr_deal", "711", "Ravi que votre choix s'est porté sur notre suite de planification."),
    ("es_opportunity", "0035g00000Es01", "Me alegra que se hayan decantado por nosotros."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), INVENTED_CHOICES)
def test_a_choice_of_us_the_record_does_not_show_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "a decision the record does not show" in failed.get("states_only_decisions_on_record", ""), failed


CHOICE_LOOK_ALIKES = [
    # a condition, a question or a hope states no choice
    ("hubspot_deal", "501", "If you decide on our platform, onboarding could start in January."),
    ("de_deal", "701", "Falls Sie sich für uns entscheiden, kann der Start im Januar erfolgen."),
    ("fr_deal", "711", "Si vous retenez notre solution, le déploiement pourra commencer en janvier."),
    ("es_opportunity", "0035g00000Es01", "¿Han elegido ya proveedor, o siguen comparando opciones?"),
    # the buyer's decision to go on, as the record says it, is no choice of us (and is not flagged as one)
    ("de_deal", "701", "Herzlichen Dank, dass Sie nach Ihrem internen Gespräch weitermachen möchten."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), CHOICE_LOOK_ALIKES)
def test_a_choice_asked_or_conditioned_is_not_flagged(record_name, contact_id, sentence):
    assert "states_only_decisions_on_record" not in _failed(record_name, contact_id, sentence)


def test_a_choice_the_record_states_may_be_repeated():
    from integrations.base import Activity
    from tests.agents.conftest import load_record
    record, _ = load_record("es_opportunity")
    said = Activity(type="email", at="2026-11-23T09:00:00Z", direction="inbound", subject="Decisión",
                    body="Hola Marta, hemos elegido su plataforma. Un saludo, Javier García")
    sentence = "Ya que han optado por nuestra solución, preparo el arranque."
    assert "states_only_decisions_on_record" not in _failed(
        "es_opportunity", "0035g00000Es01", sentence, replace(record, activities=(*record.activities, said)))


def test_a_won_deal_vouches_for_the_choice():
    from tests.agents.conftest import load_record
    record, _ = load_record("hubspot_deal")
    sentence = "Now that Northwind has chosen us, the proposal is mostly paperwork."
    assert "states_only_decisions_on_record" not in _failed("hubspot_deal", "501", sentence,
                                                            replace(record, stage="closedwon", stage_kind="won"))


VALIDITY_NOBODY_SET = [
    ("hubspot_deal", "501", "Please note the pricing in the proposal only holds until Tuesday, December 1."),
    ("hubspot_deal", "502", "The quote expires at the end of next week, so an early answer helps."),
    ("de_deal", "701", "Das Angebot ist nur bis Mittwoch, 2. Dezember, gültig."),
    ("de_deal", "702", "Die genannten Preise gelten für 10 Tage ab Versand."),
    ("fr_deal", "711", "Attention, les tarifs de la proposition expirent le jeudi 3 décembre."),
    ("fr_deal", "712", "Les conditions ne tiennent que jusqu'à la fin de la semaine prochaine."),
    ("es_opportunity", "0035g00000Es01", "Le recuerdo que la oferta caduca el martes 1 de diciembre."),
    ("es_opportunity", "0035g00000Es02", "Las condiciones de la propuesta solo son válidas hasta el viernes 4 de diciembre."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), VALIDITY_NOBODY_SET)
def test_an_offer_validity_no_setting_defines_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no setting defines" in failed.get("no_offer_validity_nobody_set", ""), failed


VALIDITY_LOOK_ALIKES = [
    # the code-decided incentive of the offline template: a decision asked by a day, no holding word
    ("hubspot_deal", "501", "If Northwind Logistics can confirm by December 18, I can offer 8% off the rollout."),
    # the buyer's question about validity, and a delivery day
    ("de_deal", "701", "Sie fragten, wie lange das Angebot gültig ist: das steht im Angebot selbst, das Sie bis "
                       "Freitag, 27. November, erhalten."),
    ("fr_deal", "711", "Combien de temps la proposition reste-t-elle valable pour vous ?"),
    # prices that apply to a count, with no limit in time
    ("de_deal", "702", "Für die 120 Fahrzeuge gelten die Preise aus der Amortisationsrechnung."),
    ("es_opportunity", "0035g00000Es01", "El precio de la propuesta se mantiene para sus 85 camiones."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), VALIDITY_LOOK_ALIKES)
def test_a_validity_asked_or_without_a_limit_in_time_is_not_flagged(record_name, contact_id, sentence):
    assert "no_offer_validity_nobody_set" not in _failed(record_name, contact_id, sentence)


WRONG_THANKS = [
    # our summary of the demonstration went to Claire on November 4; she sent us none
    ("fr_deal", "711", "Un grand merci pour le résumé de la démonstration que vous m'avez fait parvenir."),
    # our payback calculation went to Herr Weber on October 28
    ("de_deal", "701", "Danke für die Amortisationsrechnung, die Sie uns geschickt haben."),
    # Javier asked us for the rollout calendar on November 18: it is ours to send, not his
    ("es_opportunity", "0035g00000Es01", "Muchas gracias por el calendario de implantación que nos envió."),
    # Dana's unsigned e-mail of November 18, thanked to Priya
    ("hubspot_deal", "503", "Thanks for your email of November 18 about the proposal timing."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), WRONG_THANKS)
def test_thanks_for_what_our_side_sent_or_someone_else_wrote_is_flagged(record_name, contact_id, sentence):
    assert "thanks_the_right_person" in _failed(record_name, contact_id, sentence)


@pytest.mark.xfail(strict=True, reason="known limit: the thing is named by a synonym ('synthèse') of the word our "
                                       "e-mail used ('résumé'); one shared word is not enough to say it was ours")
def test_thanks_for_our_summary_under_another_name_is_flagged():
    sentence = "Un grand merci pour la synthèse de la démonstration que vous m'avez fait parvenir."
    assert "thanks_the_right_person" in _failed("fr_deal", "711", sentence)


RIGHT_THANKS = [
    # our own sending in a relative clause of its own: the thanks is for the buyer's message
    ("fr_deal", "711", "Merci pour votre message du 19 novembre, qui fait suite au résumé que je vous ai envoyé le "
                       "4 novembre."),
    # the buyer's own request, whatever it asks us to send
    ("es_opportunity", "0035g00000Es01", "Gracias por su petición del calendario de implantación."),
    # a coordinated thing of its own: Lucía is thanked for her time, the recipient for his e-mail
    ("es_opportunity", "0035g00000Es01", "Le agradezco su correo del 18 de noviembre y el tiempo que Lucía y usted "
                                         "dedicaron a la demo."),
    # Dana wrote the e-mail of November 18
    ("hubspot_deal", "501", "Thanks for your email of November 18 about the proposal timing."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), RIGHT_THANKS)
def test_thanks_the_record_bears_out_is_not_flagged(record_name, contact_id, sentence):
    assert "thanks_the_right_person" not in _failed(record_name, contact_id, sentence)


def test_a_close_date_already_past_sets_no_limit_on_meetings():
    from tests.agents.conftest import load_record
    record, _ = load_record("de_deal")
    stale = replace(record, close_date="2026-11-20")  # a deal left open after its close date: the rep still meets
    failed = _failed("de_deal", "701", "Wollen wir das Angebot am Dienstag, 1. Dezember, um 10 Uhr besprechen?", stale)
    assert "meeting_in_business_hours" not in failed, failed


def test_a_german_weekday_with_its_date_in_another_month_is_that_date():
    # "Dienstag, 5. Januar" was read as "Dienstag, 5" of this month (a Saturday, and a weekday its date does not have)
    failed = _failed("de_deal", "701", "Passt Ihnen Dienstag, 12. Januar, um 10 Uhr für die Durchsprache?")
    assert "Saturday" not in failed.get("meeting_in_business_hours", "") and \
        "no_past_deadline_or_same_day_meeting" not in failed, failed
