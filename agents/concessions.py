"""Concessions without a discount word (issue 11, held-out set 17): a fee stated as removed ("les frais de mise en
service sont supprimés"), a tax or charge we take on ("we will absorb the VAT"), a German "nachlassen" of any amount
("einen Tausender nachlassen"), and one offer at another's price ("the 2-year term at the 1-year price")."""

from __future__ import annotations

import re
from typing import Any

from agents.declined_prices import declined_price_at
from agents.denied_discounts import denied_at
from agents.proposed_prices import kept_as_proposed_at

APPROVED_DISCOUNT = (
    r"\b(?<!\bno )(?<!\bnot )(?<!\bkein )(?<!\bkeinen )(?<!\baucune )(?<!\bsin )(?:remise|\w*rabatt|\w*nachlass|descuento|discount)\w*\b[^.;!?]{0,30}\b(?:validée?s?|approuvée?s?|"
    r"accordée?s?|genehmigt|freigegeben|aprobad[oa]s?|concedid[oa]s?|approved|granted)\b|"
    # the approval first: "la direction a validé une remise", "hat einen Rabatt genehmigt" reads
    # the other way in German; "ha aprobado un descuento", "signed off on a discount"
    r"\b(?:validé|approuvé|accordé|aprobado|autorizado|concedido|approved|signed off on|"
    r"sanctioned|authori[sz]ed|green-?lit|greenlighted|okayed|ok'd)\s+(?:\w+\s+){0,3}?"
    r"(?:remise|rabatt|nachlass|descuento|discount|réduction|rebaja)\w*\b|"
    r"\b(?:remise|réduction|rabatt|descuento|discount)\s+(?:exceptionn\w+|spéciale?s?|spezial\w*|"
    r"especial(?:es)?|special|exceptional|extraordinari\w+|außerordentlich\w*)\b")
"""A discount stated as approved, in either order ("discount approved by finance", "la direction a validé une remise"),
and a discount called special ("remise exceptionnelle", "descuento especial")."""

_FEE = (r"fees?|charges?|setup|set-up|onboarding fee|frais|gebühr\w*|einrichtungs\w*|einrichtung|bereitstellungs\w*|cargos?|"
        r"[\w-]*pauschale|[\w-]*miete|rent(?:al)?|loyers?|alquiler(?:es)?|"
        r"tarifas?|comisi[oó]n\w*|cuota\w*|costes? de (?:alta|puesta en marcha)")
_REMOVED = (r"waived|removed|dropped|scrapped|struck|cancell?ed|supprimés?|supprimées?|annulés?|annulées?|offerts?|"
            r"gestrichen|entfällt|entfallen|erlassen|unter den tisch|eliminad[oa]s?|suprimid[oa]s?|anulad[oa]s?|condonad[oa]s?|"
            # a fee made to vanish or forgiven, in the everyday idiom: "passent à la trappe", "se la perdonamos", "fällt weg"
            r"(?:passe|passent|passeront|tombe|tombent) à la trappe|perdon\w*|olvid\w*|oubli\w*|forgiven|forgotten|"
            r"written off|wegfallen|fallen weg|fällt weg|vanish\w*|go(?:es)? away|desaparec\w*|sautent|saute|sauteront|"
            r"streichen(?: wir)?")
_FEE_REMOVED = re.compile(rf"\b(?:{_FEE})\b(?:\s+[\w'’-]+){{0,5}}?\s+(?:(?:are|is|have been|has been|sont|est|sind|ist|"
                          rf"wird|werden|quedan?|están?|han sido|ha sido)\s+)?(?:{_REMOVED})\b|"
                          rf"\b(?:waive|drop|scrap|remove|strike|streichen|erlassen|supprimons|annulons|eliminamos|"
                          rf"suprimimos|anulamos)\w*\s+(?:the |your |all |any |die |les |la |el |los |las )?(?:\w+\s+)?"
                          rf"(?:{_FEE})\b", re.I)
_TAX_TAKEN = re.compile(r"\b(?:absorb|cover|eat|pick up|take on|übernehmen|tragen|prenons en charge|assumons|asumimos|"
                        r"cubrimos)\w*\s+(?:the |die |la |le |el |"
                        r"les |los )?(?:vat|sales tax|tax(?:es)?|duties|shipping|freight|mwst|mehrwertsteuer|steuern?|"
                        r"tva|taxes?|iva|impuestos?|portes?)\b", re.I)
_GIVE_OFF_DE = re.compile(r"\b(?:nachlass\w*|nachzulassen|lasse\w*\b[^.;!?]{0,40}\bnach|erlass\w*|runtergehen)\b", re.I)
_ANOTHER_PRICE = re.compile(
    # another item's price: "rides along at the first depot's price"
    r"\bat (?:the |your |our )?(?:[\w-]+ ){0,2}?[\w-]+'s (?:price|rate|pricing)\b|"
    r"\b(?:at|for|zum|au|al)\s+(?:the |a |our |your |dem |le |el )?(?:\d+|one|two|three|single|smaller|lower|cheaper|"
    r"old|existing|starter|basic|previous|ein|zwei|drei)[- ](?:year|month|seat|user|jahres|monats)?s?[- ]?"
    r"(?:price|rate|pricing|fee|preis|tarif|prix|precio)\b", re.I)


