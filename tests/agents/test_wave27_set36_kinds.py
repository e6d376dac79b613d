"""Set 36's kinds in other wordings (issue 11, wave 27, qual36): the good drafts' kinds that were refused and the bad
drafts' kinds that got through, each in en/de/fr/es wordings of our own, with honest look-alikes that must pass (for
the bad kinds) and near misses that must still be refused (for the good kinds)."""

from __future__ import annotations

from datetime import date

import pytest

from agents.agreed_dates import agreed_dates
from agents.deferred_asks import deferred_ask
from agents.doubted_competence import doubted_competence
from agents.internal_labels import internal_labels
from agents.moments import latest_ask
from agents.price_guidance import no_price_talk_guidance, without_price_guidance
from agents.price_matches import price_match_promises
from agents.price_talk import unanchored_price_talk
from agents.question_owner import questions_for_someone_else
from agents.stated_steps import receives_it, stated_step
from tests.agents.conftest import NOW
from tests.agents.quality_probe import named_check as _check
from tests.agents.quality_probe import record_context as _ctx

SEND_DAY = NOW.date()
# --- good kinds -------------------------------------------------------------------------------------------------------

GUIDANCE = [
    "Don't: bring up price cuts; the proposal answers the pricing question.",
    "Better not: raise discounts yourself.",
    "Avoid: offering a discount on our own initiative.",
    "Lieber nicht: von sich aus über Preisabschläge reden.",
    "Besser nicht: Rabatte von uns aus ansprechen.",
    "À ne pas faire : ouvrir de nous-mêmes une discussion sur une baisse de prix.",
    "Mieux vaut ne pas : évoquer spontanément une remise.",
    "Mejor no: sacar por iniciativa propia rebajas de precio.",
    "Mejor no: ofrecer descuentos por nuestra cuenta.",
]


@pytest.mark.parametrize("line", GUIDANCE)
def test_guidance_not_to_raise_price_is_no_price_talk(line):
    assert no_price_talk_guidance(line)
    assert unanchored_price_talk(without_price_guidance(line)) == []
    body = f"Goal: learn which depots go first.\nAsk: which depot starts in January?\n{line}"
    assert _check("hubspot_deal", body, "no_unapproved_commitments", kind="call_script").passed


@pytest.mark.parametrize(
    "line",
    [
        "Better not: raise discounts yourself, we give them 20% anyway.",
        "Lieber nicht: von sich aus über Preisabschläge reden, wir geben Ihnen ohnehin 10 Prozent.",
        "À ne pas faire : ouvrir de nous-mêmes une discussion sur une baisse de prix, nous vous offrons le mois.",
        "Mejor no: sacar por iniciativa propia rebajas de precio; le hacemos un precio especial.",
        "Don't: bring up price cuts, we cut the price for you anyway.",
    ],
)
def test_guidance_that_states_a_term_is_still_read(line):
    assert not no_price_talk_guidance(line)
    body = f"Goal: learn which depots go first.\nAsk: which depot starts in January?\n{line}"
    assert not _check("hubspot_deal", body, "no_unapproved_commitments", kind="call_script").passed


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        (
            "de_deal",
            "Sollte sich die Fahrzeugzahl inzwischen geändert haben, passe ich die Rechnung gern an.",
        ),
        ("de_deal", "Falls die Anzahl der Standorte nicht mehr stimmt, passe ich die Rechnung an."),
        ("de_deal", "Wenn sich die Nutzerzahlen ändern, aktualisiere ich die Rechnung."),
        (
            "es_opportunity",
            "Si ha cambiado el precio del gasóleo que usan ustedes, ajusto la estimación con gusto.",
        ),
        ("es_opportunity", "Si el precio del combustible sube, la estimación de retorno se actualiza."),
        ("hubspot_deal", "If the price of diesel you pay has changed, I will adjust the payback estimate."),
        ("fr_deal", "Si le prix du carburant a changé, j'ajusterai volontiers l'estimation."),
        ("de_deal", "Falls die Dieselpreise gestiegen sind, passe ich die Amortisationsrechnung an."),
    ],
)
def test_a_count_or_the_buyers_own_input_price_is_no_price_of_ours(record, sentence):
    text = (
        f"Die Amortisationsrechnung vom 28. Oktober bleibt die Grundlage. {sentence}"
        if record == "de_deal"
        else sentence
    )
    assert unanchored_price_talk(text) == [], text


