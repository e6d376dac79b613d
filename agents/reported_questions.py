"""A question the draft reports as another person's, after a colon and without quotation marks (issue 11, wave 41,
qual41: "Tom raised a good point on our call: could the 9 clinics go live in two waves?" to Elena was counted as the
draft's second ask and as asking again what the record's call note holds).

agents.next_steps reads the buyer's question quoted in quotation marks as theirs (wave 32); relayed with a colon it is
the same report. The reporter must be someone other than us: "I wondered: could we meet on Tuesday?" and "Ma question :
..." are our own asks, and a question with no reporting verb before its colon ("One question for Marcus: would Tuesday
suit him?") is ours too.
"""

from __future__ import annotations

import re

_REPORTED = re.compile(
    r"\b(?:asked|raised|wondered|wanted to know|"
    r"fragte|gefragt|wollte wissen|angesprochen|"
    r"demandait|(?:a|avez|ont) demandé|se demandait|voulait savoir|soulevé|"
    r"preguntó|preguntaba|quería saber|planteó)\b"
    # the report and the question each within one sentence ("am 14. Oktober" keeps its day's full stop): "Tom asked
    # whether they can go live in two waves: they can. Could we book ...?" answers the report, then asks ours
    # and on the colon's own line: 'You asked: "...?"' then a new paragraph with our own question is not a report
    # (wave 32's pinned draft to Marcus)
    r"(?:[^\n:?.!]|(?<=\d)\.){0,60}:[ \t]*¿?(?:[^\n?.!]|(?<=\d)\.){3,200}\?", re.I)
_OURS = re.compile(r"\b(?:i|we|ich|wir|je|j['’]ai|nous|yo|nosotros)\s+(?:\w+\s+){0,2}$", re.I)
"""A first person just before the reporting verb: our own question ("I asked myself: ...", "je me demandais")."""


def reported_questions_out(text: str) -> str:
    """`text` with every question reported as another person's cut down to its reporting words (the question mark
    and what was asked removed)."""
    def cut(m: re.Match[str]) -> str:
        if _OURS.search(text[max(0, m.start() - 30) : m.start()]):
            return m.group(0)
        head = m.group(0)[: m.group(0).index(":") + 1]
        return head + " " * (len(m.group(0)) - len(head))
    return _REPORTED.sub(cut, text)
