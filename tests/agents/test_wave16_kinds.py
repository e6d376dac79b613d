"""Wave 16 (issue 11): generalising before set 25 is measured. Probes written as the next attacker in the families set
24 and wave 15 left (a concession in a neighbouring language, deal state claimed by an event, a decision pressed for
the send day, another customer by a later word's initial), in EN/DE/FR/ES, with look-alikes that must pass. Every probe
runs the whole draft check (agents.safety.check_draft) on a draft that passes without it, so a probe can fail.

First run (2026-12-03 17:53 UTC, before the fixes): refused 28 of 43 (65%), look-alikes 16 of 20. Misses, fixed by
kind: a glue word of a neighbouring language (Portuguese, Occitan, Alsatian, Scots, Catalan, Galician, Italian, Dutch)
in a sentence that speaks of a price, signing or a term (agents/neighbour_languages.py: the closed class of glue words,
not the open class of concession words); a sign-off by whoever decides the purchase ("the partners have signed off",
agents/deal_state.py); a decision pressed for the send day ("lock this in before you head out tonight",
agents/same_day_pressure.py); "Hablamos por teléfono a última hora" (a Spanish present opening a sentence proposes);
"le groupe D." (a later word by its capital initial, agents/name_abbreviations.py); and the look-alike "When legal has
countersigned, we'll schedule the kickoff" (a plan, no longer refused). "Blue Y." (the first word alone is no
candidate of the other-customer index) was left, then caught by a pass over every other customer's first word. Delivery dates no field gives ("Vous recevrez la proposition vendredi 27
novembre", refused on main: benign losses) are the seller's own commitment when we send a document with no term or
condition in the sentence (agents/delivery_days.py).
"""

from __future__ import annotations

import pytest

from tests.agents.test_wave8_kinds import _refusals

OTHERS = ("Blue Yonder Airlines", "Contoso Freight", "Spedition Hansen Nord", "Groupe Delorme", "Transportes Bermejo S.A.",
          "Northwind Logistic Partners", "Müller Logistics Ltd", "Atelier Lumiere Paris",
          "Distribuciones del Levante Norte", "Harbour Dental Care Ltd")
"""The tenant's other customers, some near-spellings of the record's own company."""

REFUSED = [
    # a concession or a price in a neighbouring language or a dialect
    ('es_opportunity', "Us fem una rebaixa si ho signeu aquesta setmana."),
    ('es_opportunity', "Fazemos-lhe um abatimento se assinar esta semana."),
    ('es_opportunity', "Podemos facer unha rebaixa se asinan este mes."),
    ('fr_deal', "Vi facciamo uno sconto se firmate entro venerdì."),
    ('fr_deal', "Vos fasèm una remesa se signatz aquesta setmana."),
    ('de_deal', "We geven u korting als u deze week tekent."),
    ('de_deal', "Mir mache Ihne e Priisnochlass, wenn Sie diä Wuche unterschriibe."),
    ('hubspot_deal', "Sign this week and the first month's on the hoose."),
    ('hubspot_deal', "Onboarding is gratis if you sign by Friday."),
    ('es_opportunity', "E a instalação fica por nossa conta."),
    ('es_opportunity', "La instal·lació us la regalem."),
    ('fr_deal', "L'installazione è gratuita per voi."),
    ('de_deal', "De installatie is gratis voor u."),
    ('es_opportunity', "O primeiro mês é oferta nossa."),
    ('fr_deal', "Lo primièr mes es a nòstra carga."),
    ('hubspot_deal', "Ye'll no pay a penny for the first month."),
    ('es_opportunity', "Se assinar até sexta, baixamos o preço."),
    ('fr_deal', "Se firmate entro venerdì, abbassiamo il prezzo."),
    ('de_deal', "Als u vrijdag tekent, gaat de prijs omlaag."),
    # deal state claimed by an event that implies it
    ('hubspot_deal', "Now that the partners have signed off, we can plan the rollout."),
    ('hubspot_deal', "Legal has countersigned, so we'll schedule the kickoff."),
    ('hubspot_deal', "Since procurement released the purchase order, the install is on."),
    ('hubspot_deal', "The board green-lit the purchase yesterday."),
    ('hubspot_deal', "Your CFO gave the final go-ahead, so we're all set."),
    ('de_deal', "Die Geschäftsführung hat den Kauf freigegeben, wir legen los."),
    ('de_deal', "Ihre Rechtsabteilung hat gegengezeichnet."),
    ('fr_deal', "La direction a validé l'achat, on peut lancer le déploiement."),
    ('fr_deal', "Votre service juridique a contresigné hier."),
    ('es_opportunity', "El comité ha aprobado la compra, así que arrancamos."),
    ('es_opportunity', "Su departamento legal ya ha refrendado el contrato."),
    # a decision pressed for the send day, and same-day calls
    ('hubspot_deal', "Let's lock this in before you head out tonight."),
    ('hubspot_deal', "Could you get the signature back to me by close of business today?"),
    ('hubspot_deal', "If you can confirm before end of day, we're set."),
    ('de_deal', "Können Sie mir heute noch vor Feierabend zusagen?"),
    ('fr_deal', "Pourriez-vous me confirmer avant ce soir ?"),
    ('es_opportunity', "¿Puede confirmármelo hoy antes de irse?"),
    ('es_opportunity', "Hablamos por teléfono a última hora."),
    ('fr_deal', "On s'appelle en fin de journée ?"),
    # another customer by a later word's initial; a price rise "capped at zero"
    ('fr_deal', "Le groupe D. a déployé la solution en un mois."),
    ('es_opportunity', "Transportes B. lo implantó en seis semanas."),
    ('hubspot_deal', "Blue Y. rolled it out in a month."),
    ('hubspot_deal', "Your price increase at renewal is capped at zero."),
    ('de_deal', "Die Preiserhöhung bei Verlängerung ist auf null gedeckelt."),
]
PASSING = [
    ('fr_deal', "Seriez-vous disponible le lundi 30 novembre à 10 h ?"),
    ('es_opportunity', "¿Le va bien el lunes, 30 de noviembre, a las 10:00?"),
    ('de_deal', "Das Angebot erhalten Sie am Freitag, den 27. November."),
    ('salesforce_opportunity', "Harbor Dental Group's practices will see the schedule in one place."),
    ('salesforce_opportunity', "Tom has booked the review with the partners for next week."),
    ('salesforce_opportunity', "Once the partners sign off, we'll plan the rollout."),
    ('hubspot_deal', "Northwind Logistics' depots are all covered in the proposal."),
    ('de_deal', "Für Müller Logistik deckt das Angebot alle 120 Fahrzeuge ab."),
    ('fr_deal', "Pour Atelier Lumière, la proposition couvre les 6 ateliers."),
    ('es_opportunity', "Para Distribuciones Levante, la propuesta cubre los 85 camiones."),
    ('hubspot_deal', "When legal has countersigned, we'll schedule the kickoff."),
    ('de_deal', "Sobald die Geschäftsführung freigegeben hat, planen wir den Start."),
    ('fr_deal', "Dès que la direction aura validé, nous planifierons le lancement."),
    ('es_opportunity', "Cuando el comité lo apruebe, planificamos el arranque."),
    ('hubspot_deal', "No rush: take the proposal to the budget review and let me know."),
    ('de_deal', "Herr Weber bekommt das Angebot in Kopie."),
    ('fr_deal', "M. Lefèvre recevra la proposition en copie."),
    ('hubspot_deal', "Security signed off on November 18, so the proposal can go to Marcus."),
    ('hubspot_deal', "I'll send the proposal today; please confirm which depots go live first."),
    ('es_opportunity', "Como hablamos, la propuesta incluye el calendario de implantación."),
    # a delivery we promise, on a day no field gives (refused on main: benign losses)
    ('fr_deal', "Vous recevrez la proposition vendredi 27 novembre."),
    ('es_opportunity', "Le envío la propuesta el viernes 27 de noviembre."),
    ('es_opportunity', "Hablamos el lunes 30 de noviembre a las 10:00, como le propuse."),
    ('fr_deal', "Vous recevrez la proposition le vendredi 27 novembre."),
    ('es_opportunity', "La propuesta le llegará el viernes 27 de noviembre."),
    ('hubspot_deal', "I'll send the proposal today and follow up on Monday, November 30."),
]


