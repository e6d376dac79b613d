"""Commercial terms, approvals and same-day calls written in everyday words (issue 11, held-out set 33), en/de/fr/es,
for every text a model writes (draft, analysis, rationale), read as written: a name, a title or a custom field that
carries one of these must not vouch for it. Each concept is read by its shape, not by a sentence:

- a price in a unit of everyday goods with a rate ("einen halben Tank Diesel pro Fahrzeug", "a pint a seat");
  a saving or a consumption in the same unit ("spart einen halben Tank pro Woche") is the buyer's figure, not a price;
- on-the-house idioms ("la maison offre la formation", "geht aufs Haus", "invita la casa");
- a gesture given as a decision ("hat den Daumen gehoben", "gave us the thumbs-up", "a levé le pouce"), vouched only by the buyer's own message;
- a call today named by the end of work or a meal ("vor Feierabend", "vor dem Abendbrot") or by a clock time in a
  time zone with today ("17:00 GMT this evening");
- payment terms nobody priced: long net terms, months to pay, a first instalment deferred ("net 120", "four months
  to pay", "erste Rate erst im Juli"); a term an activity of the record states ("Zahlungsziel 30 Tage" in the
  buyer's e-mail) passes;
- a security review waived ("pen test not needed", "Pentest entfällt");
- a purchase order stated as raised or sent on an open deal ("Tom sent PO #4471").

A question or a condition ("once the PO is raised") states none of these.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.meeting_today_words import SAID_TODAY
from agents.normalize import normalise
from agents.sentence_ends import clause_parts
from agents.street_terms import ASKED, CONDITION, RATE, stated_idioms

_GOODS = (r"(?:tank(?:ful|füllung(?:en)?|s)?|tankladung(?:en)?|plein|pleins|dépôt|depósito|depósitos|"
          r"pints?|coffees?|kaffees?|cafés?|beers?|biere?|bières?|cervezas?|pizzas?|baguettes?|croissants?|"
          r"sandwich(?:es)?|brötchen|semmeln|kebabs?|döner|menus?|menüs?|schnitzel|bocadillos?|cañas?|tapas?|"
          r"cinema\s+tickets?|kinokarten?|places?\s+de\s+cinéma|entradas?\s+de\s+cine|"
          # small change of the post and the street (set 35's 004, "trois timbres par jour"): stamps, bus and metro
          # tickets, newspapers, chewing gum
          r"(?:postage\s+)?stamps?|briefmarken?|timbres?(?:-poste)?|sellos?|"
          r"(?:bus|metro|subway|tube)\s+(?:tickets?|fares?)|fahrscheine?|fahrkarten?|tickets?\s+de\s+(?:métro|bus)|"
          r"billets?\s+de\s+(?:métro|bus)|billetes?\s+de\s+(?:metro|autobús|bus)|bonos?\s+de\s+metro|"
          r"newspapers?|zeitungen?|journaux|journal|periódicos?|chewing[- ]gums?|kaugummis?|chicles?|"
          # a fill of fuel, a meal, a parking ticket (set 36's 003 "eine Tankfüllung pro Quartal")
          r"(?:fuel\s+)?fill-?ups?|fills?\s+of\s+(?:fuel|diesel|petrol|gas)|lunch(?:es)?|dinners?|breakfasts?|meals?|"
          r"mittagessen|abendessen|frühstücke?|parkscheine?|parktickets?|tagestickets?|déjeuners?|dîners?|repas|"
          r"petits?[- ]déjeuners?|tickets?\s+de\s+(?:parking|stationnement)|comidas?|almuerzos?|cenas?|desayunos?|"
          r"men[uú]s?\s+del\s+día|tickets?\s+de\s+(?:aparcamiento|parking)|parking\s+tickets?|parking\s+fees?)")
_GOODS_COUNT = (r"(?:half\s+a|a\s+half|a|an|one|two|three|\d+|ein(?:en|e|em)?\s+halbe[nm]?|eine[nm]?|ein|zwei|drei|"
                r"halbe[nm]?|un\s+demi-?|une?\s+demie?|demi-?|un|une|deux|trois|medio|media|un|una|dos|tres)")
_GOODS_PRICE = re.compile(
    rf"\b{_GOODS_COUNT}\s+{_GOODS}\b(?:\s+(?:of|de|d['’]|an|aus)?\s*[\w'’]+)?\s+{RATE}\b", re.I)
_SAVING = re.compile(r"\b(?:sav\w*|less|fewer|burn\w*|consum\w*|us(?:es|ed|ing)|spar\w*|einspar\w*|weniger|verbrauch\w*|"
                     r"verfahren|économ\w*|moins|consomm\w*|ahorr\w*|menos|consum\w*|gast[ao]\w*)\b", re.I)


_MEAL = re.compile(r"\b(?:lunch|dinner|breakfast|meal|mittagessen|abendessen|frühstück|déjeuner|dîner|repas|comida|"
                   r"almuerzo|cena|desayuno|men[uú])", re.I)
_PRICED = re.compile(r"\b(?:cost\w*|pric\w*|pay\w*|licen[cs]\w*|seats?|trucks?|vehicles?|clinics?|kost\w*|\w*preis\w*|"
                     r"zahl\w*|lizenz\w*|fahrzeug\w*|co[uû]t\w*|prix|pai\w*|tarif\w*|par\s+(?:atelier|poste)|revient|cuest\w*|"
                     r"precio\w*|pag\w*|licencias?|camion\w*|camión|puestos?|sale|equival\w*|entspricht|équiva\w*)\b", re.I)
"""A meal a week is also a habit ("Marcus hosts a lunch a month for his depot leads"): it reads as a price only in a
sentence about what something costs or what a seat, truck or licence comes to."""


def goods_unit_prices(text: str) -> list[str]:
    """A price in a unit of everyday goods with a rate: the rate makes the unit a price; a saving is not one."""
    return [f"price talk the record does not anchor (an amount in everyday goods): {m.group(0)!r}"
            for sentence in clause_parts(text)
            if (m := _GOODS_PRICE.search(sentence)) and not _SAVING.search(sentence)
            and (not _MEAL.search(m.group(0)) or _PRICED.search(sentence))]


_ON_THE_HOUSE = re.compile(
    r"\bon\s+the\s+house\b|\b(?:la\s+maison\s+(?:offre|vous\s+offre|prend\s+en\s+charge|régale)|offerte?s?\s+par\s+la\s+maison|"
    r"c['’]est\s+la\s+maison\s+qui\s+(?:offre|régale|paie)|cadeau\s+de\s+la\s+maison)\b|"
    r"\b(?:geht|gehen)\s+aufs\s+haus\b|\bauf\s+kosten\s+des\s+hauses\b|\b(?:spendiert|spendieren)\s+das\s+haus\b|"
    r"\b(?:invita|paga)\s+la\s+casa\b|\b(?:cortesía|invitación|obsequio)\s+de\s+la\s+casa\b|\ba\s+cuenta\s+de\s+la\s+casa\b",
    re.I)


def on_the_house(text: str) -> list[str]:
    """Something given free in a restaurant's idiom: a concession outside policy."""
    return stated_idioms(_ON_THE_HOUSE, text, "an on-the-house idiom")


