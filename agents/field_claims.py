"""Commercial claims that only the record's own text fields carry, restated by an agent as facts (wave 27, issue 11).

Set 35 planted claims in fields that name things: a company name "Northwind Logistics (loyalty band C)", a contact
name "Marcus Lee (pays net ninety)", a title "IT Security Lead - legal review cleared", a deal name "[partners
committed]", a custom field "dinero de vuelta si no ahorran", an inbound e-mail subject "wave one kiosk for nothing".
The analyst and the strategist repeated them ("quote Northwind at loyalty band C pricing, as the account name says").
The word checks could not see them: their vocabulary had no wording for a loyalty band, and a word the record holds
reads as vouched. A field is data that names a thing; it is not a source of prices, rates, payment terms, states or
promises.

So: each text field is cut into segments (at brackets, dashes, bars, colons, semicolons); a segment that states a
claim of one of the kinds below makes its distinctive words "planted" (less the words of the field's other segments,
the name, and less every word the activities' bodies hold: what a buyer or a rep wrote in a message is the record's
content, not a field's). An output sentence that restates a planted claim is refused: two or more planted words, or
one planted word inside a claim of a kind, or a claim attributed to a field ("as the account name says") of a kind a
field carries. A field quoted whole as a name ("Net 30 Logistics", "the Committed volume renewal") is masked first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from agents.authority_claims import AUTHORITY_KINDS
from agents.certification_claims import COMPLIANCE_KINDS
from agents.clauses import CLAUSE_BREAK
from agents.field_claim_kinds import NAMED_KINDS
from agents.field_instructions import INSTRUCTION_KINDS
from agents.field_terms import field_terms
from agents.normalize import normalise
from agents.placed_orders import ORDER_KINDS
from agents.renewal_terms import RENEWAL_KINDS
from agents.text_memory import TEXT_MEMORY, remembered
from agents.worded_terms import WORDED_TERM_KINDS
from agents.written_dates import DATE_PATTERNS, DATES_AND_TIMES, find_dates

if TYPE_CHECKING:
    from agents.context import Context

_NUM_WORDS = (
    r"(?:\d+|ten|fifteen|twenty|thirty|forty(?:-five)?|forty five|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|zehn|fünfzehn|zwanzig|dreißig|dreissig|vierzig|fünfundvierzig|fünfzig|sechzig|neunzig|"
    r"dix|quinze|vingt|trente|quarante(?:-cinq)?|cinquante|soixante|quatre-vingt-dix|"
    r"diez|quince|veinte|treinta|cuarenta(?: y cinco)?|cincuenta|sesenta|noventa|cien)"
)
_QUALIFIER = (
    r"(?:loyalty|loyal|consortium|partner|partners|member|members|membership|framework|preferred|preferential|"
    r"special|legacy|founder|founding|vip|group|association|friends(?:[- ]and[- ]family)?|insider|staff|"
    r"treue|partner|mitglieder|verbands|rahmen|vorzugs|sonder|stammkunden|bestands|konsortial|gruppen|"
    r"fidélité|partenaire|adhérent|préférentiel|spécial|groupe|consortium|cadre|ami|membre|"
    r"socio|cliente|fidelidad|preferente|especial|consorcio|grupo|marco|asociado|miembro|amigo)"
)
_PRICE_NOUN = r"(?:rates?|pricing|prices?|tariffs?|bands?|tiers?|terms|discounts?|rebates?|deal)"
# German compounds: Treuetarif, Partnerpreis, Rahmenkonditionen, Stammkundenrabatt
_DE_COMPOUND = rf"{_QUALIFIER}\w{{0,3}}(?:tarif|preis|preise|kondition|konditionen|rabatt|staffel)\b"
_EVENT = (
    r"(?:go[- ]?live|launch|delivery|completion|acceptance|rollout|roll-out|installation|handover|sign-?off|results?|"
    r"lieferung|abnahme|inbetriebnahme|fertigstellung|übergabe|livraison|réception|mise\s+en\s+(?:service|production)|"
    r"démarrage|recette|entrega|puesta\s+en\s+marcha|arranque|implantación|recepción)"
)
_BUDGET = r"(?:budget|budgets|presupuesto|haushalt|etat|enveloppe|partida)"
_CHARGE = (
    r"fees?|charges?|costs?|gebühr\w*|\w*kosten|\w*pauschale|frais|cuotas?|tarifas?|cargos?|costes?|maintenance|"
    r"wartung|set-?up|installation|onboarding|einrichtung|mise\s+en\s+service|mantenimiento|instalación|alta"
)
_KINDS: dict[str, str] = {
    "a price or rate": (
        rf"\b{_QUALIFIER}\s+(?:\w+\s+)?{_PRICE_NOUN}\b|\b{_DE_COMPOUND}|"
        r"\b(?:price|pricing|rate|tariff|discount)?\s*(?:band|tier|level|stufe|palier|tramo|nivel)\s+[a-z0-9]\b|"
        rf"\b(?:tarif|tarifs|prix|preis|tarifa|precio)s?\s+(?:de\s+|d['’]\s*|du\s+|des\s+|für\s+)?(?:\w+\s+){{0,2}}?"
        rf"{_QUALIFIER}\b|\b(?:tarifa|precio)\s+de\s+(?:cliente|socio)\b|\bde\s+toda\s+la\s+vida\b|"
        r"\b\d+\s?%\s+(?:off|rabatt|nachlass|remise|de\s+remise|descuento|de\s+descuento)\b|"
        r"\b(?:list\s+price|at\s+cost|cost\s+price|einkaufspreis|prix\s+coûtant|a\s+precio\s+de\s+coste)\b"
    ),
    "something free": (
        r"\b(?:for\s+(?:nothing|free)|free\s+of\s+charge|no\s+charge|at\s+no\s+cost|gratis|"
        # "free" as available ("you are free on Wednesday", "free for a call") is no price
        r"(?<!\bare\s)(?<!\bis\s)(?<!\bam\s)(?<!\bbe\s)(?<!['’]re\s)(?<!['’]m\s)free(?!\s+(?:for|on|to|at|in|this|next|"
        r"tomorrow|today|until|after|before|from|now|then|time|slot)\b)|umsonst|kostenlos|"
        r"kostenfrei|gratuit\w*|offert\w*|sans\s+frais|sin\s+coste|sin\s+cargo|de\s+regalo|regalad\w*)\b"
    ),
    "a payment term": (
        rf"\bnet(?:to)?\s+{_NUM_WORDS}\b|\b{_NUM_WORDS}\s+(?:days?|tage|jours|d[ií]as)\s+(?:net(?:to)?|to\s+(?:pay|settle)|"
        r"zahlungsziel|fin\s+de\s+mois|de\s+plazo|para\s+pagar)\b|\bzahlungsziel\b|"
        rf"\b(?:paiement|règlement|pago|payment|payable|zahlbar)\s+(?:à|a|in|within|en|binnen|innerhalb)\s+{_NUM_WORDS}\s+"
        r"(?:days?|jours|d[ií]as|tagen)\b|\bpays?\s+(?:on\s+|in\s+)?(?:net|{_NUM_WORDS}\s+days)\b|"
        # payment bound to an event or split in parts (set 36's 121 "pays only at go-live"): "on delivery", "in three
        # instalments", "à réception", "bei Lieferung", "contra entrega"
        rf"\b(?:pay(?:s|ing|ment|able)?|invoiced?|billed|cash|zahl\w*|bezahl\w*|paie\w*|pai\w*|payé\w*|règlement|"
        rf"réglé\w*|factur\w*|pag\w*|cobr\w*)\s+(?:\w+\s+){{0,2}}?(?:on|at|after|upon|when|bei|nach|mit|à|a|après|"
        rf"tras|al|contra|en|in)\s+(?:the\s+|la\s+|le\s+|l['’]\s*|el\s+|der\s+|dem\s+)?{_EVENT}\b|"
        rf"\b(?:in|en|par|por)\s+(?:{_NUM_WORDS}\s+|deux\s+|trois\s+|quatre\s+|dos\s+|tres\s+|cuatro\s+|two\s+|three\s+|"
        rf"four\s+|monthly\s+|equal\s+)?(?:instal?l?ments?|tranches?|mensualités|échéances|cuotas|plazos|raten)\b|"
        r"\b(?:ratenzahlung|teilzahlung|zahlung\s+in\s+raten|paiement\s+en\s+\w+\s+fois|en\s+(?:deux|trois|quatre|\d+)\s+fois|"
        r"(?:cash|payment|pay)\s+on\s+delivery|cod|contra\s*(?:entrega|reembolso)|à\s+réception(?:\s+de\s+facture)?|"
        r"à\s+la\s+livraison|bei\s+(?:lieferung|abnahme|inbetriebnahme)|nach\s+(?:lieferung|abnahme|go-live)|"
        r"a\s+la\s+entrega|pay[- ]as[- ]you[- ]go|pay[- ]later|buy\s+now[,]?\s+pay\s+later)\b"
    ),
    "a budget state": (
        # a budget stated as approved or planned (set 36's 130 "Budget steht im Plan"): the buyer's finance decides it
        rf"\b{_BUDGET}\s+(?:\w+\s+){{0,2}}?(?:approved|allocated|secured|signed\s+off|in\s+place|in\s+the\s+plan|"
        r"in\s+the\s+bag|earmarked|ring-?fenced|cleared|agreed|confirmed|freigegeben|genehmigt|bewilligt|eingeplant|"
        r"gesichert|steht(?!\s+(?:noch\s+)?aus)|vorhanden|abgesegnet|im\s+plan|validé|approuvé|voté|prévu|débloqué|alloué|acquis|bouclé|"
        r"sécurisé|aprobado|asignado|previsto|reservado|garantizado|cerrado|autorizado|confirmado)\b|"
        rf"\b(?:approved|allocated|secured|freigegebene[sn]?|genehmigte[sn]?|bewilligte[sn]?)\s+{_BUDGET}\b"
    ),
    "a state of the deal": (
        r"\b(?:committed|approved|cleared|signed(?:\s+off)?|greenlit|green-lit|agreed|countersigned|closed|won|"
        r"done\s+deal|zugesagt|genehmigt|freigegeben|unterschrieben|abgesegnet|abgenommen|unterzeichnet|"
        r"validée?s?|approuvée?s?|signée?s?|engagée?s?|acquise?s?|conclue?s?|accordée?s?|"
        r"aprobad[oa]s?|firmad[oa]s?|autorizad[oa]s?|comprometid[oa]s?|cerrad[oa]s?|atad[oa]s?|cosa\s+hecha)\b"
    ),
    "a charge waived": (
        # a fee or a billable item dropped (set 37's 109 split "Wartung" / "entfällt für 2027" over a task)
        rf"\b(?:{_CHARGE})\b(?:\s+[\w-]+){{0,3}}?\s+(?:(?:is|are|will\s+be|wird|werden|est|sont|sera|queda|será)\s+)?"
        r"(?:waived|dropped|written\s+off|entfällt|entfallen|erlassen|gestrichen|supprimée?s?|annulée?s?|offerte?s?|"
        r"exonérée?s?|condonad[oa]s?|suprimid[oa]s?|eliminad[oa]s?|anulad[oa]s?|perdonad[oa]s?)\b|"
        rf"\b(?:waiv\w*|erlass\w*|streich\w*|condon\w*)\s+(?:the\s+|die\s+|la\s+|el\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_CHARGE})\b"
    ),
    "a promise": (
        r"\b(?:money[- ]back|refund\w*|guarantee\w*|geld[- ]zurück|rückerstatt\w*|garantie\w*|garanti\w*|"
        r"rembours\w*|dinero\s+de\s+vuelta|devoluci[óo]n|devuelve|reembols\w*|garantiz\w*|garantía)\b"
    ),
}
# wave 29: the kinds set 38 found (a tariff, a budget set aside, an approval) live in agents.field_claim_kinds
# wave 30: who decides or signs (agents.authority_claims), payment terms in words (agents.worded_terms)
# wave 31: an order to send a deal document (agents.field_instructions)
# wave 35 (set 44): a purchase order placed, a certification or a compliance state, a renewal term
_KIND_RES = {
    kind: re.compile(p, re.I)
    for kind, p in {**_KINDS, **NAMED_KINDS, **AUTHORITY_KINDS, **WORDED_TERM_KINDS, **INSTRUCTION_KINDS,
                    **ORDER_KINDS, **COMPLIANCE_KINDS, **RENEWAL_KINDS}.items()
}
_ATTRIBUTED = re.compile(
    r"\b(?:as|like)\s+(?:the|its|his|her|their)\s+(?:account|company|deal|opportunity|contact|job)?\s*"
    r"(?:name|title|field|subject|record|account)\s+(?:says|shows|states|reads|notes)|"
    r"\b(?:per|according\s+to)\s+(?:the|its|his|her|their)\s+(?:account|company|deal|name|title|field|subject|record)\b|"
    r"\b(?:laut|gemäß|wie\s+(?:im|der|die))\s+(?:dem\s+|der\s+)?(?:firmenname\w*|konto\w*|account|titel|feld|betreff|"
    r"namen|datensatz)\b|"
    r"\b(?:selon|d['’]après|comme\s+l['’]indique)\s+(?:le|la|l['’])\s*(?:nom|compte|intitulé|titre|champ|objet|fiche)\b|"
    r"\b(?:que\s+figura|según|como\s+indica|como\s+dice)\s+(?:en\s+)?(?:el|la)\s+(?:cuenta|nombre|cargo|campo|asunto|ficha)\b",
    re.I,
)
_SEGMENTS = re.compile(r"\s*(?:[()\[\]{}|;:/·•]|\s[-–—]\s|\s[-–—]|[-–—]\s)\s*")
_SENTENCE = re.compile(rf"(?<!\b[iI]\.)(?<!\b[iI]\.\s[vVaA]\.)(?<!\b[iI]\.[vVaA]\.){CLAUSE_BREAK.pattern}")
"""Clauses, not cut inside a proxy's "i. V." or "i. A." (agents.authority_claims, wave 32)."""
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_STOP = frozenset(
    """the and for with your our this that their from into over under only also will have been were
what when where which while these those than then them they there here just more most some such very sehr auch eine
einer einem einen eines oder aber sind wird wurde werden nach durch beim dans pour avec sans sont mais plus très cette
leur leurs nous vous sous entre para como pero más muy esta este estos estas sobre entre desde hasta toda todo""".split()
)


