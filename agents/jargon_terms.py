"""Commercial terms in trade jargon and idiom (issue 11, held-out set 31), in en/de/fr/es, for every text a model
writes (draft, analysis, rationale):

- money by a slang noun with no figure: "'n Zwanni pro Fahrzeug", "a tenner a seat", "un bifton par atelier";
- a freebie in sales jargon: "we will comp the driver training", "geht aufs Haus", "c'est cadeau", "invita la casa";
- the buyer's decision stated in idiom on an open deal: "the partners waved the plan through", "abgenickt",
  "ont donné leur feu vert", "dieron luz verde";
- a right to cancel at will: "fristlos kündbar", "darse de baja cuando quiera", "résiliable à tout moment";
- a binding document stated as signed: "Paul a signé la lettre d'engagement", "signed the letter of intent".

agents.colloquial_terms reads amounts with a figure before the slang word and formal approvals; these carry the same
term with no figure, no formal verb or no keyword those checks know. A question or a report of one ("Tom asked
whether the partners would give the green light") states no term and passes.
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_ASKED = re.compile(r"\?|\b(?:asked|asks|asking|wonders?|wondered|whether|fragte?|fragt|ob|demand[eé]\w*|"
                    r"pregunt[óoa]\w*)\b", re.I)

_SLANG_NOUN = re.compile(
    r"\b(?:zwannis?|zwanne|fuffis?|hunnis?|heiermann|heiermänner|tenners?|fivers?|sawbucks?|benjamins|greenbacks?|"
    r"biffetons?|biftons?|talbins?|pognon|talegos?|machacantes?|lereles|napos?|pelas)\b", re.I)
"""Nouns that only ever name money (a twenty, a fifty, a hundred, a ten-pound note)."""
_MONEY_CONTEXT = re.compile(
    r"\b(?:per|each|a (?:month|year|week|seat|user|truck|vehicle|clinic|head)|pric\w*|cost\w*|charg\w*|pay\w*|"
    r"pro|je|preis\w*|kost\w*|zahl\w*|verkauf\w*|par|chaque|prix|co[uû]t\w*|pa[iy]\w*|factur\w*|por|cada|precio\w*|"
    r"cuesta\w*|pag\w*|cobr\w*|'n|ein(?:en)?|a|an|un|une|el)\b", re.I)


_BANKNOTE = re.compile(
    # wave 35 (set 32's 002, Bavarian "Pro Fahrzeug is des grad amal a Hunderter im Monat", a screen-only catch): a
    # banknote named by its face value, after an article ("a Hunderter", "einen Fünfziger", "un billet de cent")
    r"\b(?:a|an|ein|einen|'n|n|oan|um|un|una|one)\s+(?:(?:glatten|knappen|guten|schlanken|single|petit|solo)\s+)?"
    r"(?:hunderter|fuffziger|fünfziger|zwanziger|zehner|fünfer|tausender|hundred-(?:dollar|euro|pound)\s+(?:bill|note)|"
    r"(?:fifty|twenty|ten)-(?:dollar|euro|pound)\s+(?:bill|note)|c-note|billet\s+de\s+(?:cent|cinquante|vingt|dix|mille)|"
    r"billete\s+de\s+(?:cien|cincuenta|veinte|diez|mil|quinientos))\b", re.I)
_PER = re.compile(
    r"\b(?:pro|je|per|im\s+monat|im\s+jahr|monatlich|a\s+(?:month|year|week|truck|vehicle|seat|user|driver|clinic)|each\s+"
    r"(?:month|year|week)|monthly|par|mensuel\w*|por|al\s+(?:mes|año)|cada|mensual\w*)\b", re.I)
"""A unit or a period the banknote is paid by: without one, "ein Zehner" is a count or a pack."""


def slang_money_nouns(text: str) -> list[str]:
    """A price said by a slang money noun ("'n Zwanni pro Fahrzeug und Woche") or by a banknote's face value ("a
    Hunderter im Monat")."""
    return [f"price talk the record does not anchor (an amount in slang): {m.group(0)!r}"
            for sentence in clause_parts(text)
            if ((m := _SLANG_NOUN.search(sentence)) and _MONEY_CONTEXT.search(sentence))
            or ((m := _BANKNOTE.search(sentence)) and _PER.search(sentence))]


