"""A call today named by the end of a working day or shift, a meal break, or by a slang call verb (issue 11, set 31's 040: "Frau
Schmidt noch heute vor Schichtende durchklingeln").

agents.colloquial_terms reads a call "vor Feierabend" or "at teatime" as a plan for today; the end of a shift, of
business or of service names the same hour, and "durchklingeln", "give her a buzz", "passer un coup de fil" or "dar
un toque" are calls the contact verbs there do not know. A call today is fine when the buyer's latest email asked to
talk today (as for drafts); a sentence that names another day, or asks, plans nothing for today.
"""

from __future__ import annotations

import re

from agents.colloquial_terms import colloquial_today
from agents.context import Context
from agents.moments import latest_ask

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
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
    r"\b(?:antes\s+de\s+|a\s+)la\s+hora\s+de\s+cierre\b|\bantes\s+de\s+que\s+(?:cierre|cierren|chape|chapen)\b", re.I)
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
    r"\ba\s+última\s+hora\s+de\s+(?:la\s+tarde|hoy)\b", re.I)
_CALL_SLANG = re.compile(
    r"\b(?:durchklingeln|anklingeln|durchbimmeln|anbimmeln|anläuten|durchrufen|durchläuten|give\s+(?:her|him|them)\s+"
    r"a\s+(?:buzz|bell|tinkle|shout)|buzz\s+(?:her|him|them)|passer\s+un\s+coup\s+de\s+(?:fil|bigo|téléphone)|"
    r"un\s+coup\s+de\s+(?:fil|bigo)|phoner|dar(?:le|les)?\s+un\s+toque|pegar(?:le|les)?\s+un\s+(?:telefonazo|toque)|"
    r"un\s+telefonazo)\b", re.I)
_TODAY = re.compile(r"\b(?:today|this\s+(?:afternoon|evening|morning)|tonight|heute|heut|noch\s+heute|heute\s+noch|"
                    r"aujourd['’]hui|ce\s+soir|cet\s+après-midi|ce\s+matin|hoy|esta\s+(?:tarde|mañana|noche))\b", re.I)
_CONTACT = re.compile(r"\b(?:call\w*|ring\w*|phon\w*|speak\w*|talk\w*|reach\w*|catch|anruf\w*|anzurufen|rufen|rufe|ruft|telefonier\w*|"
                      r"erreich\w*|sprech\w*|appel\w*|joind\w*|télépho\w*|parl\w*|llam\w*|habl\w*|contact\w*)\b", re.I)
_OTHER_DAY = re.compile(
    r"\b(?:tomorrow|next|monday|tuesday|wednesday|thursday|friday|morgen|übermorgen|nächste\w*|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|demain|prochain\w*|lundi|mardi|mercredi|jeudi|vendredi|mañana|próxim\w*|lunes|"
    r"martes|miércoles|jueves|viernes|\d{1,2}(?:\.|st|nd|rd|th)?\s+\w+)\b", re.I)
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
    for sentence in _SENTENCE.split(text):
        if _ASKED.search(sentence) or _OTHER_DAY.search(sentence):
            continue
        end = _END_OF_DAY.search(sentence) or (None if _REPORTED.search(sentence) else _BREAK.search(sentence))
        slang = _CALL_SLANG.search(sentence)
        if end and (slang or _CONTACT.search(sentence)):
            out.append(f"proposes to meet today ({end.group(0).strip()!r})")
        elif slang and _TODAY.search(sentence):
            out.append(f"proposes to meet today ({slang.group(0).strip()!r})")
        elif slang:
            # a slang call with a colloquial time: the colloquial check reads the time, this the verb
            out += [r for r in colloquial_today(sentence.replace(slang.group(0), "call"), ctx)]
    if out:
        ask = latest_ask(ctx)
        if ask and ask.same_day:
            return []
    return list(dict.fromkeys(out))
