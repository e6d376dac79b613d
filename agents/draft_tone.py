"""What a draft says that a buyer should never read, whatever the record holds (set 33's bad drafts, wave 24b):
an alarm subject on a routine message ("URGENT: action required on your account", "Dernier rappel avant clôture de
votre dossier"), scarcity the record does not state ("only two start dates left in January"), the seller's internal
notes and scores ("according to our internal note", "probabilidad de cierre alta"), a reproach for the buyer's silence
("Endlich eine Rückmeldung", "después de dos semanas sin saber nada de ustedes"), an over-familiar register for a
business buyer ("guapa", "¡Besos!", "À plus,"), and an amount in a currency that is not the deal's ("36.000 US-Dollar"
on a EUR deal).

Each returns its reasons (empty when the draft is fine); `agents.quality` reports one Check per rule. Words the record
itself writes (an activity's subject or text: the buyer wrote "urgent") are the buyer's, not an alarm of ours."""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.blamed_buyer import blamed_buyer
from agents.capacity_claims import capacity_claims
from agents.condescension import condescending
from agents.context import Context
from agents.crm_jargon import crm_jargon
from agents.denied_subjects import denied_subject
from agents.disclosed_tracking import disclosed_tracking
from agents.doubted_competence import doubted_competence
from agents.internal_labels import internal_labels
from agents.normalize import normalise


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c))


def _record_text(ctx: Context) -> str:
    parts = [ctx.record.name or ""]
    for a in ctx.activities.values():
        if not a.get("withheld"):
            parts += [a.get("subject") or "", a.get("text") or ""]
    return _fold("\n".join(parts))


_ALARM = re.compile(r"""\b(?:
    urgent|urgente|dringend|eilt|asap|immediate(?:ly)?\s+action|action\s+(?:required|needed)|final\s+(?:notice|reminder)
    |last\s+(?:notice|reminder|chance)|important\s+notice|account\s+(?:suspended|closed|closure|on\s+hold)
    |handlungsbedarf|handeln\s+sie|letzte\s+(?:mahnung|erinnerung|warnung|chance)|wichtiger\s+hinweis|mahnung
    |(?:konto|akte)\s+wird\s+geschlossen|sperrung
    |action\s+requise|dernier\s+(?:rappel|avis|avertissement)|avis\s+important|cloture\s+de\s+votre|mise\s+en\s+demeure
    |accion\s+(?:requerida|necesaria)|ultimo\s+(?:aviso|recordatorio)|aviso\s+importante|cierre\s+de\s+su
    |suspension\s+de\s+su
    )\b""", re.X)
"""Subject words of alarm in en/de/fr/es: what phishing and dunning letters put in a subject line."""


def alarm_subject(subject: str, ctx: Context) -> list[str]:
    """An alarm in the subject the record gives no cause for: "URGENT: action required" on a note that the proposal
    comes on Friday reads as phishing. The buyer's own word ("Re: urgent question on seats") is theirs to repeat."""
    found = _ALARM.search(_fold(subject or ""))
    if not found or found.group(0) in _record_text(ctx):
        return []
    return [f"an alarm subject the record gives no cause for: {subject!r}"]


_SCARCE = re.compile(r"""(?:
    \bonly\s+(?:a\s+few|\w+)\s+(?:\w+\s+){0,2}(?:slots?|spots?|places?|seats?|dates?|openings?|licen[cs]es?)\s+(?:are\s+)?(?:left|remain)
    |\b(?:limited|last\s+(?:few|remaining))\s+(?:\w+\s+)?(?:slots?|spots?|places?|seats?|dates?|openings?)\b
    |\bwhile\s+(?:stocks?|slots?|places?)\s+last
    |\bnur\s+noch\s+(?:\w+\s+){1,3}(?:frei|verfugbar|zu\s+haben|ubrig)
    |\b(?:begrenzte|wenige\s+freie|letzten\s+freien)\s+\w*(?:termine|platze|kapazitat(?:en)?)\b
    |\bil\s+ne\s+(?:nous\s+|vous\s+)?reste\s+(?:plus\s+)?qu[e']\s*(?:\w+\s+){0,2}(?:creneaux|creneau|places?|dates?|sessions?)
    |\bplus\s+qu[e']\s*(?:un|une|deux|trois|quelques)\s+(?:creneaux|creneau|places?|dates?|sessions?)
    |\b(?:places?|creneaux)\s+limitee?s?\b
    |\b(?:solo|solamente)\s+(?:nos\s+|le\s+|les\s+)?quedan?\s+(?:\w+\s+){0,2}(?:huecos?|plazas?|fechas?|turnos?|ventanas?)
    |\b(?:ultimas?|pocas)\s+(?:\w+\s+)?(?:plazas|huecos|fechas)\s+(?:libres|disponibles)
    |\bplazas\s+limitadas
    )""", re.X)
