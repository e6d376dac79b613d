"""Automatic draft-quality checks, reported per draft (issue 6, scope 4).

A draft passes when it addresses the contact by name, names their company, points at something real (an activity, its
date or a score factor), makes one clear ask (not a favour to us), stays within length, states no fact missing from the
inputs, makes no concession, promise or deal-state claim nobody approved, and has no leftover placeholders."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from agents.acknowledged_days import acknowledged_day
from agents.added_counts import added_to_counts
from agents.asked_by import asked_by_someone_else
from agents.calendar_days import named_days, resolve_day
from agents.capability_claims import unrecorded_capabilities
from agents.carried_things import carried_thing_left_out
from agents.colleague_matters import answered_or_not_theirs
from agents.concrete_anchors import holds_a_fact, more_than_the_document, only_the_document
from agents.confidences import repeated_confidences
from agents.confirmed_points import confirmed_point
from agents.context import Context, parse_time
from agents.counted_sites import invented_site_counts
from agents.counted_things import counted_things
from agents.decision_waits import held_for_decision
from agents.deferred_asks import deferred_ask
from agents.derived_figures import derived_unit_prices
from agents.document_in_other_words import DOCUMENT_TOPICS
from agents.draft_conduct import over_the_contacts_head, pressure_for_the_sellers_target, unrecorded_thread
from agents.draft_language import sentences_in_other_languages, written_language
from agents.draft_tone import tone_problems
from agents.facts import Vocabulary, find_dates, find_unsupported
from agents.familiar_imperatives import familiar_imperative
from agents.favours import favour_asks
from agents.forms_of_address import (
    DRAFT_FORMAL,
    INFORMAL,
    foreign_voseo,
    recorded_form,
    wrong_honorific,
)
from agents.fraction_claims import fraction_claims
from agents.german_nouns import unnamed_claims
from agents.greeting_names import another_double_name, greets_by_short_form, greets_the_group
from agents.late_promises import late_promises
from agents.meeting_hours import PROPOSAL_HORIZON_DAYS, business_hours_violations, foreign_zone_times
from agents.models import Check, Draft
from agents.moments import latest_ask
from agents.named_systems import unrecorded_systems
from agents.next_steps import count_asks, dated_next_step, script_asks
from agents.opening_names import unrecorded_opening_names
from agents.pitched_instead import pitched_instead
from agents.placeholders import PLACEHOLDER as PLACEHOLDER
from agents.product_named import unrecorded_products
from agents.public_holidays import country_code
from agents.question_answers import STOPWORDS, complete_short_reply
from agents.question_answers import answers_question as answers_question
from agents.recalled_calls import unrecorded_phone_calls
from agents.recalled_talks import unrecorded_talks
from agents.record_address import HONORIFIC, addressed_formally, wrong_form_of_address
from agents.record_reading import record_reading_problems
from agents.references import misdated_references, unrecorded_calls, unrecorded_encounters
from agents.replaced_asks import replaced_ask
from agents.reply_needed import closes_a_point, needs_reply
from agents.safety import commercial_violations
from agents.said_of_people import said_of_a_person
from agents.same_checks import answered_once
from agents.seller_interest import pushes_a_colleague
from agents.settings import AgentSettings
from agents.signature import signature_problems
from agents.spelled_numbers import spelled_number_violations
from agents.stated_steps import stated_step
from agents.timed_steps import timed_step
from agents.timing import timing_violations
from agents.titled_greetings import greets_by_title
from agents.unsigned_asks import with_unsigned_sender
from agents.written_dates import date_matches
from agents.zone_conversions import wrong_conversions
from agents.zones import recipient_timezone, zone_is_known

GREETING_WINDOW = 80
"""Characters at the start of the body in which the contact's name must appear."""

_BARE_HONORIFIC = re.compile(r"^\s*(?:dear\s+|ch[eè]re?\s+|estimad[oa]\s+)?"
                             r"(madame|monsieur|sir or madam|madam|señora|señor)\s*[,:\n]", re.I)
"""A formal greeting with no name ("Madame,", "Chère Madame,", "Dear Sir or Madam,", "Estimada señora:")."""


