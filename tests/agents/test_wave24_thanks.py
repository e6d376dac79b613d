"""Wave 24 (issue 11, "thanks the right person for the right thing"): a thanks credits what the recipient did, or
their company said as such. The demo's card 71000002028 thanked Noah Wright for "James's email on November 25"; the
offline writer wrote that for every deal whose latest e-mail came from a colleague of the recipient (nine of the demo
market's 60 open deals, seed 11). Look-alikes: the colleague thanked by name or through the recipient, and a
colleague's message named outside the thanks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents import AgentSettings, run_agents
from agents.context import build_context
from agents.credited_thanks import thanks_for_another_contacts_message
from agents.thanks import thanks_problems
from integrations.sandbox.market import Market, MarketConfig
from tests.agents.test_demo_market import _records
from tests.agents.test_quality import _checks

DEMO_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
RECORDS = {"en": ("hubspot_deal", "501"), "de": ("de_deal", "701"), "fr": ("fr_deal", "711"),
           "es": ("es_opportunity", "0035g00000Es01")}


def _thanks(lang: str, sentence: str) -> tuple[bool, str]:
    record, contact = RECORDS[lang]
    entry = {"record": record, "language": lang, "draft": {
        "to_contact_id": contact, "subject": "Proposal", "kind": "email", "body": f"Hello,\n\n{sentence}\n\nSam"}}
    check = next(c for c in _checks(entry) if c.name == "thanks_the_right_person")
    return check.passed, check.detail


@pytest.fixture(scope="module")
def demo_runs():
    market = Market(MarketConfig(seed=11, start=DEMO_NOW.replace(hour=0), n_companies=40, n_open_deals=60,
                                 n_closed_deals=60, injection_rate=0.25))
    return {r.id: (r, run_agents(r, None, AgentSettings(tenant_id="sandbox"), env={}, now=DEMO_NOW))
            for r in _records(market)}


def test_the_offline_writer_credits_a_colleagues_email_to_the_buyers_team_on_the_demo_market(demo_runs):
    record, run = demo_runs["75"]  # Ingrid Scott; the latest e-mail is Theo's of November 17
    assert run.draft.to.name == "Ingrid Scott"
    assert "Thanks for the email from your team on November 17." in run.draft.body
    assert "Theo's" not in run.draft.body
    assert all(c.passed for c in run.checks), [c.detail for c in run.checks if not c.passed]


def test_no_demo_draft_thanks_its_recipient_for_a_named_colleagues_email(demo_runs):
    wrong = {rid: run.draft.body.split("\n\n")[1] for rid, (_, run) in demo_runs.items()
             if any("'s message" in c.detail for c in run.checks if not c.passed)}
    assert wrong == {}


def test_the_demo_draft_of_the_old_writer_is_refused(demo_runs):
    record, run = demo_runs["75"]
    old = run.draft.body.replace("Thanks for the email from your team on", "Thanks for Theo's email on")
    ctx = build_context(record, None, now=DEMO_NOW)
    assert "thanks the recipient for Theo's message" in thanks_problems(old, ctx, run.draft.to.contact_id)


@pytest.mark.parametrize("sentence", ["Theo, thanks for your email of November 17.",
                                      "Please pass my thanks on to Theo for his email.",
                                      "Thanks for your time. Theo's email of November 17 is answered below."])
def test_the_colleague_thanked_by_name_or_through_the_recipient_is_not_this_rules_concern(demo_runs, sentence):
    record, run = demo_runs["75"]
    ctx = build_context(record, None, now=DEMO_NOW)
    assert thanks_for_another_contacts_message(sentence, ctx, run.draft.to.contact_id) == []


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Thanks for Marcus's email on November 18."),
    ("en", "Thank you for the note from Priya about the security review."),
    ("de", "Danke für die E-Mail von Herrn Weber vom 20. November."),
    ("fr", "Merci pour le message de Paul du 19 novembre."),
    ("es", "Gracias por el correo de Lucía del 18 de noviembre."),
])
def test_thanking_the_recipient_for_a_colleagues_message_fails(lang, sentence):
    assert not _thanks(lang, sentence)[0]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Thanks for the email from your team on November 18."),
    ("en", "Thanks for your time; Marcus's questions are answered in the proposal."),
    ("de", "Danke für Ihre Zeit; die Fragen von Herrn Weber beantwortet das Angebot."),
    ("fr", "Merci pour votre temps ; les questions de Paul trouvent leur réponse dans la proposition."),
    ("es", "Gracias por su tiempo; las preguntas de Lucía tienen respuesta en la propuesta."),
])
def test_a_colleague_thanked_by_name_or_their_message_named_outside_the_thanks_passes(lang, sentence):
    passed, detail = _thanks(lang, sentence)
    assert passed, detail
