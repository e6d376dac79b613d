"""Commercial claims in any output, in English, German, French and Spanish: discounts however phrased, prices, promises
outside policy, and statements about the deal's state. Every finder returns the rules a text broke (empty = fine). They
read the normalised text (agents.normalize), so "２５ ％ оff" is "25 % off"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.concessions import APPROVED_DISCOUNT
from agents.declined_prices import declined_price, declined_price_at
from agents.denied_discounts import denied_at
from agents.facts import MONEY, PERCENT, close_to_any, parse_number
from agents.file_names import FILE_NAME
from agents.fraction_glyphs import fraction_discounts
from agents.legacy_rates import rate_names
from agents.negated_free import free_word_negated
from agents.negated_promises import NEGATABLE, promise_negated
from agents.negation import negation_governs
from agents.normalize import normalise
from agents.offered_shares import offered_shares
from agents.order_numbers import reference_codes_out
from agents.other_sellers import anothers_price, asked_of_another_seller
from agents.sentence_ends import sentence_parts
from agents.spelled_amounts import TENS, UNITS, spelled_currency_amounts
from agents.terms_promises import MORE_PROMISES
from agents.unoffered_special_prices import special_price_not_offered

NUM_WORDS = {
    # en
    "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50,
    # de
    "fünf": 5, "zehn": 10, "fünfzehn": 15, "zwanzig": 20, "fünfundzwanzig": 25, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50,
    # fr
    "cinq": 5, "dix": 10, "quinze": 15, "vingt": 20, "vingt-cinq": 25, "trente": 30, "quarante": 40,
    "cinquante": 50,
    # es
    "cinco": 5, "diez": 10, "quince": 15, "veinte": 20, "veinticinco": 25, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50,
}
"""Spelled-out percentages an injected offer likes to use ("fifteen percent off")."""

_PCT_WORDS = (r"(?:%|percent|per cent|prozent|pour ?cent|por ?ciento|pct|percentage points?|points?|pts|"
              r"prozentpunkte?|punkte|points de pourcentage|puntos(?: porcentuales)?)")
PCT_SPELLED = re.compile(rf"\b({'|'.join(sorted(NUM_WORDS, key=len, reverse=True))})\s?{_PCT_WORDS}", re.I)

DISCOUNT_WORDS = (
    r"(?:off|discount\w*|reduction|reduced|rebate|credit|savings?|cheaper|markdown|knock(?:ed)? off|take[ns]? off|"
    r"shave[ds]?|trim(?:med|s)?|cut|concession|"
    r"below|under|less|lower|price cut|concession|"
    r"rabatt\w*|nachlass\w*|preisnachlass\w*|ermäßig\w*|günstiger|weniger|unter|skonto|abschlag|"
    r"remise|réduction|rabais|ristourne|moins|en dessous|de moins|"
    r"descuento|rebaja\w*|reducci[oó]n|menos|m[aá]s barato|por debajo|bonificaci[oó]n)")
"""Words that turn a percentage or an amount into a price concession."""

_PCT_NEAR_DISCOUNT = re.compile(
    rf"(\d+(?:[.,]\d+)?)\s?{_PCT_WORDS}\W{{0,3}}(?:\w+\W+){{0,4}}?{DISCOUNT_WORDS}\b|"
    rf"\b{DISCOUNT_WORDS}\W+(?:\w+\W+){{0,4}}?(\d+(?:[.,]\d+)?)\s?{_PCT_WORDS}", re.I)

_FRACTION_OFF = re.compile(
    r"\b(?:tier|plan|bundle|edition|package|licen[cs]e|version|level|paket|stufe|formule|offre|nivel|paquete)\b"
    r"[^.\n]{0,40}\b(?:for|für|pour|por)\b[^.\n]{0,25}\b(?:money|price|pricing|cost|rate|geld|preis|prix|tarif|"
    r"precio)\b|"
    r"\b(?:for|at) the price of\b|\bzum preis (?:von|des|der)\b|\bau prix d[eu]\b|\bal precio de(?:l)?\b|"
    r"\b(half|a third|one third|a quarter|one quarter)\s+(?:of\s+)?(?:the\s+)?(?:off|price|quoted price|list price|"
    r"the price|cost)|\bhalf[- ]price\b|\b(?:two|2)[- ]for[- ](?:one|1)\b|\bbuy one,? get one\b|"
    r"\b(?:halbe[nm]?|hälfte)\b[^.\n]{0,20}\bpreis\w*|\bzum halben preis\b|\bein drittel\b[^.\n]{0,20}\b(?:preis|weniger)|"
    r"\b(?:à )?moitié prix\b|\bla moitié du prix\b|\bun tiers\b[^.\n]{0,20}\b(?:prix|moins)|"
    r"\b(?:a )?mitad de(?:l)? precio\b|\bla mitad\b[^.\n]{0,20}\bprecio|\bun tercio\b[^.\n]{0,20}\b(?:precio|menos)",
    re.I)
_FRACTION_PCT = {"money": 100, "pricing": 100, "price of": 100, "preis": 100, "prix": 100, "precio": 100, "half": 50, "third": 33.3, "quarter": 25, "halb": 50, "hälfte": 50, "drittel": 33.3, "moitié": 50,
                 "tiers": 33.3, "mitad": 50, "tercio": 33.3, "two": 50, "2": 50, "buy one": 50}

_FRACTION_WORDS = (r"half|a third|one third|a quarter|one quarter|a fifth|hälfte|halbe[nm]?|drittel|viertel|fünftel|"
                   r"moitié|tiers|quart|cinquième|mitad|tercio|cuarto|quinta parte|"
                   r"(?:an?|one)[ -](?:sixth|seventh|eighth|ninth|tenth|twelfth|fifteenth|twentieth)s?|"
                   r"\w*(?:sechstel|achtel|zehntel)|(?:huitième|dixième)s?|(?:octava|décima) parte")
_CONCESSION = (r"off|discount\w*|rebate|markdown|price cut|price reduction|rabatt\w*|nachlass\w*|preisnachlass\w*|"
               r"abschlag|remise|rabais|ristourne|réduction de prix|descuento|rebaja\w*|bonificaci[oó]n")
_CHEAPER = (r"(?:cheaper|less expensive|billiger|günstiger|preiswerter|moins ch[eè]re?s?|meilleur marché|"
            r"más barat[oa]s?|más económic[oa]s?)\b")
_FRACTION_CONCESSION = re.compile(
    rf"\b(?:{_FRACTION_WORDS})\b[^.\n]{{0,25}}?\b(?:{_CONCESSION}|(?:list |quoted )?price|preis\w*|prix|precio)\b|"
    rf"\b(?:{_FRACTION_WORDS})\s+(?:\w+\s+)?{_CHEAPER}|"  # "ein Drittel günstiger", "moitié moins chère" (set 42)
    rf"\b(?:{_CONCESSION})\b[^.\n\d]{{0,25}}?\b(?:{_FRACTION_WORDS})\b", re.I)
"""A fraction of the price given away ("ein Preisnachlass von einem Viertel", "a quarter off")."""

_OFFERED_CONCESSION = re.compile(
    r"\b(?:offer\w*|give|giving|extend\w*|apply|applies|grant\w*|you get|you'll get|you will get|qualif\w*|confirm\w*|"
    r"there(?:'s| is)|we can do|i can do|we have|i have|approved|unlock\w*|anbieten|gewähr\w*|bieten|erhalten|"
    r"accord\w*|propos\w*|offr\w*|ofrec\w*|aplica\w*|conced\w*)\b[^.\n]{0,30}?"
    r"\b(?:discount\w*|price cut|price reduction|reduced price|lower price|rebate|markdown|concession|"
    r"rabatt\w*|nachlass\w*|preisnachlass\w*|sonderpreis|remise|rabais|ristourne|réduction|descuento|rebaja\w*)\b",
    re.I)
_PRICE_MOVE = re.compile(
    r"\b(?:bring|take|get|knock|drop|lower|reduce|cut|adjust|trim|sharpen|shave|come down on|move on)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:price|pricing|quote|invoice)s?\b(?:\s+down)?|"
    r"\b(?:fit|match|meet|work with(?:in)?|stay within)\s+(?:\w+\s+){0,2}?(?:your|their|the) budget\b|"
    r"\bpreis\w*\s+(?:\w+\s+){0,2}?(?:senken|reduzieren|anpassen|nachlassen)|\bpreislich entgegen\w*|"
    r"\b(?:baisser|revoir|ajuster|réduire)\s+(?:le |notre |votre )?(?:prix|tarif)|\bà votre budget\b|"
    r"\b(?:bajar|ajustar|reducir|rebajar)\s+(?:el |nuestro |su )?(?:precio|importe)|\ba su presupuesto\b", re.I)
"""A price moved without a figure ("bring the price down to fit your budget")."""
_REPORTED = re.compile(r"\?|\b(?:(?<!no )question\w*|ask\w*|whether|wonder\w*|(?<!keine )frage|gefragt|ob|demandé|"
                       r"si nous|pregunta|preguntó|si podemos)\b", re.I)
"""Reported or asked, not offered: "Marcus asked whether we could lower the price"."""

_BASIS_POINTS = re.compile(r"(\d[\d,.]*)\s?(?:basis points|bps|bp|basispunkte|points de base|puntos básicos)\b", re.I)


_MONEY_CONCESSION = re.compile(
    rf"(?:[$€£]\s?\d[\d.,' ]*\s?k?|\d[\d.,' ]*\s?(?:k\s?)?(?:[$€£]|usd|eur|gbp|dollars?|euros?))\s*"
    rf"(?:\w+\W+){{0,2}}?{DISCOUNT_WORDS}\b|\b(?:discount|rabatt|nachlass|remise|réduction|descuento|rebaja|credit)"
    # "une remise de 10 %", "un descuento del 10 %" is the percentage the discount check weighs, not money off
    rf"\w*\s+(?:of|von|de|del)\s+(?:[$€£]|\d(?![\d.,]*\s?{_PCT_WORDS}))", re.I)

PRICE_WORDS = (r"(?:price[sd]?|pricing|cost[s]?|total|all-in|fee[s]?|quote[sd]?|rate|invoice[sd]?|pay|amount|"
               r"preis\w*|gesamtpreis|kosten|betrag|angebot|summe|prix|tarif\w*|coût\w*|montant|devis|"
               r"precio\w*|coste\w*|costo\w*|importe|tarifa\w*|presupuesto)")
PRICE_FIGURE = re.compile(
    rf"\b{PRICE_WORDS}\b[^.\n\d]{{0,30}}?(\d{{1,3}}(?:[.,' ]\d{{3}})+(?:[.,]\d{{1,2}})?|\d{{3,}}(?:[.,]\d+)?)"
    rf"(?!\s?(?:%|{_PCT_WORDS}|trucks|seats|users|licen|sites|days|weeks|months|minutes|hours))", re.I)

GOODS = (r"months?|weeks?|years?|days?|seats?|licen[cs]es?|users?|trials?|pilots?|onboarding|implementation|"
          r"set-?up|installation|migration|training|support|upgrades?|add-?ons?|modules?|features?|services?|"
          r"consulting|hardware|devices?|integrations?|access|tiers?|plans?|delivery|shipping|maintenance|"
          r"workshops?|rollout|deployment|subscriptions?|renewals?|hours?|clinics?|depots?|sites?|locations?|"
          r"trucks?|vehicles?|data|reports?|sessions?|accounts?|package|bundle|extras?|it")
"""What a seller can give away: "free" next to one of these is an offer, not availability."""

_FREE_NEAR_GOODS = (
    # "two months free", "the first 3 months are free", "migration is free", "free pilot";
    # not "feel free to", "free up", "are you free on Monday", "hassle-free".
    rf"\bfree(?<!-free)(?<!feel free)(?<!feels free)(?! to\b)(?! up\b)(?!-)(?:\s+(?:of charge|\w+)){{0,3}}?\s+(?:{GOODS})\b|"
    rf"\b(?:{GOODS})\b(?:\s+\w+){{0,3}}?\s+(?:(?:is|are|be|comes?|stays?|will be|'s)\s+)?"
    rf"(?:completely |totally |entirely )?(?<!feel )free\b(?! up\b)")

_SPECIAL_NOUNS = r"deal|offer|tier|price point|credits?|rebates?|bonus|discount"
"""Nouns a special price's name stands before that a founder's rate list does not read ("introductory offer")."""

PROMISE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((n, re.compile(p, re.I)) for n, p in (
    ("free extra", r"\b(?:at |for )?(?:zero|no|nil|without) (?:extra |additional )?(?:cost|charge|fee)s?\b|"
                   # wave 41 (probe41): a paid plan given "without a surcharge" is given free without the word
                   r"\b(?:with |at )?(?:no|without|zero) (?:a |any )?(?:extra |additional )?(?:surcharges?|mark-?ups?)\b|"
                   r"\bon (?:us|the house)\b(?<!step is on us)(?<!steps are on us)(?<!ball is on us)(?<!move is on us)"
                   r"(?<!step is on the house)(?<!steps are on the house)(?<!ball is on the house)(?<!move is on the house)|\bat our expense\b|\bthrow(?:n|ing)? in\b|\bnull kosten\b|"
                   r"\bsans (?:aucun )?frais\b|\bco[uû]t z[ée]ro\b|\bcoste cero\b|\bsin ning[uú]n coste\b|"
                   r"\bfree\b(?:\s+of charge)?(?!dom)(?:\s+\w+){0,3}\s+(?:months?|trial|seats?|licen[cs]es?|"
                   r"upgrade|onboarding|implementation|support|year|access|add-?ons?)|\bat no (?:extra )?(?:cost|charge)\b|\b(?:at|for|with) no extra\b(?! (?:effort|work|step|steps|setup on your side))|"
                   r"\bfor free\b|\bfree of charge\b|\bcomplimentary\b|\bon the house\b|\bfreebies?\b|"
                   r"\bkostenlos\w*|\bgratis\b(?!-)|\bumsonst\b|\bohne (?:aufpreis|zusatzkosten|kosten)\b|"
                   r"\bgratuit\w*|\bofferts?\b|\bsans frais\b|\bsans co[uû]t\b|"
                   r"\bgratuit[oa]s?\b|\bsin (?:coste|costo|cargo)\b|\bde regalo\b"),
    ("free extra", rf"{_FREE_NEAR_GOODS}|\bohne (?:\w+ )?(?:berechnung|gebühr\w*|aufpreis|zusatzkosten|kosten|mehrkosten|mehrpreis|zuzahlung|"
                   r"extrakosten|aufschlag|zuschlag)\b|\bunentgeltlich\w*|\bkostenfrei\w*|\bkostenneutral\w*|\bgebührenfrei\w*|\bgeschenkt\b|\bzum nulltarif\b|"
                   r"\bsans (?:aucune? )?(?:supplément|surcoût|frais|majoration|surtaxe)\b|\bà titre gracieux\b|\ben cadeau\b|\bofferte?s?\b|"
                   r"\bsin (?:ning[uú]n )?(?:coste|costo|cargo|cargos|recargos?|sobrecostes?|sobrecostos?|sobreprecio|"
                   r"suplementos?)(?: adicional(?:es)?)?\b|\bde regalo\b|"
                   # wave 34 (set 41's 089, Aragonese "ye de baldes", a screen-only catch): "de balde" is free
                   r"\bde\s+baldes?\b|"
                   r"\bbonificad[oa]s?\b|\bobsequi\w+|\bregal(?:amos|aremos|ar)\b|\bsin pagar\b"),
    # agents.legacy_rates' names (founder's, launch, introductory, legacy ...) with the nouns this list reads after them
    ("special price", rf"\b(?:{rate_names(_SPECIAL_NOUNS)})\b|"
                      r"\b(?:vip|special|preferential|preferred|exclusive|partner|insider|loyalty|"
                      r"friends[- ](?:and|&)[- ]family|discounted|reduced|early[- ]bird|sweetheart|"
                      r"one[- ]time|courtesy|goodwill|service|signing|welcome)\s+(?:pricing|prices?|rates?|terms|deal|offer|tier|"
                      r"price point|credits?|rebates?|bonus|discount)\b|"
                      r"\b(?:sonder|vorzugs|vip-?|partner|treue|spezial|freundschafts)(?:preis|konditionen|tarif|angebot)\w*|"
                      # wave 34 (set 39's "el descuento de socio que le corresponde", a screen-only catch): a discount
                      # named for whom it is (a partner, a member, a loyal customer) is a special price in any language
                      r"\b(?:partner|treue|stammkunden|bestandskunden|mitglieder|vip-?)-?(?:rabatt|nachlass)\w*|"
                      r"\b(?:remises?|réductions?|rabais)\s+(?:de\s+)?(?:partenaires?|fidélité|membres?|adhérents?|vip|"
                      r"clients?\s+fidèles?)\b|"
                      r"\b(?:descuentos?|rebajas?)\s+(?:de\s+|para\s+|por\s+)?(?:socios?|partners?|fidelidad|miembros?|vip|"
                      r"clientes?\s+(?:habituales?|fieles?|preferentes?))\b|"
                      r"\b(?:member(?:'s|s')?|existing[- ]customer|returning[- ]customer)\s+(?:pricing|prices?|rates?|discount)\b|"
                      # wave 35 (set 43's 127, a screen-only catch): a most-favoured-customer clause is the best price
                      # anyone gets, promised to this buyer
                      r"\bmost[- ]favou?red[- ](?:customer|nation|client|buyer)\b|\bmeistbegünstigung\w*|"
                      r"\b(?:client\s+le\s+plus\s+favorisé|nation\s+la\s+plus\s+favorisée)\b|\b(?:cliente|nación)\s+más\s+favorecid[oa]\b|"
                      r"\b(?:prix|tarifs?|conditions?|offre)\s+(?:spéci(?:al|aux|ale?s?)|préférenti\w+|exceptionn\w+|"
                      r"privilégi\w+|vip|partenaire|d'amis?|"
                      # wave 35 (set 26's 091, "client ambassadeur ... conditions réduites", a screen-only catch)
                      r"réduit\w*|avantageu\w*|allégé\w*|minoré\w*|remisé\w*|de faveur)\b|\bmates'? rates\b|"
                      r"\b(?:reduziert|vergünstigt|ermäßigt)\w*\s+(?:konditionen|preise?|tarife?)\b|"
                      r"\b(?:precios?|tarifas?|condiciones|oferta)\s+(?:reducid\w+|rebajad\w+|ventajos\w+|de favor|"
                      r"especial(?:es)?|preferen\w+|exclusiv\w+|vip|"
                      r"de socio|de amigos?|de distribuidor|de mayorista|distributeur|revendeur|grossiste)\b|\b(?:distributor|wholesale|reseller)\s+(?:price|pricing|rates?|tier)\b|\bhändler(?:preis|konditionen|rabatt)\w*"),
    ("payment terms", r"\bzahlungsziel\w*|\bnet[- ]?(?:30|45|60|90|120|180)\b|\b(?:payable within|à|a) \d+ (?:days|jours|días)\b"),
    ("discount approved", APPROVED_DISCOUNT),
    ("guarantee", r"\bguarantee[ds]?\b|\bmoney[- ]back\b|\brisk[- ]free\b|\bgarantier\w*|\bgarantie\w*|\bgaranti[es]?\b|\bgarantiss\w*|"
                  r"\bgarantiz\w*|\bgarant[ií]a\b|\bgeld[- ]zurück\b|\brembours\w*"),
    ("refund", r"\brefund\w*\b|\brückerstatt\w*|\berstatt\w*|\breembols\w*|\bdevoluci[oó]n del dinero\b"),
    ("at cost", r"\bat (?:our )?cost(?: price)?\b|\bbelow cost\b|\bzum selbstkostenpreis\b|\bzum einkaufspreis\b|"
                r"\bà prix coûtant\b|\ba precio de coste\b|\bal costo\b"),
    ("not billed", r"\b(?:not|never|won't|will not|isn't|is not|aren't|are not|no longer)\s+(?:be\s+)?"
                   r"(?:billed|charged|invoiced)\b|\bwe (?:don't|do not|won't|will not) (?:bill|charge|invoice)\b|"
                   r"\bno se (?:factura|cobra)\w*|\bsin (?:facturar|cobrar)\b|\bwird nicht (?:berechnet|in rechnung gestellt)|"
                   r"\bnicht berechnet\b|\b(?:verrechnen|berechnen|fakturieren) wir (?:\w+ )?nicht\b|\bnicht verrechnet\b|\bn'est pas factur\w*|\bne sera pas factur\w*|\bnon factur\w*|"
                   r"\b\w*(?:gebühr|kosten|pauschale|fee|charge|cost)\w*\s+(?:\w+\s+)?(?:entfällt|entfallen|is dropped|"
                   r"are dropped|is removed|goes away|disappears)\b"),
    ("waiver", r"\bwaiv(?:e|ed|ing)\b|\berlass\w*\b(?=[^.\n]{0,20}(?:gebühr|kosten))|\bexon[eé]r\w*|\bcondon\w*"),
    ("price lock", r"\bprice (?:lock|freeze|protection)\b|\bprices? (?:is |are |stays? |will (?:be|stay) )?"
                   r"(?:locked|frozen|fixed|guaranteed)\b|\bforever\b|\bfür immer\b|\bpour toujours\b|\bpara siempre\b|\block(?:ed)?[- ]in (?:the |your |this )?(?:price|rate)\b|"
                   r"\bpreisgarantie\b|\bpreisbindung\b|\bprix (?:bloqué|garanti)\b|\bprecio (?:congelado|bloqueado)\b"),
    ("lifetime", r"\blifetime (?:discount|deal|access|licen[cs]e|pricing)\b|\blebenslang\w*|\bà vie\b|\bde por vida\b"),
    ("unlimited", r"\bsans (?:plafond|limite)\b|\bsin (?:límite|tope)\b|\bohne (?:obergrenze|limit)\b|\buncapped\b|\bunlimited\b|\bunbegrenzt\w*|\billimité\w*|\bilimitad[oa]s?\b"),
    ("price match", r"\b(?:price[- ]match|meet (?:whatever|any(?:thing)?|their|the other)\b[^.;]{0,30}\b(?:quote|price|offer|they)\w*|(?:match|beat)\w* (?:any|their|the|a|every)?\s?(?:\w+'?s? ){0,2}"
                    r"(?:price|offer|quote|bid)s?)\b|"
                    r"\bbeat (?:any|their|the competitor'?s?) (?:price|offer|quote)\b|"
                    r"\bpreis (?:des wettbewerbers|der konkurrenz) (?:unterbieten|anpassen|mitgehen)|\balign\w* sur (?:\w+ ){0,3}(?:offre|prix|tarif)|"
                    r"\balign\w* (?:notre|nos|le|les) (?:prix|tarifs?)\b|\bigualar (?:el|su|cualquier) precio\b"),
))
PROMISE_PATTERNS += MORE_PROMISES  # promises a draft may not make unless the tenant allows the phrase


def percent_value(raw: str) -> float:
    """Parse a written percentage ("25", "12,5", "twenty")."""
    return float(NUM_WORDS.get(raw.lower(), 0)) if raw.lower() in NUM_WORDS else parse_number(raw)


def discount_violations(text: str, approved_discount: float | None) -> list[str]:
    """Return price concessions in `text` above the approved discount (fraction), in any phrasing."""
    t = normalise(text)
    t = PCT_SPELLED.sub(lambda m: f"{NUM_WORDS[m.group(1).lower()]}%", t)
    allowed = (approved_discount or 0.0) * 100
    reasons: list[str] = []
    for m in _PCT_NEAR_DISCOUNT.finditer(t):
        pct = parse_number(m.group(1) or m.group(2))
        if pct > allowed + 1e-6:
            reasons.append(f"discount of {pct:g}% offered; policy approves {allowed:g}%")
    for pct in offered_shares(t):  # wave 31: "offer 15% straight away", "gleich 15 % anbieten"
        if pct > allowed + 1e-6:
            reasons.append(f"discount of {pct:g}% offered; policy approves {allowed:g}%")
    for pct, words in fraction_discounts(t):  # "¾ off", "½ price", "un ⅓ de descuento" (agents.fraction_glyphs)
        if pct > allowed + 1e-6:
            reasons.append(f"discount of {pct:g}% offered ({words!r}); policy approves {allowed:g}%")
    for m in _FRACTION_OFF.finditer(t):
        word = next((w for w in _FRACTION_PCT if w in m.group(0).lower()), "half")
        if _FRACTION_PCT[word] > allowed + 1e-6:
            reasons.append(f"a price concession ({m.group(0).strip()!r}) is not what the policy approved")
    # wave 37 (set 47's 014): "mantiene los 42.000 EUR sin descuento" says no amount is let off (agents.denied_discounts)
    if any(not denied_at(t, m.start()) for m in _MONEY_CONCESSION.finditer(t)):
        reasons.append("a money-off offer is not something the policy approved")
    for m in _FRACTION_CONCESSION.finditer(t):
        if not _FRACTION_OFF.search(m.group(0)):
            reasons.append(f"a price concession ({m.group(0).strip()!r}) is not what the policy approved")
    for m in _BASIS_POINTS.finditer(t):
        if parse_number(m.group(1)) / 100 > allowed + 1e-6:
            reasons.append(f"discount of {parse_number(m.group(1)) / 100:g}% offered ({m.group(0)!r}); policy approves {allowed:g}%")
    if not allowed:
        # wave 34 (set 43's 013): a whole sentence that declines the move ("I know a lower price came up; I can't
        # offer one") moves nothing in either of its halves
        move = next((mv for whole in sentence_parts(t) if not declined_price(whole)
                     for sentence in re.split(r"(?<=;)\s+", whole)
                     if (mv := _PRICE_MOVE.search(sentence)) and not _REPORTED.search(sentence)
                     and not anothers_price(sentence, mv.start(), mv.end())
                     and not negation_governs(sentence, mv.start(), mv.end())), None)
        if move:
            reasons.append(f"moves the price ({move.group(0).strip()!r}); the policy approved no discount")
        # With no approved discount, offering one is a violation even without a figure ("a price cut for you").
        for m in _OFFERED_CONCESSION.finditer(t):
            # wave 31 (set 40's en-g7): "I have left out anything about discounts because none was discussed"
            if not negation_governs(t, m.start(), m.end()) and not denied_at(t, m.start()) \
                    and not declined_price_at(t, m.start()):
                reasons.append(f"offers a concession ({m.group(0).strip()!r}); the policy approved none")
                break
    return list(dict.fromkeys(reasons))


_SPELLED_MONEY = re.compile(
    rf"\b(?:[a-zäöüéè-]+[- ])?(?:{TENS})[a-zäöüéè-]*[- ]?(?:thousand|grand|million|tausend|millionen|mille|"
    rf"millions?|mil|millones)\b|\b\w*(?:{TENS}|{UNITS.replace(' ', '')})\w*tausend\b|"
    rf"\b(?:{UNITS})[- ](?:thousand|grand|million|tausend|millionen|mille|millions?|mil|millones)\b", re.I)
_SPELLED_MONEY_UNIT = re.compile(r"thousand|grand|mil|tausend", re.I)
"""A literal every match of _SPELLED_MONEY contains: the scan (slow, backtracking over every
word) runs only on texts that have one."""


_NOT_COUNTED = (r"(?!(?:usd|eur|gbp|chf|dollars?|euros?|pounds?|bucks|grand|k|thousand|per|a|an|the|for|"
                r"if|and|or|to|by|with|plus|net|all-in|total)\b)[^\W\d_]{3,}")
COUNTED = re.compile(rf"\s+{_NOT_COUNTED}", re.I)
_JOINED_COUNT = re.compile(rf"[-_]{_NOT_COUNTED}", re.I)
"""The record's count joined to what it counts in an identifier ("Angebot-Mueller-120-Fahrzeuge", wave 33)."""


