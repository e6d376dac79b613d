"""Talking down to the buyer (issue 11, wave 29: set 38's en-b9 "As I have explained twice already, two waves simply
means two start dates; it is simple enough", de-b4 "wie Sie sicher selbst wissen, verschwenden Ihre Fahrer ...",
fr-b4 "Je sais que les tableaux ne sont pas forcément votre fort", each caught before only because it asked nothing).

agents.draft_tone reads reproach for silence or lateness, agents.doubted_competence a doubt that the buyer's team can
do its job, agents.blamed_buyer their people blamed. Condescension is the fourth: a rep who lets a buyer know they are
slow to understand. Read in four shapes in en/de/fr/es:

- the explanation repeated: "as I have (already) explained twice", "wie ich Ihnen bereits mehrfach erklärt habe",
  "comme je vous l'ai déjà expliqué", "como ya le he explicado dos veces" ("as I mentioned on our call" recalls a
  conversation and passes: the fault is in "explained" with "already", "again" or a number of times);
- the matter called simple for them: "it is simple enough", "it's not rocket science", "eigentlich ganz einfach",
  "kein Hexenwerk", "c'est pourtant simple", "ce n'est pas sorcier", "no tiene ningún misterio", "es muy sencillito"
  ("the setup is simple: two waves" describes the product and passes);
- what the buyer surely knows "themselves": "as you surely know yourself", "wie Sie sicher selbst wissen", "comme vous
  le savez sûrement vous-même", "como usted mismo sabrá" ("as you know" alone recalls a fact and passes);
- their weak spot: "not your strong suit", "nicht Ihre Stärke", "pas votre fort", "no es su fuerte".

Wave 42 (set 54's de-b9 "wie ich Ihnen bereits in der Demo erklärt habe – offenbar ist das nicht angekommen", fr-b9
"Comme je l'ai pourtant déjà expliqué lors de la démonstration ... prenez le temps de la lire attentivement cette
fois-ci", passed by this check; en-b9 and es-b9, the same draft, were caught by the first shape):
- German puts the verb last, so "bereits" and "erklärt" stand up to six words apart in one clause ("bereits in der Demo
  ausführlich erklärt"); French drops "vous" or adds "pourtant" ("comme je l'ai pourtant déjà expliqué");
- "not complicated to understand" in French as "n'a rien de compliqué à comprendre";
- a fifth shape, reading "this time": "read it carefully this time", "lesen Sie es diesmal genau", "lisez-la
  attentivement cette fois-ci", "esta vez léala con calma" (a reading asked for with no "this time", "please read the
  rollout section before the meeting", passes).
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_PATRONISING = re.compile(
    r"""\b(?:
    as\s+i(?:'ve|\s+have)?\s+(?:already\s+)?(?:explained|told\s+you)\s+(?:\w+\s+){0,2}?(?:twice|again|already|
        (?:several|many|a\s+few|three)\s+times|more\s+than\s+once|before)
    |as\s+i(?:'ve|\s+have)?\s+already\s+(?:explained|told\s+you)
    |wie\s+ich\s+(?:ihnen\s+|es\s+ihnen\s+|das\s+)?(?:schon|bereits)\s+(?:[\w.]+\s+){0,6}?(?:erklart|gesagt|dargelegt)
    |wie\s+ich\s+(?:ihnen\s+)?(?:zweimal|mehrfach|mehrmals|wiederholt)\s+(?:\w+\s+)?(?:erklart|gesagt)
    |comme\s+je\s+vous\s+l'ai\s+(?:deja\s+)?(?:explique|dit|repete)\s+(?:deux|trois|plusieurs)\s+fois
    |comme\s+je\s+vous\s+l'ai\s+deja\s+(?:explique|dit|repete)
    |comme\s+je\s+(?:vous\s+)?l'ai\s+(?:pourtant\s+|bien\s+)?(?:deja\s+)(?:pourtant\s+)?(?:explique|dit|repete)
    |comme\s+je\s+vous\s+l'ai\s+pourtant\s+(?:explique|dit|repete)
    |como\s+ya\s+(?:se\s+lo\s+|se\s+la\s+|le\s+|les\s+|te\s+)(?:he\s+|habia\s+)?(?:explique|explicado|dije|dicho)
    |como\s+(?:le|les|te)\s+(?:he\s+)?(?:explique|explicado|dije|dicho)\s+(?:dos|tres|varias)\s+veces
    |(?:it\s+is|it's|that\s+is|that's|this\s+is)\s+(?:quite\s+|really\s+)?simple\s+enough\s*(?:[.;!]|$)
    |simple\s+enough\s+to\s+(?:follow|understand|grasp)
    |not\s+(?:exactly\s+)?rocket\s+science|(?:really\s+)?not\s+(?:that|so)\s+(?:hard|complicated|difficult)\s+to\s+(?:follow|understand|grasp)
    |eigentlich\s+ganz\s+einfach|kein\s+hexenwerk|(?:doch|wirklich)\s+nicht\s+so\s+schwer\s+zu\s+verstehen
    |c'est\s+pourtant\s+simple|n'a\s+rien\s+de\s+(?:bien\s+|tres\s+)?(?:complique|difficile|sorcier)\s+a\s+comprendre|(?:ce\s+n'est|c'est)\s+pas\s+sorcier|pas\s+bien\s+complique\s+a\s+comprendre
    |no\s+tiene\s+(?:ningun|mucho)\s+misterio|es\s+(?:muy\s+)?sencill(?:it)?[oa]\s+de\s+entender|no\s+es\s+tan\s+dificil\s+de\s+entender
    |as\s+you\s+(?:surely|no\s+doubt|must|will|probably)\s+know\s+yourself|as\s+you\s+yourself\s+(?:surely\s+|must\s+)?know
    |wie\s+sie\s+(?:sicher|sicherlich|bestimmt|ja|doch)\s+(?:\w+\s+)?selbst\s+wissen
    |comme\s+vous\s+le\s+savez\s+(?:surement|sans\s+doute|certainement|bien)\s+vous-meme
    |como\s+(?:usted|ustedes)\s+mism[oa]s?\s+(?:sabra|sabe|sabran|saben)
    |(?:not|never\s+been)\s+(?:exactly\s+)?your\s+(?:strong\s+(?:suit|point)|forte|thing)
    |nicht\s+(?:unbedingt\s+|gerade\s+)?ihre\s+starke
    |(?:ne\s+sont|n'est|sont|est)\s+pas\s+(?:forcement\s+|vraiment\s+|franchement\s+)?(?:votre|leur)\s+fort
    |no\s+(?:es|son)\s+(?:precisamente\s+|exactamente\s+)?su\s+fuerte
    |\bread\b(?:\s+[\w'-]+){0,6}?\s+(?:properly|carefully|closely|thoroughly|attentively)\s+this\s+time
    |\bthis\s+time,?\s+(?:please\s+)?(?:do\s+)?read\b
    |\b(?:diesmal|dieses\s+mal)\s+(?:[\w.]+\s+){0,4}?(?:genau|grundlich|aufmerksam|sorgfaltig|richtig|in\s+ruhe)\s+(?:durch)?(?:lesen|liest)
    |\b(?:lesen|lies)\s+sie\s+(?:[\w.]+\s+){0,6}?(?:diesmal|dieses\s+mal)\b
    |\b(?:lisez|lire|relisez|relire)(?:-(?:la|le|les))?\b(?:\s+[\w'-]+){0,6}?\s+cette\s+fois(?:-ci)?
    |\besta\s+vez\s+(?:[\w]+\s+){0,3}?(?:lea|leala|lealo|leer|lean|leanla|leanlo)\b
    |\b(?:lea|leala|lealo|leer|lean)\b(?:\s+\w+){0,6}?\s+esta\s+vez
    )""",
    re.X,
)
"""The four shapes of talking down, folded (lower case, no accents)."""


def condescending(body: str) -> list[str]:
    """Sentences that talk down to the buyer."""
    out = []
    for sentence in sentence_parts(normalise(body)):
        if m := _PATRONISING.search(_fold(sentence.lower())):
            out.append(f"talks down to the buyer ({m.group(0).strip()!r}): {sentence.strip()[:80]!r}")
    return out[:2]
