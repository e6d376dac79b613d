"""Things a German draft says the buyer has or we offer, which the record never names (issue 11, wave 16; quality set
24's de-b6, "Ihre Kühlfahrzeuge" to a fleet the record knows only as 120 vehicles).

German capitalises every noun, so the names check cannot tell an invented thing from an ordinary noun, and a noun
lexicon would never end. What a German draft may *claim* is narrower: a noun after "Ihr-" or "unser-" (the buyer's
depots, our module) or one a record person is said to have wanted or mentioned ("die Tankkartenanbindung, die Herr
Weber wünschte") is a fact about this buyer or this offer, and must be a noun of the record (its activities, deal,
company, titles, in any inflection). Only the words of the conversation itself are exempt: the buyer's message,
question, feedback, time, team (measured: in every good German draft of every quality set, the only possessed nouns
the record does not contain are of this closed class).

Wave 39 (set 51's de-g7 "nach Ihrer internen Abstimmung", de-g10 "eine Einweisung Ihrer Disposition"): the buyer's own
deliberation (their "intern gesprochen", a Rücksprache, a Besprechung) is the conversation's, as their decision is; the
dispatch office is a department of any fleet, as purchasing and accounting are of any company.

Wave 40 (noticed40b): "Unsere Reifendruckmodule sind inklusive." claims the module as "wir liefern unsere
Reifendruckmodule mit" does, so "Unser-" is read at a sentence's start too ("Ihr-" always was: formal, it is capitalised
everywhere). Opening a sentence, "unser-" mostly carries a view ("Unserer Erfahrung nach", "Unseres Erachtens", "Unsere
Empfehlung:"): our experience, recommendation, view or summary are words of the conversation, as our "Einschätzung" was.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.facts import find_dates

_POSSESSED = re.compile(
    r"(?-i:\b(?:Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|[Uu]nser|[Uu]nsere|[Uu]nseren|[Uu]nserem|[Uu]nserer|[Uu]nseres)\s+(?:[a-zäöüß]+\s+){0,2}?"
    r"([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]+)*))")
_ATTRIBUTED = re.compile(
    r"(?-i:\b(?:der|die|das|den|dem)\s+(?:[a-zäöüß]+\s+)?([A-ZÄÖÜ][a-zäöüß]{4,}),\s+(?:die|den|das|der|von der|von dem)\s+"
    r"(?:Herr|Frau|Hr\.|Fr\.)\s+[A-ZÄÖÜ]\w+\s+(?:[a-zäöüß]+\s+){0,3}?[a-zäöüß]+t(?:e|en)?\b)")
_CONVERSATION = frozenset("""
abstimmung abstimmungen rücksprache absprache absprachen besprechung besprechungen diskussion disposition
nachricht nachrichten rückmeldung rückmeldungen frage fragen gespräch gesprächs termin termine terminen anfrage
anfragen okay ok postfach austausch team teams zeit bitte interesse entscheidung kalender mail e-mail antwort antworten
geduld unterstützung einschätzung feedback hinweis hinweise zusage kollegen kolleginnen kollegin kollege seite sicht
ansprechpartner ansprechpartnerin wunsch wünsche anliegen vertrauen offenheit e-mails mails telefonat notizen
unternehmen firma haus standort standorte geschäftsführung leitung abteilung einkauf buchhaltung lösung plattform
software produkt produkte zugang konto daten zahlen planung budget zeitplan ziel ziele datum zieldatum website webseite
prozess prozesse mitarbeitende mitarbeiter mitarbeiterinnen tagesordnung unterlagen dokument dokumente vorschlag
vorschläge erfahrung erfahrungen erachten empfehlung empfehlungen auffassung überzeugung meinung ansicht wissen
zusammenfassung
""".split())
"""Words of the conversation and of every buyer and seller (their message, question, time, team, company, website,
target date, our platform): what a draft may say either side has without the record naming it."""
SPECIFIC_NOUN_MIN = 8
"""Letters a possessed noun needs before it is judged: the invented things are compounds ("Kühlfahrzeuge",
"Reifendruckmodul"); short nouns are the general words of any business ("Ihr Lager")."""


def _record_text(ctx: Context) -> str:
    r = ctx.record
    parts = [r.name or "", r.stage or "", *(c.title or "" for c in r.contacts)]
    if r.company:
        parts += [r.company.name or "", r.company.industry or ""]
    parts += [f"{a.get('subject') or ''} {a.get('text') or ''}" for a in ctx.activities.values() if not a.get("withheld")]
    return " ".join(parts).lower()


def _stems(noun: str) -> set[str]:
    low = noun.lower()
    return {low} | {low[: -len(end)] for end in ("en", "er", "es", "e", "n", "s") if low.endswith(end) and len(low) > 4}


def _named(noun: str, said: str) -> bool:
    return any(re.search(rf"\b{re.escape(s)}", said) for s in _stems(noun))


_DECISION = re.compile(r"(?:freigabe|genehmigung|zustimmung|unterschrift|abnahme|beschluss|entscheidung)\w*$", re.I)
"""wave 29 (set 38's de-g8, "Welche Kennzahl ist für Ihre Freigabe am wichtigsten?"): a decision the buyer is still to
take is no thing they have. Asked about, planned or conditional, it claims nothing; stated as given ("Danke für Ihre
Freigabe") it is still judged here, and agents.approvals judges whether the record vouches for it."""


_PENDING = re.compile(
    r"\?|\b(?:sobald|wenn|falls|bevor|bis\s+zu|ob|wird|werden|würde|brauch\w*|benötig\w*|fehlt|fehlen|ausstehend|"
    r"steht\s+(?:noch\s+)?aus|erwarte\w*|vorbereit\w*)\b",
    re.I,
)
"""A sentence that asks, plans or sets a condition ("liegt vor" states the decision as given, and is not one)."""


def _pending(noun: str, at: int, body: str) -> bool:
    """A decision noun in a sentence that asks, plans or sets a condition."""
    if not _DECISION.search(noun):
        return False
    start = max(body.rfind(c, 0, at) for c in ".!?\n") + 1
    end = min((i for i in (body.find(c, at) for c in ".!?\n") if i >= 0), default=len(body))
    return bool(_PENDING.search(body[start : end + 1]))


_INPUTS = frozenset("annahmen annahme eckdaten kennzahlen werte ausgangswerte ausgangsdaten grunddaten parameter "
                    "rahmendaten eingaben".split())
"""wave 37 (set 46's de-g2, "Wenn sich an Ihren Annahmen etwas geändert hat" over the record's Amortisationsrechnung):
the inputs of a calculation are the buyer's as the calculation is; they name no thing the buyer has beside it."""
_CALCULATION = re.compile(r"\b\w*(?:rechnung|kalkulation|berechnung|schätzung|analyse|rechner)\b", re.I)
"""A calculation or estimate the draft names ("die Amortisationsrechnung vom 28. Oktober")."""


def _inputs_of_a_recorded_calculation(noun: str, body: str, said: str) -> bool:
    """An input noun ("Annahmen", "Eckdaten") in a draft that names a calculation the record holds."""
    return noun.lower() in _INPUTS and any(_named(m.group(0), said) for m in _CALCULATION.finditer(body))


_DATED = re.compile(r"\s+(?:vom|von|am)\s+(\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+)")
"""The day a draft gives the thing it names ("Ihrer Rechnung vom 28. Oktober")."""


def _dated_short_form(noun: str, end: int, body: str, ctx: Context) -> bool:
    """wave 41 (set 52's de-g9, "die Amortisation laut Ihrer Rechnung vom 28. Oktober" to Jonas Weber, who got the
    Amortisationsrechnung that day): the last part of a compound the record names, dated to the day of the activity
    that names it, is that thing in short. Undated, "Ihre Rechnung" reads as an invoice the record never holds."""
    dated = _DATED.match(body, end)
    if dated is None:
        return False
    days = {(month, day) for _, (_, month, day) in find_dates(dated.group(1))}
    stems = _stems(noun)
    for a in ctx.activities.values():
        at = a.get("at") or ""
        if a.get("withheld") or len(at) < 10 or (int(at[5:7]), int(at[8:10])) not in days:
            continue
        words = re.findall(r"\w+", f"{a.get('subject') or ''} {a.get('text') or ''}".lower())
        # a longer word ending in the noun, give or take an inflection ("Amortisationsrechnung", "-rechnungen")
        if any(len(w) > len(s) + 3 and s in w[-len(s) - 3:] for w in words for s in stems):
            return True
    return False


def _short_form_of_a_named_compound(noun: str, start: int, body: str, said: str) -> bool:
    """wave 42 (set 54's de-g6, "eine Amortisationsrechnung sehen; die haben Sie am 28. Oktober erhalten ... übernimmt die
    Annahmen Ihrer Rechnung"): the last part of a compound the draft itself has named before, which the record names
    too, is that thing in short, as a dated short form is (_dated_short_form). Named nowhere before it in the draft,
    "Ihre Rechnung" still reads as an invoice."""
    stems = _stems(noun)
    return any(len(w) > len(s) + 3 and s in w[-len(s) - 3 :] and _named(w, said)
               for w in re.findall(r"\w+", body[:start].lower()) for s in stems)


def unnamed_claims(body: str, ctx: Context) -> list[str]:
    """Nouns a German draft claims for the buyer or the offer that no part of the record names."""
    matches = [m for pattern in (_POSSESSED, _ATTRIBUTED) for m in pattern.finditer(body)
               if not _pending(m.group(1), m.start(1), body)]
    if not matches:
        return []
    said = _record_text(ctx)
    dated = {m.group(1) for m in matches if _dated_short_form(m.group(1), m.end(1), body, ctx)
             or _short_form_of_a_named_compound(m.group(1), m.start(1), body, said)}
    return [f"says the buyer has or asked for {n!r}, which the record never names"
            for n in dict.fromkeys(m.group(1) for m in matches)
            if len(n) >= SPECIFIC_NOUN_MIN and not _stems(n) & _CONVERSATION and not _named(n, said)
            and not any(n.lower().endswith(w) for w in _CONVERSATION if len(w) >= 4)  # "Projektteam", "Startdatum"
            and not _inputs_of_a_recorded_calculation(n, body, said) and n not in dated]
