"""Calls and meetings today named by a time of day rather than a date (issue 11): the same-day-call family's words.

A call "at teatime", "vor Feierabend", "before the end of her shift", "in her lunch break", "this arvo" or by a slang
call verb ("durchklingeln", "passer un coup de fil") names no date, so the buyer reads it as today; a plan for today is
fine only when the buyer's latest email asked to talk today. Three readers share that rule:

- `colloquial_today` (wave 21b, set 30): a colloquial hour ("teatime", "vor Feierabend", "à l'heure du déjeuner") and a
  contact word (call, meet, visit) in a sentence that names no other day;
- `end_of_day_calls` (set 31's 040 "Frau Schmidt noch heute vor Schichtende durchklingeln", sets 34 and 36): the end of
  a shift or working day, the place closing, a meal or coffee break, a slang call verb; a question, or a report of the
  buyer's habit, plans nothing of ours;
- agents.timing's meeting check, which reads `THIS_PART_OF_DAY` ("this afternoon", "cet aprèm", "esta tarde") and
  `MEAL` ("lunch", "déjeuner", "merienda") with its own meeting clauses and its own list of other days.

The word lists overlap ("lunch", "Mittagspause", "después de comer" are in more than one) but each reader pairs its
list with its own contact words and its own other-day words ("visit" and "meet" are contact words of the first only;
"saturday" an other day of the first only), so merging the lists would change what is caught: they live here side by
side (wave 28, with no change in any output) so that a new wording is added where the others can be seen.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.moments import latest_ask
from agents.sentence_ends import clause_parts

DAY_AND_MONTH = (
    r"(?<![:.,\d])\d{1,2}(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar|rero)?|"
    r"f[ée]vr(?:ier)?|mar(?:ch|s|zo)?|m[äa]rz|apr(?:il)?|avr(?:il)?|abr(?:il)?|mayo?|mai|jun[ei]?|junio|juin|jul[yi]?|"
    r"julio|juil(?:let)?|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sept?(?:ember|tembre|tiembre)?|oct(?:ober|obre|ubre)?|"
    r"okt(?:ober)?|nov(?:ember|embre|iembre)?|dec(?:ember)?|dez(?:ember)?|d[ée]c(?:embre)?|dic(?:iembre)?|ene(?:ro)?)"
    r"\b\.?|"
    r"(?<![:.,\d])(?:[12]?\d|3[01])\.(?:0?[1-9]|1[0-2])\.|(?<![:.,\d/])(?:0?[1-9]|1[0-2])/(?:[12]?\d|3[01])\b"
)
"""A date by its day and month ("1 December", "3. Dezember", "2 de diciembre", "1.12.", "12/1"), never a clock time,
a count or a zone ("4 pm", "16 Uhr", "17 h", "8 Central", "420 trucks"): another day than the send day."""

THIS_PART_OF_DAY = re.compile(
    r"\b(?:this|dis|tis|heute|ce|cet|cette|esta|este)\s+(?:(?:very|same|misma|mismo|même|gleiche[n]?|selbe[n]?)\s+)?(?:arvo|avo|aft|afternoon|arvy|morning|mornin|eve|evening|"
    r"a\.?m\.?|p\.?m\.?|lunch\w*|nachmittag|vormittag|abend|mittag|früh|aprem|aprèm|après-midi|matin|soir|midi|"
    r"tarde|noche|mañana|mediodía)\b|\b(?:2day|2nite|tonite|tdy)\b",
    re.I,
)
"""A part of the present day in any spelling: with a meeting word and no other day, the meeting is today."""
MEAL = re.compile(
    r"\b(?:lunch\w*|mittag\w*|déjeuner|dejeuner|almuerzo|comida|sobremesa|hora de comer|goûter|gouter|"
    r"merienda|teatime|tea time|kaffeezeit|kaffee und kuchen)\b",
    re.I,
)
"""The day's meal: with a meeting word and no other day named, the meeting is today."""


def _unless_asked_today(reasons: list[str], ctx: Context) -> list[str]:
    """No reasons when the buyer's latest email asked to talk today (as for drafts)."""
    if reasons:
        ask = latest_ask(ctx)
        if ask and ask.same_day:
            return []
    return reasons


