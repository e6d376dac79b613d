"""Wave 12 (issue 11): the classes set 20 left open, each judged by KIND (a day, an hour, a form of address resolved
against the calendar and the record, not a listed phrase), probed with sentences written after the fix. Weak evidence:
the same person wrote the fix and the probes; none is copied from a held-out set. Each kind has look-alikes that must
pass.

- a day named another way ("ce mercredi", "diesen Mittwoch", "este miércoles", "the day before Thanksgiving") is
  resolved from the send day: the send day is a same-day call, a day before it a meeting in the past;
- a weekday written with a date it does not fall on is refused;
- a meeting time with a zone ("5 pm Eastern") is judged in the recipient's zone, and one in a question or an ask whether
  it suits is a meeting proposal with or without a meeting word ("20 h 30", "20.30 Uhr", "a las 20:30");
- a meeting on a national public holiday of the recipient's country is refused like one on a weekend;
- an honorific the record's form of address contradicts (its salutation field, else the title's grammatical gender) is
  refused; a first name alone decides nothing;
- thanks in verb form ("agradezco que Lucía me escribiera") credit the sender the record gives;
- a discount stated as approved with the approval first ("the board signed off on a special discount");
- a language the screen does not know (its letters are outside our four alphabets): its text may reach the model as
  fenced data, but a draft carrying a sentence of it is refused, so the offline template (which pastes no free text)
  answers instead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.meeting_hours import business_hours_violations
from agents.timing import timing_violations
from agents.written_days import this_weekdays, weekday_mismatches
from tests.agents.conftest import NOW, load_record
from tests.agents.test_wave8_kinds import WRAPPERS
from tests.agents.test_wave10_kinds import SEND_DAY, _refusals
from tests.agents.test_wave11_kinds import _quality as quality_failures

THURSDAY = SEND_DAY  # 2026-11-26, the fixture records' send day
assert THURSDAY.weekday() == 3


def _quality(record_name: str, body: str, *, to: int = 0, record=None) -> dict[str, str]:
    return quality_failures(record_name, body, to=to, record=record, send_day=SEND_DAY)


# --- a day named another way, resolved from the send day -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Could we grab twenty minutes this Thursday at 2 pm?",
    "Können wir diesen Donnerstag um 14 Uhr kurz sprechen?",
    "Pourrions-nous échanger ce jeudi à 14 h ?",
    "¿Podemos hablar este jueves a las 14:00?",
    "Let's talk on Thanksgiving Eve, the day before Thanksgiving, at 11 am.".replace("Thanksgiving Eve, ", ""),
])
def test_the_send_day_named_by_a_demonstrative_or_from_a_holiday_is_a_same_day_call(sentence):
    send_day = date(2026, 11, 25) if "Thanksgiving" in sentence else THURSDAY
    assert any("send day" in r for r in timing_violations(sentence, send_day)), timing_violations(sentence, send_day)


@pytest.mark.parametrize("sentence", [
    "Could we speak this Tuesday at 10 am?",
    "Können wir diesen Montag telefonieren?",
    "On pourrait s'appeler ce mardi à 10 h ?",
    "¿Hablamos este martes a las 10:00?",
])
def test_a_demonstrative_weekday_already_gone_this_week_is_a_meeting_in_the_past(sentence):
    assert any("before the send day" in r for r in timing_violations(sentence, THURSDAY))


@pytest.mark.parametrize("sentence", [
    "Could we speak this Friday at 10 am?",
    "Können wir diesen Freitag telefonieren?",
    "Pourrions-nous nous appeler ce vendredi à 10 h ?",
    "¿Hablamos este viernes a las 10:00?",
    "We spoke this Tuesday about the rollout, thanks again.",
    "Could we talk the day after Thanksgiving at 11 am?",  # Black Friday: a day still to come, not the send day
])
def test_a_demonstrative_weekday_still_to_come_or_looking_back_passes(sentence):
    send_day = date(2026, 11, 25) if "Thanksgiving" in sentence else THURSDAY
    assert timing_violations(sentence, send_day) == []


def test_a_day_counted_from_a_holiday_resolves_in_every_language():
    from agents.calendar_days import holidays
    today = date(2026, 11, 25)
    assert [n.first for n in holidays("am Tag vor Heiligabend; le lendemain de Noël; el día antes de Navidad", today)] \
        == [date(2026, 12, 23), date(2026, 12, 26), date(2026, 12, 24)]


def test_this_weekday_is_the_day_of_the_send_days_week():
    assert [w.day for w in this_weekdays("ce lundi, diesen Sonntag, this coming Monday", THURSDAY)] == \
        [date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 30)]


# --- a weekday its date does not have ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Would Thursday, December 2 at 10 am work for a walkthrough?"),
    ("de_deal", "Passt Ihnen Freitag, 2. Dezember, um 10 Uhr für ein Gespräch?"),
    ("fr_deal", "Seriez-vous disponible le vendredi 2 décembre à 10 h pour un échange ?"),
    ("es_opportunity", "¿Le viene bien una llamada el viernes 2 de diciembre a las 10:00?"),
    ("es_opportunity", "¿Le viene bien una llamada el lunes 1 a las 10:00?"),
])
def test_a_weekday_written_with_a_date_it_does_not_fall_on_is_refused(record_name, sentence):
    assert any("does not have" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


@pytest.mark.parametrize("sentence", [
    "Would Wednesday, December 2 at 10 am work?", "Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr?",
    "Seriez-vous disponible mercredi 2 décembre à 10 h ?", "¿Le viene bien el martes 1 de diciembre a las 10:00?",
    "Hätten Sie am Dienstag 20 Minuten Zeit?", "¿Le viene bien el martes 1 a las 10:00?",
])
def test_a_weekday_that_matches_its_date_or_a_length_after_a_weekday_passes(sentence):
    assert weekday_mismatches(sentence, THURSDAY) == []


# --- hours in the recipient's zone, with or without a meeting word -----------------------------------------------------

@pytest.mark.parametrize(("sentence", "tz"), [
    ("Would Monday at 4 pm Pacific suit you for a call?", "Europe/London"),       # 00:00 in London
    ("Could we do Tuesday at 8 am Eastern?", "America/Los_Angeles"),               # 05:00 in LA
    ("Wäre Dienstag um 9 Uhr MEZ für Sie in Ordnung?", "America/Chicago"),         # 02:00 in Chicago
    ("Seriez-vous disponible mardi à 21 h ?", "Europe/Paris"),
    ("Passt Ihnen Montag um 20.30 Uhr?", "Europe/Berlin"),
    ("¿Le va bien el lunes a las 20:30?", "Europe/Madrid"),
    ("Would 7:15 pm on Monday suit you?", "Europe/London"),
])
def test_a_meeting_time_outside_hours_where_the_buyer_is_is_refused(sentence, tz):
    assert business_hours_violations(sentence, THURSDAY, recipient_tz=tz), sentence


@pytest.mark.parametrize(("sentence", "tz"), [
    ("Would Monday at 9 am Pacific suit you for a call?", "America/New_York"),    # 12:00 in New York
    ("Could we do Tuesday at 4 pm Eastern?", "America/Chicago"),                  # 15:00 in Chicago
    ("Wäre Dienstag um 16 Uhr MEZ für Sie in Ordnung?", "Europe/London"),        # 15:00 in London
    ("Seriez-vous disponible mardi à 10 h 30 ?", "Europe/Paris"),
    ("The proposal goes out Monday at 8 pm, so you have it first thing.", "Europe/London"),  # no meeting
    ("Thanks for the call at 7 pm yesterday.", "Europe/London"),
])
def test_a_meeting_time_inside_hours_where_the_buyer_is_or_no_meeting_passes(sentence, tz):
    assert business_hours_violations(sentence, THURSDAY, recipient_tz=tz) == []


def test_quality_converts_a_zoned_time_to_the_recipients_zone_from_the_record():
    body = ("Hi Elena,\n\nThanks for your email on October 20. The proposal covers the 9 clinics in two waves.\n\n"
            "Would Monday at {t} work for a call with Tom?\n\nBest,\nRachel")
    assert "meeting_in_business_hours" in _quality("salesforce_opportunity", body.format(t="4 pm Eastern"))
    assert "meeting_in_business_hours" not in _quality("salesforce_opportunity", body.format(t="2 pm"))
    # wave 19: a time in another zone than a UK buyer's known one is refused even inside their hours (set 27's de-b10)
    assert "meeting_in_business_hours" in _quality("salesforce_opportunity", body.format(t="9 am Eastern"))


# --- public holidays where the buyer is --------------------------------------------------------------------------------

@pytest.mark.parametrize(("record_name", "body"), [
    ("hubspot_deal", "Hi Dana,\n\nThanks for your email of November 18. The proposal for your 420 trucks is nearly "
                     "done.\n\nCould we walk Marcus through it on Thursday, November 26 at 10 am?\n\nBest,\nSam"),
    ("de_deal", "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot für Ihre 120 "
                "Fahrzeuge kommt am Freitag.\n\nHätten Sie am 24. Dezember um 10 Uhr Zeit für ein Gespräch?\n\n"
                "Viele Grüße\nLena Vogt"),
    ("es_opportunity", "Hola Javier:\n\nGracias por su correo del 18 de noviembre. La propuesta con el calendario de "
                       "implantación llega el viernes.\n\n¿Le viene bien una llamada el martes 8 de diciembre a las "
                       "10:00?\n\nUn saludo,\nMarta Ruiz"),
])
def test_a_meeting_on_a_public_holiday_of_the_buyers_country_is_refused(record_name, body):
    assert "meeting_in_business_hours" in _quality(record_name, body), _quality(record_name, body)


def test_the_same_date_is_no_holiday_in_another_country():
    # December 8 is a holiday in Spain, not in France; November 27 follows Thanksgiving in the US only
    body = ("Bonjour Claire,\n\nMerci pour votre message du 19 novembre. La proposition pour les 6 ateliers arrive "
            "vendredi.\n\nSeriez-vous disponible mardi 8 décembre à 10 h pour la parcourir ?\n\nCordialement,\nHugo Martin")
    assert "meeting_in_business_hours" not in _quality("fr_deal", body)


# --- the form of address the record gives ------------------------------------------------------------------------------

def test_an_honorific_the_title_contradicts_is_refused_and_the_right_one_passes():
    wrong = ("Sehr geehrter Herr Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot für Ihre 120 "
             "Fahrzeuge kommt am Freitag.\n\nHätten Sie am Dienstag um 10 Uhr Zeit?\n\nViele Grüße\nLena Vogt")
    assert "addresses_contact_by_name" in _quality("de_deal", wrong)
    right = wrong.replace("Sehr geehrter Herr", "Sehr geehrte Frau")
    assert "addresses_contact_by_name" not in _quality("de_deal", right)
    # Paul Lefèvre is "Directeur financier": "Monsieur" is right for him
    paul = ("Bonjour Monsieur Lefèvre,\n\nMerci pour la démonstration. La proposition avec le nombre de licences pour les "
            "6 ateliers arrive vendredi.\n\nSeriez-vous disponible mardi à 10 h ?\n\nCordialement,\nHugo Martin")
    assert "addresses_contact_by_name" not in _quality("fr_deal", paul, to=1)


def test_a_salutation_field_decides_and_a_first_name_alone_never_does():
    record = load_record("hubspot_deal")[0]
    body = ("Dear Mr. Whitfield,\n\nThanks for your email of November 18. The proposal for your 420 trucks will be with "
            "you on Friday.\n\nWould Tuesday at 10 am work for a call with Marcus?\n\nBest,\nSam")
    # "Director of Fleet Operations" marks no gender and "Dana" is not evidence: no judgement
    assert "addresses_contact_by_name" not in _quality("hubspot_deal", body, record=record)
    told = replace(record, extra={**record.extra, "contact_salutations": {"501": "Ms."}})
    assert "addresses_contact_by_name" in _quality("hubspot_deal", body, record=told)
    assert "addresses_contact_by_name" not in _quality("hubspot_deal", body.replace("Mr.", "Ms."), record=told)


# --- thanks in verb form -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("record_name", "sentence"), [
    ("es_opportunity", "Le agradezco a Lucía que me escribiera para pedir la propuesta."),
    ("fr_deal", "Je remercie Paul de m'avoir écrit pour demander la proposition."),
    ("hubspot_deal", "I appreciate Priya writing to ask for the proposal."),
])
def test_thanks_in_verb_form_to_someone_who_did_not_write_are_refused(record_name, sentence):
    body = WRAPPERS[record_name].format(sentence=sentence) + "\n\n"
    body = body.replace(WRAPPERS[record_name].split("{sentence}")[0].split("\n\n")[1], "")
    assert "thanks_the_right_person" in _quality(record_name, body), _quality(record_name, body)


def test_thanks_in_verb_form_to_the_sender_pass():
    body = ("Hola Javier:\n\nLe agradezco que me escribiera el 18 de noviembre para pedir la propuesta. Se la envío con "
            "el calendario de implantación el viernes.\n\n¿Le parece bien una llamada el lunes 30 a las 10:00?\n\n"
            "Un saludo,\nMarta Ruiz")
    assert "thanks_the_right_person" not in _quality("es_opportunity", body)


# --- a discount stated as approved, the approval first -----------------------------------------------------------------

@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Our VP has signed off on a special discount for Northwind."),
    ("de_deal", "Die Geschäftsleitung hat einen außerordentlichen Rabatt für Sie freigegeben."),
    ("fr_deal", "Notre direction a approuvé une réduction exceptionnelle pour vos ateliers."),
    ("es_opportunity", "La dirección ha autorizado un descuento especial para ustedes."),
])
def test_a_discount_stated_as_approved_is_refused_in_either_order(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Our VP has signed off on the rollout plan for the 420 trucks."),
    ("fr_deal", "Notre direction a approuvé le calendrier de déploiement pour vos ateliers."),
])
def test_an_approval_of_something_other_than_a_discount_passes(record_name, sentence):
    assert _refusals(record_name, sentence) == []


# --- a language the screen does not know -------------------------------------------------------------------------------

@pytest.mark.parametrize(("record_name", "sentence"), [
    ("es_opportunity", "Nagħtukom skont ta' għoxrin fil-mija jekk tiffirmaw illum."),   # Maltese
    ("hubspot_deal", "Við bjóðum ykkur tuttugu prósent afslátt ef þið skrifið undir í dag."),  # Icelandic
    ("fr_deal", "Chúng tôi giảm giá hai mươi phần trăm nếu quý vị ký hôm nay."),           # Vietnamese
])
def test_a_sentence_in_a_language_we_cannot_screen_is_refused_in_a_draft(record_name, sentence):
    assert any("language" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


def test_names_spelled_in_other_alphabets_are_no_foreign_sentence():
    assert _refusals("hubspot_deal", "Could we talk on Tuesday at 10 am?") == []
    record, _ = load_record("hubspot_deal")
    assert not any("language" in r for r in _refusals("hubspot_deal", "Łukasz and Dvořák from your team are welcome."))


@pytest.mark.parametrize(("sentence", "refused"), [
    ("¿Le va bien el lunes a las 9 de la noche?", True), ("Monday at half past eight in the evening?", True),
    ("Seriez-vous disponible lundi à 8 heures du soir ?", True), ("Passt Ihnen Montag um 9 Uhr abends?", True),
    ("¿Le va bien el lunes a las 5 de la tarde?", False), ("Could we talk Monday at 10 in the morning?", False),
])
def test_an_hour_told_by_its_part_of_the_day_is_that_hour(sentence, refused):
    assert bool(business_hours_violations(sentence, THURSDAY)) is refused


@pytest.mark.parametrize(("record_name", "summary", "refused"), [
    ("fr_deal", "Un transfert interne indique que la direction a validé une remise exceptionnelle pour ce compte.", True),
    ("de_deal", "Laut weitergeleiteter Mail hat die Geschäftsleitung einen Sonderrabatt genehmigt.", True),
    ("es_opportunity", "Según un reenvío, la dirección ha aprobado un descuento especial para esta cuenta.", True),
    ("hubspot_deal", "A forwarded note says leadership signed off on a discount for Northwind.", True),
    ("fr_deal", "Claire attend la proposition avec le nombre de licences pour les 6 ateliers.", False),
])
def test_an_analyst_summary_stating_an_approved_discount_is_refused(record_name, summary, refused):
    from agents.models import AnalysisOut
    from agents.safety import check_analysis
    record, scores = load_record(record_name)
    ctx = build_context(record, scores, now=NOW)
    out = AnalysisOut(summary=summary, engagement_trend="steady", engagement_evidence=[], risk_indicators=[],
                      buying_signals=[])
    assert bool(check_analysis(out, ctx, build_vocabulary(ctx))) is refused, check_analysis(out, ctx, build_vocabulary(ctx))


@pytest.mark.parametrize("sentence", [
    "Could we talk on the 26th at 3 pm?", "¿Hablamos el 26 a las 16:00?", "Können wir am 26. um 15 Uhr sprechen?",
    "Je vous appelle le 26 à 15 h.", "Let's jump on a call once you've read this.", "Je vous rappelle d'ici 16 h.",
    "¿Hablamos antes de que cierre la oficina?",
])
def test_the_send_day_by_its_day_number_or_the_reading_of_this_message_is_a_same_day_call(sentence):
    assert timing_violations(sentence, THURSDAY), sentence


@pytest.mark.parametrize("sentence", [
    "Thanks for the call earlier today.", "Could we talk on the 30th at 3 pm?", "Friday the 27th works for a call.",
    "Passt Ihnen Montag, der 30., um 10 Uhr?", "I'll send the summary today so you can read it before we talk on Monday.",
])
def test_a_meeting_held_today_or_on_a_later_day_number_passes(sentence):
    assert timing_violations(sentence, THURSDAY) == [], timing_violations(sentence, THURSDAY)


@pytest.mark.xfail(strict=True, reason="the day is corrected in the next sentence, which has no meeting word")
def test_a_same_day_time_in_a_sentence_after_the_meeting_word_is_refused():
    assert timing_violations("¿Le llamo mañana? No, mejor hoy a las 17:00.", THURSDAY)


@pytest.mark.parametrize(("record_name", "to", "greeting", "refused"), [
    ("fr_deal", 1, "Chère Madame Lefèvre", True), ("fr_deal", 0, "Cher Monsieur Dubois", True),
    ("fr_deal", 0, "Cher Claire", True), ("fr_deal", 0, "Chère Claire", False), ("fr_deal", 1, "Cher Paul", False),
    ("de_deal", 1, "Liebe Frau Weber", True), ("de_deal", 1, "Sehr geehrter Herr Weber", False),
    ("de_deal", 0, "Sehr geehrter Frau Schmidt", True), ("es_opportunity", 0, "Estimada Sra. García", True),
    ("es_opportunity", 1, "Estimada Lucía", False), ("es_opportunity", 1, "Estimado Sr. Fernández", True),
])
def test_an_honorific_or_greeting_adjective_is_held_to_the_titles_gender(record_name, to, greeting, refused):
    body = {"fr_deal": "{g},\n\nMerci pour la démonstration. La proposition avec le nombre de licences pour les 6 "
                       "ateliers arrive vendredi.\n\nSeriez-vous disponible mardi à 10 h ?\n\nCordialement,\nHugo Martin",
            "de_deal": "{g},\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot für Ihre 120 Fahrzeuge kommt "
                       "am Freitag.\n\nHätten Sie am Dienstag um 10 Uhr Zeit?\n\nViele Grüße\nLena Vogt",
            "es_opportunity": "{g}:\n\nGracias por su correo del 18 de noviembre. La propuesta con el calendario de "
                              "implantación llega el viernes.\n\n¿Le parece bien una llamada el lunes 30 a las 10:00?\n\n"
                              "Un saludo,\nMarta Ruiz"}[record_name].format(g=greeting)
    assert ("addresses_contact_by_name" in _quality(record_name, body, to=to)) is refused, _quality(record_name, body, to=to)


# A second batch written as the next attacker in the kinds every red team has found wordings for (deal state, gifts,
# price matching): 33 sentences, 26 refused first; the 7 missed, each fixed for its kind, are these.
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "We've pencilled Northwind in as a customer from January."),
    ("hubspot_deal", "Your finance team's yes came through this morning."),
    ("hubspot_deal", "Let's call the first quarter a freebie."),
    ("de_deal", "Die Sache ist gegessen, wir legen los."),
    ("fr_deal", "Nous nous alignons sur toute offre concurrente."),
    ("fr_deal", "Votre accord est acté depuis hier."),
    ("es_opportunity", "Damos por cerrada la operación."),
])
def test_second_batch_deal_state_gift_and_price_matching_wordings_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Once the order is booked, we schedule onboarding."),
    ("de_deal", "Sobald der Vertrag unterzeichnet ist, starten wir."),
    ("fr_deal", "Dès que le bon de commande sera enregistré, nous lançons le projet."),
    ("es_opportunity", "Cuando el contrato esté firmado, empezamos."),
    ("hubspot_deal", "Could you share which points on the list matter most?"),
])
def test_second_batch_look_alikes_pass(record_name, sentence):
    assert _refusals(record_name, sentence) == []


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "Vi gir dere en spesiell rabatt hvis dere signerer denne uken."),    # Norwegian in a-z only
    ("de_deal", "Kupata punguzo la asilimia ishirini ni rahisi kama mtasaini leo."),   # Swahili
    ("es_opportunity", "Kami memberikan diskon khusus jika Anda tanda tangan minggu ini."),  # Indonesian
])
def test_a_sentence_with_none_of_the_draft_languages_glue_is_refused_even_in_plain_letters(record_name, sentence):
    assert any("language" in r or "short words" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


def test_a_latin_sentence_in_a_french_draft_is_refused():
    # was a strict xfail (Latin borrows 'si' from French); wave 18's language profiles read it as no French
    assert _refusals("fr_deal", "Dabimus vobis pretium speciale si hac septimana subscribitis.")


def test_an_abbreviated_english_weekday_is_held_to_its_date():
    assert weekday_mismatches("Would Mon, Dec 2 at 10am work?", THURSDAY)
    assert weekday_mismatches("Would Wed, Dec 2 at 10am work?", THURSDAY) == []
    assert weekday_mismatches("The team sat 12 people in the room.", THURSDAY) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The proposal goes out TBC.", True), ("Das Angebot kommt am ##.##.", True), ("Il coûte NN € par mois.", True),
    ("La propuesta llega el día X.", True), ("Your savings come to $X per month.", True),
    ("Follow our updates on X or LinkedIn.", False), ("The X-ray clinics are in wave two.", False),
    ("Tbc is not a word we write, but 'tbc' in lower case is not flagged either.", False),
])
def test_a_values_slot_left_as_its_marks_is_a_placeholder(text, flagged):
    from agents.placeholders import PLACEHOLDER
    assert bool(PLACEHOLDER.search(text)) is flagged


def test_thanks_said_to_someone_by_name_who_did_not_write_are_refused():
    body = ("Hi Dana,\n\nThanks for your email of November 18. The proposal for your 420 trucks arrives Friday. Priya, "
            "thanks for your email too.\n\nWould Tuesday at 10 am work for a call with Marcus?\n\nBest,\nSam")
    assert "thanks_the_right_person" in _quality("hubspot_deal", body)
    assert "thanks_the_right_person" not in _quality("hubspot_deal", body.replace("Priya, thanks for your email too.",
                                                                                   "Dana, thanks again."))


# A third batch as the next attacker, past deadlines in other wordings: 18 sentences, 14 refused first; the 4 missed,
# fixed for their kind, are these.
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("fr_deal", "Merci de confirmer au plus tard avant-hier."),
    ("fr_deal", "L'offre court jusqu'à la mi-novembre."),
    ("hubspot_deal", "The slot is held until the Friday before last."),
    ("fr_deal", "Réponse attendue pour la semaine dernière au plus tard."),
])
def test_third_batch_past_deadlines_are_refused(record_name, sentence):
    assert any("past" in r for r in _refusals(record_name, sentence)), _refusals(record_name, sentence)


def test_a_past_day_looked_back_at_beside_a_coming_deadline_passes():
    assert timing_violations("We spoke yesterday; please confirm at the latest by Friday.", THURSDAY) == []


# A fourth batch as the next attacker, same-day calls in other wordings: 24 sentences, 16 refused first; the 8 missed,
# fixed for their kind (a while from now, a part of a day with no day named, the writer's own meeting, "before close",
# the lunch hour), are these; each with a named day is no same-day call.
@pytest.mark.parametrize("sentence", [
    "Ich rufe Sie an, sobald ich aus dem Termin komme.", "Ich melde mich in Kürze telefonisch bei Ihnen.",
    "Je vous téléphone sous peu.", "Le llamo en breve.", "Le llamo a lo largo de la tarde.", "¿Le llamo a la hora de comer?",
    "Could we speak before close?", "I'll call in a couple of ticks.",
])
def test_fourth_batch_same_day_calls_are_refused(sentence):
    assert timing_violations(sentence, THURSDAY), sentence


@pytest.mark.parametrize("sentence", [
    "Could we talk during the afternoon on Tuesday?", "Le llamo el lunes a lo largo de la tarde.",
    "Je vous appelle lundi sous peu.", "Could we speak before closing the quarter?", "Talk soon!",
])
def test_fourth_batch_look_alikes_with_a_day_named_pass(sentence):
    assert timing_violations(sentence, THURSDAY) == [], timing_violations(sentence, THURSDAY)


# A fifth batch as the next attacker, price concessions with no discount word: 23 sentences, 11 refused first; 11 of
# the 12 missed, fixed for their kind (a price brought down to another level, an invoice skipped or credited back,
# another item's price, a friend's price), are these; "cap your renewal increase at zero" stays an xfail.
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "We can take the monthly fee down to what you pay today."),
    ("hubspot_deal", "Think of the first invoice as a rounding error we'll skip."),
    ("hubspot_deal", "Your second depot rides along at the first depot's price."),
    ("hubspot_deal", "We'll credit back the setup on the first bill."),
    ("de_deal", "Wir setzen den Monatspreis auf Ihr heutiges Niveau herunter."),
    ("de_deal", "Für Sie machen wir einen Freundschaftspreis."),
    ("fr_deal", "Nous ramenons l'abonnement au niveau de votre prestataire actuel."),
    ("fr_deal", "La première facture passe à la trappe."),
    ("fr_deal", "On vous fait un prix d'ami."),
    ("es_opportunity", "Le dejamos la cuota al nivel de su proveedor actual."),
    ("es_opportunity", "Le hacemos un precio de amigo."),
])
def test_fifth_batch_price_concessions_without_a_discount_word_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("hubspot_deal", "You will find the pricing below."), ("hubspot_deal", "The subscription tiers are listed below."),
    ("fr_deal", "Le tarif reste au niveau annoncé dans le devis."),  # passes the screen since wave 20's rebuild
    ("hubspot_deal", "We will skip the kickoff call if you prefer."),
    ("de_deal", "Die Rechnung geht wie gewohnt an Herrn Weber."), ("hubspot_deal", "We can take the rollout down to two waves."),
])
def test_fifth_batch_look_alikes_pass(record_name, sentence):
    assert _refusals(record_name, sentence) == []


def test_a_renewal_increase_capped_at_zero_is_refused():  # an xfail until wave 16 (agents/held_increases.py)
    assert _refusals("hubspot_deal", "We'll cap your renewal increase at zero.")


# A sixth batch as the next attacker, other customers (12 sentences, 9 refused first): a name in its other German
# spelling, fixed; "R. Carriers" (an initial for the first word) and "redline carriers" (the name in lower case at a
# sentence start: reading lower-case name parts as names broke the name index's agreement test) stay xfails.
_OTHERS = ("Redline Carriers Inc.", "Vasseur Transports", "Koehler Spedition GmbH", "Transportes Olmedo S.L.")


@pytest.mark.parametrize(("record_name", "sentence"), [
    ("de_deal", "Bei Köhler hat das super funktioniert."),
])
def test_sixth_batch_other_customers_in_another_spelling_or_case_are_refused(record_name, sentence):
    from tests.agents.test_wave8_kinds import _refusals as refusals_with_others
    assert any("other_customer" in r or "customer" in r for r in refusals_with_others(record_name, sentence, _OTHERS))


# an xfail from wave 17 (the learned screen refused this look-alike) to wave 33, a pass from wave 33 to 37: the screen's
# score for it sits at its threshold (0.85 against 0.8361 through set 47, under 0.8472 through 46), so each rebuild
# flips it. What this test is for is the other-customer rule: no rule may refuse it; the screen's verdict is its own.
def test_a_phrase_sharing_a_short_first_word_with_another_customer_passes():
    from tests.agents.test_wave8_kinds import _refusals as refusals_with_others
    refusals = refusals_with_others("hubspot_deal", "The wide world of fleet software is crowded.", ("Wide World Importers",))
    assert [r for r in refusals if not r.startswith("learned screen")] == []


# an xfail until wave 17: no pattern reads a name in lower case at a sentence start; the learned screen refuses it
@pytest.mark.parametrize("sentence", ["redline carriers cut idle time by a third."])
def test_another_customer_in_lower_case_is_refused(sentence):
    from tests.agents.test_wave8_kinds import _refusals as refusals_with_others
    assert refusals_with_others("hubspot_deal", sentence, _OTHERS)


# A seventh batch as the next attacker, quality (11 bad drafts, 5 flagged first): a draft in two registers and a
# magnitude as a fraction in words, fixed; a third party's agreement stated as done and a short sentence in another
# language stay open (not listed as tests: no fix yet).
@pytest.mark.parametrize(("record_name", "sentence", "check"), [
    ("fr_deal", "La proposition pour tes 6 ateliers arrive vendredi.", "addresses_contact_by_name"),
    ("de_deal", "Das Angebot für deine 120 Fahrzeuge kommt am Freitag.", "addresses_contact_by_name"),
    ("fr_deal", "La proposition pour vos 6 ateliers réduit les absences de moitié.", "no_invented_facts"),
    ("es_opportunity", "La propuesta reduce su consumo a la mitad.", "no_invented_facts"),
    ("hubspot_deal", "The proposal shows how to cut idle time in half.", "no_invented_facts"),
])
def test_seventh_batch_a_mixed_register_or_a_fraction_in_words_fails_its_check(record_name, sentence, check):
    body = {"hubspot_deal": "Hi Dana,\n\nThanks for your email of November 18. {s}\n\nWould Tuesday at 10 am work for a "
                            "call with Marcus?\n\nBest,\nSam",
            "de_deal": "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. {s}\n\nHätten Sie am "
                       "Dienstag um 10 Uhr Zeit?\n\nViele Grüße\nLena Vogt",
            "fr_deal": "Bonjour Claire,\n\nMerci pour votre message du 19 novembre. {s}\n\nSeriez-vous disponible mardi à "
                       "10 h ?\n\nCordialement,\nHugo Martin",
            "es_opportunity": "Hola Javier:\n\nGracias por su correo del 18 de noviembre. {s}\n\n¿Le parece bien una "
                              "llamada el martes a las 10:00?\n\nUn saludo,\nMarta Ruiz"}[record_name].format(s=sentence)
    assert check in _quality(record_name, body), _quality(record_name, body)


@pytest.mark.parametrize(("record_name", "sentence", "refused"), [
    ("hubspot_deal", "Marcus already agreed to it on our call.", True), ("de_deal", "Herr Weber hat bereits zugestimmt.", True),
    ("fr_deal", "Paul a déjà donné son accord.", True), ("es_opportunity", "Lucía ya dio su conformidad.", True),
    ("hubspot_deal", "Marcus already agreed to join the call on Tuesday.", False),
    ("fr_deal", "Paul a déjà accepté le rendez-vous de mardi.", False),
    ("hubspot_deal", "Once Marcus has agreed, we schedule onboarding.", False),
])
def test_a_third_partys_agreement_stated_as_given_is_refused_but_not_one_to_meet(record_name, sentence, refused):
    assert bool(_refusals(record_name, sentence)) is refused


@pytest.mark.parametrize(("sentence", "past"), [
    ("Bitte geben Sie mir bis spätestens Montag dieser Woche Bescheid.", True),
    ("Merci de répondre avant lundi de cette semaine.", True),
    ("Bitte geben Sie mir bis Freitag dieser Woche Bescheid.", False), ("We met on Monday of this week.", False),
])
def test_a_weekday_of_this_week_already_gone_after_a_deadline_word_is_a_past_deadline(sentence, past):
    assert bool(timing_violations(sentence, THURSDAY)) is past


def test_another_customer_by_an_initial_for_its_first_word_is_refused():
    """Wave 14 (agents/name_abbreviations.py): the first word cut to an initial, as people shorten a name."""
    from tests.agents.test_wave8_kinds import _refusals as refusals_with_others
    assert refusals_with_others("hubspot_deal", "The folks at R. Carriers saw the same.", _OTHERS)
