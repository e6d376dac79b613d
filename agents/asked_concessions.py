"""A concession offered as a question (issue 11, wave 30, set 39's 012 "preguntar a Lucía: ¿le quitamos la cuota de
alta?", and quality set 39's en/fr/es-b7 "shall we simply drop the go-live fee?").

agents.waived_fees and agents.concessions read a fee given away in a statement ("we'll forgive the setup fee", "les
frais sont supprimés") and leave questions alone, because a question often reports the buyer's ask ("Lucía asked
whether we could waive the fee"). A question whose subject is us and whose verb proposes is no such report: "shall
we drop the fee?", "sollen wir die Gebühr streichen?", "et si on supprimait les frais ?", "¿le quitamos la cuota?",
"¿se la rebajamos?" put the concession on the table as surely as the statement does; the buyer only has to say yes.
So only the tenant's policy may ask it.

A proposal is read from its grammar, in en/de/fr/es: "shall/should we", "how/what about (us) dropping", "what if we",
"why don't we", "(do you) want us to", "sollen/wollen wir", "wie wäre es, wenn wir", "VERB wir ...?", "et si on/nous",
"on vous enlève ... ?", "voulez-vous que nous", a Spanish verb in the first person plural ("¿le quitamos?", "¿y si le
quitamos?", "¿quiere que le quitemos?"). The verb removes or lowers (drop, waive, take off, streichen, erlassen,
enlever, supprimer, quitar, rebajar) and its object is a charge or a billed item; a verb that only lowers a price
("rebajar", "nachlassen", "baisser") needs no object ("¿se la rebajamos?"). The fee not charged, asked ("what if we
don't charge the setup fee?", "¿y si no le cobramos la cuota?", "et si on ne facturait pas les frais ?"), is the same
offer: there the negation is the concession.
What passes: a question about ability ("¿Podemos condonar la cuota?", "can we waive it?": the rep asks, offers
nothing), a question whose subject is the buyer ("could you drop the fee line?"), a question reported ("Lucía asked
whether we could drop the fee?", "Javier preguntó: ¿le quitan la cuota?"), a negated one, and a question about the
fee that removes nothing ("shall we go through the fee schedule?", "shall we drop by on Thursday?").
"""

from __future__ import annotations

import re

from agents.stance_words import REPORTING_VERBS, words

