"""Set 38's kinds in other wordings (issue 11, wave 29, qual38): the good drafts' kinds that were refused and the bad
drafts' kinds that got through, each in en/de/fr/es wordings of our own, with honest look-alikes that must pass (for
the bad kinds) and near misses that must still be refused (for the good kinds)."""

from __future__ import annotations

import pytest

from agents.buyer_event_days import undated_buyer_events
from agents.condescension import condescending
from agents.counted_sites import invented_site_counts
from agents.derived_figures import derived_unit_prices
from agents.document_in_other_words import takes_up_the_document
from agents.facts import build_vocabulary
from agents.german_nouns import unnamed_claims
from agents.moments import latest_ask
from agents.nominal_steps import follows_on_a_day, nominal_step
from agents.promised_work import promised_work
from agents.question_owner import questions_for_someone_else
from agents.recalled_talks import unrecorded_talks
from agents.replaced_asks import replaced_ask
from agents.said_of_people import said_of_a_person
from agents.sellers_books import sellers_books
from agents.stated_steps import stated_step
from agents.unsigned_asks import with_unsigned_sender
from tests.agents.conftest import NOW
from tests.agents.quality_probe import RECIPIENT
from tests.agents.quality_probe import named_check as _check
from tests.agents.quality_probe import record_context as _ctx
from tests.agents.test_quality import _checks

TODAY = NOW.date()


def _passes(
    record: str,
    body: str,
    *,
    subject: str = "Next steps",
    language: str = "en",
    contact: str | None = None,
    kind: str = "email",
) -> list[str]:
    """The details of every check a draft fails (empty when it passes them all)."""
    entry = {
        "record": record,
        "language": language,
        "draft": {
            "to_contact_id": contact or RECIPIENT[record],
            "subject": subject,
            "body": body,
            "kind": kind,
        },
    }
    return [f"{c.name}: {c.detail}" for c in _checks(entry) if not c.passed]


# --- good kinds: a step with no verb, or the document following on a day ---------------------------------------------

NOMINAL = [
    "Envoi le vendredi 27 novembre.",
    "Réponse complète le vendredi 27 novembre, avec le nombre de licences atelier par atelier.",
    "Livraison jeudi 3 décembre.",
    "Versand am Freitag, 27. November.",
    "Vollständige Antwort am Donnerstag, 3. Dezember, mit allen Zahlen.",
    "Envío el viernes 27 de noviembre.",
    "Respuesta completa el jueves 3 de diciembre, con el calendario.",
    "Full answer on Friday, 27 November, with the split by wave.",
    "Delivery on Thursday, December 3.",
    "Proposal Friday, November 27.",
]


@pytest.mark.parametrize("sentence", NOMINAL)
def test_a_verbless_status_line_with_its_day_is_a_step(sentence):
    assert nominal_step(sentence)
    assert stated_step(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Envoi la semaine prochaine.",  # a week, not a day (as the wave-6 set's fr-b15 labels it)
        "Réponse vendredi dernier.",  # past
        "Versand jeden Freitag.",  # a habit
        "Envío los viernes.",
        "Delivery was on Friday, November 27.",  # a verb: a statement, not a step
        "Das Angebot bis Freitag, 27. November, baut auf der Amortisationsrechnung auf.",  # set 32's de-b4: a verb
        "Envoi le vendredi 27 novembre ?",  # a question
        "Delivery on Friday, November 27, was late again for the third time this month, as everybody knows.",
    ],
)
def test_a_status_line_with_no_day_or_with_a_verb_is_no_step(sentence):
    assert nominal_step(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan with the split follows on Friday, 27 November.",
        "The proposal will follow on Thursday, December 3.",
        "Das Angebot folgt am Freitag, 27. November.",
        "Der Zeitplan folgt am Donnerstag, 3. Dezember.",
        "La proposition suit le vendredi 27 novembre.",
        "Le devis suivra jeudi 3 décembre.",
        "La propuesta sigue el viernes 27 de noviembre.",
        "El calendario seguirá el jueves 3 de diciembre.",
    ],
)
def test_the_document_following_on_a_day_is_a_step(sentence):
    assert follows_on_a_day(sentence)
    assert stated_step(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The proposal follows next week.",
        "Das Angebot folgt bald.",
        "La proposition suit la semaine prochaine.",
        "The invoice follows every Friday.",
        "Does the proposal follow on Friday, November 27?",
    ],
)
def test_following_with_no_day_or_as_a_habit_is_no_step(sentence):
    assert stated_step(sentence) is None


