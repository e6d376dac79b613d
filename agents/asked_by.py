"""Who asked for what, read from the record (set 33's bad drafts, wave 24b): a draft that tells one contact "as you
asked" about a thing the record says another contact asked for ("wie von Ihnen gewünscht ... die
Amortisationsrechnung" to Frau Schmidt, when the demo notes say "Jonas möchte eine Amortisationsrechnung") thanks or
answers the wrong person and shows we do not listen.

An ask is attributed to a contact by the record's own sentences: a note naming the contact's first name with a verb of
asking ("Paul veut comprendre le coût par atelier"), or an inbound e-mail the contact signed (`agents.moments.sender_of`).
The draft is faulted only for a word its "as you asked" sentence shares with another contact's ask and with none of the
recipient's own asks, so "as you asked, the proposal ..." to a contact who asked for the proposal passes."""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.context import Context
from agents.delivery_days import delivers_document, document_words
from agents.moments import sender_of
from agents.normalize import normalise
from agents.sent_to_whom import sent_to_someone_else
from agents.sentence_ends import sentence_parts
from agents.wrote_on_day import wrote_on_someone_elses_day

_AS_YOU_ASKED = re.compile(r"""(?:
    \bas\s+you\s+(?:had\s+|have\s+)?(?:asked|requested|wanted|wished)|\byou\s+(?:asked|wanted\s+to\s+know)\b|\byour\s+(?:question|request)\b
    |\bwie\s+(?:von\s+ihnen\s+(?:\w+\s+){0,4}(?:gewunscht|erbeten|angefragt|gefragt)|sie\s+(?:\w+\s+){0,4}(?:gewunscht|erbeten|gefragt))
    |\bihre[rn]?\s+(?:frage|anfrage|bitte|wunsch)\b|\bsie\s+(?:hatten|haben)\s+(?:\w+\s+){0,3}(?:gefragt|gewunscht|erbeten)
    |\bcomme\s+vous\s+(?:me\s+|nous\s+)?(?:l'av(?:i)?ez\s+|av(?:i)?ez\s+)?(?:demande|souhaite)
    |\bvous\s+(?:m'|nous\s+)?av(?:i)?ez\s+demande
    |\bvotre\s+(?:question|demande)\b|\bvous\s+vouliez\b
    |\bcomo\s+(?:usted\s+)?(?:nos\s+|me\s+)?(?:lo\s+)?(?:habia\s+)?(?:pidio|solicito|pregunto|pedido|solicitado)|\bsu\s+(?:pregunta|peticion|solicitud)\b
    |\b(?:nos\s+|me\s+)?(?:pidio|pregunto)\s+usted
    )""", re.X)
"""A sentence that says the recipient asked for what follows, in en/de/fr/es."""

_ASKING = re.compile(r"""\b(?:
    wants?|wanted|asked|requested|would\s+like|needs?|wishes
    |mochte|will|wollte|wunscht|wunschte|bat|fragte|braucht|benotigt
    |veut|voulait|demande|souhaite|souhaitait|aimerait
    |quiere|queria|pidio|solicito|pregunto|necesita
    |questions?|concerns?|\w*fragen?|bedenken|interrogations?|preguntas?|dudas?|inquietud(?:es)?
    )\b""", re.X)
"""wave 34 (set 43's en-b2): a note may say whose questions they are ("SSO and data retention are her main questions",
"sind seine Hauptfragen", "sont ses principales questions", "son sus principales dudas")."""

_REQUEST = re.compile(r"\b(?:could\s+you|can\s+you|konnen\s+sie|konnten\s+sie|pourriez-vous|pouvez-vous|nos\s+puede|podria)\b")

_ARRIVES = re.compile(r"""\b(?:
    reach(?:es)?\s+you|arriv\w*|on\s+its\s+way|with\s+you|send\w*|sent|receiv\w*
    |kommt|erreicht|zugehen|geht\s+ihnen|schick\w*|send\w*|erhalt\w*
    |parvien\w*|envo\w*|recev\w*|recevr\w*
    |llega\w*|envi\w*|recib\w*
    )\b""", re.X)
"""The document arriving, whatever the verb ("the proposal reaches you on Friday", "das Angebot kommt am Freitag",
"vous la recevrez", "le llega el viernes"): the recipient who asked for it is the one it is sent to."""

_UNSIGNED = ""
"""The asks of inbound letters nobody of the record signed."""

