"""The buyer's own people blamed for the problem we sell against (issue 11, wave 28, set 37's fr-b4 "Il faut dire que
vos ateliers laissent filer beaucoup de rendez-vous", es-b4 "Seamos sinceros: su flota tira el gasóleo y alguien
tiene que ponerle freno").

agents.draft_tone reads reproach for silence and lateness, agents.doubted_competence a doubt that the buyer's team can
do its job. This is the third reproach: the buyer's own (your clinics, vos ateliers, su flota, Ihre Fahrer) said to
let the problem happen, by a verb of negligence or waste ("let slip", "waste", "laissent filer", "gaspillent", "tira",
"derrocha", "verschwenden", "schleifen lassen"), or, after a word of blunt candour ("frankly", "il faut dire que",
"seamos sinceros", "ehrlich gesagt"), by any negation of what they do ("reception has not been on top of reminders").
Describing the pain the buyer named ("the no-shows you told us about", "idle time costs fuel") names no culprit and
passes, and so does candour about our own side ("frankly, we have not finished the plan").
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_YOURS = r"(?:your|ihre?[nmrs]?|vos|votre|su|sus|vuestr[oa]s?)"
_NEGLECT = (
    r"(?:let\s+(?:\w+\s+){0,3}slip|waste\w*|throw\w*\s+(?:\w+\s+)?away|squander\w*|asleep\s+at\s+the\s+wheel|"
    r"verschwend\w*|verplemper\w*|(?:schleifen|schleif)\s*(?:lassen|lasst|lassen)|"
    r"laisse\w*\s+filer|gaspill\w*|jett\w*\s+(?:\w+\s+){0,2}par\s+les\s+fenetres|"
    r"tira\w*\s+(?:el|la|los|las)\s+\w+|derroch\w*|malgast\w*|despilfarr\w*)"
)
_FAULT = (
    r"(?:(?:in|un)effizient\w*|inefficien\w*|inefficace\w*|ineficien\w*|ineficaz\w*|chaoti\w*|caotic\w*|"
    r"disorgani[sz]ed|unorganisiert\w*|desorganiz\w*|desorgani[sz]\w*|"
    r"hingezogen|verschleppt|dragged(?:\s+on)?|took\s+(?:so|this|far\s+too)\s+long|traine\w*\s+en\s+longueur|"
    r"eternizad\w*|alargad\w*\s+tanto)"
)
"""wave 39: the buyer's people said to work badly ("arbeitet Ihre Disposition offensichtlich sehr ineffizient", set
34's de-b12) or their process to have dragged ("nachdem sich Ihre interne Abstimmung so lange hingezogen hat", set
36's de-b4): both were caught only by the German nouns check until "Disposition" and "Abstimmung" became words every
buyer may have."""
_BLAME = re.compile(rf"\b{_YOURS}\s+(?:[\w-]+\s+){{0,3}}?{_NEGLECT}|\b{_YOURS}\s+(?:[\w-]+\s+){{0,5}}?{_FAULT}|"
                    rf"\b(?:arbeitet|arbeiten|works?|is|are|ist|sind|est|sont|es|son)\s+{_YOURS}\s+(?:[\w-]+\s+){{0,4}}?"
                    rf"{_FAULT}")
_CANDOUR = re.compile(
    r"\b(?:frankly|let'?s\s+be\s+(?:honest|frank|clear)|to\s+be\s+(?:blunt|honest|frank)|honestly|"
    r"ehrlich\s+gesagt|seien\s+wir\s+ehrlich|mal\s+ehrlich|offen\s+gesagt|"
    r"il\s+faut\s+(?:bien\s+)?dire\s+que|soyons\s+(?:francs|honnetes|clairs)|disons-le|franchement|"
    r"seamos\s+(?:sinceros|francos|claros|honestos)|hay\s+que\s+decirlo|la\s+verdad\s+es\s+que|francamente)\b"
)
_HIGH_TIME = re.compile(
    r"\b(?:it\s+was\s+(?:high|about)\s+time|it'?s\s+(?:high|about)\s+time|(?:es\s+war|wurde)\s+(?:hochste|allerhochste)\s+zeit|"
    r"wurde\s+(?:aber\s+)?auch\s+zeit|il\s+(?:etait|est)\s+(?:grand\s+)?temps|ya\s+era\s+hora|(?:ya\s+)?es\s+hora\s+de\s+que)\b"
)
"""wave 28 (set 36's fr-b4, "Vu la façon dont les absences sont gérées aujourd'hui dans vos ateliers, il était temps
d'agir"): "it was about time" about the buyer's own way of working says they were late to see it."""
_NEGATION = re.compile(r"\b(?:not|n't|never|nicht|nie|kein\w*|pas|jamais|no|nunca)\b")
_PREPOSITION = re.compile(
    r"\b(?:at|in|of|across|for|on|from|bei|an|von|fur|auf|aus|dans|de|des|du|pour|sur|a|en|del|"
    r"para|por|con|entre)\s+$"
)
"""A preposition before "your ...": the buyer's sites as the place of the pain, not its subject."""
_OUR_SIDE = re.compile(r"\b(?:we|our|i|wir|unser\w*|ich|nous|notre|nos|je|nosotros|nuestr\w*|yo)\b")


def blamed_buyer(body: str) -> list[str]:
    """Sentences that blame the buyer's own people for the problem."""
    out = []
    for sentence in sentence_parts(normalise(body)):
        folded = _fold(sentence)
        m = _BLAME.search(folded)
        if m is not None and _PREPOSITION.search(folded[: m.start()]):
            m = None  # "idling at your depots wastes fuel": the depots are where the pain is, not who causes it
        if (
            m is None
            and _CANDOUR.search(folded)
            and re.search(rf"\b{_YOURS}\b", folded)
            and _NEGATION.search(folded)
            and not _OUR_SIDE.search(folded)
        ):
            m = _CANDOUR.search(folded)
        if m is None and _HIGH_TIME.search(folded) and re.search(rf"\b{_YOURS}\b", folded):
            m = _HIGH_TIME.search(folded)
        if m is not None:
            out.append(f"blames the buyer's own people: {sentence.strip()[:80]!r}")
    return out
