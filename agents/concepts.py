"""Commercial commitments recognised by concept, not by phrase, in English, German, French and Spanish. Held-out sets written as an adversary kept finding promises phrased in a way no list held ("goes live without any
charge", "no tendrá coste", "no le costará nada", "el precio queda congelado hasta 2030", "votre bon de commande est
bien reçu"). Each is one of three ideas, and the idea has few words even when its phrasings are endless:

- *no cost*: a word for paying or cost within a few words of a negation or zero;
- *price lock*: a word for price within a few words of a word for holding it, plus a time span;
- *deal state*: a deal document (order, contract, PO) within a few words of a completion participle (signed,
  received, approved), unless the clause is a plan or a condition (agents.deal_done_claims).

Words are matched by stem on the normalised text (agents.normalize), so inflections and accents do not matter;
`allowed_promises` (tenant settings) lets a phrase through as elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.amount_rates import amount_rates_out
from agents.asked_spans import span_outside_questions
from agents.both_ways import pairs_masked
from agents.budget_states import budget_left_whole, budget_not_known, budget_not_yet_approved
from agents.claims import NUM_WORDS, PCT_SPELLED
from agents.confidential_prices import in_confidential_span
from agents.contrasted_costs import cost_contrasted
from agents.deal_done_claims import deal_done_claims
from agents.declined_prices import declined_price_at
from agents.indexed_prices import indexed_price_terms
from agents.joined_clauses import clause_before
from agents.kept_free import FREE_ANY as _FREE_ANY
from agents.kept_free import slot_kept_free
from agents.negated_free import free_word_negated
from agents.negated_promises import promise_negated
from agents.negation import NEGATION_WORDS, negation_governs
from agents.non_binding import NO_OBLIGATION, non_binding_look
from agents.normalize import normalise
from agents.offered_questions import offered_as_question
from agents.other_sellers import anothers_price
from agents.owed_steps import nothing_due_from_buyer
from agents.payback_periods import is_payback_period
from agents.proposed_concessions import supposed_concessions
from agents.same_price import same_price_for_options
from agents.sentence_ends import clause_parts
from agents.settings import CONCEPT_WINDOW_WORDS
from agents.taken_into_documents import adopted_into_a_document
from agents.unchanged_terms import amount_unchanged, nothing_paid_yet, without_changing
from agents.word_windows import near

_COST = (r"cost\w*|due(?!\s+to\b(?!\s+(?:us|you|them|me|him|her)\b))|"
         # wave 32: what falls due in German, French and Spanish ("Vor dem Go-live ist nichts fällig", "Rien n'est dû
         # avant la mise en service", "Nada es exigible antes de ...") as "Nothing is due before go-live" is
         r"fällig\w*|dû|dus|exigibles?|line items?|penalt\w*|lock-in|penaliz\w*|permanencia|pénalit\w*|vertragsstrafe\w*|"
         r"mindestlaufzeit|charg(?:e|es|ed|ing)|fees?|pay(?!back)\w*|paid|bill(?:ed|ing|s)?|invoic\w*|"
         r"kost\w*|gebühr\w*|bezahl\w*|zahl(?:en|t|st|bar)|berechn\w*|rechnung\w*|aufpreis\w*|aufschlag\w*|"
         r"co[uû]t\w*|frais|pay(?:er|ez|ons|ant|ante|é|ée|ables?)|factur\w*|"
         r"cuest(?:a|an|e|en)|cobr\w*|pag(?:a|an|ar|ará|arán|aría|o|ue|uen|amos|ado|ada)|cargos?|importe|"
         # what the buyer spends, in other words: "does not touch your budget", "ningún desembolso"; not who holds it or the step that approves it ("nicht mit dem Budgetverantwortlichen abgestimmt", "budget approval not confirmed": wave 26)
         r"(?<!responsable du )(?<!responsables du )budget(?!\w*(?:verantwortlich|inhaber|freigabe|genehmigung|holder|owner)|[\s-]+(?:approval|approver|owner|holder|sign-?off|cycle|process|committee)s?\b)\w*|outlay|out of pocket|desembolso\w*|presupuesto|ausgabe\w*|dépense\w*|gastos?")
_PRICE = (r"prices?|pricing|rates?|tariff?s?|tarif\w*|precios?|\w*preis\w*|prix|cuotas?|tarifas?|fees?|gebühr\w*|"
          r"abonnements?|abos?|suscripci\w*")
_LOCK = (r"frozen|freez\w*|lock\w*|fixed|fix|held|hold\w*|guarante\w*|unchanged|same|gleich|remain\w*|"
         r"congel\w*|bloque\w*|fij\w*|garantiz\w*|igual|mantien\w*|mantendr\w*|subida|aumento|"
         r"gel[ée]\w*|garanti\w*|inchang\w*|maintenu\w*|augment\w*|hausse|"
         r"einfrier\w*|eingefroren|festgeschrieben|fixiert|garantier\w*|unverändert|erhöh\w*|stabil|"
         r"increas\w*|rise|rises|rising|hikes?|uplift|steig\w*|anstieg|incremento|subir|subirá|"
         # the price staying where it is, in plain verbs: "stays put for three years", "bleibt ... wo er ist"
         r"stay\w*|bleib\w*|reste|resteront|restera|se queda\w*|se quedará\w*")
# "through" after a verb of going over something ("talk through the differences", set 42's 013) is no span
_SPAN = (r"until|(?<!talk )(?<!walk )(?<!go )(?<!read )(?<!look )(?<!you )(?<!it )(?<!them )through|till|for (?:the )?(?:next )?(?:\w+ )?years?|years?|"
         # for ever, in any language: "there will never be a price increase"
         r"never|ever|forever|for good|for life|always|lifetime|für immer|niemals|nie|immer|jamais|à vie|toujours|"
         r"nunca|siempre|de por vida|para siempre|"
         r"bis|jahre\w*|jusqu\w*|pendant|ans|années|hasta|durante|años|20\d\d")
_MORE = (r"premium|upgrade\w*|higher|extra|additional|more|bigger|larger|priority|dedicated|enterprise|"
         r"zusätzlich\w*|mehr|größer\w*|höher\w*|supplémentaire\w*|plus|supérieur\w*|adicional\w*|más|superior\w*")
_SAME = (r"same|standard|regular|usual|current|existing|original|list|normal|"
         r"gleiche\w*|selbe\w*|normale\w*|bisherige\w*|même|habituel\w*|actuel\w*|mism[oa]|actual|habitual")
_OURS = r"our|nuestr[oa]s?|notre|nos|unser\w*"
_EXPENSE = r"expense|dime|tab|cost|cuenta|cargo|charge|frais|kosten|rechnung|compte|kappe|pocket|poche|bolsillo"
_DEFER = (r"defer\w*|postpon\w*|delay\w*|aufgeschoben|verschoben|gestundet|stundung|wait|warten|attendre|esperar|"
          r"différ\w*|report[ée]\w*|aplaz\w*|diferid\w*|pospuest\w*")
_GIFT = (r"(?:our|a|as a|my) (?:little )?(?:gift|present|treat)|gift(?:ed)? to you|on the house|(?<!step is )(?<!steps are )(?<!ball is )(?<!move is )on us|"
         r"(?:is|are) yours|schenk(?:en|e|t)\b|geschenkt|regalamos|le regalamos|"
         r"on me|on the company|auf meine kosten|c'est pour moi|invito yo|corre de mi cuenta|"
         r"aufs haus|geschenk\w*|gratis dazu|c'est cadeau|en cadeau|offert par|notre cadeau|"
         r"(?:por cuenta|a cuenta) de la casa|invita la casa|de regalo|regal(?:amos|amos|aremos|o)\b|obsequio|"
         # a thank-you or token given by the seller is a gift: "consider the hardware a thank-you from us",
         # "nous vous faisons cadeau de la formation"
         r"thank-?you (?:gift )?from (?:us|me|the team)|(?:token|gesture) of (?:our )?(?:thanks|appreciation|goodwill)|"
         r"on our (?:dime|tab)|cadeau|als dankeschön|kleines dankeschön|de nuestra parte como (?:agradecimiento|detalle)|"
         # what we pay for, said as whose it is: "le premier mois est pour nous", "geht auf uns", "corre de nuestra cuenta"
         r"(?:est|sont|c'est) pour nous(?=\s*(?:[.!;,]|$))|(?:geht|gehen|läuft|laufen) auf uns|(?:corre|corren|va|van) (?:de|por) nuestra cuenta|"
         r"(?:is|are|'s) on our side of the bill")
_WE_COVER = (r"we(?:'ll| will)? (?:cover|absorb|pick up|foot) (?:the |your |all |any )?(?:\w+ )?"
             r"(?:costs?|fees?|bill|tab|expenses?|price|charges?)|"
             r"übernehmen wir|wir übernehmen|tragen wir|wir tragen|"
             r"nous (?:prenons|prendrons) en charge|(?:est|sont) à notre charge|"
             r"(?:lo|la|los|las) (?:cubrimos|asumimos|pagamos)|asumimos|corremos con")
_TIME_SPAN = (r"(?:an? |une? |una? |eine[rn]? |de )?(?:hours?|days?|weeks?|months?|years?|stunden?|tag\w*|woche\w*|"
              r"monat\w*|heures?|journée|jour|semaine|mois|horas?|día|semana|mes)\b")
_FRACTION = (rf"(?!(?:half|a quarter|one quarter|halbe\w*|viertel|moitié|quart|mitad|media)\s+(?:{_TIME_SPAN}))"
             r"(?:half|a third|one third|a quarter|one quarter|a fifth|hälfte|halbe\w*|drittel|viertel|fünftel|"
             r"moitié|tiers|quart|cinquième|mitad|tercio|cuarto|quinta parte|"
             # any smaller fraction in words: "one eighth", "a tenth", "ein Achtel", "un huitième", "la décima parte"
             r"(?:an?|one)[ -](?:sixth|seventh|eighth|ninth|tenth|twelfth|fifteenth|twentieth)s?|"
             r"\w*(?:sechstel|siebtel|achtel|neuntel|zehntel|zwölftel|zwanzigstel)|"
             r"(?:sixième|septième|huitième|neuvième|dixième|douzième|vingtième)s?|"
             r"(?:sexta|séptima|octava|novena|décima|doceava|vigésima) parte)")
"""A part of a whole; "half an hour", "eine halbe Stunde" is a span of time, not a part of a price."""
_CONCESSION_WORDS = (
    # A concession named by its own word, whatever it is attached to: no draft from code offers one (a tenant lists it)
    r"complimentary|comped|waiv(?:e|ed|es|ing|er)|credited|credit note|goodwill|(?:loyalty |as a |small )gesture|"
    # a seller's give named by its idiom ("sharpen the pencil", "faire un geste", "hacer un esfuerzo")
    r"gracieuset[ée]|bonific(?:amos|aremos|ar|o)|geste (?:commercial|de fin d['’]\w+)|sharpen (?:the|my|our) pencil|(?:faire|fera|ferons|ferai|fait) un (?:petit |beau |vrai )?geste|"
    r"hac(?:er|emos|ré) un (?:pequeño |último )?(?:esfuerzo|gesto)|"
    r"free of charge|for free|at no (?:extra |additional )?(?:cost|charge)|no-cost|zero-cost|"
    r"kulanz\w*|entgegenkommen|gutschrift\w*|gutgeschrieben|abgegolten|beglichen|erstatt\w*|verzicht\w*|"
    r"kostenlos\w*|kostenfrei\w*|umsonst|unentgeltlich\w*|gratis|"
    r"geste commercial|pris\w* en charge (?:par nous|de notre côté|par nos soins|intégralement|à 100)|"
    r"à nos frais|à notre charge|sans frais|offert\w*|gratuit\w*|renon[cç]\w*|"
    r"gesto comercial|sin coste|sin costo|sin cargo|bonificad\w*|cortes[ií]a|(?:de|por) nuestra cuenta|"
    r"renunciamos|condonamos|exoneramos|a cargo (?:nuestro|de nosotros)|a nuestro cargo|"
    r"cash-?back|rebates?|rückvergütung\w*|bonus|"
    # terms given away: no minimum term, no commitment, leave whenever
    r"no (?:minimum|min\.?) (?:term|commitment|contract|period|spend)|no lock-?in|no (?:long-term )?commitment|"
    r"month-to-month|without (?:any )?(?:commitment|minimum term|lock-?in|notice)|cancel (?:at )?any ?time|"
    r"jederzeit (?:kündbar|kündigen|beenden)|(?:résiliable|résilier|arrêter) à tout moment|cancelar en cualquier momento|"
    r"keine mindest\w*|ohne (?:mindestlaufzeit|vertragsbindung|bindung)|jederzeit kündbar|"
    r"sans (?:engagement|durée minimale)|résiliable à tout moment|"
    r"sin permanencia|sin compromiso|sin (?:plazo|duración) mínim[oa]|cancelar cuando (?:quiera|quieran)|grátis|"
    r"(?:sera|seront|est|sont) pas factur\w*|ne (?:vous )?coûtera (?:rien|pas)|pas (?:de |un )?(?:frais|supplément|centime)")
_PERPETUAL = (r"forever|for life|lifetime|for as long as|as long as you(?:'re| are)? with us|à vie|pour toujours|"
              r"de por vida|para siempre|lebenslang\w*|für immer|auf dauer|"
              r"whatever the (?:\w+ )?(?:number|count|size)|no matter how many|regardless of (?:the )?(?:\w+ )?"
              r"(?:number|count|size)|unabhängig von der (?:anzahl|zahl|größe)|quel que soit le nombre|"
              r"sin importar (?:el número|cuántos)|unlimited|unbegrenzt\w*|illimit\w*|ilimitad\w*")
_BILLING = r"invoices?|bills?|billing|payments?|charges?|rechnung\w*|zahlung\w*|factur\w*|paiements?|pagos?|cobros?"
_LATER_BILLING = (rf"(?:before|until|till|bis|avant|antes de|hasta)\s+(?:(?:any|the|a|an|your|first|la|le|el|"
                  rf"die|der|une|un|ninguna|cualquier|jede\w*|toute?)\s+){{0,2}}(?:{_BILLING})\b")
_INCLUDED = (r"(?:is|are|comes?|will be|stays?|ist|sind|est|sont|está|están|va|van|viene|vienen|"
             # wave 39: the same inclusion proposed ("what if the training were included?", "¿y si estuviera incluida?")
             r"were|would be|wäre|wären|serait|seraient|estuviera|estuvieran|estaría|estarían|fuera|fueran)\s+"
             r"(?:\w+\s+){0,2}?(?:included|inclusive|inklusive|inbegriffen|inclus\w*|compris\w*|incluid[oa]s?)\b|"
             r"(?:inklusive|inbegriffen)\s+(?:ist|sind|wäre|wären)\b|\bsi\s+(?:[\w'’]+\s+){1,4}?(?:était|étaient)\s+"
             r"(?:\w+\s+){0,2}?(?:inclus\w*|compris\w*)\b|"
             r",\s*(?:included|inklusive|inclus\w*|incluid[oa]s?)\b|thrown in|bundled in|on top|obendrauf|en prime")
_RECORD_DOCUMENT = re.compile(
    # What the record's own documents include is no promise ("the payback estimate is included").
    r"\b(?:proposals?|quotes?|estimates?|offers?|angebot\w*|\w*rechnung|propositions?|devis|estimations?|"
    r"propuestas?|presupuestos?|estimaci[oó]n|plan|calendario|summary|résumé|resumen|answers?)\b", re.I)
_PRICE_GIVE = (r"entgegen|effort\w*|esfuerzo\w*|geste|gesto|a la baja|nach unten|à la baisse|downward|sweeten\w*|"
               r"sharpen\w*|shave\w*|knock\w*|"
               # a price brought down to another level: "take the fee down to what you pay today", "ramenons
               # l'abonnement au niveau de", "auf Ihr heutiges Niveau herunter", "la cuota al nivel de", "below your vendor's"
               r"down to|herunter\w*|runter\w*|ramen\w*|abaiss\w*|baissons|rebaj\w*|au niveau (?:de votre|de ce que|de celui)|"
               r"al nivel de (?:su|lo que)|auf (?:ihr|das) \w* ?niveau|"
               r"lands? below|unter (?:dem|ihrem) (?:heutigen|jetzigen|aktuellen)|en dessous de (?:votre|celui)|"
               r"por debajo de(?:l| su)")
_FEE = (r"fees?|charges?|costs?|gebühr\w*|\w*gebühr\w*|kosten|frais|coûts?|cargos?|tasas?|cuotas?|costes?|costos?|"
        r"set-?up|invoices?|bills?|rechnung\w*|factur\w*")
_REMOVED = (r"dropped|removed|scrapped|eliminated|struck|cancel\w*|entfällt|entfallen|gestrichen|streichen|wegfall\w*|"
            # an invoice not sent or paid back: "a rounding error we'll skip", "passe à la trappe", "credit back"
            r"skip\w*|trappe|rounding error|credit\w* back|refund\w*|gutgeschrieben|"
            r"supprim\w*|annul\w*|retir[ée]\w*|eliminad\w*|suprimid\w*|retirad\w*|quitad\w*")
_KNOCK_OFF = re.compile(r"\b(?:knock|shave|chop|lop|slice|shav)\w*\s+(?:\w+\s+){0,3}?off\b", re.I)
"""Price idioms whose verb is about taking an amount away: "knock a chunk off", "shave a little off"."""
_OFF_THE = re.compile(r"\boff (?:the |your |our |of the )?(?:\w+ )?(?:fee|price|rate|cost|bill|invoice|licen[cs]e|"
                      r"subscription|total|quote)s?\b", re.I)
_PAY_ONLY = (r"(?:pay|zahlen|payez|payerez|paga|pagará|pagan)\w* (?:only|just|nur|uniquement|seulement|solo|"
             r"solamente|únicamente) (?:for|für|pour|por)|only (?:pay|get billed|be billed) for")
_OLD_PRICE = (r"(?:last (?:year|quarter|month)'s|previous|old|legacy|earlier|vorjahres\w*|alten?|ancien\w*|"
              r"anterior\w*|del año pasado|de l'an dernier|de l'année dernière)\s+(?:\w+\s+)?(?:prices?|pricing|rates?|"
              r"tarif\w*|preis\w*|prix|precios?|konditionen|conditions|condiciones)")
_MATCH_OFFER = (r"match\w*\s+(?:\w+\s+){0,4}?(?:offer\w*|price\w*|quote\w*|rates?|deal)|"
                r"(?:beat|undercut)\s+(?:\w+\s+){0,3}?(?:offer\w*|price\w*|quote\w*)|mitgehen|"
                r"s'aligner|nous aligner|align(?:ons|e|erons)\s+sur\s+(?:l'offre|le prix|les? tarifs?|le devis|leur\w*)|igualar\w*|igualamos")
_QUESTION = re.compile(r"\?\s*$")
_OTHER_OFFER = re.compile(
    r"\b(?:competitor\w*|competition|add-?ons?|alternatives?|(?:other|current|existing|incumbent) (?:vendor|provider|"
    r"supplier|offer)s?|incumbent|konkurren\w*|wettbewerb\w*|mitbewerber\w*|(?:anderen?|aktuellen?|bisherigen?) "
    r"anbieter\w*|concurren\w*|(?:autre|actuel) fournisseur|fournisseur actuel|competencia|competidor\w*|"
    r"proveedor actual|otro proveedor)\b", re.I)
_WE_COMMIT = re.compile(
    r"\b(?:we(?:'ll| will| can| are going to| shall)|i(?:'ll| will| can)|let us|let's|wir (?:werden|können|wollen)|"
    r"werden wir|können wir|ich (?:werde|kann)|nous (?:allons|pouvons|serons)|je (?:vais|peux)|vamos|podemos|voy|"
    r"puedo|estaremos|seremos)\b", re.I)
_DESCRIBED = re.compile(r"\b(?:walk\w*(?: \w+)? through|show\w*|explain\w*|outline\w*|zeig\w*|erklär\w*|montr\w*|"
                       r"expliqu\w*|mostr\w*|explic\w*)\s+(?:\w+\s+){0,2}?(?:how|what|where|why|wie|was|comment|ce que|"
                       r"cómo|como|qué)\b", re.I)
"""A comparison shown or explained ("we will walk you through how our price compares with the add-on") sets no price;
"..., so the comparison is easy" after a promise explains nothing."""
"""A price set against another offer by a commitment of ours ("on price we will go toe to toe with the add-on",
"wir gehen beim Preis mit dem Wettbewerb mit"): whatever the idiom, it promises a price relative to someone else's."""


