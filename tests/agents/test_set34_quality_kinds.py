"""Set 34's quality misses (wave 26) as kinds, in wordings of our own in en/de/fr/es, each run through every quality
check against a real fixture record: the buyer blamed for telling us late, our quarter, targets or manager's wish told
to the buyer, and the buyer asked to press a colleague for our date. Look-alikes must pass every rule these add:
thanks for an early word, our own delay, a manager who joins a call, "share this with Lucía", material that helps the
buyer make her own case. And the good drafts set 34 refused: a draft that ends on a dated step the buyer and a colleague
will have ("You and Elena will receive it by Friday"), and a price heading restated with the record's amount."""

from __future__ import annotations

import pytest

from agents.price_talk import restated_with_its_amount, unanchored_price_talk
from tests.agents.test_quality import _checks

RULES = ("no_reproach", "no_pressure_for_the_sellers_target", "no_pushing_the_buyers_colleague")
RECORDS = {"en": ("hubspot_deal", "501", "Hi Dana,"), "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
           "fr": ("fr_deal", "711", "Bonjour Claire,"), "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:")}


def _failed(language: str, sentence: str, subject: str = "Proposal") -> dict[str, str]:
    record, contact, greeting = RECORDS[language]
    entry = {"record": record, "language": language, "draft": {
        "to_contact_id": contact, "subject": subject, "kind": "email", "body": f"{greeting}\n\n{sentence}\n\nSam"}}
    return {c.name: c.detail for c in _checks(entry) if not c.passed}