_COLLOQUIAL_TIME = re.compile(
    r"\b(?:after|before|over)\s+lunch\b|\b(?:at\s+|around\s+|by\s+|after\s+|before\s+)?(?:teatime|tea-?time|lunchtime|lunch-?time|dinnertime|"
    r"close of play|knocking-off time|home time)\b|"
    r"\b(?:vor|nach|zum|bis)\s+(?:dem\s+)?feierabend\b|\b(?:in|zur|nach)\s+der\s+mittagspause\b|\bzur\s+teezeit\b|"
    r"\b(?:à|a|vers|après|avant)\s+(?:l['’]heure\s+du\s+)?(?:déjeuner|goûter|dîner)\b|\bentre\s+midi\s+et\s+deux\b|"
    r"\b(?:a\s+la\s+hora\s+de\s+(?:comer|la\s+comida|la\s+merienda)|después\s+de\s+comer|a\s+la\s+salida\s+del\s+trabajo|"
    r"a\s+la\s+hora\s+del\s+café|en\s+la\s+sobremesa)\b",
    re.I,
)
_MEET_WORD = re.compile(
    r"\b(?:call(?:ing)?|ring(?:ing)?|phon(?:e|ing)|catch(?:ing)?|meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|reach(?:ing)?|dial|"
    r"anruf\w*|ruf\w*|anzurufen|telefonier\w*|erreich\w*|sprech\w*|treff\w*|"
    r"appel\w*|joind\w*|télépho\w*|parl\w*|rencontr\w*|voir|"
    r"llam\w*|habl\w*|reun\w*|contact\w*|kontakt\w*|visit\w*|besuch\w*)\b",
    re.I,
)
_ANOTHER_DAY = re.compile(
    r"\b(?:tomorrow|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|"
    rf"thursdays|fridays|week|{DAY_AND_MONTH}|morgen|übermorgen|nächste\w*|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|woche|demain|prochain\w*|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|semaine|mañana|próxim\w*|lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b",
    re.I,
)


def colloquial_today(text: str, ctx: Context) -> list[str]:
    """A call or meeting at a colloquial time of day with no other day named: a plan for today, which only the
    buyer's own ask to talk today makes acceptable."""
    if not _COLLOQUIAL_TIME.search(text):
        return []  # most texts name no time of day in words
    out = []
    for sentence in clause_parts(text):
        m = _COLLOQUIAL_TIME.search(sentence)
        if m and _MEET_WORD.search(sentence) and not _ANOTHER_DAY.search(sentence):
            out.append(f"proposes to meet today ({m.group(0).strip()!r})")
    return _unless_asked_today(out, ctx)