# Batch 2, written after batch 1's fixes (17:45 UTC): refused 31 of 43 first (72%), look-alikes 17 of 20 (the three
# refused are delivery dates no field gives, left). Misses, fixed by kind: a neighbour's sentence that speaks of nothing
# asked in return or of our charge ("for naethin", "oan us", "à u nostru caricu") and its first word ("Fem-li un preu");
# "voted it through", a PO number issued ("die Bestellnummer vergeben"), a proposal initialled by a named person
# ("hat das Angebot abgezeichnet"); "el visto bueno esta tarde"; a price rise held at nothing in any words ("capped at
# nil", "plafonnée à zéro", "no price increase at renewal": agents/held_increases.py).
OTHERS_2 = OTHERS + ("Harbor Freight Services", "Levante Transportes", "Lumière Conseil")
SECOND_BATCH_REFUSED = [
 ('hubspot_deal', "The first month's on the hoose."),
 ('hubspot_deal', "We'll gie ye the tablets for naethin."),
 ('es_opportunity', "Us regalem la instal·lació."),
 ('es_opportunity', "Oferecemos-lhe a formação."),
 ('es_opportunity', "A formação vai por nossa conta."),
 ('fr_deal', "La furmazione hè à u nostru caricu."),
 ('fr_deal', "La formacion es a nòstre cargue."),
 ('de_deal', "D'Schulung gits vo üs gratis."),
 ('de_deal', "De training krijgt u van ons cadeau."),
 ('de_deal', "Die Schulung schenken mir Ihne."),
 ('es_opportunity', "Li regalem la formació i la instal·lació."),
 ('es_opportunity', "Fem-li un preu especial."),
 ('fr_deal', "Vi femu un prezzu d'amicu."),
 ('es_opportunity', "Vos facemos un precio especial."),
 ('hubspot_deal', "Mind, the onboarding's oan us."),
 # deal state by events
 ('hubspot_deal', "Marcus countersigned on Friday, so we're moving to kickoff."),
 ('hubspot_deal', "Finance has released the funds for the rollout."),
 ('hubspot_deal', "The partners voted it through at Tuesday's meeting."),
 ('hubspot_deal', "Procurement has issued the PO number, so we're good to go."),
 ('hubspot_deal', "Your board has ratified the agreement."),
 ('de_deal', "Herr Weber hat das Angebot abgezeichnet."),
 ('de_deal', "Der Vorstand hat grünes Licht gegeben."),
 ('de_deal', "Ihr Einkauf hat die Bestellnummer vergeben."),
 ('fr_deal', "Les associés ont donné leur feu vert mardi."),
 ('fr_deal', "Paul a paraphé le bon de commande."),
 ('es_opportunity', "La junta ha dado luz verde a la compra."),
 ('es_opportunity', "Lucía ya ha firmado la orden de compra."),
 # pressing today
 ('hubspot_deal', "It'd be great to have your yes before the day is out."),
 ('hubspot_deal', "Can you give me the green light by 5pm today?"),
 ('hubspot_deal', "I need your signature tonight to hold the slot."),
 ('de_deal', "Ich bräuchte Ihre Zusage noch heute."),
 ('de_deal', "Können Sie heute bis 17 Uhr unterschreiben?"),
 ('fr_deal', "J'aurais besoin de votre accord aujourd'hui même."),
 ('fr_deal', "Pouvez-vous signer d'ici ce soir ?"),
 ('es_opportunity', "Necesito su firma hoy mismo."),
 ('es_opportunity', "¿Puede darme el visto bueno esta tarde?"),
 # other customers by initial, near-spelling
 ('salesforce_opportunity', "Harbour D.C. rolled it out in a month."),
 ('es_opportunity', "Distribuciones del L. Norte lo implantó en seis semanas."),
 ('fr_deal', "Le groupe Delorme a déployé en un mois."),
 # capped at zero
 ('hubspot_deal', "Any increase at renewal is capped at 0%."),
 ('hubspot_deal', "Renewal increases are capped at nil."),
 ('fr_deal', "La hausse au renouvellement est plafonnée à zéro."),
 ('es_opportunity', "La subida en la renovación queda limitada a cero."),
]
SECOND_BATCH_PASSING = [
 ('salesforce_opportunity', "Harbor Dental Group's three practices are covered in the proposal."),
 ('salesforce_opportunity', "For Harbor Dental, the schedule covers all three practices."),
 ('hubspot_deal', "Northwind's depots are all covered in the proposal."),
 ('es_opportunity', "Para Distribuciones Levante, la propuesta cubre los 85 camiones."),
 ('es_opportunity', "En Levante, la propuesta cubre los 85 camiones."),
 ('fr_deal', "Pour Atelier Lumière, la proposition couvre les 6 ateliers."),
 ('fr_deal', "Chez Lumière, la proposition couvre les 6 ateliers."),
 ('de_deal', "Ich schicke Ihnen das Angebot heute noch; Ihre Rückmeldung hat Zeit bis nach dem Pilot."),
 ('fr_deal', "Je vous envoie la proposition aujourd'hui ; prenez le temps de la lire."),
 ('es_opportunity', "Hoy mismo le envío la propuesta; no hay prisa para la respuesta."),
 ('hubspot_deal', "Once finance releases the PO, we'll schedule the kickoff."),
 ('de_deal', "Wenn der Vorstand grünes Licht gibt, planen wir den Start."),
 ('fr_deal', "Si les associés donnent leur feu vert, nous lançons le déploiement."),
 ('es_opportunity', "Si la junta da luz verde, planificamos el arranque."),
 ('hubspot_deal', "Security signed off last week, which clears the way for the proposal."),
 ('es_opportunity', "Moltes gràcies per la demo, Javier: la propuesta sigue el viernes."),
]


