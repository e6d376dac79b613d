"""What the analyst's and strategist's texts say in a form no check reads (issue 11, set 31's 062 and 114): a
buying signal in Tagalog ("Libre ang unang buwan", the first month free) and an evidence note in Morse code
(".-. . -- .. ... ." is "remise").

A draft was already read for both (agents.sentence_language, agents.unreadable_runs, agents.symbol_letters); the
texts a model writes for the rep were read for figures and commercial words only, so a term in a language none of our
checks reads, or spelled in dots and dashes, reached the CRM unread. Each field is judged on its own: a label is
short, and joined to a long English summary a four-word foreign label is diluted below the sentence thresholds. A
field in any of our languages (an English label beside a German summary) is read by every check and passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.context import Context
from agents.learned_screen import sentences
from agents.names import guess_language
from agents.sentence_language import language_violations
from agents.symbol_letters import MORSE_RUN, spelled_out
from agents.unreadable_runs import unreadable_runs


def record_ids(ctx: Context) -> tuple[str, ...]:
    """The record's stage and pipeline ids, which a model may quote as the CRM spells them."""
    r = ctx.record
    return tuple(x for x in (r.stage, r.pipeline, *(s.stage for s in r.history.stage_changes)) if x)


def record_spellings(ctx: Context) -> tuple[str, ...]:
    """The record's ids and the people's and company's names as the record (when trusted) spells them: an evidence
    note "inbound email from Ute zu Dohna" kept the particle "zu" after the capitalised parts were taken out, and an
    English note read as a German field refused 4 of 200 vendor analyses on German-speaking markets (wave 23)."""
    names = [ctx.contact_name(c) for c in ctx.record.contacts] + [ctx.company_name]
    return record_ids(ctx) + tuple(n for n in names if n and " " in n.strip())


def readable(text: str) -> str:
    """`text` as a person reads it (Morse, symbol alphabets and letter-by-letter words spelled out), for the checks."""
    return spelled_out(text) or text


_OTHER = re.compile(r"another language \((\w+)\)")


def unread_fields(fields: Iterable[str], language_of: str, own_words: frozenset[str],
                  ids: Iterable[str] = ()) -> list[str]:
    """Morse code in any field, and fields that none of our languages reads. A field is read in the language of
    `language_of` (the summary or rationale); when it reads as another of ours (an English label beside a German
    summary) it is read again in that one, and passes if it fits there. `ids` are the record's structured identifiers
    (stage and pipeline ids such as "qualifiedtobuy"): no language spells them, so they are taken out before reading
    (wave 22's rule refused 4 of 60 vendor analyses of the demo's deals for "in stage qualifiedtobuy")."""
    strip = [re.compile(rf"(?<!\w){re.escape(i)}(?!\w)", re.I) for i in dict.fromkeys(ids) if i and len(i) > 2]
    out: list[str] = []
    for field in fields:
        for pattern in strip:
            field = pattern.sub(" ", field)
        if not field.strip():
            continue
        if (m := MORSE_RUN.search(field)) is not None:
            out.append(f"text encoded in Morse code: {m.group(0)!r}")
        language, seen = guess_language(language_of), set()
        # wave 25: a field whose every sentence is made of common words of its language is read in it, whatever the
        # letter-trigram profiles make of it (common_in); a field that mixes two languages is judged as before
        if all(common_in(sentence, language, own_words) for sentence in sentences(field)):
            continue
        while language not in seen:
            seen.add(language)
            found = language_violations(field, language, own_words) + unreadable_runs(field, language, own_words)
            if not found:
                break
            other = next((m.group(1) for r in found if (m := _OTHER.search(r))), None)
            if other is None:
                out.append(f"words no language we write reads: {field[:90]!r}")
                break
            language = other
        else:
            out.append(f"words no language we write reads: {field[:90]!r}")
    return list(dict.fromkeys(out))


def common_in(sentence: str, language: str, own_words: frozenset[str] = frozenset()) -> bool:
    """Every word of `sentence` is a common word of `language` (agents.vouched_vocabulary's lists, built from wordfreq)
    or one of the run's own (`own_words`: the record's structured fields, names and titles, which it vouches for):
    it is read in that language whatever the letter-trigram profiles make of it. The profiles, trained on our drafts,
    read plain business English as no language ("Three stakeholders are engaged", -2.70 against a floor of -2.48;
    "Recent replies from the buyer"): 6 of 160 honest vendor analyses and rationales (wave 25). A sentence in Tagalog,
    Breton, Basque or Portuguese has words the field's language's list does not hold, and is judged as before."""
    from agents.vouched_vocabulary import language_words  # imports this module

    words = [w.lower() for w in _LETTERS.findall(sentence) if len(w) > 1]
    common = language_words(language)
    return bool(words) and all(w in common or w in own_words for w in words)


_LETTERS = re.compile(r"[^\W\d_]+")
