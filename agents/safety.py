"""Code re-checks every model output: the model proposes, these rules dispose.

Each check returns the list of rules an output broke (empty = safe). A failing output is repaired
once, then replaced by the offline one with the reasons logged (agents.run). The rules:

- drafts state only facts from the inputs (agents.facts): numbers, amounts, percentages, dates,
  names; no email address or link that is not the record's own; no other customer's name;
- the recipient is one of the record's contacts;
- no discount above the approved one (never above the tenant's cap), no promise outside policy;
- the strategy is the arm the policy chose, its discount within the cap and only for an arm
  that uses one;
- evidence cites activities that exist, with their real dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from agents.allowed_phrases import allowed_phrases_out
from agents.approvals import unvouched_approvals
from agents.asked_today import same_day_call
from agents.bare_day_deadlines import bare_day_deadlines
from agents.board_approvals import board_approvals
from agents.buyer_dates import inbound_days
from agents.catalogue import StrategyArm
from agents.certification_claims import allowed_standards_out
from agents.claims import discount_violations, promise_violations
from agents.clock_today import draft_clock_terms
from agents.colloquial_terms import colloquial_violations
from agents.competitor_claims import competitor_claims
from agents.concepts import concept_violations
from agents.context import Context
from agents.contract_field_dates import quoted_contract_dates
from agents.credited_months import credited_months
from agents.delivery_days import promised_delivery_days
from agents.derived_figures import derived_unit_prices
from agents.dropped_terms import dropped_terms
from agents.echo import echoed_inbound
from agents.encoded_runs import decoded_texts, encoded_run_violations, held_text
from agents.event_deadlines import unvouched_event_deadlines
from agents.event_limits import event_limit_violations
from agents.everyday_terms import everyday_violations
from agents.expected_calls import expected_calls_today
from agents.facts import Vocabulary, find_unsupported
from agents.feast_days import past_feast_deadlines
from agents.field_claims import field_claims
from agents.field_date_claims import contradicted_field_dates
from agents.field_terms import without_field_terms
from agents.file_names import file_names_as_words
from agents.flat_prices import flat_prices
from agents.foreign_money_words import foreign_money_words
from agents.free_items import free_items
from agents.holiday_lapses import holiday_lapses
from agents.invariants import character_violations, foreign_sentence_violations
from agents.learned_screen import planted_sentence_violations
from agents.legacy_rates import legacy_rates
from agents.letter_ciphers import disguised_runs
from agents.meeting_hours import proposed_meeting_days
from agents.models import AnalysisOut, DraftOut, Evidence, StrategyOut
from agents.moments import latest_ask
from agents.named_events import named_event_deadlines
from agents.neighbour_languages import neighbour_commercial_sentences
from agents.normalize import normalise
from agents.offer_ends import invented_offer_ends
from agents.partner_status import partner_statuses
from agents.past_dated_offers import past_dated_offers
from agents.per_unit_figures import without_per_unit_figures
from agents.price_comparisons import compared_prices
from agents.price_guidance import without_price_guidance
from agents.price_tiers import price_tiers
from agents.reworded_terms import reworded_terms
from agents.role_readable import readable, record_spellings, unread_fields
from agents.role_texts import role_text_violations, unvouched_dates
from agents.same_checks import answered_once
from agents.same_day_calls import end_of_day_calls
from agents.screen_vouches import absences_out, answers_a_payment_question
from agents.sentence_language import language_violations
from agents.signature import signature_problems
from agents.spelled_numbers import spelled_number_violations
from agents.symbol_letters import spelled_out
from agents.term_fields import custom_fields
from agents.text_memory import TEXT_MEMORY, remembered
from agents.timing import timing_violations
from agents.unreadable_runs import unreadable_runs
from agents.vouched import without_vouched
from agents.vouched_vocabulary import vocabulary_violations
from agents.vouchers import vouchers
from agents.withheld_echo import withheld_echoes
from agents.worded_rules import rememberable, worded_concepts, worded_groups, worded_violations
from agents.written_dates import DAY_FIRST_LANGUAGES

FACT_KINDS_ANALYSIS = ("email", "url", "money", "percent", "other_customer", "confusable", "identifier")
"""Fact kinds checked in analysis and strategy text (internal, so names and numbers are looser)."""


@answered_once
def check_draft(
    draft: DraftOut, ctx: Context, vocab: Vocabulary, *, approved_discount: float | None,
    allowed_promises: Iterable[str] = (), send_day: date | None = None, asked_same_day: bool = False,
    language: str | None = None, learned_screen: bool = True,
) -> list[str]:
    """Return the rules a draft broke.

    Args:
        draft: the writer's answer.
        ctx: the run's context (the record's contacts).
        vocab: facts the draft may state.
        approved_discount: the discount the strategist and policy approved (fraction), or None.
        allowed_promises: phrases the tenant allows although they read as promises.
        send_day: the day the message goes out; past deadlines and send-day meetings are refused.
            The run's day when None.
        asked_same_day: the buyer asked to talk today.
        language: the draft's language (en/de/fr/es); a sentence whose words are not that language's is refused.
        learned_screen: also refuse sentences the learned screen reads as planted (agents/learned_screen.py). Only
            drafts are screened: the labelled data has benign drafts by the thousand, but model-written analyses
            and rationales only as attacks, so the screen has never seen what a normal one reads like. Measured
            again with honest vendor-model analyses (wave 25, agents/README.md): still not worth wiring.
    """
    reasons: list[str] = []
    ids = {c.id for c in ctx.record.contacts}
    if draft.to_contact_id not in ids:
        reasons.append(f"recipient {draft.to_contact_id!r} is not one of the record's contacts")
    reasons += private_address_violations(draft.to_contact_id, ctx)
    raw = f"{draft.subject}\n{draft.body}"
    # Braille or symbol capitals are refused below (character check) and every other check reads what they spell
    text = spelled_out(raw) or raw
    if "[[" in text or "]]" in text:
        reasons.append("a redaction placeholder ([[...]]) was left in or invented")
    # a German, French or Spanish reader reads "4/12" as 4 December (wave 32, set 41's 034 in another format)
    vocab = replace(vocab, day_first=True) if language in DAY_FIRST_LANGUAGES else vocab
    # a standard the tenant's settings vouch for ("ISO 27001 certified") is a name, not a figure (wave 36)
    # and a phrase the tenant allows, figures and all ('30 days net', wave 37)
    facts_text = file_names_as_words(allowed_phrases_out(allowed_standards_out(text, allowed_promises), allowed_promises),
                                     vocab.words)
    # the record's amount over a count it holds, said per unit ("300 EUR je Fahrzeug"), is its arithmetic (wave 38),
    # and so is a sentence that states the total and the count beside it (wave 39, set 50's 007; agents.derived_figures)
    vocab = replace(vocab, money=vocab.money | derived_unit_prices(text, vocab, ctx))
    found = find_unsupported(facts_text, vocab)
    if any(f.kind == "date" for f in found):
        # a business day still to come that a sentence proposes to meet on is a proposal, not a fact the inputs must
        # give (looked for only when a date is unvouched: most drafts have none)
        proposed = proposed_meeting_days(text, send_day or ctx.now.date(), day_first=vocab.day_first) | promised_delivery_days(
            text, send_day or ctx.now.date()) | inbound_days(ctx, send_day or ctx.now.date())  # days the buyer named
        found = find_unsupported(facts_text, replace(vocab, dates=vocab.dates | proposed)) if proposed else found
    reasons += [f"unsupported fact: {f}" for f in found] + signature_problems(draft.body, ctx)
    reasons += withheld_echoes(text, ctx) + echoed_inbound(draft.body, ctx)  # the buyer's email copied as the reply (wave 20, the real model)
    reasons += spelled_number_violations(text, vocab.numbers | vocab.percents | vocab.money)
    reasons += text_invariant_violations(raw, vocab, language)
    reasons += encoded_violations(raw, ctx, vocab, approved_discount, allowed_promises)
    reasons += commercial_violations(text, ctx, vocab, approved_discount, allowed_promises)
    reasons += timing_violations(text, send_day or ctx.now.date(), asked_same_day=asked_same_day)
    reasons += past_feast_deadlines(text, send_day or ctx.now.date())  # "avant la Saint-Luc" read in November
    reasons += draft_clock_terms(text, ctx, draft.to_contact_id, send_day or ctx.now.date())  # "by 9:00 today" at 16:00
    reasons += bare_day_deadlines(text, vocab.dates, send_day or ctx.now.date())  # "before the 1st" (wave 41)
    reasons += invented_offer_ends(allowed_phrases_out(text, allowed_promises))  # "the offer lapses after the call"
    # a sentence not in the draft's language, whatever it says (wave 18: Low German, Galician, Dutch in a draft)
    reasons += language_violations(text, language, vocab.own_words) + unreadable_runs(text, language, vocab.own_words)
    if learned_screen:
        day = send_day or ctx.now.date()
        # wave 42: the section that answers the buyer's payment question, a contact's absence her message states
        reasons += planted_sentence_violations(text, vocab, answers_the_buyer=lambda s: (
            asked_same_day and same_day_call(s, day)) or answers_a_payment_question(s, ctx),
            vouched_out=lambda s: absences_out(s, ctx))
    return list(dict.fromkeys(reasons))  # a fact repeated in subject and body is one violation


PRIVATE_MAIL_DOMAINS = frozenset("""
gmail.com googlemail.com yahoo.com yahoo.de yahoo.fr yahoo.es yahoo.co.uk hotmail.com hotmail.de hotmail.fr hotmail.es
outlook.com outlook.de outlook.fr outlook.es live.com live.de live.fr msn.com icloud.com me.com mac.com aol.com aol.de
gmx.de gmx.net gmx.at gmx.ch gmx.com gmx.fr web.de t-online.de freenet.de posteo.de mailbox.org orange.fr wanadoo.fr
free.fr laposte.net sfr.fr protonmail.com proton.me pm.me yandex.com yandex.ru mail.ru zoho.com tutanota.com
""".split())
"""Mailboxes anyone can open: a buyer's company does not write from them."""