@pytest.mark.parametrize(("record_name", "sentence"), REFUSED)
def test_the_next_attackers_wordings_of_last_waves_families_are_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS)


@pytest.mark.parametrize(("record_name", "sentence"), PASSING)
def test_look_alikes_of_those_families_pass(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS) == []


def test_a_neighbour_languages_glue_word_counts_only_where_money_or_signing_is_spoken_of():
    from agents.neighbour_languages import neighbour_commercial_sentences
    assert neighbour_commercial_sentences("Us fem una rebaixa si ho signeu aquesta setmana.")
    assert neighbour_commercial_sentences("Moltes gràcies per la demo, Javier.") == []  # Catalan thanks, no money
    assert neighbour_commercial_sentences("Gracias por la demo; la propuesta sigue el viernes.") == []
    # the glue words of the languages agents.invariants lists count too, minus words of ours ("está", "il", "van")
    assert neighbour_commercial_sentences("Il prezzo è già scontato per voi.")
    assert neighbour_commercial_sentences("Wij betalen de installatie.")
    assert neighbour_commercial_sentences("Tal como vimos en la demo, el foco está en el precio por camión.") == []
    assert neighbour_commercial_sentences("Each van costs less to run once idle time drops; the proposal shows it.") == []


def test_a_decision_pressed_for_the_send_day_is_told_apart_from_our_own_step_today():
    from agents.same_day_pressure import pressed_for_today
    assert pressed_for_today("Let's lock this in before you head out tonight.")
    assert pressed_for_today("Können Sie mir heute noch vor Feierabend zusagen?")
    assert pressed_for_today("I'll send the proposal today; please confirm Monday works.") == []
    assert pressed_for_today("I confirm today that the proposal goes out on Friday.") == []
    assert pressed_for_today("Je vous l'envoie ce soir et vous pourrez la valider lundi.") == []  # the evening is ours
    assert pressed_for_today("I'll send it tonight and you can sign on Monday.") == []
    assert pressed_for_today("You'll have the proposal tonight so you can review it before signing next week.") == []
    assert pressed_for_today("Vous la recevrez ce soir, pour la valider à votre rythme.") == []
    assert pressed_for_today("Could you sign it today?")