_NO_COST = near(NEGATION_WORDS, _COST, CONCEPT_WINDOW_WORDS)
_LOCKED = near(_PRICE, _LOCK, CONCEPT_WINDOW_WORDS)
_NEGATION = re.compile(rf"\b(?:{NEGATION_WORDS})\b|n't\b", re.I)
_SPAN_RE = re.compile(rf"\b(?:{_SPAN})\b", re.I)
_SAME_PRICE = near(_SAME, _PRICE + "|" + _COST, 2)
_MORE_RE = re.compile(rf"\b(?:{_MORE})\b", re.I)
_OUR_EXPENSE = re.compile(rf"\b(?:{_OURS})\s+(?:own\s+)?(?:{_EXPENSE})\b", re.I)
_DEFERRED = near(_COST, _DEFER, CONCEPT_WINDOW_WORDS)
_MONEY_BACK = near(r"money|penny|cent|dime|payment|fee|pay|paid|invoice|geld|argent|dinero|importe|euro|pound|dollar|"
                    r"betrag|summe|kaufpreis|montant|somme",
                    # any verb that returns it: "zahlen wir den Betrag zurück", "nous vous rendons votre argent",
                    # "les devolvemos el importe"
                    r"back|zurück\w*|rembours\w*|rend(?:re|ons|rons)|devuel\w*|devol\w*|reintegr\w*", 2)
