"""German compounds built on a concession stem, judged by what the compound means (issue 11, set 21's "Freimonate").

German writes a free month as one word ("Freimonat", "Gratismonate", "Bonuslizenzen") and a cost removed as a suffix
("mietfrei", "lizenzfrei"), so a list of phrases never ends. The compound's head says what it is: a stem that gives
something away ("frei", "gratis", "bonus", "geschenk") before a good a seller sells (months, licences, seats, hours)
is that good given away; a cost word before "-frei" is that cost removed. The same compound is no promise when its
clause negates it ("Freimonate sind darin nicht vorgesehen") or when its head is a topic rather than a good
("Gratisfrage" is no gift, "Freitag" no free day, "Freigabe" an approval).
"""

from __future__ import annotations

import re

_GIVING_STEMS = r"frei|bonus|zugabe|rabatt|nachlass"
_GOODS = (r"monat|monate|monaten|woche|wochen|jahr|jahre|jahren|quartal|quartale|lizenz|lizenzen|nutzer|nutzerin|"
          r"platz|plätze|plätzen|sitz|sitze|seat|seats|stunde|stunden|minute|minuten|kilometer|exemplar|exemplare|"
          r"modul|module|modulen|schulung|schulungen|einrichtung|installation|version|zugang|zugänge|paket|pakete|"
          r"upgrade|upgrades|support|lieferung|versand|kontingent|volumen|menge|gerät|geräte|fahrzeug|fahrzeuge|"
          r"testmonat|testmonate|laufzeit|leistung|leistungen|tage|tagen|tag")
_COSTS = r"kosten|gebühren|gebühr|miet|zins|zinsen|lizenz|provisions|porto|fracht|versand|liefer"
_COMPOUND = re.compile(
    rf"\b(?:(?P<stem>{_GIVING_STEMS})-?(?P<head>{_GOODS})\b|\w*?(?P<cost>{_COSTS})frei(?:e|en|er|es|em)?\b|"
    # "gratis" and "Geschenk" give away whatever follows them ("Gratisversand", "Geschenkmonat"), unless it is a topic
    rf"(?P<gift>gratis|geschenk)-?(?P<what>\w+))", re.I)
_TOPICS = re.compile(r"^(?:frage|fragen|thema|themen|wunsch|wünsche|anfrage|anfragen|diskussion|idee|ideen|karte|"
                     r"karten|papier|korb|körbe|gutschein\w*|artikel|mentalität)$", re.I)
"""Heads that make a gift compound a topic or a thing, not a concession ("Ihre Gratisfrage", "Geschenkkorb")."""
_DAY_OFF = re.compile(r"^frei-?tag", re.I)
"""Friday: the one "frei" compound on a good ("Tag") that names no gift."""
_NEGATED = re.compile(r"\b(?:nicht|kein\w*|nie|niemals|weder|ohne)\b", re.I)
_CLAUSE = re.compile(r"[^.;!?\n]+")


def compound_concessions(text: str) -> list[str]:
    """Concession compounds (a free good, a cost removed) stated in a clause that does not negate them."""
    low = text.lower()
    if not any(stem in low for stem in ("frei", "gratis", "bonus", "geschenk", "zugabe", "rabatt", "nachlass")):
        return []  # most texts: no stem any compound needs
    out: list[str] = []
    for clause in _CLAUSE.finditer(text):
        for m in _COMPOUND.finditer(clause.group(0)):
            word = m.group(0)
            if _DAY_OFF.match(word) or (m.group("stem") or "").lower() in ("rabatt", "nachlass") \
                    and (m.group("head") or "").lower() in ("tag", "tage", "tagen"):
                continue
            if m.group("gift") and _TOPICS.match(m.group("what")):
                continue
            if _NEGATED.search(clause.group(0)):
                continue
            what = "a cost removed" if m.group("cost") else "a good given away"
            out.append(f"promise outside policy ({what}): {word!r}")
    return list(dict.fromkeys(out))