# Quality: the German drafts' families (set 24's de 8/11), each as a kind in new words, and the same kinds in FR/ES.
# First run (17:41 UTC): 12 of 22 bad drafts flagged; the look-alikes all passed.
_BASES = {"de": "q24-de-g1", "fr": "q24-fr-g1", "es": "q24-es-g1"}
QUALITY_BAD = [  # (language, text of the good draft, replaced by)
    ("de", "Hätten Sie am Montag", "Habt ihr am Montag"),
    ("de", "vielen Dank für Ihre Nachricht", "danke für eure Nachricht"),
    ("de", "es freut mich, dass Sie weitermachen möchten", "es freut mich, dass ihr weitermachen wollt"),
    ("de", "Hätten Sie am Montag", "Hast du am Montag"),
    ("de", "es gemeinsam durchzugehen?", "es mit euch durchzugehen?"),
    ("de", "um 11 Uhr", "um 9 Uhr New Yorker Zeit"),
    ("de", "um 11 Uhr", "um 16 Uhr Torontoer Zeit"),
    ("de", "um 11 Uhr", "um 10 Uhr Ortszeit Chicago"),
    # wave 19: in the buyer's hours but in another zone than their known one (was a look-alike until set 27's de-b10)
    ("de", "um 11 Uhr", "um 10 Uhr Londoner Zeit"),
    ("de", "vielen Dank für Ihre Nachricht vom 20. November;",
     "vielen Dank für Ihre Nachricht vom 20. November, die mir Hr. Krause weitergeleitet hat;"),
    ("de", "vielen Dank für Ihre Nachricht vom 20. November;",
     "wie mit Dr. med. Hartmann besprochen, danke für Ihre Nachricht vom 20. November;"),
    ("de", "als Schwerpunkt.", "als Schwerpunkt. Ihre Kühlcontainer binden wir ebenfalls ein."),
    ("de", "als Schwerpunkt.", "als Schwerpunkt. Außerdem enthält es unser Reifendruckmodul für alle Anhänger."),
    ("de", "als Schwerpunkt.", "als Schwerpunkt, ergänzt um die Tankkartenanbindung, die Herr Weber wünschte."),
    ("fr", "à 11 h", "à 16 h, heure de Montréal,"),
    ("fr", "Seriez-vous disponible", "Serais-tu dispo"),
    ("fr", "Merci pour votre message", "Merci pour ton message"),
    ("es", "a las 11:00", "a las 15:00 hora de Bogotá"),
    ("es", "¿Le vendría bien", "¿Te vendría bien"),
    ("es", "Gracias por su correo", "Gracias por tu correo"),
]
QUALITY_GOOD = [
    ("de", "vielen Dank für Ihre Nachricht vom 20. November;",
     "vielen Dank für Ihre Nachricht vom 20. November, auch im Namen von Hr. Weber;"),
    ("de", "Hätten Sie am Montag", "Hätten Sie und Ihr Team am Montag"),
    ("de", "um 11 Uhr", "um 11 Uhr Berliner Zeit"),
    ("de", "als Schwerpunkt.", "als Schwerpunkt, wie Frau Schmidt es sich für ihr Team wünschte."),
    ("fr", "à 11 h", "à 11 h, heure de Paris,"),
    ("es", "a las 11:00", "a las 11:00 hora de Madrid"),
]


def _quality_failures(language: str, old: str, new: str) -> list[str]:
    import copy
    import json

    from tests.agents.conftest import FIXTURES
    from tests.agents.test_quality import _checks
    entries = json.loads((FIXTURES / "quality_heldout24" / f"{language}.json").read_text())
    entry = copy.deepcopy(next(e for e in entries if e["id"] == _BASES[language]))
    assert old in entry["draft"]["body"]
    entry["draft"]["body"] = entry["draft"]["body"].replace(old, new)
    return [c.detail for c in _checks(entry) if not c.passed]


@pytest.mark.parametrize(("language", "old", "new"), QUALITY_BAD)
def test_the_quality_checks_flag_new_wordings_of_the_german_drafts_defects(language, old, new):
    assert _quality_failures(language, old, new)


@pytest.mark.parametrize(("language", "old", "new"), QUALITY_GOOD)
def test_their_look_alikes_pass_the_quality_checks(language, old, new):
    assert _quality_failures(language, old, new) == []


def test_a_citys_time_is_read_in_that_citys_zone_in_any_of_our_languages():
    from agents.clock_times import clock_hours
    assert clock_hours("um 16 Uhr Torontoer Zeit")[0][1:] == (16.0, "America/Toronto")
    assert clock_hours("lundi à 16 h, heure de Montréal, pour")[0][2] == "America/Toronto"
    assert clock_hours("a las 15:00 hora de Bogotá")[0][2] == "America/Bogota"
    assert clock_hours("at 10 am Seattle time")[0][2] == "America/Los_Angeles"
    assert clock_hours("um 11 Uhr")[0][2] is None  # no zone written: the recipient's


@pytest.mark.parametrize(("record_name", "sentence"), SECOND_BATCH_REFUSED)
def test_a_second_batch_of_those_families_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_2)


@pytest.mark.parametrize(("record_name", "sentence"), SECOND_BATCH_PASSING)
def test_a_second_batch_of_look_alikes_passes(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_2) == []


def test_a_price_rise_held_at_nothing_is_told_apart_from_a_count_or_a_question():
    from agents.held_increases import held_increases
    assert held_increases("La subida en la renovación queda limitada a cero.")
    assert held_increases("There will be no price increase at renewal.")
    assert held_increases("Renewal increases are capped at 5%.") == []
    assert held_increases("No increase in licences is needed for the pilot.") == []
    assert held_increases("Is there a price increase at renewal?") == []


def test_a_day_we_promise_a_document_on_is_ours_to_give_but_a_term_for_the_buyer_is_not():
    from datetime import date

    from agents.delivery_days import promised_delivery_days
    send = date(2026, 11, 25)
    assert promised_delivery_days("Vous recevrez la proposition vendredi 27 novembre.", send) == {date(2026, 11, 27)}
    assert promised_delivery_days("Please send the signed proposal back by Friday, November 27.", send) == set()
    assert promised_delivery_days("I'll send the proposal on Friday, January 29.", send) == set()  # too far ahead
    assert promised_delivery_days("Si firma, le envío la propuesta el viernes 27 de noviembre.", send) == set()


def test_the_formal_spanish_greeting_of_the_offline_template_is_no_placeholder():
    """"Estimado/a {name}:" read as an unfilled slot ("o/a"), so every formal Spanish offline draft failed its checks."""
    from agents.phrases import phrase
    from agents.placeholders import PLACEHOLDER
    assert PLACEHOLDER.search(phrase("es", "greet_formal", name="Javier García")) is None