_COST = (
    r"fees?|charges?|costs?|surcharges?|price|pricing|"
    r"\w*gebühr(?:en)?|\w*pauschale|\w*kosten|\w*entgelt|preis\w*|"
    r"frais|cotisations?|coûts?|prix|tarifs?|forfaits?|"
    r"cuotas?|tarifas?|gastos|comisi[oó]n(?:es)?|matr[ií]cula|costes?|precios?"
)
_ITEM = (
    r"set-?up|installation|onboarding|implementation|activation|go-?live|licen[cs]es?|maintenance|"
    r"einrichtung|installation|inbetriebnahme|aktivierung|wartung|lizenz(?:en)?|"
    r"mise\s+en\s+(?:service|place|route)|installation|activation|adhésion|maintenance|licences?|"
    r"alta|instalaci[oó]n|implantaci[oó]n|puesta\s+en\s+marcha|activaci[oó]n|mantenimiento|licencias?"
)
_TOPIC = (
    # a charge named as a topic or a document, not as money: "the fee schedule", "la grille tarifaire"
    r"(?!\s*(?:discussion|talk|topic|question|schedule|list|sheet|page|section|table|breakdown|review|overview|"
    r"comparison|structure|model|call|liste|tabelle|übersicht|frage|thema|grille|tableau|sujet|question|détail|"
    r"lista|tabla|tema|desglose|pregunta)\b)"
)
_DET = (
    r"(?:(?:the|your|that|this|those|any|all|die|den|der|das|ihre|ihnen|la|le|les|l['’]|el|los|las|lo|su|sus|vos|votre|"
    r"ces|ce|cette|de|des|du|d['’]|ihr\w*|tout|toute|tous|toutes)\s*)"
)
_FILL = r"(?:[\w'’-]+\s+){0,3}?"
_MONEY = rf"{_DET}{{0,2}}{_FILL}(?:{_COST})\b{_TOPIC}"
_BILLED = rf"{_DET}{{0,2}}{_FILL}(?:{_COST}|{_ITEM})\b{_TOPIC}"
_ADVERB = (
    r"(?:(?:just|simply|quietly|maybe|perhaps|also|then|go\s+ahead\s+and|einfach|doch|gleich|vielleicht|mal|ihnen|"
    r"tout\s+simplement|simplement|carrément|juste|directement|peut-être|directamente|simplemente|ya|tambi[eé]n)\s+)"
)
# Verbs that give a thing away, whether it is a fee or the billed item ("shall we comp the installation?"), and verbs
# that remove, take on or lower, which give money away only when their object is money: "shall we drop the
# installation?" changes the scope, "shall we drop the installation fee?" the price.
_EN_GIVE = r"waiv(?:e|ing)|comp(?:ing)?|forgiv(?:e|ing)|throw(?:ing)?\s+in|writ(?:e|ing)\s+off"
_EN_DROP = (
    r"drop(?:ping)?|remov(?:e|ing)|scrap(?:ping)?|strik(?:e|ing)|cut(?:ting)?|forget(?:ting)?(?:\s+about)?|"
    r"skip(?:ping)?|absorb(?:ing)?|cover(?:ing)?|eat(?:ing)?|knock(?:ing)?\s+(?:off|down)|tak(?:e|ing)\s+(?:off|away)|"
    r"lower(?:ing)?|reduc(?:e|ing)|halv(?:e|ing)|lose|losing|ditch(?:ing)?|kill(?:ing)?|zero(?:ing)?\s+out"
)
_EN_PAST = (
    r"waived|comped|forgave|threw\s+in|wrote\s+off|dropped|removed|scrapped|struck|cut|forgot(?:\s+about)?|skipped|"
    r"absorbed|covered|ate|knocked\s+(?:off|down)|took\s+(?:off|away)|lowered|reduced|halved|lost|ditched|killed"
)
_EN_OFF = r"(?:\s+(?:off|away|out))?"
_DE_GIVE = r"erlass\w*|schenk\w*|streich\w*"  # "die Einrichtung streichen" strikes the billed line
_DE_DROP = (
    r"streich\w*|weglass\w*|lass\w*\s+weg|verzicht\w*(?:\s+auf)?|übernehm\w*|übernimm\w*|rausnehm\w*|herausnehm\w*|"
    r"nehm\w*\s+raus|senk\w*|reduzier\w*|halbier\w*|fallen\s+lass\w*|lass\w*\s+fallen|kürz\w*|weg"
)
_FR_GIVE = r"offr\w*|fai\w*\s+cadeau\s+(?:de|des|du|d['’])|fass\w*\s+cadeau\s+(?:de|des|du|d['’])"
_FR_DROP = (
    r"enl[eè]v\w*|supprim\w*|retir\w*|oubli\w*|renon\w*\s+(?:à|aux|au)|laiss\w*\s+tomber|pren\w*\s+en\s+charge|"
    r"fai\w*\s+sauter|fass\w*\s+sauter|annul\w*|baiss\w*|rédui\w*|rabot\w*|effac\w*|sacrifi\w*|zapp\w*|ray\w*"
)
_ES_GIVE = r"perdon|regal|condon"
_ES_DROP = r"quit|elimin|suprim|rebaj|descont|anul|olvid|asum|absorb|recort|reduc|cancel|borr|tach|baj"
_ES_WE = r"(?:amos|emos|imos|áramos|iéramos|ásemos|iésemos|aríamos|eríamos|iríamos|aremos|eremos|iremos)"


def _en(verb_give: str, verb_drop: str) -> str:
    # "take the setup fee off", "knock the fee down": the particle after the object
    return (
        rf"(?:(?:{verb_give}){_EN_OFF}\s+{_BILLED}|(?:{verb_drop}){_EN_OFF}\s+{_MONEY}|"
        rf"(?:tak\w*|took|knock\w*)\s+{_MONEY}\s+(?:off|down|away))"
    )