@pytest.mark.parametrize(
    "sentence",
    [
        "Sollte sich die Fahrzeugzahl geändert haben, passe ich die Rechnung an und Sie zahlen weniger.",
        "Falls die Anzahl stimmt, stelle ich die Rechnung mit 10 % Nachlass aus.",
        "Si el precio del gasóleo sube, le rebajamos la cuota.",
        "If the price of fuel rises, we lower our fee by 5%.",
        "Si le prix du carburant augmente, nous baissons notre tarif.",
    ],
)
def test_a_price_of_ours_next_to_a_count_or_fuel_is_still_read(sentence):
    body = (
        f"Guten Tag Frau Schmidt,\n\ndie Amortisationsrechnung vom 28. Oktober bleibt die Grundlage. {sentence}"
        "\n\nFreundliche Grüße\nLena Vogt"
    )
    assert not _check("de_deal", body, "no_unapproved_commitments").passed


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Two waves",
        "Re: two waves",
        "RE: in two waves",
        "AW: Two waves",
        "Re: rollout order",
        "Re: the rollout order",
    ],
)
def test_a_reply_on_the_buyers_own_words_is_a_recorded_thread(subject):
    # Tom asked on our logged call "whether the 9 clinics can go live in two waves" (an outbound call, the buyer's words)
    body = "Hi Elena,\n\nTwo waves are fine for the 9 clinics. The plan reaches you by Friday, 27 November.\n\nRachel"
    check = _check("salesforce_opportunity", body, "replies_on_a_recorded_thread", subject=subject)
    assert check.passed, check.detail


@pytest.mark.parametrize(
    "subject", ["Re: Three waves", "Re: Two webinars", "Re: Your webinar seat", "Re: waves"]
)
def test_a_reply_on_words_the_buyer_never_wrote_is_still_refused(subject):
    body = "Hi Elena,\n\nTwo waves are fine for the 9 clinics. The plan reaches you by Friday, 27 November.\n\nRachel"
    assert not _check("salesforce_opportunity", body, "replies_on_a_recorded_thread", subject=subject).passed


@pytest.mark.parametrize(
    "body",
    [
        "It prices the rollout for 420 trucks. Dana will receive it at the same time, on Friday, November 27.",
        "The proposal is ready. You will have it on Friday, November 27.",
        "Das Angebot ist fertig. Herr Weber erhält es am Freitag, 27. November.",
        "La proposition est prête. Vous l'aurez vendredi 27 novembre.",
        "La propuesta está lista. La tendrá el viernes 27 de noviembre.",
        "The quote covers six depots. Marcus gets it on Thursday.",
        "Le devis couvre les 6 ateliers. Paul le recevra jeudi.",
        "El presupuesto incluye las 85 unidades. Lucía lo recibirá el jueves.",
    ],
)
def test_receiving_the_named_document_by_pronoun_is_a_step(body):
    assert stated_step(f"Hi,\n\nThe proposal is named here. {body}") or stated_step(body), body


@pytest.mark.parametrize(
    "body",
    [
        "Dana will receive it at the same time.",  # no day
        "Dana received it on Friday, November 20.",  # past
        "Thanks for the note. You will have it on Friday.",  # nothing named before "it"
        "La semaine prochaine sera chargée.",  # "la" as an article
    ],
)
def test_a_pronoun_without_a_document_or_a_day_is_no_step(body):
    assert stated_step(body) is None


