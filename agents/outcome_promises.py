"""Results promised to the buyer (issue 11, wave 14): "you'll see idle time drop from the very first week", "vos temps
d'immobilisation vont fondre dès le premier mois", "le aseguro que recupera la inversión antes de la renovación". A rep
promises no result and no date for it that nothing measured supports; the record's payback estimate or pilot may be
reported, not promised anew. Read as a shape: an outcome of the buyer's (idle time, fuel, savings, the investment), a
change to it (drop, halve, recover, senken, fondre, reducir) and a time frame (within, from the first week, dès le
premier mois, en pocas semanas), with no document the record has and no question."""

from __future__ import annotations

import re

from agents.negation import negation_governs
from agents.sentence_ends import sentence_parts

_OUTCOME = re.compile(
    r"\b(?:idle\w*|fuel|savings?|investment|payback|roi|downtime|results?|leerlauf\w*|diesel\w*|ersparnis\w*|einsparung\w*|"
    r"investition\w*|amortisation|ergebnis\w*|immobilisation\w*|carburant|économies|investissement|résultats?|"
    r"temps d'arrêt|ralentí|combustible|ahorros?|inversión|resultados?|"
    # the payback itself, as a verb: "vous amortirez", "lo tiene amortizado", "pays for itself", "rentabilisé"
    r"amorti\w*|amortiz\w*|amortisier\w*|rentabilis\w*|rentabiliz\w*|pays? for itself|paid for itself)\b", re.I)
_CHANGE = re.compile(
    r"\b(?:drops?|dropping|fall\w*|shrink\w*|halv\w*|cut|reduc\w*|recover\w*|recoup\w*|sink\w*|see|notice|"
    r"senk\w*|halbier\w*|reduzier\w*|stellt sich\b|einstell\w*|sehen|spüren|"
    r"fond\w*|baiss\w*|réduir\w*|diminu\w*|rentabilis\w*|récupér\w*|visibles?|verrez|"
    r"baj\w*|recuper\w*|amortiz\w*|amorti[rs]\w*|amortisier\w*|verá\w*|notará\w*|mitad|half|moitié|hälfte)\b", re.I)
_ARRIVING = re.compile(
    # wave 41: savings said to arrive ("vos économies arrivent dès le premier mois", "the savings kick in"); results
    # that arrive are a report sent ("the results arrive in your inbox")
    r"\b(?:savings?|économies|ahorros?|einsparung\w*|ersparnis\w*)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:arriv\w*|kick(?:s|ing)?\s+in|greif\w*|lleg(?:a|an|ará|arán|ue|uen))\b", re.I)
FRAME = re.compile(
    r"\b(?:within|from (?:the )?(?:very )?(?:first|day one|week one)|in (?:a few|a couple of|\d+|two|three|four|six) "
    r"(?:weeks?|months?|days?)|before the (?:first|next)|"
    r"(?:im|ab dem|schon im|innerhalb des|in den) (?:ersten|nächsten|\w+) (?:monat|woche|quartal|jahr|wochen|monaten)\w*|"
    r"binnen|innerhalb|schon nach|"
    r"dès (?:le|la|les) premi\w+|en quelques (?:semaines|jours|mois)|d'ici (?:quelques|la fin)|"
    r"en (?:unas|pocas|\d+) (?:semanas|días|meses)|antes de (?:la|el) (?:renovación|primer\w*)|desde (?:el|la) primer\w*|"
    r"dentro de|"
    # any count of a time unit after a preposition: "en six mois", "en tres meses", "in zwei Monaten", "in nine weeks"
    r"(?:in|en|dans|within|binnen|innerhalb von) (?:\w+ ){1,2}?(?:weeks?|months?|days?|wochen|monaten?|tagen|semaines|mois|"
    r"jours|semanas|meses|días))\b", re.I)
_REPORTED = re.compile(
    # what the record's documents say is reported, not promised: "the payback estimate shows", "im Pilot", "le pilote"
    r"\b(?:estimate|pilot|proposal|case|schätzung|amortisationsrechnung|pilot\w*|angebot|estimation|pilote|proposition|"
    r"estimaci[oó]n|piloto|propuesta)\b|\?", re.I)
HEDGED = re.compile(r"\b(?:usually|typically|often|generally|in general|tend to|meist\w*|häufig|oft|in der regel|"
                     r"souvent|généralement|en général|normalmente|suelen|a menudo|por lo general)\b", re.I)