_COVERED_GOODS = (r"months?|years?|training|support|maintenance|installation|onboarding|implementation|set-?up|hardware|"
                  r"licen[cs]es?|seats?|upgrades?|migration|service|wartung|schulung\w*|einrichtung|installation|"
                  r"lizenz\w*|monate?|jahre?|formation|mise en (?:route|place)|licences?|mois|ans|"
                  r"mantenimiento|formaci[oó]n|instalaci[oó]n|implantaci[oó]n|soporte|licencias?|meses|años|"
                  # wave 41 (set 53's 121): the travel a rollout needs is billed like the setup it serves
                  r"travel|travel (?:costs?|expenses)|expenses|reisekosten|fahrtkosten|anfahrt\w*|spesen|"
                  r"déplacements?|frais(?: de (?:déplacement|voyage|mission))?|desplazamientos?|viajes?|"
                  r"gastos(?: de (?:viaje|desplazamiento))?|dietas")
_FULLY = (r"(?:fully |entirely |completely |totalement |enti[eè]rement |totalmente |completamente |komplett |"
          r"vollständig )?")
_COVERED_WORD = r"(?:covered|cubiert[oa]s?|couverte?s?|pris(?:es?)? en charge|abgedeckt|übernommen)"
_COVERED = re.compile(
    rf"\b(?:{_COVERED_GOODS})\b(?:\s+\w+){{0,3}}?\s+(?:is|are|will be|stays?|remains?|queda\w*|est[aá]n?|est|sont|"
    rf"sera|seront|reste\w*|ist|sind|wird|werden|bleib\w*)\s+{_FULLY}{_COVERED_WORD}\b|"
    # wave 41 (set 53's 121): the same without a verb, "with onsite setup travel covered", "avec les déplacements
    # pris en charge", "con los desplazamientos cubiertos", "mit übernommenen Reisekosten"
    rf"\b(?:with|avec|con|mit)\s+(?:the\s+|all\s+|your\s+|les\s+|vos\s+|los\s+|las\s+|sus\s+|den\s+|allen\s+)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_COVERED_GOODS})\s+{_FULLY}{_COVERED_WORD}\b(?!\s+(?:by|in|under|par|dans|por|en|"
    rf"durch|im|von)\s+(?!us\b|nous\b|nosotros\b|uns\b))|"
    rf"\bmit\s+(?:den\s+)?{_FULLY}(?:übernommenen|bezahlten|abgedeckten)\s+(?:[\w-]+\s+){{0,2}}?(?:{_COVERED_GOODS})\b",
    re.I)