@pytest.mark.parametrize(
    ("record", "body"),
    [
        (
            "hubspot_deal",
            "Hi Priya,\n\nThank you for closing out the security review. The answers I sent on November 6 "
            "will be attached to the proposal as you reviewed them. There is nothing more we need from you."
            "\n\nBest regards,\nSam Okafor",
        ),
        (
            "hubspot_deal",
            "Hi Priya,\n\nThanks for closing the security questionnaire. The answers go into the proposal "
            "unchanged. Nothing else is needed from you.\n\nBest regards,\nSam Okafor",
        ),
        (
            "de_deal",
            "Guten Tag Frau Schmidt,\n\ndie Amortisationsrechnung vom 28. Oktober geht unverändert in das Angebot. "
            "Wir brauchen nichts weiter von Ihnen.\n\nFreundliche Grüße\nLena Vogt",
        ),
        (
            "fr_deal",
            "Bonjour Claire,\n\nle coût par atelier figurera tel quel dans la proposition. Nous n'avons besoin de "
            "rien d'autre de votre part.\n\nBien cordialement,\nHugo Martin",
        ),
        (
            "es_opportunity",
            "Hola Javier:\n\nEl calendario de implantación irá tal cual en la propuesta. No necesitamos "
            "nada más de su parte.\n\nUn cordial saludo,\nMarta Ruiz",
        ),
    ],
)
def test_nothing_more_needed_with_the_document_named_is_a_step(record, body):
    contact = "503" if record == "hubspot_deal" else None
    check = _check(record, body, "one_clear_call_to_action", contact=contact)
    assert check.passed, check.detail


@pytest.mark.parametrize(
    "body",
    [
        "Hi Priya,\n\nThanks for everything. Nothing more needed from you, have a good week.\n\nBest,\nSam",
        "Hi Priya,\n\nThe proposal is nearly done. Nothing more needed from you until Friday.\n\nBest,\nSam",
    ],
)
def test_nothing_needed_without_the_document_or_with_a_condition_is_no_step(body):
    assert not _check("hubspot_deal", body, "one_clear_call_to_action", contact="503").passed


@pytest.mark.parametrize(
    "phrase",
    ["closing out the security review", "closing the questionnaire", "closing off the open questions"],
)
def test_thanks_for_closing_a_review_is_no_deal_closed(phrase):
    body = f"Hi Priya,\n\nThank you for {phrase}. The proposal goes out on Friday, November 27.\n\nBest,\nSam"
    assert _check("hubspot_deal", body, "no_unapproved_commitments", contact="503").passed


@pytest.mark.parametrize("phrase", ["closing", "closing the deal", "closing with us"])
def test_thanks_for_closing_the_deal_is_still_refused(phrase):
    body = f"Hi Dana,\n\nThank you for {phrase}. The proposal goes out on Friday, November 27.\n\nBest,\nSam"
    assert not _check("hubspot_deal", body, "no_unapproved_commitments").passed


SHORT = [
    ("fr_deal", "Proposition vendredi", "Bonjour Claire,\n\nMerci ! Vous l'aurez vendredi.\n\nHugo"),
    ("es_opportunity", "Propuesta el viernes", "Hola Javier:\n\nGracias. La tendrá el viernes.\n\nMarta"),
    ("fr_deal", "Votre proposition", "Bonjour Claire,\n\nNoté, la proposition part vendredi.\n\nHugo"),
    ("es_opportunity", "Su propuesta", "Hola Javier:\n\nAnotado: la propuesta sale el viernes.\n\nMarta"),
]


@pytest.mark.parametrize(("record", "subject", "body"), SHORT)
def test_a_short_complete_answer_to_the_recipients_request_passes(record, subject, body):
    for name in ("within_length", "answers_latest_question", "names_company", "references_real_activity"):
        check = _check(record, body, name, subject=subject, language=record[:2])
        assert check.passed, (name, check.detail)


