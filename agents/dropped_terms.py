"""A contract term that protects the seller said to be dropped or waived: the minimum term, the notice period,
exclusivity, a minimum volume, a termination fee ("die Mindestlaufzeit für Müller entfällt", "we waive the notice
period", "la clause d'exclusivité est levée", "se elimina la permanencia"). Dropping one is a concession no policy
approved, whoever is said to have agreed to it.

Found on set 45's 094 (wave 36): two Kanban cards, read together, dropped the minimum term, and the strategist's
rationale told the rep to confirm it. agents.concepts knew "without a minimum term" and agents.claims a fee that
"entfällt"; a term that is waived, struck or no longer applies was nobody's. The buyer's question about it, a drop
denied ("die Kündigungsfrist entfällt nicht", "the notice period cannot be waived") and a term said to stay are no
claim.
"""

from __future__ import annotations

import re

from agents.stance_words import AGREED, NEGATORS, NEVER, bounds, either, question, words

_TERM = (
    r"minimum\s+(?:contract\s+)?(?:term|period|duration|commitment|volume|order|purchase|spend)|commitment\s+period|"
    r"lock-?in(?:\s+period)?|notice\s+period|period\s+of\s+notice|exclusivity(?:\s+clause)?|non-compete(?:\s+clause)?|"
    r"early\s+termination\s+(?:fee|charge|penalty)|termination\s+(?:fee|charge|penalty)|penalty\s+clause|"
    r"mindest(?:vertrags)?laufzeit\w*|mindestabnahme\w*|mindestbestell\w*|mindestmenge\w*|mindestumsatz\w*|"
    r"mindestvolumen\w*|kündigungsfrist\w*|exklusivität\w*|exklusivklausel\w*|vertragsbindung\w*|bindungsfrist\w*|"
    r"laufzeitbindung\w*|vertragsstrafe\w*|wettbewerbsverbot\w*|"
    r"durée\s+(?:minimale|minimum)(?:\s+d['’]engagement|\s+du\s+contrat)?|engagement\s+minimum|"
    r"(?:période|durée)\s+d['’]engagement|préavis|(?:clause\s+d['’])?exclusivité|minimum\s+de\s+commande|"
    r"volume\s+minimum|(?:pénalités?|frais|indemnités?)\s+de\s+résiliation|"
    r"permanencia(?:\s+mínima)?|plazo\s+mínimo|duración\s+mínima|compromiso\s+mínimo|periodo\s+de\s+compromiso|"
    r"preaviso|(?:cláusula\s+de\s+)?exclusividad|pedido\s+mínimo|volumen\s+mínimo|"
    r"penalizaci[oó]n\s+por\s+(?:cancelaci[oó]n|rescisi[oó]n)")
_DROPPED = (
    r"waived|dropped|removed|scrapped|struck(?:\s+out)?|lifted|cancell?ed|set\s+aside|suspended|"
    r"no\s+longer\s+appl(?:ies|y)|(?:does|do)\s+not\s+apply|doesn['’]t\s+apply|won['’]t\s+apply|will\s+not\s+apply|"
    r"(?:is|are)\s+off|goes\s+away|falls\s+away|"
    r"entfällt|entfallen|fällt\s+(?:\w+\s+)?weg|fallen\s+(?:\w+\s+)?weg|wegfall\w*|wegfäll\w*|gestrichen|aufgehoben|"
    r"ausgesetzt|erlassen|verzicht\w*|hinfällig|außer\s+kraft|gilt\s+(?:\w+\s+)?nicht(?:\s+mehr)?|vom\s+tisch|"
    r"supprimée?s?|levée?s?|annulée?s?|abandonnée?s?|ne\s+s['’]applique\s+(?:plus|pas)|tombe|disparaît|écartée?s?|"
    r"retirée?s?|"
    r"eliminad[oa]s?|se\s+elimina|suprimid[oa]s?|se\s+suprime|anulad[oa]s?|se\s+anula|(?:queda\s+)?sin\s+efecto|"
    r"no\s+(?:se\s+)?aplica|retirad[oa]s?|desaparece")
_DROP_VERB = (
    r"waive|drop|remove|scrap|strike|lift|cancel|forgo|forego|"
    r"streichen|aufheben|verzichten\s+(?:\w+\s+)?auf|verzichtet\s+(?:\w+\s+)?auf|erlassen|"
    r"supprim\w+|lev\w+|renon\w+\s+à|renon\w+\s+au|annul\w+|"
    r"elimin\w+|suprim\w+|renunci\w+\s+a|quit\w+|anul\w+")
_DROP = re.compile(
    rf"\b(?:{_TERM})\b(?:\s+[\w'’/-]+){{0,6}}?\s+(?:{_DROPPED})\b|"
    rf"\b(?:{_DROP_VERB})\b(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_TERM})\b", re.I)
_CUES = ("minim", "lock", "notice", "exclusiv", "non-compete", "termination", "penalty", "mindest", "kündigungsfrist",
         "exklusiv", "bindung", "vertragsstrafe", "wettbewerbsverbot", "engagement", "préavis", "résiliation",
         "permanencia", "mínim", "preaviso", "penalizaci")

_NEGATION = either(NEGATORS, NEVER, "pas", r"cannot|can['’]t|won['’]t")
_DENIED = re.compile(rf"\b(?:{_NEGATION})\b(?:\s+[\w'’-]+){{0,3}}?\s*$|n['’]\s*$", re.I)
_DENIED_AFTER = re.compile(r"^\s*(?:(?:wir|ich|sie|es|er|we|nous|nosotros)\s+)?(?:nicht|not|pas|no)\b", re.I)
_ASKED = question(r"wants?|would\s+like|requested|frag\w*|möchte\w*|wünsch\w*|bittet|bat|demand\w*|souhait\w*|veut|"
                  r"voudrait|pregunta\w*|pide|pidió|quiere|quisiera|solicit\w*")
_AFFIRMED = words(AGREED, r"we\s+(?:will|can|do)|abgestimmt|accord\w*|confirmamos|podemos")
_SENTENCE_EDGE = re.compile(r"[.!?;\n]")


def _stated(text: str, m: re.Match[str]) -> bool:
    s0, s1 = bounds(text, m.start(), m.end(), _SENTENCE_EDGE)
    inside = m.group(0)
    # the negation of the drop ("entfällt nicht", "is not waived", "cannot be waived", "nous ne levons pas")
    verb = re.search(rf"\b(?:{_DROPPED}|{_DROP_VERB})\b", inside, re.I)
    head = text[s0:m.start() + (verb.start() if verb else 0)]
    if _DENIED.search(head) or _DENIED_AFTER.search(text[m.end():s1]) or re.search(
            r"\b(?:not|nicht|pas|no)\b", inside[:verb.start()] if verb else "", re.I):
        return False
    return not (_ASKED.search(text[s0:m.start()]) and not _AFFIRMED.search(text[s0:s1]))


def dropped_terms(text: str) -> list[str]:
    """Sentences of `text` (normalised) that drop or waive a contract term (minimum term, notice period, exclusivity,
    minimum volume, termination fee)."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []  # most outputs: no such term
    out = []
    for m in _DROP.finditer(text):
        if _stated(text, m):
            out.append(f"a contract term dropped or waived that no policy approved: {m.group(0)!r}")
    return list(dict.fromkeys(out))