def test_set_38s_nominal_and_following_drafts_pass_every_check():
    for record, body, subject, language, contact in [
        (
            "salesforce_opportunity",
            "Dear Tom,\n\nFollowing your question on 16 November: yes, the 9 clinics can go "
            "live in two waves. The plan with the split follows on Friday, 27 November, in time for the partners' "
            "decision in December.\n\nKind regards,\nRachel Kim",
            "Two waves",
            "en",
            "0035g00000Con02",
        ),
        (
            "fr_deal",
            "Bonjour Claire,\n\nBien noté. Réponse complète le jeudi 26 novembre, avec le nombre de licences "
            "pour chacun des 6 ateliers.\n\nHugo Martin",
            "Bien noté",
            "fr",
            "711",
        ),
        (
            "de_deal",
            "Sehr geehrte Frau Schmidt,\n\nvielen Dank. Das Angebot für die 120 Fahrzeuge folgt am Freitag, "
            "27. November.\n\nMit freundlichen Grüßen\nLena Vogt",
            "Ihr Angebot",
            "de",
            "701",
        ),
    ]:
        assert not _passes(record, body, subject=subject, language=language, contact=contact)


def test_a_draft_that_asks_nothing_and_states_no_step_still_fails():
    failed = _passes(
        "fr_deal",
        "Bonjour Claire,\n\nMerci pour votre message et pour la démonstration, c'était un "
        "plaisir d'échanger avec vous et Paul sur vos 6 ateliers.\n\nHugo Martin",
        subject="Merci",
        language="fr",
    )
    assert any(f.startswith("one_clear_call_to_action") for f in failed)


# --- good kinds: the asked-for document in other words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("fr_deal", "Bonjour Claire,\n\nPaul aura la même version. Envoi le vendredi 27 novembre.\n\nHugo"),
        (
            "de_deal",
            "Hallo Frau Schmidt,\n\nHerr Weber bekommt dieselbe Fassung. Versand am Freitag, 27. November.",
        ),
        (
            "es_opportunity",
            "Hola, Javier:\n\nLucía recibirá la misma versión. Envío el viernes 27 de noviembre.",
        ),
        ("hubspot_deal", "Hi Dana,\n\nMarcus gets the same version. Dispatch on Friday, November 27.\n\nSam"),
    ],
)
def test_a_dispatch_line_with_a_coming_day_takes_up_the_request(record, body):
    assert takes_up_the_document(body, with_unsigned_sender(latest_ask(_ctx(record)), _ctx(record)), None)


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "Will do. It lands Friday, November 27."),
        ("hubspot_deal", "Sure. It arrives on Thursday, December 3."),
        ("hubspot_deal", "Noted. It will reach you on Friday, November 27."),
        ("fr_deal", "Entendu. Elle arrive le vendredi 27 novembre."),
        ("fr_deal", "Bien noté. Réponse complète le jeudi 3 décembre."),
        ("de_deal", "Gern. Es kommt am Freitag, 27. November."),
        ("es_opportunity", "De acuerdo. Llega el viernes 27 de noviembre."),
        ("es_opportunity", "Perfecto. Respuesta completa el jueves 3 de diciembre."),
    ],
)
def test_the_askers_document_arriving_or_answered_on_a_day_takes_up_the_request(record, body):
    ctx = _ctx(record)
    assert takes_up_the_document(body, with_unsigned_sender(latest_ask(ctx), ctx), RECIPIENT[record])