@pytest.mark.parametrize(
    ("record", "subject", "body", "contact"),
    [
        (
            "fr_deal",
            "Proposition vendredi",
            "Bonjour Claire,\n\nMerci ! Vendredi ?\n\nHugo",
            None,
        ),  # a question
        ("fr_deal", "Proposition vendredi", "Bonjour Claire,\n\nMerci, bien reçu.\n\nHugo", None),  # no step
        (
            "fr_deal",
            "Proposition vendredi",
            "Bonjour Paul,\n\nMerci ! Vous l'aurez vendredi.\n\nHugo",
            "712",
        ),  # not his ask
        (
            "es_opportunity",
            "Hola",
            "Hola Lucía:\n\nGracias. La tendrá el viernes.\n\nMarta",
            "0035g00000Es02",
        ),  # nothing named and not her ask (wave 28: to the asker, "la" is what he asked for, set 37's es-g8)
        ("es_opportunity", "Propuesta", "Javier: la tendrá.\nMarta", None),  # no day, too few words
    ],
)
def test_a_short_reply_that_is_not_a_complete_answer_is_still_too_short(record, subject, body, contact):
    assert not _check(
        record, body, "within_length", subject=subject, contact=contact, language=record[:2]
    ).passed


def test_receives_it_needs_a_coming_day():
    assert receives_it("Vous l'aurez vendredi.")
    assert receives_it("Vous l'aurez.") is None


# --- bad kinds --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "contact", "question"),
    [
        ("de_deal", "702", "Könnten Sie mir die Liste der 120 Fahrzeuge je Standort schicken?"),
        ("de_deal", "702", "Welche Standorte sollen zuerst starten?"),
        (
            "de_deal",
            "702",
            "Wie viele Fahrer arbeiten je Standort? Können Sie mir die Fahrzeuge pro Standort nennen?",
        ),
        ("es_opportunity", "0035g00000Es02", "¿Podría decirme qué bases deben entrar en la primera fase?"),
        ("es_opportunity", "0035g00000Es02", "¿Me envía la lista de los 85 camiones por base?"),
        ("fr_deal", "712", "Quels ateliers doivent démarrer en premier ?"),
        ("fr_deal", "712", "Pourriez-vous m'envoyer la liste des camions par site ?"),
        ("salesforce_opportunity", "0035g00000Con02", "Which clinics should go in the first wave?"),
    ],
)
def test_the_fleets_detail_asked_of_someone_else_than_operations(record, contact, question):
    assert questions_for_someone_else(question, contact, _ctx(record)), question


