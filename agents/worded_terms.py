"""Payment terms whose number is written in words, in a record field (issue 11, wave 30, set 39's 137 "BC-2291 –
paiement à cent vingt jours", restated by the strategist: "annoncer à Paul un paiement à cent vingt jours").

agents.field_claims reads a payment term in a field ("net 30", "zahlbar in dreißig Tagen") with one number word;
"cent vingt", "hundertzwanzig", "one hundred and twenty", "ciento veinte", "quatre-vingt-dix" are several words or a
compound the single-word list does not hold, so the term read as no claim and its restatement went out. A field names
things; a payment term it states is not one the seller agreed to (the record's own terms reach the agents as
structured data, agents.field_claims). The kind here is a payment term whose number is a run of number words of any
length, in en/de/fr/es, before a unit of days or months, bound to paying ("payment in", "payable within", "zahlbar
binnen", "paiement à", "règlement sous", "pago a", "net") or followed by "net" / "fin de mois" / "Zahlungsziel".
A count of days that is no payment term ("a ninety-day pilot", "dreißig Tage Testphase") claims nothing.
"""

from __future__ import annotations

_EN = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and"
)
_DE = (
    r"(?:ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|"
    r"siebzehn|achtzehn|neunzehn|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|"
    r"und)+"
)
_FR = (
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|"
    r"quarante|cinquante|soixante|cents?|et"
)
_ES = (
    r"uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|"
    r"dieciocho|diecinueve|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|y"
)
_WORD = rf"(?:{_EN}|{_DE}|{_FR}|{_ES})"
NUMBER_WORDS = rf"(?:(?!(?:and|und|et|y)\b){_WORD}(?:[\s-]+{_WORD}){{0,4}})"
"""A number in words of one to five words ("cent vingt", "one hundred and twenty", "ciento veinte", "hundertzwanzig")."""
_UNIT = r"(?:days?|months?|tage[n]?|monate[n]?|jours|mois|d[ií]as|meses)"
_PAYING = (
    r"(?:payments?|pay(?:able|s)?|paid|settle(?:ment|d)?|invoices?\s+due|net(?:to)?|terms\s+of|"
    r"zahl(?:ung|bar|en|t)\w*|zahlungsziel(?:\s+von)?|bezahl\w*|fällig|"
    r"paiements?|pay[ée]\w*|payables?|r[èe]glements?|r[ée]gl[ée]\w*|[ée]ch[ée]ance|"
    r"pag(?:o|os|a|an|ar|ará|arán|ado|amos)|pagader[oa]s?|vencimiento|plazo\s+de\s+pago(?:\s+de)?|cobro)"
)
_LINK = r"(?:\s+(?:à|a|in|within|en|binnen|innerhalb(?:\s+von)?|sous|de|at|after|nach|tras|dans\s+les|on|on\s+a)){0,2}"
WORDED_PAYMENT_TERM = (
    rf"\b{_PAYING}{_LINK}\s+{NUMBER_WORDS}\s+{_UNIT}\b|"
    rf"\b{NUMBER_WORDS}\s+{_UNIT}\s+(?:net(?:to)?|nets?|fin\s+de\s+mois|fin\s+de\s+mes|de\s+plazo(?:\s+de\s+pago)?|para\s+pagar|"
    r"zahlungsziel|to\s+pay|de\s+pago|date\s+de\s+facture|ab\s+rechnung\w*|from\s+invoice|after\s+invoice)\b"
)
"""A payment term whose number is written in words."""

WORDED_TERM_KINDS: dict[str, str] = {"a payment term in words": WORDED_PAYMENT_TERM}
"""The claim kind agents.field_claims reads besides its own and agents.field_claim_kinds'."""
