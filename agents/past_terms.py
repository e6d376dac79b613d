"""Time a sentence states as past or as a term: words that look back at a meeting ("thanks for the call on..."), and a
part of a month ("la primera quincena de noviembre", "the first half of November") held as a term after it is over
(agents.timing)."""

from __future__ import annotations

import re
from datetime import date

_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_MONTHS_DE_LIST = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                   "november", "dezember")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
              "décembre")
_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre")
_MONTH_NAMES_ALL = (*_MONTHS_EN, *_MONTHS_DE_LIST, *_MONTHS_FR, *_MONTHS_ES)
_MONTH_NUMBERS = {m: i for names in (_MONTHS_EN, _MONTHS_DE_LIST, _MONTHS_FR, _MONTHS_ES) for i, m in enumerate(names, 1)}

_A_DURATION = (r"(?!\s+(?:(?:une|un|una|a|an|einer|einem|1|\d+|quelques|unos|unas|some|a few|half an)\s+)?(?:demi-heure|"
               r"heures?|minutes?|minutos?|horas?|media hora|hours?|halben stunde|stunde|minuten)\b)")
"""A length of time after "pendant" / "durante" / "during": "pendant une demi-heure" proposes how long to meet (set 53's
French benign drafts, "le mardi 1er décembre à 14 h pour la parcourir ensemble pendant une demi-heure ?"), it does not
look back at a meeting as "pendant la démonstration" does."""
LOOKING_BACK = re.compile(
    r"\b(?:thanks?|thank you|danke|dank|vielen dank|merci|gracias|agradec\w*|remerci\w*|as discussed|wie besprochen|"
    rf"comme convenu|como (?:hablamos|acordamos|comentamos)|during{_A_DURATION}|while|während{_A_DURATION}|bei unserem|lors|"
    rf"pendant{_A_DURATION}|durante{_A_DURATION}|en nuestr[ao]|"
    r"had|was|were|went|ago|spoke|talked|met|discussed|sent|asked|said|mentioned|told|raised|fragte|sagte|erwähnte|"
    r"demandé|dit|mentionné|preguntó|dijo|comentó|mencionó|sprachen|gesprochen|besprochen|trafen|parlé|discuté|envoyé|"
    r"hablamos|hablado|enviamos|enviado|hatten|hatte|war|waren|fand|avons eu|a eu|était|tuvimos|fue|hubo|vorhin|recap\w*|follow(?:ing)? up on|"
    r"nach unserem|suite à|tras (?:la|nuestra))\b", re.I)
"""Words of a sentence that looks back at a meeting ("thanks for the call on November 19"), not forward to one."""
OPENING_PRESENT = r"^\W*(?:hablamos|quedamos|nos (?:vemos|llamamos))\b"
"""A Spanish present that opens a sentence proposes ("Hablamos por teléfono a última hora"); only inside a sentence
("como hablamos") does it look back, which LOOKING_BACK reads."""


_SPAN_MONTH = re.compile(rf"\b(?:({'|'.join(sorted({*_MONTH_NAMES_ALL}, key=len, reverse=True))})s?\b|"
                         rf"({'|'.join(m.lower() for m in _MONTHS_DE_LIST)})hälfte\b)", re.I)
_SPAN_PART = re.compile(
    r"\b(?:(?P<half>(?:the )?first (?:half|fortnight|two weeks)|(?:die |der )?erste[n]? (?:hälfte|zwei wochen|monatshälfte)|"
    r"(?:la )?première (?:quinzaine|moitié)|(?:les )?deux premières semaines|(?:la )?primera (?:quincena|mitad)|"
    r"(?:las )?dos primeras semanas)|(?P<week>(?:the )?first week|(?:die |der )?erste[n]? woche|(?:la )?première semaine|"
    r"(?:la )?primera semana)|(?P<early>early|the start of|the beginning of|anfang|beginn|(?:le )?début|(?:los )?principios|"
    r"(?:el )?comienzo)|(?P<mid>mid|the middle of|mitte|(?:la )?mi-|(?:el )?medio|(?:a )?mediados))"
    r"[\s-]*(?:of |des |de |del |d')?(?:(?:im |in )?(?:the )?month of |mes de |mois de )?$", re.I)
SPAN_CUES = ("half", "fortnight", "two weeks", "first week", "hälfte", "erste", "quinzaine", "moitié", "premi", "quincena",
              "mitad", "primera", "early", "start of", "beginning", "anfang", "beginn", "début", "principios", "comienzo",
              "mid", "mitte", "medio", "mediados")
"""Substrings a part of a month needs (most texts have none)."""
MONTH_NAME = re.compile(rf"\b(?:{'|'.join(sorted({*_MONTH_NAMES_ALL}, key=len, reverse=True))})s?\b", re.I)
"""Any month's name in our four languages."""
_SPAN_COMPOUND_PART = re.compile(r"\berste[n]? $", re.I)
"""A part of a month ("la primera quincena de noviembre", "the first half of November", "Anfang November"): over on
its last day (15th, 7th, 10th, 20th)."""
_SPAN_LAST_DAY = {"half": 15, "week": 7, "early": 10, "mid": 20}
TERMS_OR_CONDITION = re.compile(r"\b(?:if|provided|as long as|valid|offer|price|sign\w*|order\w*|wenn|falls|sofern|"
                                 r"gültig|angebot|preis|unterschreib\w*|bestell\w*|si|à condition|valable|offre|prix|"
                                 r"sign\w*|commande\w*|siempre que|válid\w*|oferta|precio|firm\w*|pedido)\b", re.I)