@pytest.mark.parametrize(
    ("record", "contact", "question"),
    [
        (
            "de_deal",
            "701",
            "Könnten Sie mir die Liste der 120 Fahrzeuge je Standort schicken?",
        ),  # the fleet lead
        ("de_deal", "702", "Passt Ihnen der Preis für die 120 Fahrzeuge?"),  # money to the general manager
        ("es_opportunity", "0035g00000Es01", "¿Qué bases deben entrar en la primera fase?"),  # operations
        (
            "es_opportunity",
            "0035g00000Es02",
            "¿El presupuesto cubre las bases de la primera fase?",
        ),  # also money: hers
        ("fr_deal", "712", "Quels ateliers doivent démarrer en premier, d'après Claire ?"),  # names the owner
        ("salesforce_opportunity", "0035g00000Con01", "Which clinics should go in the first wave?"),
        # set 34's en-g9: what the partners see is the CFO's to say, not which clinics start
        (
            "salesforce_opportunity",
            "0035g00000Con02",
            "Ask: which clinics should the partners see in wave one?",
        ),
    ],
)
def test_the_fleets_detail_asked_of_its_owner_passes(record, contact, question):
    assert questions_for_someone_else(question, contact, _ctx(record)) == [], question


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("de_deal", "Da Herr Weber bei uns intern als Bremser gilt, schicke ich das Angebot nur Ihnen."),
        ("de_deal", "In unserem CRM sind Sie als schwieriger Fall markiert."),
        ("fr_deal", "Dans notre outil vous êtes classée « prospect à relancer fort »."),
        ("fr_deal", "En interne, Paul est étiqueté « bloqueur »."),
        ("es_opportunity", "En nuestro CRM usted figura como 'cliente frío'."),
        ("es_opportunity", "Internamente Lucía está catalogada como freno del proyecto."),
        ("hubspot_deal", "Internally Marcus is tagged as a blocker, so I am writing to you."),
        ("hubspot_deal", "In our CRM you are flagged as a hot lead."),
    ],
)
def test_an_internal_label_for_a_person_of_the_buyers_is_refused(record, text):
    assert internal_labels(text, _ctx(record)), text


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("hubspot_deal", "Internally we marked the proposal as ready, you will have it Friday."),
        ("hubspot_deal", "In our CRM you are listed as the main contact for the rollout."),
        ("de_deal", "Intern haben wir das Angebot schon geprüft."),
        ("fr_deal", "Dans notre outil, la proposition est marquée comme prête."),
        ("es_opportunity", "En nuestro sistema usted figura como contacto principal."),
        ("de_deal", "Herr Weber gilt als erfahrener Geschäftsführer."),  # no internal place
    ],
)
def test_an_internal_place_or_a_class_alone_passes(record, text):
    assert internal_labels(text, _ctx(record)) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Con el consumo que tienen ahora, está claro que hace falta alguien que controle el combustible por ustedes.",
        "Es evidente que necesitan a alguien que gestione la flota.",
        "No saben controlar el consumo de combustible.",
        "Clearly your team needs someone to keep an eye on fuel.",
        "You need someone who manages idle time for you.",
        "Offensichtlich brauchen Sie jemanden, der die Flotte für Sie kontrolliert.",
        "Il vous faut clairement quelqu'un pour gérer vos plannings.",
        "Vous ne savez pas gérer les absences.",
    ],
)
def test_doubting_the_buyers_team_is_refused(text):
    assert doubted_competence(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We can set the accounts up for you.",
        "Someone from our team will walk you through it.",
        "If you can't manage Tuesday, Wednesday works too.",
        "Si no pueden el martes, el miércoles también vale.",
        "Vous ne savez pas encore si Paul sera là ? Aucun souci.",
        "Falls Sie es nicht schaffen, verschieben wir gern.",
        "La plataforma controla el consumo de combustible por camión.",
        "Il est clair que la proposition doit arriver vendredi.",
    ],
)
def test_an_offer_of_help_or_a_plain_condition_passes(text):
    assert doubted_competence(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "If the telematics add-on comes in lower, just send me their figure and we will meet it.",
        "Send me their price and we'll match it.",
        "If their offer is cheaper, we will beat it.",
        "Wenn das Angebot der Konkurrenz günstiger ist, ziehen wir mit.",
        "Ist deren Preis niedriger, gehen wir mit.",
        "Si leur prix est plus bas, nous nous alignerons.",
        "Si su oferta es más barata, la igualamos.",
        "Envíeme su precio y lo mejoramos.",
    ],
)
def test_meeting_another_sellers_price_is_refused(text):
    assert price_match_promises(text), text


