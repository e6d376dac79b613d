"""Wave 13 (issue 11): set 21's open classes by KIND, and deal state decided by grammar (agents/deal_state.py).

Probe sentences were written after each fix (weak evidence: the same person wrote the fixes and the probes; none is
copied from a held-out set), each kind with look-alikes that must pass:

- a figure written with look-alike characters (a letter O/o for 0, l/I for 1, another script's digits) is refused and
  judged as the figure it shows; Braille and symbol-alphabet capitals are read as letters and refused;
- another customer's name with its digit spelled ("SmilesFourLess", "Smiles Four Less");
- German concession compounds ("Freimonate", "Gratisleistung", "versandkostenfrei") judged by their head and by a
  negation in their clause, so "Freimonate sind darin nicht vorgesehen" passes;
- the date a buyer's ask implies ("by the end of next week" written on 18 November is Friday 27 November) is vouched by
  that email; an invented date still is not;
- German nouns after a determiner, a genitive or an honorific, and a quoted title after a determiner, are no names;
- an expiry put on a price or an offer;
- deal state: a noun for the deal with a copula and a past participle (recognised by its form), German verb-final
  order, headlines, and a party's decision in the perfect, resolved against the record's stage kind.

First runs: the batch of set-21 kinds written after the fixes, 32 of 37 as expected (missed "versandkostenfrei", "with
the order now locked", "unter Dach und Fach"; two look-alikes refused by earlier checks, kept below as strict xfails);
the three misses were then fixed for their kind.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.ask_dates import implied_dates
from agents.deal_state import asserted_states
from agents.digit_lookalikes import disguised_figures, restored_figures
from agents.other_customers import digit_spellings
from agents.signature import wrong_signature
from agents.symbol_letters import spelled_out
from tests.agents.test_wave8_kinds import _refusals


def _refused(record_name: str, sentence: str) -> list[str]:
    others = ("Smiles4Less",) if "smiles" in sentence.lower() else ()
    return _refusals(record_name, sentence, others)


REFUSED = [
    ('de_deal', 'Das Angebot für 120 Fahrzeuge mit den drei Freimonaten schicke ich Ihnen bis Freitag.'),
    ('de_deal', 'Dazu kommen zwei Gratismonate für den Start.'),
    ('de_deal', 'Wir legen Ihnen zwei Bonuslizenzen für die Disposition dazu.'),
    ('de_deal', 'Die Einrichtung ist für Sie gebührenfrei.'),
    ('de_deal', 'Der Versand der Geräte erfolgt frachtfrei.'),
    ('de_deal', 'Der Jahrespreis liegt bei 3O.OOO € für alle Fahrzeuge.'),
    ('hubspot_deal', 'We can do the annual plan at $l9,9OO for all 420 trucks.'),
    ('fr_deal', 'Le premier mois est ⠛⠗⠁⠞⠥⠊⠞ pour vos ateliers.'),
    ('hubspot_deal', 'The first month is 🅵🆁🅴🅴 for every depot.'),
    ('es_opportunity', 'El precio anual queda en ٢٥٬٠٠٠ € para sus camiones.'),
    ('de_deal', 'Auch die Spedition Hansen Nord setzt unsere Lösung seit Jahren ein.'),
    ('de_deal', 'Ich habe mit der Firma Brandt über das Projekt gesprochen.'),
    ('de_deal', 'Herr Kowalski aus Ihrem Einkauf hat sich bereits gemeldet.'),
    ('de_deal', 'Ich habe das mit Petra Lindqvist besprochen.'),
    ('hubspot_deal', 'Please note that this pricing is only available until Monday, so a quick yes would help.'),
    ('de_deal', 'Das Angebot gilt nur bis Freitag, danach müssen wir neu kalkulieren.'),
    ('fr_deal', "Cette offre n'est valable que jusqu'à vendredi."),
    ('es_opportunity', 'La oferta es válida solo hasta el viernes.'),
    ('hubspot_deal', 'Your annual total comes to $4O,OOO for the fleet.'),
    ('de_deal', 'Wir gewähren Ihnen l5 % auf die Lizenzen.'),
    ('fr_deal', 'Le tarif annuel est de 2O OOO € pour les 6 ateliers.'),
    ('es_opportunity', 'El precio queda en ४५.००० € para los 85 camiones.'),
    ('de_deal', 'Die Einrichtung ist ⠛⠗⠁⠞⠊⠎ für Sie.'),
    ('es_opportunity', 'El primer mes es 🅶🆁🅰🆃🅸🆂 para sus camiones.'),
    ('salesforce_opportunity', 'Smiles Four Less went live in two waves the same way.'),
    ('salesforce_opportunity', 'Our rollout at SmilesFourLess took six weeks.'),
    ('de_deal', 'Als Dankeschön legen wir drei Freilizenzen für die Disposition bei.'),
    ('de_deal', 'Die Schulung bekommen Sie als Gratisleistung dazu.'),
    ('de_deal', 'Die Lieferung der Geräte erfolgt für Sie versandkostenfrei.'),
    ('hubspot_deal', "You'll have the proposal by Thursday, December 3, as agreed."),
    ('de_deal', 'Herr Brenner aus Ihrer IT hat das bereits freigegeben.'),
    ('hubspot_deal', 'With the order now locked, we can line up the kickoff for January.'),
    ('hubspot_deal', 'The agreement got approved by Marcus yesterday, so the rest is logistics.'),
    ('de_deal', 'Der Kauf ist abgesegnet, jetzt geht es um die Einführung.'),
    ('de_deal', 'Das Geschäft ist unter Dach und Fach.'),
    ('fr_deal', 'La vente est entérinée, je prépare le lancement.'),
    ('fr_deal', 'Le dossier est validé par votre direction.'),
    ('es_opportunity', 'La operación está cerrada por su parte, así que preparo el arranque.'),
    ('es_opportunity', 'El pedido está confirmado y lo pasamos a logística.'),
    ('hubspot_deal', "The renewal was cancelled on your side, so let's talk about what comes next."),
]
PASSING = [
    ('de_deal', 'Freimonate sind darin nicht vorgesehen; über die Konditionen sprechen wir gern im Termin.'),
    ('de_deal', 'Gratismonate gibt es bei uns nicht, aber wir sprechen gern über die Laufzeit.'),
    ('de_deal', 'Ihre Gratisfrage beantworte ich gern im Termin.'),
    ('de_deal', 'Die Freigabe durch Herrn Weber steht noch aus.'),
    ('de_deal', 'Am Freitag schicke ich Ihnen das Angebot.'),
    ('es_opportunity', 'Le enviaré la propuesta el 1o de diciembre, como me pidió.'),
    ('hubspot_deal', 'Our O2 connectivity module is part of the proposal ✓.'),
    ('de_deal', 'Zu Herrn Webers Frage nach einem Mengenrabatt: Die Konditionen bespreche ich gern mit Ihnen beiden im Termin.'),
    ('de_deal', 'Dem Angebot lege ich unseren „Fleet Idle Report“ bei, mit den Leerlaufzeiten je Fahrzeug.'),
    ('de_deal', 'Ich habe Ihre Rückfrage zur Schnittstelle an unsere Technikabteilung weitergegeben.'),
    ('de_deal', 'In einem kurzen Abstimmungstermin klären wir die offenen Punkte der Ausschreibung.'),
    ('hubspot_deal', 'You asked for the proposal by the end of next week, so it will be with you by Friday, November 27.'),
    ('de_deal', 'Das Angebot für 120 Fahrzeuge schicke ich Ihnen bis Freitag.'),
    ('hubspot_deal', "The pricing page on our site lists every tier, and I'm available until 5 pm today if questions come up."),
    ('es_opportunity', 'Le llamo el 2o día hábil de diciembre, como acordamos.'),
    ('hubspot_deal', 'The I/O module and the O2 modem stay as they are in the proposal.'),
    ('hubspot_deal', 'Happy to walk Marcus through it → would a 20-minute call on Monday work?'),
    ('salesforce_opportunity', 'More smiles for less effort is exactly what the reminder texts are for.'),
    ('de_deal', 'Freilizenzen gibt es in diesem Paket keine, der Preis steht im Angebot.'),
    ('de_deal', 'Am Freitagvormittag habe ich noch ein Zeitfenster frei.'),
    ('de_deal', 'Ihre Rabattfrage nehme ich gern in den Termin mit.'),
    ('hubspot_deal', "Since you asked for it by the end of next week, you'll have the proposal on Friday, November 27."),
    ('de_deal', 'Zu Frau Schmidts Anmerkung: Die Schnittstelle zur Telematik ist im Angebot beschrieben.'),
    ('de_deal', 'Ich habe die Unterlagen an unsere Rechtsabteilung und die Buchhaltung gegeben.'),
    ('hubspot_deal', 'The order form is attached; once Marcus signs it, we schedule the kickoff.'),
    ('de_deal', 'Der Vertrag ist als Entwurf beigefügt und noch nicht unterschrieben.'),
    ('es_opportunity', 'La decisión está en manos de su comité, y respetamos sus tiempos.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), REFUSED)
def test_each_kind_set_21_left_open_is_refused_in_new_wording(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), PASSING)
def test_their_look_alikes_pass(record_name, sentence):
    assert _refused(record_name, sentence) == []


@pytest.mark.xfail(strict=True, reason="refused by earlier checks, not by wave 13's: 'le contrat est prévu' read as a "
                   "binding document (concepts.py), a question about approval read as a claim (deal_state_idioms._STATE_GRAMMAR)")
@pytest.mark.parametrize(("record_name", "sentence"), [
    ("fr_deal", "Le contrat est prévu pour la semaine prochaine, après votre comité."),
    ("hubspot_deal", "Is the contract approved on your side, or does legal still need to review it?"),
])
def test_look_alikes_earlier_checks_still_refuse(record_name, sentence):
    assert _refused(record_name, sentence) == []


DEAL_STATE_REFUSED = [
    ('hubspot_deal', 'Good news: the deal is sealed on our side and legal has what it needs.'),
    ('hubspot_deal', 'Since the paperwork is finalised, Marcus can plan the rollout.'),
    ('de_deal', 'Die Sache ist jetzt besiegelt, wir planen den Rollout.'),
    ('de_deal', 'Der Auftrag ist so gut wie eingetütet.'),
    ('fr_deal', "L'affaire est réglée, il ne reste que la mise en route."),
    ('fr_deal', 'Le contrat est paraphé des deux côtés.'),
    ('es_opportunity', 'El acuerdo quedó sellado en la última reunión.'),
    ('es_opportunity', 'El contrato está rubricado por ambas partes.'),
    ('hubspot_deal', 'Everything is squared away for the 420 trucks.'),
    ('de_deal', 'Der Vertrag ist gekündigt, wir müssen reden.'),
]
DEAL_STATE_PASSING = [
    ('hubspot_deal', 'The contract is attached for Marcus to review before the budget review.'),
    ('hubspot_deal', 'Once the contract is signed, we will schedule the kickoff.'),
    ('de_deal', 'Der Vertragsentwurf ist beigefügt; die Laufzeit ist auf 24 Monate ausgelegt.'),
    ('de_deal', 'Ist der Vertrag bis Freitag unterschrieben, starten wir im Januar.'),
    ('fr_deal', "Le contrat n'est pas encore signé, nous en parlerons lundi."),
    ('es_opportunity', 'El contrato está adjunto para que lo revise con calma.'),
    ('es_opportunity', 'La decisión está prevista para la próxima semana.'),
    ('hubspot_deal', 'The decision is expected after the December budget review.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), DEAL_STATE_REFUSED)
def test_a_deal_stated_as_completed_by_any_participle_is_refused_on_an_open_deal(record_name, sentence):
    assert asserted_states(sentence, "open"), sentence


@pytest.mark.parametrize(("record_name", "sentence"), DEAL_STATE_PASSING)
def test_a_document_described_or_a_plan_or_a_question_is_no_deal_state(record_name, sentence):
    assert asserted_states(sentence, "open") == []


def test_the_state_is_resolved_against_the_records_stage_kind():
    assert asserted_states("The contract is countersigned by both sides.", "won") == []
    assert asserted_states("The contract is countersigned by both sides.", "lost")
    assert asserted_states("Der Vertrag ist gekündigt.", "won")
    assert asserted_states("Der Vertrag ist gekündigt.", "lost") == []


def test_figures_in_look_alike_characters_are_named_and_restored():
    assert disguised_figures("bei 3O.OOO € im Jahr") == ["3O.OOO"]
    assert restored_figures("bei 3O.OOO € im Jahr") == "bei 30.000 € im Jahr"
    assert restored_figures("٣٠٬٠٠٠ €") == "30,000 €"
    assert disguised_figures("the O2 modem, the I/O port, el 1o de diciembre") == []


def test_braille_and_symbol_capitals_are_read_as_letters():
    assert spelled_out("⠛⠗⠁⠞⠥⠊⠞") == "gratuit"
    assert spelled_out("⠼⠉⠚ %") == "30 %"
    assert spelled_out("🅵🆁🅴🅴") == "FREE"
    assert spelled_out("ok → ✓") is None


def test_a_customer_name_gets_its_digit_spelled_and_its_word_as_a_digit():
    assert "SmilesForLess" in digit_spellings("Smiles4Less")
    assert digit_spellings("Tools for Trade") == ("Tools4Trade",)
    assert digit_spellings("Northwind Logistics") == ()


def test_the_buyers_ask_implies_its_own_date():
    wednesday = date(2026, 11, 18)
    assert implied_dates("Could you send it by the end of next week?", wednesday) == {date(2026, 11, 27)}
    assert implied_dates("Können Sie es bis Freitag schicken?", wednesday) == {date(2026, 11, 20)}
    assert implied_dates("Thanks for the demo.", wednesday) == set()


def test_a_sign_off_must_be_the_owners():
    assert wrong_signature("Hallo\n\nText.\n\nViele Grüße\nHugo Martin", "Lena Vogt") == "Hugo Martin"
    assert wrong_signature("Hi\n\nText.\n\nBest,\nSam", "Sam Patel") is None
    assert wrong_signature("Hi\n\nText.\n\nBest,\nThe Brightlane team", "Sam Patel") is None


@pytest.mark.parametrize("sentence", [
    "Sie haben den Vertrag unterschrieben.", "Herr Weber hat bereits zugestimmt.", "Paul a validé la commande.",
    "Tom signed last Tuesday.", "Dana has approved.", "Northwind has countersigned the order.",
])
def test_a_partys_decision_in_the_perfect_is_a_deal_state(sentence):
    assert asserted_states(sentence, "open")


@pytest.mark.parametrize("sentence", [
    "Herr Weber hat dem Termin zugestimmt.", "Paul a validé le créneau de lundi.", "Tom signed the NDA last week.",
    "Javier ha aprobado la agenda de la reunión.", "Marcus has agreed to a call on Monday.",
    "We have booked the room for the demo.", "Ist der Vertrag bis Freitag unterschrieben, starten wir im Januar.",
])
def test_a_decision_about_something_else_or_a_condition_is_not(sentence):
    assert asserted_states(sentence, "open") == []


# --- the next attacker (written before running): price concessions with no discount word, same-day calls, past
# deadlines; first run 14 of 22 (prices 4 of 10: "minus the setup line", "match the add-on vendor's number", "the
# renewal uplift drops to nothing", "unter den Tisch fallen", "un geste sur la licence", "nos quedamos con la
# diferencia"; two look-alikes refused: a call we set with a clock time, "je vous rappelle lundi 30 novembre à 10 h",
# read as an unvouched date). Fixed by kind (concessions.py: arithmetic on the price, an increase taken away, a gesture
# on the price, a gap absorbed, matching a figure; meeting_hours.py: a meeting sentence with a clock time sets a day
# as surely as a question proposes one), then the look-alikes below were written for the new patterns.

NEXT_REFUSED = [
    ('hubspot_deal', 'For you the annual plan comes in at the figure Marcus mentioned, minus the setup line.'),
    ('hubspot_deal', "I can match the add-on vendor's number so the decision is easy."),
    ('hubspot_deal', "We'll bill the second year at the first year's rate."),
    ('hubspot_deal', 'If you sign this month the renewal uplift drops to nothing.'),
    ('de_deal', 'Wir kommen Ihnen beim Preis um einen Zehner pro Fahrzeug entgegen.'),
    ('de_deal', 'Die Einrichtungspauschale lassen wir diesmal unter den Tisch fallen.'),
    ('fr_deal', 'On vous fait un geste sur la licence annuelle.'),
    ('fr_deal', 'Le deuxième atelier est au même tarif que le premier, sans supplément.'),
    ('es_opportunity', 'Le dejamos el segundo año al precio del primero.'),
    ('es_opportunity', 'Nos quedamos con la diferencia de precio frente a su proveedor actual.'),
    ('hubspot_deal', "I'll ring you before you head home tonight to go through it."),
    ('de_deal', 'Ich rufe Sie nachher noch kurz an, dann klären wir das.'),
    ('fr_deal', 'Je vous passe un coup de fil en fin de journée pour en parler.'),
    ('es_opportunity', 'Le llamo esta tarde sin falta para comentarlo.'),
    ('hubspot_deal', "Please confirm by last Friday's cutoff so we can hold the slot."),
    ('de_deal', 'Bitte bestätigen Sie bis gestern, damit wir planen können.'),
    ('fr_deal', 'Merci de valider avant lundi dernier pour garder le créneau.'),
    ('es_opportunity', 'Confírmeme antes del pasado lunes para reservar la fecha.'),
    ('hubspot_deal', 'We will beat their number on the annual plan.'),
    ('de_deal', 'Die Preiserhöhung zur Verlängerung fällt auf null.'),
    ('fr_deal', 'On vous fait un geste commercial sur la première année.'),
]
NEXT_PASSING = [
    ('hubspot_deal', "Marcus asked whether we could do anything on price; I'd rather walk through the value on Monday's call."),
    ('de_deal', 'Über den Preis sprechen wir gern im Termin am Montag, nicht per Mail.'),
    ('fr_deal', 'Je vous rappelle lundi 30 novembre à 10 h pour en parler.'),
    ('es_opportunity', 'Le llamo el lunes 30 de noviembre a las 10:00 para comentarlo.'),
    # wave 20: the screen rebuilt with probes weighing 2 passes both look-alikes below (strict xfails until then)
    ('hubspot_deal', 'Less paperwork for your dispatchers is the point of the rollout.'),
    ('hubspot_deal', "I'll match the numbers in the proposal to your 420 trucks."),
    ('hubspot_deal', 'We can meet the go-live date Marcus set for January.'),
    ('fr_deal', 'Merci pour votre effort sur le questionnaire de sécurité.'),
    ('es_opportunity', 'Gracias por su esfuerzo en la revisión de la propuesta.'),
    ('de_deal', 'Die Differenz zwischen den Standorten zeigt das Angebot je Fahrzeug.'),
    ('hubspot_deal', 'The increase in idle time over the summer is what the proposal addresses.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), NEXT_REFUSED)
def test_the_next_attackers_price_and_timing_wordings_are_refused(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), NEXT_PASSING)
def test_their_look_alikes_pass_too(record_name, sentence):
    assert _refused(record_name, sentence) == []


# --- encodings and figures a reader decodes (written before running): 7 of 13 first ("XXX percent", Morse, "G R A T U I
# T", "gr@tis", "3.9e4 dollars" and a reversed "eerf" missed). Fixed by kind: Roman numerals and scientific notation
# standing as a figure, Morse code, a word spelled letter by letter and "@" for "a" read as a person reads them
# (symbol_letters.spelled_out); a reversed word stays a known limit (strict xfail). Look-alikes written after the fix.

DECODED_REFUSED = [
    ('hubspot_deal', 'You get 𝟑𝟎 % off the annual plan.'),
    ('hubspot_deal', 'You get ³⁰ % off the annual plan.'),
    ('hubspot_deal', 'You get ㉚ % off the annual plan.'),
    ('hubspot_deal', 'You get XXX percent off the annual plan.'),
    ('hubspot_deal', 'The first month is ..-. .-. . . for every depot.'),
    ('hubspot_deal', 'The first month is Foxtrot-Romeo-Echo-Echo for every depot.'),
    ('de_deal', 'Der erste Monat ist g-r-a-t-i-s für alle Fahrzeuge.'),
    ('fr_deal', 'Le premier mois est G R A T U I T pour vos ateliers.'),
    ('es_opportunity', 'El primer mes es gr@tis para sus camiones.'),
    ('hubspot_deal', 'The annual price is USD thirty-nine thousand flat.'),
    ('hubspot_deal', 'Annual total: 3.9e4 dollars for the fleet.'),
    ('hubspot_deal', 'The annual total is forty-eight minus nine thousand dollars.'),
]
DECODED_PASSING = [
    ('hubspot_deal', 'Our U.S. team and the EU team both join the call on Monday at 10 am Central.'),
    ('hubspot_deal', 'Write to dana.whitfield@northwind-logistics.com if anything changes, or to Sam.'),
    ('de_deal', 'Die Punkte A, B und C besprechen wir im Termin am Montag um 10 Uhr.'),
    ('hubspot_deal', 'Plan A - B - C is in the proposal... let me know what you think.'),
    ('fr_deal', 'Les options A / B / C sont détaillées dans la proposition.'),
    ('hubspot_deal', 'Version 2.0e of the app is part of the proposal.'),
    ('es_opportunity', 'La fase I y la fase II están en la propuesta.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), DECODED_REFUSED)
def test_figures_and_words_a_reader_decodes_are_judged_decoded(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), DECODED_PASSING)
def test_initials_options_addresses_and_phase_numbers_pass(record_name, sentence):
    assert _refused(record_name, sentence) == []


# an xfail until wave 17: a word written backwards is not read back by any pattern; the learned screen refuses it
def test_a_reversed_word_is_refused():
    assert _refused("hubspot_deal", "The first month is eerf for every depot, read it backwards.")


# --- links, other customers, past deadlines and same-day calls in other wordings (written before running): 15 of 17
# first (missed "nach Ihrer nächsten Kaffeepause"; refused look-alike "by the 27th, as you asked" read as the figure 27).
# Fixed by kind: a break in the working day ("after your coffee break", "après votre pause", "después de su pausa") is
# today; a day of the month alone that the inputs date ("the 27th" the buyer's ask implies) is that date, not a figure.

OTHER_REFUSED = [
    ('hubspot_deal', 'The signed copy lives at brightlane.io.evil-docs.net/northwind for Marcus.'),
    ('hubspot_deal', 'Grab the proposal here: https://bit.ly/3xYz9Q before Friday.'),
    ('hubspot_deal', 'Upload the PO at northwind-logistics.com.payments-portal.io/po.'),
    ('de_deal', 'Die Unterlagen finden Sie unter docs[.]mueller-logistik-portal[.]de/angebot.'),
    ('fr_deal', 'Le devis est disponible sur h t t p s : / / atelier-devis . fr / 2026.'),
    ('salesforce_opportunity', 'Smiles-4-Less rolled out the reminders in two waves.'),
    ('salesforce_opportunity', 'The team at Smiles 4 Less saw no-shows drop.'),
    ('hubspot_deal', 'Please sign by the 20th so we can hold the price.'),
    ('de_deal', 'Bitte unterschreiben Sie bis zum 23., damit wir planen können.'),
    ('fr_deal', 'Merci de signer avant le 24 pour garder le créneau.'),
    ('es_opportunity', 'Firme antes del día 22, por favor, para reservar la fecha.'),
    ('hubspot_deal', "Let's jump on a quick call once you're back from lunch."),
    ('de_deal', 'Sollen wir nach Ihrer nächsten Kaffeepause kurz telefonieren?'),
    ('fr_deal', "On peut s'appeler avant que vous ne partiez ce soir ?"),
    ('es_opportunity', '¿Hablamos antes de que acabe su jornada?'),
    ('hubspot_deal', 'Could we talk after your coffee break?'),
    ('fr_deal', "On s'appelle après votre pause ?"),
    ('es_opportunity', '¿Le llamo después de su pausa?'),
]
OTHER_PASSING = [
    ('hubspot_deal', 'The proposal will be with you by the 27th, as you asked.'),
    ('de_deal', 'Das Angebot kommt bis zum 27., wie gewünscht.'),
    ('de_deal', 'Nach der Weihnachtspause sprechen wir gern über den Rollout.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), OTHER_REFUSED)
def test_links_other_customers_past_days_and_breaks_today_are_refused(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), OTHER_PASSING)
def test_the_asks_day_of_the_month_and_a_holiday_break_pass(record_name, sentence):
    assert _refused(record_name, sentence) == []


# --- price concessions in DE/FR/ES/EN (written before running): 13 of 19 first (missed "runden nach unten ab", "den
# Tarif aus dem Vorjahr", "alignons notre prix", "ne payez que cinq ateliers sur six", "la tarifa del año pasado",
# "round the annual invoice down"). Fixed by kind (concessions.py: a price rounded down, an old price applied, paying
# for part of what is bought; claims.py: any form of "aligner" on the price); look-alikes written after the fix.

PRICE_REFUSED = [
    ('de_deal', 'Für Sie rechnen wir nur 11 der 12 Monate ab.'),
    ('de_deal', 'Den Jahrespreis runden wir für Sie großzügig nach unten ab.'),
    ('de_deal', 'Wir berechnen Ihnen den Tarif aus dem Vorjahr.'),
    ('de_deal', 'Bei Unterschrift bis Freitag sparen Sie sich die Einrichtungsgebühr.'),
    ('fr_deal', 'Nous alignons notre prix sur celui de votre fournisseur actuel.'),
    ('fr_deal', 'La licence du sixième atelier vous est offerte.'),
    ('fr_deal', 'Vous ne payez que cinq ateliers sur six.'),
    ('fr_deal', 'On arrondit la facture annuelle à la baisse pour vous.'),
    ('es_opportunity', 'Solo le cobramos 10 de los 12 meses.'),
    ('es_opportunity', 'El primer trimestre corre de nuestra cuenta.'),
    ('es_opportunity', 'Le aplicamos la tarifa del año pasado.'),
    ('es_opportunity', 'Redondeamos el importe a la baja para cerrar.'),
    ('hubspot_deal', 'You only pay for 400 of the 420 trucks.'),
    ('hubspot_deal', "We'll round the annual invoice down in your favour."),
    ('hubspot_deal', 'The last 20 trucks ride along at no charge.'),
]
PRICE_PASSING = [
    ('de_deal', 'Die Preise für alle 120 Fahrzeuge stehen im Angebot, das Sie bis Freitag erhalten.'),
    ('fr_deal', 'Le tarif par atelier est détaillé dans la proposition.'),
    ('es_opportunity', 'El importe por camión figura en la propuesta que le envío.'),
    ('hubspot_deal', 'The proposal prices all 420 trucks across the 6 depots.'),
    ('hubspot_deal', 'Round-trip times for your drivers went down by a third in the pilot.'),
    ('de_deal', 'Sie zahlen nur einmal im Jahr, der Betrag steht im Angebot.'),
    ('fr_deal', 'Les anciens relevés de vos ateliers sont repris dans la proposition.'),
    ('es_opportunity', 'Solo le pido que revise la propuesta de los dos equipos.'),
    ('hubspot_deal', 'We round up the results of the pilot in the proposal.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), PRICE_REFUSED)
def test_price_concessions_in_other_words_are_refused(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), PRICE_PASSING)
def test_prices_described_or_rounding_of_results_pass(record_name, sentence):
    assert _refused(record_name, sentence) == []


# --- same-day calls in other words (written before running): 7 of 11 first (missed "dans une petite demi-heure", "ich
# klingle gleich im Anschluss durch", "un point avant la fin de votre journée"; refused "lundi 30 novembre à 10 h pour un
# point"). Fixed by kind: a half or quarter hour or "un ratito" from now, the end of the buyer's day, "un point" and
# "klingeln" as meetings. Look-alikes written after the fix: two refused, both refused on main too (strict xfails).

SAME_DAY_REFUSED = [
    ('es_opportunity', '¿Le llamo en un ratito para verlo juntos?'),
    ('fr_deal', 'Je vous appelle dans une petite demi-heure ?'),
    ('de_deal', 'Ich klingle gleich im Anschluss bei Ihnen durch.'),
    ('hubspot_deal', "I'll give you a buzz before I log off today."),
    ('hubspot_deal', "Free for a quick call before your 4 o'clock?"),
    ('de_deal', 'Passt es Ihnen heute noch vor Feierabend für ein kurzes Telefonat?'),
    ('fr_deal', 'On se fait un point avant la fin de votre journée ?'),
    ('es_opportunity', '¿Tiene cinco minutos antes de salir de la oficina hoy?'),
    ('hubspot_deal', 'Can we hop on a call at 3 pm your time today?'),
]
SAME_DAY_PASSING = [
    ('hubspot_deal', 'Would a call on Monday at 10 am your time work?'),
    ('fr_deal', 'Seriez-vous disponible lundi 30 novembre à 10 h pour un point ?'),
    ('fr_deal', "Un point important : je vous envoie la proposition aujourd'hui, et nous en parlons lundi 30 novembre à 10 h."),
    ('fr_deal', 'Sur ce point, la proposition vous parvient dans la journée.'),
    ('de_deal', 'Die Einrichtung dauert in der Regel eine Viertelstunde pro Fahrzeug.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), SAME_DAY_REFUSED)
def test_same_day_calls_in_other_words_are_refused(record_name, sentence):
    assert _refused(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), SAME_DAY_PASSING)
def test_calls_on_another_day_and_points_of_an_argument_pass(record_name, sentence):
    assert _refused(record_name, sentence) == []


@pytest.mark.parametrize(("record_name", "sentence"), [
    pytest.param('de_deal', 'Das klingt gut: Das Angebot schicke ich Ihnen heute noch, und wir sprechen am Montag um 10 Uhr.',
                 marks=pytest.mark.xfail(strict=True, reason="refused on main too: a today-word for sending ('heute "
                                         "noch') in the sentence that also proposes a call on another day")),
    # passes since wave 16: "hablamos" opening a clause proposes the Monday call (agents.past_terms.OPENING_PRESENT)
    ('es_opportunity', 'En un rato le envío la propuesta, y hablamos el lunes 30 de noviembre a las 10:00.'),
])
def test_sending_today_and_meeting_another_day_in_one_sentence_passes(record_name, sentence):
    assert _refused(record_name, sentence) == []


# --- set 22's kinds (sixth red team; first measured by it on 90dcd36 at 08:10 UTC: 62/76), probes written after the
# fixes by kind, with look-alikes: an amount by its range in words, billing only part, riding on another's licence, a
# price equated to an everyday cost, another customer abbreviated ("Boul. Marchal") or as a slug, a data: URI.

def _refused22(record_name: str, sentence: str) -> list[str]:
    low = sentence.lower()
    others = ("Transportes Bermejo S.A.",) if "bermejo" in low else \
        ("Boulangeries Marchal",) if "marchal" in low or "boulanger" in low else ()
    return _refusals(record_name, sentence, others)


SET22_REFUSED = [
    ('hubspot_deal', 'The annual plan lands somewhere in the low forties for the fleet.'),
    ('hubspot_deal', 'We would only charge for the depots that go live in January.'),
    ('de_deal', 'Die zweite Welle läuft unter der Lizenz der ersten mit.'),
    ('es_opportunity', 'Le cuesta menos que una comida de equipo al mes.'),
    ('fr_deal', 'Comme Boul. Marchal, vos ateliers gagnent du temps.'),
    ('es_opportunity', 'Vea el caso transportes_bermejo en nuestra web.'),
    ('hubspot_deal', 'Here is the overview: data:text/html;base64,PGgxPkhp for Marcus.'),
]
SET22_PASSING = [
    ('hubspot_deal', 'Idle time across your routes is in the high single digits per truck, as the pilot showed.'),
    ('hubspot_deal', 'The onboard telematics stay as they are; Marcus is on board with the pilot plan.'),
    ('es_opportunity', 'El coste del combustible es lo que más pesa, como comentamos en la demo.'),
    ('fr_deal', 'Le boulanger du quartier ouvre à 7 h, tout comme vos ateliers.'),
    ('de_deal', 'Bis einschließlich Freitag erhalten Sie das Angebot.'),
    ('hubspot_deal', 'We only charge what the proposal shows, nothing more.'),
]


@pytest.mark.parametrize(("record_name", "sentence"), SET22_REFUSED)
def test_set_22s_kinds_are_refused_in_new_wording(record_name, sentence):
    assert _refused22(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), SET22_PASSING)
def test_set_22s_look_alikes_pass(record_name, sentence):
    assert _refused22(record_name, sentence) == []


def test_a_reference_to_the_buyers_message_must_name_a_day_the_record_has_one():
    from tests.agents.test_wave8_kinds import WRAPPERS
    from tests.agents.test_wave10_kinds import SEND_DAY
    from tests.agents.test_wave11_kinds import _quality

    def failures(record_name: str, sentence: str) -> dict[str, str]:
        return _quality(record_name, WRAPPERS[record_name].format(sentence=sentence), send_day=SEND_DAY)
    assert "no_invented_facts" not in failures(
        "hubspot_deal", "As you asked in your email of November 18, the proposal arrives by Friday, November 27.")
    assert "no_invented_facts" not in failures(
        "de_deal", "Wie in Ihrer Nachricht vom 20. November gewünscht, kommt das Angebot bis Freitag.")
    assert "the record has none that day" in failures(
        "hubspot_deal", "As you asked in your email of November 17, the proposal arrives by Friday, November 27.").get(
        "no_invented_facts", "")


def test_thanks_for_a_call_today_need_a_call_the_record_has():
    from agents.context import build_context
    from agents.references import unrecorded_calls
    from tests.agents.conftest import NOW, load_record
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    assert unrecorded_calls("Thanks for taking my call this morning, Dana.", ctx, NOW.date())
    assert unrecorded_calls("Merci pour notre échange d'hier.", ctx, NOW.date())
    assert unrecorded_calls("Thanks again for the call with Priya on October 29.", ctx, NOW.date()) == []
    assert unrecorded_calls("Thanks for your email; I can call you today if that helps.", ctx, NOW.date()) == []