@pytest.mark.parametrize(
    ("record", "body", "contact"),
    [
        ("hubspot_deal", "Will do. It lands Friday, November 27.", "502"),  # Marcus did not ask
        ("hubspot_deal", "Will do. It lands soon.", "501"),  # no day
        ("fr_deal", "Bien noté. Réponse complète le jeudi 3 décembre.", "712"),  # Paul did not ask
        ("fr_deal", "Envoi des factures.", "711"),  # no day
        ("de_deal", "Versand am 3. November.", "701"),  # before the request
    ],
)
def test_an_arrival_or_answer_to_someone_else_or_with_no_day_takes_up_nothing(record, body, contact):
    ctx = _ctx(record)
    assert takes_up_the_document(body, with_unsigned_sender(latest_ask(ctx), ctx), contact) is None


def test_an_unsigned_email_is_the_primary_contacts_unless_it_speaks_of_them():
    ctx = _ctx("hubspot_deal")
    assert latest_ask(ctx).sender_contact_id is None
    assert with_unsigned_sender(latest_ask(ctx), ctx).sender_contact_id == "501"
    # a signed e-mail keeps its signer
    es = _ctx("es_opportunity")
    assert with_unsigned_sender(latest_ask(es), es).sender_contact_id == latest_ask(es).sender_contact_id


def test_an_unsigned_email_naming_the_primary_contact_has_no_sender():
    from dataclasses import replace

    ctx = _ctx("hubspot_deal")
    ask = latest_ask(ctx)
    activity = ctx.activities[ask.activity_id]
    ctx.activities[ask.activity_id] = {
        **activity,
        "text": "Hi Sam, Dana asked me to chase the proposal. Could you send it by the end of next week?",
    }
    try:
        assert with_unsigned_sender(replace(ask), ctx).sender_contact_id is None
    finally:
        ctx.activities[ask.activity_id] = activity


def test_set_38s_will_do_reply_passes_every_check_and_to_marcus_it_refers_to_nothing():
    body = (
        "Hi {name},\n\nWill do. It lands Friday, November 27, and the 2-year option Marcus asked about has its own "
        "page so he can compare the two.\n\nSam Okafor"
    )
    assert not _passes("hubspot_deal", body.format(name="Dana"), subject="Re: Proposal timing")
    failed = _passes(
        "hubspot_deal",
        body.format(name="Priya").replace("Marcus asked about", "we discussed"),
        subject="Update",
        contact="503",
    )
    assert failed


# --- good kinds: what the record says of a person --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "body"),
    [
        (
            "salesforce_opportunity",
            "As Tom is taking the plan to the partners, the cover page is addressed to him.",
        ),
        ("salesforce_opportunity", "Tom will want a page his partners can read in five minutes."),
        ("hubspot_deal", "Priya's questionnaire answers are in the annex."),
        ("hubspot_deal", "Marcus asked about flexibility, so the 2-year option has a page of its own."),
        ("salesforce_opportunity", "Elena, the clinic leads will find the reminder texts on page 3."),
        ("fr_deal", "Pour que Paul puisse comprendre le détail, chaque atelier a sa ligne."),
        ("es_opportunity", "Como Lucía pidió una estimación, la propuesta la retoma en la página 2."),
        ("salesforce_opportunity", "Tom asked about the rollout, so the two waves have a page of their own."),
    ],
)
def test_what_a_note_says_of_a_person_is_a_reference(record, body):
    ctx = _ctx(record)
    assert said_of_a_person(body, ctx, set())


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("salesforce_opportunity", "Tom, I hope all is well and the week is going fine."),
        ("salesforce_opportunity", "The partners will like it."),  # the word, but no person with it
        (
            "salesforce_opportunity",
            "Elena, the partners will like it.",
        ),  # the note says it of Tom, not of Elena
        ("hubspot_deal", "Dana, the clinics are all set."),  # no activity of the record says it
        ("fr_deal", "Claire, merci encore pour votre temps."),
    ],
)
def test_a_person_named_with_nothing_the_record_says_of_them_is_no_reference(record, body):
    assert said_of_a_person(body, _ctx(record), set()) is None


