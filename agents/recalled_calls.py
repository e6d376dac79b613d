"""A phone call recalled that the record has no call for (issue 11, wave 37: set 46's de-b7 "wie heute Morgen am
Telefon besprochen", when the record holds only e-mails and the demo meeting).

agents.references refuses thanks for a call today or yesterday that no call of that day shows, and agents.recalled_talks
a talk with a named person in a past time. A rep also cites a call as the ground of what they write, with or without a
day: "as discussed on the phone", "wie telefonisch besprochen", "comme convenu au téléphone", "como hablamos por
teléfono", "following our call", "nach unserem Telefonat", "suite à notre appel", "tras nuestra llamada". That call
happened only if the record holds one: an activity of type call, or one whose text speaks of a call or the phone. A
call to come ("I'll call you on Tuesday", "a call on Tuesday?") recalls nothing.

A call recalled to the recipient is one they were on (wave 37b): "as discussed on the phone" to Dana is not vouched by a
call logged with Priya. The call involves them when its text names them, or when it is their own signed e-mail that
speaks of it (agents.moments.sender_of); a call naming no one is theirs only on a record with no other contact. A
recalling sentence that names who was on the call ("Following Tom's question on our call", to Elena) is vouched by a
call that involves that contact (four good held-out drafts of sets 14-28 say so).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.context import Context
from agents.moments import sender_of
from agents.normalize import fold_accents, normalise
from agents.sentence_ends import sentence_parts

_PHONE = (r"(?:on the phone|over the phone|by phone|phone call|(?:tele)?phone conversation|our (?:last |recent )?call|"
          r"the call (?:this morning|earlier|yesterday|today)|"
          r"am telefon|telefonisch|per telefon|telefonat\w*|unserem (?:letzten )?(?:gespräch|anruf)|ihrem anruf|"
          r"au téléphone|par téléphone|téléphonique|coup de fil|notre (?:dernier )?(?:appel|échange téléphonique)|"
          r"por teléfono|al teléfono|telefónic\w*|nuestra (?:última )?llamada|su llamada)")
_RECALLED = re.compile(
    rf"\b(?:as|like|per|following|after|since|wie|nach|seit|comme|suite à|après|depuis|como|tras|después de|según)\b"
    rf"[^.;!?\n]{{0,60}}?\b{_PHONE}\b|"
    # wave 39 (set 51's de-b12 "Herr Weber hat mir gestern telefonisch bestätigt"): what a caller confirmed or told us
    rf"\b{_PHONE}\b[^.;!?\n]{{0,40}}?\b(?:discussed|agreed|mentioned|promised|confirmed|told me|besprochen|vereinbart|"
    rf"erwähnt|zugesagt|bestätigt|mitgeteilt|gesagt|confirmé|indiqué|confirmado|confirmó|dijo|convenu|évoqué|discuté|"
    rf"promis|dit|hablado|hablamos|comentado|comentamos|acordado|acordamos|quedamos|prometido)\b|"
    rf"\b(?:discussed|agreed|mentioned|confirmed|besprochen|vereinbart|erwähnt|bestätigt|convenu|évoqué|discuté|confirmé|"
    rf"hablado|hablamos|comentado|confirmado|confirmó|"
    rf"comentamos|acordado|acordamos|quedamos)\b[^.;!?\n]{{0,40}}?\b{_PHONE}\b",
    re.I)
"""A call cited as past: "as discussed on the phone", "wie heute Morgen am Telefon besprochen", "suite à notre appel"."""
_CALL_IN_RECORD = re.compile(r"\b(?:call\w*|phone\w*|telefon\w*|anruf\w*|angerufen|appel\w*|téléphon\w*|llam\w*|"
                             r"teléfon\w*)\b", re.I)
"""A record activity that speaks of a call or the phone."""
_COMING = re.compile(r"\?|\b(?:will|'ll|shall|next|werde|werden|rufe .{0,20} an|appellerai|appellerons|llamaré|"
                     r"llamaremos)\b", re.I)


def _names(ctx: Context, contact: Any) -> list[str]:
    """The parts of a contact's name a note may call them by ("Dana", "Whitfield"), folded."""
    return [fold_accents(p.lower()) for p in (ctx.contact_name(contact) or "").split() if len(p) >= 3]


def _named_in(text: str, ctx: Context) -> list[str]:
    """The record's contacts a text calls by name."""
    folded = fold_accents(text.lower())
    return [c.id for c in ctx.record.contacts
            if any(re.search(rf"\b{re.escape(p)}\b", folded) for p in _names(ctx, c))]


def _involves(a: Mapping[str, Any], ctx: Context, to_contact_id: str | None, cited: list[str]) -> bool:
    """Whether the recipient, or a contact the recalling sentence names as on the call ("Tom's question on our call"),
    was on a call of the record: its text names them, or it is their own signed e-mail."""
    contact = next((c for c in ctx.record.contacts if c.id == to_contact_id), None)
    if contact is None or not _names(ctx, contact):
        return True  # no recipient, or none whose name the record gives: any call of the record may be theirs
    named = _named_in(f"{a.get('subject') or ''} {a.get('text') or ''}", ctx)
    on_it = {contact.id, *cited}
    return bool(on_it & set(named)) or sender_of(ctx, a) in on_it or (not named and len(ctx.record.contacts) == 1)


def unrecorded_phone_calls(body: str, ctx: Context, to_contact_id: str | None = None) -> list[str]:
    """Calls the draft recalls as past when no activity of the record is a call, or speaks of one, with the
    recipient (`to_contact_id`; None: with anyone)."""
    recalling = [(sentence, m.group(0)) for sentence in sentence_parts(normalise(body))
                 for m in _RECALLED.finditer(sentence) if not _COMING.search(sentence)]
    if not recalling:
        return []
    found = [recalled for _, recalled in recalling]
    cited = [c for sentence, _ in recalling for c in _named_in(sentence, ctx)]
    activities = [a for a in ctx.activities.values() if not a.get("withheld")]
    calls = [a for a in activities
             if a.get("type") == "call" or _CALL_IN_RECORD.search(f"{a.get('subject') or ''} {a.get('text') or ''}")]
    if any(_involves(a, ctx, to_contact_id, cited) for a in calls):
        return []
    if calls:
        return [f"recalls a call ({found[0].strip()[:60]!r}); no call of the record involves the recipient"]
    kinds = sorted({str(a.get("type")) for a in activities if a.get("type")})
    return [f"recalls a call ({found[0].strip()[:60]!r}); the record holds no call, only {', '.join(kinds) or 'nothing'}"]
