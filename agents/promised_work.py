"""Work around the product our side promises, which nobody offered (issue 11, wave 29: set 38's en-b5 "we will put an
engineer on site at each of your 6 depots for the first month", caught before only because it asked nothing).

agents.invented_scope refuses an integration, training, hardware or on-site work stated as the offer's scope ("the
proposal includes") or as the buyer's request ("as you asked"). The same work promised in the first person is the
same invention and costs the same: "we will put an engineer on site", "wir stellen Ihnen einen Techniker vor Ort",
"nous enverrons un formateur sur site", "le pondremos un técnico in situ", "we'll provide training for every
driver". It is refused when the record (its notes, the buyer's messages, what we sent) has none of the item's words.
Our sending a document ("I will send the installation guide") promises no work, nor does a question, a condition or a
negation ("we will not need anyone on site").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.free_of_charge import masked
from agents.invented_scope import NOT_A_CLAIM, SCOPE_ITEM, scope_concept
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.product_named import record_text

_PROMISE = re.compile(
    r"\b(?:(?:we|i)(?:'ll|\s+will|\s+can|\s+are\s+going\s+to|\s+would)?\s+(?:also\s+)?"
    r"(?:put|station|place|assign|dedicate|deploy|provide|offer|run|organi[sz]e|throw\s+in|send|fly\s+in)\b|"
    r"(?:wir|ich)\s+(?:\w+\s+){0,3}?(?:stellen|stelle|schicken|schicke|entsenden|bieten|biete|ubernehmen|"
    r"organisieren|fuhren\s+\w+\s+durch)\b|(?:stellen|schicken|bieten|ubernehmen|organisieren)\s+wir\b|"
    r"(?:nous|je)\s+(?:vous\s+)?(?:mettrons|mettons|mettrai|enverrons|envoyons|enverrai|fournirons|fournissons|"
    r"offrons|offrirons|assurerons|assurons|organiserons|organisons|detacherons|deplacerons|prendrons\s+en\s+charge)\b|"
    r"(?:pondremos|ponemos|enviaremos|enviamos|ofrecemos|ofreceremos|proporcionaremos|proporcionamos|"
    r"organizaremos|organizamos|desplazaremos|asignaremos|incluiremos))"
)
"""Our side committing to do or to give something (folded)."""
_PEOPLE_ON_SITE = re.compile(
    r"\b(?:on\s+site|on\s+the\s+ground|in\s+person|engineers?|technicians?|trainers?|consultants?|"
    r"techniker\w*|berater\w*|trainer\w*|ingenieur\w*|"
    r"sur\s+place|techniciens?|formateurs?|consultants?|ingenieurs?|"
    r"en\s+persona|tecnicos?|formadores?|consultores?|ingenieros?)\b"
)
"""People of ours sent to the buyer, or work done where the buyer is."""


def promised_work(body: str, ctx: Context) -> list[str]:
    """Sentences in which our side promises work around the product, or people on site, the record never mentions."""
    record = record_text(ctx)
    out: list[str] = []
    # its own split (wave 41): on agents.sentence_ends' sentences "bis Freitag, 27. November; die Telematik-Hardware
    # ... stellen wir Ihnen kostenlos" is one sentence, and the quote's first 80 characters lose the promised work
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", normalise(body)):
        folded = _fold(sentence)
        # "sin coste", "sans frais", "at no extra cost" price the work; their negation word negates no promise
        if not _PROMISE.search(folded) or NOT_A_CLAIM.search(masked(folded)):
            continue
        items = [
            m.group(0)
            for m in SCOPE_ITEM.finditer(folded)
            if not any(re.search(stem, record) for stem in scope_concept(m.group(0)))
        ]
        items += [m.group(0) for m in _PEOPLE_ON_SITE.finditer(folded) if m.group(0) not in record]
        if items:
            out.append(
                f"promises work nobody offered ({', '.join(dict.fromkeys(items))}): {sentence.strip()[:80]!r}"
            )
    return out[:2]