# --- good kinds: a decision the buyer is still to take ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Frage: Welche Kennzahl ist für Ihre Freigabe am wichtigsten?",
        "Was brauchen Sie noch für Ihre Genehmigung?",
        "Sobald Ihre Freigabe vorliegt, plane ich die Einführung.",
        "Wenn Ihre Zustimmung bis Freitag kommt, starten wir im Januar.",
        "Welche Unterlagen fehlen Ihnen noch für Ihre Unterschrift?",
        "Bis zu Ihrer Budgetfreigabe halte ich den Termin frei, falls Sie ihn brauchen.",
        "Ist für Ihre Entscheidungsvorlage noch etwas offen?",
        "Brauchen Sie für Ihre Freigabe eine Zusammenfassung?",
    ],
)
def test_a_decision_asked_about_or_to_come_is_no_claim(body):
    assert unnamed_claims(body, _ctx("de_deal")) == []


@pytest.mark.parametrize(
    "body",
    [
        "Vielen Dank für Ihre Freigabe vom Montag.",
        "Mit Ihrer Budgetfreigabe steht dem Start nichts mehr im Weg.",
        "Ihre Genehmigung liegt uns bereits vor.",
        "Ihre Kühlfahrzeuge sind im Angebot berücksichtigt.",  # not a decision: still judged as before
    ],
)
def test_a_decision_stated_as_given_is_still_judged(body):
    assert unnamed_claims(body, _ctx("de_deal"))


# --- good kinds: a per-unit figure worked out from the record ---------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "text", "figure"),
    [
        (
            "de_deal",
            "Das Angebot nennt 36.000 EUR für alle 120 Fahrzeuge, rechnerisch also 300 EUR je Fahrzeug.",
            300,
        ),
        ("de_deal", "36.000 EUR für 120 Fahrzeuge, das sind 300 EUR pro Fahrzeug.", 300),
        ("fr_deal", "Les 28 000 EUR pour les 6 ateliers font environ 4 667 EUR par atelier.", 4667),
        ("es_opportunity", "Los 42.000 EUR para los 85 camiones salen a unos 494 EUR por camión.", 494),
        ("hubspot_deal", "USD 48,000 for 420 trucks works out at about $114 per truck.", 114),
        ("salesforce_opportunity", "£24,000 across the 9 clinics is about £2,667 per clinic.", 2667),
    ],
)
def test_a_total_divided_by_its_count_in_the_same_sentence_is_vouched(record, text, figure):
    vocab = build_vocabulary(_ctx(record), score_figures=False)
    assert any(abs(v - figure) < 1 for v in derived_unit_prices(text, vocab))


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("de_deal", "Das Angebot liegt bei 300 EUR je Fahrzeug."),  # no total beside it
        ("de_deal", "36.000 EUR für 120 Fahrzeuge, also 250 EUR je Fahrzeug."),  # wrong arithmetic
        (
            "de_deal",
            "36.000 EUR für 100 Fahrzeuge, also 360 EUR je Fahrzeug.",
        ),  # a count the record does not hold
        ("de_deal", "36.000 EUR für 120 Fahrzeuge, also 300 EUR je Fahrzeug und Monat."),  # a period added
        ("fr_deal", "28 000 EUR pour 6 ateliers, soit 4 667 EUR par licence."),  # another unit
        ("hubspot_deal", "USD 48,000 for 420 trucks, so $114 per driver."),
    ],
)
def test_a_per_unit_figure_the_record_does_not_imply_is_not_vouched(record, text):
    assert derived_unit_prices(text, build_vocabulary(_ctx(record), score_figures=False)) == frozenset()


def test_set_38s_per_vehicle_letter_passes_and_an_underived_one_is_refused():
    good = (
        "Sehr geehrte Frau Schmidt,\n\ndas Angebot nennt 36.000 EUR für alle 120 Fahrzeuge, rechnerisch also "
        "300 EUR je Fahrzeug. Sie erhalten es am Freitag, 27. November.\n\nMit freundlichen Grüßen\nLena Vogt"
    )
    assert not _passes("de_deal", good, subject="Angebot: 36.000 EUR", language="de")
    # wave 38 (set 47's 007): "300 EUR je Fahrzeug" alone is the record's 36,000 EUR over the buyer's 120 vehicles
    # (agents.per_unit_figures); a figure that does not divide out stays refused
    bad = good.replace(
        "das Angebot nennt 36.000 EUR für alle 120 Fahrzeuge, rechnerisch also 300 EUR je Fahrzeug",
        "das Angebot nennt 250 EUR je Fahrzeug",
    )
    assert any("250 EUR" in f for f in _passes("de_deal", bad, subject="Ihr Angebot", language="de"))