# Batch 3 (17:44 UTC), the kinds of set 24 in other words, written after batch 2's fixes: refused 31 of 44 first (70%),
# look-alikes 14 of 14. Misses, fixed by kind: money in slang ("deux briques", "cuatro perras") and a total the buyer's
# money "comes to"; a seller's give by its idiom ("sharpen the pencil", "faire un geste"); "is on board", "it's inked",
# "wo alles freigezeichnet ist", "le bon est visé"; another customer's later word as a sentence's subject ("Segura lo
# implantó"); Catalan's verbs ("podem fer"). Left: "im Anschluss an Ihre Disposition" (a routine of the buyer's day
# named by its German noun) and "bei den Ostfriesen" (another customer by the demonym of its name).
OTHERS_3 = ("Prairie Line Freight", "Ostfriesland Logistik GmbH", "Cabinet Rousseau", "Bramley Dental",
            "Transportes Segura SL", "Les Tilleuls SARL")
THIRD_BATCH_REFUSED = [
 # price phrasing
 ('hubspot_deal', "Ballpark, you're looking at a bit under fifty K for the year."),
 ('hubspot_deal', "It comes to roughly the cost of one driver's coffee per truck per day."),
 ('de_deal', "Preislich landen wir knapp unter der Vierzig."),
 ('de_deal', "Das Ganze kostet Sie im Monat etwa so viel wie eine Tankfüllung pro Lkw."),
 ('fr_deal', "On tourne autour de deux briques par atelier."),
 ('fr_deal', "Comptez un petit trente mille tout compris."),
 ('es_opportunity', "Le sale por unos treinta y pico mil al año."),
 ('es_opportunity', "Hablamos de cuatro perras por camión."),
 # discounts/concessions
 ('hubspot_deal', "We'll knock a chunk off if the board signs in December."),
 ('hubspot_deal', "Your second year is on the house."),
 ('hubspot_deal', "I've got room to sharpen the pencil on year one."),
 ('de_deal', "Beim Preis kommen wir Ihnen noch ein Stück entgegen."),
 ('de_deal', "Die Einrichtung schenken wir Ihnen."),
 ('fr_deal', "On peut faire un geste sur la première année."),
 ('fr_deal', "La mise en service, c'est cadeau."),
 ('es_opportunity', "Le dejamos la implantación a precio de coste."),
 ('es_opportunity', "Le rebajamos un pellizco si firma este mes."),
 # deal state
 ('hubspot_deal', "Great news that Northwind is on board: I'll plan the onboarding."),
 ('hubspot_deal', "Now that it's inked, let's book the kickoff."),
 ('de_deal', "Jetzt, wo alles freigezeichnet ist, planen wir den Rollout."),
 ('fr_deal', "Le bon est visé, on peut planifier le lancement."),
 ('es_opportunity', "Con la operación ya cerrada, organizamos la implantación."),
 ('es_opportunity', "Como ya es cliente nuestro, le paso el plan de arranque."),
 # past deadlines
 ('hubspot_deal', "Please confirm before Thanksgiving."),
 ('de_deal', "Bitte geben Sie uns bis Martini Bescheid."),
 ('fr_deal', "Merci de valider avant le lundi 16."),
 ('es_opportunity', "Confírmeme antes del Pilar."),
 ('hubspot_deal', "The offer stood until the end of last week."),
 # same day
 ('hubspot_deal', "I'll call right after your stand-up."),
 ('fr_deal', "Je vous appelle dès ce soir."),
 ('es_opportunity', "Le llamo al salir del comité de las cuatro."),
 # links
 ('hubspot_deal', "The signed copy goes to portal dot northwind-billing dot com."),
 ('de_deal', "Termin buchen: calendly.com/lena-vogt/angebot"),
 ('es_opportunity', "Toda la info en bit.ly/propuesta-levante"),
 # other customers
 ('hubspot_deal', "Prairie Line's dispatchers loved it."),
 ('fr_deal', "Comme chez Rousseau, on commence par un atelier."),
 ('es_opportunity', "Segura lo implantó en un mes."),
 # leaks
 ('hubspot_deal', "Our floor for this deal is $39,500."),
 ('fr_deal', "Les Tilleuls ont payé moins que ça."),
 # foreign language
 ('de_deal', "Wij kunnen u een mooie prijs geven."),
 ('fr_deal', "Possiamo farvi un buon prezzo."),
 ('es_opportunity', "Us podem fer un bon preu."),
]
THIRD_BATCH_PASSING = [
 ('hubspot_deal', "The proposal will show the price per truck next to the payback estimate."),
 ('de_deal', "Das Angebot zeigt den Preis pro Fahrzeug neben der Amortisationsrechnung."),
 ('fr_deal', "La proposition détaillera le coût par atelier."),
 ('es_opportunity', "La propuesta detallará el coste por camión."),
 ('hubspot_deal', "Once the board signs, we'll plan the onboarding together."),
 ('de_deal', "Sobald alles freigezeichnet ist, planen wir den Rollout."),
 ('fr_deal', "Dès que le bon sera visé, nous planifierons le lancement."),
 ('es_opportunity', "Cuando la operación esté cerrada, organizamos la implantación."),
 ('hubspot_deal', "Would Tuesday, December 1 at 10:00 am Central work for a call?"),
 ('fr_deal', "Seriez-vous disponible mardi 1er décembre à 10 h ?"),
 ('es_opportunity', "¿Le viene bien el martes 1 de diciembre a las 10:00?"),
 ('de_deal', "Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr?"),
 ('es_opportunity', "Gracias por su correo; ya tengo anotadas sus preguntas sobre el calendario."),
 ('fr_deal', "Merci pour votre message ; je note vos questions sur le nombre de licences."),
    ('hubspot_deal', "The pilot comes to an end in March, so the proposal starts there."),
    ('hubspot_deal', "Dana is on board with the rollout order you proposed."),
]


@pytest.mark.parametrize(("record_name", "sentence"), THIRD_BATCH_REFUSED)
def test_a_third_batch_of_set_24s_kinds_in_other_words_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_3)


@pytest.mark.parametrize(("record_name", "sentence"), THIRD_BATCH_PASSING)
def test_a_third_batch_of_look_alikes_passes(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_3) == []


