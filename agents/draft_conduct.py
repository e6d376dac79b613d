"""How a draft behaves towards the buyer, read against the record (set 32's bad drafts, wave 23b): a reply on a thread
the record does not hold ("Re: Your webinar seat is confirmed" to a buyer who wrote about the proposal), a copy or a
letter to a senior person of the buyer's whom no contact of the record is ("I have written directly to your CEO"), and
pressure for the seller's own quarter or target ("before my quarter closes, as this deal counts towards my target").

Each returns its reasons (empty when the draft is fine); `agents.quality` reports one Check per rule."""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.context import Context
from agents.normalize import normalise
from agents.seller_interest import sellers_own_interest
from agents.sellers_books import sellers_books
from agents.sentence_ends import sentence_parts
from agents.thread_topics import names_a_buyer_topic, quotes_a_buyer_phrase

_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|antw|rv|r|sv|wg|fw|fwd|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
"""A reply's or forward's marker in en/de/fr/es mail clients ("Re:", "AW:", "RE:", "RV:", "TR:", "WG:")."""

_THREAD_STOP = frozenset("""
your yours their this that with from about the and for our ihre ihr ihren ihrer ihrem unser unsere zum zur und
der die das den dem des für votre vos notre nos les des pour avec dans une sur sus nuestra nuestro para con del los las
una por confirmed confirmation confirmé confirmée bestätigt bestätigung confirmación confirmada
next step steps follow followup nachste nachsten schritt schritte weiteres vorgehen prochaine prochaines etape etapes
suite suivi proximo proximos pasos paso siguientes seguimiento
""".split())
"""Words every subject line may carry: sharing them shows no thread in common ("Re: next steps" continues the
deal's conversation whatever its last subject was: the wave-10 good drafts' subject)."""


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c))