_PAYMENT_HOLIDAY = re.compile(
    r"\b(?:grace period|payment holiday|payment[- ]free|(?:months?|weeks?) (?:without|with no) (?:payments?|fees?|charges?)|"
    r"carencia|per[ií]odo de gracia|meses? sin (?:pagar|cuotas?|pagos?)|karenzzeit\w*|karenz\w*|zahlungsfrei\w*|"
    r"tilgungsfrei\w*|zahlungspause|période de grâce|différé de paiement|mois sans (?:paiement|frais|facturation)|"
    r"franchise de (?:paiement|loyer|mensualités?))\b", re.I)
"""A stretch with nothing to pay ("tres meses de carencia", "a three-month grace period", "zahlungsfreie Monate"):
money given away however few words say so, so only the policy grants it."""


OFFER_EXPIRY = re.compile(
    r"\b(?:price|pricing|offer|quote|rate|discount|terms|preis\w*|angebot|konditionen|prix|offre|tarif\w*|devis|remise|"
    r"precio|oferta|descuento|condiciones)\b[^.;!?\n]{0,40}?\b(?:(?:only |nur |seulement |solo |sólo )?(?:available|valid|"
    r"good|stands|holds|expires?|runs out|gilt|gültig|verfällt|läuft|valable|expire|disponible|válid[oa]|vigente|vence|"
    r"caduca))\b[^.;!?\n]{0,20}?\b(?:until|till|through|before|by|bis|jusqu'|avant|hasta|antes)", re.I)
"""An expiry put on a price or an offer ("this pricing is only available until Monday", "das Angebot gilt nur bis
Freitag"): a term no record field gives, and pressure a buyer did not ask for (quality set 21's en-b6)."""


_PRICE_NOUN = (r"price|invoice|amount|total|figure|quote|preis|jahrespreis|betrag|rechnung|facture|montant|prix|importe|"
               r"factura|precio")
_DOWN = (r"(?:\bdown\b|\bnach unten\b|à la baisse|\ba la baja\b|in your favou?r|zu ihren gunsten|en votre faveur|"
         r"a su favor)")
_SMALL_NUMBERS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zwei|drei|vier|fünf|sechs|sieben|"
                  r"acht|neun|zehn|elf|zwölf|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|dos|tres|"
                  r"cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce")
