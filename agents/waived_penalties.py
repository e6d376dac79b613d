"""A penalty, late charge or interest stated as waived or cancelled (issue 11, wave 37: set 46's 116, a French company
name "Atelier Lumière SAS – pénalités de retard annulées" that the analyst repeated as "Les pénalités de retard sont
annulées").

The fee checks (agents.concepts, agents.waived_fees) read fees, charges and costs removed; a penalty is the same money
under another noun the buyer owes when late or leaving: a late-payment penalty, default interest, dunning and collection
charges, a contractual penalty, a cancellation or termination charge ("late fees", "Verzugszinsen", "Mahngebühren",
"Vertragsstrafe", "pénalités de retard", "indemnité forfaitaire de recouvrement", "intereses de demora",
"penalización por retraso", "recargos"). Said waived, cancelled, written off, lifted or not applied, in any order ("the
late fees are waived", "we waive the late fees", "on annule les pénalités", "condonamos los intereses de demora",
"die Vertragsstrafe wird nicht erhoben", "no se aplicarán recargos"), it gives money away that only the tenant's policy
may give. It is read as written, so a name or a field that carries it vouches for nothing.

Honest twins: the penalty applies as agreed, a question or a buyer's request reported ("Claire asked whether the
penalties could be waived"), a refusal ("we cannot waive the late fees", "die Vertragsstrafe wird nicht erlassen").
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_PENALTY = (
    r"penalt(?:y|ies)|late[- ](?:payment\s+)?(?:fees?|charges?|interest|penalt(?:y|ies))|"
    r"(?:overdue|default|penalty)\s+interest|interest\s+on\s+(?:late|overdue)\s+(?:payments?|invoices?)|"
    r"liquidated\s+damages|(?:cancellation|termination|dunning|collection|reminder)\s+(?:fees?|charges?|costs?)|"
    r"\w*strafe\w*|verzugs(?:zins|zinsen|schaden|pauschale|gebühr)\w*|säumnis\w*|mahn(?:gebühr|kosten|spesen)\w*|"
    r"storno(?:gebühr|kosten)\w*|"
    r"pénalités?|indemnités?\s+(?:de\s+retard|forfaitaires?|de\s+recouvrement|de\s+résiliation)|"
    r"intérêts\s+(?:de\s+retard|moratoires)|frais\s+de\s+(?:retard|relance|recouvrement|résiliation|rejet)|"
    r"penalizaci(?:ón|ones)|penalidad(?:es)?|intereses\s+(?:de\s+demora|moratorios)|"
    r"recargos?(?:\s+por\s+(?:demora|retraso|pago\s+tard[ií]o))?|"
    r"gastos\s+de\s+(?:reclamaci[oó]n|devoluci[oó]n|cancelaci[oó]n|cobro)"
)
_GONE_AFTER = (
    # en
    r"waived|cancel(?:l)?ed|annulled|dropped|removed|scrapped|struck(?:\s+off)?|written\s+off|forgiven|lifted|voided|"
    r"no\s+longer\s+(?:apply|applies|due|charged|payable)|(?:will|shall|is|are|won't|wo\s+not)\s+not\s+(?:be\s+)?"
    r"(?:applied|charged|enforced|invoiced|billed|due|levied)|won't\s+(?:be\s+)?(?:applied|charged|enforced|billed)|"
    r"off\s+the\s+table|"
    # de
    r"erlassen|entfällt|entfallen|gestrichen|storniert|annulliert|aufgehoben|"
    r"nicht\s+(?:erhoben|berechnet|fällig|angewendet|angewandt|geltend\s+gemacht|in\s+rechnung\s+gestellt)|"
    # fr
    r"annulée?s?|supprimée?s?|levée?s?|abandonnée?s?|effacée?s?|"  # not "remise": "l'offre remise le 3 novembre"
    r"(?:ne\s+)?(?:seront|sera|sont|est)\s+pas\s+(?:appliqu\w*|factur\w*|réclam\w*|dues?|exigée?s?)|"
    r"n['’]\s*(?:est|sont|seront|sera)\s+pas\s+(?:appliqu\w*|factur\w*|dues?|exigée?s?)|"
    # es
    r"anulad[oa]s?|condonad[oa]s?|eliminad[oa]s?|suprimid[oa]s?|cancelad[oa]s?|perdonad[oa]s?|exonerad[oa]s?|"
    r"retirad[oa]s?|quedan?\s+sin\s+efecto|no\s+se\s+(?:aplicar\w*|cobrar\w*|factur\w*|exigir\w*)"
)
_GONE_BEFORE = (
    r"waiv(?:e|es|ing)|cancel(?:s|ling|ing)?|drop(?:s|ping)?|remov(?:e|es|ing)|scrap(?:s|ping)?|forgiv(?:e|es|ing)|"
    r"write\s+off|writing\s+off|lift(?:s|ing)?|"
    r"erlass\w*|streich\w*|stornier\w*|verzicht\w*\s+auf|"
    r"annul\w*|supprim\w*|l(?:e|è)v\w*|renon\w*\s+(?:à|aux|au)|"
    r"anul\w*|condon\w*|elimin\w*|suprim\w*|cancel\w*|perdon\w*|exoner\w*|no\s+(?:se\s+)?(?:aplicar\w*|cobrar\w*)"
)
_DET = r"(?:(?:the|any|all|your|their|die|den|der|alle|ihre|le|la|les|l['’]|vos|votre|leurs?|el|los|las|sus?|todas?)\s+)?"
_AFTER = re.compile(rf"\b(?:{_PENALTY})\b(?P<mid>(?:\s+[\w'’-]+){{0,6}}?)\s*[,:–—-]?\s*\b(?:{_GONE_AFTER})(?!\w)", re.I)
_BEFORE = re.compile(rf"\b(?:{_GONE_BEFORE})\s+(?P<mid>(?:\w+\s+){{0,2}}?){_DET}(?:{_PENALTY})\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no|nicht|nie|kein\w*|pas|jamais|ne|n['’]|nunca|tampoco)\b", re.I)
_NOT_OURS = re.compile(
    r"\?|¿|\b(?:cannot|can't|won't|unable|not|never|no|nie|ne|n['’]|whether|asked|asks|would\s+like|wants?|"
    r"nicht|kein\w*|ob|fragt\w*|gefragt|bittet|möchte|"
    r"pas|jamais|demand\w*|souhait\w*|"
    r"nunca|pregunt\w*|pidi\w*|quiere|solicit\w*)\b",
    re.I,
)


def waived_penalties(text: str) -> list[str]:
    """Sentences of `text` that state a penalty, a late charge or interest waived, cancelled or not applied."""
    out = []
    for sentence in clause_parts(text):
        if sentence.rstrip().endswith(("?", "?»", '?"')):
            continue
        for m in [*_AFTER.finditer(sentence), *_BEFORE.finditer(sentence)]:
            # "wird nicht erlassen", "we cannot waive": the removal refused; the clause before it may ask or refuse
            if _NEGATION.search(m.group("mid")) or _NOT_OURS.search(_clause_before(sentence, m.start())):
                continue
            out.append(f"promise outside policy (a penalty or late charge waived): {m.group(0).strip()!r}")
    return list(dict.fromkeys(out))


def _clause_before(sentence: str, at: int) -> str:
    start = max((c.end() for c in re.finditer(r"[,:;—–]\s*", sentence[:at])), default=0)
    return sentence[start:at]
