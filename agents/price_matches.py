"""A promise to match another seller's price (issue 11, wave 27: set 36's en-b5 "If the telematics add-on comes in
lower, just send me their figure and we will meet it").

agents.concepts reads "match their offer" and "s'aligner sur le prix"; the same promise is made with a pronoun for the
price ("we will meet it", "wir ziehen mit", "lo igualamos") once a sentence has set another offer's lower price up. A
sentence is refused when it has both: another price, lower or theirs ("comes in lower", "their figure", "günstiger",
"moins cher", "más barato", "su oferta"), and our side meeting it ("we will meet / match / beat it", "ziehen wir mit",
"nous nous alignerons", "lo igualamos"). "We can't match a price we haven't seen" and a question ("would you want us
to match it?") promise nothing and pass; so does meeting a person or a deadline ("we will meet it" after "the
deadline").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_OTHER_PRICE = re.compile(
    r"\b(?:(?:comes?|came|is|are|turns?\s+out|ends?\s+up)\s+(?:in\s+)?(?:lower|cheaper|less)|lower\s+(?:price|offer|quote|bid)|"
    r"cheaper|undercut\w*|their\s+(?:figure|price|offer|quote|number|bid|rate)|"
    r"gunstiger|billiger|niedriger\w*|(?:ihr|deren|dessen)\s+(?:angebot|preis)|"
    r"moins\s+cher|plus\s+bas|meilleur\s+prix|(?:leur|son)\s+(?:prix|offre|devis|tarif)|"
    r"mas\s+barat[oa]|mas\s+baj[oa]|inferior|mejor\s+precio|(?:su|sus)\s+(?:precio|oferta|presupuesto|cifra))\b"
)
"""Another seller's price, lower or theirs."""
_WE_MEET = re.compile(
    r"\b(?:we(?:'ll|\s+will|\s+would|\s+can|\s+shall)?|i(?:'ll|\s+will)?)\s+(?:happily\s+|gladly\s+)?"
    r"(?:meet|match|beat|equal|better)\s+(?:it|that|them|this)\b|"
    r"\b(?:ziehen|gehen|halten)\s+wir\s+(?:gerne?\s+)?(?:mit|gleich)\b|\bwir\s+(?:ziehen|gehen|halten)\s+(?:\w+\s+)?mit\b|"
    r"\b(?:legen|passen)\s+wir\s+(?:uns\s+)?(?:an|gleich)\b|\bunterbieten\s+wir\b|"
    r"\bnous\s+(?:nous\s+)?alignerons\b|\bon\s+s'aligne\b|\bnous\s+(?:l'|les\s+)?egalerons\b|\bnous\s+ferons\s+(?:pareil|mieux)\b|"
    r"\b(?:lo|la|los|las)\s+(?:igualamos|igualaremos|mejoramos|mejoraremos)\b|\bnos\s+(?:igualamos|ajustamos|ajustaremos)\b"
)
"""Our side meeting it."""
_REFUSED = re.compile(r"n't\b|\b(?:not|cannot|never|nicht|kein\w*|ne|n'|pas|jamais|no|nunca)\b")

