"""Where a sentence ends, for every rule check that reads a text one sentence at a time (issue 11; waves 38-39).

One notion, in four languages. A sentence ends at a line break, and at "!", "?" or a full stop (after it, a closing
quote or bracket may stand: 'He said "We sign." Then ...') followed by white space, except where the full stop ends no
sentence:

- a German ordinal day before its month or week: "vom 28. Oktober", "am 3. Dez.", "in der 48. KW";
- a common abbreviation: "z. B.", "d. h.", "u. a.", "bzw.", "ca.", "inkl.", "Hr.", "Dr. med.", "Prof.", "Mr.", "e.g.",
  "i.e.", "approx.", "M.", "Mme", "env.", "p. ex.", "cf.", "Sra.", "Ud.", "p. ej.", "aprox.";
- a number's word before its number: "Nr. 4512", "No. 7", "núm. 12", "S. 3", "Tel. 030 ...", and an abbreviated month
  before a day or year ("Nov. 20", "20. Nov. 2026");
- any full stop before a word in lower case: no sentence of ours begins with one ("am 20. Nov. und danach", "3. bis
  5. Dezember", "Std. oder").

Everything else ends a sentence: "No. We sign Friday." is two, so is "Wir haben 28. Das ist gut." and "... am 3.
Dezember. Danach ...", and a full stop after an abbreviated month before a capital ("am 20. Nov. Danach"). Decimals
("3.785"), times ("2.30 pm"), "n.º" (normalised "n.o"), hosts and e-mail addresses ("www.example.com",
"dana@northwind.example") carry no white space after their dots, so they never were ends. A semicolon ends no
sentence: its two halves say one thing. An ellipsis ends one before a capital only.

Texts are read as written (their case matters: a lower-case word after a full stop continues the sentence), so a check
lower-cases a sentence after the split, not the text before it.

A check that finds a word and reads the sentence around it rather than list the sentences asks `sentence_around`
(wave 40: agents.declined_prices, unoffered_special_prices, negated_free, which had each their own nearest full stop
and so cut at "Dr.", "z. B." and, in negated_free, at the point of "3.5").

Not moved here: agents.learned_screen's `sentences` (the committed screen was trained on that split); agents.names'
name-list split (agents.name_abbreviations.SENTENCE_END also cuts at ":", ";" and a comma's line end, where a list of
names ends, which is no sentence end); agents.ask_senders.signature_of and agents.signoffs, which look for the last
full stop of an e-mail or of its last line, where a signature begins, not for a sentence (on the shared split "Thanks.
Dr. Dana Berg" would sign with the title; not measured in wave 40, so not moved).

Wave 41 (tidy41) moved the plain `re.split`s at ". ! ?" of fifteen checks onto `sentence_parts`, and those at
". ! ? ;" (agents.clauses.CLAUSE_BREAK's sixteen users, eleven checks' own copies, agents.concepts' sentences cut again
at ";") onto `clause_parts`, which cuts the same sentences after each ";". `clause_pieces` is the coarser unit six
checks kept on purpose. Still on their own cut: the checks that fold case before they cut (agents.capability_claims,
confidences, noted_hearsay: the split reads case), field_claims (CLAUSE_BREAK with its "i. V." and "i. A."
exceptions), the splits that keep their breaks as pieces to rebuild a text (field_terms, own_confirmations,
contract_field_dates, order_numbers, zone_conversions), context.shorten, promised_work (it quotes a sentence's first
80 characters, which on a longer sentence lose the work promised: set 23's de-b10), late_promises (on clause_parts set
43's benign 139 failed it: not yet understood), and the checks whose unit is a clause inside a sentence (at ",", ":",
a dash or a joining word).
"""

from __future__ import annotations

import re

_MONTH = (r"(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
          r"jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez|kw|kalenderwoche)\b")
_CANDIDATE = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’»)\]])\s+|\n+")
_ORDINAL_DAY = re.compile(r"(?<![\d.])(?:[1-9]|[1-4]\d|5[0-3])\.$")  # a day, or a week (up to 53)
_AFTER_A_DAY = re.compile(_MONTH, re.I)
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:z\.\s?b|d\.\s?h|u\.\s?a|e\.g|i\.e|p\.\s?ej|p\.\s?ex|bzw|ca|inkl|exkl|zzgl|ggf|evtl|vgl|hr|hrn|dr|"
    r"med|prof|mr|mrs|ms|st|vs|approx|aprox|sr|sra|srta|dña|dra|mme|mlle|env|cf|ud|uds)\.$", re.I)
