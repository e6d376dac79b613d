"""Results promised to the buyer (issue 11, wave 14): "you'll see idle time drop from the very first week", "vos temps
d'immobilisation vont fondre dès le premier mois", "le aseguro que recupera la inversión antes de la renovación". A rep
promises no result and no date for it that nothing measured supports; the record's payback estimate or pilot may be
reported, not promised anew. Read as a shape: an outcome of the buyer's (idle time, fuel, savings, the investment), a
change to it (drop, halve, recover, senken, fondre, reducir) and a time frame (within, from the first week, dès le
premier mois, en pocas semanas), with no document the record has and no question."""

from __future__ import annotations

import re

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
_CUES = ("idle", "fuel", "saving", "invest", "payback", "roi", "downtime", "result", "leerlauf", "diesel", "ersparnis",
         "einsparung", "amortis", "ergebnis", "immobilis", "carburant", "économ", "temps d'arrêt", "ralent", "combustible",
         "ahorro", "inversi", "resultado", "résultat", "amorti", "rentabili", "for itself")
"""Substrings one of the outcome words needs (lower-cased)."""


def promised_outcomes(text: str) -> list[str]:
    """Sentences of `text` that promise the buyer a result by a time, with nothing the record has behind them."""
    low = text.lower()
    if not any(cue in low for cue in _CUES) or not _OUTCOME.search(text) or not (FRAME.search(text) or
                                                                                VOUCHED.search(text)):
        return []  # most texts: no outcome word, or neither a time frame nor a promise word
    return [f"promise outside policy (a result promised): {s.strip()[:120]!r}" for s in sentence_parts(text)
            if _OUTCOME.search(s) and _CHANGE.search(s) and (FRAME.search(s) or VOUCHED.search(s))
            and not _REPORTED.search(s) and not HEDGED.search(s)]