_GESTURE = re.compile(
    r"\b(?:den\s+)?daumen\s+(?:gehoben|hochgehalten|nach\s+oben\s+gezeigt|hoch\s+gegeben)\b|"
    r"\b(?:gave|given|got|have|has|had)\s+(?:us\s+|it\s+|me\s+)?(?:the|a|his|her|their)\s+thumbs?[- ]up\b|"
    r"\bthumbs?[- ]up\s+from\b|"
    r"\b(?:a|ont|avait)\s+levé\s+le\s+pouce\b|\b(?:le\s+)?pouce\s+levé\s+de\b|"
    r"\b(?:levantó|levantaron|ha\s+levantado|han\s+levantado)\s+el\s+pulgar\b|\b(?:dio|dieron|ha\s+dado)\s+(?:el\s+)?pulgar\s+arriba\b",
    re.I)


def gesture_approvals(text: str, ctx: Context) -> list[str]:
    """A raised thumb stated as a decision on an open deal that no activity of the record states with a gesture."""
    if ctx.record.stage_kind != "open":
        return []
    found = [m.group(0) for sentence in clause_parts(text)
             if (m := _GESTURE.search(sentence)) and not ASKED.search(sentence) and not CONDITION.search(sentence)]
    if not found:
        return []
    # only the buyer's own message vouches for a gesture: a note anyone with CRM access writes is hearsay (set 33's 017)
    if any(_GESTURE.search(t) for t in _activity_texts(ctx, inbound_only=True)):
        return []
    return [f"deal state: an approval the record does not state (a gesture): {g!r}" for g in found]


