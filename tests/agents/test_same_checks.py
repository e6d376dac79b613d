"""agents.same_checks: inside a scope a check asked the same question twice runs once; outside one it always runs, a
question that differs in any content is asked anew, and an answer handed out cannot be changed by its receiver."""

from __future__ import annotations

from dataclasses import replace

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from agents.same_checks import answered_once, same_checks
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record

asked: list[tuple] = []


@answered_once
def _rule(text, ctx, vocab, discount=None, *, promises=()):
    asked.append((text, discount))
    return [f"{text} {discount}"] if "free" in text else []


def _context(record=None):
    record = record or load_record()[0]
    return build_context(record, None, now=NOW)


def test_outside_a_scope_every_call_runs_so_a_patched_rule_is_always_seen():
    asked.clear()
    ctx = _context()
    vocab = build_vocabulary(ctx)
    _rule("free trial", ctx, vocab)
    _rule("free trial", ctx, vocab)
    assert len(asked) == 2


def test_inside_a_scope_the_same_question_about_an_equal_record_is_answered_once():
    asked.clear()
    with same_checks():
        first = _rule("free trial", _context(), build_vocabulary(_context()))
        # another Context object built from another parse of the same record: equal content, so the same question
        again = _rule("free trial", _context(), build_vocabulary(_context()))
    assert first == again == ["free trial None"]
    assert len(asked) == 1


def test_a_question_differing_in_text_number_type_record_or_keyword_is_asked_again():
    asked.clear()
    record = load_record()[0]
    other = replace(record, activities=(*record.activities, Activity(type="note", at="2026-11-20T10:00:00Z",
                                                                     subject="x", body="free as agreed")))
    ctx = _context(record)
    vocab = build_vocabulary(ctx)
    with same_checks():
        _rule("free trial", ctx, vocab, 1)
        _rule("free trial", ctx, vocab, 1.0)  # equal as numbers, not as what was given
        _rule("free trial", ctx, vocab, True)
        _rule("free trial.", ctx, vocab, 1)
        _rule("free trial", _context(other), build_vocabulary(_context(other)), 1)
        _rule("free trial", ctx, vocab, 1, promises=("free trial",))
        _rule("free trial", ctx, vocab, 1)  # asked before: answered from memory
    assert len(asked) == 6


def test_an_answer_changed_by_its_receiver_is_not_the_next_receivers_answer():
    ctx = _context()
    vocab = build_vocabulary(ctx)
    with same_checks():
        answer = _rule("free trial", ctx, vocab)
        answer.append("changed by the caller")
        assert _rule("free trial", ctx, vocab) == ["free trial None"]


def test_an_argument_with_no_content_key_makes_the_check_run_every_time():
    asked.clear()
    ctx = _context()
    vocab = build_vocabulary(ctx)
    opaque = object()
    with same_checks():
        _rule("free trial", ctx, vocab, opaque)
        _rule("free trial", ctx, vocab, opaque)
    assert len(asked) == 2


def test_the_draft_check_answers_the_same_in_a_scope_as_outside_and_sees_a_model_changed_in_between():
    record, scores = load_record()
    ctx = build_context(record, scores, now=NOW)
    vocab = build_vocabulary(ctx, score_figures=False)
    contact = record.contacts[0].id
    draft = DraftOut(to_contact_id=contact, subject="Next step", body="We can waive the fee and give 40% off.")
    outside = check_draft(draft, ctx, vocab, approved_discount=None)
    assert outside, "a waived fee and an unapproved discount are refused"
    with same_checks():
        assert check_draft(draft, ctx, vocab, approved_discount=None) == outside
        draft.body = "Would Thursday at 10:00 suit you for a short call?"  # the same object, other content
        assert check_draft(draft, ctx, vocab, approved_discount=None) == check_draft(
            draft, build_context(record, scores, now=NOW), vocab, approved_discount=None) != outside
