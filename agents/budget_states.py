"""The buyer's budget said not yet approved (issue 11, wave 40, helper "noticed40"; noticed39 found "The budget is not
approved yet" refused as a no-cost promise, "budget is not").

agents.concepts reads "budget" as what the buyer spends, so a negation near it is a no-cost promise: "does not touch
your budget", "won't hit your budget", "the budget is not affected" (held-out set 8's concepts, commit 178146cf). The
same words say where the buyer's approval stands when the negation governs an approval's participle: "the budget is
not approved yet", "Das Budget ist noch nicht freigegeben", "el presupuesto no está aprobado todavía". That is the
buyer's state, no price of ours, so that match is skipped; the rest of the sentence is still read ("the budget is not
approved yet, but the training costs nothing" keeps "costs nothing"), and a negation of anything else near the budget
(touched, affected, needed, charged) is still a promise.

Wave 41 (helper "noticed41", the lead's probe "Votre budget n'est pas touché"): the budget said untouched is the
promise's other wording, not a state of the buyer's approval. A state says where the buyer's own step stands
(approved, validated, allocated: agents.concepts' approvals, or not yet: above); "touched", "affected", "impacted",
"intact" say what our price does to what the buyer spends, which only the tenant's price can vouch. English, German
and Spanish reached it through the negation window; French's "ne ... pas" is no word of that window (only "sans",
"rien", "aucun", "jamais" are) and the positive wordings ("stays untouched", "bleibt unberührt", "reste intact",
"queda intacto") have no negation at all, so `budget_left_whole` reads both.
"""

from __future__ import annotations

import re

_BUDGET = r"(?:budget\w*|presupuestos?)"
_NEGATION = (r"(?:not|isn't|aren't|hasn't|haven't|wasn't|nicht|noch\s+nicht|no|pas|n['’]\s*(?:est|a|ont|sont)\s+pas|"
             r"n['’]\s*a\s+pas\s+été)")
_APPROVED = (r"(?:approved|signed\s+off|allocated|released|confirmed|cleared|finali[sz]ed|secured|agreed|voted|"
             r"freigegeben|genehmigt|bewilligt|beschlossen|bestätigt|eingeplant|verabschiedet|"
             r"valid(?:é|ée|és|ées)|approuv(?:é|ée|és|ées)|débloqu(?:é|ée|és|ées)|vot(?:é|ée|és|ées)|"
             r"arbitr(?:é|ée|és|ées)|confirm(?:é|ée|és|ées)|allou(?:é|ée|és|ées)|"
             r"aprobad[oa]s?|asignad[oa]s?|liberad[oa]s?|confirmad[oa]s?|validad[oa]s?|autorizad[oa]s?)")
