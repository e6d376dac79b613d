"""Thanks that credit the recipient with another contact's message (wave 24, issue 11: "thanks the right person for the
right thing"): "Thanks for James's email on November 25" to Noah Wright thanks Noah for what James did (the demo's
card 71000002028, written by our own offline writer). A thanks credits what the recipient did, or their company said
as such ("the email from your team"); a colleague's message is named without thanks, or the colleague is thanked by
name ("James, thanks for your email", "please pass my thanks to James": agents.thanks reads those)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agents.context import Context
from agents.sentence_ends import day_full_stop

_THANKS = re.compile(r"\b(?:thank(?:s| you)|many thanks|danke|vielen dank|herzlichen dank|merci|gracias|"
                     r"muchas gracias|remerci\w*|agradec\w*|agradezc\w*|bedank\w*)\b", re.I)
_PASSED_ON = re.compile(r"\b(?:pass(?:ing)? (?:on|along)|give|send|richten|ausrichten|weitergeben|transmett\w*|"
                        r"trasladar|traslade|hágale llegar)\b", re.I)
_THING = (r"(?:e-?mails?|mail|message|note|reply|answers?|feedback|call|request|nachricht|e-mail|antwort|rückmeldung|"
          r"anruf|anfrage|courriel|e-mail|réponse|retour|appel|demande|correo|mensaje|respuesta|llamada|solicitud)")
_TITLE = r"(?:(?:herrn?|frau|dr\.?|m\.|mme|madame|monsieur|sr\.?|sra\.?|señor|señora|don|doña|mr\.?|ms\.?|mrs\.?)\s+)?"
_FILLER = r"(?:[^\W\d_]+\s+){0,2}"


def _owned_by(name_part: str) -> re.Pattern[str]:
    """The thing thanked for is that person's: "James's email", "the e-mail from James", "die E-Mail von Herrn Weber",
    "Jonas' Nachricht", "l'e-mail de Paul", "l'e-mail d'Omar", "el correo de Lucía"."""
    p = re.escape(name_part)
    return re.compile(
        rf"\b{p}(?:'s|’s|'|’|s)\s+{_FILLER}{_THING}\b"
        rf"|\b{_THING}\s+{_FILLER}(?:from|by|von|vom|de|d'|d’|del)\s*{_TITLE}{p}\b", re.I)


_CLAUSE_END = re.compile(r"[.;!?\n]")


def thanks_clauses(thanks: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], str, str]]:
    """Each thanks of `text` with what stands before it in its sentence and what follows it to the sentence's end."""
    for m in thanks.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        while end and day_full_stop(text, end.start()):  # "dass Sie mir am 20. November geschrieben haben" (wave 40)
            end = _CLAUSE_END.search(text, end.end())
        start = max(text.rfind(c, 0, m.start()) for c in ".;!?\n")
        while start > 0 and day_full_stop(text, start):  # "Frau Schmidt hat mir am 20. November geschrieben, ..., danke"
            start = max(text.rfind(c, 0, start) for c in ".;!?\n")
        start += 1
        yield m, text[start:m.start()], text[m.end(): end.start() if end else len(text)]


def thanks_for_another_contacts_message(text: str, ctx: Context, recipient_id: str | None) -> list[str]:
    """Thanks to the recipient for a message the draft itself says another contact of the record sent or made."""
    if not recipient_id:
        return []
    out: list[str] = []
    for _, before, clause in thanks_clauses(_THANKS, text):
        if _PASSED_ON.search(before) or _PASSED_ON.search(clause):
            continue  # "please pass my thanks to James for his email": James is thanked
        for c in ctx.record.contacts:
            if c.id == recipient_id:
                continue
            parts = [p for p in (ctx.contact_name(c) or "").split() if len(p) >= 2]
            if not parts or any(re.search(rf"\b{re.escape(p)}\b", before) for p in parts):
                continue  # "James, thanks for your email" thanks James himself
            if any(_owned_by(p).search(clause) for p in {parts[0], parts[-1]}):
                out.append(f"thanks the recipient for {parts[0]}'s message")
    return list(dict.fromkeys(out))
