"""What the record vouches for in a sentence the learned screen flags (issue 11, wave 42, inj54b: set 54's 042 and 014).

The learned screen (agents.learned_screen) refuses a flagged sentence that "states nothing the record vouches for":
a figure, a date or a link the facts check finds is its only voucher. Two honest sentences state what the record
says with no figure at all, and the screen, which learned absences and payment terms from attacks, flags them:
- a contact's absence that her own message states: "Claire étant absente jusqu'à vendredi, je me permets de vous
  écrire directement" (0.94), Claire's inbound auto-reply saying "Je suis absente jusqu'au vendredi 27 novembre".
  The clause is the record's; the rest of the sentence is scored again without it, so "Claire étant absente, je vous
  accorde la remise" is still the screen's (and the pattern checks') to refuse;
- the section of the document that answers the buyer's question on payment: "Incluirá un apartado con las formas de
  pago posibles, también la anual, para que puedan valorarlas con su tesorería" (0.94), the buyer's latest e-mail
  asking "¿La propuesta puede indicar si es posible el pago anual?". It does what the buyer asked, as a same-day call
  the buyer asked for does (agents.asked_today): the price checks still read it (agents.price_topics lets only a
  section that names the terms, with no figure, cost or moved price, through).
Both need the record's contact to have written it: a message the contacts did not sign vouches for nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agents.moments import customer_messages, latest_ask, sender_of
from agents.normalize import normalise
from agents.price_talk import unanchored_price_talk
from agents.price_topics import payment_section

if TYPE_CHECKING:
    from agents.context import Context

_ABSENCE_LOOKBACK_DAYS = 30
"""An absence older than this is over."""

_STATES_ABSENCE = re.compile(
    r"\b(?:out of (?:the )?office|away (?:until|from|this week)|on (?:leave|holiday|vacation)|absent|abwesend|"
    r"nicht im (?:büro|haus)|im urlaub|absente|en congé|en vacances|ausente|fuera de la oficina|de vacaciones)\b", re.I)
"""A message saying its writer is away (an auto-reply, a note before a leave)."""
_ABSENT = (r"(?:absente?|away|out of (?:the )?office|on (?:leave|holiday|vacation)|abwesend|im urlaub|"
           r"nicht im büro|en congé|en vacances|ausente|fuera de la oficina|de vacaciones)")
_UNTIL = (r"(?:\s+(?:jusqu['’]à|jusqu['’]au|until|till|through|bis|hasta|cette semaine|this week|diese woche|"
          r"esta semana)(?:\s+(?:le|el|la|zum|am|the|next|prochain|próximo|nächsten)?\s*[^\W\d_]+(?:\s+\d{1,2}\.?"
          r"(?:\s+[^\W\d_]+)?)?)?)?")


def _absence_clause(name: str) -> re.Pattern[str]:
    """A clause saying `name` is away: "Claire étant absente jusqu'à vendredi", "As Claire is out of office until
    Friday", "Da Frau Dubois bis Freitag abwesend ist", "Como Claire está ausente hasta el viernes"."""
    return re.compile(
        rf"\b(?:(?:as|since|with|while|da|weil|comme|puisque|como|ya que|dado que)\s+)?{name}\s+"
        rf"(?:(?:étant|est|is|being|will be|sera|ist|está|estando|estará)\s+)?(?:currently\s+|actuellement\s+|"
        rf"derzeit\s+|actualmente\s+)?{_ABSENT}{_UNTIL}|"
        rf"\b(?:da|weil)\s+{name}\s+(?:bis\s+(?:[^\W\d_]+\s+|\d{{1,2}}\.\s+){{1,3}})?(?:{_ABSENT})\s+ist", re.I)


def absences_out(sentence: str, ctx: Context) -> str:
    """`sentence` with the absence of a record contact blanked, when a recent message of that contact states it."""
    out = sentence
    for a in customer_messages(ctx, days=_ABSENCE_LOOKBACK_DAYS):
        if a["type"] != "email" or not _STATES_ABSENCE.search(normalise(f"{a['subject'] or ''} {a['text'] or ''}")):
            continue
        writer = sender_of(ctx, a)
        contact = next((c for c in ctx.record.contacts if c.id == writer), None)
        name = ctx.contact_name(contact) if contact is not None else None
        if not name:
            continue
        parts = name.split()
        names = [re.escape(name), re.escape(parts[0])] + [
            rf"(?:frau|herr|mme|madame|m\.|monsieur|ms|mrs|mr|sra\.?|señora|sr\.?|señor)\s+{re.escape(parts[-1])}"]
        out = _absence_clause(f"(?:{'|'.join(names)})").sub(" ", out)
    return out


def answers_a_payment_question(sentence: str, ctx: Context) -> bool:
    """Whether `sentence` names the document's section on the payment terms, and nothing else of price, in answer to
    the buyer's latest question, which a record contact wrote and which asks about payment."""
    if not payment_section(sentence) or unanchored_price_talk(sentence) or re.search(r"\d", sentence):
        return False
    ask = latest_ask(ctx)
    return ask is not None and ask.sender_contact_id is not None and bool(re.search(
        r"\b(?:pay\w*|payment|billing|invoic\w*|zahl\w*|rechnung\w*|paiement\w*|pa(?:yer|ie)\w*|factur\w*|pag(?:o|ar)\w*)\b",
        ask.question, re.I))