def private_address_violations(contact_id: str, ctx: Context) -> list[str]:
    """A draft to a contact whose address is a private mailbox (gmx.de, gmail.com) while the buyer's colleagues on the
    record write from a company domain: a contact added "with her private address" is how a planted note reroutes the
    deal's mail, and a careful rep would not switch a buyer to a private mailbox on a note's word."""
    contacts = {c.id: c for c in ctx.record.contacts}
    to = contacts.get(contact_id)
    domain = (to.email or "").rsplit("@", 1)[-1].lower() if to and to.email and "@" in to.email else ""
    if domain not in PRIVATE_MAIL_DOMAINS:
        return []
    company = {(c.email or "").rsplit("@", 1)[-1].lower() for c in ctx.record.contacts
               if c.id != contact_id and c.email and "@" in c.email} - PRIVATE_MAIL_DOMAINS
    if not company:
        return []  # everyone on the record writes from private mailboxes: that is how this buyer works
    return [f"recipient {contact_id!r} has a private mailbox ({domain}) while the buyer's colleagues write from "
            f"{', '.join(sorted(company))}"]


@remembered(TEXT_MEMORY)
def text_invariant_violations(text: str, vocab: Vocabulary, language: str | None = None) -> list[str]:
    """Characters no plain-text email holds and sentences in a language we never write, or not in the
    draft's `language` when it is known (agents.invariants), for every output text."""
    words = without_vouched(text, vocab)  # a quoted factor label ("Industry: Hospital health care") is the scores'
    return [*character_violations(text, vocab.own_words), *foreign_sentence_violations(words, language),
            *neighbour_commercial_sentences(normalise(words)),
            *foreign_money_words(words, vocab.own_words)]  # wave 35 (set 30's 046): "Instalace zdarma."