_NOT_YET_APPROVED = re.compile(
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,3}}?{_NEGATION}\s+(?:(?:yet|still|been|be|noch|encore|est|été|está|ha\s+sido|"
    rf"sido|todavía|aún|fully|formally|final|officially|offiziell)\s+){{0,3}}{_APPROVED}\b",
    re.I,
)


def budget_not_yet_approved(sentence: str, found: str) -> bool:
    """Whether the no-cost match `found` in `sentence` is the buyer's budget said not (yet) approved."""
    return bool(re.search(_BUDGET, found, re.I)) and bool(_NOT_YET_APPROVED.search(sentence))


_WHOLE = (r"untouched|unaffected|unburdened|unimpacted|intact|spared|unberührt|unangetastet|unbelastet|verschont|"
          r"intacte?s?|épargnée?s?|préservée?s?|intact[oa]s?|sin\s+tocar|a\s+salvo")
_TOUCHED = (r"touch\w*|impact\w*|affect\w*|grev\w*|grèv\w*|entam\w*|sollicit\w*|alourd\w*|pès\w*|pes\w*|"
            r"boug\w*|dépass\w*")
_LEFT_WHOLE = re.compile(
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,3}}?(?:is|are|stays?|remains?|will\s+(?:stay|remain|be)|bleibt|bleiben|ist|wird|"
    rf"reste|restera|est|sera|demeure|queda|quedará|sigue|seguirá|está|estará|permanece|se\s+mantiene)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_WHOLE})\b|"
    # French: "Votre budget n'est pas touché", "ne sera pas impacté", "n'est plus sollicité", "Cela ne touche pas votre
    # budget", "ne pèse pas sur votre budget"
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,2}}?(?:n['’]\s*|ne\s+)(?:[\w'’-]+\s+){{0,2}}?(?:pas|plus|jamais)\s+"
    rf"(?:(?:du\s+tout|encore|été|non\s+plus)\s+)*(?:{_TOUCHED})\b|"
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,2}}?ne\s+(?:[\w'’-]+\s+)?(?:{_TOUCHED})\s+(?:pas|plus|jamais)\b|"
    rf"\b(?:n['’]\s*|ne\s+)(?:{_TOUCHED})\s+(?:pas|plus|jamais)\s+(?:(?:du\s+tout|sur|à)\s+)*(?:[\w'’-]+\s+){{0,2}}?{_BUDGET}\b",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|whether|unless|ob|wenn|falls|sofern|si|s['’]|whether|asked|fragt\w*|demand\w*|"
                        r"pregunt\w*)\b", re.I)
"""A budget said whole inside a condition or a reported question ("Dana asked whether her budget stays untouched",
"si votre budget n'est pas touché par le gel") states nothing of ours; a condition of its own clause before it ("If you
sign by Friday, your budget stays untouched") still promises."""


def budget_left_whole(sentence: str) -> list[re.Match[str]]:
    """The places `sentence` says the buyer's budget is left untouched by what we sell."""
    if not re.search(_BUDGET, sentence, re.I):
        return []
    out = []
    for m in _LEFT_WHOLE.finditer(sentence):
        head = sentence[: m.start()]
        head = head[max(head.rfind(c) for c in ",;:()\u2014") + 1:]
        if not _CONDITION.search(head) and not _CONDITION.search(m.group(0)):
            out.append(m)
    return out


_KNOWING = (r"know|knew|known|knowing|seen|see|seeing|asking|discussing|heard|sure|certain|aware|idea|clue|asked|ask|discussed|discuss|talked|spoken|"
            r"checked|clear|"
            r"kenne|kennen|kennt|weiß|wissen|gesehen|besprochen|gesprochen|gefragt|Ahnung|Frage|bekannt|sicher|"
            r"connais|connaissons|connaît|connaître|sais|savons|savoir|vu|discuté|parlé|demandé|idée|sûre?s?|"
            r"conozco|conocemos|conoce|conocer|sé|sabemos|saber|visto|hablado|preguntado|seguros?|cuestión")
_OBJECT_GAP = (r"your|the|their|his|her|its|of|about|on|what|how|whether|if|big|large|high|exactly|yet|still|final|"
               r"actual|overall|full|size|range|amount|"
               r"Ihr|Ihre|Ihren|Ihres|das|des|dem|den|zum|zu|noch|genau|wie|hoch|groß|"
               r"votre|vos|le|la|du|de|encore|exactement|quel|combien|"
               r"su|sus|el|del|todavía|aún|exactamente|cuál|es|cómo")
_KNOWN_BUDGET = re.compile(
    rf"\b(?:{_KNOWING})\s+(?:(?:{_OBJECT_GAP})\s+){{0,4}}{_BUDGET}\b|"
    # German verb-final: "Ihr Budget haben wir noch nicht gesehen", "Ihr Budget ist mir noch nicht bekannt"
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,5}}?(?:gesehen|besprochen|gesprochen|gefragt|bekannt|kennen|gekannt)\b",
    re.I)
_SPENT = re.compile(r"\b(?:touch\w*|hit\w*|affect\w*|impact\w*|burden\w*|strain\w*|need\w*|requir\w*|us(?:e|es|ed|ing)|"
                    r"spend\w*|cost\w*|chang\w*|mov(?:e|es|ed|ing)|increas\w*|ris(?:e|es|ing)|grow\w*|shrink\w*|"
                    r"notice\w*|difference|belast\w*|berühr\w*|brauch\w*|benötig\w*|beanspruch\w*|merk\w*|"
                    r"touch\w*|pès\w*|pes\w*|besoin|nécessit\w*|afect\w*|toc\w*|necesit\w*|requier\w*|"
                    r"gast\w*|extra|additional|zusätzlich\w*|supplémentaire\w*|adicional\w*|más|mehr|plus)\b",
                    re.I)


def budget_not_known(sentence: str, found: str) -> bool:
    """Whether the no-cost match `found` in `sentence` negates our knowing the buyer's budget, not its cost (wave 42,
    noticed41's note: "I do not know your budget yet", "No conozco todavía su presupuesto" were refused as no-cost
    promises). The budget must be what is known, seen, asked or discussed ("know your budget", "what your budget
    is"); a clause that also says the budget is touched, needed, moved or added to ("you won't see your budget move",
    "you won't need any extra budget") is read as before."""
    if not re.search(rf"(?:^{_BUDGET}|{_BUDGET}$)", found, re.I):
        return False
    return bool(_KNOWN_BUDGET.search(sentence)) and not _SPENT.search(sentence)