"""A claim that what the buyer would book is running out ("nur noch zwei Einführungstermine frei")."""


def invented_scarcity(text: str, ctx: Context) -> list[str]:
    """Scarcity the record does not state: invented time pressure ("il ne nous reste que deux créneaux") costs the
    trust a rep has just earned. Kept when the record's own text says the same words."""
    folded, record = _fold(text), _record_text(ctx)
    return [f"scarcity the record does not state: {m.group(0)!r}" for m in _SCARCE.finditer(folded)
            if m.group(0) not in record] + capacity_claims(folded, record)  # wave 30: a cap, bookings, stock


_INTERNAL = re.compile(r"""\b(?:
    (?:our|the)\s+internal\s+(?:notes?|assessment|score|rating|crm)|according\s+to\s+our\s+(?:crm|system|scoring|notes)
    |(?:win|close|closing|deal)\s+probability|probability\s+of\s+(?:closing|winning|signing)|(?:lead|deal)\s+score
    |interne[nrs]?\s+(?:notiz|vermerk|einschatzung|bewertung)|laut\s+unserem\s+(?:crm|system)
    |abschlusswahrscheinlichkeit|(?:lead|deal)-?score
    |notes?\s+internes?|evaluation\s+interne|d'apres\s+notre\s+(?:crm|systeme)|selon\s+notre\s+(?:crm|systeme)
    |probabilite\s+de\s+(?:signature|conclusion|closing)
    |notas?\s+internas?|evaluacion\s+interna|segun\s+nuestro\s+(?:crm|sistema)|probabilidad\s+de\s+(?:cierre|firma|exito)
    )\b""", re.X)
"""The seller's own notes, scores and close probabilities named in a sentence to the buyer."""


def internal_revealed(text: str) -> list[str]:
    """The seller's internal note, score or close probability told to the buyer ("laut unserer internen Notiz ist Herr
    Weber der eigentliche Entscheider"): it exposes what colleagues said and how we rate the buyer."""
    return [f"reveals an internal note or score: {m.group(0)!r}" for m in _INTERNAL.finditer(_fold(text))]


_REPROACH = re.compile(r"""(?:
    \b(?:have|had)(?:\s+not|n't)\s+heard\s+(?:anything\s+|a\s+word\s+)?(?:back\s+)?from\s+you
    |\bheard\s+nothing\s+(?:back\s+)?from\s+you|\bsince\s+you\s+(?:went\s+quiet|stopped\s+replying|last\s+bothered)
    |\bfinally\s+(?:got\s+back|replied|answered|wrote|heard\s+from\s+you)|^\s*finally\b
    |\bnichts\s+(?:mehr\s+)?von\s+ihnen\s+gehort|\bkeine\s+(?:antwort|ruckmeldung)\s+von\s+ihnen\s+(?:erhalten|bekommen)
    |^\s*endlich\b|\bendlich\s+(?:melden|gemeldet|antworten|geantwortet|eine\s+(?:ruckmeldung|antwort))
    |\bsans\s+(?:aucune\s+)?nouvelles?\s+de\s+(?:vous|votre\s+part)|\b(?:vous\s+)?(?:avez\s+)?enfin\s+(?:repondu|donne\s+signe)
    |^\s*enfin\s+(?:une\s+)?(?:reponse|nouvelles|des\s+nouvelles)
    |\bsin\s+(?:saber\s+nada|tener\s+noticias|noticias)\s+de\s+(?:usted|ustedes|su\s+parte)
    |\bpor\s+fin\s+(?:nos\s+|me\s+)?(?:escrib|respond|contest|da\s+senales)|^\s*por\s+fin\b
    )""", re.X | re.M)
"""Reproach for the buyer's silence or slowness in en/de/fr/es ("Endlich eine Rückmeldung", "por fin nos escriba")."""

_EARLIER = (r"(?:earlier|sooner|in\s+advance|(?:a\s+bit\s+)?more\s+notice|at\s+the\s+(?:start|outset)|"
            r"fruher|rechtzeitig|im\s+voraus|"
            r"plus\s+tot|plus\s+vite|a\s+l'avance|des\s+le\s+(?:debut|depart)|"
            r"antes|con\s+(?:antelacion|tiempo|mas\s+tiempo)|mas\s+pronto|desde\s+el\s+principio)\b")
_TOLD = (r"(?:\w+\s+)?(?:told|let|said|given|sent|shared|written|mentioned|flagged|raised|warned|informed|alerted|"
         r"notified|called|replied|answered|reached|contacted|asked|\w+ed)\b")