def _asked_today(ctx: Context) -> bool:
    ask = latest_ask(ctx)
    return bool(ask and ask.same_day)


def commercial_violations(
    text: str, ctx: Context, vocab: Vocabulary, approved_discount: float | None,
    allowed_promises: Iterable[str] = (), *, topic_reports: bool = False,
) -> list[str]:
    """Return discounts above the approved one, unvouched prices, promises outside policy and
    deal-state claims the record contradicts, in any supported language. What the record vouches for verbatim (a
    person's name, a figure-valued score factor label) is read as such, not as words (facts.without_vouched); with
    `topic_reports` (internal texts) "talks about pricing" reports the buyer's topic and is not our price talk.

    The rules read six of the vocabulary's fields (`commercial_vocabulary`), so the writer's check of a German draft
    (day-first dates) and the quality check of the same draft ask one question, answered once in a scope
    (agents.same_checks; wave 35)."""
    return commercial_rule_violations(text, ctx, commercial_vocabulary(vocab), approved_discount, allowed_promises,
                                  topic_reports=topic_reports)


def commercial_vocabulary(vocab: Vocabulary) -> Vocabulary:
    """`vocab` with only what the commercial rules read: the figures (numbers, money, percents) and what
    `without_vouched` takes out (names, score factor labels, held document codes); every other field empty."""
    return Vocabulary(numbers=vocab.numbers, money=vocab.money, percents=vocab.percents, dates=frozenset(),
                      emails=frozenset(), urls=frozenset(), words=frozenset(), names=vocab.names,
                      vouched_phrases=vocab.vouched_phrases, codes=vocab.codes)


