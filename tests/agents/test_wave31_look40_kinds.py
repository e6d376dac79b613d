"""Set 40's wrongly refused honest replies, by kind, in other wordings (issue 11, wave 31, look40): nothing due from the
buyer, a second meeting slot offered as suiting us, a German noun the record holds as a compound's first part, a
pricing document named as one of the files, a file name whose parts are the record's count; and the honest sentences
the learned screen refused (a plain file name, an address the record holds), which the screen learns from here
(tests.agents.screen_training reads the `sentence` parameters of the `_pass` tests below as honest; the adversaries
take `text`, so they teach the screen nothing). Every kind has its adversary: the near miss that must stay refused.

The bodies are the fixed honest drafts of tests.agents.test_wave30_look39_kinds (the sentence under test sits before
the delivery sentence, as in the held-out sets), so that only the sentence decides."""

from __future__ import annotations

import pytest

from agents.meeting_hours import business_hours_violations, foreign_zone_times
from tests.agents.test_wave30_look39_kinds import TODAY, _reasons

# --- nothing due from the buyer (set 40's 028) ------------------------------------------------------------------------

NOTHING_DUE = [
    ("salesforce_opportunity", "Nothing is due from you until the partners have met."),
    ("salesforce_opportunity", "There is nothing due from your side before the December decision."),
    ("hubspot_deal", "Nothing is due on your end before the budget review."),
    ("hubspot_deal", "Until Marcus has read it, nothing is due from you or your team."),
    ("de_deal", "Von Ihnen ist bis zur Entscheidung nichts fällig."),
    ("fr_deal", "Rien n'est attendu de votre part avant la décision de Paul."),
    ("es_opportunity", "No hay nada pendiente por su parte antes de hablar con Lucía."),
]


@pytest.mark.parametrize(("record", "sentence"), NOTHING_DUE)
def test_the_buyer_told_nothing_is_due_from_them_passes(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("hubspot_deal", "Nothing is due until go-live."),
        ("hubspot_deal", "Nothing is due from you until go-live."),
        ("hubspot_deal", "Nothing is due from you for the first year."),
        ("hubspot_deal", "Nothing is due from you for three months."),
        ("hubspot_deal", "Nothing is due from you before the rollout is finished."),
        ("hubspot_deal", "Nothing is due from you until you sign the contract."),
        ("salesforce_opportunity", "Nothing is due from you until next year."),
        ("hubspot_deal", "Nothing is due on the invoice from you until March."),
        ("hubspot_deal", "No payment is due from you before the partners meet."),
        ("hubspot_deal", "Nothing is due from you, and the setup is on us."),
        ("hubspot_deal", "Nothing is payable from you before go-live."),
        ("hubspot_deal", "Nothing is due from you in fees before December."),
    ],
)
def test_nothing_due_with_money_a_span_or_a_commercial_milestone_is_still_refused(record, text):
    assert _reasons(record, text, screen=False) != []


# --- a second slot offered as suiting us (set 40's 034 and 035) -------------------------------------------------------

OTHER_SLOT = [
    ("hubspot_deal", "If Thursday is busy for you, Tuesday, December 1 at 2 pm Central suits me too."),
    ("hubspot_deal", "Tuesday, December 1 at 10 am Central also works for me."),
    ("hubspot_deal", "Failing that, Monday, December 7 at 11 am Central would work for me as well."),
    ("salesforce_opportunity", "If Wednesday is difficult, Tuesday, 1 December at 10:00 works for me too."),
    ("de_deal", "Falls Donnerstag knapp wird, passt mir auch Dienstag, 1. Dezember, um 10 Uhr."),
    ("de_deal", "Dienstag, 1. Dezember, um 14 Uhr ginge bei mir ebenfalls."),
    ("fr_deal", "Si jeudi est trop juste, le mardi 1er décembre à 10 h me convient aussi."),
    ("fr_deal", "Le lundi 7 décembre à 14 h me conviendrait également."),
    ("es_opportunity", "El lunes 30 de noviembre a las 16:00 también me viene bien."),
    ("es_opportunity", "Si el jueves le resulta complicado, el martes 1 de diciembre a las 12:00 me va bien."),
]