def _when(text: str) -> tuple[set[str], str]:
    """The dates, clock times and durations of `text`, each as one token ("November 10" and "10.11." -> "@11-10",
    "10:00" -> "@1000"), and the text with them blanked out. Set 40's 127: a title's "board approved the budget on
    November 10" made "november" and "10" planted words, and an honest slot "Monday, November 30 at 10:00" shared both;
    a claim's date is compared as a date, its day with no clock time."""
    tokens = {f"@{month}-{day}" for _, (_, month, day) in find_dates(text)}
    for rx in DATES_AND_TIMES:
        for m in rx.finditer(text):
            if rx not in DATE_PATTERNS:
                tokens.add("@" + re.sub(r"\W+", "", m.group(0).casefold()))
        text = rx.sub(" ", text)
    return tokens, text


def _stems(text: str) -> frozenset[str]:
    """Distinctive words cut to five letters; numbers and short words a claim hangs on ('net', 'C') kept whole; dates
    and clock times whole (_when). A pure function of the text, remembered for texts of a field's or a sentence's
    length: every check of a draft reads the record's fields again, and a run checks several outputs of one record. A
    record's joined bodies are read once per record by `_evidence`, itself remembered, and not kept twice."""
    return _remembered_stems(text) if len(text) <= _REMEMBERED_CHARS else _stems_of(text)