REPROACH = {
    "en": ["You should have told us earlier that you needed it this fast.",
           "If you had let us know sooner, we would be further along.",
           "Had you mentioned the nine depots at the start, this would be done.",
           "It would have helped to know this earlier.", "Next time, please give us a bit more notice.",
           "You could have flagged this sooner.", "You ought to have mentioned the deadline earlier.",
           "If you'd told us in advance, the proposal would be out already."],
    "de": ["Sie hätten uns ruhig früher sagen können, dass Sie das Angebot so schnell brauchen.",
           "Hätten Sie uns das früher gesagt, wäre das Angebot schon fertig.",
           "Wenn Sie uns rechtzeitig informiert hätten, wäre alles einfacher.",
           "Es wäre hilfreich gewesen, das früher zu wissen.", "Beim nächsten Mal bitte rechtzeitig Bescheid geben.",
           "Das hätten Sie uns auch früher mitteilen können.", "Früher hätten Sie uns das sagen müssen.",
           "Nächstes Mal wäre es schön, wenn Sie sich früher melden."],
    "fr": ["Si vous nous aviez précisé plus tôt le nombre d'ateliers, la proposition serait déjà partie.",
           "Vous auriez pu nous prévenir plus tôt.", "Il aurait été utile de le savoir plus tôt.",
           "La prochaine fois, merci de nous prévenir à l'avance.",
           "Si vous m'aviez dit dès le début que vous aviez 40 ateliers, tout serait prêt.",
           "Vous auriez dû nous le dire plus tôt.", "Si vous nous aviez informés à l'avance, tout serait prêt.",
           "Il aurait été plus simple que vous nous préveniez plus tôt."],
    "es": ["Si nos lo hubiera dicho antes, ya tendría la propuesta.", "Podría habernos avisado con antelación.",
           "Nos lo podría haber dicho antes.", "Habría sido útil saberlo antes.",
           "La próxima vez, avísenos con más tiempo.", "Si me hubiera avisado antes, todo sería más fácil.",
           "Debería habernos dicho desde el principio cuántas sedes eran.", "Usted debería habernos informado antes."],
}
OWN_INTEREST = {
    "en": ["We'd love to book it this quarter, so a quick decision would help.",
           "Signing before December 31 would help us hit our numbers.", "My manager wants this closed before year-end.",
           "Our sales director is keen to see it signed this quarter.", "It would help us close our quarter.",
           "Could we sign this quarter? We need it for our targets.", "We need to book this before the end of the year.",
           "Our VP of Sales hopes to close this by year-end.", "Signing before our quarter-end would be great."],
    "de": ["Unser Vertriebsleiter möchte den Auftrag unbedingt noch in diesem Quartal verbuchen.",
           "Wir würden das gern noch in diesem Quartal verbuchen.", "Meine Chefin will den Abschluss noch vor Jahresende.",
           "Das hilft uns bei unseren Quartalszielen.", "Für unser Quartal wäre eine schnelle Entscheidung toll.",
           "Unsere Geschäftsführung wünscht sich die Unterschrift noch in diesem Geschäftsjahr.",
           "Damit könnten wir es noch dieses Quartal verbuchen.", "Unser Umsatzziel für Dezember ist knapp.",
           "Eine Unterschrift vor Ende unseres Quartals wäre ideal."],
    "fr": ["Mon directeur commercial souhaite signer avant la fin du trimestre.",
           "Cela nous aiderait à atteindre nos objectifs.", "Nous aimerions boucler notre trimestre avec votre dossier.",
           "Ma responsable voudrait clôturer ce dossier avant la fin de l'année.",
           "Nous voudrions comptabiliser la commande ce trimestre.",
           "Cela compte pour nos objectifs commerciaux de fin d'année.",
           "Notre direction attend la signature ce trimestre.",
           "Une signature rapide nous permettrait de clôturer notre exercice.",
           "Une signature avant la fin de notre trimestre serait idéale."],
    "es": ["Mi jefa quiere cerrar esto antes de fin de año para cumplir objetivos.",
           "Nos vendría muy bien para cerrar el año.", "Nuestro director comercial necesita firmarlo este trimestre.",
           "Así podríamos contabilizarlo este trimestre.", "Nos ayudaría a cumplir nuestros objetivos.",
           "Mi responsable espera cerrar la operación antes de fin de año.",
           "Es importante para nuestro cierre del trimestre.", "Necesitamos llegar a la cuota antes del 31 de diciembre.",
           "Firmar antes de que acabe nuestro trimestre sería ideal."],
}
PUSHED = {
    "en": ["Could you lean on Marcus to approve it before the review, so we can book it this quarter?",
           "Would you mind pushing Marcus to sign by Friday?", "Could you get Marcus to approve the proposal this week?",
           "Please convince your CFO to sign before December 15.",
           "If you could nudge Priya for her approval by Monday, that would be great.",
           "Can you chase Marcus for the signature before the review?",
           "Maybe you could talk Marcus into signing this month?",
           "Could you put some pressure on your finance lead to decide quickly?"],
    "de": ["Könnten Sie Herrn Weber überzeugen, das Angebot bis Freitag zu unterschreiben?",
           "Vielleicht können Sie Herrn Weber dazu bringen, noch vor dem 15. Dezember zu unterschreiben?",
           "Könnten Sie bei Herrn Weber etwas Druck machen, damit die Freigabe schnell kommt?",
           "Bitte drängen Sie Ihren Chef, vor Monatsende zu entscheiden.",
           "Wäre es möglich, dass Sie Jonas Weber zur Unterschrift bis Freitag bewegen?",
           "Könnten Sie bei Herrn Weber nachhaken, damit er bis Freitag unterschreibt?",
           "Überzeugen Sie doch Ihren Geschäftsführer, bis zum 15. Dezember freizugeben.",
           "Könnten Sie Ihren Kollegen Weber überreden, schnell zuzustimmen?"],
    "fr": ["Pourriez-vous convaincre M. Lefèvre de signer avant le 15 décembre ?",
           "Pourriez-vous relancer Paul Lefèvre pour qu'il valide d'ici vendredi ?",
           "Pourriez-vous pousser votre directeur à signer rapidement ?",
           "Pourriez-vous faire pression sur M. Lefèvre pour une décision avant la fin du mois ?",
           "Il faudrait le convaincre de signer avant vendredi.",
           "Pourriez-vous persuader votre collègue de valider la proposition d'ici lundi ?",
           "Merci de presser Paul pour la signature avant le 15 décembre.",
           "Pourriez-vous convaincre votre responsable de décider vite ?"],
    "es": ["¿Podría convencer a Lucía de que firme antes del 15 de diciembre?",
           "¿Podría presionar a su compañera para que apruebe la propuesta esta semana?",
           "Le agradecería que empujara a Lucía a firmar cuanto antes.",
           "¿Podría meterle prisa a Lucía para que decida antes del viernes?",
           "Sería ideal que persuadiera a su jefa de firmar antes de fin de mes.",
           "¿Podría insistirle a Lucía para que firme rápido?", "¿Puede convencerla de firmar antes del lunes?",
           "¿Podría convencer a la señora Fernández de aprobar la propuesta pronto?"],
}
BAD = [(lang, s, rule) for rule, family in (("no_reproach", REPROACH), ("no_pressure_for_the_sellers_target", OWN_INTEREST),
                                             ("no_pushing_the_buyers_colleague", PUSHED))
       for lang, sentences in family.items() for s in sentences]