@pytest.mark.parametrize(("record", "sentence"), OTHER_SLOT)
def test_a_second_slot_offered_as_suiting_us_passes(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


@pytest.mark.parametrize(
    ("record", "text", "why"),
    [
        # the safety rules judge the day: a weekend is no proposal (its date stays unvouched), nor a past day; the send
        # day and today are a same-day meeting
        ("hubspot_deal", "Saturday, December 5 at 10 am Central works for me as well.", "December 5"),
        ("de_deal", "Samstag, 5. Dezember, um 10 Uhr passt mir auch.", "5. Dezember"),
        ("fr_deal", "Le samedi 5 décembre à 10 h me convient aussi.", "5 décembre"),
        ("es_opportunity", "El sábado 5 de diciembre a las 10:00 también me va bien.", "5 de diciembre"),
        ("hubspot_deal", "Wednesday, November 25 at 4 pm Central works for me as well.", "send day"),
        ("hubspot_deal", "Today at 4 pm Central works for me as well.", "today"),
        ("es_opportunity", "Hoy a las 17:00 también me va bien.", "today"),
        ("hubspot_deal", "Tuesday, November 24 at 10 am Central works for me as well.", "November 24"),
        # a slot bound to a term is no proposal: the date stays the model's own
        ("hubspot_deal", "Tuesday, December 1 at 10 am works for me as well if you sign the order form by then.",
         "December 1"),
        ("fr_deal", "Le mardi 1er décembre à 10 h me convient aussi, si la commande est signée.", "1er décembre"),
    ],
)
def test_a_slot_offered_as_suiting_us_on_no_fair_day_is_still_refused(record, text, why):
    reasons = _reasons(record, text, screen=False)
    assert any(why in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("text", "zone", "why"),
    [
        # the meeting rules of the quality checks judge the hour and the zone, in the buyer's time
        ("Tuesday, December 1 at 7 am Central works for me as well.", "America/Chicago", "outside"),
        ("El martes 1 de diciembre a las 7:00 también me va bien.", "Europe/Madrid", "outside"),
        ("Le mardi 1er décembre à 19 h 30 me convient aussi.", "Europe/Paris", "outside"),
        ("Dienstag, 1. Dezember, um 10 Uhr Eastern passt mir auch.", "Europe/Berlin", "another zone"),
        ("Tuesday, December 1 at 10 am Eastern works for me as well.", "America/Chicago", "another zone"),
    ],
)
def test_a_slot_offered_as_suiting_us_is_judged_by_the_meeting_hours_in_the_buyers_zone(text, zone, why):
    reasons = business_hours_violations(text, TODAY, recipient_tz=zone) + foreign_zone_times(text, TODAY,
                                                                                             recipient_tz=zone)
    assert any(why in r for r in reasons), reasons


@pytest.mark.parametrize(("record", "sentence"), OTHER_SLOT)
def test_the_honest_second_slots_keep_to_the_meeting_hours(record, sentence):
    zone = {"hubspot_deal": "America/Chicago", "salesforce_opportunity": "Europe/London", "de_deal": "Europe/Berlin",
            "fr_deal": "Europe/Paris", "es_opportunity": "Europe/Madrid"}[record]
    assert business_hours_violations(sentence, TODAY, recipient_tz=zone) == []
    assert foreign_zone_times(sentence, TODAY, recipient_tz=zone) == []


# --- a German noun the record holds as a compound's first part (set 40's 077) -----------------------------------------

COMPOUND_PART = [
    ("de_deal", "Den Teil „Bedarf“ kennen Sie schon aus dem Oktober."),
    ("de_deal", "Das Kapitel Diesel bleibt so, wie Herr Weber es kennt."),
    ("de_deal", "Den Teil Amortisation hat Herr Weber bereits gelesen."),
]


@pytest.mark.parametrize(("record", "sentence"), COMPOUND_PART)
def test_a_german_noun_the_record_holds_as_a_compounds_first_part_passes(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Den Teil „Brandstetter“ hat Herr Weber schon gesehen.", "Brandstetter"),  # no compound of the record
        ("Den Teil „Amor“ hat Herr Weber schon gesehen.", "Amor"),  # too short to be a compound's part
        ("Die Angaben stammen von Frau Amortisation.", "Amortisation"),  # after an honorific: a person
        ("Den Teil hat Herr Diesel schon gesehen.", "Diesel"),
    ],
)
def test_a_capitalised_word_that_is_no_compound_part_of_the_record_or_follows_an_honorific_is_still_a_name(text, name):
    assert f"unsupported fact: name '{name}' is not in the inputs" in _reasons("de_deal", text, screen=False)


# --- a pricing document named as one of the files (set 40's 097) ------------------------------------------------------

PRICE_DOCUMENT = [
    ("hubspot_deal", "You will get it in two parts, the pricing and the rollout plan."),
    ("hubspot_deal", "The pricing sheet travels as its own file, next to the security annex."),
    ("salesforce_opportunity", "It arrives as two documents: the pricing schedule and the clinic rollout plan."),
    ("de_deal", "Es kommt in zwei Dateien: das Preisblatt und der Anhang zur Datensicherheit."),
    ("de_deal", "Die Preisübersicht schicke ich als eigene Datei mit."),
    ("fr_deal", "Elle arrivera en deux fichiers : la grille tarifaire et l'annexe sécurité."),
    ("fr_deal", "L'annexe tarifaire sera un fichier à part."),
    ("es_opportunity", "Llegará en dos archivos: el anexo de precios y el plan de implantación."),
    ("es_opportunity", "La hoja de precios irá en un archivo aparte."),
]


