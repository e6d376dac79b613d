"""A same-day call justified by the ask it answers ("as your voicemail asked", "comme demandé sur notre site", "wie per
WhatsApp gewünscht", "como me pidió por SMS"): the citation is the plan's reason, not a look back at a meeting (issue 11,
wave 34, set 43's 032: "Je vous rappelle aujourd'hui à 17 h 30, comme demandé sur notre site." passed because
"demandé" is one of agents.past_terms.LOOKING_BACK's words and "rappelle" none of the forward verbs).

agents.timing skips a sentence that looks back at a meeting that took place ("Thanks for the call earlier today"); it
reads that look back in what is left once the cited ask is taken out, so "Ringing you tonight at 8, as you asked" is the
proposal it is, and "Thanks for the call, as you asked" still thanks. Whether the buyer really asked is not read here:
only the buyer's latest inbound e-mail makes a same-day call acceptable (agents.moments.latest_ask, agents/README.md
"Who asked for today").
"""

from __future__ import annotations

import re

_CITED_ASK = re.compile(
    # en: "as you asked (on WhatsApp)", "as your voicemail asked", "as requested", "as agreed", "as discussed"
    r"\b(?:just\s+)?as\s+(?:(?:you|she|he|they)(?:\s+had)?|(?:your|her|his|their)\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:asked|requested|wanted|suggested)\b|"
    r"\b(?:just\s+)?as\s+(?:asked|requested|discussed|agreed|promised)\b|"
    # fr: "comme demandé (sur notre site)", "comme vous l'avez demandé", "comme convenu", "comme souhaité"
    r"\bcomme\s+(?:(?:vous|tu)\s+(?:me\s+|nous\s+)?l['’](?:avez|as)\s+|(?:vous\s+)?(?:me|nous)\s+l['’]avez\s+)?"
    r"(?:demandée?s?|souhaitée?s?|convenu|prévu|indiqué|sollicitée?)\b|"
    # de: "wie (per WhatsApp) gewünscht", "wie in Ihrer Sprachnachricht erbeten", "wie besprochen", "wie vereinbart"
    r"\bwie\s+(?:[\w-]+\s+){0,4}?(?:gewünscht|erbeten|gebeten|angefragt|besprochen|vereinbart|abgesprochen)\b|"
    # es: "como me pidió (por SMS)", "como solicitó", "como acordamos", "según me pidió"
    r"\b(?:como|según)\s+(?:(?:me|nos|usted|ud\.?)\s+)?(?:pidió|pidio|pediste|pidieron|solicitó|solicitaron|"
    r"acordamos|quedamos|indicó|dijo)\b",
    re.I,
)


_TAIL = re.compile(r"(?:[^,;:]|(?<=\d):(?=\d))*")
"""What the citation goes on with ("as you asked *on WhatsApp*", "comme demandé *sur notre site*"), up to a comma; the
colon of a clock time ("17:30") is no clause's end (set 23's "Wie gewünscht rufe ich Sie heute um 17:30 zurück" lost
all but ":30 zurück" and passed)."""


def without_cited_ask(sentence: str) -> str:
    """The sentence without the clause that cites an ask ("as you asked", "comme demandé sur notre site"). A citation
    that opens the sentence with no comma after it ("Wie gewünscht rufe ich Sie heute an") loses its own words only:
    what follows is the plan."""
    out = sentence
    for m in reversed(list(_CITED_ASK.finditer(sentence))):
        tail = _TAIL.match(sentence, m.end())
        end = tail.end() if tail else m.end()
        opens = not re.sub(r"[\W_]", "", sentence[: m.start()])
        if opens and end >= len(sentence.rstrip(" .!?")):
            end = m.end()
        out = out[: m.start()] + " " + out[end:]
    return out