def price_violations(text: str, money: Iterable[float], counts: Iterable[float] = ()) -> list[str]:
    """Return prices stated in `text` that are not amounts the record or tenant vouches for.

    `counts` are plain counts the record vouches for (trucks, seats): one followed by the thing
    it counts ("das Angebot für Ihre 120 Fahrzeuge") is a quantity, not a price.
    """
    t = normalise(text)
    allowed = list(money)
    counted = set(counts)
    reasons = [f"amount written out ({m.group(0)!r}): amounts are stated in figures from the record"
               for m in (_SPELLED_MONEY.finditer(t) if _SPELLED_MONEY_UNIT.search(t) else ())]
    reasons += spelled_currency_amounts(t)
    # "the quote reference HDG-0427"; a file name is an identifier too ("Angebot-Mueller-120-Fahrzeuge.pdf", wave 31:
    # its figures are the facts check's, which holds them to the record)
    for m in PRICE_FIGURE.finditer(MONEY.sub(" ", FILE_NAME.sub(" ", reference_codes_out(t)))):
        v = parse_number(m.group(1))
        if 1990 <= v <= 2100 and m.group(1).isdigit():
            continue  # a year ("the 2027 budget"), not a price
        if v in counted and (COUNTED.match(m.string, m.end(1)) or _JOINED_COUNT.match(m.string, m.end(1))):
            continue
        if not close_to_any(v, allowed):
            reasons.append(f"price {m.group(1)!r} is not an amount on the record")
    return list(dict.fromkeys(reasons))