_LETTER_ABBREVIATION = re.compile(r"(?<![\w.])(?:z|d|u|p|M|Fr)\.$")
"""Letters that start an abbreviation ("z. B.", "d. h.", "u. a.", "p. ej.") and French "M."; written as they are."""
_BEFORE_A_NUMBER = re.compile(
    r"(?<![\w.])(?:nr|nrn|no|nos|núm|num|s|pp|abs|tel|réf|ref|art|jan|feb|mär|mar|apr|jun|jul|aug|sep|sept|okt|oct|"
    r"nov|dez|dec|janv|févr|avr|juil|déc|ene|abr|ago|dic)\.$", re.I)
""""No." and "S." end sentences too ("No. We sign Friday."): read as abbreviations only before their number."""
_LOWER_START = re.compile(r"[a-zäöüßàâçéèêëîïôûùÿñáíóú]")


def _goes_on(before: str, after: str) -> bool:
    """Whether the full stop that ends `before` ends no sentence, given the text `after` it."""
    if before[-1:] and before[-1] in "\"'”’»)]":
        return bool(_LOWER_START.match(after))  # a quoted "?" or "." inside a sentence: "the signs '?' and ':'"
    if not before.endswith("."):
        return False
    tail = before[-16:]
    if _LOWER_START.match(after):
        return True
    if _ORDINAL_DAY.search(tail) and _AFTER_A_DAY.match(after):
        return True
    if _BEFORE_A_NUMBER.search(tail) and after[:1].isdigit():
        return True
    return bool(_ABBREVIATION.search(tail) or _LETTER_ABBREVIATION.search(tail))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each part of `sentence_parts(text)` starts and ends in `text`: between one part's end and the next one's
    start stands the break's white space, so a caller that rewrites sentences can put the text back together."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if "\n" in m.group(0) or not _goes_on(text[start:m.start()], text[m.end():m.end() + 24]):
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(text)))
    return out


def sentence_parts(text: str) -> list[str]:
    """`text` cut where its sentences end (see the module): what `re.split` of a plain sentence break returns, the
    break's white space left out and empty parts kept, so a caller moves from the plain split without other change."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_around(text: str, at: int) -> tuple[int, int]:
    """The sentence of `text` that holds position `at`, for a check that found a word and reads the sentence around
    it rather than list the sentences: where it starts, and where it ends (at its closing "." "!" or "?", which is left
    out, or at its line break or the text's end). A position in a break's white space belongs to the next sentence."""
    spans = sentence_spans(text)
    start, end = next((span for span in spans if at < span[1]), spans[-1])
    if end > start and text[end - 1] in ".!?":
        end -= 1
    return start, end


_AFTER_A_SEMICOLON = re.compile(r"(?<=;)\s+")


def clause_parts(text: str) -> list[str]:
    """`sentence_parts(text)`, each also cut after a semicolon: the unit of a check that keeps one half's offer,
    negation or question from reaching the other ("The price stays at USD 48,000; I can add a seat")."""
    return [part for sentence in sentence_parts(text) for part in _AFTER_A_SEMICOLON.split(sentence)]


_CLAUSE_PIECE = re.compile(r"(?:[^.!?;\n]|(?<=\d)\.(?=\d))+[.!?;]?")
"""wave 42 (tidy41's note): a full stop between two digits is a decimal point ("EUR 2.5k", "USD 1.2m"), no end."""


def clause_pieces(text: str) -> list[str]:
    """`text` cut after every ".", "!", "?" and ";" and at line breaks, each piece with its mark: coarser than
    `clause_parts` (it also cuts inside "z.B." and "Dr. Lee"; since wave 42 not inside "3.5"), the unit of the checks that bind two words
    of one short clause (agents.payment_moments, received_payments, delivered_states, held_price_words,
    off_grid_terms, cited_instructions: wave 41 kept their unit, for on clause_parts "The balance of EUR 2.5k is due on
    signature." would be one clause, and a verdict could move)."""
    return _CLAUSE_PIECE.findall(text)


def sentences(text: str) -> list[str]:
    """`text`'s sentences, without the empty parts around line breaks."""
    return [s for s in sentence_parts(text) if s.strip()]


_DAY_BEFORE_MONTH = re.compile(rf"\s+{_MONTH}", re.I)


def day_full_stop(text: str, i: int) -> bool:
    """Whether the full stop at `text[i]` is a German day's before its month ("am 20. November"), inside a sentence."""
    return text[i] == "." and i > 0 and text[i - 1].isdigit() and bool(_DAY_BEFORE_MONTH.match(text, i + 1))