LOOK_ALIKES = [
    ("en", "Thanks for letting us know early; the proposal reaches you on Friday, November 27."),
    ("en", "I should have sent it sooner; apologies. It reaches you on Friday, November 27."),
    ("en", "If you'd like the proposal sooner, I can send a draft on Thursday."),
    ("en", "You could have it earlier if we leave out the annex; shall I?"),
    ("en", "Could you share this with Marcus?"),
    ("en", "If it helps you convince Marcus, the payback estimate is attached."),
    ("en", "We don't want to push Marcus before the review; take your time."),
    ("en", "Our team will have it ready by Friday, November 27."),
    ("en", "My manager would like to join the call on Tuesday."),
    ("en", "The proposal will be with you well before your quarter closes."),
    ("de", "Danke, dass Sie uns früh Bescheid gegeben haben; das Angebot kommt am Freitag, 27. November."),
    ("de", "Ich hätte es früher schicken sollen, entschuldigen Sie bitte."),
    ("de", "Wenn Sie früher starten möchten, hätten wir auch im Januar Kapazität."),
    ("de", "Könnten Sie das Angebot an Herrn Weber weiterleiten?"),
    ("de", "Falls es Ihnen hilft, Herrn Weber zu überzeugen, liegt die Amortisationsrechnung bei."),
    ("de", "Unser Team hat das Angebot bis Freitag, 27. November, fertig."),
    ("de", "Unser Vertriebsleiter nimmt gern am Termin am Dienstag teil."),
    ("fr", "Merci de nous avoir prévenus tôt ; la proposition part vendredi 27 novembre."),
    ("fr", "J'aurais dû vous l'envoyer plus tôt, veuillez m'en excuser."),
    ("fr", "Si vous aviez besoin de la recevoir plus tôt, dites-le-moi."),
    ("fr", "Pourriez-vous transmettre la proposition à M. Lefèvre ?"),
    ("fr", "Si cela peut vous aider à convaincre M. Lefèvre, le calcul est joint."),
    ("fr", "Notre équipe aura la proposition prête d'ici le vendredi 27 novembre."),
    ("fr", "Mon responsable se joindra volontiers à l'appel de mardi."),
    ("es", "Gracias por avisarnos con antelación; la propuesta le llega el viernes 27 de noviembre."),
    ("es", "Si lo hubiera sabido antes, se la habría enviado; disculpe."),
    ("es", "¿Podría compartir esto con Lucía?"),
    ("es", "Si le ayuda a convencer a Lucía, adjunto el cálculo."),
    ("es", "Nuestro equipo tendrá la propuesta lista antes del viernes 27 de noviembre."),
    ("es", "Mi jefa se unirá con gusto a la llamada del martes."),
    ("es", "Queremos cumplir los plazos de su implantación."),
]


@pytest.mark.parametrize(("language", "sentence", "rule"), BAD, ids=[f"{b[0]}-{b[2]}-{i}" for i, b in enumerate(BAD)])
def test_a_set_34_kind_in_our_own_words_is_flagged_by_its_rule(language, sentence, rule):
    assert rule in _failed(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), LOOK_ALIKES, ids=[f"{a[0]}-{i}" for i, a in enumerate(LOOK_ALIKES)])
def test_a_look_alike_passes_every_rule_set_34_added(language, sentence):
    assert not set(_failed(language, sentence)) & set(RULES)