def promise_violations(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """Return promises outside policy (free extras, guarantees, refunds ...) in `text`."""
    t = normalise(text)
    low = t.lower()
    permitted = [p.lower() for p in allowed_promises]
    reasons = []
    for name, pattern in PROMISE_PATTERNS:
        for m in pattern.finditer(t):
            if name == "free extra" and (free_word_negated(t, m.start(), m.end())
                                         or asked_of_another_seller(t, m.start(), m.end())):
                continue  # wave 32: "Shipping is not free"; wave 40: "... bei Ihrem bisherigen Anbieter kostenlos?"
            if name == "special price" and special_price_not_offered(t, m.start(), m.end()):
                continue  # wave 35: "we do not offer a special price", 'You asked: "Is there a special price?"'
            if name in NEGATABLE and promise_negated(t, m.start(), m.end()):
                continue  # wave 36 (set 45's 007): "eine mehrjährige Preisbindung ist nicht Teil des Angebots"
            if not any(p in low and m.group(0).lower() in p for p in permitted):
                reasons.append(f"promise outside policy ({name}): {m.group(0)!r}")
                break
    return list(dict.fromkeys(reasons))


__all__ = ["DISCOUNT_WORDS", "PROMISE_PATTERNS", "PERCENT", "discount_violations",
           "percent_value", "price_violations", "promise_violations"]
