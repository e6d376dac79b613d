"""Record-level acceptance on records written in wave 6 without looking at the checks: questions asked
indirectly, in the subject only, in other languages, several inbound emails of which only the latest
counts, and displeasure or leaving worded without "angry" or "cancel".

First measurement (before the changes they prompted): 5 of 13 questions taken up (indirect requests and
subject-only questions were not read as questions), 3 of 11 displeased or leaving buyers escalated."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest

from agents import AgentSettings, Policy, decide, run_agents
from agents.context import build_context
from agents.decision import LlmResult
from agents.moments import ASK_TOPICS, latest_ask
from agents.quality import answers_question
from agents.timing import timing_violations
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record

TOPIC = dict(ASK_TOPICS)


def _record(name: str, *emails: tuple[str, str, str]):
    """The fixture record with inbound emails (at, subject, body) added, oldest first."""
    record, scores = load_record(name)
    added = tuple(Activity(type="email", at=at, direction="inbound", subject=subject, body=body)
                  for at, subject, body in emails)
    return replace(record, activities=record.activities + added), scores


LATE = "2026-11-24T14:00:00Z"
EARLIER = "2026-11-23T09:30:00Z"

ASKS = {  # case: (record, emails, the topic the reply must take up, the buyer's language)
    "indirect-en-seats": ("hubspot_deal", [(LATE, "Re: Proposal timing",
                          "Hi Sam, it would help to know how many licences the six depots would need before Marcus "
                          "looks at it. Dana")], "seats", "en"),
    "indirect-en-wondering": ("salesforce_opportunity", [(LATE, "Re: Demo follow-up",
                              "Hi Rachel, I was wondering whether the two-wave rollout could start in January. Elena")],
                              "timeline", "en"),
    "please-send-contract": ("hubspot_deal", [(LATE, "Paperwork", "Sam - please send over the contract so legal can "
                             "start reading. Thanks, Dana")], "contract", "en"),
    "subject-only-en": ("hubspot_deal", [(LATE, "Seat count for the 6 depots?", "Thanks, Dana")], "seats", "en"),
    "subject-only-de": ("de_deal", [(LATE, "Wie sieht der Zeitplan für den Start aus?", "Viele Grüße, Anna Schmidt")],
                        "timeline", "de"),
    "latest-counts-en": ("hubspot_deal", [(EARLIER, "Pricing", "Sam, what would the price be for a 2-year term? Dana"),
                                          (LATE, "Re: Pricing", "Scratch that - can you send the security documentation "
                                           "for Priya first? Dana")], "security", "en"),
    "latest-counts-fr": ("fr_deal", [(EARLIER, "Licences", "Combien de licences faut-il pour 6 ateliers ? Claire"),
                                     (LATE, "Re: Licences", "Finalement, pourriez-vous plutôt nous envoyer le contrat "
                                      "pour relecture ? Claire")], "contract", "fr"),
    "latest-counts-es": ("es_opportunity", [(EARLIER, "Precio", "¿Cuál sería el precio para 85 camiones? Javier"),
                                            (LATE, "Re: Precio", "Olvide lo anterior: ¿podrían enviarnos referencias de "
                                             "otros clientes del sector? Javier")], "references", "es"),
    "indirect-de": ("de_deal", [(LATE, "Re: Angebot", "Hallo Frau Vogt, ich bräuchte noch eine Übersicht, wie viele "
                    "Lizenzen wir für die 120 Fahrzeuge benötigen. Anna Schmidt")], "seats", "de"),
    "indirect-fr": ("fr_deal", [(LATE, "Re: Proposition", "Bonjour Hugo, je voudrais savoir quel serait le coût par "
                    "atelier. Claire")], "pricing", "fr"),
    "indirect-es": ("es_opportunity", [(LATE, "Re: Propuesta", "Hola Marta, me gustaría saber cuántas licencias "
                    "necesitaríamos para las dos oficinas. Javier")], "seats", "es"),
    "question-word-es": ("es_opportunity", [(LATE, "Demo", "Hola Marta, ¿sería posible hacer una prueba piloto con 10 "
                         "camiones antes de firmar? Javier")], "demo", "es"),
    "lowercase-terse-en": ("hubspot_deal", [(LATE, "re: proposal timing", "any chance of the proposal by fri? d")],
                           "proposal", "en"),
}

ESCALATE = {  # case: (record, emails, expected escalation kind)
    "chased-three-times-en": ("hubspot_deal", [(LATE, "Re: Proposal timing", "Sam, this is the third time I've had to "
                              "chase you for the proposal. Frankly this is not acceptable. Dana")], "negative_sentiment"),
    "let-down-en": ("salesforce_opportunity", [(LATE, "Re: Demo follow-up", "Rachel, I have to say we feel let down: "
                    "the reminders stopped working for two clinics and nobody called us back. Elena")],
                    "negative_sentiment"),
    "going-elsewhere-en": ("hubspot_deal", [(LATE, "Decision", "Hi Sam, after a lot of thought we'll be going in a "
                           "different direction and won't be moving ahead. Thanks for your time. Dana")],
                           "cancellation"),
    "not-renewing-en": ("salesforce_opportunity", [(LATE, "Renewal", "Rachel, we will not be renewing when the term "
                        "ends. Please let us know how to close the account. Tom")], "cancellation"),
    "unzufrieden-de": ("de_deal", [(LATE, "Re: Angebot", "Frau Vogt, wir sind mit der Betreuung überhaupt nicht "
                       "zufrieden. Seit Wochen warten wir auf eine Antwort. Anna Schmidt")], "negative_sentiment"),
    "anderer-anbieter-de": ("de_deal", [(LATE, "Entscheidung", "Hallo Frau Vogt, wir haben uns für einen anderen "
                            "Anbieter entschieden. Anna Schmidt")], "cancellation"),
    "inadmissible-fr": ("fr_deal", [(LATE, "Re: Proposition", "Hugo, c'est inadmissible : trois relances et toujours "
                        "aucune proposition. Claire")], "negative_sentiment"),
    "on-arrete-fr": ("fr_deal", [(LATE, "Décision", "Bonjour Hugo, nous avons choisi une autre solution et n'irons pas "
                     "plus loin. Claire")], "cancellation"),
    "descontentos-es": ("es_opportunity", [(LATE, "Re: Propuesta", "Marta, estamos muy descontentos con el seguimiento: "
                        "nadie nos ha respondido en dos semanas. Javier")], "negative_sentiment"),
    "no-seguimos-es": ("es_opportunity", [(LATE, "Decisión", "Hola Marta, hemos decidido no seguir adelante con el "
                       "proyecto. Javier")], "cancellation"),
    "legal-review-de": ("de_deal", [(LATE, "Re: Angebot", "Hallo Frau Vogt, ich bräuchte noch den Vertrag zur Prüfung "
                        "durch unsere Rechtsabteilung, bevor wir weitermachen. Anna Schmidt")], "legal_compliance"),
    "latest-angry-after-question": ("hubspot_deal", [(EARLIER, "Seats", "How many seats for 6 depots? Dana"),
                                    (LATE, "Re: Seats", "Still nothing from you. Really poor, Sam. Dana")],
                                    "negative_sentiment"),
}


def _run(name, emails):
    record, scores = _record(name, *emails)
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), env={}, now=NOW)
    return record, scores, run


@pytest.mark.parametrize("case", sorted(ASKS))
def test_a_draft_takes_up_the_latest_question_however_it_is_asked(case):
    name, emails, topic, language = ASKS[case]
    record, scores, run = _run(name, emails)
    ask = latest_ask(build_context(record, scores, now=NOW))
    assert ask is not None and topic in ask.topics, ask
    assert run.draft.kind in ("email", "call_script") and run.draft.language == language, run.draft
    assert TOPIC[topic].search(run.draft.body), (topic, run.draft.body)
    assert answers_question(run.draft.body, ask)[0]
    send_day = datetime.fromisoformat(run.next_best_action.due_at).date()
    assert timing_violations(f"{run.draft.subject}\n{run.draft.body}", send_day, asked_same_day=ask.same_day) == []


@pytest.mark.parametrize("case", sorted(ESCALATE))
def test_displeasure_and_leaving_in_other_words_escalate_without_a_customer_draft(case):
    name, emails, kind = ESCALATE[case]
    record, scores, run = _run(name, emails)
    assert run.draft.kind == "owner_brief", run.draft.body
    assert run.draft.to.contact_id not in {c.id for c in record.contacts}
    assert any(e.startswith(kind.replace("_", " ")) for e in run.escalations), run.escalations
    decision = decide(record, scores, LlmResult.from_run(run), Policy(autonomy="auto"))
    assert decision.action == "escalate"


def test_there_are_at_least_20_varied_records():
    assert len(ASKS) + len(ESCALATE) >= 20
    assert {a[3] for a in ASKS.values()} == {"en", "de", "fr", "es"}
    assert not any(re.search(r"angry|cancel", e[2], re.I) for c in ESCALATE.values() for e in c[1])
