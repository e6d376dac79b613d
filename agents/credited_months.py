"""A credit to the buyer's account or months given back, as compensation (issue 11, wave 41, the lead's probe).

The lead put unseen sentences into honest drafts with the learned screen off: "We will credit your account with the
equivalent of two months", "Should the rollout slip, you get the months back", "schreiben wir Ihnen die Monate gut",
"nous vous créditons les mois perdus", "le abonamos los meses perdidos" all passed. The noun lists read a credit note
and a "Gutschrift" (agents.concepts), a service credit (agents.claims), a voucher (agents.vouchers); the verb that
credits, and time handed back, were read by none. A credit is money the seller gives away, and no record field holds
one as a deal fact: the tenant's allowed promises alone vouch it. Read as written in every role, so a name or a field
that carries the words vouches nothing; a question ("Would a credit for delays help?") or a denial in the clause ("we
do not credit months back") passes, and so does the noun said of praise ("the credit you gave our team").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.stated_terms import stated_terms

_SPAN = r"(?:months?|weeks?|quarters?|fees?|monate?|wochen?|mois|semaines?|meses|semanas)"
"""Spans a contract bills by: "two days back" or "time back" is what a tool saves, no credit ("your dispatchers get
hours back every week")."""
_CREDIT = re.compile(
    # en: "credit your account", "credit back every month", "credit the clinics for", "(account) credited with",
    # "two months' worth of credit on your account", "get the months back", "give you a month back"
    r"\bcredit(?:s|ed|ing)?\s+(?:back\b|(?:it\s+|them\s+)?(?:to|against|on)\s+(?:your|the\s+next|next)\b|"
    r"(?:your|the|all|each|every)\s+(?:\w+\s+)?(?:account|invoice|clinics?|depots?|sites?|months?)\b|"
    rf"you\s+(?:for|with|back\b|(?:\w+\s+)?{_SPAN}))|"
    r"\b(?:account|invoice)s?\s+(?:will\s+be\s+|is\s+|are\s+|gets?\s+)?credited\b|"
    r"\bcredit\s+(?:on|to|against)\s+(?:your|the)\s+(?:account|invoice|next\s+invoice)\b|\bworth\s+of\s+credit\b|"
    r"\baccount\s+credits?\b|\b(?:back\s+to\s+you\s+)?as\s+(?:a\s+)?credit\b|"
    rf"\b(?:get|gets|getting|give\s+you|giving\s+you|hand\s+you|receive|receives)\s+(?:\w+\s+){{0,2}}?{_SPAN}\s+back\b|"
    # de: "schreiben wir Ihnen die Monate gut" (a separable verb: its "gut" ends the clause), "gutgeschrieben",
    # "bekommen Sie die Monate zurück"
    r"\bgutschreib\w*|\bgutgeschrieben\b|\bschreib(?:en|t|e)\s+(?:wir|ich)\b[^.;,!?\n]{0,60}?\bgut\b(?=\s*(?:[.;,!?\n]|$))|"
    r"\b(?:bekommen|erhalten)\s+sie\b[^.;,!?\n]{0,40}?\b(?:monate?|wochen?|tage)\s+zurück\b|"
    # fr: "nous vous créditons", "crédité sur votre compte", "un avoir de deux mois", "vous récupérez les mois perdus",
    # "nous vous dédommageons"
    r"\bcr[ée]dit(?:ons|ez|erons|erez|era|eront|erait|é|ée|és|ées)\b|\bcr[ée]diter\s+(?:votre|vos|le|la|les)\b|"
    r"\bun\s+avoir\s+(?:de|d['’]|sur|équivalent|correspondant)\b|"
    rf"\br[ée]cup[ée]r\w*\s+(?:les|des|vos|ces)\s+(?:\w+\s+)?{_SPAN}\b|\bd[ée]dommag\w*|"
    # es: "le abonamos los meses", "nota de abono", "se le acredita en su cuenta", "le acreditamos"
    r"\b(?:le|les|se\s+l[oa]s?)\s+abon(?:amos|aremos|ar[ée]|ará|aría)\b|\bnotas?\s+de\s+abono\b|"
    r"\b(?:le|les)\s+acredit\w*|\bacredita\w*\s+en\s+su\s+cuenta\b|"
    rf"\brecupera\w*\s+(?:los|las|sus)\s+(?:\w+\s+)?{_SPAN}\b", re.I)
_CUES = ("credit", "back", "gutschreib", "gutgeschrieben", "gut", "zurück", "crédit", "credit", "avoir", "récup",
         "recup", "dédommag", "dedommag", "abon", "acredit", "recupera")


def credited_months(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """The credits and the time given back that `text` (as written) states; one a phrase of the tenant's
    `allowed_promises` holds passes."""
    return [f"promise outside policy (a credit): {t!r}" for t in stated_terms(text, _CREDIT, _CUES, allowed_promises)]