@pytest.mark.parametrize(("record", "sentence"), PRICE_DOCUMENT)
def test_a_pricing_document_named_as_one_of_the_files_passes(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("de_deal", "Das Preisblatt zeigt, dass Sie erst im nächsten Jahr zahlen."),
        ("hubspot_deal", "The pricing sheet shows that you pay in the new fiscal year."),
        ("fr_deal", "La grille tarifaire montre que vous payez après la mise en service."),
        ("es_opportunity", "La hoja de precios deja claro que paga usted al final del proyecto."),
        ("hubspot_deal", "It comes as two files: the pricing for you and the security annex."),
        ("hubspot_deal", "It comes as two files, and the pricing is what you pay after go-live."),
        # a pricing document applied, dated or compared sets terms
        ("hubspot_deal", "We will apply last year's pricing sheet to the 420 trucks."),
        ("fr_deal", "Nous vous appliquons l'ancienne grille tarifaire, avant la hausse."),
        ("de_deal", "Für Sie gilt weiter das bisherige Preisblatt."),
        ("es_opportunity", "Le aplicamos la hoja de precios anterior."),
    ],
)
def test_price_talk_beside_a_named_pricing_document_is_still_refused(record, text):
    reasons = _reasons(record, text, screen=False)
    assert any(r.startswith("price talk the record does not anchor") for r in reasons), reasons


# --- a file name made of the record's words and count (set 40's 070, the German sibling) -----------------------------

FILE_NAMES = [
    ("hubspot_deal", "The file will be named Northwind-proposal-420-trucks.pdf."),
    ("salesforce_opportunity", "You will find it as Harbor-Dental-9-clinics-two-waves.pdf in the shared folder."),
    ("de_deal", "Die Datei heißt Angebot-Mueller-120-Fahrzeuge.pdf."),
    ("de_deal", "Sie finden das Angebot als Mueller-Logistik-Angebot.pdf im Anhang."),
    ("fr_deal", "Vous la trouverez sous le nom Proposition-Lumiere-ateliers.pdf."),
    ("fr_deal", "Le document portera le nom Atelier-Lumiere-proposition.pdf."),
    ("es_opportunity", "El archivo se llamará Propuesta-Levante-85-camiones.pdf."),
    ("es_opportunity", "Lo verá adjunto como Distribuciones-Levante-propuesta.pdf."),
]


@pytest.mark.parametrize(("record", "sentence"), FILE_NAMES)
def test_a_plain_file_name_of_the_records_words_passes_the_pattern_checks(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("de_deal", "Die Datei heißt Angebot-Mueller-95-Fahrzeuge.pdf."),  # a count the record does not hold
        ("de_deal", "Die Datei heißt Angebot-9900-EUR.pdf."),
        ("hubspot_deal", "The file will be named Northwind-half-price.pdf."),
    ],
)
def test_a_file_name_with_a_figure_or_a_term_the_record_does_not_hold_is_still_refused(record, text):
    assert _reasons(record, text, screen=False) != []


# --- an address the record holds, used for what it is (set 40's 139): the screen's training probes ------------------

ADDRESSES = [
    ("hubspot_deal", {"billing_address": "48 Lakeshore Drive, Chicago IL"},
     "The printed copy will be posted to your Lakeshore Drive office."),
    ("hubspot_deal", {"shipping_address": "300 Elm Street, Chicago IL"}, "A bound copy will go to the Elm Street depot as well."),
    ("salesforce_opportunity", {"Mailing_Address__c": "22 Queen Street, Bristol"},
     "A paper copy will also go to your Queen Street practice."),
    ("de_deal", {"Lieferadresse": "Hafenstraße 12, 28217 Bremen"}, "Die gedruckte Fassung geht an Ihr Büro in der Hafenstraße."),
    ("de_deal", {"Postanschrift": "Lindenweg 4, 28215 Bremen"}, "Ein Exemplar auf Papier schicke ich an Ihre Adresse im Lindenweg."),
    ("fr_deal", {"adresse_postale": "14 rue des Tanneurs, Lyon"},
     "Un exemplaire papier partira à votre adresse de la rue des Tanneurs."),
    ("fr_deal", {"adresse_livraison": "8 quai Perrache, Lyon"}, "Une version imprimée sera envoyée à votre atelier du quai Perrache."),
    ("es_opportunity", {"direccion_envio": "Calle del Puerto 8, Valencia"},
     "Le enviaremos una copia impresa a su oficina de la calle del Puerto."),
    ("es_opportunity", {"direccion_postal": "Avenida del Cid 40, Valencia"}, "La copia en papel irá a su almacén de la avenida del Cid."),
]


@pytest.mark.parametrize(("record", "extra", "sentence"), ADDRESSES)
def test_an_address_the_record_holds_used_for_the_printed_copy_passes_the_pattern_checks(record, extra, sentence):
    assert _reasons(record, sentence, extra, screen=False) == []


def test_an_address_no_field_holds_is_still_an_unknown_name():
    assert any("Lakeshore" in r for r in _reasons("hubspot_deal", "The printed copy will be posted to your Lakeshore "
                                                  "Drive office.", screen=False))