_EN_VERB = _en(_EN_GIVE, _EN_DROP)
_DE_OBJECT_VERB = (
    # German puts the object between the subject and the verb: "sollen wir die Einrichtung einfach streichen"
    rf"(?:\w+\s+){{0,4}}?\w*(?:{_COST}|{_ITEM})\w*\b{_TOPIC}\s+(?:\w+\s+){{0,3}}?(?:{_DE_GIVE})\b|"
    rf"(?:\w+\s+){{0,4}}?\w*(?:{_COST})\w*\b{_TOPIC}\s+(?:\w+\s+){{0,3}}?(?:{_DE_DROP})\b|"
    rf"(?:\w+\s+){{0,2}}?(?:verzicht\w*)\s+auf\s+{_MONEY}"
)
_LOWERS_ALONE = re.compile(
    # verbs that lower a price by themselves, so a pronoun is object enough: "¿se la rebajamos?", "lassen wir nach?"
    r"\b(?:rebaj|descont)\w*" + _ES_WE + r"\b|\bnachlass\w*|\blass\w*\s+(?:\w+\s+){0,3}?nach\b|"
    r"\b(?:knock|take)\s+(?:something|a\s+bit|some)\s+off\b|\bbaiss\w*\s+(?:un\s+peu\s+)?(?:le\s+prix|la\s+facture)\b|"
    r"\bfai\w*\s+un\s+(?:geste|effort)\b|\bhac\w*"
    + _ES_WE
    + r"\s+(?:un|una)\s+(?:descuento|rebaja|esfuerzo)\b",
    re.I,
)
_PROPOSALS = re.compile(
    # en: the seller proposes to remove it
    rf"\b(?:shall|should)\s+(?:we|i)\s+{_ADVERB}*{_EN_VERB}|"
    rf"\b(?:how|what)\s+about\s+(?:(?:we|us|me|if\s+we)\s+)?{_ADVERB}*{_EN_VERB}|"
    rf"\b(?:what|how)\s+if\s+(?:we|i)\s+{_ADVERB}*(?:(?:just|simply|were\s+to|did)\s+)?"
    rf"(?:{_EN_VERB}|{_en(_EN_PAST, _EN_PAST)})|"
    rf"\bwhy\s+don['’]?t\s+(?:we|i)\s+{_ADVERB}*{_EN_VERB}|"
    rf"\b(?:want|like|need)\s+(?:us|me)\s+to\s+{_ADVERB}*{_EN_VERB}|"
    rf"\b(?:would|does|will)\s+(?:it|that)\s+help\s+if\s+(?:we|i)\s+{_ADVERB}*(?:{_en(_EN_PAST, _EN_PAST)}|{_EN_VERB})|"
    rf"\blet['’]?s\s+{_ADVERB}*{_EN_VERB}|"
    # de: "sollen wir die Gebühr streichen", "wie wäre es, wenn wir ... verzichten", "streichen wir die Gebühr?"
    rf"\b(?:sollen|sollten|wollen|möchten|dürfen)\s+wir\s+(?:{_DE_OBJECT_VERB})|\bwenn\s+wir\s+(?:{_DE_OBJECT_VERB})|"
    rf"(?:^|[¿,:;–—]\s*|\s-\s*)(?:(?:{_DE_GIVE})\s+wir\s+(?:\w+\s+){{0,4}}?\w*(?:{_COST}|{_ITEM})|"
    rf"(?:{_DE_DROP})\s+wir\s+(?:\w+\s+){{0,4}}?\w*(?:{_COST}))\w*{_TOPIC}|"
    # fr: "et si on supprimait les frais", "on vous enlève les frais ?", "voulez-vous que nous retirions"
    rf"\b(?:on|nous|je|qu['’]on|que\s+nous|que\s+je)\s+(?:(?:vous|leur|lui|les|la|le|l['’]|en|y|ne)\s*)*{_ADVERB}*"
    rf"(?:(?:{_FR_GIVE})\s+{_ADVERB}*{_BILLED}|(?:{_FR_DROP})\s+{_ADVERB}*{_MONEY})|"
    rf"\b(?:{_COST})\b[^?]{{0,40}}?\b(?:on|nous)\s+(?:vous\s+)?(?:les|la|le|l['’])\s*(?:{_FR_GIVE}|{_FR_DROP})|"
    # es: a verb in the first person plural that takes the charge away: "¿le quitamos la cuota?", "¿y si eliminamos
    # los gastos?", "¿quiere que le quitemos la cuota?"
    rf"\b(?:(?:{_ES_GIVE})\w*{_ES_WE}\s+{_ADVERB}*{_BILLED}|(?:{_ES_DROP})\w*{_ES_WE}\s+{_ADVERB}*{_MONEY})|"
    rf"\b(?:{_COST})\b[^?]{{0,40}}?\b(?:se\s+la|se\s+lo|se\s+las|se\s+los|la|lo|las|los)\s+"
    rf"(?:{_ES_GIVE}|{_ES_DROP})\w*{_ES_WE}\b",
    re.I,
)
_NOT_CHARGING = re.compile(
    # the fee not charged, asked: "what if we don't charge the setup fee?", "¿y si no le cobramos la cuota?", "und wenn
    # wir die Gebühr nicht berechnen?", "et si on ne facturait pas les frais ?": the negation is the offer here
    r"\b(?:we|i)\s+(?:just\s+|simply\s+)?(?:don['’]?t|do\s+not|didn['’]?t|did\s+not|won['’]?t|wouldn['’]?t|were\s+not\s+to|"
    r"weren['’]?t\s+to|stop(?:ped)?)\s+(?:charg|bill|invoic)\w*|\b(?:how|what)\s+about\s+(?:us\s+)?not\s+(?:charg|bill|invoic)\w*|"
    rf"\bwir\s+(?:\w+\s+){{0,5}}?\w*(?:{_COST}|{_ITEM})\w*\s+(?:\w+\s+){{0,2}}?nicht\s+(?:mehr\s+)?(?:berechn|verrechn|abrechn|"
    r"in\s+rechnung\s+stell)\w*|\b(?:berechn|verrechn)\w*\s+wir\s+(?:\w+\s+){0,4}?nicht\b|"
    r"\b(?:on|nous)\s+(?:(?:vous|leur|lui)\s+)?ne\s+(?:(?:vous|leur|lui|les|la|le|l['’])\s*)*(?:factur|compt)\w*\s+(?:pas|plus)\b|"
    r"\bsans\s+(?:vous\s+|leur\s+|lui\s+)?(?:les\s+|la\s+|le\s+)?factur\w*|"
    rf"\bno\s+(?:(?:le|les|se|la|lo|las|los)\s+)*(?:cobr|factur|carg)\w*{_ES_WE}\b",
    re.I,
)
_QUESTION = re.compile(r"¿[^?¿]*\?|[^.!?¿\n]*\?")
_REPORTED = words(
    # someone else's question: the buyer asks, we report it (conjugated; the infinitive "ask Lucía:" is our own plan).
    # The shared reporting verbs (agents.stance_words), then this check's own extras.
    REPORTING_VERBS,
    r"wonders|wanted\s+to\s+know|wants\s+to\s+know|you\s+asked|fragte\w*|fragt|fragen\s+sie|"
    r"wollte\s+wissen|will\s+wissen|möchte\s+wissen|a\s+demandé|avait\s+demandé|demandait|demande\s+si|voulait\s+savoir|"
    r"veut\s+savoir|se\s+demande|vous\s+demandiez|preguntaba|pregunta\s+si|quería\s+saber|quiere\s+saber|"
    r"se\s+pregunta|pidió|pide\s+que|me\s+pregunt\w*|nos\s+pregunt\w*",
)
_NEGATED = re.compile(r"\b(?:not|never|no|nicht|kein\w*|nie|ne|n['’]|pas|jamais|nunca|tampoco)\b", re.I)


def asked_concessions(text: str) -> list[str]:
    """Questions of `text` in which we propose to drop, waive or lower a charge (an offer the buyer only has to accept).

    Args:
        text: an output (a draft, an analysis, a rationale), normalised.
    """
    if "?" not in text:
        return []  # most texts ask nothing
    out = []
    for q in _QUESTION.finditer(text):
        question = q.group(0)
        unbilled = _NOT_CHARGING.search(question)
        m = unbilled or _PROPOSALS.search(question) or _LOWERS_ALONE.search(question)
        if not m:
            continue
        # what leads to the question in its sentence: "Lucía asked whether", "Javier preguntó:" report the buyer's ask
        before = text[: q.start()]
        context = before[max(before.rfind(c) for c in ".!?\n") + 1 :] + question[: m.start()]
        if _REPORTED.search(context) or (not unbilled and _NEGATED.search(question[: m.end()])):
            continue
        out.append(f"promise outside policy (a concession offered as a question): {question.strip()!r}")
    return list(dict.fromkeys(out))