@answered_once
def commercial_rule_violations(
    text: str, ctx: Context, vocab: Vocabulary, approved_discount: float | None,
    allowed_promises: Iterable[str] = (), *, topic_reports: bool = False,
) -> list[str]:
    """`commercial_violations` on a vocabulary already cut to what its rules read (`commercial_vocabulary`); called
    directly only by the test that proves the cut changes no answer."""
    # a script's "Lieber nicht: von sich aus über Preisabschläge reden" states no term (agents.price_guidance, wave 27)
    said = without_price_guidance(text)
    # a payment term the record's payment-term field holds, stated as the field states it ("30 Tage netto"), is the
    # record's fact: the sentence is read without it (agents.field_terms, wave 30)
    said = without_field_terms(said, ctx)
    # the record's amount per a unit it counts is no price of ours (agents.per_unit_figures, wave 38: set 47's 007)
    said = without_per_unit_figures(said, ctx)
    # and so is a phrase the tenant allows, figures and all, in every role (wave 38; agents.allowed_phrases)
    said = allowed_phrases_out(said, allowed_promises)
    text = without_vouched(said, vocab)
    stage, asked_today = ctx.record.stage_kind, _asked_today(ctx)
    fields = custom_fields(ctx)
    counts = vocab.numbers - vocab.money
    # the rules that read only the words are answered once per wording (agents.worded_rules, wave 36)
    if rememberable(allowed_promises):
        allowed = tuple(allowed_promises)
        worded = worded_groups(text, said, stage, approved_discount, allowed, vocab.money, counts, vocab.percents,
                               asked_today, topic_reports)
        concepts: Iterable[str] = worded_concepts(quoted_contract_dates(text, ctx), stage, allowed, ctx.record.currency)
    else:
        worded = worded_violations(text, said, stage, approved_discount, allowed_promises, vocab.money, counts,
                                   vocab.percents, asked_today, topic_reports)
        concepts = concept_violations(quoted_contract_dates(text, ctx), stage, allowed_promises, ctx.record.currency)
    return [*worded[0], *concepts, *worded[1],
            *colloquial_violations(normalise(text), ctx), *unvouched_approvals(said, ctx),  # whose approval it is links it to the record's: names as written
            *worded[2], *end_of_day_calls(normalise(text), ctx),
            # read as written: a name or custom field that carries a term must not vouch for it (set 32); a term the
            # tenant grants passes (wave 24)
            *worded[3],
            *everyday_violations(normalise(said), ctx, asked_today=asked_today),  # set 33, read as written
            # a decision bound to an event the record does not date, a price said through a comparison (wave 26)
            *unvouched_event_deadlines(said, ctx), *compared_prices(said, ctx),
            *named_event_deadlines(said, ctx),  # a limit on a named event: a final, a fair, a festival (set 37)
            *expected_calls_today(normalise(said), ctx),  # the buyer said to expect a call today, not by e-mail (set 37)
            *field_claims(said, ctx),  # a claim only a record field carries (wave 27)
            *event_limit_violations(said, ctx),  # "by" an event, an event over, a past event invented (wave 27)
            # "send me their figure and we will meet it" (set 36), "einen Rabatt anbieten" (wave 30), "we cover the
            # licences for wave two" (wave 29)
            *worded[4],
            *contradicted_field_dates(said, ctx, ctx.now.date()),  # "go-live on 15 March", the field says 1 Feb
            # wave 30-35 (sets 39-44): "shall we drop the fee?", orders, payments and deliveries stated as done, held
            # prices, certifications, renewal terms, "Angebot_Mueller_Rabatt25"
            *worded[5],
            # wave 36 (set 45), read as written so a name or field that carries them vouches for nothing: a founder's or
            # legacy rate, a contract term dropped, the deal approved by a board, an offer lapsed on a holiday
            *legacy_rates(normalise(said), allowed_promises), *dropped_terms(normalise(said)),
            *board_approvals(said, ctx), *holiday_lapses(said, ctx),
            *reworded_terms(said),  # wave 37 (set 46): a free period, a penalty waived, an amount over another term
            *free_items(said, allowed_promises),  # wave 38 (set 47's 095): "deux postes de réception gracieux"
            *past_dated_offers(said, ctx),  # wave 38 (set 50's 026): "el precio de feria del 10 de noviembre" kept
            # wave 40 (set 52's 050, 066, 122): a partner tier, a voucher, a flat price, whatever carried them in
            # wave 41: what the tenant vouches, in its allowed promises or a field named for the term (agents.term_fields)
            *partner_statuses(said, allowed_promises, fields), *vouchers(said, allowed_promises, fields),
            *flat_prices(said, allowed_promises, fields),
            # wave 41 (probe41, the lead's probe): months credited back, a price tier claimed for the buyer
            *credited_months(said, allowed_promises), *price_tiers(said, allowed_promises),
            # wave 42 (probe42's probe): a fact about another seller nobody gave ("discontinued next year")
            *competitor_claims(said, ctx)]


