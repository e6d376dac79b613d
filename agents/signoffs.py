"""The sign-off of a long e-mail, kept when its middle is cut (issue 11, wave 36, helper "noticed36").

agents.context shortens an activity's text over LONG_TEXT_CHARS (600) to its first sentences: the prompt carries every
activity within a token budget, and a long thread quoted in full would crowd out the rest of the record (cost, and the
model's attention). The checks read the same shortened text, so a long e-mail lost its signature: agents.moments.
sender_of and agents.ask_senders.foreign_sender read who wrote an e-mail from its last lines, and found none, so a
long e-mail from the buyer's colleague was read as the primary contact's, and a stranger's long e-mail as unsigned.

The sign-off is the e-mail's last lines that are no sentences of its body: a closing, a name, a title, a company, a
phone ("Best regards," / "Jonas Weber" / "Head of Procurement"), at most SIGNOFF_MAX_LINES lines; an e-mail written as
one paragraph gives the words after its last sentence ("... bis morgen. Jonas Weber"). The shortened text keeps it
after the cut, within the same length: the first sentences give up its room, so the prompt costs no more.
"""

from __future__ import annotations

import re

SIGNOFF_MAX_LINES = 5
SIGNOFF_MAX_CHARS = 160
"""At most this much of an e-mail's end is kept as its sign-off (a signature block of a name, a title, a company, a
phone and an address line)."""
_LINE_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _sentence(line: str) -> bool:
    """A line of the body rather than of a signature block: long, or a sentence of more than four words."""
    return len(line) > _LINE_MAX_CHARS or (bool(_SENTENCE_END.search(line[-1:])) and len(line.split()) > 4)


def signoff(text: str) -> str:
    """The sign-off of `text` (an e-mail's visible text), whitespace collapsed; "" when it ends on a sentence."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    block: list[str] = []
    for line in reversed(lines[-SIGNOFF_MAX_LINES:]):
        if _sentence(line):
            break
        block.insert(0, line)
    if not block and lines:
        ends = list(_SENTENCE_END.finditer(lines[-1]))
        tail = lines[-1][ends[-1].end():] if ends else ""
        block = [tail] if len(tail.strip()) <= _LINE_MAX_CHARS else []
    kept = " ".join(" ".join(block).split())
    if len(kept) > SIGNOFF_MAX_CHARS:
        kept = kept[-SIGNOFF_MAX_CHARS:].split(" ", 1)[-1]
    return kept