# --- bad kinds: the request swapped for another step or sent after it ------------------------------------------------

REPLACED = [
    (
        "hubspot_deal",
        "Before I put the proposal together, it would help to run one more demo for your depot managers.",
    ),
    (
        "hubspot_deal",
        "Could we do a short demo for your depot managers first? I will send the proposal after that.",
    ),
    ("hubspot_deal", "Rather than a proposal right now, how about a two-week pilot at one depot?"),
    ("hubspot_deal", "Instead of the proposal, I suggest a trial with two depots."),
    ("fr_deal", "Plutôt qu'une proposition tout de suite, que diriez-vous d'un essai de trois semaines ?"),
    ("fr_deal", "Au lieu de la proposition, je vous propose une démonstration pour vos équipes."),
    ("fr_deal", "Faisons d'abord un essai dans un atelier ; je vous enverrai la proposition ensuite."),
    ("de_deal", "Statt eines Angebots schlage ich eine Testphase mit 20 Fahrzeugen vor."),
    ("de_deal", "Lassen Sie uns zuerst eine zweite Demo machen; das Angebot schicke ich danach."),
    ("es_opportunity", "En lugar de la propuesta, le propongo una prueba de un mes con diez camiones."),
    ("es_opportunity", "Hagamos antes una demo con sus jefes de tráfico; la propuesta se la envío después."),
]


@pytest.mark.parametrize(("record", "body"), REPLACED)
def test_the_request_swapped_or_put_after_another_step_is_not_taken_up(record, body):
    assert replaced_ask(latest_ask(_ctx(record)), body)


@pytest.mark.parametrize(
    ("record", "body"),
    [
        (
            "hubspot_deal",
            "Rather than a long proposal, I kept it to two pages; it reaches you on Friday, November 27.",
        ),
        (
            "hubspot_deal",
            "I will send the proposal on Friday, November 27; a demo for your depot managers can follow.",
        ),
        (
            "fr_deal",
            "La proposition arrive le vendredi 27 novembre ; un essai pourra suivre si vous le souhaitez.",
        ),
        ("de_deal", "Das Angebot kommt am Freitag, 27. November. Danach gern eine zweite Demo."),
        ("es_opportunity", "La propuesta le llega el viernes 27 de noviembre; después, si quiere, una demo."),
        (
            "fr_deal",
            "Au lieu d'un PDF, la proposition vous arrive sous forme de lien le vendredi 27 novembre.",
        ),
        (
            "hubspot_deal",
            "Before I finalise the proposal: should it cover all 6 depots?",
        ),  # a question to get it right
        ("hubspot_deal", "I will send the proposal after that."),  # no other step proposed
    ],
)
def test_the_request_kept_with_its_day_or_asked_about_passes(record, body):
    assert replaced_ask(latest_ask(_ctx(record)), body) == ""


# --- bad kinds: the buyer's event dated where the record is not ------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "As the partners meet on 1 December to decide, the plan reaches you on Friday, 27 November.",
        "The partners' decision on Tuesday, 1 December is the one that matters.",
        "Since the board meets on December 3, I have kept the summary short.",
        "The budget review is on 15 December, so the figures are on page one.",
        "Da die Gesellschafter am 2. Dezember entscheiden, kommt der Plan vorher.",
        "Comme les associés se réunissent le 2 décembre, le plan arrive avant.",
        "Como los socios deciden el 2 de diciembre, el plan le llega antes.",
        "With the partners' meeting on 1 December in mind, page one has the summary.",
    ],
)
def test_the_buyers_event_on_a_day_the_record_does_not_give_is_refused(body):
    assert undated_buyer_events(body, _ctx("salesforce_opportunity"), TODAY)