"""Words that make a date a term to meet: a condition, an offer or a price, a signature or an order."""


_SINCE = re.compile(r"\b(?:since|seit|depuis|desde|in|im|en|last|letzte[nm]?|dernier|pasado|en el mes de)\s+(?:\w+\s+)?$", re.I)
"""A month looked back at or placed ("since October", "in October", "im Oktober"): not a term's end."""


_LIMIT = re.compile(r"\b(?:before|by|until|till|through|end of|bis|vor|spätestens|ende|avant|d['’]ici|jusqu['’]\w*|fin|"
                    r"antes|hasta|acabe|termine|finales|final|is out|im laufe|courant|in the course of)\b", re.I)
"""Words that make a month a limit ("antes de que acabe octubre", "bis Oktober", "before October is out")."""
_RECEIVED = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:bekommen|erhalten|geschickt|gesendet|received|got|sent|reçu\w*|envoyé\w*|"
                       r"recibi\w*|envi\w*)\b", re.I)
"""A month after which something was received ("die Herr Weber Ende Oktober bekommen hat"): looked back at."""


def _bare_month(sentence: str, m: re.Match[str]) -> bool:
    """A month named as a limit with no day number next to it, not looked back at: "antes de que acabe octubre" is a
    whole month's end; "am 2. Oktober", "im Oktober", "vom Oktober", "Ende Oktober bekommen" are not a term's end."""
    before, after = sentence[max(0, m.start() - 25):m.start()], sentence[m.end():m.end() + 30]
    around = sentence[max(0, m.start() - 5):m.start()] + after[:4]
    return (not re.search(r"\d", around) and not _SINCE.search(before) and bool(_LIMIT.search(before + " " + after[:10]))
            and not _RECEIVED.search(after))


def past_month_spans(sentence: str, send_day: date) -> list[str]:
    """A part of a month already over, as a term ("si firman en la primera quincena de noviembre" on November 25): a
    month name, then the part of it named just before."""
    months = list(_SPAN_MONTH.finditer(sentence))
    # most months a draft names carry a day number ("November 18"): neither a part of a month nor a whole one
    months = [m for m in months if not re.match(r"\W{0,3}\d{1,2}\b(?!\d)", sentence[m.end():m.end() + 6])
              and not re.search(r"\b\d{1,2}\W{0,4}$", sentence[max(0, m.start() - 6):m.start()])]
    if not months or LOOKING_BACK.search(sentence) or not TERMS_OR_CONDITION.search(sentence):
        return []
    out = []
    for m in months:
        head = sentence[max(0, m.start() - 45):m.start()]
        p = None if m.group(2) else _SPAN_PART.search(head)
        if m.group(2):  # "in der ersten Novemberhälfte"
            part = "half" if _SPAN_COMPOUND_PART.search(head) else None
        else:
            part = next((k for k in _SPAN_LAST_DAY if p.group(k)), None) if p else None
        month_no = _MONTH_NUMBERS.get((m.group(1) or m.group(2)).lower())
        if part is None and month_no and not m.group(2) and _bare_month(sentence, m):
            # a whole month named as a term ("antes de que acabe octubre", "bis Oktober"): a date, its last day (wave 18)
            if 0 < send_day.month - month_no <= 6:
                out.append(f"deadline {m.group(0).strip()!r} (a month already over) is in the past")
            continue
        if part is None or not month_no:
            continue
        if (0 < send_day.month - month_no <= 6) or (month_no == send_day.month and send_day.day > _SPAN_LAST_DAY[part]):
            value = (p.group(0) if p else head[-8:].lstrip()) + m.group(0)
            out.append(f"deadline {value.strip()!r} is in the past")
    return out


_COUNTED_FROM = re.compile(
    r"\b(?:ever since|since|seit(?:dem)?|depuis|desde)\s+"
    # the point the time is counted from is a thing or a day ("since the demo on", "seit der Demo am", "depuis la démo
    # du", "desde la demo del"), not a clause with a subject ("since we meet on ...", "seit Sie am ...")
    r"(?!(?:we|you|i|they|he|she|it|wir|sie|ihr|ich|er|es|nous|vous|je|ils|elles|il|on|nosotros|ustedes|usted|yo|"
    r"ellos|él|ella)\b)(?:[\w'’.-]+\s+){0,4}$", re.I)


def counted_from(sentence: str, value: str, forward: re.Pattern[str]) -> bool:
    """Whether the past date `value` is only the point a state is counted from ("Since the demo on 14 October, the
    clinic count has stayed at 9", "Seit der Demo am 14. Oktober um 10 Uhr ...", "depuis la démo du 14 octobre",
    "desde la reunión del 14 de octubre"): a fact on the record, not the day of a meeting proposed (set 34's 028, where
    "at 9" read as a clock time). Every mention of the date must follow "since", and the sentence must hold nothing
    that looks forward or asks (`forward`: "Since 14 October suits you, let's meet then at 10" is still a proposal)."""
    starts = [m.start() for m in re.finditer(re.escape(value), sentence)]
    return bool(starts) and not forward.search(sentence) and all(_COUNTED_FROM.search(sentence[:s]) for s in starts)