"""What a buyer is blamed for not having done: a past participle ("told", "let us know", "mentioned")."""
_DIT = (r"(?:precise|dit|indique|prevenu|signale|communique|donne|envoye|transmis|informe|averti|parle|"
        r"ecrit|demande)e?s?\b")
_TOLD_LATE = re.compile(rf"""(?:
    \byou\s+(?:should|could|might|ought\s+to)(?:\s+have|'ve)\s+{_TOLD}.{{0,60}}?\b{_EARLIER}
    |\b(?:if\s+you(?:'d|\s+had)|had\s+you)\s+{_TOLD}.{{0,60}}?\b{_EARLIER}
    |\b(?:it\s+)?would\s+have\s+(?:helped|been\s+(?:\w+\s+)?(?:helpful|useful|nice|good|easier|better))\b.{{0,60}}?\b{_EARLIER}
    |\bnext\s+time\b.{{0,60}}?\b{_EARLIER}
    |\b(?:sie\s+hatten|hatten\s+sie)\b.{{0,60}}?\b{_EARLIER}|\b{_EARLIER}.{{0,40}}?\bhatten\s+sie\b
    |\bwenn\s+sie\s+uns\b.{{0,60}}?\b{_EARLIER}.{{0,40}}?\b(?:hatten|waren)\b
    |\bware\b.{{0,60}}?\bgewesen\b.{{0,40}}?\b{_EARLIER}|\bware\b.{{0,40}}?\b{_EARLIER}.{{0,40}}?\bgewesen\b
    |\b(?:nachstes|beim\s+nachsten)\s+mal\b.{{0,60}}?\b{_EARLIER}
    |\bsi\s+vous\s+(?:nous\s+|m')?(?:l'|le\s+|la\s+|les\s+)?(?:aviez|etiez)\s+(?:\w+\s+)?{_DIT}.{{0,60}}?\b{_EARLIER}
    |\bvous\s+(?:nous\s+|m')?(?:l'|le\s+|la\s+)?(?:auriez|aurais)\s+(?:pu|du|mieux\s+fait)\b.{{0,60}}?\b{_EARLIER}
    |\baurait\s+ete\b.{{0,60}}?\b{_EARLIER}|\b(?:la\s+)?prochaine\s+fois\b.{{0,60}}?\b{_EARLIER}
    |\bsi\s+(?:usted(?:es)?\s+)?(?:nos|me)\s+(?:lo\s+|la\s+|los\s+)?(?:hubiera|hubiese)n?\b.{{0,60}}?\b{_EARLIER}
    |\b(?:podria|deberia|tendria\s+que)n?\s+haber(?:nos|me|noslo|melo)\b.{{0,60}}?\b{_EARLIER}
    |\b(?:nos|me)\s+(?:lo\s+|la\s+)?(?:podria|deberia)n?\s+haber\b.{{0,60}}?\b{_EARLIER}
    |\bhabria\s+sido\b.{{0,60}}?\b{_EARLIER}|\b(?:la\s+)?proxima\s+vez\b.{{0,60}}?\b{_EARLIER}
    )""", re.X)
"""Wave 26 (set 34's de-b7, fr-b7): the buyer told that they should have said something sooner ("Sie hätten uns ruhig
früher sagen können", "Si vous nous aviez précisé plus tôt le nombre d'ateliers"), a counterfactual aimed at "you" or
at what would have helped us. Our own delay ("I should have sent it sooner", "j'aurais dû") names no "you"; thanks for
an early word ("thanks for letting us know early") states no counterfactual."""


def reproachful(subject: str, body: str) -> list[str]:
    """A reproach for the buyer's silence: holding it against a buyer who has just come back spoils the moment."""
    return [f"reproaches the buyer: {m.group(0).strip()[:80]!r}" for part in (subject or "", body)
            for pattern in (_REPROACH, _TOLD_LATE) for m in pattern.finditer(_fold(part))]


_FAMILIAR = re.compile(r"""(?:
    \b(?:guapa|guapo|guapisima|carino|besos|besitos|un\s+beso|que\s+chulada|chulada)\b
    |\b(?:bisous|bises|grosses\s+bises|ma\s+belle|mon\s+pote)\b|^\s*a\s+plus\s*[,!.]?\s*$|^\s*a\s+\+\s*$|\bc'est\s+pas\b
    |\b(?:xoxo|hugs|kisses|sweetie|darling|babe|honey|mate)\b
    |\b(?:kusschen|bussi|busserl|knutscher|schatzi|mausi|hab\s+dich\s+lieb)\b
    )""", re.X | re.M)
"""Words no rep writes to a business buyer in en/de/fr/es: endearments, kisses, slang closings."""


