"""The words that tell the buyer's company from any other (wave 37, helper noticed37).

A signature is the buyer side's when it shares a word with a contact's name or the company's (agents.ask_senders). The
company's name also holds words every other company may carry: its legal form ("Müller Logistik GmbH", "Atelier
Lumière SAS", "Distribuciones Levante S.L."), what kind of organisation it is ("Harbor Dental Group") and its trade
when the record's industry names it ("Logistik", "Logistics"). A stranger who signs "Berger GmbH" or "Acme Logistics"
shares only those, and was read as the buyer's side (wave 36's note); only the distinctive words ("müller", "northwind",
"lumière", "levante") say it is the buyer's company.
"""

from __future__ import annotations

import re

LEGAL_FORMS = frozenset("""gmbh ag kg ohg ug se ek inc ltd llc llp lp plc corp co limited incorporated corporation company
sarl sas sasu eurl sa sl slu srl sau scs snc bv nv ab oy as spa cie""".split())
"""Legal forms, written without their dots ("S.A." is "sa", "S.L." is "sl"): any company's, so no company's own."""
ORGANISATION_WORDS = frozenset("""group groupe gruppe grupo holding holdings partners services solutions systems
international global team""".split())
"""Words that say what kind of organisation a company is, not which one."""
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|\.(?=[^\W\d_]))+\.?")


def company_name_words(text: str) -> list[str]:
    """The words of a name, lowercased, with the dots of an abbreviation taken out ("S.A." -> "sa")."""
    return [w.replace(".", "").lower() for w in _WORD.findall(text or "")]


def distinctive_words(name: str | None, industry: str | None = None) -> frozenset[str]:
    """The words of a company's name that no other company shares by kind: not its legal form, not an organisation
    word, not a word of its industry ("müller" of "Müller Logistik GmbH" in the Logistik industry)."""
    trade = set(company_name_words(industry or ""))
    return frozenset(w for w in company_name_words(name or "")
                     if len(w) >= 2 and w not in LEGAL_FORMS and w not in ORGANISATION_WORDS and w not in trade)
