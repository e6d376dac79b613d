"""Set 32's bad drafts (wave 23b) as kinds, in wordings of our own in en/de/fr/es, each run through every quality check
against a real fixture record: a "Re:" on a thread the record does not hold, a copy or a letter to the buyer's chief
executive whom no contact is, the seller's own quarter or target as the reason to decide, and a competitor run down by
reputation or sneer, and a product of ours the record never mentions. Look-alikes must pass every check these rules add: a "Re:" of a real thread, a copy to a contact
the record holds in that role, the buyer's own quarter, a factual comparison with a rival the buyer raised, the record's own product in other words."""

from __future__ import annotations

import pytest

from tests.agents.test_quality import _checks

RULES = ("replies_on_a_recorded_thread", "no_copy_over_the_contacts_head", "no_pressure_for_the_sellers_target",
         "fair_to_competitors", "names_only_products_on_record")
RECORDS = {"en": ("hubspot_deal", "501", "Hi Dana,"), "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
           "fr": ("fr_deal", "711", "Bonjour Claire,"), "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:")}


def _failed_rules(language: str, subject: str, sentence: str) -> set[str]:
    record, contact, greeting = RECORDS[language]
    entry = {"record": record, "language": language, "draft": {
        "to_contact_id": contact, "subject": subject, "kind": "email",
        "body": f"{greeting}\n\n{sentence}\n\nSam"}}
    return {c.name for c in _checks(entry) if not c.passed and c.name in RULES}


BAD = [
    # a reply on a thread nobody started
    ("en", "Re: Your trade-show badge", "The proposal will be with you by Friday.", "replies_on_a_recorded_thread"),
    ("de", "AW: Ihre Teilnahme an unserer Roadshow", "Das Angebot kommt bis Freitag.", "replies_on_a_recorded_thread"),
    ("fr", "TR: Votre badge pour le salon", "La proposition arrive vendredi.", "replies_on_a_recorded_thread"),
    ("es", "RV: Su acreditación para la feria", "La propuesta llegará el viernes.", "replies_on_a_recorded_thread"),
    # a copy over the contact's head to a chief executive the record lacks
    ("en", "Proposal", "I have cc'd your managing director so the decision moves faster.",
     "no_copy_over_the_contacts_head"),
    ("de", "Angebot", "Ich habe Ihren Vorstand in Kopie gesetzt, damit es schneller geht.",
     "no_copy_over_the_contacts_head"),
    ("fr", "Proposition", "J'ai écrit directement à votre directeur général pour gagner du temps.",
     "no_copy_over_the_contacts_head"),
    ("es", "Propuesta", "He escrito directamente a su director general para acelerar la firma.",
     "no_copy_over_the_contacts_head"),
    # the seller's own quarter or quota as the reason
    ("en", "Proposal", "Signing this month would help me hit my quota.", "no_pressure_for_the_sellers_target"),
    ("de", "Angebot", "Eine Unterschrift bis Montag wäre gut für meine Provision.",
     "no_pressure_for_the_sellers_target"),
    ("fr", "Proposition", "Une signature lundi compterait pour mon trimestre.", "no_pressure_for_the_sellers_target"),
    ("es", "Propuesta", "Firmar el lunes me ayudaría con mi cuota del trimestre.",
     "no_pressure_for_the_sellers_target"),
    # a rival run down by reputation or sneer
    ("en", "Proposal", "Other platforms are notoriously unreliable for idle time.", "fair_to_competitors"),
    ("de", "Angebot", "Ihr bisheriger Anbieter ist berüchtigt für seinen Support.", "fair_to_competitors"),
    ("fr", "Proposition", "Les autres outils du marché sont de vraies usines à gaz.", "fair_to_competitors"),
    ("es", "Propuesta", "Los otros proveedores son un churro, se lo aseguro.", "fair_to_competitors"),
    # a product of ours the record never speaks of
    ("en", "Proposal", "Our payroll module would fit your depots.", "names_only_products_on_record"),
    ("de", "Angebot", "Unsere Lagerverwaltungssoftware passt zu Ihren Fahrzeugen.", "names_only_products_on_record"),
    ("fr", "Proposition", "Notre logiciel de comptabilité conviendrait à vos ateliers.", "names_only_products_on_record"),
    ("es", "Propuesta", "Nuestra plataforma de recursos humanos le ayudará.", "names_only_products_on_record"),
]