_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2639\u263A\u2764\u2665\u270C\u270A\u270B]|(?<![\w:])[:;]-?[)(DPp](?!\w)|\bx[dD]\b")
"""A pictograph or a text smiley ("😁", "🙌", ";-)", "xD"): chat, not a letter to a business buyer (set 35's en-b10)."""
_CHAT_GREETING = re.compile(r"^\s*(?:(?:hey\s+hey|hiya|heya|yo|coucou|holis?)\b|hey\s+\w+\s*!)",
                            re.M)
"""A chat greeting ("Hey Elena!", "Hiya", "Yo Dana", "Coucou Claire"): a plain "Hi Elena," or "Hallo Anna," is fine."""


def over_familiar(subject: str, body: str, ctx: Context | None = None) -> list[str]:
    """An endearment, a kiss, a slang closing, an emoji or a chat greeting to a business buyer ("¡Hola Lucía, guapa!",
    "À plus,", "Hope business is biting 😁", "Hey Elena!"). The buyer's own messages set the register: emoji they sent
    first may be answered in kind."""
    found = [f"over-familiar to a business buyer: {m.group(0).strip()!r}" for part in (subject or "", body)
             for m in _FAMILIAR.finditer(_fold(part))]
    theirs = "\n".join(a.get("text") or "" for a in ctx.activities.values()
                        if a.get("direction") == "inbound") if ctx else ""
    if not _EMOJI.search(theirs):
        found += [f"an emoji or smiley to a business buyer: {m.group(0)!r}" for part in (subject or "", body)
                  for m in _EMOJI.finditer(normalise(part))][:1]
    found += [f"a chat greeting to a business buyer: {m.group(0).strip()!r}" for m in _CHAT_GREETING.finditer(
        _fold(body))][:1]
    return found


_AMOUNT_CURRENCY = re.compile(r"""\d[\d.,\s]*\s*(?:
    (?P<usd>us-?dollar[sn]?|us\s+dollars?|dollars?|dolares|usd)|(?P<eur>euros?|eur)|(?P<gbp>(?:pfund|pounds?|livres?|libras?)\s+sterling|gbp)
    |(?P<chf>franken|francs?\s+suisses?|chf)
    )\b""", re.X)
_WORD_BEFORE = re.compile(r"\b(?:(?P<usd>usd|us\$)|(?P<eur>eur)|(?P<gbp>gbp)|(?P<chf>chf))\s*\d")
_SYMBOL = re.compile(r"(?:(?P<usd>\$)|(?P<eur>€)|(?P<gbp>£))\s*\d[\d.,]*|\d[\d.,]*\s*(?:(?P<eur2>€)|(?P<usd2>\$)|(?P<gbp2>£))")


def foreign_currency(text: str, ctx: Context) -> list[str]:
    """An amount written in a currency the deal is not in ("36.000 US-Dollar" on a EUR deal): the figure may be the
    record's, the price is not."""
    own = (ctx.record.currency or "").upper()
    if not own:
        return []
    folded, found = _fold(text), []
    for pattern in (_AMOUNT_CURRENCY, _WORD_BEFORE, _SYMBOL):
        for m in pattern.finditer(folded if pattern is not _SYMBOL else normalise(text)):
            code = next((k[:3].upper() for k, v in m.groupdict().items() if v), None)
            if code and code != own:
                found.append(f"an amount in {code} on a {own} deal: {m.group(0).strip()!r}")
    return found


def tone_problems(subject: str, body: str, ctx: Context) -> list[tuple[str, list[str]]]:
    """Set 33's rules (wave 24b), each with what it found: what a buyer should never read, whatever the record holds."""
    both = f"{subject}\n{body}"
    return [("no_alarm_subject", alarm_subject(subject, ctx)), ("no_invented_scarcity", invented_scarcity(both, ctx)),
            # wave 27: a label of ours for a person of theirs, a doubt that they can do their job (set 36)
            # wave 35: our CRM's own terms ("als SQL markiert", "presentationscheduled", set 44's b5)
            # wave 37: what our tracking saw the buyer do ("vi que visitó nuestra página de precios", set 46's es-b4)
            ("no_internal_notes_or_scores", internal_revealed(both) + internal_labels(both, ctx) + crm_jargon(both, ctx)
             + disclosed_tracking(both)),
            # wave 35: "Proposition jointe" over "n'est pas encore prête" (set 44's b7)
            ("subject_agrees_with_body", denied_subject(subject, body)),
            # wave 29: talking down ("as I have explained twice", "wie Sie sicher selbst wissen", set 38)
            ("no_reproach", reproachful(subject, body) + doubted_competence(body) + blamed_buyer(body)
             + condescending(body)),
            ("no_over_familiar_register", over_familiar(subject, body, ctx)),
            ("amounts_in_the_deals_currency", foreign_currency(both, ctx))]