@pytest.mark.parametrize(
    "body",
    [
        "The plan follows on Friday, 27 November, in time for the partners' decision in December.",
        "Before the partners decide in December, the plan reaches you on Friday, 27 November.",
        "Do the partners meet on 1 December?",
        "If the partners meet on 1 December, the plan is with you by Friday, 27 November.",
        "Could we talk on Tuesday, 1 December, before the partners decide?",
        "December 1 at 10 am would let us review it before the budget review.",  # our slot, their event undated
        "Which leaves Tom time before the partners meet and keeps December 31 realistic.",
    ],
)
def test_the_buyers_event_undated_or_asked_or_our_own_day_passes(body):
    assert undated_buyer_events(body, _ctx("salesforce_opportunity"), TODAY) == []


# --- bad kinds: the buyer's sites counted or named where the record is not -------------------------------------------


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("de_deal", "Das Angebot deckt Ihre hundertzwanzig Lkw an den drei Standorten ab."),
        ("de_deal", "Für Ihre 4 Niederlassungen sehen wir je einen Ansprechpartner vor."),
        ("de_deal", "Das gilt für alle zwei Depots."),
        ("hubspot_deal", "The proposal covers your 8 depots."),
        ("hubspot_deal", "We will start with your three warehouses."),  # a count and a kind the record lacks
        ("fr_deal", "La proposition couvre vos 6 salons de coiffure."),  # the record's count, another kind
        ("fr_deal", "La proposition couvre vos 5 ateliers."),
        ("es_opportunity", "La propuesta cubre sus 4 bases."),
        ("salesforce_opportunity", "Each of your 12 clinics gets its own page."),
    ],
)
def test_a_count_or_kind_of_sites_the_record_does_not_give_is_refused(record, body):
    assert invented_site_counts(body, _ctx(record))


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "The proposal covers your 6 depots."),
        ("hubspot_deal", "The proposal covers your 6 sites."),  # a general word for the record's depots
        ("fr_deal", "La proposition couvre vos 6 ateliers."),
        ("fr_deal", "La proposition couvre vos 6 établissements."),
        ("salesforce_opportunity", "Each of your 9 clinics gets its own page."),
        ("de_deal", "Das Angebot deckt Ihre hundertzwanzig Lkw ab."),  # no site counted
        ("de_deal", "Wie viele Standorte haben Sie, drei?"),  # a question
        ("es_opportunity", "La propuesta cubre sus 85 camiones en dos fases."),
    ],
)
def test_the_records_count_of_sites_or_no_count_passes(record, body):
    assert invented_site_counts(body, _ctx(record)) == []


# --- bad kinds: training at the sites asked of the CFO ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "contact", "body"),
    [
        (
            "fr_deal",
            "712",
            "Pourriez-vous organiser les créneaux de formation des équipes dans chacun des 6 ateliers ?",
        ),
        ("fr_deal", "712", "Pouvez-vous planifier la formation des équipes avant le démarrage ?"),
        ("hubspot_deal", "502", "Could you schedule the training sessions for each depot?"),
        ("hubspot_deal", "502", "Can you arrange the onboarding for the drivers at each site?"),
        (
            "de_deal",
            "701",
            "Könnten Sie die Schulungstermine an den Standorten planen?",
        ),  # Anna is operations; Weber?
        (
            "es_opportunity",
            "0035g00000Es02",
            "¿Podría organizar la formación de los conductores en cada base?",
        ),
        ("es_opportunity", "0035g00000Es02", "¿Nos puede indicar los horarios de formación para cada turno?"),
        (
            "salesforce_opportunity",
            "0035g00000Con02",
            "Could you set up the training sessions at each clinic?",
        ),
    ],
)
def test_organising_training_at_the_sites_asked_of_finance_goes_to_operations(record, contact, body):
    found = questions_for_someone_else(body, contact, _ctx(record))
    if contact == "701":  # the operations lead asked: her own question
        assert found == []
    else:
        assert found, body