def _fold(text: str) -> str:
    """Lower case without accents, for comparing a greeting with the record's spelling of a name."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def content_words(text: str) -> set[str]:
    """Lowercase words of 4+ letters that are not stopwords (any script with letters)."""
    return {w for w in re.findall(r"[^\W\d_][^\W\d_'-]{3,}", text.lower()) if w not in STOPWORDS}


def bigrams(text: str) -> set[tuple[str, str]]:
    """Adjacent pairs of content words ("budget review", "idle time"): a phrase, not a coincidence."""
    tokens = re.findall(r"[^\W\d_][^\W\d_'-]+", text.lower())
    return {(a, b) for a, b in zip(tokens, tokens[1:], strict=False)
            if len(a) >= 3 and len(b) >= 3 and a not in STOPWORDS and b not in STOPWORDS}


def references_real(body: str, ctx: Context, vocab: Vocabulary) -> str | None:
    """Return what real activity or factor the draft refers to, or None."""
    for value, d in find_dates(body):
        if any(a.get("at") and date_matches(d, frozenset([date.fromisoformat(a["at"])])) for a in ctx.activities.values()):
            return f"activity date {value!r}"
    r = ctx.record
    # The company's, deal's and people's names are in every draft; they show no reference.
    names = " ".join(filter(None, [r.name, r.company.name if r.company else None, r.owner.name if r.owner else None,
                                   *(c.name for c in r.contacts)]))
    generic = content_words(names)
    words = content_words(body) - generic
    grams = {g for g in bigrams(body) if not set(g) & generic}
    bare = not holds_a_fact(body)  # wave 37 (set 47's de-b9): the document's bare name anchors only beside a fact
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        subject = content_words(a.get("subject") or "") - generic
        shared = words & subject
        if len(shared) >= 2 or (subject and len(shared) >= max(1, len(subject)) and not (bare and only_the_document(shared))):
            return f"activity {a['id']} ({', '.join(sorted(shared))})"
        phrase = {g for g in grams & bigrams(f"{a.get('subject') or ''}. {a.get('text') or ''}") if not (bare and only_the_document(g))}
        if phrase:
            return f"activity {a['id']} ({', '.join(sorted(' '.join(p) for p in phrase))})"
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        said = f"{a.get('subject') or ''}. {a.get('text') or ''}"
        # "Tom's two-wave question" for a call note's "go live in two waves": the activity's words made one compound
        for parts in _compounds(body, generic):
            if _names_in(parts, said) and not any(_names_in(parts, f"{b.get('subject') or ''}. {b.get('text') or ''}")
                                                   for b in ctx.activities.values() if b is not a):
                # in this activity alone: "idle-time" or "rendez-vous" run through every record of their product
                return f"activity {a['id']} ({' '.join(parts)})"
    counts = counted_things(body)
    for a in ctx.activities.values():
        # "your 9 clinics", "les 6 ateliers", "two waves": a count with its noun as the customer's own messages state it
        if not a.get("withheld") and counts & counted_things(f"{a.get('subject') or ''} {a.get('text') or ''}"):
            return f"activity {a['id']} ({', '.join(sorted(' '.join(c) for c in counts))})"
    if person := said_of_a_person(body, ctx, generic):  # wave 29: "Tom ... the partners", as the note says of Tom
        return person
    for s in ctx.scores.values():
        if not isinstance(s, Mapping):
            continue
        for f in s.get("factors") or []:
            label = content_words(f.get("label") or "")
            if label and len(words & label) >= min(2, len(label)):
                return f"score factor {f.get('label')!r}"
    return None


def _names_in(parts: tuple[str, ...], text: str) -> bool:
    """Whether the text says the compound's words in a row, hyphenated or not, the last one perhaps in the plural."""
    return re.search(r"\b" + r"[\s-]+".join(map(re.escape, parts)) + r"(?:s|es)?\b", text, re.I) is not None


def _compounds(body: str, generic: set[str]) -> list[tuple[str, ...]]:
    """Hyphenated compounds of the draft with a content word in them ("two-wave", "go-live"; not "follow-up")."""
    out = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", body.lower()):
        parts = tuple(word.split("-"))
        if any(len(p) >= 4 and p not in STOPWORDS and p not in generic for p in parts):
            out.append(parts)
    return out