"""What teams usually see is experience told, not a promise to this buyer."""
VOUCHED = re.compile(r"\b(?:promise|guarantee\w*|assure|zusicher\w*|versprech\w*|garantier\w*|garanti\w*|promets|"
                      r"assure|garantiz\w*|aseguro|prometo|c'est (?:certain|sûr)|à coup sûr|ganz sicher|for sure|"
                      r"no doubt|definitely|sin duda)\b", re.I)
"""A result vouched for in so many words needs no time frame to be a promise."""
CERTAIN = re.compile(
    r"\b(?:certainly|surely|for sure|definitely|undoubtedly|without (?:a |any )?doubt|no doubt|rest assured|"
    r"(?:i|we) (?:can )?(?:promise|guarantee|assure)|guaranteed|"
    r"mit (?:absoluter )?sicherheit|ganz (?:sicher|bestimmt)|garantiert|zweifellos|ohne (?:jeden )?zweifel|"
    r"(?:ich|wir) (?:verspreche\w*|versicher\w*|garantier\w*)|"
    r"à coup sûr|certainement|forcément|sans aucun doute|assurément|(?:je|nous) vous (?:promet\w*|garanti\w*|assur\w*)|"
    r"con (?:total |toda )?seguridad|sin (?:ninguna )?duda(?: alguna)?|indudablemente|ciertamente|"
    r"(?:le|les) (?:aseguro|aseguramos|prometo|prometemos|garantizo|garantizamos))\b", re.I)
"""Certainty said of a result (wave 41, the lead's probe): "no-shows will certainly fall", "Ihre Leerkilometer sinken
mit Sicherheit", "vos kilomètres à vide baisseront à coup sûr", "bajarán con total seguridad". With a word of change
this is a promise whatever the outcome is called, so no list of outcomes is needed (empty miles, Standzeiten, la
consommation and los tiempos muertos are not on `_OUTCOME`'s)."""
_MOVES = re.compile(
    r"\b(?:drops?|dropping|fall\w*|go(?:es)? down|decreas\w*|declin\w*|shrink\w*|sink\w*|plummet\w*|cut|reduc\w*|"
    r"lower\w*|fewer|less|halv\w*|improv\w*|ris(?:e|es|ing)|increas\w*|grow\w*|doubl\w*|"
    r"sink\w*|sank|fall\w*|fäll\w*|zurückgeh\w*|abnehm\w*|weniger|senk\w*|verringer\w*|reduzier\w*|halbier\w*|"
    r"steig\w*|verbesser\w*|wachs\w*|verdoppel\w*|"
    r"baiss\w*|diminu\w*|chut\w*|rédui\w*|moins|recul\w*|fond\w*|augment\w*|amélior\w*|doubl\w*|"
    r"baj\w*|reduc\w*|reduzc\w*|disminu\w*|ca(?:e|en|erá\w*|iga\w*)|menos|descend\w*|mejor\w*|aument\w*|"
    r"crec\w*|duplic\w*)\b", re.I)
"""Words of a result moving, in the four languages."""
_WE_CAN = re.compile(r"\b(?:(?:we|i) (?:can|could|may|are able to|am able to)|(?:können|könnten|dürfen) wir|wir (?:können|könnten)|"
                     r"(?:kann|könnte) ich|ich (?:kann|könnte)|nous (?:pouvons|pourrions)|je (?:peux|pourrais)|"
                     r"pouvons-nous|podemos|podríamos|puedo|podría)\b", re.I)
_YOURS = re.compile(r"\b(?:your|yours|ihr\w*|vos|votre|sus?|tus?)\b", re.I)
"""A move we offer to make ("we can definitely lower the number of seats", "Certainly, we can reduce the scope", "Wir
können die Anzahl der Lizenzen ganz sicher senken") is an offer about the order, read by the concession rules, not a
result promised; unless it moves something of the buyer's ("we can certainly cut your fuel costs")."""


def _result_moves(sentence: str) -> bool:
    offer = _WE_CAN.search(sentence)
    return any(not offer or offer.start() > m.start() or _YOURS.search(sentence[offer.end():m.end() + 40])
               for m in _MOVES.finditer(sentence))