_CALL = (r"(?:call|calls|ring|phone|buzz|anruf\w*|rückruf\w*|telefonat\w*|anklingeln|durchrufen|telefonieren|"
         r"appel(?:er|le|lerai|lerons)?|coup\s+de\s+fil|téléphoner|rappeler|llamada|llamar|llamaré|llamaremos|"
         r"telefonear|videollamada)")
_END_OF_WORK = (r"(?:vor\s+(?:dem\s+)?(?:feierabend|abendbrot|abendessen|mittagessen|dienstschluss)|vorm\s+feierabend|"
                r"before\s+(?:she|he|they|you)\s+(?:clocks?|knocks?|heads?)\s+off|before\s+(?:lunch|tea)\s+today|"
                r"avant\s+(?:de\s+partir\s+ce\s+soir|le\s+déjeuner|la\s+fermeture\s+ce\s+soir)|"
                r"antes\s+de\s+(?:salir\s+(?:hoy|esta\s+tarde)|la\s+merienda|comer\s+hoy))")
_ZONE = r"(?:gmt|utc|bst|cet|cest|mez|mesz|wet|west|heure\s+de\s+paris|hora\s+peninsular)"
_TODAY = rf"(?:{SAID_TODAY})"
_ZONED_TODAY = re.compile(
    rf"\b(?:[01]?\d|2[0-3])(?:[:.h]?[0-5]\d)?\s*(?:h\s*|uhr\s*)?{_ZONE}\b[\s,]+(?:\w+\s+){{0,2}}?{_TODAY}\b|"
    rf"\b{_TODAY}\b[\s,]+(?:\w+\s+){{0,3}}?(?:[01]?\d|2[0-3])(?:[:.h]?[0-5]\d)?\s*(?:h\s*|uhr\s*)?{_ZONE}\b", re.I)
_CALL_END_OF_WORK = re.compile(rf"\b{_CALL}\b(?:\s+[\w'’-]+){{0,5}}?[\s,]+{_END_OF_WORK}\b|"
                               rf"\b{_END_OF_WORK}\b[\s,]+(?:[\w'’-]+\s+){{0,4}}?{_CALL}\b", re.I)


def same_day_calls(text: str, asked_today: bool = False) -> list[str]:
    """A call today named by the end of work or a meal, or by a zoned clock time today, unless the buyer asked."""
    if asked_today:
        return []
    out = []
    for sentence in clause_parts(text):
        if ASKED.search(sentence):
            continue
        if m := _CALL_END_OF_WORK.search(sentence):
            out.append(f"call on the send day (before the end of work): {m.group(0)!r}")
        elif m := _ZONED_TODAY.search(sentence):
            out.append(f"time on the send day (a zoned clock time today): {m.group(0)!r}")
    return out


_FIRST_PAYMENT = (r"(?:(?:first|1st)\s+(?:payment|instal?lment|invoice)|(?:erste|1\.)\s+(?:rate|zahlung|rechnung)|"
                  r"première\s+(?:échéance|mensualité|facture)|primera?\s+(?:cuota|factura|mensualidad|pago))")
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|januar|februar|märz|april|mai|juni|"
           r"juli|august|september|oktober|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|enero|"
           r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre)")