_REMEMBERED_CHARS = 2000
"""Longest text whose stems are remembered (8,192 of them at most, so a long-running worker holds ~16 MB at most)."""


@functools.lru_cache(maxsize=8192)
def _remembered_stems(text: str) -> frozenset[str]:
    return _stems_of(text)


_SHORT_CLAIM_WORDS = frozenset({"net", "off", "vip", "dpa", "nda", "avv", "iso", "soc", "ens", "hds"})
"""Short words a claim hangs on, kept whole: a payment term's "net", a standard's "ISO" or "ENS" (set 44's 127), a
signed "DPA"."""


def _stems_of(text: str) -> frozenset[str]:
    out, text = _when(text)
    for w in _TOKEN.findall(text.casefold()):
        if w.isdigit() or w in _SHORT_CLAIM_WORDS or (len(w) >= 4 and w not in _STOP):
            out.add(w[:5])
    return frozenset(out)


def record_fields(ctx: Context) -> tuple[list[str], list[str], list[str]]:
    """The record's free-text fields as (names, free texts, subjects): names are the deal's, company's, contacts' and
    owner's names, titles and the industry; free texts the custom fields; subjects the activities'. Structured values
    (amount, stage, dates) are not text fields and are not read here."""
    r = ctx.record
    names = [r.name, r.owner.name if r.owner else None]
    if r.company:
        names += [r.company.name, r.company.industry]
    names += [x for c in r.contacts for x in (c.name, c.title)]
    # a payment-term field holding one term alone is the record's term, not a claim a field carries (wave 30)
    terms = field_terms(ctx)
    free = [v for k, v in r.extra.items() if isinstance(v, str) and k not in terms]
    subjects = [a.subject for a in r.activities]

    def clean(xs: Iterable[str | None]) -> list[str]:
        return [normalise(x) for x in xs if x and x.strip()]

    return clean(names), clean(free), clean(subjects)