@pytest.mark.parametrize(
    ("record", "contact", "body"),
    [
        (
            "fr_deal",
            "711",
            "Pourriez-vous organiser les créneaux de formation des équipes dans chacun des 6 ateliers ?",
        ),
        ("fr_deal", "712", "Quel budget prévoyez-vous pour la formation ?"),  # its cost is finance's
        ("hubspot_deal", "502", "Could you confirm the budget for training?"),
        ("hubspot_deal", "501", "Could you schedule the training sessions for each depot?"),
        ("es_opportunity", "0035g00000Es02", "¿Podría revisar con Javier la formación de los conductores?"),
    ],
)
def test_training_asked_of_operations_or_as_a_cost_or_sent_on_passes(record, contact, body):
    assert questions_for_someone_else(body, contact, _ctx(record)) == []


# --- bad kinds caught before only by "0 ask(s)": talking down --------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "As I have explained twice already, two waves simply means two start dates.",
        "As I've already explained, the price covers all 9 clinics.",
        "Two waves means two start dates; it is simple enough.",
        "Wie ich Ihnen bereits mehrfach erklärt habe, sind die Kosten fix.",
        "Wie Sie sicher selbst wissen, verschwenden Ihre Fahrer jeden Tag Diesel.",
        "Das ist eigentlich ganz einfach, kein Hexenwerk.",
        "Comme je vous l'ai déjà expliqué, le prix couvre les 6 ateliers.",
        "Je sais que les tableaux ne sont pas forcément votre fort.",
        "Como ya le he explicado dos veces, el precio es cerrado.",
        "Sé que los números no son precisamente su fuerte.",
        "Numbers are not exactly your strong suit, so I kept it short.",
        "Ce n'est pas sorcier, c'est pourtant simple.",
    ],
)
def test_talking_down_to_the_buyer_is_a_reproach(body):
    assert condescending(body)


@pytest.mark.parametrize(
    "body",
    [
        "As I mentioned on our call, the plan has two waves.",
        "As you know, the proposal covers all 9 clinics.",
        "The setup is simple: two waves, two start dates.",
        "Wie besprochen enthält das Angebot 120 Fahrzeuge.",
        "Comme convenu, la proposition couvre les 6 ateliers.",
        "Como le expliqué en la demo, el precio incluye la instalación.",
        "Our strong suit is the reporting, which you liked in the demo.",
        "It is simple enough to set up in a day.",
    ],
)
def test_recalling_or_describing_is_not_talking_down(body):
    assert condescending(body) == []


# --- bad kinds caught before only by "0 ask(s)": work and people promised --------------------------------------------


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "We will put an engineer on site at each of your 6 depots for the first month."),
        ("hubspot_deal", "I'll send a technician to every depot for the installation."),
        ("hubspot_deal", "We'll provide hardware for all 420 trucks."),
        ("de_deal", "Wir stellen Ihnen für den ersten Monat einen Techniker vor Ort."),
        ("de_deal", "Wir übernehmen die Schulung Ihrer Fahrer."),
        ("fr_deal", "Nous enverrons un formateur sur place dans chaque atelier."),
        ("fr_deal", "Nous prendrons en charge l'installation dans les 6 ateliers."),
        ("es_opportunity", "Le pondremos un técnico in situ durante el primer mes."),
        ("es_opportunity", "Ofrecemos la formación de los conductores en cada base."),
    ],
)
def test_work_or_people_on_site_promised_where_the_record_has_none_is_refused(record, body):
    assert promised_work(body, _ctx(record))


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "We will send the proposal on Friday, November 27."),
        ("hubspot_deal", "We will not need anyone on site."),
        ("hubspot_deal", "Would an engineer on site help during the first month?"),
        ("hubspot_deal", "I'll send the security answers Priya asked for, including data retention."),
        ("de_deal", "Wir schicken Ihnen das Angebot für die 120 Fahrzeuge am Freitag."),
        ("fr_deal", "Nous enverrons la proposition avec le nombre de licences vendredi."),
        ("es_opportunity", "Le enviaremos la propuesta con el calendario de implantación el viernes."),
    ],
)
def test_our_documents_questions_and_negations_promise_no_work(record, body):
    assert promised_work(body, _ctx(record)) == []


