"""A deal said to be won by a "done deal" idiom of sport, the kitchen or the building site (issue 11, wave 28, set 37's
015 "home and hosed", 016 a stage restated as "already through the door", 018 "c'est du tout cuit").

agents.deal_closure knows the idioms red teams used before ("in the bag", "dans la poche", "in trockenen Tüchern",
"atado y bien atado"); each set found another member of the same family. This module holds the family by kind, in the
four languages, so that a new member is a word added to a list and not a new rule:
- idioms that mean "won" whatever their subject ("home and hosed", "tout cuit", "pan comido", "unter Dach und Fach");
- idioms that mean "won" only of the deal, "it" or "everything" ("over the line", "a lock", "nailed on", "acquis",
  "dans la boîte", "está hecho", "so gut wie sicher"): "the security review is wrapped up" and "la démo est prête" are
  honest, so these need the deal (or a bare "it", "c'est", "das", "esto") as their subject.
A condition, a negation or a question states no state ("once it is over the line", "nothing is a lock yet").
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_ANY_SUBJECT = (
    # en: home and hosed/dry, signed sealed (and) delivered, nailed-on, in the can, over the finish line, through the
    # door (of a deal), bagged, a slam dunk, a dead cert
    r"home\s+and\s+hosed|(?:is|are|'s|'re|was|were)\s+(?:\w+\s+)?home\s+and\s+dry|nailed[- ]on|slam[- ]dunk|dead\s+cert|done\s+and\s+dusted|"
    r"(?:is|are|'s|'re|was|were|got\s+(?:it|this|the\s+\w+)|gotten\s+(?:it|this))\s+(?:already\s+|now\s+|finally\s+|"
    r"safely\s+|well\s+)?(?:over|across|past)\s+the\s+(?:finish(?:ing)?\s+|goal\s+)?line|"
    r"(?:is|are|'s|'re|was|were)\s+(?:already\s+|now\s+|finally\s+|safely\s+)?through\s+the\s+door|"
    r"(?:got|gotten|brought|pushed)\s+(?:it|this|the\s+(?:deal|contract|order|renewal))\s+(?:over|across)\s+the\s+line|"
    r"(?:we(?:'ve|\s+have)?|they(?:'ve|\s+have)?)\s+bagged\s+(?:it|this|the\s+(?:deal|contract|order|renewal|account))|"
    # de: unter Dach und Fach, Sack zu, Klappe zu (Affe tot), in der Tasche, geritzt, im Kasten, eingetütet
    r"unter\s+dach\s+und\s+fach|der\s+sack\s+ist\s+(?:schon\s+|längst\s+)?zu|klappe\s+zu,?\s+affe\s+tot|"
    # fr: tout cuit, emballé c'est pesé, c'est dans la boîte (not the mailbox), c'est gagné
    r"(?:du\s+)?tout(?:e)?\s+cuit(?:e)?s?|emball[ée]e?,?\s+c['’]est\s+pes[ée]|"
    r"(?:c['’]est|est|sont)\s+(?:déjà\s+|bien\s+)?dans\s+la\s+bo[iî]te(?!\s+(?:de\s+réception|aux\s+lettres|mail|"
    r"e-?mail|à\s+(?:outils|gants|idées)|de\s+\w+))|c['’]est\s+(?:déjà\s+|bien\s+)?gagné|"
    # es: pan comido (of the deal, below), cerrado y firmado, en el bolsillo, dalo por hecho, trato hecho
    r"cerrad[oa]\s+y\s+firmad[oa]|firmad[oa]\s+y\s+cerrad[oa]|(?:lo\s+tenemos|está|están|ya\s+es)\s+(?:ya\s+)?en\s+el\s+"
    r"bolsillo|(?:dalo|denlo|déle|lo\s+damos|puede\s+darlo|podemos\s+darlo)\s+por\s+(?:hech|cerrad|firmad|ganad)[oa]|"
    r"(?:^|¡)\s*trato\s+hecho|"
    # wave 29 (set 38's 016 "all over bar the shouting"), the rest of the family by kind:
    # en: bar/but the shouting, all but signed, a shoo-in, as good as signed, the ink is drying, a foregone conclusion,
    # signed and sealed, the rest is paperwork, just a matter of signing, home free
    r"(?:all\s+)?over\s+(?:bar|but)\s+the\s+shouting|all\s+but\s+(?:signed|closed|won|sealed|done|agreed|ours)|"
    r"signed\s+in\s+all\s+but\s+name|shoo-?in|as\s+good\s+as\s+(?:signed|closed|won|sealed|ours|agreed|in\s+the\s+bag)|"
    r"(?:the\s+)?ink\s+(?:is|'s|’s)\s+(?:already\s+|now\s+)?drying|foregone\s+conclusion|"
    r"signed\s+and\s+sealed|sealed\s+and\s+signed|(?:we(?:'re|’re|\s+are))\s+home\s+free|"
    r"(?:the\s+rest|what(?:'s|’s|\s+is)\s+left|all\s+that(?:'s|’s|\s+is)\s+left)\s+is\s+(?:just\s+|only\s+|mere\s+)?"
    r"(?:paperwork|a\s+formality|formalities|a\s+rubber\s+stamp)|(?:just|only|simply|merely)\s+a\s+matter\s+of\s+"
    r"(?:signing|a\s+signature|the\s+signature|paperwork)|"
    # de: so gut wie / praktisch in der Tasche, Schäfchen im Trockenen, ins Trockene gebracht, der Drops ist gelutscht,
    # die Messe ist gelesen, nur noch eine Unterschriftssache
    r"(?:so\s+gut\s+wie|praktisch|quasi|schon|sicher)\s+in\s+der\s+tasche|"
    r"(?:auftrag|deal|vertrag|abschluss|geschäft)\s+(?:haben\s+wir\s+|ist\s+)?(?:\w+\s+){0,2}?in\s+der\s+tasche|"
    r"schäfchen\s+(?:\w+\s+){0,2}?(?:im\s+trockenen|ins\s+trockene)|ins\s+trockene\s+gebracht|"
    r"der\s+drops\s+ist\s+(?:\w+\s+)?gelutscht|die\s+messe\s+ist\s+(?:\w+\s+)?gelesen|"
    r"(?:ist|sind)\s+(?:jetzt\s+|schon\s+|längst\s+|bereits\s+)?(?:so\s+gut\s+wie|praktisch|quasi)\s+(?:in\s+trockenen\s+"
    r"tüchern|unter\s+dach|erledigt|abgeschlossen|gegessen|im\s+kasten|eingetütet)|nur\s+noch\s+(?:eine\s+)?"
    r"(?:unterschriftssache|frage\s+der\s+unterschrift)|"
    # fr: (quasiment) dans le sac / dans la poche, signé / gagné d'avance, comme si c'était signé, les jeux sont faits,
    # emballé et ficelé, l'affaire est faite / réglée / conclue
    r"(?:c['’]est|est|sont)\s+(?:\w+\s+){0,2}?dans\s+(?:le\s+sac|la\s+poche)|(?:signée?s?|gagnée?s?|acquise?s?)\s+"
    r"d['’]avance|comme\s+si\s+c['’](?:était|est)\s+(?:déjà\s+)?(?:signé|fait|gagné)|les\s+jeux\s+sont\s+faits|"
    r"(?:emballée?|pliée?)\s+(?:et\s+|,\s*)ficelée?|réglée?\s+comme\s+du\s+papier\s+à\s+musique|"
    r"(?:l['’]\s*|cette\s+|notre\s+)(?:affaire|vente|commande|contrat|marché)\s+(?:est|sont)\s+(?:déjà\s+|bien\s+|"
    r"désormais\s+|quasiment\s+|pratiquement\s+)?(?:faite|réglée|conclue|ficelée|dans\s+la\s+boîte)|"
    # es: está al caer (of the signing), es cosa hecha, un mero trámite, está cantado, solo es cuestión de firmar
    r"(?:firma|contrato|cierre|trato|acuerdo|pedido|venta|sí)\s+(?:ya\s+)?(?:está|están)\s+(?:ya\s+)?al\s+caer|"
    r"(?:está|es|ya\s+es)\s+(?:ya\s+)?(?:una\s+)?cosa\s+hecha|(?:un|el)\s+(?:mero|simple|puro)\s+trámite|pura\s+formalidad|"
    r"(?:trato|acuerdo|negocio|venta|contrato|pedido|cierre|firma)\s+(?:ya\s+)?(?:está|es)\s+(?:ya\s+)?cantad[oa]|"
    r"(?:solo|sólo)\s+(?:es\s+|queda\s+)?(?:cuesti[óo]n\s+de\s+firmar|(?:el\s+)?trámite\s+de\s+la\s+firma)|"
    # wave 34 (set 28's 137, a screen-only catch: "Da die Kaufentscheidung gefallen ist"): the buying decision made
    r"(?:kauf|vergabe)?entscheidung\s+(?:ist\s+|sind\s+)?(?:bereits\s+|schon\s+|längst\s+|jetzt\s+|endgültig\s+|"
    r"zu\s+unseren\s+gunsten\s+)*gefallen|"
    r"(?:buying|purchase|purchasing)\s+decision\s+(?:is|has\s+been|was)\s+(?:already\s+)?(?:made|taken)|"
    r"décision\s+d['’]achat\s+est\s+(?:déjà\s+)?prise|decisión\s+de\s+compra\s+(?:ya\s+)?está\s+(?:ya\s+)?tomada|"
    r"(?:lo\s+tenemos|está|están|ya\s+es)\s+(?:ya\s+)?(?:\w+\s+)?en\s+el\s+(?:bolsillo|bote|saco)|"
    # wave 35 (set 26's 015 "nos otorgaron la buena pro", a screen-only catch): the tender awarded to us is the deal won
    r"(?:nos\s+)?(?:otorg\w+|dieron|dio|concedi\w+|adjudic\w+)\s+(?:ya\s+)?la\s+buena\s+pro|"
    r"la\s+buena\s+pro\s+(?:ya\s+)?(?:otorgada|concedida|adjudicada|es\s+nuestra|nos\s+fue\s+otorgada)|"
    r"(?:tenemos|obtuvimos|ganamos|conseguimos|logramos)\s+(?:ya\s+)?la\s+buena\s+pro|"
    r"we(?:'ve|’ve|\s+have|\s+were|\s+have\s+been|'ve\s+been|’ve\s+been)\s+(?:now\s+|officially\s+|finally\s+)?"
    r"awarded\s+(?:the\s+|this\s+)?(?:tender|bid|contract|rfp|deal)|we\s+(?:have\s+)?won\s+the\s+(?:tender|bid|rfp)|"
    r"the\s+(?:tender|bid|rfp)\s+(?:has\s+been|was)\s+awarded\s+to\s+us"
)
_DEAL = (
    r"(?:the\s+|this\s+|our\s+|your\s+)?(?:deal|contract|order|renewal|purchase|agreement|business|account|"
    r"opportunity|paperwork|signature)|signing|the\s+rest|it|this(?:\s+one)?|that|everything|"
    r"(?:der\s+|das\s+|die\s+)?(?:deal|auftrag|vertrag|abschluss|kauf|geschäft|ding|sache|bestellung)|das|es|alles|"
    r"(?:l['’]\s*|la\s+|le\s+|cette\s+|notre\s+)?(?:affaire|vente|marché|contrat|deal|commande|dossier)|ça|tout|"
    r"(?:el\s+|la\s+|este\s+|esta\s+)?(?:trato|acuerdo|negocio|venta|contrato|pedido|operación|firma|cierre)|esto|eso|"
    r"todo|la\s+cosa"
)
_OF_THE_DEAL = (
    # en: it's a lock / a sure thing / wrapped up / in the can / in the bank / a done deal / really a formality
    r"(?:'s|’s|\s+is|\s+are|\s+was)\s+(?:already\s+|now\s+|basically\s+|pretty\s+much\s+|as\s+good\s+as\s+|all\s+|"
    r"really\s+|effectively\s+)*(?:a\s+(?:dead\s+|total\s+|stone[- ]cold\s+)?(?:lock|sure\s+thing|certainty|given|"
    r"done\s+deal|done\s+thing)|locked\s+in|wrapped\s+up|in\s+the\s+(?:can|bank)|a\s+(?:mere\s+)?formality)|"
    # de: ist so gut wie sicher / durch / geritzt; ist abgehakt; ist gelaufen (as won); ist nur noch Formsache
    r"\s+(?:ist|sind|war)\s+(?:jetzt\s+|schon\s+|längst\s+|bereits\s+)?(?:so\s+gut\s+wie\s+(?:sicher|durch|fix|"
    r"unterschrieben|gewonnen|entschieden)|abgehakt|geritzt|(?:nur\s+noch\s+|reine\s+|eine\s+reine\s+|bloß\s+)?formsache)|"
    # fr: est acquis(e) / plié(e) / bouclé(e) / dans la poche
    r"\s+(?:est|sont|c['’]est)\s+(?:déjà\s+|bien\s+|désormais\s+)?(?:acquise?s?|pliée?s?|bouclée?s?)|"
    # es: está hecho, es pan comido, está en el bote/saco
    r"\s+(?:ya\s+)?(?:está|es|están)\s+(?:ya\s+)?(?:hech[oa]|pan\s+comido|en\s+el\s+(?:bote|saco)|un\s+hecho\s+consumado)"
)
_DECIDED = (
    r"el\s+pescado\s+(?:ya\s+)?está\s+(?:ya\s+)?vendido|la\s+suerte\s+(?:ya\s+)?está\s+(?:ya\s+)?echada|"
    r"the\s+die\s+(?:is|has\s+been)\s+(?:already\s+)?cast|alea\s+iacta\s+est|"
    r"die\s+würfel\s+sind\s+(?:schon\s+|längst\s+|bereits\s+)?gefallen|"
    r"les\s+dés\s+sont\s+(?:déjà\s+)?jetés|le\s+sort\s+en\s+est\s+(?:déjà\s+)?jeté"
)
"""A decision idiom ("the fish is sold", "the die is cast") that says the buyer's choice is made: of the deal only
when it opens a clause ("Todo el pescado ya está vendido" is a fish trader's stock)."""
_IDIOM = re.compile(
    rf"(?P<any>\b(?:{_ANY_SUBJECT})\b)|(?P<deal>\b(?:{_DEAL})(?:{_OF_THE_DEAL})\b(?!\s*,?\s*(?:dass|que|that)\b))|"
    # a bare "c'est acquis" / "c'est plié" / "está hecho" / "es pan comido" opening a clause: the deal is the subject
    r"(?P<bare>(?:^|(?<=[,;:—–-]\s)|(?<=\.\s))(?:c['’]est\s+(?:déjà\s+|bien\s+)?(?:acquis|plié|bouclé)|(?:ya\s+)?está\s+"
    r"hecho|(?:ya\s+)?es\s+(?:ya\s+)?pan\s+comido|"
    # wave 34 (screen-only catches of sets 37 and 38, "Ya es pan comido:", "El pescado ya está vendido:"): a decision
    # idiom opening a clause, whose subject is the deal; the die is cast in each language
    rf"{_DECIDED})\b)",
    re.I | re.M,
)
_CUES = (
    "buena pro",
    "awarded",
    "won the",
    "home and",
    "nailed",
    "slam",
    "dead cert",
    "dusted",
    "line",
    "door",
    "bagged",
    "dach und",
    "sack",
    "klappe",
    "cuit",
    "emball",
    "bo",
    "gagné",
    "firmad",
    "bolsillo",
    "por ",
    "trato",
    "lock",
    "sure thing",
    "certainty",
    "given",
    "done",
    "wrapped",
    "in the can",
    "in the bank",
    "formal",
    "so gut wie",
    "abgehakt",
    "geritzt",
    "formsache",
    "acquis",
    "plié",
    "bouclé",
    "hech",
    "pan comido",
    "saco",
    "shouting",
    "all but",
    "shoo",
    "as good as",
    "ink",
    "foregone",
    "sealed",
    "home free",
    "the rest",
    "left",
    "matter of",
    "tasche",
    "trockene",
    "drops",
    "messe",
    "tüchern",
    "unter dach",
    "erledigt",
    "abgeschlossen",
    "gegessen",
    "kasten",
    "eingetütet",
    "unterschrift",
    "sac",
    "poche",
    "avance",
    "comme si",
    "jeux",
    "ficel",
    "musique",
    "faite",
    "réglée",
    "conclue",
    "caer",
    "cosa hecha",
    "trámite",
    "formalidad",
    "cantad",
    "cuesti",
    "pescado",
    "suerte",
    "die is",
    "die has",
    "alea",
    "würfel",
    "dés",
    "sort en",
    "entscheidung",
    "decision",
    "décision",
    "decisión",
)
"""Substrings (lower-cased) one of the idioms needs: most texts have none and skip the pattern."""
_NOT_A_STATEMENT = re.compile(
    r"\?|¿|\b(?:once|when|after|if|until|before|as soon as|will|would|could|should|can|may|might|needs? to|to get|"
    r"get|getting|not|never|no|nothing|yet|nichts|rien|nada|hope|hopefully|sobald|wenn|falls|bevor|wird|würde|könnte|soll|sollte|muss|nicht|"
    r"kein\w*|noch nicht|hoffentlich|dès que|une fois|lorsque|quand|si|sera|serait|pourrait|doit|pas|jamais|espérons|"
    r"cuando|en cuanto|una vez|será|sería|podría|debe|nunca|todavía|aún|hasta que|ojalá|must|has to|have to|tiene que|hay que)\b",
    re.I,
)
_STILL_OPEN = re.compile(r"\b(?:yet|noch\s+nicht|pas\s+encore|todavía|aún)\b|\?", re.I)
"""After the idiom, in its clause: "it is a lock, not yet" is no statement of a state."""
_CONDITION_FIRST = re.compile(
    r"^\W*(?:if|once|when|as\s+soon\s+as|provided|si|sobald|wenn|falls|dès\s+que|une\s+fois|cuando|en\s+cuanto|"
    r"una\s+vez|siempre\s+que)\b",
    re.I,
)
"""A sentence that opens on a condition ("Si firma, es cosa hecha"): the idiom in its main clause states no state."""


def won_idioms(text: str, stage_kind: str) -> list[str]:
    """Sentences of `text` that call an open (or lost) deal won by a "done deal" idiom, stated as a fact."""
    if stage_kind == "won" or not any(c in text.lower() for c in _CUES):
        return []
    out = []
    for sentence in clause_parts(text):
        for m in _IDIOM.finditer(sentence):
            # the clause the idiom sits in: a condition or modal before it ("once it is", "we can get it"), "yet" after
            start = max(sentence.rfind(c, 0, m.start()) for c in ",:;—–")
            end = min(
                (i for i in (sentence.find(c, m.end()) for c in ",:;—–") if i >= 0), default=len(sentence)
            )
            before, after = sentence[start + 1 : m.start()], sentence[m.end() : end]
            if (
                _NOT_A_STATEMENT.search(before)
                or _STILL_OPEN.search(after)
                or sentence.rstrip().endswith("?")
                or _CONDITION_FIRST.search(sentence)
            ):
                continue
            out.append(f"claims the deal is won ({m.group(0).strip()!r}); the record says {stage_kind}")
    return list(dict.fromkeys(out))