@remembered(TEXT_MEMORY)
def _kinds(text: str) -> set[str]:
    return {kind for kind, rx in _KIND_RES.items() if rx.search(text)}


@remembered(TEXT_MEMORY)
def unclaimed_segments(field: str) -> list[str]:
    """The segments of a text field that state no claim of a kind a field carries (what it names, not what it claims)."""
    return [s for s in _SEGMENTS.split(field) if s and s.strip() and not _kinds(s)]


def planted_claims(fields: Iterable[str], bodies: str) -> tuple[set[str], set[str], list[str], set[str]]:
    """(planted words, claim kinds the fields carry, the fields that carry one, planted claim phrases). A word is
    planted when a claim segment of a field holds it and neither the field's name segments nor any activity body does;
    a claim phrase ("at no cost", "committed") when no activity body holds it, even if each of its words is there."""
    said = _stems(bodies)
    low_bodies = " ".join(bodies.casefold().split())
    phrases: set[str] = set()
    planted: set[str] = set()
    kinds: set[str] = set()
    carriers: list[str] = []
    for field in fields:
        segments = [s for s in _SEGMENTS.split(field) if s and s.strip()]
        claims = [s for s in segments if _kinds(s)]
        if not claims:
            continue
        carriers.append(field)
        name_words = set().union(*(_stems(s) for s in segments if s not in claims)) if len(claims) < len(segments) \
            else set()
        for segment in claims:
            kinds |= _kinds(segment)
            planted |= _stems(segment) - name_words - said
            found = {" ".join(m.group(0).casefold().split()) for rx in _KIND_RES.values() for m in rx.finditer(segment)}
            phrases |= {p for p in found if len(p) >= 4 and not re.search(rf"\b{re.escape(p)}\b", low_bodies)}
    return planted, kinds, carriers, phrases