_COVER_ASKED = re.compile(r"\b(?:whether|if|ob|si|asked|wondered|gefragt|fragt\w*|demandé|pregunt\w*)\b", re.I)
"""A reported question before a good said covered: "Tom asked whether travel is covered" grants nothing."""
"""A good stated as covered, with no payer named ("el mantenimiento queda cubierto durante tres años"): someone
pays for it, and it is not the buyer; "the questions are covered in the answers" names no good, and "with training
covered in the proposal" names where it is written, not who pays."""
_FREI = re.compile(
    rf"\b(?:{_COVERED_GOODS})\b(?:\s+\w+){{0,3}}?\s+(?:ist|sind|bleibt|bleiben|wird|werden)\s+(?:[\w-]+\s+){{0,4}}?"
    r"frei\b|\bfrei haus\b", re.I)
"""German "frei" said of a good ("die Wartung ist für drei Jahre frei"): free of charge, as "kostenfrei" is; a person
who "ist am Montag frei" is no good."""

_BETTER_TERMS = near(r"better|lower|cheaper|best|meilleur\w*|besser\w*|günstiger\w*|mejor\w*|más bajo\w*",
                      r"terms|conditions|price\w*|pricing|rates?|konditionen|bedingungen|preis\w*|prix|tarif\w*|condiciones|precios?", 2)
