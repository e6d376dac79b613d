"""A competitor run down in writing (set 28's quality en-b7: "Honestly, it's a toy"): a tone no sales manager lets go to
a buyer, whatever the comparison says. A derogatory word counts in a sentence that names the other seller, or right
after one that does ("You mentioned the add-on from your current vendor is cheaper. Honestly, it's a toy.")."""

from __future__ import annotations

import re

from agents.normalize import SENTENCE_BREAK, normalise

_OTHER_SELLER = re.compile(
    r"\b(?:compet\w*|rival\w*|(?:current|other|existing|incumbent|old) (?:vendor|supplier|provider|tool|system)|"
    r"wettbewerb\w*|konkurren\w*|(?:aktuelle|bisherige|andere)[nmr]? (?:anbieter\w*|lieferant\w*|lösung|system)|"
    r"concurren\w*|(?:fournisseur|prestataire|outil|système) (?:actuel|habituel)|"
    r"(?:proveedor|sistema|herramienta) (?:actual|habitual)|competencia|"
    # the others in the market, in the plural (set 32: "les autres logiciels", "otras plataformas")
    r"other (?:vendors|suppliers|providers|tools|systems|platforms|products|solutions)|"
    r"andere[nr]? (?:anbieter|lösungen|systeme|plattformen|programme)|"
    r"autres (?:logiciels|solutions|outils|éditeurs|fournisseurs|plateformes|prestataires)|"
    r"(?:otras|otros) (?:plataformas|soluciones|herramientas|proveedores|programas|sistemas)|"
    # wave 36 (set 45's en-b5, "Frankly, it is a toy compared with Brightlane", after "the add-on is cheaper"): a
    # thing set against us, or called cheaper, is another seller's
    r"compared (?:with|to)(?! (?:today|now|before|last|then|what we|how we))|next to (?:us|ours|our)|im vergleich (?:zu|mit)|verglichen mit|neben unsere\w*|"
    r"compar[ée]e?s? (?:à|a|avec)|par rapport (?:à|a) (?:nous|notre)|a cot[ée] de (?:nous|notre)|"
    r"comparad[oa]s? con|en comparaci[oó]n con|al lado de (?:nosotros|nuestr\w+)|"
    r"cheaper|billiger|günstiger|moins cher|más barat[oa]s?)\b", re.I)
_SNEER = (r"(?:honestly|frankly|really|basically|simply|quite|just|little more than|nothing more than|nothing but|"
          r"ehrlich gesagt|offen gesagt|eigentlich|wirklich|nur|franchement|honnêtement|vraiment|juste|"
          r"francamente|sinceramente|honestamente|realmente|solo)")
"""wave 37 (set 47's en-b5, "your current vendor is honestly a toy"): an adverb between the verb and the sneer
hides it from the verb-then-noun reading, and adds to the condescension instead."""
_DEROGATORY = re.compile(
    rf"\b(?:(?:it'?s|is|was|are|just|only|basically|really)(?: {_SNEER})? (?:a |an )?(?:toy|joke|gimmick|mess|disaster)|toy-?like|"
    r"junk|rubbish|garbage|trash|crap|amateurish|useless|worthless|flimsy|half-baked|laughable|"
    rf"spielzeug|schrott|murks|billigkram|lachnummer|(?:ist|sind)(?: {_SNEER})? (?:ein )?witz|"
    rf"(?:c'est|est|sont)(?: {_SNEER})? (?:un |une )?(?:jouet|gadget|blague|catastrophe|nul|nulle)|camelote|bricolage|risible|"
    rf"(?:es|son)(?: {_SNEER})? (?:un |una )?(?:juguete|broma|chiste|desastre|churro)|basura|chapuza|cutre|de risa|"
    # set 32: a reputation and a sneer in place of a fact
    r"notoriously (?:poor|bad|awful|terrible|unreliable|slow|buggy)|nobody serious|no one serious|"
    r"berüchtigt\w*|notorisch (?:schlecht|unzuverlässig)\w*|niemand ernsthaft|"
    r"usines? (?:à|a) gaz|(?:que )?personne n'arrive à utiliser|"
    r"no contesta nunca|nadie serio)\b", re.I)


def disparages_competitor(body: str) -> list[str]:
    """Sentences of a draft that run down another seller or their product."""
    text = normalise(body)
    if not _DEROGATORY.search(text):
        return []  # most drafts: no derogatory word at all
    out, previous = [], ""
    for sentence in SENTENCE_BREAK.split(text):
        if _DEROGATORY.search(sentence) and (_OTHER_SELLER.search(sentence) or _OTHER_SELLER.search(previous)):
            out.append(f"runs down another seller: {sentence.strip()[:80]!r}")
        previous = sentence
    return out