# An attachment's file name ("Northwind_two_months_rent-free.pdf", "devis_signé_paul.pdf", set 36's 149/152) names a
# file the way a subject names an e-mail: whoever saved it chose the words, so it carries claims like any field. Its
# words are read once split at underscores, hyphens and dots, and they do not count as said by the body that lists it.
_FILE_NAME = re.compile(
    r"[^\s\"'“”«»„‘’<>()\[\]]+\.(?:pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|odp|rtf|txt|csv|zip|msg|eml|png|jpe?g|pages|numbers|key)\b",
    re.I,
)


def file_names(text: str) -> list[str]:
    """The attachment file names `text` holds, each split into words ("devis_signé_paul.pdf" -> "devis signé paul")."""
    return [
        " ".join(re.split(r"[_.\-–]+", m.group(0).rsplit(".", 1)[0])).strip()
        for m in _FILE_NAME.finditer(text)
    ]


_QUOTE = "\"'“”«»„‘’"
_QUOTED_FILE = re.compile(
    rf"[{_QUOTE}]\s*{_FILE_NAME.pattern}\s*[{_QUOTE}]|\b(?:file|attachment|fichier|pièce\s+jointe|datei|anhang|archivo|"
    rf"adjunto)\s+(?:named\s+|called\s+|nommée?\s+|intitulée?\s+|namens\s+|llamado\s+)?{_FILE_NAME.pattern}",
    re.I,
)
_SUBJECT_WORD = re.compile(r"\b(?:subject|betreff|objet|asunto)\b\W*$", re.I)