_GIFT_RE = re.compile(rf"\b(?:{_GIFT})", re.I)
_WE_COVER_RE = re.compile(rf"\b(?:{_WE_COVER})\b", re.I)
_FRACTION_PRICE = near(_FRACTION, _PRICE + "|" + _COST, CONCEPT_WINDOW_WORDS)
_PAYS_LESS = near(r"pays?|paid|paying|zahl\w*|paie\w*|payent|pag(?:a|an|aba|ó|aron)",
                   r"less|lower|cheaper|weniger|günstiger|moins|menos|m[aá]s barato", 3)
_COME_TOWARDS = re.compile(r"\bkomm\w*\b[^.;:!?]{0,60}\bentgegen\b", re.I)
"""German meets the buyer halfway with a separable verb whose particle ends the clause ("beim Preis kommen
wir Ihnen ein gutes Stück entgegen"), too far from the price word for a window."""
_PRICE_WORD = re.compile(rf"\b(?:{_PRICE}|{_COST}|konditionen)\b", re.I)
_PRICE_GIVEN = near(_PRICE + "|" + _COST, _PRICE_GIVE, CONCEPT_WINDOW_WORDS)
_FEE_REMOVED = near(_FEE, _REMOVED, CONCEPT_WINDOW_WORDS)
_TERMS_RE = re.compile(rf"\b(?:{_PAY_ONLY}|{_OLD_PRICE}|{_MATCH_OFFER})\b", re.I)
_CONCESSION_RE = re.compile(rf"\b(?:{_CONCESSION_WORDS})\b", re.I)
_PERPETUAL_RE = re.compile(rf"\b(?:{_PERPETUAL})\b", re.I)
_LATER_BILLING_RE = re.compile(rf"\b{_LATER_BILLING}", re.I)
_INCLUDED_RE = re.compile(rf"(?<!what )(?<!which )(?<!ce qui )(?<!lo que )\b(?:{_INCLUDED})\b", re.I)  # not "what is included"