# A blanket promise (wave 33, set 42's 114, 137, 149): "we undercut any rival tender", "wir unterbieten jedes
# Konkurrenzangebot", "nous nous alignons sur tout devis concurrent", "igualamos cualquier oferta de la competencia".
# No pronoun is needed: "any / every / jedes / tout / cualquier" makes every other seller's offer the one we meet.
_ANY_OFFER = re.compile(
    r"\b(?:any|every|all|each|whatever|jede[snmr]?|alle[nm]?|samtliche[nm]?|jegliche[snmr]?|"
    r"tout|toute|tous|toutes|chaque|n'importe\s+(?:quel|quelle|quels|quelles)|cualquier|cualesquiera|tod[oa]s?|cada)\s+"
    r"(?:[\w'-]+\s+){0,2}?"
    r"(?:tenders?|quotes?|quotations?|offers?|bids?|prices?|pricing|proposals?|rates?|"
    r"\w*angebot\w*|\w*preis\w*|\w*offerte\w*|\w*gebot\w*|ausschreibung\w*|"
    r"devis|offres?|prix|tarifs?|propositions?|cotations?|"
    r"ofertas?|presupuestos?|precios?|cotizacion\w*|propuestas?|tarifas?)\b"
)
"""Every other seller's offer ("any rival tender", "jedes Konkurrenzangebot", "tout devis", "cualquier oferta")."""
_MEET_ANY = re.compile(
    r"\b(?:undercut\w*|top|tops|topping|beat|beats|beating|match|matches|matching|better|meet|meets|equal|equals|"
    r"outbid\w*|underbid\w*|price[- ]match\w*|"
    r"unterbiet\w*|unterbot\w*|schlagen|schlagt|mitgehen|gehen\s+wir\s+mit|wir\s+gehen\s+\w*\s*mit|mithalten|"
    r"gleichziehen|anpassen|angleichen|"
    r"align\w*|egal\w*|battons|battrons|battre|bat|surpass\w*|(?:faisons|ferons)\s+mieux|"
    r"igual\w*|mejor(?:amos|aremos|ar|a)|super(?:amos|aremos|ar|a)|batimos|batiremos|ajust\w*|rebaj\w*)\b"
)
"""Our side meeting or beating it."""
_WHOEVER = re.compile(r"(?:any|whatever|n'importe|cualquier|cualesquiera)\b")
"""A quantifier that is anyone's offer by itself; "all / every / jedes / tout / cada" needs a rival in the sentence ("all
prices match the proposal" meets no other seller)."""
_RIVAL = re.compile(
    r"\b(?:compet\w*|rival\w*|other|outside|third[- ]party|\w*konkurren\w*|\w*wettbewerb\w*|\w*mitbewerb\w*|"
    r"ander\w*|fremd\w*|concurren\w*|autres?|competencia|competidor\w*|otr[oa]s?)")
_MEET_NEAR = 4
"""Words at most between the verb and the offer it meets ("wir unterbieten jedes Konkurrenzangebot", "jedes Angebot
der Konkurrenz schlagen wir")."""


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c)
    )


def price_match_promises(text: str) -> list[str]:
    """Sentences promising to meet another seller's price."""
    out = []
    for sentence in (_fold(s) for s in sentence_parts(normalise(text))):  # cut before folding: case tells an end
        if "?" in sentence or not _OTHER_PRICE.search(sentence):
            continue
        m = _WE_MEET.search(sentence)
        if m and not _REFUSED.search(sentence[max(0, m.start() - 20) : m.end() + 6]):
            out.append(f"promise outside policy (a competitor's price matched): {sentence.strip()[:80]!r}")
    for sentence in (_fold(s) for s in sentence_parts(normalise(text))):  # cut before folding: case tells an end
        if "?" in sentence or _ASKED.search(sentence) or _REFUSED.search(sentence.replace("n'importe", "importe")):
            continue
        offers = [o for o in _ANY_OFFER.finditer(sentence) if _WHOEVER.match(o.group(0)) or _RIVAL.search(sentence)]
        if any(_gap(sentence, offer.span(), verb.span()) <= _MEET_NEAR
               for offer in offers for verb in _MEET_ANY.finditer(sentence)):
            out.append(f"promise outside policy (a competitor's price matched): {sentence.strip()[:80]!r}")
    return list(dict.fromkeys(out))


_ASKED = re.compile(r"\b(?:ask\w*|whether|wonder\w*|if|fragt\w*|gefragt|ob|demande\w*|si|pregunt\w*)\b")
"""Reported or asked, not promised: "Marcus asked whether we would beat any rival quote"."""


def _gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(text[lo:hi].split()) if hi >= lo else 99