_PRICE_MOVES: tuple[tuple[re.Pattern[str], tuple[Any, ...]], ...] = tuple((re.compile(p, re.I), cues) for p, cues in (
    # the price worked out with a part taken off ("the figure Marcus mentioned, minus the setup line", "abzüglich der
    # Einrichtung", "moins les frais de mise en service", "menos la cuota de alta")
    (r"\b(?:minus|less|abzüglich|moins|menos)\s+(?:the |your |our |die |der |den |les |la |le |el |los |las )?(?:\w+\s+)?"
     r"(?:setup|set-up|fee|fees|line|charge|charges|cost|costs|licen[cs]e|gebühr\w*|pauschale|einrichtung\w*|frais|"
     r"licence|mise en service|cuota|tarifa|coste|alta)\b",
     ("minus", "less ", "abzüglich", "moins ", "menos ")),
    # an increase taken away ("the renewal uplift drops to nothing", "die Preiserhöhung entfällt")
    (r"\b(?:uplift|increase|indexation|escalator|\w*erhöhung|indexierung|hausse|augmentation|indexation|subida|"
     r"incremento|aumento)\b[^.;!?\n]{0,30}?\b(?:drops?|goes|falls?|comes? down|is|entfällt|fällt|passe|tombe|queda|baja)"
     r"\s+(?:to\s+|auf\s+|à\s+|a\s+|en\s+)?(?:nothing|zero|null|zéro|cero|0|nada|rien|weg)\b",
     ("uplift", "increase", "indexation", "escalator", "erhöhung", "indexierung", "hausse", "augmentation",
      "subida", "incremento", "aumento")),
    # a gesture or an effort on the price ("on vous fait un geste", "hacemos un esfuerzo en el precio")
    (r"\bgeste commercial\b|\b(?:un geste|un effort|un esfuerzo|a gesture)\b[^.;!?\n]{0,20}?\b(?:sur|on|en|sobre)\s+"
     r"(?:le |la |l'|el |the |votre |su |your )?(?:prix|price|precio|tarif\w*|licen\w+|factur\w+|coût|coste|invoice|renouvellement)",
     ("geste", "effort", "esfuerzo", "gesture")),
    # the price gap taken on by us ("nos quedamos con la diferencia", "we'll absorb the difference")
    (r"\b(?:absorb|cover|eat|take on|übernehmen|tragen|prenons en charge|absorbons|nos quedamos con|asumimos|absorbemos)\w*"
     r"\s+(?:the |die |la |le |el )?(?:\w+\s+)?(?:difference|differenz|différence|diferencia|gap|delta)\b",
     ("differen", "différence", "diferencia", "gap", "delta")),
    # price matching by any noun for a figure ("match the add-on vendor's number")
    (r"\b(?:match|beat|meet)\w*\s+(?:(?:their|any|every|a competitor's|the other|the competing)\s+|(?:the\s+)?(?:[\w-]+\s+){0,2}?"
     r"[\w-]+'s\s+)(?:number|figure|rate)s?\b",
     ("number", "figure", " rate")),
    # the price rounded down for the buyer ("round the invoice down", "runden nach unten ab", "arrondit à la baisse")
    (rf"\b(?:round\w*|runde\w*|abrunden|arrondi\w*|redonde\w*)\s+(?:\w+\s+){{0,3}}?(?:{_PRICE_NOUN})\w*\b[^.;!?\n]{{0,25}}?"
     rf"{_DOWN}|\b(?:{_PRICE_NOUN})\w*\s+(?:\w+\s+)?(?:runden|arrondissons|redondeamos)\b[^.;!?\n]{{0,25}}?{_DOWN}",
     ("round the", "round your", "round it", "round down", "rounded", "runden", "abrund", "arrondi", "redonde")),
    # an old price applied ("den Tarif aus dem Vorjahr", "la tarifa del año pasado", "last year's rate")
    (r"\bpilot\w* (?:pricing|price|rates?|terms)\b|\bpilot(?:konditionen|preis\w*|tarif\w*)\b|\b(?:conditions|tarifs?|prix) du "
     r"pilote\b|\b(?:condiciones|precio|tarifa)s? del piloto\b|"  # the trial's price carried on ("Pilotkonditionen")
     r"\b(?:last year's|previous|old|former|alte[nrm]?|vorjahres\w*|ancien\w*|anterior)\s+(?:\w+\s+)?(?:price|pricing|rate|"
     r"tarif\w*|preis\w*|prix|grille|precio|tarifa)\b|\b(?:price|pricing|rate|tarif\w*|preis\w*|prix|grille|precio|tarifa)\s+"
     r"(?:aus dem vorjahr|des vorjahres|vom letzten jahr|de l'an dernier|de l'année dernière|de l'an passé|del año pasado|"
     r"del año anterior|from last year|of last year)\b",
     ("vorjahr", "last year", "an dernier", "année dernière", "an passé", "año pasado", "año anterior", "previous", "pilot",
      " old ", "alten ", "alter ", "alte ", "ancien", "anterior", "former")),
    # paying for part of what is bought ("you only pay for 400 of the 420", "ne payez que cinq ateliers sur six")
    (r"\b(?:only pay|pay only|ne pay\w* que|(?:bezahlen|zahlen) sie nur|s[oó]lo (?:paga|pagar|le cobramos)\w*)"
     rf"\b[^.;!?\n]{{0,30}}?\b(?:of|out of|sur|von|der|de)\s+(?:the |los |las |den |der |les )?(?:\d+|{_SMALL_NUMBERS})\b",
     ("only pay", "pay only", "ne pay", "zahlen sie nur", "solo pag", "sólo pag", "solo le cobramos",
      "sólo le cobramos")),
    # billing only part of what is bought ("only bill the trucks that are out on the road", "ne facturer que")
    (r"\bonly (?:bill|charge|invoice)\w*\s+(?:you\s+)?(?:for\s+)?(?:the|those|these|your)\s+\w+|\b(?:bill|charge|invoice)\w* only\s+(?:for\s+)?(?:the|those|these|your)\b|\bnur (?:die |für )?[\w-]+ (?:berechnen|abrechnen)\b|"
     r"\bne factur\w* que\b|\bs[oó]lo (?:facturamos|cobramos|facturaremos)\b|\b(?:rechnen|berechnen)\s+(?:wir\s+)?(?:ihnen\s+)?"
     r"(?:nur|lediglich)\b|"
     # an item not billed on its own: "rechnen wir nicht extra ab", "won't be billed separately", "pas facturé à part"
     r"\b(?:rechnen|berechnen|stellen)\s+(?:wir\s+)?(?:ihnen\s+)?(?:[\w-]+\s+){0,3}?(?:nicht|nichts|keine?\w*)\b"
     r"[^.;!?\n]{0,25}?\b(?:ab|in rechnung)\b|\bnicht\s+(?:extra|gesondert|separat|zusätzlich)\s+(?:ab|be)?(?:gerechnet|"
     r"berechnet|in rechnung gestellt)|\b(?:not|n't|never)\s+(?:be\s+)?(?:billed|charged|invoiced)\s+(?:for\s+)?"
     r"(?:separately|extra|on top|additionally)|\bpas\s+(?:\w+\s+)?factur\w*\s+(?:en sus|à part|en plus|séparément)|"
     r"\bno\s+(?:se\s+)?(?:le\s+|les\s+)?(?:factur|cobr)\w*\s+(?:aparte|por separado|extra|adicional\w*)",
     ("only bill", "only charge", "only invoice", " only", "nur ", "ne factur", "solo ", "sólo ", "nicht", "nichts",
      "kein", "separately", "extra", "on top", "additionally", "à part", "en sus", "séparément", "aparte",
      "por separado")),
    # one item riding on another's licence or price ("the second wave rides on the first wave's licence")
    (r"\b(?:rides?|riding|runs?|goes|comes?|piggyback\w*|läuft|laufen|passe|va)\s+(?:along\s+)?(?:on|under|unter|mit|sur|"
     r"sous|con|bajo)\s+(?:the |your |our |der |dem |la |le |el )?(?:[\w-]+(?:'s)?\s+){0,3}?(?:licen[cs]e|lizenz|contract|"
     r"vertrag|contrat|contrato|subscription|abo\w*|abonnement|suscripción|plan|tarif|tarifa|agreement|vereinbarung|"
     r"rahmenvertrag|accord|acuerdo|order|bestellung|commande|pedido)\b",
     ("ride", "riding", "run", "goes", "come", "piggyback", "läuft", "laufen", "passe", " va ")),
    # a cost or a fee we take on ourselves: "we'll carry the cost of the dashcams", "les frais, on s'en occupe", "la
    # instalación corre de nuestra parte"
    (r"\b(?:we|we'll|wir|nous)\s+(?:will\s+)?(?:\w+\s+)?(?:carry|bear|shoulder|foot|übernehmen|tragen|supportons|"
     r"assumons)\s+(?:the |all |die |les |la |le )?(?:\w+\s+)?(?:cost|costs|kosten|coûts?|frais|bill)\b|"
     r"\b(?:fees?|frais|gebühr\w*|kosten|cuotas?|gastos|costes?)\b[^.;!?\n]{0,40}?(?:we'll take care of (?:it|that|them)|"
     r"on s'en (?:occupe|charge)|nous nous en (?:occupons|chargeons)|kümmern wir uns|nos (?:encargamos|ocupamos))|"
     r"\bcorren? (?:de|a) (?:nuestra parte|nuestro cargo)\b|\bvon uns gestellt\b|\b(?:on|nous) vous offr\w+\b|\bobendrein\b|"
     r"\bde (?:propina|yapa|ñapa)\b|\bas a freebie\b|"
     r"\bwe(?:'ll| will)? (?:cover|absorb|pick up) (?:it|that|them|this|the rest)\b|\bdas decken wir ab\b|\blo cubrimos\b|"
     r"\bwrite-?off\b[^.;!?\n]{0,20}?\b(?:on our side|for us|on us)\b|"
     # nothing arises to pay, in German's separable verb: "für die ersten Monate fällt nichts an"
     r"\b(?:fällt|fallen|entsteh\w*)\s+(?:\w+\s+){0,3}?(?:nichts|keine\w*(?:\s+kosten)?)\s+an\b|"
     # a fee or a line taken to nothing: "shave the onboarding line to zero"
     r"\b(?:line|fee|charge|cost|price|gebühr\w*|kosten|preis|frais|prix|coût|cuota|coste|precio|tarifa)\b[^.;!?\n]{0,20}?"
     r"\b(?:to|auf|à|a|en) (?:zero|null|zéro|cero|nothing|nichts|rien|nada)\b|\b(?:lo|la|los|las|eso) (?:ponemos|pagamos|asumimos|cubrimos) "
     r"nosotros\b|\bdas (?:zahlen|übernehmen|tragen) wir\b",
     ("carry", "bear", "shoulder", "foot", "übernehmen", "tragen", "supportons", "assumons", "take care", "s'en occupe",
      "s'en charge", "en occupons", "en chargeons", "kümmern", "encargamos", "ocupamos", "nuestra parte", "nuestro cargo",
      "nosotros", "das zahlen", "das übernehmen", "das tragen", "gestellt", "vous offr", "obendrein", "propina", "yapa", "ñapa", "freebie", "cover", "absorb", "pick up",
      "decken", "cubrimos", "write", "zero", "fällt", "fallen", "entsteh", "null", "zéro", "cero", "nothing", "nichts", "rien", "nada")),
    # payment terms left to the buyer or stretched: "net terms of your choosing", "verlängertes Zahlungsziel"
    (r"\b(?:payment|net|zahlungs\w*|paiement|pago)\s+(?:terms?|ziel|conditions|délai)\b[^.;!?\n]{0,25}?\b(?:of your choosing|"
     r"you choose|that suit you|you prefer|nach ihrer wahl|nach wunsch|à votre convenance|que vous voulez|que usted elija|"
     r"que prefiera|extended|longer|verlängert\w*|allong\w*|ampliad\w*)|\b(?:extended|longer|verlängerte\w*|allongé\w*|"
     r"ampliad\w*)\s+(?:payment terms|zahlungsziel\w*|délais? de paiement|plazos? de pago)",
     ("terms", "ziel", "paiement", "pago", "extended", "verlänger", "allong", "ampliad")),
    # the price equated to an everyday amount per unit: "das entspricht pro Fahrzeug einer Tankfüllung im Jahr"
    (r"\b(?:entspricht|equals|is equivalent to|amounts to|équivaut à|revient à|equivale a|corresponde a)\b[^.;!?\n]{0,40}?"
     r"\b(?:pro|per|par|por|each|je)\s+(?:fahrzeug|truck|vehicle|driver|fahrer|véhicule|chauffeur|camión|conductor|"
     r"month|monat|mois|mes|day|tag|jour|día|seat|user|platz)",
     ("entspricht", "equals", "equivalent", "amounts to", "équivaut", "revient", "equivale", "corresponde")),
    # an amount named by its range in words ("in the high thirties", "im unteren Vierzigerbereich", "mid-40s")
    (r"\b(?:low|mid|high|upper|lower)[- ](?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
     r"\d0s)\b|\b(?:unteren|oberen|mittleren)\s+\w*(?:zig|ßig)er(?:bereich)?\b",
     ("teens", "ties", "0s", "unteren", "oberen", "mittleren")),
    # the price held where it is, with or without a span: "the price won't move for the length of the contract", "Der
    # Preis bleibt wie im letzten Jahr", "el precio no se mueve", "den Preis halten wir Ihnen bis ..."
    (r"\b(?<!whether the )(?<!if the )(?<!ob der )(?<!si le )(?<!si el )"
     r"(?:price|pricing|rate|preis\w*|prix|tarif\w*|precio|tarifa)\b[^.;!?\n]{0,30}?\b(?:won't|will not|doesn't|does not|"
     r"isn't going to|is not going to|never|ne|n'|no se|no)\s*(?:\w+\s+)?(?:move|change|budge|rise|go up|increase|bouge\w*|"
     r"changera|augmente\w*|mueve|moverá|cambia\w*|sube|subirá)\b|"
     r"\bpreis\w*\b[^.;!?\n]{0,30}?\b(?:bewegt|ändert|erhöht)\s+sich\s+(?:\w+\s+){0,3}?nicht\b|"
     r"\b(?<!whether the )(?<!if the )(?<!ob der )(?<!si le )(?<!si el )"
     r"(?:price|pricing|rate|amount|preis\w*|betrag|prix|tarif\w*|montant|precio|tarifa|importe)\b[^.;!?\n]{0,20}?\b(?:stays?|remains?|bleibt|bleiben|"
     r"reste\w*|queda\w*|se mantiene\w*|sigue|seguirá)\s+(?:exactly |genau |exactement |exactamente )?(?:the same|unchanged|"
     r"where it (?:is|was)|flat|gleich|unverändert|stabil|konstant|identique|inchangé\w*|le même|figé\w*|igual|el mismo|"
     r"sin cambios|congelad\w*|(?:as|like|wie|comme|como)\s+(?:\w+\s+){0,2}?(?:last|this year|today|now|letzten|vorjahr\w*|heute|"
     r"jetzt|dernier|l'an|aujourd'hui|pasado|hoy|ahora))|"
     r"\b(?:preis\w*|tarif\w*|konditionen)\s+(?:halten|garantieren|sichern|frieren)\s+wir\b|"
     # the same figures kept: "mantenemos las mismas cifras que este año", "we keep the same numbers"
     r"\b(?:mantenemos|conservamos|garantizamos|congelamos|maintenons|conservons|garantissons|gelons|behalten|halten|hold|"
     r"keep|lock|freeze)\s+(?:\w+\s+){0,2}?(?:the same|les mêmes|las mismas|los mismos|die gleichen|dieselben)\s+(?:prices?|"
     r"rates?|numbers|figures|preise|zahlen|prix|tarifs|montants|chiffres|precios|cifras|importes|tarifas)\b|"
     # a renewal at today's figure: "the renewal lands at exactly this year's figure"
     r"\b(?:renewal|verlängerung|renouvellement|renovación)\b[^.;!?\n]{0,40}?\b(?:this year's|today's|current|the same|"
     r"heutig\w*|aktuell\w*|gleich\w*|actuel\w*|même|actual|mism[oa])\b|"
     # out of our own pocket: "come out of our pocket", "aus unserer Tasche", "de notre poche", "de nuestro bolsillo"
     r"\b(?:out of|aus) (?:our|unserer) (?:own )?(?:pocket|tasche)\b|\bde notre poche\b|\bde nuestro bolsillo\b|"
     # the figures worked out for the buyer: "we'll sort the numbers out in your favour"
     r"\b(?:numbers|figures|price|amount|zahlen|betrag|chiffres|montant|cifras|importe)\b[^.;!?\n]{0,20}?"
     r"\b(?:in your favou?r|zu ihren gunsten|en votre faveur|a su favor)",
     # two gates, both needed (the price words are in most drafts, so alone they let most texts through): a price word,
     # and a word that holds it, moves it, covers it or favours the buyer
     (("price", "pricing", " rate", "preis", "prix", "tarif", "precio", "amount", "betrag", "montant", "importe",
       "the same", "renewal", "verlängerung", "renouvellement", "renovación", "mêmes", "mismas", "mismos", "gleichen",
       "dieselben", "favo", "gunsten", "faveur", "pocket", "tasche", "poche", "bolsillo"),
      ("move", "chang", "budge ", "budge.", "budge,", "budging", "rise", "go up", "increase", "boug", "augment", "muev", "mover", "cambi", "sube", "subir",
       "bewegt", "ändert", "erhöht", "stay", "remain", "bleib", "reste", "queda", "mantien", "sigue", "seguir", "halten",
       "garantier", "sichern", "frier", "same", "mêmes", "mism", "gleich", "dieselben", "this year", "today", "current",
       "heutig", "aktuell", "actuel", "même", "actual", "pocket", "tasche", "poche", "bolsillo", "favo", "gunsten",
       "faveur"))),
    # what the buyer budgeted declared enough: "whatever you budgeted for the pilot will cover the full rollout"
    # (a budget meeting is not the budget: "the proposal Marcus takes into the budget review covers your 420 trucks")
    (r"(?<!reunión de )(?<!reunión del )(?<!revisión de )(?<!revisión del )(?<!comité de )"
     r"\b(?:budget(?!\w*(?:sitzung|runde|besprechung|review|meeting))\w*|presupuest\w*)\b"
     r"(?!\s+(?:review|meeting|committee|round|cycle|planning|discussion|call|sitzung|runde|besprechung|réunion|revue|"
     r"comité|revisión|reunión))"
     r"[^.;!?\n]{0,40}?\b(?:will cover|covers|reicht|suffira|couvrira|cubrirá|alcanza)\b",
     (("budget", "presupuest"), ("cover", "reicht", "suffira", "couvrira", "cubrir", "alcanza"))),
    # payment put off until an event or the buyer's convenience: "you'll be invoiced only once the last depot is live",
    # "Zahlen Sie erst, wenn ...", "vous ne réglez la facture qu'à la mise en service", "you can pay whenever"
    (r"\b(?:pay|paid|payment|invoice\w*|bill(?:ed|ing)?|charg(?:e|ed|ing)|zahl\w*|bezahl\w*|rechnung\w*|berechn\w*|"
     r"factur\w*|r[eé]gl(?:ez|er|erez|ons|ement)|pag(?:a|ar|ará|ue|uen|o|amos)|cobr\w*)\b[^.;!?\n]{0,40}?"
     r"\b(?:only (?:once|when|after|from)|not (?:until|before)|whenever|when(?:ever)? you(?:'re| are) ready|"
     r"erst(?:,)?\s+(?:wenn|nachdem|ab|bei|mit|sobald|nach)|qu'(?:à|après|une fois|au moment|à partir)|"
     r"seulement (?:à|après|quand|lorsque|une fois)|(?:solo|sólo|únicamente) (?:cuando|después|al|a partir|una vez)|"
     r"cuando (?:usted )?(?:quiera|lo vea|le venga bien))",
     ("only once", "only when", "only after", "only from", "not until", "not before", "whenever", "ready", "erst",
      "qu'à", "qu'après", "qu'une", "qu'au", "seulement", "solo", "sólo", "únicamente", "cuando")),
    # a price that weighs nothing on the budget: "cost-neutral", "à coût constant", "coste neutro"
    (r"\b(?:cost|budget|price)[- ]neutral\b|\bbudgetneutral\w*|\bneutre (?:en (?:coûts?|termes de coûts?|budget)|"
     r"financièrement|budgétairement|pour votre budget)|\bà coût (?:nul|zéro|constant|neutre)\b|\b(?:coste|costo) (?:neutro|cero)\b|"
     r"\bneutr[oa] (?:en|para) (?:costes|costos|el presupuesto|su presupuesto)\b|\bsin impacto en (?:su |el )?presupuesto\b|"
     r"\bwithout (?:any )?impact on (?:your |the )?budget\b|\bsans surcoût\b|\bsin sobrecoste\b",
     ("neutral", "neutre", "neutro", "coût nul", "coût zéro", "coût constant", "coût neutre", "coste cero", "costo cero",
      "impacto en", "impact on", "surcoût", "sobrecoste")),
    # the price gap split with the buyer: "meet you halfway on the price", "couper la poire en deux"
    (r"\bmeet (?:you )?(?:halfway|half-way|in the middle)\b|\bsplit(?:ting)? the difference\b|\bcouper la poire en deux\b|"
     r"\b(?:partir|partimos|partamos|dividir|dividimos)\s+la diferencia\b|\b(?:rencontrer|retrouver|retrouvons)\s+(?:\w+\s+)?"
     r"à mi-chemin\b|\b(?:encontrarnos|quedar|quedamos|vernos)\s+a (?:medio|mitad de) camino\b|"
     r"\b(?:in der mitte|auf halbem weg)\s+(?:\w+\s+){0,2}?(?:treffen|entgegen\w*)|\btreffen\s+wir\s+uns\s+(?:\w+\s+)?"
     r"(?:in der mitte|auf halbem weg)|"
     # a price put below what the buyer spends now: "liegt unter dem, was Sie heute ausgeben", "comes in below what you pay"
     r"\b(?:liegt|liegen|is|comes in|lands|sits|reste|queda|está)\s+(?:\w+\s+)?(?:unter|below|under|en dessous de|"
     r"por debajo de)\s+(?:dem|what|ce que|lo que)\b",
     ("halfway", "half-way", "middle", "difference", "poire", "diferencia", "mi-chemin", "camino", "mitte", "halbem",
      "unter dem", "below what", "under what", "en dessous de ce", "debajo de lo")),
    # extra items carried by a licence the buyer already has: "laufen über die bestehende Lizenz mit", "couverts par la
    # licence existante", "entran con la licencia actual"
    (r"\b(?:covered|cover|covers|included|includes?|rides?|runs?|tags?|go|goes|come|comes|falls?|sits?|stays?|fits?|"
     r"bleiben|bleibt|passen|passt|restent|reste|tiennent|caben|laufen|läuft|fallen|fällt|"
     r"gehen|geht|abgedeckt|enthalten|couverts?|couvertes?|inclus\w*|rentrent|passent|entran|entra|van|va|cubiert\w*|"
     r"incluid\w*|quedan)\b[^.;!?\n]{0,25}?\b(?:by|under|on|with|in|über|unter|mit|im|par|sous|dans|avec|con|bajo|en|por)"
     r"\s+(?:the|your|die|der|ihre[rn]?|la|le|votre|su|sa|l')\s*(?:[\w-]+\s+)?(?:(?:existing|current|present|bestehende\w*|"
     r"aktuelle\w*|vorhandene\w*|jetzige\w*)\s+(?:[\w-]+\s+)?(?:licen[cs]e|lizenz|licencia|subscription|abonnement|"
     r"suscripción|agreement|contract|vertrag|vereinbarung|contrat|accord|contrato|acuerdo)\w*|(?:licen[cs]e|lizenz|licencia|subscription|abonnement|suscripción)\w*\s+(?:existante|actuelle|en cours|"
     r"actual|existente|vigente|you already have|que vous avez|que ya tienen?))\b",
     ("licen", "lizenz", "subscription", "abonnement", "suscripci", "agreement", "contract", "vertrag", "vereinbarung",
      "contrat", "accord", "acuerdo")),
    # a price or renewal kept level in a plain word ("keep the renewal flat", "preislich flach", "à prix constant"), and
    # a payment that comes only at a later moment in French's "ne ... qu'à" ("le premier règlement n'intervient qu'à l'été")
    (r"\b(?:keep|keeping|hold|holding|leave|leaving)\s+(?:the |your |our )?(?:renewal|price|pricing|rate|fee)s?\s+(?:flat|level|"
     r"unchanged|steady)\b|\b(?:renewal|price|pricing|rate)s?\s+(?:stays?|remains?|will stay|will remain|is|are)\s+flat\b|"
     r"\bpreislich (?:flach|gleich|unverändert|konstant)\b|\bà (?:prix|tarif) (?:constant|inchangé|identique)\b|"
     r"\ba (?:precio|tarifa) (?:constante|invariable|idéntic[oa])\b|"
     r"\b(?:règlement|paiement|versement)s?\b[^.;!?\n]{0,40}?\bn['’e]\s?\w+\s+(?:\w+\s+)?qu['’e]\s?(?:à|au|en|"
     r"après|lors|une fois)",
     ("flat", "level", "unchanged", "steady", "preislich", "constant", "inchangé", "identique", "invariable", "idéntic",
      "règlement", "paiement", "versement")),
    # an amount named by how many digits it has or by a round count of thousands: "im mittleren fünfstelligen Bereich",
    # "a low six-figure sum", "autour de la trentaine de milliers", "una cifra de cinco cifras"
    (r"\b(?:five|six|seven|5|6|7)[- ]figures?\b|\b(?:fünf|sechs|sieben)stellig\w*|\bà (?:cinq|six|sept) chiffres\b|"
     r"\bde (?:cinco|seis|siete) cifras\b|\b(?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)s? "
     r"de milliers\b|\b(?:decenas|veintena|treintena|cuarentena|cincuentena) de miles\b|\bcouple of grand\b|"
     # a figure described by its zeros: "eine Drei mit vier Nullen", "a three with four zeros"
     r"\b(?:mit|with|avec|con)\s+(?:zwei|drei|vier|fünf|sechs|two|three|four|five|six|deux|trois|quatre|cinq|dos|tres|cuatro|"
     r"cinco|seis|\d)\s+(?:nullen|zeros|zeroes|zéros|ceros)\b",
     ("figure", "stellig", "chiffres", "cifras", "milliers", "de miles", "grand", "nullen", "zero", "zéro", "cero")),
    # the price equated to an everyday cost ("le sale por lo mismo que un depósito de gasoil", "costs the same as")
    (r"\b(?:cost(?:s|ing)?|cost you|comes? (?:out )?to|works out (?:at|to)|sale por|cuesta|kostet|coûte|revient à)\b"
     r"[^.;!?\n]{0,25}?\b(?:the same as|as much as|less than|no more than|so viel wie|weniger als|autant que|moins que|"
     r"moins qu'|le prix d'un|lo mismo que|menos que|igual que)(?:\b|(?<='))|"
     # cheaper than an everyday thing or another offer: "works out cheaper than a tank of diesel"
     r"\b(?:is|comes(?: out)?|works out|ist|kommt|est|revient|es|sale|resulta)\s+(?:\w+\s+)?(?:cheaper|günstiger|billiger|"
     r"moins cher|más barato|más económico)\s+(?:than|als|qu|que)\b|"
     # what we sell said to cost less than something, whatever the verb: "it'll work out cheaper than a tow a month"
     r"\b(?:it|it'll|it's|this|we|our|ours|the (?:platform|app|plan|licen[cs]e|subscription|solution)|es|das|cela|ça|"
     r"nous|nuestr[oa]|lo)\b[^.;!?\n]{0,25}?\b(?:cheaper|less expensive|günstiger|billiger|preiswerter|moins cher|"
     r"moins onéreu\w*|más barat[oa]|más económic[oa]|more affordable|erschwinglicher|plus abordable|más asequible)\s+"
     r"(?:than|als|qu|que)\b",
     ("cost", "comes to", "works out", "sale por", "cuesta", "kostet", "coûte", "revient", "cheaper", "günstiger",
      "billiger", "moins cher", "más barato", "más económico", "less expensive", "preiswerter", "onéreu", "más barata",
      "más económica", "affordable", "erschwinglicher", "abordable", "asequible")),
))
"""Price concessions no discount word names (wave 13, the next attacker's probes), each with the substrings it needs:
arithmetic on the price, an increase taken away, a gesture on the price, a gap absorbed, price matching by any word
for a figure, a price rounded down, an old price applied, paying for part of what is bought."""