_STOP = frozenset("""
before will shall week next haben werden merci gracias enviar envia envie nombre send sending thanks danke vielen
demo demonstration demonstracion
question questions main frage fragen hauptfrage hauptfragen principales pregunta preguntas dudas
with from your their that this what about need needs wants asked would like also
fur eine einen einer ihre ihren ihrer unser unsere mochte wollte durch
pour avec votre vous nous dans leur veut voulait comprendre demande souhaite
para como nuestra nuestro pidio quiere usted ustedes
""".split())


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    """Content words cut to five letters, so "ateliers" meets "atelier" and "Amortisationsrechnung" itself."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text) if w not in _STOP}


def _asks_by_contact(ctx: Context) -> dict[str, list[set[str]]]:
    """Each contact's asks in the record, as the content words of the sentences that carry them."""
    firsts = {c.id: _fold(n.split()[0]) for c in ctx.record.contacts if (n := ctx.contact_name(c))}
    asks: dict[str, list[set[str]]] = {cid: [] for cid in firsts}
    names = {w[:5] for c in ctx.record.contacts for w in _fold(ctx.contact_name(c) or "").split()}
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        parts = [_fold(s) for s in sentence_parts(normalise(a.get("text") or ""))]  # cut, then fold: case tells an end
        signer = sender_of(ctx, a)
        if signer in asks:
            # only the sentences that ask: a letter's thanks and news are not what its writer asked for
            asks[signer] += [_words(s) - names for s in parts
                             if "?" in s or _ASKING.search(s) or _REQUEST.search(s)]
            continue
        if a.get("direction") == "inbound":
            # an unsigned letter may be the recipient's: its asks are nobody else's to claim
            asks[_UNSIGNED] = asks.get(_UNSIGNED, []) + [_words(s) - names for s in parts
                                                         if "?" in s or _ASKING.search(s) or _REQUEST.search(s)]
            continue
        if a.get("direction") == "outbound" and a.get("type") == "email":
            continue  # our letter's names are its greeting, not who asked; our call's note says who asked (wave 34)
        for sentence in parts:
            if not _ASKING.search(sentence):
                continue
            named = [cid for cid, first in firsts.items() if re.search(rf"\b{re.escape(first)}\b", sentence)]
            if len(named) == 1:  # "Anna und Jonas möchten ...": asked by both, so by neither alone
                asks[named[0]].append(_words(sentence) - names)
    return asks


def asked_by_someone_else(body: str, contact_id: str | None, ctx: Context) -> list[str]:
    """The draft's "as you asked" sentences whose thing the record gives to another contact's ask, not the recipient's."""
    if contact_id is None:
        return []
    asks = _asks_by_contact(ctx)
    own = set().union(*asks.get(contact_id, []), *asks.get(_UNSIGNED, []))
    others = {cid: set().union(*found) for cid, found in asks.items() if cid not in (contact_id, _UNSIGNED) and found}
    names = {c.id: ctx.contact_name(c) for c in ctx.record.contacts}
    names_words = {w[:5] for n in names.values() for w in _fold(n or "").split()}
    found: list[str] = []
    # clause by clause: "wie von Ihnen gewünscht, ... die Amortisationsrechnung; sie liegt dem Angebot bei" claims the
    # calculation, not the offer, for the recipient
    for sentence in re.split(r";\s+|(?<=[.!?])\s+|\n+", normalise(body)):
        if not _AS_YOU_ASKED.search(_fold(sentence)):
            continue
        words = _words(_fold(sentence)) - names_words
        # the document itself is what the recipient asked for only when the clause delivers it ("as you asked, the
        # proposal reaches you on Friday"); "comme vous l'avez demandé, la proposition détaille le coût par atelier"
        # claims the detail, which Paul asked for (set 33's fr-b3, wave 25)
        delivered = delivers_document(sentence) or _ARRIVES.search(_fold(sentence))
        carrier = set() if delivered else _words(_fold(" ".join(document_words(sentence))))
        if (words - carrier) & (own - set().union(*others.values())):
            continue  # the sentence names something the recipient, and no colleague, asked for
        for cid, theirs in others.items():
            # a word of one other contact's asks and of nobody else's: that contact's thing
            rest = set().union(*(t for c, t in others.items() if c != cid))
            if shared := sorted(words & (theirs - rest)):
                found.append(f"says the recipient asked for what the record says {names.get(cid) or 'another contact'} "
                             f"asked ({', '.join(shared)}): {sentence.strip()[:80]!r}")
                break
    # wave 33 (set 42's de-b8): "wie Sie am 20. November geschrieben haben" to Weber, when Schmidt wrote that day
    # wave 37 (set 46's de-b2): "die Sie am 28. Oktober von mir bekommen haben", sent to Herrn Weber
    return found + wrote_on_someone_elses_day(body, contact_id, ctx) + sent_to_someone_else(body, contact_id, ctx)
