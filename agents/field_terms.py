"""Payment terms a record field holds, read as the record's facts (issue 11, wave 30, set 39's 013 and 140).

A tenant keeps the buyer's payment terms in a custom property: HubSpot's "payment_terms", Salesforce's
"Payment_Terms__c", a German "Zahlungsziel", a French "conditions_paiement", a Spanish "condiciones_pago". The checks
read every payment term as a term nobody priced (agents.commercial_terms: "the record has no field for net-90
terms"; agents.field_claims: "a field is no source of terms"), so a draft that repeats the record's own term was
refused five ways ("30 jours fin de mois", "30 Tagen netto": an unsupported number, price talk, a commercial term, a
field claim restated, a promise outside policy).

A field vouches for a term only when both hold:
- its name says it holds payment terms (a field named "notes", "special_terms", "konditionen" or "bon_de_commande"
  does not: sets 12, 17, 33 and 39 planted terms there);
- its whole value is one term and nothing else: a count of days, net or to the end of the month, in en/de/fr/es
  ("Net 30", "30 Tage netto", "30 jours fin de mois", "a 30 días fecha factura"). "120 Tage netto, mit Kulanz" (set 28)
  or "30 Tage netto, Konditionen zum Vorjahrespreis" (set 39) is a note carrying a term, not a term: no term at all.
A field the input screen withheld gives nothing.

A draft's sentence that states such a term, the same count and the same end-of-month reading, is read by the
commercial checks with that term and its payment words taken out (`without_field_terms`); the rest of the sentence is
still read ("..., sans remise" is judged as written). A term that differs from the field ("Net 60" when the field says
Net 30, "30 days" when it says "30 jours fin de mois"), or a sentence that also binds the payment to a moment or an
event ("net 30 from go-live", "30 Tage netto ab Abnahme"), is read whole, as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from agents.normalize import fold_accents

if TYPE_CHECKING:
    from agents.context import Context


@dataclass(frozen=True)
class Term:
    """A payment term: a count of days, counted from the invoice or from the end of its month."""

    days: int
    end_of_month: bool


_TERM_KEY = re.compile(
    r"\b(?:payment\s+terms?|terms\s+of\s+payment|net\s+terms|zahlungsziel|zahlungsbedingung(?:en)?|"
    r"zahlungskonditionen|zahlungsfrist|conditions?\s+(?:de\s+)?(?:paiement|reglement)|delais?\s+(?:de\s+)?paiement|"
    r"modalites\s+(?:de\s+)?paiement|condicion(?:es)?\s+(?:de\s+)?pago|plazos?\s+(?:de\s+)?pago|"
    r"terminos\s+(?:de\s+)?pago)\b"
)
"""A field name that says the field holds payment terms, its words folded ("Payment_Terms__c" -> "payment terms c")."""

_NUMBER_WORDS = {
    "thirty": 30,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
    "dreissig": 30,
    "dreisig": 30,
    "funfundvierzig": 45,
    "sechzig": 60,
    "neunzig": 90,
    "trente": 30,
    "quarante-cinq": 45,
    "quarante cinq": 45,
    "soixante": 60,
    "quatre-vingt-dix": 90,
    "treinta": 30,
    "cuarenta y cinco": 45,
    "sesenta": 60,
    "noventa": 90,
}
_WORDS = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_DAYS = r"(?:days?|tage|tagen|jours|dias)"
_EOM = r"(?:end\s+of\s+(?:the\s+)?month|eom|fin\s+de\s+mois|fin\s+de\s+mes|(?:nach|zum|ab)\s+monatsende)"
_NET = r"(?:net|netto|nets?|netos?)"
_FROM_INVOICE = (
    r"(?:from\s+(?:the\s+)?invoice(?:\s+date)?|after\s+invoice|ab\s+rechnungs(?:datum|stellung|eingang)|"
    r"nach\s+rechnungs(?:datum|stellung|eingang)|date\s+de\s+facture|fecha\s+(?:de\s+)?factura|"
    r"ohne\s+abzug|sans\s+escompte)"
)
_LEAD = (
    r"(?:(?:payable|payment|pay|zahlbar|zahlung|paiement|reglement|pago)\s+)?"
    r"(?:(?:in|within|at|on|innerhalb(?:\s+von)?|binnen|a|en)\s+)?"
)
_TERM = re.compile(
    rf"\b{_LEAD}(?:"
    rf"{_NET}[\s-]?(?P<n1>\d{{1,3}}|{_WORDS})(?:\s+{_DAYS})?(?:\s+(?P<e1>{_EOM}))?(?:\s+{_FROM_INVOICE})?"
    rf"|(?P<n2>\d{{1,3}}|{_WORDS})[\s-]*{_DAYS}(?:\s+{_NET})?(?:\s*,?\s*(?P<e2>{_EOM}))?(?:\s+{_NET})?"
    rf"(?:\s+{_FROM_INVOICE})?"
    rf")\b"
)
"""A payment term in folded text: "net 30", "Net-30 EOM", "30 days net", "30 Tage netto", "netto 30 Tage", "30 jours fin
de mois", "à 30 jours date de facture", "pago a 30 días". In a draft, a bare "30 days" is a term only in a sentence
that speaks of payment (`_PAYMENT`)."""

_PAYMENT = re.compile(
    r"\b(?:payment\s+terms?|terms\s+of\s+payment|payment|payable|pay|paid|net\s+terms|invoices?\s+(?:are\s+|is\s+)?due|"
    r"zahlungsziel\w*|zahlungsbedingung\w*|zahlungskondition\w*|zahlungsfrist\w*|zahlbar|zahlung|"
    r"conditions?\s+de\s+(?:paiement|reglement)|delais?\s+de\s+paiement|modalites\s+de\s+paiement|paiement|reglement|"
    r"condiciones\s+de\s+pago|plazos?\s+de\s+pago|terminos\s+de\s+pago|forma\s+de\s+pago|pago|"
    r"invoices?|rechnung(?:en)?|factures?|facturas?)\b"
)
"""The payment words a term hangs on ("your invoices stay payable within 30 days net"); taken out with the term when
it is the field's."""

