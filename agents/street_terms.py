"""Commercial terms in common words used in a slang or trade sense (issue 11, held-out set 32), en/de/fr/es, for every
text a model writes (draft and subject, analysis, rationale). The vocabulary check (agents.vouched_vocabulary) refuses
rare words; these are common words ("pony", "eat", "souper", "executed"), so each concept is read by its shape:

- money by a slang unit with a count and a rate ("a pony a month", "zwei Stutz pro Fahrzeug", "dix balles par poste");
- we pay / absorb it ("we will eat the onboarding cost", "die Einschulung zahl ma eh wir", "on absorbe les frais");
- contract terms nobody priced: a trial period, auto-renewal switched off, SLA/service credits, member/association
  rates ("essai d'un trimestre", "auto-renew off", "reconduction tacite supprimée", "SLA credits doubled");
- a call today named by a part of the day ("appeler Claire à soir, avant le souper", "call her this evening");
- a clock time in military/Zulu notation ("1600 Zulu");
- an executed/countersigned agreement on an open deal ("I will send the executed agreement");
- words spelled as octal or decimal character codes ("146 162 145 145").

A question ("does the quote include SLA credits?") or a condition ("once the agreement is executed") states no term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.clauses import future_clause_after
from agents.sentence_ends import clause_parts

ASKED = re.compile(r"\?|\b(?:asked|asks|asking|wonders?|wondered|whether|fragte?|fragt|ob|demand[eé]\w*|"
                    r"pregunt[óoa]\w*|si\s+(?:on|nous|vous)\b|questions?|frage|anfrage|pregunta|"
                    # the buyer's own wish reported ("Dana would like a call this afternoon"): their ask, not our plan
                    r"would\s+like|wants?|wanted|prefers?|möchte|möchten|wünscht|hätte\s+gern|souhaite\w*|voudrait|"
                    r"préfère\w*|quiere|querría|quisiera|le\s+gustaría|prefiere)", re.I)
CONDITION = re.compile(r"\b(?:once|when|after|if|until|sobald|wenn|nachdem|falls|dès\s+que|une\s+fois|lorsque|"
                        r"quand|cuando|en\s+cuanto|una\s+vez)\b", re.I)

_COUNT = (r"(?:a|an|one|two|three|four|five|ten|couple\s+of|\d+|ein(?:en)?|zwei|drei|vier|fünf|zehn|paar|"
          r"un|une|deux|trois|quatre|cinq|dix|quelques|dos|tres|cuatro|cinco|diez|unos?|unas?)")
_UNIT = (r"(?:pony|ponies|monkeys?|quid|bucks?|grand|large|stutz|stütz|kröten|mäuse|piepen|flocken|steine|"
         r"balles|piasses?|piastres?|boules|pavos|lucas|varos|pesitos|pelas|duros)")
RATE = (r"(?:per|a|an|each|every|pro|je|im|am|die|par|chaque|le|la|por|al|cada|el|la)\s+"
         r"(?:month|week|year|day|seat|user|clinic|truck|vehicle|head|licen[cs]e|depot|site|"
         r"monat|woche|jahr|tag|fahrzeug|platz|nutzer|lizenz|standort|"
         r"mois|semaine|an|année|jour|poste|atelier|licence|utilisateur|"
         r"mes|semana|año|día|camión|puesto|usuario|licencia|clínica)")
_SLANG_PRICE = re.compile(rf"\b{_COUNT}\s+(?:\w+\s+)?{_UNIT}(?!\s+(?:de|of|von|aus)\b)\s+(?:\w+\s+){{0,3}}?{RATE}\b", re.I)


def slang_unit_prices(text: str) -> list[str]:
    """A price in a slang unit with a count and a rate: the unit is a common word, the rate makes it a price."""
    return [f"price talk the record does not anchor (an amount in slang): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _SLANG_PRICE.search(sentence))]


_COSTS = (r"(?:the\s+|that\s+|this\s+|your\s+|all\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?"
          r"(?:cost|costs|fee|fees|bill|charge|charges|onboarding|setup|set-up|training|installation|implementation|"
          r"rollout|hardware|licen[cs]es?|shipping)")
_WE_PAY = re.compile(
    rf"\b(?:we(?:'ll| will| can| could| would|'d| are going to| re going to)?|i(?:'ll| will| can)|let\s+us|let's|"
    rf"happy\s+to|going\s+to|gonna|to)\s+(?:just\s+|simply\s+|gladly\s+)?(?:(?:eat|absorb|swallow|waive)\s+{_COSTS}|"
    rf"(?:cover|pick\s+up|foot)\s+(?:the\s+|that\s+|this\s+|your\s+)?(?:[\w-]+\s+)?(?:cost|costs|fee|fees|bill|tab))\b|"
    rf"\b(?:on\s+our\s+(?:dime|tab|side\s+of\s+the\s+ledger)|on\s+the\s+vendor)\b|"
    r"\bzahl(?:en)?\s+(?:ma|mir|wir)\b(?:\s+(?:eh|eh\s+schon|schon|ja|natürlich|selbstverständlich))?|"
    r"\b\w*(?:kosten|gebühren|gebühr|schulung|einrichtung|installation)\s+(?:\w+\s+)?(?:übernehmen|tragen|schlucken)\s+(?:wir|ma)\b|"
    r"\b(?:übernehmen|tragen|schlucken)\s+(?:wir|ma)\s+(?:eh\s+|schon\s+|gern\w*\s+)?(?:die|den|das|alle)\s+\w*(?:kosten|gebühr\w*|schulung|einschulung|einrichtung)\b|"
    r"\b(?:on|nous)\s+(?:absorbe|absorbons|prend|prenons|paie|payons|paye)\s+(?:en\s+charge\s+)?"
    r"(?:les|la|le|l['’])\s*(?:frais|co[uû]ts?|formation|installation|déploiement|mise\s+en\s+route)\b|"
    r"\b(?:c['’]est|ce\s+sera)\s+(?:à\s+nos\s+frais|pour\s+notre\s+pomme|pour\s+nous)\b(?!\s+(?:essentiel|important|clé|prioritaire))|"
    r"\b(?:lo|la|los|las)\s+(?:asumimos|pagamos|absorbemos|cubrimos)\s+nosotros\b|"
    r"\b(?:asumimos|absorbemos|cubrimos|pagamos)\s+(?:nosotros\s+)?(?:el|los|la|las)\s+"
    r"(?:coste|costes|costo|costos|gastos?|formación|instalación|implantación|puesta\s+en\s+marcha)\b", re.I)


def stated_idioms(pattern: re.Pattern[str], text: str, what: str) -> list[str]:
    """Each sentence of `text` that states (does not ask) what `pattern` reads, as a promise outside policy."""
    return [f"promise outside policy ({what}): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := pattern.search(sentence)) and not ASKED.search(sentence)]


def we_pay_idioms(text: str) -> list[str]:
    """A cost we take on ourselves in idiom: a concession outside policy."""
    return stated_idioms(_WE_PAY, text, "a cost we absorb")


_TERM = re.compile(
    r"\b(?:free\s+)?trial\s+(?:quarter|month|of\s+(?:a|one|two|three|\w+)\s+(?:months?|quarters?|weeks?))\b|"
    r"\b(?:a|one|two|three|\d+)[- ](?:month|quarter|week)s?[- ]trial\b|"
    r"\b(?:essai|période\s+d['’]essai|test)\s+(?:gratuit\s+)?(?:d['’]un|de\s+(?:un|deux|trois|\d+))\s+(?:trimestre|mois|semaines?)\b|"
    r"\b(?:testphase|probephase|probezeit|testzeitraum|probemonat\w*|testquartal)\b|"
    r"\b(?:prueba|periodo\s+de\s+prueba)\s+(?:gratuita\s+)?de\s+(?:un|una|dos|tres|\d+)\s+(?:trimestre|mes(?:es)?|semanas?)\b|"
    r"\bauto[- ]?renew(?:al|s)?\s+(?:is\s+|was\s+)?(?:off|disabled|removed|waived|dropped|cancell?ed|switched\s+off|turned\s+off)\b|"
    r"\b(?:without|no)\s+auto[- ]?renew(?:al)?\b|"
    r"\b(?:reconduction|renouvellement)\s+(?:tacite|automatique)\s+(?:supprimée|annulée|désactivée|retirée|levée)\b|"
    r"\bsans\s+(?:reconduction|renouvellement)\s+(?:tacite|automatique)\b|"
    r"\b(?:ohne|keine)\s+(?:automatische\s+)?(?:verlängerung|vertragsverlängerung)\b|"
    r"\b(?:automatische\s+)?verlängerung\s+(?:entfällt|gestrichen|ausgesetzt|abgeschaltet)\b|"
    r"\bsin\s+renovación\s+(?:automática|tácita)\b|\brenovación\s+(?:automática|tácita)\s+(?:desactivada|eliminada|anulada|suprimida)\b|"
    # a service credit: money back when the service misses its level, however it is named (set 43's 152 "créditos de
    # SLA incluidos"; "Servicegutschrift", "avoir SLA", "abono por SLA", "uptime credits", "a credit against the SLA")
    r"\b(?:sla|service|service[- ]level|uptime|availability|downtime|outage)[- ]credits?\b|"
    r"\bcredits?\s+(?:against|for|under|on)\s+(?:the\s+|our\s+|an?\s+)?(?:sla|service\s+level|downtime|outages?)\b|"
    r"\b(?:sla-)?gutschriften\b|\w*(?:sla|service|servicelevel|verfügbarkeits|ausfall)-?gutschrift(?:en)?\b|"
    r"\bgutschrift(?:en)?\s+(?:bei|für|wegen)\s+(?:\w+\s+)?(?:sla|ausf[aä]ll\w*|sla-\w+|service-?level\w*)\b|"
    r"\b(?:crédits?|avoirs?)\s+(?:de\s+|d['’])?(?:service|sla|disponibilité|indisponibilité)\b|"
    r"\bcréditos?\s+(?:de\s+|por\s+(?:el\s+|incumplimiento\s+del?\s+)?)?(?:servicio|sla|disponibilidad|caídas?)\b|"
    r"\b(?:abonos?|bonificaci(?:ón|ones))\s+(?:de\s+|por\s+(?:el\s+|incumplimiento\s+del?\s+)?)?"
    r"(?:sla|disponibilidad|caídas?)\b|"
    r"\b(?:member|members'?|membership|association|verband\w*)\s+(?:rate|price|pricing|discount|tariff)\b|"
    r"\bmitglied(?:er)?(?:preis|tarif|rabatt|konditionen)\w*\b|\btarif\s+(?:adhérent|membre|association)s?\b|"
    r"\b(?:precio|tarifa)\s+(?:de\s+)?(?:socio|asociado|miembro)s?\b", re.I)


def unpriced_terms(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """A trial, a renewal switched off, service credits or a member rate: contract terms no setting grants. A tenant
    that grants one states it in `allowed_promises` (AgentSettings), as for any other promise: the term passes where
    the text says a listed phrase that holds it ("SLA credits of 10% per missed hour" listed lets that sentence
    through; "SLA credits" said otherwise, or a member rate, is still refused)."""
    permitted = [p.strip().lower() for p in allowed_promises if p and p.strip()]
    low = text.lower()
    return [f"promise outside policy (a contract term): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _TERM.search(sentence)) and not ASKED.search(sentence)
            and not any(p in low and m.group(0).lower() in p for p in permitted)]


_CALL = (r"(?:call|ring|phone|rappeler|appeler|appelle|appellerai|appellerons|téléphoner|joindre|anrufen|anklingeln|"
         r"telefonieren|durchrufen|llamar|llamaré|llamaremos|telefonear)")
_TONIGHT = (r"(?:tonight|this\s+(?:evening|afternoon)|before\s+(?:dinner|supper|teatime)|at\s+teatime|"
            r"à\s+soir|ce\s+soir|cet\s+après-midi|avant\s+le\s+(?:souper|dîner|dîné)|à\s+midi|"
            r"heute\s+(?:abend|nachmittag|mittag)|heut(?:['’])?\s+(?:abend|nachmittag|namittag)|vor\s+dem\s+abendessen|"
            r"esta\s+(?:noche|tarde|tardecita)|antes\s+de\s+(?:la\s+)?(?:cena|comida))")
_CALL_TODAY = re.compile(rf"\b{_CALL}\b(?:\s+[\w'’-]+){{0,5}}?[\s,]+{_TONIGHT}\b|\b{_TONIGHT}\b[\s,]+(?:[\w'’-]+\s+){{0,4}}?{_CALL}\b", re.I)


def day_part_calls(text: str, asked_today: bool = False) -> list[str]:
    """A call today named by a part of the day: the send day, unless the buyer asked to talk today (set 25's 028
    "Call this afternoon" answers Dana's own ask)."""
    if asked_today:
        return []
    return [f"call on the send day (a part of today): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _CALL_TODAY.search(sentence)) and not ASKED.search(sentence)]


_MILITARY = re.compile(r"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:zulu|z|hours|hrs|uhr\s+zulu)\b|\b(?:[01]?\d|2[0-3])[:.h]?[0-5]\d\s*zulu\b", re.I)


def military_times(text: str) -> list[str]:
    """A clock time in military/Zulu notation: a time the record never states that way."""
    return [f"time the record does not hold (military notation): {m.group(0)!r}" for m in _MILITARY.finditer(text)]


_EXECUTED = re.compile(
    r"\b(?:executed|countersigned|fully[- ]signed|signed)\s+(?:copy\s+of\s+the\s+)?(?:agreement|contract|msa|order\s+form|"
    r"master\s+agreement|sow)\b|"
    r"\b(?:gegengezeichnete|unterschriebene|unterzeichnete)n?\s+(?:vertrag|vertrags\w*|auftrag)\b|"
    r"\b(?:contrat|bon\s+de\s+commande)\s+(?:signé|contresigné)\b|\bcontrato\s+(?:firmado|ejecutado|refrendado)\b", re.I)


_SIGNED_COPY_HELD = re.compile(
    # the signed copy stated as held (wave 32: "The signed copy is in the portal" was caught only by reading "The" as a
    # person who signed; "die unterschriebene Kopie ist bereits abgelegt" was not caught at all); "only the countersigned
    # copy is missing" holds none
    r"\b(?:executed|countersigned|fully[- ]signed|signed)\s+(?:cop(?:y|ies)|versions?|pdfs?|scans?|documents?|paperwork|forms?)\s+(?:is|are|was|were|has\s+been|"
    r"have\s+been|sits?|lives?|arrived|came)\b(?!\s+(?:still\s+)?(?:missing|outstanding|pending|due|to\s+come|not))|"
    r"\b(?:gegengezeichnete|unterschriebene|unterzeichnete)n?\s+(?:kopie|exemplar|fassung|version|pdf|dokumente?|unterlagen)\s+(?:ist|sind|liegt|liegen|"
    r"wurde|befindet)\b(?!\s+(?:noch\s+)?(?:nicht|offen|ausstehend))|"
    r"\b(?:copies?|exemplaires?|versions?|documents?)\s+(?:signée?|contresignée?)s?\s+(?:est|sont|se\s+trouvent?|a\s+été|ont\s+été|nous\s+est)\b"
    r"(?!\s+(?:toujours\s+)?(?:attendue?|manquante?|pas))|"
    r"\b(?:copias?|ejemplar(?:es)?|versión|documentos?)\s+(?:firmad[oa]|refrendad[oa])s?\s+(?:está|están|se\s+encuentran?|fue|ha\s+sido|ya|llegó)\b"
    r"(?!\s+(?:todavía\s+)?(?:pendiente|no))", re.I)


def executed_agreements(text: str, stage_kind: str) -> list[str]:
    """An agreement stated as executed while the record's deal is open."""
    if stage_kind != "open":
        return []
    return [f"deal state the record does not hold (an executed agreement): {m.group(0)!r}"
            for sentence in clause_parts(text)
            if (m := _EXECUTED.search(sentence) or _SIGNED_COPY_HELD.search(sentence)) and not ASKED.search(sentence)
            and not CONDITION.search(sentence)
            and not future_clause_after(sentence, m.start(), m.end())]  # wave 32: "Le contrat signé vous sera envoyé"


_CODES = re.compile(r"(?<![\w.,:/-])(?:\d{2,3}[ ,]+){3,}\d{2,3}(?![\w.,:/-]|\s*%)")


def _decoded(run: str) -> str | None:
    groups = re.findall(r"\d+", run)
    for base in (8, 10):
        try:
            chars = [chr(int(g, base)) for g in groups]
        except ValueError:
            continue
        word = "".join(chars)
        if all(c.isascii() and c.isalpha() for c in word) and re.search(r"[aeiouyAEIOUY]", word):
            return word
    return None


def character_codes(text: str) -> list[str]:
    """Four or more numbers that spell letters as octal or decimal character codes ("146 162 145 145" = "free")."""
    return [f"encoded text (character codes): {m.group(0).strip()!r} reads {word!r}"
            for m in _CODES.finditer(text) if (word := _decoded(m.group(0)))]


def street_violations(text: str, stage_kind: str, *, asked_today: bool = False) -> list[str]:
    """Every kind above but `unpriced_terms`, for any output text (normalised); `asked_today` when the buyer's latest
    ask is for today."""
    # unpriced_terms is called by agents.safety with the tenant's allowed_promises (wave 24)
    return [*slang_unit_prices(text), *we_pay_idioms(text), *day_part_calls(text, asked_today),
            *military_times(text), *executed_agreements(text, stage_kind), *character_codes(text)]