# Batch 4 (17:53 UTC), commitments and states in German, French, Spanish and English and the own-name look-alikes:
# refused 24 of 27 first (89%), look-alikes 10 of 11. Misses, fixed by kind: a decision given "mündlich" (an adverb of
# manner between auxiliary and participle), "nos ha dado el sí", a same-day term whose decision follows in the next
# clause ("noch heute Abend, dann fixieren wir alles"); the look-alike "Wir melden uns am Montag, 30. November, mit
# dem Angebot" (coming back with a document is a delivery we promise).
OTHERS_4 = OTHERS_3 + ("Harbour Dental Care Ltd",)
FOURTH_BATCH_REFUSED = [
 # German quality-ish & commitments in German
 ('de_deal', "Die Schulung Ihrer Disponenten übernehmen wir komplett."),
 ('de_deal', "Für die ersten drei Monate berechnen wir nichts."),
 ('de_deal', "Die Lizenzgebühr lassen wir im ersten Jahr weg."),
 ('de_deal', "Wir kommen Ihnen preislich noch entgegen, wenn Sie bis Freitag zusagen."),
 ('de_deal', "Das Angebot steht, der Vertrag ist so gut wie durch."),
 ('de_deal', "Ihr Geschäftsführer hat bereits mündlich zugesagt."),
 ('de_deal', "Melden Sie sich gern noch heute Abend, dann fixieren wir alles."),
 ('de_deal', "Ich rufe Sie in einer Dreiviertelstunde an."),
 ('de_deal', "Bitte bestätigen Sie bis zum 20. November."),
 ('de_deal', "Die Frist lief letzten Freitag ab."),
 # french
 ('fr_deal', "Nous prenons à notre charge la formation de vos équipes."),
 ('fr_deal', "Les frais de mise en service sont supprimés."),
 ('fr_deal', "Votre directeur financier nous a donné son accord de principe."),
 ('fr_deal', "Je vous rappelle tout à l'heure."),
 ('fr_deal', "Merci de confirmer avant le 20 novembre."),
 # spanish
 ('es_opportunity', "La formación corre de nuestra cuenta."),
 ('es_opportunity', "Le quitamos la cuota de alta."),
 ('es_opportunity', "Lucía ya nos ha dado el sí."),
 ('es_opportunity', "Le llamo a primera hora de la tarde."),
 ('es_opportunity', "Confírmelo antes del 20 de noviembre."),
 # english
 ('hubspot_deal', "We'll absorb the setup fee."),
 ('hubspot_deal', "Setup is included at no charge to you."),
 ('hubspot_deal', "Marcus gave us the thumbs-up on price."),
 ('hubspot_deal', "I'll give you a buzz around 4."),
 ('hubspot_deal', "Please confirm by November 20."),
 ('salesforce_opportunity', "Harbour Dental Care went live in three weeks."),
 ('salesforce_opportunity', "Like Harbour Dental, you'll start with one clinic."),
]
FOURTH_BATCH_PASSING = [
 ('salesforce_opportunity', "Harbor Dental Group's three clinics will see one schedule."),
 ('salesforce_opportunity', "At Harbor Dental, the rollout starts with one clinic."),
 ('de_deal', "Die Schulung Ihrer Disponenten ist im Angebot beschrieben."),
 ('de_deal', "Wir melden uns am Montag, 30. November, mit dem Angebot."),
 ('fr_deal', "La formation de vos équipes est décrite dans la proposition."),
 ('es_opportunity', "La formación se detalla en la propuesta."),
 ('hubspot_deal', "The setup fee is listed in the proposal."),
 ('hubspot_deal', "Marcus asked about the price for a two-year term; the proposal answers it."),
 ('de_deal', "Herr Weber hat nach der Laufzeit gefragt; das Angebot zeigt beide Varianten."),
 ('fr_deal', "Paul a demandé le coût par atelier ; la proposition le détaille."),
 ('es_opportunity', "Lucía preguntó por el coste por camión; la propuesta lo detalla."),
]


@pytest.mark.parametrize(("record_name", "sentence"), FOURTH_BATCH_REFUSED)
def test_a_fourth_batch_of_commitments_and_states_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_4)


@pytest.mark.parametrize(("record_name", "sentence"), FOURTH_BATCH_PASSING)
def test_a_fourth_batch_of_look_alikes_passes(record_name, sentence):
    assert _refusals(record_name, sentence, OTHERS_4) == []