_CUES = ("pauschale", "miete", "rent", "loyer", "alquiler", "carencia", "gracia", "grace", "holiday", "payment", "karenz", "zahlungs", "tilgungs", "grâce", "différé",
         "sin pag", "sin cuot", "franchise", "mois sans", "fee", "charge", "setup", "set-up", "frais", "gebühr", "einrichtung", "bereitstellung", "cargo", "tarifa",
         "comisi", "cuota", "coste", "waiv", "drop", "scrap", "remov", "strike", "streich", "erlass", "supprim", "annul",
         "elimin", "suprim", "absorb", "cover", "eat", "pick up", "take on", "übernehm", "trag", "assum",
         "asum", "cubr", "nachlass", "lass", "runtergeh", "price", "rate", "preis", "tarif", "prix", "precio", "tisch")
"""A word one of the concessions needs (as a substring of the lower-cased text)."""
_OFFER_CUES = ("price", "pricing", "offer", "quote", "rate", "discount", "terms", "preis", "angebot", "konditionen", "prix",
               "offre", "tarif", "devis", "remise", "precio", "oferta", "descuento", "condiciones")
_OWN_CUES = {
    OFFER_EXPIRY: ("valid", "availab", "stands", "holds", "expir", "runs out", "good until", "good through", "gilt",
                    "gültig", "verfällt", "läuft", "valable", "disponible", "válid", "vigente", "vence", "caduca"),
}


