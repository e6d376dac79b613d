"""What the record vouches for verbatim, read as such by the checks that read words rather than facts.

Found through the product path (tests/agents/test_record_vouched_words.py): the offline templates' own answers, replayed
as a vendor's on the demo's deals, were refused for a rep called Pierre (the learned screen read the bare signature as
planted), a contact called Lucas (Chilean slang for money) and an analysis quoting its own score factor ("Amount:
541,000 ↓" as price talk, "Days since last deal won: 256 ↑" as a claim that the deal is won).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from agents.held_codes import held_codes_out
from agents.invoice_references import HELD_REFERENCE
from agents.names import word_list
from agents.nicknames import nickname_words
from agents.normalize import normalise
from agents.order_numbers import carries_terms
from agents.sentence_ends import sentence_spans

if TYPE_CHECKING:
    from agents.context import Context
    from agents.facts import Vocabulary

_FIGURE_LABEL = re.compile(r"[^\W\d][^:\n]{0,60}: -?\d[\d,.]*(?: ?%)? ?[↑↓]?")
"""A factor label whose value is a figure (the scoring engine formats it from a number). One whose value is a category
("Industry: <text> ↑") repeats CRM text and is not vouched verbatim."""

_CATEGORY_LABEL = re.compile(r"[^\W\d][^:\n]{0,60}: ([^:\n]{1,80}?) ?[↑↓]")
_CAPITALISED_WORD = re.compile(r"\b[^\W\d_a-z][^\W\d_]+\b")


def factor_labels(ctx: Context) -> tuple[str, ...]:
    """`figure_labels` of the run's scores, categories checked against the record's screened structured fields (its
    name, company, industry, country, owner, contacts and their titles: never the catalogue's or settings' words)."""
    r = ctx.record
    fields = [ctx.safe("name", r.name), ctx.company_name, ctx.safe("owner.name", r.owner.name) if r.owner else None]
    if r.company:
        fields += [ctx.safe("company.industry", r.company.industry), ctx.safe("company.country", r.company.country)]
    fields += [x for c in r.contacts for x in (ctx.contact_name(c), ctx.safe(f"contacts.{c.id}.title", c.title))]
    return figure_labels(ctx.scores, fields)


def figure_labels(scores: Mapping[str, Any], trusted: Iterable[str | None] = ()) -> tuple[str, ...]:
    """The factor labels of the scores the agents were given that the record vouches for verbatim, longest first (a
    label that contains another is replaced whole): a figure-valued one, or one whose category ("Industry: Hospital
    health care ↓") is made of words the record's screened structured fields hold (`trusted`)."""
    words = {w.lower() for t in trusted if t for w in word_list(normalise(t))}
    labels = {(f.get("label") or "").strip() for s in scores.values() if isinstance(s, dict)
              for f in s.get("factors") or [] if isinstance(f, dict)}

    def vouched(label: str) -> bool:
        if _FIGURE_LABEL.fullmatch(label):
            return True
        m = _CATEGORY_LABEL.fullmatch(label)
        value = [w.lower() for w in word_list(normalise(m.group(1)))] if m else []
        return bool(value) and all(w in words for w in value)

    return tuple(sorted((x for x in labels if vouched(x)), key=len, reverse=True))


_NAME_PARTS = re.compile(r"[-'’]")
"""What joins the parts of one name: a hyphen ("Hans-Peter", "Jean-Luc") or an elision ("d'Aubigné", "N'Diaye")."""


def record_names(ctx: Context) -> frozenset[str]:
    """Lower-cased words of the names the record holds in structured fields, screened: its owner (the rep who signs),
    its contacts and its company."""
    r = ctx.record
    names = (ctx.safe("owner.name", r.owner.name) if r.owner else None, *(ctx.contact_name(c) for c in r.contacts),
             ctx.company_name)
    from agents.field_claims import unclaimed_segments  # noqa: PLC0415 - field_claims reads facts, which imports this

    # a segment of a name that states a claim ("Jonas Weber (Bestellung ausgelöst)", set 44's 122) vouches for no word:
    # the name's own segments do, so "Bestellung" is not read as part of a name (wave 35)
    words = {w.lower() for n in names if n for s in unclaimed_segments(normalise(n)) for w in word_list(s)}
    # A nickname in a contact's name field ("Dana (Dee) Whitfield", "Paul Lefèvre dit « Paulo » – ...") vouches for
    # the person's names and the nickname, never for the rest of the field (agents.nicknames, wave 29)
    from agents.vouched_vocabulary import common_words  # noqa: PLC0415 - it imports this module through facts

    words |= {w for c in r.contacts for w in nickname_words(ctx.safe(f"contacts.{c.id}.name", c.name), common_words())}
    # A hyphenated or elided name is also its parts, as a capitalised word reads them: "Hans-Peter" is "Hans" and
    # "Peter", "d'Aubigné" "Aubigné" (a German rep signs "Hans-Peter"; the screen read the bare parts as planted).
    parts = {p for w in words for p in _NAME_PARTS.split(w) if p != w}
    return frozenset(w for w in words | parts if len(w) > 1)


def without_vouched(text: str, vocab: Vocabulary) -> str:
    """`text` with what the record vouches for verbatim taken out: each figure-valued score factor label becomes
    "score factor", and each capitalised word of a name on the record (its people, its company) becomes "Name". So
    "Hi Lucas," is a greeting and "Days since last deal won: 256 ↑" a score. Lower-case words stay: "te sale por dos
    lucas" still talks money."""
    for phrase in vocab.vouched_phrases:
        if phrase in text:
            text = text.replace(phrase, "score factor")
    if vocab.names:
        text = _CAPITALISED_WORD.sub(lambda m: "Name" if m.group(0).lower() in vocab.names else m.group(0), text)
    # a document code a custom field holds whole ("PO-4471") is the record's reference, not a figure or a price
    return held_codes_out(text, vocab.codes, HELD_REFERENCE)


def without_own_company(text: str, own: str, denied: Iterable[str] = (), replacement: str = "") -> str:
    """`text` with each mention of the record's own company name `own` (normalised, as the checks read it) replaced by
    `replacement`, except where the mention is part of
    a longer name of another customer in `denied` ("Granite Works Ltd Holdings" when the record's is "Granite Works
    Ltd"): that mention names the other customer, and the other-customer check must still see it whole.

    Found on Salesforce's own records: a Lead's Company carries the lead's number ("Crimson Goods 763"), and an org
    holds "Granite Works" beside "Granite Works Ltd"; the record's name is vouched by the record, its pieces are not
    (the number alone, or the shorter customer's name alone, is still a fact to check)."""
    own = normalise(own).strip()
    if not own:
        return text
    low = text.lower()
    longer = [d.lower() for d in denied if own.lower() in d.lower() and len(d) > len(own)]
    inside = [(m.start(), m.end()) for d in longer for m in re.finditer(re.escape(d), low)]
    out, last = [], 0
    for m in re.finditer(rf"(?<!\w){re.escape(own)}(?!\w)", text, re.IGNORECASE):
        if any(a <= m.start() and m.end() <= b for a, b in inside):
            continue
        out += [text[last:m.start()], replacement]
        last = m.end()
    return "".join(out) + text[last:] if out else text


def unowned(text: str, vocab: Vocabulary) -> str:
    """`text` as the other-customer check reads it: the record's own company name taken out where it is not part of a
    longer other customer's ("Granite Works Ltd" is no mention of "Granite Works")."""
    return without_own_company(text, vocab.own_company, vocab.denied)


def own_company_unnumbered(text: str, vocab: Vocabulary) -> str:
    """`text` as the number check reads it: the record's own company name written without its figures ("Crimson
    Goods" for "Crimson Goods 763"), so its number is no count the text states and its words stay known names. Money
    and percentages are read before this, so the name vouches for neither."""
    if not any(ch.isdigit() for ch in vocab.own_company):
        return text
    words = " ".join(w for w in normalise(vocab.own_company).split() if not any(ch.isdigit() for ch in w))
    return without_own_company(text, vocab.own_company, vocab.denied, words)


_PLACEHOLDER = re.compile(r"\{\w+\}")


@functools.cache
def _template_sentences() -> tuple[frozenset[str], tuple[re.Pattern[str], ...], frozenset[str]]:
    """The offline templates' sentences, normalised, in every language: the fixed ones, the ones with placeholders as
    patterns (each placeholder one group), and the call-script headings."""
    from agents.phrases import P  # noqa: PLC0415 - phrases is the writer's table; read once, on first use

    texts = {normalise(v).strip().casefold() for table in P.values()
             for v in (*table.values(), *_openings(table), *_without_deal(table), *_nested(table), *_topics(table))}
    fixed = frozenset(t for t in texts if "{" not in t)
    filled = tuple(re.compile("".join("(.{1,80}?)" if _PLACEHOLDER.fullmatch(piece) else re.escape(piece)
                                      for piece in re.split(r"(\{\w+\})", t) if piece))
                   for t in sorted(texts - fixed))
    headings = frozenset(normalise(table[k]).casefold() for table in P.values()
                         for k in ("opening", "reference", "point", "ask", "voicemail") if k in table)
    return fixed, filled, headings


def _nested(table: Mapping[str, str]) -> tuple[str, ...]:
    """The sentences whose placeholder is another of the table's phrases, filled as the writer fills them: `{signal}`
    by each `signal_*` sentence, `{deal}` by `deal` (" «{name}»", its own placeholder): "Empezamos a hablar por el
    resultado que {company} espera del proyecto «{name}», y las visitas recientes ... indican que sigue siendo una
    prioridad." is the product's wording whole, where one placeholder would have to hold a sentence of ours."""
    signals: list[str | None] = [v for k, v in table.items() if k.startswith("signal_")] or [None]
    deals: list[str | None] = [table["deal"], table.get("deal_none", "")] if "deal" in table else [None]
    out = []
    for v in table.values():
        if "{signal}" not in v and "{deal}" not in v:
            continue
        for sig in signals:
            for deal in deals:
                filled = v if sig is None else v.replace("{signal}", sig)
                out.append(filled if deal is None else filled.replace("{deal}", deal))
    return tuple(out)


def _topics(table: Mapping[str, str]) -> tuple[str, ...]:
    """The sentences whose `{topic}` the writer fills with one of the table's own `topic.*` phrases ("Hanse Spedition
    AG: Ihre Frage zum Vertrag"): the product's wording whole, where a placeholder would have to hold words the record's
    structured fields do not (wave 37: the vendor replay's German subject, scored 0.85 by the screen through set 47)."""
    topics = [v for k, v in table.items() if k.startswith("topic.")]
    return tuple(v.replace("{topic}", t) for v in table.values() if "{topic}" in v for t in topics)


def _without_deal(table: Mapping[str, str]) -> tuple[str, ...]:
    """The sentences that name the deal as the writer writes them when its name cannot be pasted: `deal_none` in its
    place ("Redes de la Sierra S.A.: siguiente paso en el proyecto"), where a placeholder would need a word."""
    none = table.get("deal_none")
    return tuple(v.replace("{deal}", none) for v in table.values() if none is not None and "{deal}" in v)


def _openings(table: Mapping[str, str]) -> tuple[str, ...]:
    """A call script's opening line as agents.writer joins it: the greeting (to a first name, a full name, or no one)
    and the calling sentence, with the deal's name or without ("Hallo Birgit, hier ist Özlem Özdemir, ich rufe wegen
    des Projekts „Jahresabo“ an."): two template sentences in one, which neither matches whole."""
    if "calling" not in table:
        return ()
    greetings = (table["greet"], table["greet_formal"], table["greet"].replace(" {first}", ""))
    callings = (table["calling"].replace("{deal}", table["deal"]), table["calling"].replace("{deal}", table["deal_none"]))
    return tuple(f"{g.rstrip(',:')}, {c}" for g in greetings for c in callings)


def is_template_sentence(sentence: str, own_words: frozenset[str] = frozenset()) -> bool:
    """Whether `sentence` is, whole, one of the offline templates' sentences, alone or under a call script's heading
    ("Bezug: Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist."): a fixed one, or one whose placeholders are
    filled with nothing but words of the record's screened structured fields (`own_words`, lower-case: "Les équipes du
    secteur Computer software commencent souvent..."). The product's own wording around the record's own words is no
    planted content however the learned screen reads it; a fill with any other word (a figure, a date, a link, a word
    of free text) is not vouched here and is left to the screen and the facts check."""
    fixed, filled, headings = _template_sentences()
    text = normalise(sentence).strip().casefold()
    head, sep, rest = text.partition(":")
    candidates = [text, rest.strip()] if sep and head.strip() in headings else [text]

    def vouched_fill(fill: str) -> bool:
        words = word_list(fill)
        return bool(words) and all(w.lower() in own_words for w in words) and not any(ch.isdigit() for ch in fill)

    return any(c in fixed or any((m := p.fullmatch(c)) and all(vouched_fill(g) for g in m.groups()) for p in filled)
               for c in candidates)


_PLAIN_COUNT = re.compile(r"(?<![\w.,/:-])\d{1,6}(?![\w%€$£ªº]|[.,:]\d|\.[ªº])")  # not "2.ª", an ordinal


_REST = re.compile(r"\b(?:the rest|the remaining|the remainder|the others?|den rest|der rest|die übrigen|die restlichen|"
                   r"le reste|les autres|les \w+ restant\w*|el resto|los (?:demás|restantes)|las (?:demás|restantes))\b",
                   re.I)
_COUNTED_NOUN = re.compile(r"\s+([^\W\d_]{4,})")


def _noun_after(text: str, end: int) -> str:
    m = _COUNTED_NOUN.match(text, end)
    return m.group(1).casefold()[:4] if m else ""


def _part_before_rest(sentence: str, m: re.Match[str], text: str, numbers: frozenset[float]) -> bool:
    """Whether count `m` of `sentence` is a share of a count the record holds and the text states, with the rest named
    beside it: "die 1. Phase umfasst 60 Fahrzeuge, die 2. Phase den Rest" of "Ihre 120 Fahrzeuge" (set 33's 093). The
    same noun must follow both (60 Fahrzeuge, 120 Fahrzeuge): a share of the fleet is no new fact, a figure of
    anything else is."""
    noun = _noun_after(sentence, m.end())
    if not noun or not _REST.search(sentence) or carries_terms(sentence):  # "60 Fahrzeuge gratis, der Rest ..."
        return False
    return any(float(w.group(0)) in numbers and float(w.group(0)) > float(m.group(0)) and _noun_after(text, w.end()) == noun
               for w in _PLAIN_COUNT.finditer(text))


def count_parts_out(text: str, numbers: frozenset[float]) -> str:
    """`text` with the parts of a vouched count blanked out: counts in one sentence that the record lacks but that
    together make one it holds ("a 1st phase with 40 trucks and a 2nd with the remaining 45" of 85, "3 workshops, then
    the other 3" of 6: set 31's 104 and 105). A plan that splits the buyer's fleet states nothing new; a lone figure,
    or figures that add up to nothing the record holds, are still judged as figures."""
    out = []
    pieces: list[str] = []
    last = 0
    for start, end in sentence_spans(text):  # the breaks between sentences are kept as pieces: joined, the text is whole
        pieces += [text[last:start], text[start:end]]
        last = end
    for sentence in pieces:
        found = [m for m in _PLAIN_COUNT.finditer(sentence) if float(m.group(0)) not in numbers]
        if len(found) >= 2 and float(sum(int(m.group(0)) for m in found)) in numbers:
            for m in reversed(found):
                sentence = sentence[:m.start()] + " " + sentence[m.end():]
        elif len(found) == 1 and _part_before_rest(sentence, found[0], text, numbers):
            sentence = sentence[:found[0].start()] + " " + sentence[found[0].end():]
        out.append(sentence)
    return "".join(out)
