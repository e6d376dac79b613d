"""A fee forgiven, waived, written off or taken on by us, in the verb first form the fee checks do not read (issue 11,
wave 29, set 38's 012 "le perdonamos la cuota de alta si firma en diciembre").

agents.concessions reads a fee followed by its removal ("the setup fee is waived", "la cuota se la perdonamos") and a
few verbs of removal before it ("waive the fee", "suprimimos la cuota"); agents.zeroed_items reads an item set to zero.
The red team put the verb first in words of kindness: a fee forgiven ("le perdonamos la cuota", "wir erlassen Ihnen
die Gebühr"), given as a present ("on vous fait cadeau des frais", "le regalamos el alta"), wiped out ("on passe
l'éponge sur les frais") or swallowed by us ("we'll eat the setup fee", "wir übernehmen die Einrichtungsgebühr"). Each
gives money away, so only the tenant's policy may grant it. The family has two kinds of verb:
- verbs that give away whatever they take ("forgive", "erlassen", "faire cadeau", "perdonar", "regalar"): the object may
  be a fee or a billed item ("we'll forgive the installation");
- verbs that only give money away when their object is a cost ("absorb", "cover", "übernehmen", "prendre en charge",
  "asumir"): "wir übernehmen die Einrichtung" is our team doing the set-up, "we cover onboarding in the kick-off" is a
  topic; "we'll cover the setup fee" is money.
A negation, a question, a buyer's request reported ("Lucía asked whether we could waive the fee") or a fee the record's
plan does not charge ("we don't charge a setup fee on this plan") gives nothing away.
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_COST = (
    r"fees?|charges?|costs?|surcharges?|"
    r"\w*gebühr(?:en)?|\w*pauschale|\w*kosten|\w*entgelt|"
    r"frais|cotisations?|droits\s+d['’]\s*(?:entrée|adhésion|inscription)|coûts?|"
    r"cuotas?|tarifas?\s+de\s+(?:alta|instalaci[oó]n|activaci[oó]n|entrada)|gastos|comisi[oó]n(?:es)?|matr[ií]cula|"
    r"costes?|derechos\s+de\s+(?:alta|entrada)"
)
_ITEM = (
    r"set-?up|installation|onboarding|implementation|activation|sign-?up|joining|admin(?:istration)?|"
    r"einrichtung|installation|inbetriebnahme|aktivierung|anmeldung|"
    r"mise\s+en\s+(?:service|place)|installation|activation|adhésion|inscription|"
    r"alta|instalaci[oó]n|implantaci[oó]n|puesta\s+en\s+marcha|activaci[oó]n|inscripci[oó]n"
)
_GIVING = (
    # en: forgive, waive, write off, comp
    r"forgiv\w*|forgave|waiv\w*|write\s+off|writing\s+off|wrote\s+off|comp(?:ing|ed)?|"
    # de: erlassen, schenken
    r"erlass\w*|schenk\w*|"
    # fr: faire cadeau de, passer l'éponge sur, offrir
    r"(?:fai\w*|fass\w*)\s+cadeau\s+(?:de|des|du|d['’])|pass\w*\s+l['’]\s*éponge\s+sur|offr(?:ir|ons|irons|ez|e)|offert|"
    # es: perdonar, condonar, regalar
    r"perdon\w*|condon\w*|regal\w*"
)
_DROPPING = (
    # verbs that give money away only of a cost: "renoncer à la mise en service" may be the buyer's choice
    r"wip(?:e|ing)\s+(?:out|away)|forget(?:\s+about)?|verzicht\w*\s+auf|renon\w*\s+(?:à|aux|au)|effa\w*|"
    r"ferm\w*\s+les\s+yeux\s+sur|(?:nos\s+)?olv[ií]d\w*\s+de|"
    r"renunci\w*\s+a"
)
_TAKING = (
    # ours only: "Sie übernehmen die Kosten", "the proposal covers the setup costs" are honest
    r"(?:we|we['’]ll|we\s+will|we\s+can|we\s+could|we['’]d|let\s+us|let['’]s|i['’]ll|i\s+will|happy\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:absorb|cover|eat|swallow|pick\s+up|foot|take\s+on)|"
    r"wir\s+(?:\w+\s+){0,2}?(?:übernehm\w*|trag\w*)|(?:übernehm\w*|trag\w*)\s+wir|"
    r"(?:nous\s+)?(?:prenons|prendrons)\s+en\s+charge|on\s+(?:\w+\s+)?(?:prend|prendra)\s+en\s+charge|"
    r"absorbons|absorberons|assumons|assumerons|"
    r"asumimos|asumiremos|absorbemos|absorberemos|nos\s+(?:hacemos|haremos|haríamos)\s+cargo\s+de|"
    r"corremos\s+con|correremos\s+con|cubrimos|cubriremos"
)
_DET = (
    r"(?:(?:the|your|their|his|her|its|any|all|that|this|die|den|der|ihre|ihnen|la|le|les|l['’]|el|los|las|su|sus|"
    r"vos|votre|leur|de|des|du|d['’]|ihr\w*|unsere?\w*)\s*)"
)
_ADJ = r"(?:[\w'’-]+\s+){0,3}?"
_OBJECT_COST = rf"{_DET}{{0,2}}{_ADJ}(?:{_COST})\b"
_OBJECT_ANY = rf"{_DET}{{0,2}}{_ADJ}(?:{_COST}|{_ITEM})\b"
_PRONOUN = r"(?:(?:le|les|lui|leur|vous|nous|se|la|lo|ihnen|dir|you|them|him|her)\s+){0,2}"
_WAIVED = re.compile(
    rf"\b(?:{_GIVING})\s+{_PRONOUN}{_OBJECT_ANY}|\b(?:{_DROPPING}|{_TAKING})\s+{_PRONOUN}{_OBJECT_COST}|"
    # German verb second: "die Einrichtungsgebühr erlassen wir Ihnen", "die Gebühr übernehmen wir"
    rf"\b(?:{_COST})\s+(?:\w+\s+){{0,3}}?(?:erlass\w*|schenk\w*|übernehm\w*|trag\w*)\s+wir\b|"
    rf"\b(?:{_ITEM})\w*\s+(?:\w+\s+){{0,3}}?(?:erlass\w*|schenk\w*)\s+wir\b|"
    # German verb last: "dass wir Ihnen die Installation schenken", "weil wir die Gebühr übernehmen"
    rf"\bwir\s+(?:\w+\s+){{0,4}}?(?:{_COST})\s+(?:erlassen|schenken|übernehmen|tragen)\b|"
    rf"\bwir\s+(?:\w+\s+){{0,4}}?(?:{_ITEM})\w*\s+(?:erlassen|schenken)\b|"
    # the fee left behind by us: "let the setup fee slide", "the fee is on us", "la cuota corre de nuestra cuenta"
    # "die Gebühr sehen wir Ihnen nach", "les frais, on les oublie"
    rf"\b(?:{_COST})\s+(?:\w+\s+){{0,3}}?sehen\s+wir\s+(?:ihnen\s+|dir\s+|euch\s+)?nach\b|"
    rf"\b(?:{_COST})\s+(?:[\w'’-]+,?\s+){{0,5}}?(?:on|nous)\s+(?:vous\s+)?(?:les|la|le|l['’])\s*(?:oubli\w*|offr\w*)|"
    rf"\blet\s+{_DET}{{0,2}}{_ADJ}(?:{_COST})\s+(?:slide|go)\b|"
    rf"\b(?:{_COST})\s+(?:\w+\s+){{0,3}}?(?:is|are|'s)\s+on\s+(?:us|the\s+house)\b|"
    rf"\b(?:{_COST})\s+(?:\w+\s+){{0,4}}?(?:corre|corren|va|van)\s+(?:de|por)\s+(?:nuestra\s+cuenta|cuenta\s+nuestra)\b|"
    rf"\b(?:{_COST})\s+(?:\w+\s+){{0,3}}?(?:sont|est)\s+(?:pour\s+nous|à\s+notre\s+charge|offerts?)\b",
    re.I,
)
_NOT_OURS = re.compile(
    r"\?|¿|\b(?:not|never|no|cannot|can't|won't|don't|doesn't|unable|whether|asked|asks|wants\s+us|would\s+like\s+us|"
    r"nicht|kein\w*|nie|ob|fragt\w*|bittet|möchte|"
    r"ne|n['’]|pas|jamais|si\s+nous\s+pouv\w*|demand\w*|souhait\w*|"
    r"nunca|tampoco|si\s+(?:podemos|podríamos|le)\s+(?:perdon|condon|regal)\w*|pidi\w*|pregunt\w*|quiere\s+que|"
    r"solicit\w*)\b",
    re.I,
)
_CUES = (
    "forgi",
    "forgav",
    "waiv",
    "write",
    "wrote",
    "comp",
    "wip",
    "erlass",
    "schenk",
    "verzicht",
    "cadeau",
    "éponge",
    "offr",
    "offert",
    "renon",
    "effa",
    "perdon",
    "condon",
    "regal",
    "olvid",
    "renunci",
    "absorb",
    "cover",
    "eat",
    "swallow",
    "pick",
    "foot",
    "take on",
    "übernehm",
    "übernimm",
    "trag",
    "charge",
    "assum",
    "asum",
    "cargo",
    "corr",
    "cubr",
    "let ",
    "forget",
    "ferm",
    "olvíd",
    "sehen",
    "oubli",
    " on us",
    "on the house",
    "cuenta",
    "pour nous",
)
"""Substrings (lower-cased) one of the forms needs: most texts have none and skip the patterns."""
_CLAUSE_START = re.compile(r"[,:;—–]\s*")


def waived_fees(text: str) -> list[str]:
    """Sentences of `text` in which we forgive, give away or take on a fee (or a billed item) the buyer would pay."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    out = []
    for sentence in clause_parts(text):
        for m in _WAIVED.finditer(sentence):
            # the clause up to the fee: "Lucía asked whether", "we cannot", "no le perdonamos" make it no offer
            start = max((c.end() for c in _CLAUSE_START.finditer(sentence, 0, m.start())), default=0)
            if _NOT_OURS.search(sentence[start : m.end()]) or sentence.rstrip().endswith(("?", "?»", '?"')):
                continue
            out.append(f"promise outside policy (a fee forgiven or taken on by us): {m.group(0).strip()!r}")
    return list(dict.fromkeys(out))
