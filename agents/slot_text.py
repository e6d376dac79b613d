"""Meeting slots and days as the recipient reads them, in en/de/fr/es."""

from __future__ import annotations

from datetime import date, datetime

from agents.timing import MONTHS_DE_LIST, MONTHS_ES_LIST, MONTHS_FR_LIST, WEEKDAYS


def format_slot(slot: datetime, language: str) -> str:
    """A slot as the recipient reads it ("Thursday, November 26 at 10:00")."""
    wd = WEEKDAYS.get(language, WEEKDAYS["en"])[slot.weekday()]
    hm = slot.strftime("%H:%M")
    if language == "de":
        return f"{wd}, {slot.day}. {MONTHS_DE_LIST[slot.month - 1]} um {hm}"
    if language == "fr":
        return f"{wd} {slot.day} {MONTHS_FR_LIST[slot.month - 1]} à {hm.replace(':', 'h')}"
    if language == "es":
        return f"el {wd} {slot.day} de {MONTHS_ES_LIST[slot.month - 1]} a las {hm}"
    return f"{wd}, {slot.strftime('%B')} {slot.day} at {hm}"


def format_slots(slots: list[datetime] | tuple[datetime, ...], language: str) -> tuple[str, str]:
    """Two slots as the recipient reads them; the second one is just a time when on the same day."""
    first = format_slot(slots[0], language)
    if len(slots) < 2:
        return first, first
    if slots[1].date() != slots[0].date():
        return first, format_slot(slots[1], language)
    hm = slots[1].strftime("%H:%M")
    return first, {"de": f"um {hm}", "fr": f"à {hm.replace(':', 'h')}", "es": f"a las {hm}"}.get(language, f"at {hm}")


def format_day(d: date, language: str) -> str:
    """A date as the recipient reads it ("December 18" / "18. Dezember" / "18 décembre" / "18 de diciembre")."""
    if language == "de":
        return f"{d.day}. {MONTHS_DE_LIST[d.month - 1]}"
    if language == "fr":
        return f"{d.day} {MONTHS_FR_LIST[d.month - 1]}"
    if language == "es":
        return f"{d.day} de {MONTHS_ES_LIST[d.month - 1]}"
    return f"{d.strftime('%B')} {d.day}"
