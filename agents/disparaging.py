"""A competitor run down in writing (set 28's quality en-b7: "Honestly, it's a toy"): a tone no sales manager lets go to
a buyer, whatever the comparison says. A derogatory word counts in a sentence that names the other seller, or right
after one that does ("You mentioned the add-on from your current vendor is cheaper. Honestly, it's a toy.")."""

from __future__ import annotations

import re

from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

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
    r"cheaper|billiger|günstiger|moins cher|más barat[oa]s?|"
    # wave 38 (set 50's en-b6, "the telematics add-on you are looking at ... its vendor has been losing customers"):
    # the product the buyer weighs against ours, and its maker
    r"(?:add-on|tool|product|system|solution|platform|offer)s? (?:you(?:'re| are) |you were )?(?:looking at|considering|"
    r"evaluating|weighing)|its (?:vendor|maker|supplier|provider)|"
    r"(?:add-on|tool|produkt|lösung|system)\w*,? (?:das|die|den) sie (?:sich )?(?:ansehen|prüfen|vergleichen)|"
    r"(?:module|outil|produit|solution|offre)s? que vous (?:regardez|étudiez|comparez|envisagez)|"
    r"(?:complemento|módulo|herramienta|producto|solución|oferta)s? que (?:está|están) (?:mirando|valorando|evaluando|"
    r"considerando))\b", re.I)
OTHER_SELLER = _OTHER_SELLER
"""The other seller or their product, as agents.competitor_claims reads it too (wave 42)."""
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
    r"no contesta nunca|nadie serio|"
    # wave 38 (set 50's en-b6): hearsay of its failures and of its maker's fortunes, a fact nobody gave
    r"(?:is|are) (?:well |widely )?known (?:to|for) (?:miss\w*|fail\w*|drop\w*|los\w*|break\w*|crash\w*|be unreliable)|"
    r"(?:has|have) been losing (?:customers|clients|ground)|(?:is|are) losing (?:customers|clients)|deserve better than|"
    r"(?:ist|sind) bekannt dafür, (?:dass|\w+ zu verlieren)|(?:verliert|verlieren) (?:seit \w+ )?(?:laufend |ständig )?kunden|"
    r"(?:est|sont) connue?s? pour (?:rater|manquer|perdre|planter|ne pas)|perd(?:ent)? des clients|méritent mieux que|"
    r"(?:es|son) conocid[oa]s? por (?:fallar|perder|no )|(?:pierde|pierden|está perdiendo) clientes|merecen algo mejor que)\b",
    re.I)


def disparages_competitor(body: str) -> list[str]:
    """Sentences of a draft that run down another seller or their product."""
    text = normalise(body)
    if not _DEROGATORY.search(text):
        return []  # most drafts: no derogatory word at all
    out, previous = [], ""
    for sentence in sentence_parts(text):
        if _DEROGATORY.search(sentence) and (_OTHER_SELLER.search(sentence) or _OTHER_SELLER.search(previous)):
            out.append(f"runs down another seller: {sentence.strip()[:80]!r}")
        previous = sentence
    return out