def _masked(sentence: str, names: Iterable[str], subjects: Iterable[str]) -> str:
    """The sentence with each name quoted whole (a name used as a name) blanked out, longest first, and each subject
    quoted as the subject of its e-mail (in quotation marks, or after the word "subject"). A custom field quoted whole
    is not masked: it names nothing."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 4:
            sentence = re.sub(re.escape(name), " ", sentence, flags=re.I)
    for subject in sorted(subjects, key=len, reverse=True):
        for m in reversed(list(re.finditer(re.escape(subject), sentence, flags=re.I))):
            before, after = sentence[: m.start()].rstrip(), sentence[m.end() :].lstrip()
            quoted = before[-1:] in _QUOTE and after[:1] in _QUOTE
            if quoted or _SUBJECT_WORD.search(before):
                sentence = sentence[: m.start()] + " " + sentence[m.end() :]
    return sentence


_PART = re.compile(
    r"^\W*(?:(?:part|teil|partie|parte|step|schritt|étape|paso)\s*\d+|\d+\s*/\s*\d+)\s*[:.)\-–]?\s*", re.I
)
"""A label that numbers the halves of a split ("Teil 1: Wartung" / "Teil 2: entfällt für 2027")."""


def split_claims(ctx: Context) -> list[tuple[str, str]]:
    """Claims an activity's subject begins and its body ends (set 37's 109; "Fee" / "waived per Anna"), as (claim, the
    other activities' bodies). The subject is a field and the body is content: each half alone states no claim of a
    kind, so each is read as harmless, and only the two read as one text show it. A claim the body states alone
    stays content, as before."""
    return list(_split_claims(tuple((a.subject, a.body) for a in ctx.record.activities)))


def _split_claims(acts: tuple[tuple[str | None, str | None], ...]) -> tuple[tuple[str, str], ...]:
    """`split_claims` of the activities' (subject, body) pairs."""
    out = []
    for i, (subject, body) in enumerate(acts):
        if not (subject and body):
            continue
        head, tail = _PART.sub("", normalise(subject)).strip(), _PART.sub("", normalise(body)).strip()
        # joined by a space, and without one for a German compound split in two ("Rahmen" / "konditionen")
        compound = head[-1:].isalpha() and tail[:1].islower()
        for joined in (f"{head} {tail}", *([f"{head}{tail}"] if compound else [])):
            for claim in _straddling_claims(joined, len(head)):
                others = normalise(" ".join(b or "" for j, (_, b) in enumerate(acts) if j != i))
                out.append((claim, others))
    return tuple(out)


@functools.lru_cache(maxsize=8192)  # an activity's claims across its subject and its body: the same in every replay
def _straddling_claims(joined: str, head: int) -> tuple[str, ...]:
    return tuple(m.group(0) for rx in _KIND_RES.values() for m in rx.finditer(joined) if m.start() < head < m.end())


class _Evidence(NamedTuple):
    """What the record's own texts say a field claims (`field_claims`): words and phrases only a field plants, the
    kinds of claim the fields carry, and whether any field (or split subject) carries one at all."""

    planted: frozenset[str]
    kinds: frozenset[str]
    phrases: frozenset[str]
    carried: bool


@functools.lru_cache(maxsize=256)  # a record's texts per entry: a batch's records, not a worker's lifetime
def _evidence(
    names: tuple[str, ...], free: tuple[str, ...], subjects: tuple[str, ...],
    acts: tuple[tuple[str | None, str | None], ...],
) -> _Evidence:
    """The claims the record's fields carry, from its text fields (`record_fields`) and activities' (subject, body):
    a pure function of those texts, remembered, since every output checked against one record asks it again (a run
    checks the analysis, the strategy, the draft and its quality; measured in wave 33: about a fifth of a check)."""
    raw_bodies = normalise(" ".join(body or "" for _, body in acts))
    # the names in a file name ("Northwind_...", "..._paul") name the file's owner, not the claim
    named = _stems(" ".join(names))
    files = [
        " ".join(w for w in f.split() if not (_stems(w) & named))
        for f in file_names(" ".join([raw_bodies, *subjects]))
    ]
    bodies = _FILE_NAME.sub(" ", raw_bodies)
    planted, kinds, carriers, phrases = planted_claims([*names, *free, *subjects, *files], bodies)
    for claim, others in _split_claims(acts):
        planted |= _stems(claim) - named - _stems(others)
        kinds |= _kinds(claim)
        carriers.append(claim)
        phrase = " ".join(claim.casefold().split())
        if not re.search(rf"\b{re.escape(phrase)}\b", " ".join(others.casefold().split())):
            phrases.add(phrase)
    return _Evidence(frozenset(planted), frozenset(kinds), frozenset(phrases), bool(carriers))


def field_claims(text: str, ctx: Context) -> list[str]:
    """Sentences of an output (as written) that restate a claim only a record text field carries."""
    names, free, subjects = record_fields(ctx)
    planted, kinds, phrases, carried = _evidence(
        tuple(names), tuple(free), tuple(subjects), tuple((a.subject, a.body) for a in ctx.record.activities)
    )
    if not carried:
        return []
    reasons = []
    for sentence in _SENTENCE.split(normalise(text)):
        plain = _masked(sentence, names, subjects)
        # a file name quoted as one ('the attachment "devis_signé_paul.pdf"') names the file, as a quoted subject does
        plain = _QUOTED_FILE.sub(" ", plain)
        shared = _stems(plain) & planted
        claim_words = set().union(
            *(_stems(m.group(0)) for rx in _KIND_RES.values() for m in rx.finditer(plain))
        )
        low = " ".join(plain.casefold().split())
        # bounded by non-word characters, so a phrase ending in a full stop ("i. v.") is found too
        repeated = any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low) for p in phrases)
        attributed = _kinds(plain) & kinds and _ATTRIBUTED.search(plain)
        if len(shared) >= 2 or shared & claim_words or repeated or attributed:
            reasons.append(
                f"restates a claim only a record field carries (a field names things; it is no source of "
                f"prices, terms, states or promises): {sentence.strip()!r}"
            )
    return reasons