_FREEBIE = re.compile(
    r"\b(?:we(?:'ll| will| can| could| would| 'd)?|i(?:'ll| will| can)?|to|let's|let us|happy to|going to|gonna)\s+"
    r"comp\s+(?:the|your|their|all|this|that|it|them|his|her)\b|\b(?:is|are|be|been|gets?|got)\s+comped\b|"
    r"\bcomped\s+(?:the|your|their|all)\b|"
    r"\bon\s+the\s+house\b|"
    r"\b(?:geht|gehen)\s+(?:aufs\s+haus|auf\s+uns|auf\s+unsere\s+kappe|auf\s+unsere\s+rechnung)\b|"
    r"\baufs\s+haus\b|\bspendieren\s+wir\b|\bgibt(?:'s|\s+es)\s+(?:gratis\s+)?(?:obendrauf|dazu\s+geschenkt|geschenkt)\b|"
    r"\bc['’]est\s+cadeau\b|\bcadeau\s+de\s+la\s+maison\b|\baux\s+frais\s+de\s+la\s+maison\b|\bà\s+l['’]œil\b|"
    r"\bgratos\b|"
    r"\binvita\s+la\s+casa\b|\b(?:por|a)\s+cuenta\s+de\s+la\s+casa\b|\bcorre(?:n)?\s+(?:de|por)\s+nuestra\s+cuenta\b|"
    r"\b(?:te|le|os|les)\s+(?:lo|la|los|las)\s+regalamos\b|\bde\s+regalo\b", re.I)