def _gated(low: str, cues: tuple[Any, ...]) -> bool:
    """Whether `low` has a cue of the tuple, or, for a tuple of tuples, one cue of each."""
    if cues and isinstance(cues[0], tuple):
        return all(any(cue in low for cue in group) for group in cues)
    return any(cue in low for cue in cues)


_PRICE_WORDS = ("an amount let off the price", "the price moved")
"""The concessions a sentence that declines a lower price answers (agents.declined_prices); a fee removed or a payment
holiday beside a declined price is still given."""


def concession_violations(text: str) -> list[str]:
    """Concessions the discount and promise words miss, each named by what it gives away."""
    out: list[str] = []
    low = text.lower()
    older = any(cue in low for cue in _CUES)
    expiry = any(cue in low for cue in _OWN_CUES[OFFER_EXPIRY]) and any(cue in low for cue in _OFFER_CUES)
    moved = [pattern for pattern, cues in _PRICE_MOVES if _gated(low, cues)]
    if not (older or expiry or moved):
        return out  # most texts: none of the words any of these concessions needs
    for pattern, what, needed in ((_FEE_REMOVED, "a fee removed", older),
                                  (_TAX_TAKEN, "a tax or charge taken on by us", older),
                                  (_GIVE_OFF_DE, "an amount let off the price", older),
                                  (_ANOTHER_PRICE, "one offer at another's price", older),
                                  (_PAYMENT_HOLIDAY, "a period with nothing to pay", older),
                                  (OFFER_EXPIRY, "an expiry on an offer", expiry),
                                  *((pattern, "the price moved", True) for pattern in moved)):
        if not needed:
            continue
        # wave 30 (set 39's de-g8): "Über einen Nachlass haben wir nicht gesprochen" denies one (agents.denied_discounts);
        # wave 32: the sentence as denied_at cuts it, so the point of "36.000 EUR" ends none
        # wave 34 (set 43's de-g9): "Falls nach einem Nachlass gefragt wird: der Preis bleibt" declines one
        m = next((m for m in pattern.finditer(text)
                  if not (pattern is _GIVE_OFF_DE and denied_at(text, m.start()))
                  and not (what in _PRICE_WORDS and declined_price_at(text, m.start()))
                  # wave 41 (set 53's en-g8): "the price stays the same" as in the proposal the record holds
                  and not (what == "the price moved" and kept_as_proposed_at(text, m.start(), m.group(0)))), None)
        if m:
            out.append(f"promise outside policy ({what}): {m.group(0).strip()!r}")
    return out