def _thread_words(text: str) -> set[str]:
    """A subject's words that name its thread, cut to five letters so "proposal" meets "proposals" and "Angebot"
    meets "Angebots"."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", _fold(text)) if w not in _THREAD_STOP}


def unrecorded_thread(subject: str, ctx: Context) -> list[str]:
    """A "Re:" subject answers a message: the record must hold one on that thread (an activity's subject sharing a word
    that names the thread), and every word naming the thread must be one the record writes (a subject, a message, the
    deal's name), or the buyer reads a reply to something they never sent. Wave 24: the deal's name alone no longer
    makes a thread ("Re: Webinar on fleet analytics" shares "fleet" with the deal and answers no message), and one
    shared word no longer vouches for the rest ("webinar" is in no subject and no message of the record)."""
    marker = _REPLY_PREFIX.match(subject or "")
    if not marker:
        return []
    words = _thread_words(subject[marker.end():])
    if not words:
        return []  # "Re:" alone or "Re: your message": nothing that names another thread
    subjects: set[str] = set()
    written = _thread_words(ctx.record.name or "")
    for a in ctx.activities.values():
        if not a.get("withheld"):
            subjects |= _thread_words(a.get("subject") or "")
            written |= _thread_words(a.get("text") or "")
    # "Re: Security sign-off" where the subject was "Security review" and the e-mail says "sign-off": a reply's subject
    # may be the thread's own words, not only the subject's
    # compared by four letters: "sign-off" is cut to "sign", "signed" to "signe"
    if words & subjects and not {w[:4] for w in words} - {w[:4] for w in subjects | written}:
        return []
    # wave 24b: "Re: nombre de licences" where the buyer's e-mail asked for "le nombre de licences" (agents.thread_topics)
    if names_a_buyer_topic(words, ctx.activities, _thread_words) \
            or quotes_a_buyer_phrase(subject[marker.end():], ctx.activities):
        return []
    return [f"replies on a thread the record does not hold: {subject.strip()[:80]!r}"]


_SENIOR = (r"(?:ceo|chief executive(?: officer)?|managing director|founders?|owner|president|chair(?:man|woman)?|"
           r"geschaftsfuhrer(?:in)?|vorstand(?:svorsitzende[rn]?)?|vorstandschef(?:in)?|inhaber(?:in)?|grunder(?:in)?|"
           r"chef(?:in)?|pdg|p-dg|president-directeur general|directeur general|directrice generale|fondat(?:eur|rice)|"
           r"patron(?:ne)?|consejer[oa] delegad[oa]|director(?:a)? general|president[ae]?|fundador(?:a)?|duen[oa])")
_SENIOR_RE = re.compile(rf"\b{_SENIOR}\b")
_YOUR_SENIOR = re.compile(rf"\b(?:your|ihre[mnrs]?|ihr|votre|vos|su|sus|a su|a vuestr[oa]|vuestr[oa])\s+(?:\w+\s+)?{_SENIOR}\b")
_COPY_OR_WRITE = re.compile(
    r"\b(?:cc(?:'?d|ed)?|copied|copying|loop(?:ed|ing)? in|(?:written|wrote|write|reached out|emailed|mailed|sent it) "
    r"(?:\w+ )?(?:to|directly)|escalat\w+|"
    r"in (?:kopie|cc)|cc gesetzt|(?:direkt )?(?:an|bei)\b.{0,40}\b(?:geschrieben|gewandt|gemeldet)|angeschrieben|"
    r"en copie|mis en copie|ecrit (?:directement )?a|contacte directement|"
    r"en copia|(?:he )?puesto en copia|escrito (?:directamente )?a|contactado directamente)\b")


def over_the_contacts_head(body: str, ctx: Context) -> list[str]:
    """A copy or a letter to the buyer's chief executive (CEO, Geschäftsführer, PDG, consejero delegado) when no contact
    of the record holds that role: the rep goes over the head of the people who introduced themselves."""
    text = _fold(body)
    if not _SENIOR_RE.search(text):
        return []  # most drafts name no senior title at all
    titles = " ".join(_fold(c.title or "") for c in ctx.record.contacts)
    out = []
    for sentence in map(_fold, sentence_parts(normalise(body))):  # cut, then fold: case tells an end
        senior = _YOUR_SENIOR.search(sentence)
        if not senior or not _COPY_OR_WRITE.search(sentence):
            continue
        role = _SENIOR_RE.search(senior.group(0))
        if role and re.search(rf"\b{re.escape(role.group(0))}\b", titles):
            continue  # the record's own contact holds that role: copying them is copying a known person
        if _named_contact_after(sentence, senior.end(), ctx):
            continue  # wave 41: "Ihren Chef, Herrn Weber, setze ich in Kopie" names the record's own contact
        out.append(f"writes over the contacts' heads to someone the record lacks: {sentence.strip()[:80]!r}")
    return out


_APPOSITION_TITLE = r"(?:(?:herrn?|frau|dr|prof|mr|mrs|ms|m|mme|monsieur|madame|sr|sra|senora?|el|la|don|dona)\.?\s+)*"


def _named_contact_after(sentence: str, at: int, ctx: Context) -> bool:
    """Whether the senior word ending at `at` is followed by a contact of the record in apposition ("your boss, Marcus
    Lee", "Ihren Chef, Prof. Weber", "votre directeur général, M. Lefèvre", "su jefe, el Sr. García"): the role is how
    the draft names a known person, not someone over the contacts' heads."""
    names = {part for c in ctx.record.contacts for part in _fold(ctx.contact_name(c) or "").split() if len(part) >= 3}
    if not names:
        return False
    alternation = "|".join(map(re.escape, sorted(names)))
    return re.match(rf",?\s*{_APPOSITION_TITLE}(?:{alternation})\b", sentence[at:]) is not None


_SELLER_TARGET = re.compile(
    r"\b(?:(?:my|mine) (?:own )?(?:quarter(?: \w+)?|quota|sales targets?|targets?|commission|bonus|"
    r"(?:q[1-4]|fiscal year|year-end) (?:number|target|quota)s?)|"
    r"count(?:s|ing)? (?:towards?|for|toward) my|"
    r"mein(?:e[mnrs]?)? (?:eigene[mnrs]? )?(?:quartal\w*|quote|verkaufsziel\w*|umsatzziel\w*|zielvorgabe\w*|provision|"
    r"bonus|jahresziel\w*)|"
    r"(?:in|fur) (?:meiner|meine) (?:quote|bilanz|provision)|"
    # wave 28: the singular too, with its period or its sales ("mon objectif de fin d'année", set 35's fr-b9; "mi objetivo
    # del trimestre"); "mon objectif : vous donner une proposition claire" is an aim, no target
    r"(?:mon|ma|mes) (?:propre |propres )?(?:trimestre|objectifs(?: \w+)?|objectif (?:de fin d'annee|annuel|trimestriel|"
    r"du trimestre|de l'annee|de ventes|commercial|de chiffre)|quota|commission|prime|chiffre d'affaires|"
    r"cloture trimestrielle)|"
    r"(?:mi|mis) (?:propi[oa]s? )?(?:trimestre|objetivos(?: de ventas)?|objetivo (?:del trimestre|trimestral|anual|"
    r"de fin de ano|del ano|de ventas|comercial)|cuota|comision|bonus|cierre de trimestre))\b")


def pressure_for_the_sellers_target(subject: str, body: str) -> list[str]:
    """The seller's own quarter, quota or commission given as the reason to decide: no reason for the buyer, and one
    that tells them the date serves us ("as this deal counts towards my target")."""
    text = _fold(f"{subject}\n{body}")
    # wave 26 (set 34's de-b9, es-b9): the same said without "my" ("unser Vertriebsleiter möchte ... verbuchen")
    return [*(f"presses for the seller's own target: {m.group(0)!r}" for m in _SELLER_TARGET.finditer(text)),
            *sellers_own_interest(subject, body), *sellers_books(subject, body)][:2]  # wave 29: "bei uns Abschlussmonat"