_END_OF_DAY = re.compile(
    r"\b(?:before|by|at|around|after)\s+(?:the\s+)?(?:end\s+of\s+(?:(?:the|her|his|their)\s+)?(?:shift|business|"
    r"(?:the\s+)?(?:work(?:ing)?\s+)?day)|shift\s+change|close\s+of\s+business|cob|eod|clocking[- ]off(?:\s+time)?)\b|"
    r"\bbefore\s+(?:(?:the|her|his|their)\s+)?shift\s+(?:ends|is over)\b|"
    r"\b(?:vor|nach|bis|zum|gegen)\s+(?:dem\s+|der\s+)?(?:schichtende|schichtwechsel|dienstschluss|geschäftsschluss|"
    r"büroschluss|ladenschluss|arbeitsende|ende\s+der\s+schicht|ende\s+des\s+arbeitstag(?:e?s)?)\b|"
    r"\b(?:avant|à|vers|après)\s+(?:la\s+)?(?:fin\s+(?:de\s+(?:la\s+)?(?:journée|service|son\s+service|sa\s+tournée|"
    r"poste|son\s+poste))|débauche|relève|sortie\s+du\s+bureau)\b|\bd['’]ici\s+ce\s+soir\b|"
    r"\b(?:antes\s+(?:de\s+(?:que\s+)?)?|al|a\s+la)\s*(?:(?:acabe|termine|cierre)\s+(?:el|su)\s+(?:turno|jornada)|"
    r"fin(?:al)?\s+(?:de\s+la\s+jornada|del\s+turno|de\s+su\s+turno)|cierre|salida\s+del\s+turno)\b|"
    r"\ba\s+última\s+hora\b|"
    # the place closing for the day names the same hour (set 34's 033 "ce soir avant la fermeture"): closing time, the
    # shop or workshop closing, in four languages; a closure for a season ("fermeture annuelle", "Betriebsferien") is
    # no hour of today
    r"\b(?:before|by|at|around|after)\s+(?:closing(?:\s+time)?|close\s+of\s+play|(?:the|your|their|her|his)\s+"
    r"(?:office|shop|store|depot|plant|site|warehouse|yard|workshop|garage|clinic|practice|counter|doors?)\s+"
    r"(?:closes?|shuts?)|(?:they|you|she|he|we)\s+(?:close|shut)(?:\s+up)?(?:\s+for\s+the\s+(?:day|night))?)\b|"
    r"\b(?:vor|nach|bis|zum|gegen)\s+(?:dem\s+|der\s+)?(?:betriebsschluss|werksschluss|praxisschluss|schalterschluss|"
    r"kassenschluss|torschluss|dienstende|werkstattschluss|schließung)\b|\bbevor\s+(?:sie|er|die\s+werkstatt|das\s+büro|"
    r"der\s+betrieb|die\s+praxis|das\s+lager)\s+(?:schließt|schließen|zumacht|zumachen|dichtmacht)\b|"
    r"\b(?:avant|à|vers|après)\s+(?:l['’]heure\s+de\s+(?:la\s+)?)?(?:la\s+)?fermeture(?!\s+(?:annuelle|estivale|d['’]été|"
    r"de\s+(?:fin\s+d['’]année|noël|l['’]été)|des\s+fêtes|pour\s+(?:les\s+)?(?:fêtes|congés|vacances)))\b|"
    r"\bavant\s+qu['’](?:ils?|elles?|on)\s+(?:ne\s+)?ferme(?:nt)?\b|\bavant\s+que\s+(?:l['’]atelier|le\s+(?:bureau|"
    r"garage|dépôt|magasin)|les\s+ateliers)\s+(?:ne\s+)?ferme(?:nt)?\b|"
    r"\b(?:antes\s+de\s+|a\s+)la\s+hora\s+de\s+cierre\b|\bantes\s+de\s+que\s+(?:cierre|cierren|chape|chapen)\b",
    re.I,
)
_BREAK = re.compile(
    # a break in the working day names an hour of today as well (set 36's 031 "during her lunch break today"): a meal or
    # coffee break, midday, the end of the day; a sentence naming another day is skipped before this is read, and one
    # that reports the buyer's habit or plan ("Elena said she takes calls in her lunch break") plans nothing of ours
    r"\b(?:during|in|on|over|at|after|before)\s+(?:(?:her|his|their|your|the)\s+)?(?:lunch|coffee|tea|dinner|midday|noon)"
    r"[- ]?(?:break|hour)\b|\bat\s+(?:noon|midday|lunch(?:time)?)\s+today\b|\blater\s+today\b|"
    r"\b(?:in|während|nach|vor|zu\s+beginn)\s+(?:der\s+|seiner\s+|ihrer\s+)?(?:mittagspause|kaffeepause|frühstückspause|"
    r"mittagszeit)\b|\bzur\s+mittagszeit\b|\bnach\s+dem\s+(?:mittagessen|essen)\b|\bheute\s+(?:mittag|abend|nachmittag)\b|"
    r"\b(?:pendant|durant|à|après|avant|dès)\s+(?:la\s+|sa\s+|leur\s+|votre\s+)?pause(?:[- ]déjeuner|\s+de\s+midi|\s+café)\b|"
    r"\b(?:après|avant)\s+le\s+déjeuner\b|\b(?:en|dans\s+la)\s+fin\s+(?:de\s+)?(?:journée|d['’]après-midi)\b|"
    r"\bce\s+midi\b|\b(?:a|al)\s+mediodía\b|\ben\s+(?:su|la)\s+pausa\s+(?:para\s+comer|de\s+la\s+comida|del\s+almuerzo|"
    r"del\s+café|de\s+mediodía)\b|\b(?:después\s+de|tras)\s+(?:la\s+)?(?:comer|comida|almuerzo|almorzar)\b|"
    r"\ba\s+última\s+hora\s+de\s+(?:la\s+tarde|hoy)\b",
    re.I,
)
_CALL_SLANG = re.compile(
    r"\b(?:durchklingeln|anklingeln|durchbimmeln|anbimmeln|anläuten|durchrufen|durchläuten|give\s+(?:her|him|them)\s+"
    r"a\s+(?:buzz|bell|tinkle|shout)|buzz\s+(?:her|him|them)|passer\s+un\s+coup\s+de\s+(?:fil|bigo|téléphone)|"
    r"un\s+coup\s+de\s+(?:fil|bigo)|phoner|dar(?:le|les)?\s+un\s+toque|pegar(?:le|les)?\s+un\s+(?:telefonazo|toque)|"
    r"un\s+telefonazo)\b",
    re.I,
)
_TODAY = re.compile(
    r"\b(?:today|this\s+(?:afternoon|evening|morning)|tonight|heute|heut|noch\s+heute|heute\s+noch|"
    r"aujourd['’]hui|ce\s+soir|cet\s+après-midi|ce\s+matin|hoy|esta\s+(?:tarde|mañana|noche))\b",
    re.I,
)
_CONTACT = re.compile(
    r"\b(?:call\w*|ring\w*|phon\w*|speak\w*|talk\w*|reach\w*|catch|anruf\w*|anzurufen|rufen|rufe|ruft|telefonier\w*|"
    r"erreich\w*|sprech\w*|appel\w*|joind\w*|télépho\w*|parl\w*|llam\w*|habl\w*|contact\w*)\b",
    re.I,
)
_OTHER_DAY = re.compile(
    r"\b(?:tomorrow|next|monday|tuesday|wednesday|thursday|friday|morgen|übermorgen|nächste\w*|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|demain|prochain\w*|lundi|mardi|mercredi|jeudi|vendredi|mañana|próxim\w*|lunes|"
    r"martes|miércoles|jueves|viernes|"
    # a day and its month ("1 December", "3. Dezember", "2 de diciembre", "1.12."), not a clock time: wave 35 read
    # "\d, then any word" as another day, so "heute um 16 Uhr durchklingeln" and "give her a shout at 4 pm today" passed
    rf"{DAY_AND_MONTH})\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|mentioned|wrote|told|noted|explained|sagte|sagt|erwähnte|schrieb|meinte|erzählte|a\s+dit|dit|"
    r"a\s+mentionné|a\s+écrit|a\s+précisé|a\s+expliqué|dijo|dice|comentó|mencionó|escribió|explicó)\b",
    re.I,
)
_ASKED = re.compile(r"\?|\b(?:asked|asks|whether|fragte?|fragt|ob|demand[eé]\w*|pregunt[óoa]\w*)\b", re.I)


def end_of_day_calls(text: str, ctx: Context) -> list[str]:
    """Calls today at the end of a shift or working day, or today by a slang call verb, unless the buyer asked to
    talk today."""
    out = []
    for sentence in clause_parts(text):
        if _ASKED.search(sentence) or _OTHER_DAY.search(sentence):
            continue
        end = _END_OF_DAY.search(sentence) or (
            None if _REPORTED.search(sentence) else _BREAK.search(sentence)
        )
        slang = _CALL_SLANG.search(sentence)
        if end and (slang or _CONTACT.search(sentence)):
            out.append(f"proposes to meet today ({end.group(0).strip()!r})")
        elif slang and _TODAY.search(sentence):
            out.append(f"proposes to meet today ({slang.group(0).strip()!r})")
        elif slang:
            # a slang call with a colloquial time: the colloquial check reads the time, this the verb
            out += [r for r in colloquial_today(sentence.replace(slang.group(0), "call"), ctx)]
    return list(dict.fromkeys(_unless_asked_today(out, ctx)))