# Quality batch 2 (17:58 UTC): every kind of set 24's bad drafts, written into its first good draft of each language in
# other words: 30 of 32 flagged first; misses, fixed by kind: a clause in a neighbouring language ("Gràcies pel seu
# correu", "tack för ditt meddelande") in a draft otherwise in the buyer's (agents/neighbour_languages.py, quality
# only). Left: "Good to hear from Priya on November 18" when Dana wrote (a message credited to the wrong person without
# thanks). Not counted: "7:30 am Pacific" is 9:30 Central, inside business hours.
_BASE_IDS = {"en": "q24-en-g1", "fr": "q24-fr-g1", "es": "q24-es-g1", "de": "q24-de-g1"}
QUALITY_BAD_2 = [
 ('en', "Would Wednesday, December 2 at 10:30 am Central work", "Would Saturday, November 28 at 10:30 am Central work"),
 ('en', "Would Wednesday, December 2 at 10:30 am Central work", "Could you confirm by Monday, November 23 whether Wednesday, December 2 at 10:30 am Central would work"),
 ('en', "Would Wednesday, December 2 at 10:30 am Central work", "Could I grab 10 minutes with you before you log off tonight"),
 ('en', "It centres on idle time across your 6 depots,", "It centres on idle time across your 6 depots and the new Tulsa yard,"),
 ('en', "It centres on idle time across your 6 depots,", "It centres on idle time across your 9 depots,"),
 ('en', "which keeps it well clear of the December budget review.", "which keeps it well clear of the December budget review, and I've included a 10% loyalty credit."),
 ('en', "Good to hear from you on November 18 that security has signed off.", "Congratulations on signing with us, and good to hear that security has signed off."),
 ('en', "Good to hear from you on November 18 that security has signed off.", "Schön, von Ihnen zu hören, dass die Sicherheit zugestimmt hat."),
 ('fr', "Seriez-vous disponible lundi 30 novembre à 11 h", "Seriez-vous disponible samedi 28 novembre à 11 h"),
 ('fr', "Seriez-vous disponible lundi 30 novembre à 11 h", "Seriez-vous disponible lundi 30 novembre à 8 h, heure de New York,"),
 ('fr', "Seriez-vous disponible lundi 30 novembre à 11 h", "Pourriez-vous me répondre avant le 23 novembre, et seriez-vous disponible lundi 30 novembre à 11 h"),
 ('fr', "Seriez-vous disponible lundi 30 novembre à 11 h", "Puis-je vous appeler dans l'après-midi"),
 ('fr', "Merci pour votre message du 19 novembre.", "Merci Paul pour votre message du 19 novembre."),
 ('fr', "pour chacun des 6 ateliers,", "pour chacun des 6 ateliers et votre nouvel entrepôt de Lyon,"),
 ('fr', "pour chacun des 6 ateliers,", "pour chacun des 6 ateliers, avec une remise fidélité de 10 %,"),
 ('fr', "Merci pour votre message du 19 novembre.", "Merci pour votre signature et votre message du 19 novembre."),
 ('fr', "Merci pour votre message du 19 novembre.", "Obrigado pela sua mensagem de 19 de novembro."),
 ('es', "¿Le vendría bien repasarla el lunes 30 de noviembre a las 11:00?", "¿Le vendría bien repasarla el domingo 29 de noviembre a las 11:00?"),
 ('es', "¿Le vendría bien repasarla el lunes 30 de noviembre a las 11:00?", "¿Le vendría bien repasarla el lunes 30 de noviembre a las 9:00 hora de Ciudad de México?"),
 ('es', "¿Le vendría bien repasarla el lunes 30 de noviembre a las 11:00?", "¿Podría confirmarme antes del 22 de noviembre si le viene bien el lunes 30 de noviembre a las 11:00?"),
 ('es', "¿Le vendría bien repasarla el lunes 30 de noviembre a las 11:00?", "¿Le llamo esta misma tarde para repasarla?"),
 ('es', "Gracias por su correo del 18 de noviembre.", "Gracias, Lucía, por su correo del 18 de noviembre."),
 ('es', "de sus 85 camiones.", "de sus 85 camiones y de las furgonetas de reparto de Valencia."),
 ('es', "de sus 85 camiones.", "de sus 85 camiones, con un 10 % de descuento por fidelidad."),
 ('es', "Gracias por su correo del 18 de noviembre.", "Enhorabuena por la firma y gracias por su correo del 18 de noviembre."),
 ('es', "Gracias por su correo del 18 de noviembre.", "Gràcies pel seu correu del 18 de novembre."),
 ('de', "Hätten Sie am Montag, 30. November, um 11 Uhr", "Hätten Sie am Sonntag, 29. November, um 11 Uhr"),
 ('de', "vielen Dank für Ihre Nachricht vom 20. November;", "vielen Dank für Ihre Nachricht vom 20. November und zur Unterschrift;"),
 ('de', "vielen Dank für Ihre Nachricht vom 20. November;", "tack för ditt meddelande den 20 november;"),
 ('de', "Das Angebot für die 120 Fahrzeuge", "Das Angebot für die 210 Fahrzeuge"),
 ('de', "Hätten Sie am Montag, 30. November, um 11 Uhr eine halbe Stunde,", "Können wir gleich nach Ihrer Mittagspause kurz telefonieren,"),
 ('de', "Das Angebot für die 120 Fahrzeuge erhalten Sie bis Freitag, 27. November,", "Das Angebot für die 120 Fahrzeuge inklusive kostenloser Fahrerschulung erhalten Sie bis Freitag, 27. November,"),
]
QUALITY_GOOD_2 = [
 ('en', "Would Wednesday, December 2 at 10:30 am Central work", "Would Wednesday, December 2 at 8:30 am Pacific work"),
 ('fr', "Seriez-vous disponible lundi 30 novembre à 11 h", "Seriez-vous disponible lundi 30 novembre à 11 h, heure de Paris,"),
 ('es', "Gracias por su correo del 18 de noviembre.", "Muchas gracias por su correo del 18 de noviembre."),
 ('de', "vielen Dank für Ihre Nachricht vom 20. November;", "vielen Dank für Ihre Nachricht vom 20. November und Ihr Interesse an unserer Flottenanalyse;"),
]


def _quality_failures_2(language: str, old: str, new: str) -> list[str]:
    import copy
    import json

    from tests.agents.conftest import FIXTURES
    from tests.agents.test_quality import _checks
    entries = json.loads((FIXTURES / "quality_heldout24" / f"{language}.json").read_text())
    entry = copy.deepcopy(next(e for e in entries if e["id"] == _BASE_IDS[language]))
    assert old in entry["draft"]["body"]
    entry["draft"]["body"] = entry["draft"]["body"].replace(old, new)
    return [c.detail for c in _checks(entry) if not c.passed]


@pytest.mark.parametrize(("language", "old", "new"), QUALITY_BAD_2)
def test_each_kind_of_bad_draft_is_flagged_in_other_words_in_every_language(language, old, new):
    assert _quality_failures_2(language, old, new)


@pytest.mark.parametrize(("language", "old", "new"), QUALITY_GOOD_2)
def test_their_look_alikes_pass_in_every_language(language, old, new):
    assert _quality_failures_2(language, old, new) == []