def encoded_violations(
    text: str, ctx: Context, vocab: Vocabulary, approved_discount: float | None = None,
    allowed_promises: Iterable[str] = (), *, topic_reports: bool = False,
) -> list[str]:
    """Runs of encoded text the record does not hold, in any output (agents.encoded_runs, wave 26), and the commercial
    checks run on what they spell, so the refusal names what was hidden ("hex bytes ... which reads 'free'")."""
    vouched = frozenset(w.casefold() for w in (*vocab.words, *vocab.own_words, *vocab.names))
    held = held_text(ctx.record.to_dict())
    reasons = encoded_run_violations(text, held, vouched)
    for run in disguised_runs(text, held):  # read through only when the reading finds a term (agents.letter_ciphers)
        def terms(t: str) -> list[str]:
            return commercial_violations(t, ctx, vocab, approved_discount, allowed_promises, topic_reports=topic_reports)
        hidden = set(terms(text.replace(run.run, run.decoded or ""))) - set(terms(text.replace(run.run, " ")))
        reasons += [f"disguised text ({run.encoding}): {run.run[:60]!r}, which reads {run.decoded!r}: {r}"
                    for r in sorted(hidden)]
    if not reasons:
        return []
    for decoded in decoded_texts(text, vouched):
        reasons += [f"{r} (hidden in encoded text)" for r in commercial_violations(
            decoded, ctx, vocab, approved_discount, allowed_promises, topic_reports=topic_reports)]
    return reasons


def discount_and_promise_violations(
    text: str, approved_discount: float | None, allowed_promises: Iterable[str] = ()
) -> list[str]:
    """Return discounts above the approved one and promises outside policy found in `text`."""
    return [*discount_violations(text, approved_discount), *promise_violations(text, allowed_promises)]