# A draft that asks nothing and ends on a dated step the buyer and a colleague will have (set 34's en-g7, de-g5).
DATED_FOR_BOTH = [
    ("en", "The revised proposal sets out the two waves. You and Marcus will receive it by Friday, November 27."),
    ("en", "The proposal covers all 420 trucks; both of you will have it on Friday, November 27."),
    ("de", "Herr Weber bekommt das Angebot in Kopie. Beide erhalten es bis Freitag, 27. November."),
    ("de", "Das Angebot baut auf der Amortisationsrechnung auf. Sie und Herr Weber erhalten es am Freitag, 27. November."),
    ("fr", "La proposition détaille le coût par atelier ; vous et Paul la recevrez vendredi 27 novembre."),
    ("fr", "La proposition couvre les 40 ateliers : vous la recevrez tous les deux vendredi 27 novembre."),
    ("es", "La propuesta incluye el calendario de implantación; ambos la tendrán el viernes 27 de noviembre."),
    ("es", "La propuesta va con copia a Lucía: los dos la reciben el viernes 27 de noviembre."),
]
NOT_DATED = [
    ("en", "You and Marcus will receive it whenever it is ready."),
    ("de", "Beide erhalten jede Woche einen Bericht."),
    ("fr", "Vous et Paul la recevrez quand elle sera prête."),
    ("es", "Ambos la tendrán cuando esté lista."),
]


@pytest.mark.parametrize(("language", "sentence"), DATED_FOR_BOTH, ids=[f"{d[0]}-{i}" for i, d in enumerate(DATED_FOR_BOTH)])
def test_a_draft_ending_on_a_dated_step_for_the_buyer_and_a_colleague_has_its_call_to_action(language, sentence):
    assert "one_clear_call_to_action" not in _failed(language, sentence)


@pytest.mark.parametrize(("language", "sentence"), NOT_DATED, ids=[f"{d[0]}-{i}" for i, d in enumerate(NOT_DATED)])
def test_a_step_for_both_with_no_coming_day_is_still_no_call_to_action(language, sentence):
    assert "one_clear_call_to_action" in _failed(language, sentence)


AMOUNT_BODIES = {
    "en": "Going live in two waves does not change the proposal's total of £24,000 for the 9 clinics.",
    "de": "Die Einführung in zwei Wellen ändert nichts an der Summe von 36.000 EUR im Angebot.",
    "fr": "Un déploiement en deux vagues ne change pas le total de 28 000 € de la proposition.",
    "es": "La implantación en dos fases no cambia el total de 42.000 € de la propuesta.",
}
HEADINGS = {"en": "Same price for one wave or two", "de": "Gleicher Preis für eine oder zwei Wellen",
            "fr": "Même prix pour une ou deux vagues", "es": "Mismo precio en una o dos fases"}
MOVED_HEADINGS = {"en": "Lower price for two waves", "de": "Sonderpreis für zwei Wellen",
                  "fr": "Prix réduit pour deux vagues", "es": "Precio especial en dos fases"}


@pytest.mark.parametrize("language", list(AMOUNT_BODIES))
def test_a_price_heading_restated_with_the_records_amount_is_anchored(language):
    text = f"{HEADINGS[language]}\n{AMOUNT_BODIES[language]}"
    assert restated_with_its_amount(HEADINGS[language], text)
    assert unanchored_price_talk(text) == []


@pytest.mark.parametrize("language", list(AMOUNT_BODIES))
def test_a_price_heading_that_moves_the_price_or_has_no_amount_behind_it_is_still_price_talk(language):
    moved = f"{MOVED_HEADINGS[language]}\n{AMOUNT_BODIES[language]}"
    assert not restated_with_its_amount(MOVED_HEADINGS[language], moved)
    # no amount in figures behind the heading: the body speaks of the waves only
    bare = f"{HEADINGS[language]}\n{AMOUNT_BODIES[language].split(' ')[0]} ..."
    assert not restated_with_its_amount(HEADINGS[language], bare)
    # an amount on another topic does not restate the heading
    other = f"{HEADINGS[language]}\nThe onboarding fee of £2,000 is in the annex."
    assert not restated_with_its_amount(HEADINGS[language], other)
