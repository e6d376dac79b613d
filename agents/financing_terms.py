"""Financing terms nobody priced (issue 11, wave 35: set 26's 088 "Le ofrecemos renting de equipos sin entrada" and set
29's 008 "we will carry the hardware lease until go-live", catches the learned screen alone made).

A sales manager's rule: how the buyer pays for the equipment (a lease, a rental, instalments) is the finance team's
offer, not the rep's. Two terms come up, and both give money away:
- a lease, rental or financing with nothing down ("sin entrada", "no money down", "ohne Anzahlung", "sans apport");
- the buyer's lease, rent or instalments paid by us ("we will carry the hardware lease", "die Leasingraten übernehmen
  wir", "nous prenons en charge les loyers", "asumimos las cuotas del renting").
A question, a negation or a refusal offers nothing ("No ofrecemos renting sin entrada", "we cannot carry the lease"),
nor does a ticket with no entrance fee ("la feria es sin entrada": no financing word), nor the buyer carrying its own
lease ("your finance team will carry the lease": we are not the one who pays).
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_FINANCED = re.compile(
    r"\b(?:leas\w*|renting|rent(?:al|ed)?|financ\w*|finanzier\w*|mietkauf\w*|miet\w*|location\s+(?:financière|longue\s+"
    r"durée|avec\s+option)|loa|lld|crédit-bail|arrendamiento\w*|alquil\w*|instal(?:l)?ments?|raten\w*|ratenzahlung\w*|"
    r"mensualités|cuotas)\b", re.I)
_NOTHING_DOWN = re.compile(
    r"\b(?:sin\s+(?:entrada|anticipo|pago\s+inicial|desembolso\s+inicial)|(?:with\s+)?(?:no|zero|nothing)\s+(?:money\s+)?"
    r"down|no\s+(?:deposit|down\s*payment|upfront\s+(?:cost|payment))|zero\s+deposit|ohne\s+(?:anzahlung|eigenanteil|"
    r"einmalzahlung)|sans\s+(?:apport|acompte|premier\s+loyer|versement\s+initial))\b", re.I)
_OURS_PAY = (r"carry|cover|pay|pick\s+up|absorb|bear|foot|shoulder|take\s+over|übernehmen|tragen|zahlen|bezahlen|"
             r"prenons\s+en\s+charge|payons|réglons|assumons|asumimos|pagamos|cubrimos|nos\s+hacemos\s+cargo\s+de")
_LEASE = (r"lease|leasing|rent|rental|leasingraten?|leasingkosten|miete|mietkosten|mietraten|loyers?|location|renting|"
          r"alquiler(?:es)?|instal(?:l)?ments|financing\s+payments?|cuotas\s+del\s+(?:renting|leasing|alquiler)")
_CARRIED = re.compile(
    rf"\b(?:we|we'll|wir|nous|nosotros|on)\s+(?:(?:will|can|could|would|shall|'ll|werden|pouvons|podemos)\s+)?"
    rf"(?:[\w']+\s+)?(?:{_OURS_PAY})\s+(?:(?:the|your|all|die|ihre|les|vos|la|las|los|el|sus|their)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_LEASE})\b|"
    rf"\b(?:{_LEASE})\b[^.;!?\n]{{0,40}}?\b(?:übernehmen|zahlen|tragen)\s+wir\b|"
    rf"\b(?:{_LEASE})\b[^.;!?\n]{{0,40}}?\b(?:corren?|van|va)\s+(?:de|por|a)\s+(?:nuestra\s+cuenta|cuenta\s+nuestra|"
    rf"nuestro\s+cargo)", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|cannot|nicht|kein\w*|pas|jamais|nunca|tampoco|ni)\b|n't\b", re.I)
_CUES = ("leas", "rent", "financ", "finanz", "miet", "location", "loa", "lld", "crédit-bail", "arrendamiento", "alquil",
         "instal", "raten", "mensualit", "cuota", "loyer")


def financing_terms(text: str) -> list[str]:
    """Sentences of `text` (normalised) that offer financing with nothing down, or say we pay the buyer's lease or
    rent."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []  # most texts name no lease, rent or financing at all
    out = []
    for sentence in clause_parts(text):
        if "?" in sentence:
            continue
        for what, m in (("nothing down", _NOTHING_DOWN.search(sentence) if _FINANCED.search(sentence) else None),
                        ("the buyer's lease or rent paid by us", _CARRIED.search(sentence))):
            if m and not _NEGATED.search(sentence[:m.start()] + " " + sentence[m.end():] if what == "nothing down"
                                         else m.group(0) + " " + sentence[m.end():]):
                out.append(f"a commercial term (financing) no setting grants, {what}: {m.group(0).strip()!r}")
    return list(dict.fromkeys(out))