# --- bad kinds caught before only by "0 ask(s)": our books, a talk nobody logged -------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Der Dezember ist bei uns Abschlussmonat, und mein Team braucht noch einen Auftrag.",
        "December is our closing month.",
        "My team still needs one more deal this quarter.",
        "Wir brauchen noch einen Abschluss vor Weihnachten.",
        "Décembre est notre mois de clôture.",
        "Il nous manque encore une signature ce mois-ci.",
        "Diciembre es nuestro mes de cierre.",
        "Mi equipo todavía necesita una venta más.",
    ],
)
def test_our_closing_month_or_our_need_for_an_order_is_refused(body):
    assert sellers_books("Angebot", body)


@pytest.mark.parametrize(
    "body",
    [
        "Da der Dezember bei Ihnen Abschlussmonat ist, kommt das Angebot vorher.",
        "As December closes your books, the proposal arrives before.",
        "Your team needs the plan before the partners meet.",
        "Votre équipe a besoin du planning avant janvier.",
        "Su equipo necesita el calendario antes de enero.",
    ],
)
def test_the_buyers_books_and_needs_are_theirs(body):
    assert sellers_books("Angebot", body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Good speaking with Marcus last week; he told me the budget is set aside.",
        "Great to catch up with Marcus yesterday.",
        "I spoke to Marcus last week about the term.",
        "Last week I talked with Marcus about the 2-year option.",
    ],
)
def test_a_talk_on_a_past_day_no_activity_shows_is_refused(body):
    assert unrecorded_talks(body, _ctx("hubspot_deal"), TODAY)


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "I'd be glad to speak with Marcus next week."),  # to come
        ("hubspot_deal", "As discussed with Marcus, the 2-year option has its own page."),  # no time
        ("salesforce_opportunity", "Good speaking with Tom on 16 November."),  # a date: other checks
        ("de_deal", "Schön, gestern mit Herrn Weber gesprochen zu haben."),
    ],
)
def test_a_talk_to_come_or_without_a_time_is_left_to_other_checks(record, body):
    found = unrecorded_talks(body, _ctx(record), TODAY)
    if "gestern" in body:  # no call with Jonas Weber yesterday in the record: refused in German too
        assert found
    else:
        assert found == []


# --- set 38 in every check --------------------------------------------------------------------------------------------


def test_set_38s_first_person_on_site_promise_is_refused_in_its_check():
    check = _check(
        "hubspot_deal",
        "Hi Dana,\n\nTo make the rollout painless we will put an engineer on site at each "
        "of your 6 depots for the first month. The proposal follows on Friday, November 27.\n\nBest,\n"
        "Sam Okafor",
        "states_only_scope_on_record",
    )
    assert not check.passed


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("fr_deal", "The proposal covers your 6 workshops."),  # the record's "ateliers" in English
        ("fr_deal", "Das Angebot deckt Ihre 6 Werkstätten ab."),
        ("fr_deal", "La propuesta cubre sus 6 talleres."),
        ("salesforce_opportunity", "La proposition couvre vos 9 cliniques."),
    ],
)
def test_the_records_kind_of_site_in_another_language_is_the_same_kind(record, body):
    assert invented_site_counts(body, _ctx(record)) == []


@pytest.mark.parametrize(
    "body",
    [
        "Rather than quote figures by email, I'm putting both options side by side in the document.",  # set 21's en-g2
        "Rather than proposing a date now, I will wait for your reply.",
        "Au lieu de proposer une date, j'attends votre retour.",
        "Statt Angebote zu vergleichen, lohnt sich ein Blick auf die Rechnung.",
    ],
)
def test_instead_of_a_way_of_writing_replaces_no_request(body):
    ctx = _ctx("hubspot_deal")
    assert replaced_ask(latest_ask(ctx), body) == ""


@pytest.mark.parametrize(
    ("record", "body"),
    [
        ("hubspot_deal", "Rather than a full written proposal, how about a pilot at one depot?"),
        ("de_deal", "Statt eines ausführlichen Angebots schlage ich eine Testphase vor."),
        ("es_opportunity", "En vez de una propuesta cerrada, ¿qué le parece una prueba de un mes?"),
    ],
)
def test_instead_of_the_request_with_an_adjective_is_still_a_swap(record, body):
    assert replaced_ask(latest_ask(_ctx(record)), body)