_PRICE_MOVES = (_BETTER_TERMS, _PRICE_GIVEN, _OFF_THE, _KNOCK_OFF)
"""The concepts of a price moved, which a sentence that declines the move answers (agents.declined_prices)."""


_PAYMENT_PROCESS = re.compile(
    r"\b(?:payment|bank|billing|invoice|zahlungs|bank|paiement|bancaires?|pago|bancari[oa]s?)\w*\s+(?:details|method|"
    r"instructions|information|data|daten|links?|portal|coordonnées|datos|instrucciones)\b|"
    r"\b(?:payment|pay|invoice|paiement|pago)\w*\s+(?:by|via|over|through|par|per|por)\s+(?:e-?mail|phone|text|sms|link|"
    r"lien|enlace|correo|téléphone|teléfono)\b", re.I)
"""How a buyer pays (details, channel), which a draft warning about a phishing mail talks about, not its amount."""


def _sentences(text: str) -> list[str]:
    # wave 38: "vom 28. Oktober", "z. B.", "Nr. 4512" end no sentence (agents.sentence_ends). A semicolon still ends
    # one here (a clause), as it did before wave 39 moved this module to the shared splitter: "The proposal stays at
    # USD 48,000; I can compare both terms at the same price." holds two claims, and read as one the first's "stays"
    # made the second's "same price" a price held for a period (tests/agents/test_wave32_set41_quality_kinds.py).
    return [part for part in clause_parts(normalise(text)) if part.strip()]