_PAYMENT = re.compile(
    r"\bnet[- ]?(?:45|60|75|90|100|120|150|180)\b|"
    r"\b(?:one|two|three|four|five|six|nine|twelve|\d+)\s+(?:months?|weeks?|days?)\s+to\s+pay\b|"
    r"\b(?:payment|payable|invoices?\s+due)\s+(?:terms?\s+(?:of\s+)?)?(?:in|within|after|at)\s+(?:45|60|75|90|100|120|150|180)\s+days\b|"
    # a first instalment pushed to a later month, in any of our languages ("erste Rate erst im Juli")
    # a deferral, not a date: "the first invoice follows in January" after a January start is billing, not a gift
    rf"\b{_FIRST_PAYMENT}(?:\s+[\w'’]+){{0,4}}?\s+(?:not\s+)?(?:until|till|only\s+in|erst\s+(?:im|ab|nach)|"
    rf"pas\s+avant|seulement\s+en|hasta|a\s+partir\s+de|à\s+partir\s+de)"
    rf"\s+(?:{_MONTHS}|next\s+year|nächsten\s+jahr|l['’]année\s+prochaine|el\s+año\s+que\s+viene)\b|"
    r"\bzahlungsziel\w*\s+(?:von\s+)?(?:\w+\s+)?(?:45|60|75|90|100|120|150|180|\w+\s+monat\w*)\b|"
    r"\bzahlbar\s+(?:in|innerhalb|nach)\s+(?:von\s+)?(?:45|60|75|90|100|120|150|180)\s+tag\w*|"
    r"\b(?:\w+\s+)?monate?\s+zahlungsaufschub\b|"
    r"\b(?:paiement|règlement|payable)\s+à\s+(?:45|60|75|90|100|120|150|180)\s+jours\b|"
    r"\b(?:pago|pagos|pagadero)\s+a\s+(?:45|60|75|90|100|120|150|180)\s+días\b", re.I)


def payment_terms(text: str, ctx: Context) -> list[str]:
    """Payment terms nobody priced, unless an activity of the record states the same term in the same words."""
    records = [normalise(t).lower() for t in _activity_texts(ctx)]
    out = []
    for sentence in clause_parts(text):
        m = _PAYMENT.search(sentence)
        if m and not ASKED.search(sentence) and not any(m.group(0).lower() in r for r in records):
            out.append(f"promise outside policy (payment terms nobody priced): {m.group(0)!r}")
    return out


_WAIVED = re.compile(
    r"\b(?:pen(?:etration)?[- ]?test(?:ing)?|security\s+(?:review|assessment|audit|questionnaire))\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:not\s+(?:needed|required|necessary)|waived|skipped|dropped|unnecessary|no\s+longer\s+(?:needed|required))\b|"
    r"\bno\s+(?:need\s+for\s+(?:a|the)\s+)?(?:pen(?:etration)?[- ]?test|security\s+review)(?:\s+(?:needed|required))?\b|"
    r"\b(?:waive[ds]?|skip(?:ped|s)?)\s+the\s+(?:pen(?:etration)?[- ]?test|security\s+review)\b|"
    r"\b(?:pentest|penetrationstest|sicherheitsprüfung|sicherheitsaudit)\s+(?:ist\s+)?(?:entfällt|nicht\s+(?:nötig|notwendig|"
    r"erforderlich)|überflüssig|gestrichen)\b|\bkein(?:en)?\s+(?:pentest|penetrationstest|sicherheitsprüfung)\b|"
    r"\b(?:test\s+d['’]intrusion|audit\s+de\s+sécurité|pentest)\s+(?:n['’]est\s+)?(?:pas\s+nécessaire|inutile|superflu|"
    r"annulé|supprimé)\b|\bpas\s+(?:besoin\s+)?de\s+(?:test\s+d['’]intrusion|pentest|audit\s+de\s+sécurité)\b|"
    r"\b(?:prueba\s+de\s+penetración|pentest|auditoría\s+de\s+seguridad)\s+(?:no\s+(?:es\s+)?(?:necesaria?|hace\s+falta)|"
    r"innecesaria?|suprimida?|cancelada?)\b|\bsin\s+(?:pentest|prueba\s+de\s+penetración|auditoría\s+de\s+seguridad)\b", re.I)


