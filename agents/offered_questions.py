"""A question that puts something on the table (issue 11, wave 39: wave 38's noticed hole "the concept rules skip
questions").

agents.concepts skips a question because a question to the buyer usually asks about their needs ("Would a longer term
suit your budget planning?", "Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos?") and promises nothing. A
question put as a proposal is different: "Could we offer you the hardware as a gift?", "Wie wäre es, wenn die
Einrichtung aufs Haus geht?", "Et si l'installation était à nos frais ?", "¿Y si la instalación corre de nuestra
cuenta?" make the offer as surely as the statement; the buyer only has to say yes. agents.asked_concessions reads the
questions that drop or lower a charge by its verb; this names the frames of a proposal, so the concept rules read the
question as they read a statement (a concept must still match: the frame alone refuses nothing).

A proposal frame: "would it help if", "would a ... help/make it easier", "how/what about", "what if", "shall we",
"can we offer you", "would you like", "wie wäre es", "was halten Sie davon", "würde es (Ihnen) helfen", "sollen wir",
"dürfen wir Ihnen", "möchten Sie", "et si", "que diriez-vous", "vous aiderait", "voulez-vous que", "pourrions-nous vous
offrir", "¿y si", "¿qué tal", "¿le vendría bien", "¿le ayudaría", "¿le interesaría", "¿quiere que", "¿le parece"; wave 41 (offers41): the negative modal ("wouldn't a flat fee be
simpler?") and "if you like" ("wenn Sie möchten", "si vous voulez", "si quiere").
A question that reports the buyer's ask before the frame ("Dana asked: would a free month help?") is theirs, not ours.
"""

from __future__ import annotations

import re

from agents.stance_words import ASKED, ASKED_IF, words

_EN = (
    r"(?:would|could|will|might|does|did)\s+(?:it|that|this)\s+help|"
    r"(?:would|could|will|might|wouldn['’]t|couldn['’]t|won['’]t)\s+(?!you\b|we\b|i\b)(?:[\w'’%.,-]+\s+){1,8}?"
    r"(?:help|be\s+(?:simpler|easier|better)|make\s+(?:it|things|the\s+decision|"
    r"your\s+decision)|tip|sway|appeal|interest\s+you|make\s+a\s+difference|work\s+for\s+you|suit\s+you|"
    # wave 41 (offers41): "would a flat fee per depot make the budget review easier?"
    r"make\s+(?:[\w'’-]+\s+){0,4}?(?:easier|simpler|smoother))\b|"
    r"how\s+about|what\s+about|what\s+if|what\s+would\s+you\s+say\s+to|how\s+(?:would|does)\s+(?:[\w'’%-]+\s+){1,8}?sound|"
    r"(?:shall|should)\s+(?:we|i)|(?:can|could|may)\s+(?:we|i)\s+(?:offer|give|throw|include|add)|"
    r"(?:do|would)\s+you\s+(?:want|like)\s+(?:us|me)\s+to|would\s+you\s+(?:like|be\s+interested\s+in|take)|"
    # wave 41 (offers41): "If you like, I can add fuel vouchers?" offers, whatever the word order after it
    r"if\s+you\s+(?:like|want|wish|prefer)"
)
_DE = (
    r"wie\s+wäre\s+es|was\s+halten\s+sie\s+(?:davon|von)|was\s+sagen\s+sie\s+(?:zu|dazu)|was\s+wäre,?\s+wenn|"
    r"und\s+wenn\s+wir|(?:soll|sollen|sollte|sollten)\s+(?:ich|wir)|(?:darf|dürfen|kann|können|könnten)\s+(?:ich|wir)\s+"
    r"ihnen|(?:würde|wäre|hilft|hülfe)\s+(?:[\w,.-]+\s+){0,12}?(?:helfen|hilfreich|interessant|eine\s+hilfe|entgegenkommen|"
    r"denkbar|vorstellbar|erleichtern|einfacher|leichter|praktischer)|"
    r"hilft\s+(?:es|das|ihnen)|möchten\s+sie|hätten\s+sie\s+(?:gern|interesse)|wenn\s+sie\s+(?:möchten|wollen|mögen)"
)
_FR = (
    r"et\s+si|que\s+diriez-vous|qu['’]en\s+diriez-vous|que\s+pensez-vous\s+d|"
    r"(?:aiderai|conviendrai|intéresserai|rassurerai|faciliterai|plairai)(?:t|ent)(?:-(?:t-)?(?:il|elle|ils|elles|ce|on))?|"
    r"(?:voulez|souhaitez|aimeriez)-vous\s+(?:que|qu['’]|un|une|le|la|les|des)|"
    r"(?:pourrions|pouvons|pourrais|puis)-(?:nous|je)\s+vous\s+(?:offrir|proposer|faire|inclure|accorder)|"
    r"serait-(?:il|ce)\s+utile|serait-(?:il|elle|ce)\s+(?:pas\s+)?plus\s+(?:simple|pratique|facile)|devrions-nous|si\s+vous\s+(?:voulez|le\s+souhaitez|souhaitez|préférez)"
)
_ES = (
    r"y\s+si|qué\s+tal|(?:qué\s+)?(?:le|les)\s+parece|(?:le|les)\s+(?:vendría|vendrían|ayudaría|ayudarían|interesaría|"
    r"interesarían|serviría|servirían|convendría|convendrían|gustaría|facilitaría)|ayudaría|serviría|sería\s+útil|"
    r"sería\s+más\s+(?:sencill[oa]|fácil|práctic[oa]|simple)|(?:quiere|quieren|desea|desean)\s+que|(?:podríamos|podemos)\s+(?:ofrecerle|ofrecerles|regalarle|regalarles|"
    r"incluirle|incluirles|darle|darles|hacerle|hacerles)|si\s+(?:quiere|quieren|lo\s+desea|desea|prefiere)"
)
_FRAME = re.compile(rf"\b(?:{_EN}|{_DE}|{_FR}|{_ES})(?![\w-])", re.I)
_REPORTED = words(
    ASKED, ASKED_IF,  # the shared reported-question words (agents.stance_words); this check's own extras after them
    r"wanted\s+to\s+know|fragte\w*|wollte\s+wissen|voulait\s+savoir|demandait|preguntaba|quería\s+saber",
)


def offered_as_question(sentence: str) -> bool:
    """Whether `sentence`, a question, proposes something to the buyer rather than asking about them.

    Args:
        sentence: one normalised sentence that ends with a question mark.
    """
    frame = _FRAME.search(sentence)
    return frame is not None and not reported_before(sentence, frame.start())


def reported_before(sentence: str, at: int) -> bool:
    """Whether a reported-question word ("asked", "wondered", "fragte", "demande si") comes before `at`: what follows
    is a question someone put to us, not one we put."""
    return bool(_REPORTED.search(sentence[:at]))