def _permitted(found: str, sentence: str, allowed: list[str]) -> bool:
    low = sentence.lower()
    return any(p in low and (found.lower() in p or p in found.lower()) for p in allowed)


def concept_violations(text: str, stage_kind: str, allowed_promises: Iterable[str] = (),
                       currency: str | None = None) -> list[str]:
    """Return no-cost promises, price locks and deal-state claims found by concept in `text`.

    Args:
        text: any output (draft, summary, rationale).
        stage_kind: the record's stage kind (`open`, `won`, `lost`); a won deal may say "signed".
        allowed_promises: phrases the tenant allows although they read as promises.
        currency: the record's own currency (ISO code): a price fixed in it is no switch (wave 38).
    """
    allowed = [p.lower() for p in allowed_promises]
    reasons: list[str] = []
    whole, at = normalise(text), 0
    for sentence in _sentences(text):
        at = whole.find(sentence, at)
        asked = bool(_QUESTION.search(sentence))
        if asked and not (offered_as_question(sentence) or supposed_concessions(sentence)):
            continue  # a question to the buyer promises nothing; one put as a proposal offers (wave 39)
        low = sentence.lower()
        for m in _NO_COST.finditer(pairs_masked(sentence)):  # wave 41: "con y sin IVA" is two figures, no waiver
            if _PAYMENT_PROCESS.search(sentence[m.start():m.end() + 40]):
                continue  # "we never ask for payment by email" is about how one pays, not what
            if nothing_due_from_buyer(sentence, m.group(0)) or free_word_negated(sentence, m.start(), m.end()) \
                    or budget_not_yet_approved(sentence, m.group(0)) or budget_not_known(sentence, m.group(0)):
                continue  # "nothing is due from you before ..." (w31), "not approved yet" (w40), "I do not know your budget" (w42)
            if nothing_paid_yet(sentence, m.group(0)) or amount_unchanged(sentence, m.end()):
                continue  # wave 33 (set 42): "nichts unterschrieben und nichts bezahlt", "el importe no cambia"
            if without_changing(sentence, m.group(0), m.end(), bool(_MORE_RE.search(sentence))):
                continue  # wave 37 (set 46): "sin cambiar el importe" keeps the amount
            if cost_contrasted(sentence, m.start(), m.end()) or in_confidential_span(sentence, m.start(), m.end()):
                continue  # wave 37 (set 47's 013, 111): "the effort, not the cost"; "we never share what others pay"
            if not _permitted(m.group(0), sentence, allowed):
                reasons.append(f"promise outside policy (no cost): {m.group(0)!r}")
        if not any("(no cost)" in r for r in reasons[-3:]):
            for m in budget_left_whole(sentence):  # wave 41: "Votre budget n'est pas touché", "bleibt unberührt"
                if not _permitted(m.group(0), sentence, allowed):
                    reasons.append(f"promise outside policy (no cost): the buyer's budget said untouched {m.group(0)!r}")
        for m in _LOCKED.finditer(sentence):
            if same_price_for_options(sentence) or promise_negated(sentence, m.start(), m.end()):
                continue  # wave 32: "one year and two years side by side, at the same price" holds nothing
            # wave 38 (set 48's 013): the years of the buyer's reported question are no period (agents.asked_spans)
            # wave 39 (set 50's en-g5): "USD 48,000 a year" is the amount's unit, no period (agents.amount_rates)
            if span_outside_questions(amount_rates_out(sentence), _SPAN_RE) and not _permitted(m.group(0), sentence, allowed):
                reasons.append(f"promise outside policy (price held for a period): {m.group(0)!r}")
        if _MORE_RE.search(sentence):
            for m in _SAME_PRICE.finditer(sentence):
                if not _permitted(m.group(0), sentence, allowed):
                    reasons.append(f"promise outside policy (more for the same price): {m.group(0)!r}")
        for m in supposed_concessions(sentence):  # wave 39: "what if we picked up the travel costs?"
            if not _permitted(m.group(0), sentence, allowed):
                reasons.append(f"promise outside policy (a concession supposed): {m.group(0)!r}")
        for pattern, what in ((_OUR_EXPENSE, "at our expense"), (_DEFERRED, "payment deferred"),
                              (_FRACTION_PRICE, "a fraction of the price"), (_GIFT_RE, "a gift"),
                              (_WE_COVER_RE, "we pay for it"), (_MONEY_BACK, "money back"),
                              (_COVERED, "covered for the buyer"), (_BETTER_TERMS, "better terms"),
                              (_CONCESSION_RE, "a concession"), (_FREE_ANY, "something free"),
                              (_PERPETUAL_RE, "terms without an end or a limit"),
                              (_LATER_BILLING_RE, "billing deferred"), (_PAYS_LESS, "what someone else pays"),
                              (_PRICE_GIVEN, "the price moved"), (_FEE_REMOVED, "a fee removed"),
                              (_OFF_THE, "something off the price"), (_TERMS_RE, "terms changed"),
                              (_KNOCK_OFF, "something off the price")):
            for m in pattern.finditer(sentence):
                if free_word_negated(sentence, m.start(), m.end()):
                    continue  # wave 32: "Der Versand ist nicht kostenlos" gives nothing away
                if pattern is _COVERED and _COVER_ASKED.search(clause_before(sentence, m.start())):
                    continue  # wave 41: "Tom asked whether travel is covered" reports the buyer's question
                if pattern is _WE_COVER_RE and adopted_into_a_document(whole, at + m.start(), at + m.end()):
                    continue  # wave 38 (set 48's de-g6): "übernehmen wir ins Angebot" carries a figure, pays nothing
                if pattern in (_PERPETUAL_RE, _MONEY_BACK) and promise_negated(sentence, m.start(), m.end()):
                    continue  # wave 36 (set 45's 007): "a lifetime deal is not part of the offer" promises none
                if (pattern is _FREE_ANY and slot_kept_free(sentence, m.start())) or (pattern is _BETTER_TERMS and anothers_price(sentence, m.start(), m.end())) or (  # wave 24b: a payback period; wave 26: another seller's price
                        pattern is _MONEY_BACK and is_payback_period(sentence, m.start(), m.end())):
                    continue
                if pattern is _CONCESSION_RE and NO_OBLIGATION.fullmatch(m.group(0)) and non_binding_look(sentence):
                    continue  # wave 34 (set 43's 063): "envoyé pour lecture, sans engagement" binds to nothing
                if pattern in _PRICE_MOVES and declined_price_at(whole, at + m.start()):
                    continue  # wave 34 (set 43's 013): "We can't go lower on the price", "no podemos rebajar el precio"
                if not _permitted(m.group(0), sentence, allowed):
                    reasons.append(f"promise outside policy ({what}): {m.group(0)!r}")
        if _WE_COMMIT.search(sentence) and _OTHER_OFFER.search(sentence) and _PRICE_WORD.search(sentence) \
                and not _NEGATION.search(sentence) and not _DESCRIBED.search(sentence) \
                and not _permitted("price", sentence, allowed):
            reasons.append("promise outside policy (a price set against another offer)")
        if "frei" in low:  # the cheap test first: the pattern runs on every sentence otherwise
            for m in _FREI.finditer(sentence):
                if not _permitted(m.group(0), sentence, allowed):
                    reasons.append(f"promise outside policy (something free): {m.group(0)!r}")
        if _COME_TOWARDS.search(sentence) and _PRICE_WORD.search(sentence):
            reasons.append("promise outside policy (the price moved): meets the buyer on the price")
        if not _RECORD_DOCUMENT.search(sentence):
            for m in _INCLUDED_RE.finditer(sentence):
                # wave 31: an honest "not included" ("la formation n'est pas comprise", "no está incluida") includes
                # nothing; a reassurance's own negation ("Keine Sorge, ... ist inklusive") governs no "included"
                if negation_governs(sentence, m.start(), m.end()):
                    continue
                if not _permitted(m.group(0), sentence, allowed):
                    reasons.append(f"promise outside policy (something included the record does not offer): "
                                   f"{m.group(0)!r}")
        if not asked:  # a proposal offers terms; whether a document is signed it asks, it does not claim
            reasons += deal_done_claims(sentence, stage_kind)
    reasons += indexed_price_terms(text, currency)  # wave 37 (set 47's 116, 138): increases capped, prices pinned to a rate
    return list(dict.fromkeys(reasons))


def spelled_percent_violations(text: str, percents: Iterable[float]) -> list[str]:
    """Percentages written in words ("quinze pour cent") must be ones the record or code vouches for,
    exactly like the ones written in figures (agents.facts)."""
    allowed = list(percents)
    out = []
    for m in PCT_SPELLED.finditer(normalise(text)):
        v = NUM_WORDS[m.group(1).lower()]
        if not any(abs(v - a) <= 0.6 for a in allowed):
            out.append(f"unsupported fact: percent {m.group(0)!r} is not in the inputs")
    return out