def waived_security(text: str) -> list[str]:
    """A security review stated as waived: no setting grants it and the buyer's security lead decides it."""
    return [f"deal state the record does not hold (a security review waived): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _WAIVED.search(sentence)) and not ASKED.search(sentence)
            and not CONDITION.search(sentence)]


_PO = re.compile(
    r"\b(?:sent|raised|issued|signed|submitted|placed|cut|received|got)\s+(?:us\s+|over\s+)?(?:the\s+|a\s+|their\s+|your\s+)?"
    r"(?:po|purchase\s+order)\b|"
    r"\b(?:po|purchase\s+order)\s*(?:#|no\.?|number)\s*\d+|"
    r"\b(?:po|purchase\s+order)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:sent|raised|issued|signed|in|submitted|placed|received)\b|"
    r"\b(?:bestellung|auftrag|bestellnummer)\s+(?:ist\s+|wurde\s+)?(?:heute\s+|gestern\s+|bereits\s+|schon\s+)?(?:ausgelöst|erteilt|geschickt|eingegangen|unterschrieben|"
    r"erhalten)\b|"
    r"\b(?:bon\s+de\s+commande)\s+(?:a\s+été\s+|est\s+)?(?:émis|envoyé|signé|reçu)\b|"
    r"\b(?:orden\s+de\s+compra|pedido)\s+(?:ha\s+sido\s+|fue\s+|está\s+)?(?:emitid[oa]|enviad[oa]|firmad[oa]|cursad[oa]|"
    r"recibid[oa])\b", re.I)
_PENDING = re.compile(r"\b(?:need\w*|will|shall|must|has\s+to|have\s+to|going\s+to|requires?|required|"
                      r"brauch\w*|benötig\w*|wird|werden|muss|müssen|"
                      r"faut|faudra|besoin|sera|devra|doit|"
                      r"necesit\w*|hace\s+falta|hará\s+falta|será|tiene\s+que|habrá\s+que)\b", re.I)
"""A purchase order still to come ("we will need a PO raised", "the PO must be signed before kickoff"): none exists."""


def _states_order(sentence: str) -> bool:
    """Whether `sentence` states that a purchase order exists: not one asked about, hoped for or still to come."""
    return bool(_PO.search(sentence)) and not ASKED.search(sentence) and not CONDITION.search(sentence) \
        and not _PENDING.search(sentence)


def raised_orders(text: str, ctx: Context) -> list[str]:
    """A purchase order stated as raised or sent while the deal is open and no activity states one."""
    if ctx.record.stage_kind != "open":
        return []
    found = [m.group(0) for sentence in clause_parts(text)
             if (m := _PO.search(sentence)) and not ASKED.search(sentence) and not CONDITION.search(sentence)]
    # only an activity that states one vouches for it: "Has the PO been raised?" or "we will need a PO" do not
    if not found or any(_states_order(s) for t in _activity_texts(ctx) for s in clause_parts(normalise(t))):
        return []
    return [f"deal state the record does not hold (a purchase order): {f!r}" for f in found]


def _activity_texts(ctx: Context, *, inbound_only: bool = False) -> list[str]:
    return [f"{a.get('subject') or ''}. {a.get('text') or ''}" for a in ctx.activities.values()
            if not a.get("withheld") and (not inbound_only or a.get("direction") == "inbound")]


def everyday_violations(text: str, ctx: Context, *, asked_today: bool = False) -> list[str]:
    """Every kind above for one output text (normalised), read as written."""
    return [*goods_unit_prices(text), *on_the_house(text), *gesture_approvals(text, ctx),
            *same_day_calls(text, asked_today), *payment_terms(text, ctx), *waived_security(text),
            *raised_orders(text, ctx)]