_BOUND = re.compile(
    r"\b(?:after|from|until(?!\s+now)|till|upon|once|following|starting|only|deferred|later|instal+ments?|first|"
    r"ab|nach|erst|bis(?!\s+(?:jetzt|heute|dato|anhin))|seit|sobald|raten?|verschoben|spater|"
    r"apres|a\s+compter|a\s+partir|jusqu(?!['\s]*(?:ici|a\s+present|a\s+maintenant))\w*|echeances?|tranches?|"
    r"report\w*|differ\w*|seulement|"
    r"tras|despues|desde|hasta(?!\s+(?:ahora|hoy|la\s+fecha))|cuotas?|aplaz\w*|solo|"
    r"go-?live|launch|delivery|acceptance|rollout|installation|lieferung|abnahme|inbetriebnahme|livraison|reception|"
    r"mise\s+en\s+(?:service|production)|entrega|puesta\s+en\s+marcha|recepcion)\b"
)
"""What binds a payment to a later moment or an event: a sentence with one of these is read whole."""

_SENTENCE = re.compile(r"((?<=[.!?])\s+|\n+)")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015"), "-") | {
    0xA0: " ",
    0x202F: " ",
    0xDF: "s",
}


def _folded(text: str) -> str:
    """`text` in lower case without accents, one character for one ("ß" as "s", a dash as "-"), so that a span found
    in it is the same span of `text`."""
    out = []
    for c in text.translate(_DASHES):
        low = c.lower()
        base = unicodedata.normalize("NFD", low)[0] if len(low) == 1 else c
        out.append(base)
    return "".join(out)


def read_term(text: str) -> Term | None:
    """The term a whole value is ("Net 30", "30 jours fin de mois"), or None when it is anything else or more."""
    folded = " ".join(fold_accents(text).replace("_", " ").split()).strip(" .;,")
    m = _TERM.fullmatch(folded)
    return _term(m) if m else None


def _term(m: re.Match[str]) -> Term | None:
    n = m.group("n1") or m.group("n2")
    days = int(n) if n.isdigit() else _NUMBER_WORDS[" ".join(n.split())]
    return Term(days, (m.group("e1") or m.group("e2")) is not None) if 0 < days <= 365 else None


def _key_words(key: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", fold_accents(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key))))


def field_terms(ctx: Context) -> dict[str, Term]:
    """{field name: its term} for the record's custom fields that are payment-term fields holding one term alone."""
    out: dict[str, Term] = {}
    for key, value in (ctx.record.extra or {}).items():
        if not isinstance(value, str) or not _TERM_KEY.search(_key_words(key)):
            continue
        if ctx.safe(f"extra.{key}", value) is None:
            continue
        if (term := read_term(value)) is not None:
            out[key] = term
    return out


def field_term_days(ctx: Context) -> set[float]:
    """The counts of days the record's payment-term fields hold: figures of the record, like its amount."""
    return {float(t.days) for t in field_terms(ctx).values()}


def without_field_terms(text: str, ctx: Context) -> str:
    """`text` with each sentence that states a term a payment-term field holds read without that term and its payment
    words; any other sentence as written."""
    terms = set(field_terms(ctx).values())
    if not terms:
        return text
    return "".join(_unstated(piece, terms) for piece in _SENTENCE.split(text))


def _unstated(sentence: str, terms: set[Term]) -> str:
    folded = _folded(sentence)
    found = list(_TERM.finditer(folded))
    if not found or not _PAYMENT.search(folded) and not any(re.search(_NET, m.group(0)) for m in found):
        return sentence
    if any(_term(m) not in terms for m in found):
        return sentence  # a term the fields do not hold, or not the way they hold it: judged as written
    spans = [m.span() for m in found] + [m.span() for m in _PAYMENT.finditer(folded)]
    rest = folded
    for start, end in spans:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if _BOUND.search(rest):
        return sentence  # "net 30 from go-live": the payment bound to a moment is judged as written
    out = sentence
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + " " * (end - start) + out[end:]
    return out