def proposed_days(text: str, send_day: date) -> frozenset[date]:
    """Business days after the send day, within PROPOSAL_HORIZON_DAYS, that the text names in words as people write
    them ("Tuesday, December 1", "1er décembre"); a machine's "2026-12-02" in an email is no rep's proposal."""
    out = set()
    for value, (year, month, day) in find_dates(text):
        if not re.search(r"[^\W\d_]{3}", value):
            continue
        d = resolve_day(year, month, day, send_day)
        if d is not None and send_day < d <= send_day + timedelta(days=PROPOSAL_HORIZON_DAYS) and d.weekday() < 5:
            out.add(d)
    for n in named_days(text, send_day):
        # "in KW 49", "tomorrow is Thanksgiving": a week or a holiday still to come is a date to propose like any other
        days = (n.first + timedelta(days=i) for i in range((n.last - n.first).days + 1))
        out.update(d for d in days if send_day < d <= send_day + timedelta(days=PROPOSAL_HORIZON_DAYS) and d.weekday() < 5)
    return frozenset(out)


@answered_once
def check_draft_quality(draft: Draft, ctx: Context, vocab: Vocabulary, settings: AgentSettings,
                        *, send_day: date | None = None, approved_discount: float | None = None) -> list[Check]:
    """Run every quality check on one draft.

    Args:
        draft: the writer's draft (recipient already resolved).
        ctx: the run's context.
        vocab: facts the draft may state.
        settings: length limits.
        send_day: the day the draft goes out (the run's day when None).
        approved_discount: the discount code approved for this draft (fraction), or None.

    Returns:
        One Check per rule, in a fixed order.
    """
    body, subject = draft.body, draft.subject
    checks: list[Check] = []
    name = draft.to.name or ""
    first = name.split()[0] if name else ""
    head = body[:GREETING_WINDOW].lower()
    last = name.split()[-1] if len(name.split()) > 1 else ""
    # formal greetings use the surname, informal ones the first name; accents folded ("Sr. Garcia" names García)
    folded, first_f, last_f = _fold(head), _fold(first), _fold(last)
    addressed = bool(first) and (re.search(rf"\b{re.escape(first_f)}\b", folded) is not None
                                 or _fold(name) in folded
                                 # "Frau Schmidts Nachricht": the surname in the genitive still names her
                                 or (bool(last) and re.search(rf"\b{HONORIFIC}\.?\s+{re.escape(last_f)}s?\b",
                                                              folded) is not None))
    # A call script is read by the rep on the phone, not sent: it has no greeting to carry a name, and the recipient is
    # whoever the rep dials. The wrong honorific, register or person still count against it (below).
    scripted = draft.kind == "call_script" and not addressed
    bare = _BARE_HONORIFIC.match(head)
    if bare and not addressed:
        # "Madame," alone is the formal French greeting (and "Dear Sir or Madam" an English one): it addresses the
        # contact as surely as a name, unless the record's own messages say the contact is addressed otherwise.
        addressed = not (bool(last) and wrong_form_of_address(f"{bare.group(1)} {last.lower()}", last, ctx))
    wrong_form = bool(last) and wrong_form_of_address(head, last, ctx)
    contact = next((c for c in ctx.record.contacts if c.id == draft.to.contact_id), None)
    # wave 35: "Madame la Directrice," to the record's Directrice des opérations (agents.titled_greetings)
    addressed = addressed or greets_by_title(body.lstrip()[:GREETING_WINDOW], contact.title if contact else None)
    greeting = re.split(r"[,:\n]", body.lstrip(), maxsplit=1)[0] if body.strip() else ""
    # a script's first segment is its label ("Ouverture :"): its opening line is where it names the contact
    others = frozenset(n.split()[-1].lower() for c in ctx.record.contacts
                       if c.id != draft.to.contact_id and len((n := ctx.contact_name(c) or "").split()) > 1)
    misgendered = wrong_honorific(head if draft.kind == "call_script" else greeting, last,
                                  recorded_form(contact, ctx.record.extra), others)
    # the greeting names another contact of the record and not the recipient ("Hi Elena," in an email to Tom)
    greets_other = first and not re.search(rf"\b{re.escape(first)}\b", greeting) and any(
        re.search(rf"\b{re.escape(n.split()[0])}\b", greeting) for c in ctx.record.contacts
        if c.id != draft.to.contact_id and (n := ctx.contact_name(c) or ""))
    # wave 24: a short form of the first name ("Javi"), a group greeting to several people of the record ("Hola a
    # todos"); a double name built on the contact's ("Frau Schmidt-Berger" to Anna Schmidt) greets someone else
    folded_greeting = _fold(greeting)
    addressed = addressed or greets_by_short_form(folded_greeting, first_f) \
        or greets_the_group(folded_greeting, body, draft.to.contact_id, ctx)
    double = another_double_name(folded_greeting, last_f, _fold(name)) \
        or another_double_name(folded_greeting, first_f, _fold(name))
    addressed = (addressed or scripted) and not wrong_form and not misgendered and not greets_other and not double
    informal = INFORMAL.get(draft.language)
    # wave 28: "schau einfach mal drüber", "n'hésite pas", "avísame" say "du" with no pronoun (agents.familiar_imperatives)
    familiar = (informal.search(body) if informal else None) or familiar_imperative(body, draft.language)
    formally = addressed_formally(draft.to.contact_id, last, ctx) if familiar else None
    # one draft in two registers ("Merci pour votre message ... pour tes 6 ateliers") addresses nobody consistently
    own_formal = DRAFT_FORMAL[draft.language].search(body) if familiar and draft.language in DRAFT_FORMAL else None
    formally = formally or (f"the draft's own {own_formal.group(0)!r}" if own_formal else None)
    detail = "a call script, no greeting" if addressed and scripted else f"greets {first!r}" if addressed \
        else f"{first or 'the contact'!r} not in the greeting"
    if misgendered:
        detail = f"greets {name or 'the contact'} as {misgendered}"
    if double:
        detail = f"greets {double!r}: a double name the record does not give {name or 'the contact'}"
    if formally and familiar:
        addressed = False
        detail = f"says {familiar.group(0)!r} to {name or 'the contact'}, whom the record addresses formally ({formally!r})"
    record_country = ctx.record.company.country if ctx.record.company else None
    voseo = foreign_voseo(body, draft.language, country_code(record_country, contact.timezone if contact else None))
    if voseo:
        addressed = False
        detail = f"says {voseo!r} (Rioplatense voseo) to {name or 'the contact'}, a buyer whose country does not write it"
    checks.append(Check(name="addresses_contact_by_name", passed=addressed, detail=detail))
    company = ctx.record.company.name if ctx.record.company and ctx.record.company.name else ""
    core = re.sub(r"[,.]?\s+(inc|ltd|llc|gmbh|corp|corporation|co|plc|sa|ag|bv|sas|sarl|sl|slu|srl|kg|se)\.?$", "",
                  company, flags=re.I)
    named = bool(core) and core.lower() in f"{subject}\n{body}".lower()
    ref = references_real(body, ctx, vocab)
    ask = with_unsigned_sender(latest_ask(ctx), ctx)  # wave 29: an unsigned e-mail is the primary contact's, as thanks.py reads it
    answered, why = answered_or_not_theirs(body, ask, subject, draft.to.contact_id, ctx)  # wave 37: a colleague's own matter
    if ask is None and (pitch := pitched_instead(body, ctx)):  # wave 32: a call's question left for a pitch
        answered, why = False, pitch
    if ref is None and ask is not None and answered and ask.topics and (more_than_the_document(why, body, ask.question) or holds_a_fact(body)):
        # Taking up what the buyer's latest email asked for ("la proposition indiquera le nombre de licences") refers
        # to that email as surely as quoting its subject would.
        ref = f"activity {ask.activity_id} (its question: {why})"
    # A reply to a person about their own message needs no company name (nobody writes "Dear Dana of Northwind");
    # without one, a draft that also points at nothing real could have gone to anyone.
    specific = named or ref is not None
    checks.append(Check(name="names_company", passed=specific,
                        detail=core if named else f"{core!r} not mentioned, but the draft refers to {ref}" if specific
                        else f"{core!r} not mentioned and nothing specific referred to"))
    checks.append(Check(name="references_real_activity", passed=ref is not None,
                        detail=ref or "no activity, date or score factor referred to"))
    if draft.kind == "call_script":
        # A call script lists what to ask on the call: it needs at least one ask, not exactly one.
        asks = count_asks(body) + script_asks(body)
        step = asks >= 1
        detail = f"{asks} ask(s) in the script"
    else:
        asks = count_asks(body)
        asked_document = ask is not None and ask.sender_contact_id == draft.to.contact_id \
            and bool(DOCUMENT_TOPICS & set(ask.topics))
        dated = (dated_next_step(body) or stated_step(body, ctx, draft.to.contact_id, subject,
                                                      asked_document=asked_document)
                 # wave 30: to the asker, "Bien reçu, merci. Vendredi 27 novembre." (agents.acknowledged_days)
                 or (acknowledged_day(body, date.fromisoformat(ask.at[:10])) if ask and asked_document else None)
                 or timed_step(body, send_day or ctx.now.date())) \
            if asks == 0 else None
        # wave 30 (set 39): to a contact with no question open, a point of theirs or the record's amount settled
        settled = confirmed_point(body, ctx, draft.to.contact_id, ask) \
            if asks == 0 and dated is None else None
        # wave 31 (agents.reply_needed): with no ask, a confirmed meeting or a recap closes a point; a decision wanted
        # of the buyer needs the ask it lacks
        closed = closes_a_point(body) if asks == 0 and dated is None and settled is None else None
        unasked = needs_reply(body, proposals=False) if asks == 0 else None
        # A dated commitment ("you'll have the proposal by the end of next week") is a next step; a favour to us is not.
        favours = favour_asks(body)
        step = (asks == 1 and len(favours) < asks) or (unasked is None and (dated or settled or closed) is not None)
        detail = f"{asks} ask(s)" + (f"; a dated next step: {dated!r}" if dated else "") + \
            (f"; settles a point with no question open: {settled!r}" if settled else "") + \
            (f"; {closed}" if closed else "") + (f"; but {unasked}" if unasked else "") + \
            (f"; asks a favour of the buyer: {favours[0][:60]!r}" if favours else "")
    checks.append(Check(name="one_clear_call_to_action", passed=step, detail=detail))
    words = len(body.split())
    limit = int(settings.draft_max_words * (1.5 if draft.kind == "call_script" else 1.0))
    # wave 27: under the floor, a complete answer to the recipient's own request (agents.question_answers)
    short = complete_short_reply(body, subject, ask, draft.to.contact_id) if words < settings.draft_min_words else None
    in_len = (settings.draft_min_words <= words or short is not None) and words <= limit \
        and 0 < len(subject) <= settings.subject_max_chars
    checks.append(Check(name="within_length", passed=in_len,
                        detail=f"{words} words (limits {settings.draft_min_words}-{limit}), subject {len(subject)} chars"
                        + (f"; {short}" if short else "")))
    # A business day after the send day is a proposal or a commitment, not a fact about the past.
    vocab = replace(vocab, dates=vocab.dates | proposed_days(f"{subject}\n{body}", send_day or ctx.now.date()),
                    money=vocab.money | derived_unit_prices(f"{subject}\n{body}", vocab, ctx))  # total / count (w29, w38)
    unsupported = [*map(str, find_unsupported(f"{subject}\n{body}", vocab)),
                   *spelled_number_violations(f"{subject}\n{body}", vocab.numbers | vocab.percents | vocab.money),
                   *fraction_claims(f"{subject}\n{body}", vocab.percents), *signature_problems(body, ctx),
                   *misdated_references(body, ctx, send_day or ctx.now.date()),
                   *unrecorded_calls(body, ctx, send_day or ctx.now.date()), *unrecorded_encounters(body, ctx),
                   *unrecorded_talks(body, ctx, send_day or ctx.now.date()), *unrecorded_phone_calls(body, ctx, draft.to.contact_id),  # talks nobody logged
                   *unrecorded_opening_names(body, vocab),
                   *(unnamed_claims(body, ctx) if draft.language == "de" else ()),
                   *invented_site_counts(f"{subject}\n{body}", ctx),  # wave 29: "an den drei Standorten"
                   *added_to_counts(f"{subject}\n{body}", ctx)]  # wave 30: "hundertzwanzig Lkw plus alle Anhänger"
    checks.append(Check(name="no_invented_facts", passed=not unsupported,
                        detail="; ".join(unsupported[:5]) or "every fact found in the inputs"))
    leftover = PLACEHOLDER.search(f"{subject}\n{body}")
    checks.append(Check(name="no_placeholders", passed=leftover is None,
                        detail=f"found {leftover.group(0)!r}" if leftover else "none"))
    if answered and ask is not None and (left := carried_thing_left_out(ask.question, body)):
        answered, why = False, f"says what the document carries but not {left[:60]!r}, which the buyer asked for"
    # behind a second demo or the signature (w27), a trial instead (w29), held for the buyer's decision it serves (w42)
    if answered and (put_off := deferred_ask(ask, body) or replaced_ask(ask, body) or held_for_decision(body)):
        answered, why = False, put_off
    late = late_promises(f"{subject}\n{body}", ctx, send_day or ctx.now.date()) if answered else []
    checks.append(Check(name="answers_latest_question", passed=answered and not late, detail="; ".join(late) or why))
    timing = timing_violations(f"{subject}\n{body}", send_day or ctx.now.date(),
                               asked_same_day=bool(ask and ask.same_day))
    checks.append(Check(name="no_past_deadline_or_same_day_meeting", passed=not timing,
                        detail="; ".join(timing) or "none"))
    country = ctx.record.company.country if ctx.record.company else None
    tz = recipient_timezone(contact.timezone if contact else None, country, ctx.record.owner.timezone if ctx.record.owner else None)
    hours = business_hours_violations(f"{subject}\n{body}", send_day or ctx.now.date(), recipient_tz=tz,
                                      country=country_code(country, contact.timezone if contact else None),
                                      close_date=(c.date() if (c := parse_time(ctx.record.close_date)) else None))
    hours += foreign_zone_times(f"{subject}\n{body}", send_day or ctx.now.date(), recipient_tz=tz,
                                known=zone_is_known(contact.timezone if contact else None, country))
    hours += wrong_conversions(f"{subject}\n{body}", send_day or ctx.now.date())
    checks.append(Check(name="meeting_in_business_hours", passed=not hours, detail="; ".join(hours) or "none"))
    # A rep would not send a concession, a price, a promise or a deal state nobody approved, however it
    # is worded ("a tenth off the first year"): the same rules the safety re-check applies to a model.
    commitments = commercial_violations(f"{subject}\n{body}", ctx, vocab, approved_discount, settings.allowed_promises)
    checks.append(Check(name="no_unapproved_commitments", passed=not commitments,
                        detail="; ".join(commitments[:3]) or "none"))
    for rule, found in record_reading_problems(body, ctx, draft.to.contact_id, send_day):
        checks.append(Check(name=rule, passed=not found, detail="; ".join(found) or "none"))
    # set 32 (wave 23b): the thread, the people and the reason a rep gives must be the buyer's, not invented or ours
    for rule, found in (("replies_on_a_recorded_thread", unrecorded_thread(subject, ctx)),
                        ("no_copy_over_the_contacts_head", over_the_contacts_head(f"{subject}\n{body}", ctx)),
                        ("no_pressure_for_the_sellers_target", pressure_for_the_sellers_target(subject, body)),
                        ("no_pushing_the_buyers_colleague", pushes_a_colleague(body, draft.to.contact_id, ctx)),
                        ("names_only_products_on_record", unrecorded_products(f"{subject}\n{body}", ctx))):
        checks.append(Check(name=rule, passed=not found, detail="; ".join(found) or "none"))
    # set 33 (wave 24b): what a buyer should never read, whatever the record holds
    for rule, found in [*tone_problems(subject, body, ctx),
                        ("asked_by_the_recipient", asked_by_someone_else(body, draft.to.contact_id, ctx)),
                        # wave 25: a feature nobody bought, another contact's confidence
                        ("promises_only_capabilities_on_record",
                         [*unrecorded_capabilities(f"{subject}\n{body}", ctx, settings.allowed_promises),
                          # wave 30: data fed into a system of the buyer's nobody named ("in Ihr SAP")
                          *unrecorded_systems(f"{subject}\n{body}", ctx, settings.allowed_promises)]),
                        ("keeps_confidences", repeated_confidences(body, draft.to.contact_id, ctx))]:
        checks.append(Check(name=rule, passed=not found, detail="; ".join(found) or "none"))
    wrote = written_language(body, draft.language)
    switched = sentences_in_other_languages(body, draft.language, vocab.own_words) if wrote == draft.language else []
    checks.append(Check(name="in_buyer_language", passed=wrote == draft.language and not switched,
                        detail=f"written in {wrote}, buyer reads {draft.language}"
                        + (f"; but {switched[0][:120]}" if switched else "")))
    return checks