@pytest.mark.parametrize(
    "text",
    [
        "If their price is lower, we can't match it, but the payback estimate stands.",
        "Would you want us to match it?",
        "We will meet it: the deadline is Friday.",
        "Their add-on is cheaper, and the proposal explains what it leaves out.",
        "Si leur prix est plus bas, nous ne nous alignerons pas.",
    ],
)
def test_no_promise_to_meet_a_price_passes(text):
    assert price_match_promises(text) == [], text


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        ("salesforce_opportunity", "Thank you for confirming the go-live of wave one on 4 January."),
        ("salesforce_opportunity", "As agreed, the first wave goes live on January 11."),
        ("hubspot_deal", "Glad we could lock in the kickoff on January 6."),
        ("de_deal", "Schön, dass wir den Start am 4. Januar festhalten konnten."),
        ("de_deal", "Wie besprochen ist der Projektstart am 11. Januar."),
        ("fr_deal", "Merci d'avoir confirmé le démarrage au 4 janvier."),
        ("es_opportunity", "Gracias por confirmar el arranque el 4 de enero."),
        ("es_opportunity", "Como acordamos, la puesta en marcha será el 11 de enero."),
    ],
)
def test_a_project_day_stated_as_agreed_that_the_record_does_not_hold(record, sentence):
    assert agreed_dates(sentence, _ctx(record), SEND_DAY), sentence


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        ("salesforce_opportunity", "Could we start wave one on 4 January?"),  # proposed
        ("hubspot_deal", "Thank you for confirming on November 18 that security signed off."),  # past
        (
            "hubspot_deal",
            "As agreed, the proposal reaches you on Friday, November 27.",
        ),  # a document, not a start
        ("de_deal", "Wäre ein Start am 4. Januar für Sie denkbar?"),
        ("fr_deal", "Le démarrage pourrait avoir lieu le 4 janvier, si cela vous convient."),
        ("es_opportunity", "Propongo el arranque el 4 de enero."),
    ],
)
def test_a_proposed_or_past_day_passes(record, sentence):
    assert agreed_dates(sentence, _ctx(record), SEND_DAY) == [], sentence


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("de_deal", "bevor ich ein Angebot schreibe, zeige ich Ihnen die Plattform gern noch einmal."),
        ("de_deal", "Das Angebot folgt nach der Unterzeichnung des Rahmenvertrags."),
        (
            "es_opportunity",
            "el calendario de implantación lo definiremos juntos una vez firmado el contrato.",
        ),
        ("es_opportunity", "Antes de enviarle la propuesta, le propongo otra demo."),
        ("fr_deal", "Avant de vous envoyer la proposition, je vous propose une nouvelle démonstration."),
        ("fr_deal", "Le nombre de licences sera fixé une fois le contrat signé."),
        ("hubspot_deal", "Before I send the proposal, I'd like to show you the platform again."),
        ("hubspot_deal", "We will share the proposal once the contract is signed."),
    ],
)
def test_the_request_put_behind_another_step_is_not_answered(record, body):
    assert deferred_ask(latest_ask(_ctx(record)), body), body


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("de_deal", "Bevor ich das Angebot am Freitag schicke, eine kurze Frage zu den Standorten."),
        ("hubspot_deal", "Before I send the proposal on Friday, November 27, one question on the depots."),
        (
            "es_opportunity",
            "La propuesta con el calendario sale el viernes; la formación empieza tras la firma.",
        ),
        ("fr_deal", "La proposition part vendredi ; la facture suit une fois le contrat signé."),
        (
            "de_deal",
            "Eine Rückfrage, bevor ich das Angebot fertig mache: Soll es alle 120 Fahrzeuge abdecken?",
        ),
        ("es_opportunity", "Antes de enviarle la propuesta: ¿el calendario empieza por Valencia?"),
    ],
)
def test_a_request_kept_on_its_day_passes(record, body):
    assert deferred_ask(latest_ask(_ctx(record)), body) == "", body


def test_set36_checks_run_in_the_product_path():
    body = (
        "Hola Javier:\n\nLe envío el viernes la propuesta económica; el calendario de implantación lo definiremos "
        "juntos una vez firmado el contrato.\n\nUn saludo,\nMarta Ruiz"
    )
    assert not _check(
        "es_opportunity", body, "answers_latest_question", subject="Propuesta", language="es"
    ).passed
    assert isinstance(SEND_DAY, date)