_COUNTED_CHANGE = re.compile(
    # wave 41 (issue 11; the lead's probe "results guaranteed; 30% fewer empty miles"): a result counted as a share more or
    # less of anything the buyer measures names its outcome by its count, whatever the noun (empty miles, Leerkilometer,
    # kilomètres à vide, kilómetros en vacío)
    r"\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|prozent|pour\s*cent|por\s*ciento)(?:\s+(?:de|of))?\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:fewer|less|lower|weniger|geringer\w*|niedriger\w*|moins|menos)\b|"
    r"\b(?:fewer|less|lower|weniger|moins|menos)\s+(?:[\w'’-]+\s+){0,3}?(?:by|um|de|en\s+un|un)\s+\d+(?:[.,]\d+)?\s*"
    r"(?:%|percent|per cent|prozent|pour\s*cent|por\s*ciento)|"
    r"\b\d+(?:[.,]\d+)?\s*(?:%|pour\s*cent)\s+(?:de|d['’])\s*(?:[\w'’-]+\s+){1,4}?en\s+moins\b",
    re.I,
)
"""A share fewer or less of something ("30% fewer empty miles", "30 % weniger Leerkilometer", "30 % de kilomètres à
vide en moins", "un 30 % menos de kilómetros en vacío")."""
_CUES = ("idle", "fuel", "saving", "invest", "payback", "roi", "downtime", "result", "leerlauf", "diesel", "ersparnis",
         "einsparung", "amortis", "ergebnis", "immobilis", "carburant", "économ", "temps d'arrêt", "ralent", "combustible",
         "ahorro", "inversi", "resultado", "résultat", "amorti", "rentabili", "for itself")
"""Substrings one of the outcome words needs (lower-cased)."""


def promised_outcomes(text: str) -> list[str]:
    """Sentences of `text` that promise the buyer a result by a time, with nothing the record has behind them."""
    low = text.lower()
    counted = "%" in low or any(w in low for w in ("percent", "per cent", "prozent", "pour cent", "por ciento"))
    named = (counted or any(cue in low for cue in _CUES)) and (FRAME.search(text) or VOUCHED.search(text))
    if not named and not CERTAIN.search(text):
        return []  # most texts: no outcome word with a time frame or a promise word, and no certainty
    return [f"promise outside policy (a result promised): {s.strip()[:120]!r}" for s in sentence_parts(text)
            if (((_OUTCOME.search(s) and _CHANGE.search(s)) or _ARRIVING.search(s)
                or (counted and _COUNTED_CHANGE.search(s) and not _PRICE_SHARE.search(s)))
            and (FRAME.search(s) or _vouched(s))
            or _certain(s) and _result_moves(s) and not _PRICE_SHARE.search(s))
            and not _REPORTED.search(s) and not HEDGED.search(s)]


_PRICE_SHARE = re.compile(r"\b(?:price\w*|pricing|rates?|list|discount\w*|\w*preis\w*|rabatt\w*|prix|tarif\w*|remise\w*|"
                          r"precios?|descuentos?)\b", re.I)
"""A share off a price ("10% lower than the list") is a price term, read by the price rules, not a result."""
_DENIED_AT_THE_END = re.compile(r"\b(?:nicht|kein\w*|nie)\b[^,;:.!?]*$", re.I)
"""German negates a verb at the clause's end from before its object: "Wir können keine 30 % weniger ... garantieren"."""


def _vouched(sentence: str) -> bool:
    """Whether a vouching word of `sentence` vouches: "we can't guarantee results; ..." withholds it (wave 41: a
    sentence is read whole, across its ";", so a vouching word denied in one clause reached the other's result)."""
    return any(not negation_governs(sentence, m.start(), m.end())
               and not (_DENIED_AT_THE_END.search(sentence[:m.start()]) and re.match(r"\s*(?:[,;:.!?]|$)", sentence[m.end():]))
               for m in VOUCHED.finditer(sentence))


def _certain(sentence: str) -> bool:
    """Whether a word of certainty in `sentence` is said, not denied ("results are not guaranteed")."""
    return any(_SELF_NEGATED.match(m.group(0)) or not negation_governs(sentence, m.start(), m.end())
               for m in CERTAIN.finditer(sentence))


_SELF_NEGATED = re.compile(r"(?:without|no|ohne|sans|sin)\b", re.I)
"""Certainty said with its own "without" ("without a doubt", "ohne Zweifel", "sans aucun doute", "sin duda alguna"):
the word of negation is the phrase's, not a denial of it."""