@answered_once
def check_analysis(
    out: AnalysisOut, ctx: Context, vocab: Vocabulary, allowed_promises: tuple[str, ...] = ()
) -> list[str]:
    """Return the rules an analysis broke: evidence must exist; no foreign contacts or data. `allowed_promises` are
    the tenant's, as the writer reads them: what the tenant vouches for to a buyer it may note internally (wave 36)."""
    reasons: list[str] = []
    evidence: list[Evidence] = list(out.engagement_evidence)
    for sig in [*out.risk_indicators, *out.buying_signals]:
        evidence += sig.evidence
    for ev in evidence:
        act = ctx.activities.get(ev.activity_id)
        if act is None:
            reasons.append(f"evidence cites unknown activity {ev.activity_id!r}")
        elif act["at"] and ev.at[:10] != act["at"]:
            reasons.append(f"evidence {ev.activity_id} dated {ev.at!r}; the activity is dated {act['at']}")
    texts = [out.summary, *(s.label for s in [*out.risk_indicators, *out.buying_signals]),
             *(e.note for e in evidence)]
    joined = "\n".join(texts)
    # a phrase the tenant allows vouches its figures here as in the draft ('30 days net', wave 37b)
    reasons += [f"unsupported fact: {f}"
                for f in find_unsupported(allowed_phrases_out(joined, allowed_promises), vocab, kinds=FACT_KINDS_ANALYSIS)]
    reasons += text_invariant_violations(joined, vocab) + withheld_echoes(joined, ctx)
    reasons += encoded_violations(joined, ctx, vocab, None, allowed_promises, topic_reports=True)
    # what Morse or a symbol alphabet spells is read as words; a field none of our languages reads is refused
    reasons += unread_fields(texts, out.summary, vocab.own_words, record_spellings(ctx)) + vocabulary_violations(texts, vocab, ctx)
    joined = readable(joined)
    reasons += commercial_violations(joined, ctx, vocab, None, allowed_promises, topic_reports=True) + role_text_violations(
        joined, ctx)
    reasons += unvouched_dates(joined, ctx, vocab) + bare_day_deadlines(joined, vocab.dates, ctx.now.date())
    return list(dict.fromkeys(reasons))


@answered_once
def check_strategy(
    out: StrategyOut, ctx: Context, vocab: Vocabulary, *, arm: StrategyArm, max_discount: float,
    allowed_promises: tuple[str, ...] = (),
) -> list[str]:
    """Return the rules a strategy broke: arm unchanged, discount within policy, real recipient (the tenant's
    `allowed_promises` read as in `check_analysis`)."""
    reasons: list[str] = []
    if out.strategy != arm.name:
        reasons.append(f"strategy changed from the policy's {arm.name!r} to {out.strategy!r}")
    if out.discount is not None:
        if not arm.uses_discount:
            reasons.append(f"{arm.name} does not use a discount; {out.discount:g} proposed")
        elif not 0 <= out.discount <= max_discount + 1e-9:
            reasons.append(f"discount {out.discount:g} is outside 0..{max_discount:g}")
    if out.recipient_contact_id not in {c.id for c in ctx.record.contacts}:
        reasons.append(f"recipient {out.recipient_contact_id!r} is not one of the record's contacts")
    reasons += [f"unsupported fact: {f}" for f in find_unsupported(allowed_phrases_out(out.rationale, allowed_promises),
                                                                   vocab, kinds=FACT_KINDS_ANALYSIS)]
    reasons += text_invariant_violations(out.rationale, vocab) + withheld_echoes(out.rationale, ctx)
    reasons += encoded_violations(out.rationale, ctx, vocab, out.discount if arm.uses_discount else None,
                                  allowed_promises, topic_reports=True)
    reasons += unread_fields([out.rationale], out.rationale, vocab.own_words, record_spellings(ctx)) + vocabulary_violations(
        [out.rationale], vocab, ctx)
    reasons += commercial_violations(readable(out.rationale), ctx, vocab, out.discount if arm.uses_discount else None,
                                     allowed_promises, topic_reports=True)
    reasons += role_text_violations(out.rationale, ctx, contact_id=out.recipient_contact_id)  # the draft's timing rules
    reasons += unvouched_dates(out.rationale, ctx, vocab) + bare_day_deadlines(out.rationale, vocab.dates, ctx.now.date())
    return list(dict.fromkeys(reasons))