GOOD = [
    # a "Re:" of a thread the record holds, in each client's marker
    ("en", "Re: Proposal timing", "The proposal will be with you by Friday."),
    ("de", "AW: Angebot Flottenanalyse", "Das Angebot kommt bis Freitag."),
    ("fr", "RE: Proposition commerciale", "La proposition arrive vendredi."),
    ("es", "RE: Propuesta", "La propuesta llegará el viernes."),
    # a copy to a contact the record holds in that role, or our own executive
    ("de", "Angebot", "Ich habe Ihren Geschäftsführer, Herrn Weber, in Kopie gesetzt."),
    ("en", "Proposal", "Our CEO will join the call if that helps."),
    ("fr", "Proposition", "Si vous le souhaitez, vous pouvez transmettre la proposition à votre PDG."),
    ("es", "Propuesta", "Si lo desea, puede compartirla con su director general."),
    # the buyer's own quarter or goals
    ("en", "Proposal", "The plan fits before your quarter closes."),
    ("de", "Angebot", "Das passt noch in Ihr Quartal."),
    ("fr", "Proposition", "Mon objectif : vous donner une proposition claire."),
    ("es", "Propuesta", "Se ajusta a sus objetivos del trimestre."),
    # a factual comparison with the rival the buyer raised
    ("en", "Proposal", "Your current vendor's add-on reports idle time weekly; ours reports it daily."),
    ("de", "Angebot", "Ihr bisheriger Anbieter rechnet monatlich ab, wir quartalsweise."),
    ("fr", "Proposition", "Les autres logiciels que vous évaluez facturent par poste ; nous facturons par atelier."),
    ("es", "Propuesta", "Otras plataformas cobran por usuario; nosotros, por camión."),
    # the product the record is about, however the draft words it
    ("en", "Proposal", "Our fleet analytics platform reports idle time per vehicle."),
    ("de", "Angebot", "Unsere Software für die Flottenanalyse zeigt die Standzeiten."),
    ("fr", "Proposition", "Notre suite de planification couvre vos ateliers."),
    ("es", "Propuesta", "Nuestra plataforma de analítica de flota le ayudará."),
    # the same words in ordinary sentences: our own figures, a feature, the buyer free to forward, a nested "Re:"
    ("en", "Re: Intro: fleet analytics for Northwind", "I double-checked my numbers on the payback estimate."),
    ("en", "Proposal", "In my quarterly update I will include the depots."),
    ("en", "Proposal", "Our mobile app shows idle time per vehicle."),
    ("en", "Proposal", "Feel free to forward it to your CEO if useful."),
    ("de", "Angebot", "Unser Team hat die Amortisationsrechnung geprüft."),
    ("fr", "Proposition", "Notre équipe prépare la proposition pour vos ateliers."),
    ("es", "Propuesta", "Comparado con su proveedor actual, cobramos por camión y no por usuario."),
]


@pytest.mark.parametrize(("language", "subject", "sentence", "rule"), BAD)
def test_a_bad_draft_of_set_32s_kinds_is_flagged_by_its_rule(language, subject, sentence, rule):
    assert rule in _failed_rules(language, subject, sentence)


@pytest.mark.parametrize(("language", "subject", "sentence"), GOOD)
def test_a_look_alike_of_set_32s_kinds_passes_every_new_rule(language, subject, sentence):
    assert _failed_rules(language, subject, sentence) == set()