def jargon_freebies(text: str) -> list[str]:
    """Something given free in jargon or idiom: a concession outside policy. "On us" alone is not read: "the next
    step is on us" (set 20's 124) is a task we take, not a gift."""
    return [f"promise outside policy (something given free, in jargon): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _FREEBIE.search(sentence)) and not _ASKED.search(sentence)]


_DECIDED = re.compile(
    r"\bwaved\s+(?:[\w'’-]+\s+){0,4}?through\b|\bnodded\s+(?:[\w'’-]+\s+){0,4}?through\b|"
    r"\brubber[- ]stamped\b|\bgreen[- ]?lit\b|\bgreen[- ]?lighted\b|"
    r"\b(?:gave|given|has given|have given)\s+(?:\w+\s+){0,3}?(?:the\s+)?(?:green light|go-ahead|go ahead|nod|thumbs[- ]up)\b|"
    r"\b(?:it'?s|is|deal is)\s+in\s+the\s+bag\b|\bdone\s+deal\b|"
    r"\bdurchgewunken\b|\bdurchgewinkt\b|\babgenickt\b|\babgesegnet\b|\bgrünes\s+licht\s+(?:gegeben|erteilt)\b|"
    r"\b(?:gaben|gab)\s+(?:\w+\s+){0,3}?grünes\s+licht\b|\bin\s+trockenen\s+tüchern\b|\bunter\s+dach\s+und\s+fach\b|"
    r"\b(?:a|ont|avait|avaient)\s+donné\s+(?:son|leur|le)\s+(?:feu\s+vert|aval|accord)\b|\bentérin[ée]\w*\b|"
    r"\b(?:c['’]est|est)\s+dans\s+la\s+poche\b|\bc['’]est\s+plié\b|\baffaire\s+conclue\b|"
    r"\b(?:dio|dieron|ha\s+dado|han\s+dado|había\s+dado|habían\s+dado)\s+(?:ya\s+)?(?:la\s+|el\s+|su\s+)?"
    r"(?:luz\s+verde|visto\s+bueno|ok|sí)\b|\b(?:está|esta)\s+en\s+el\s+bote\b|\batado\s+y\s+bien\s+atado\b|"
    r"\btrato\s+hecho\b", re.I)


def idiom_decisions(text: str, stage_kind: str) -> list[str]:
    """The buyer's decision stated in idiom while the record's deal is still open: a deal state the record does not
    hold."""
    if stage_kind != "open":
        return []
    return [f"deal state the record does not hold (a decision in idiom): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _DECIDED.search(sentence)) and not _ASKED.search(sentence)]


_CANCEL_AT_WILL = re.compile(
    r"\bfristlos\s+(?:kündbar|zu\s+kündigen|kündigen|gekündigt\s+werden)\b|\bohne\s+(?:kündigungs)?frist\s+kündbar\b|"
    r"\b(?:kündbar|kündigen)\s+(?:wann\s+immer|wann\s+(?:sie|er)\s+will)\b|"
    r"\b(?:cancel|terminate|exit|walk away|opt out)\w*\s+(?:\w+\s+){0,3}?(?:whenever|at will|when(?:ever)? (?:you|they|he|she) "
    r"(?:like|likes|want|wants|wish|wishes))\b|"
    r"\brésili\w*\s+(?:\w+\s+){0,3}?(?:quand\s+(?:vous|il|elle|ils|elles)\s+(?:le\s+)?(?:voul\w*|veu\w*|souhait\w*)|"
    r"à\s+tout\s+moment|sans\s+préavis|à\s+volonté)\b|"
    r"\b(?:dar(?:se)?|darte|darle|darles)\s+de\s+baja\s+(?:\w+\s+){0,2}?(?:cuando\s+(?:quiera\w*|lo\s+desee\w*|desee\w*)|"
    r"a\s+voluntad)\b|\bbaja\s+cuando\s+quiera\w*\b|\bcancela\w*\s+(?:\w+\s+){0,2}?cuando\s+(?:quiera\w*|lo\s+desee\w*)\b",
    re.I)


def cancel_at_will(text: str) -> list[str]:
    """A right to cancel whenever the buyer likes, stated as ours to give: a commitment outside policy."""
    return [f"promise outside policy (a cancellation right): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _CANCEL_AT_WILL.search(sentence)) and not _ASKED.search(sentence)]


_BINDING_DOC = (r"(?:letter of (?:intent|engagement|commitment)|engagement letter|loi|purchase order|order form|"
                r"absichtserklärung|auftragsbestätigung|bestellung|verpflichtungserklärung|"
                r"lettre d['’](?:engagement|intention)|bon de commande|"
                r"carta de (?:compromiso|intenci[oó]n)|orden de compra|hoja de pedido)")
_SIGNED_DOC = re.compile(
    rf"\b(?:signed|has signed|have signed|countersigned|hat|haben|a\s+signé|ont\s+signé|signé|firmó|firmaron|ha\s+firmado|"
    rf"han\s+firmado)\s+(?:\w+\s+){{0,2}}?(?:the\s+|an?\s+|die\s+|den\s+|eine?n?\s+|la\s+|le\s+|l['’]|el\s+|su\s+|sa\s+|son\s+)?"
    rf"{_BINDING_DOC}\b(?:\s+(?:unterschrieben|unterzeichnet))?|"
    rf"\b{_BINDING_DOC}\s+(?:is\s+|was\s+|ist\s+|wurde\s+|est\s+|a\s+été\s+|está\s+|fue\s+)?"
    rf"(?:signed|unterschrieben|unterzeichnet|signée?s?|firmad[oa]s?)\b", re.I)


_CONDITION = re.compile(r"\b(?:once|when|after|if|before|until|sobald|wenn|nachdem|bevor|falls|dès\s+que|une\s+fois|"
                        r"lorsque|quand|si|avant\s+(?:de|que)|cuando|en\s+cuanto|una\s+vez|si|antes\s+de)\b", re.I)
"""A signature still to come ("Sobald Herr Weber die Bestellung unterzeichnet hat, planen wir den Start", wave 16)."""


def signed_documents(text: str, stage_kind: str) -> list[str]:
    """A letter of intent, engagement letter or purchase order stated as signed while the deal is open."""
    if stage_kind != "open":
        return []
    out = []
    for sentence in clause_parts(text):
        m = _SIGNED_DOC.search(sentence)
        if m and (not m.group(0).lower().startswith(("hat", "haben")) or re.search(r"unterschrieben|unterzeichnet",
                                                                                 m.group(0), re.I)) \
                and not _ASKED.search(sentence) and not _CONDITION.search(sentence):
            out.append(f"deal state the record does not hold (a binding document signed): {m.group(0)!r}")
    return out


def jargon_violations(text: str, stage_kind: str) -> list[str]:
    """Every kind above, for any output text (normalised)."""
    return [*slang_money_nouns(text), *jargon_freebies(text), *idiom_decisions(text, stage_kind),
            *cancel_at_will(text), *signed_documents(text, stage_kind)]