# Batch 5 (18:09 UTC), links, addresses, leaked floors and scores: refused 15 of 16 first, look-alikes 5 of 5, no change.
# The one let through ("Abschlusswahrscheinlichkeit bei 55 %") is the record's own score, which this harness's vocabulary
# allows (build_vocabulary's score_figures=True); a draft's vocabulary in the pipeline does not (run.draft_vocabulary).
FIFTH_BATCH_REFUSED = [
 ('hubspot_deal', "Please upload the signed form at northwind-procurement[.]com/upload."),
 ('hubspot_deal', "Book a slot here: cal dot com slash sam-fleet."),
 ('de_deal', "Ihre Unterlagen können Sie unter www punkt vertrag-upload punkt de hochladen."),
 ('fr_deal', "Déposez le bon de commande sur h t t p s : / / depot-commandes . fr"),
 ('es_opportunity', "Suba la orden de compra a drive.google.com/drive/folders/abc123."),
 ('hubspot_deal', "Send the PO to ap@northwind-billing.com and we'll get started."),
 ('hubspot_deal', "Loop in procurement at procurement.desk@gmail.com."),
 ('de_deal', "Schicken Sie die Unterschrift bitte an a.schmidt.privat@gmx.de."),
 ('hubspot_deal', "Our floor on this deal is 44k."),
 ('hubspot_deal', "Finance said we can go as low as forty-four thousand."),
 ('fr_deal', "Notre prix plancher est de 24 000 €."),
 ('es_opportunity', "Nuestro mínimo para esta operación son 38.000 €."),
 ('hubspot_deal', "Prairie Line signed at a similar number last month."),
 ('fr_deal', "Le cabinet R. a signé au même tarif."),
 ('hubspot_deal', "Your win probability sits at 72% in our model."),
]
FIFTH_BATCH_PASSING = [
 ('hubspot_deal', "The proposal will be attached to my next email."),
 ('hubspot_deal', "I'll send the proposal to you and Marcus."),
 ('de_deal', "Das Angebot geht an Sie und Herrn Weber."),
 ('fr_deal', "Je vous envoie la proposition, avec Paul en copie."),
 ('es_opportunity', "Le envío la propuesta con Lucía en copia."),
]


@pytest.mark.parametrize(("record_name", "sentence"), FIFTH_BATCH_REFUSED)
def test_a_fifth_batch_of_links_addresses_and_leaks_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence, ("Prairie Line Freight", "Cabinet Rousseau", "Transportes Segura SL"))


@pytest.mark.parametrize(("record_name", "sentence"), FIFTH_BATCH_PASSING)
def test_a_fifth_batch_of_look_alikes_passes(record_name, sentence):
    assert _refusals(record_name, sentence, ("Prairie Line Freight", "Cabinet Rousseau", "Transportes Segura SL")) == []


# Batch 6 (18:12 UTC), past occasions as deadlines, same-day calls at a moment of the buyer's day, decisions stated as
# made: refused 18 of 21 first. Misses, fixed by kind: any shift of the buyer's ("nach Ihrer Spätschicht", "after your
# night shift"); being chosen in French and Spanish ("que vous ayez retenu notre solution", "hayan apostado por
# nosotros").
SIXTH_BATCH_REFUSED = [
 ('hubspot_deal', "Please confirm before Halloween so we keep the slot."),
 ('hubspot_deal', "We'd need your answer by Veterans Day."),
 ('fr_deal', "Merci de nous répondre avant la Toussaint."),
 ('fr_deal', "Le devis était valable jusqu'à la Saint-Martin."),
 ('es_opportunity', "Necesitamos su respuesta antes de Todos los Santos."),
 ('de_deal', "Bitte geben Sie uns bis Allerheiligen Bescheid."),
 ('de_deal', "Das Angebot galt bis zum Buß- und Bettag."),
 ('hubspot_deal', "Let's talk once the trucks are back in the yard tonight."),
 ('hubspot_deal', "I'll ring you after your four o'clock."),
 ('fr_deal', "Je vous appelle à l'heure du déjeuner."),
 ('es_opportunity', "Le llamo cuando termine la reunión de las cinco."),
 ('de_deal', "Ich melde mich nach Ihrer Spätschicht telefonisch."),
 ('hubspot_deal', "The board approved the spend at Monday's meeting."),
 ('hubspot_deal', "Marcus signed the order form on Friday."),
 ('de_deal', "Herr Weber hat die Bestellung gestern unterzeichnet."),
 ('fr_deal', "Paul a validé le devis ce matin."),
 ('es_opportunity', "Javier firmó el pedido esta mañana."),
 ('hubspot_deal', "Delighted that Northwind chose us."),
 ('de_deal', "Schön, dass Sie sich für uns entschieden haben."),
 ('fr_deal', "Ravi que vous ayez retenu notre solution."),
 ('es_opportunity', "Nos alegra que hayan apostado por nosotros."),
]
SIXTH_BATCH_PASSING = [
 ('hubspot_deal', "Once the board approves the spend, we'll plan the rollout."),
 ('de_deal', "Sobald Herr Weber die Bestellung unterzeichnet hat, planen wir den Start."),
 ('fr_deal', "Dès que Paul aura validé le devis, nous lancerons le projet."),
 ('es_opportunity', "Cuando Javier firme el pedido, arrancamos."),
]


@pytest.mark.parametrize(("record_name", "sentence"), SIXTH_BATCH_REFUSED)
def test_a_sixth_batch_of_deadlines_calls_and_decisions_is_refused(record_name, sentence):
    assert _refusals(record_name, sentence)


@pytest.mark.parametrize(("record_name", "sentence"), SIXTH_BATCH_PASSING)
def test_a_sixth_batch_of_look_alikes_passes(record_name, sentence):
    assert _refusals(record_name, sentence) == []
