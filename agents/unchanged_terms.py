"""Honest sentences that say nothing moved (issue 11, wave 33: set 42's look-alikes 014, 020, 084).

Three shapes a buyer reads as "no change", which the concept and price-talk checks read as a term:

- nothing paid yet beside nothing signed ("Es ist noch nichts unterschrieben und nichts bezahlt", "nothing is signed
  and nothing is paid", "rien n'est signé ni payé", "nada firmado ni nada pagado"): the open deal's state, not a
  no-cost promise. A span, a milestone or money in the sentence makes it a payment put off ("nothing is paid until
  go-live") and it is read as before.
- an amount whose negation governs a verb of change ("el importe de 42.000 EUR no cambia", "the price does not
  change"): the amount stays, it is not waived. With a span ("no cambia hasta 2028") it is a price lock and is read.
- our usual payment terms said to apply ("Es gelten unsere üblichen Zahlungsbedingungen; daran ändert sich nichts",
  "nos conditions de paiement habituelles s'appliquent"): no term moved. A figure, a span or an exception ("except",
  "außer", "sauf", "salvo") makes it a term and it is read.

Three more below, one chain that agents.price_talk reads first (`unmoved_prices_out`): a price named and said to stay
as it is, so no price talk. The amount kept "without changing" it (wave 37b), the amount said to stay the one
discussed (wave 39, set 50's fr-g5), and in internal texts the strategy's stance to hold the price (wave 24; moved
here from agents.price_talk in wave 40, when the three became one chain).
"""

from __future__ import annotations

import re

_PAID = re.compile(r"\b(?:paid|bezahlt|gezahlt|überwiesen|payée?s?|réglée?s?|versée?s?|pagad[oa]s?|abonad[oa]s?)\b", re.I)
_NOTHING = re.compile(r"\b(?:nothing|nichts|rien|nada|no)\b", re.I)
_SIGNED_OR_YET = re.compile(
    r"\b(?:signed|yet|so far|unterschrieben|unterzeichnet|noch|bisher|signée?s?|encore|jusqu'ici|firmad[oa]s?|"
    r"todavía|aún|hasta ahora)\b", re.I)
_SPAN_MONEY_OR_MILESTONE = re.compile(
    r"\d|[$€£]|\b(?:until|till|before|after|unless|for\s+the|during|free|months?|years?|go-?live|launch\w*|"
    r"bis|vor|nach|ohne|während|kostenlos\w*|gratis|monat\w*|jahr\w*|inbetriebnahme|"
    r"jusqu\w*|avant|après|pendant|gratuit\w*|mois|ans?|années?|mise\s+en\s+service|"
    r"hasta\s+(?!ahora)|antes|después|durante|gratuit[oa]s?|mes(?:es)?|años?|puesta\s+en\s+marcha)\b", re.I)


def nothing_paid_yet(sentence: str, found: str) -> bool:
    """Whether `found` (a negation near a word for paying) says nothing has been paid yet on an open deal, beside
    nothing signed or a "yet", with no span, money or milestone in the sentence."""
    return bool(_PAID.search(found) and _NOTHING.search(found) and _SIGNED_OR_YET.search(sentence)
                and not _SPAN_MONEY_OR_MILESTONE.search(sentence))

_CHANGE_AFTER = re.compile(
    # verbs only: English "at no change to the total" is a noun after "no" (and "does not change" was never refused)
    r"\s*(?:se\s+|sich\s+)?(?:cambi(?:a|ará|aría)|var(?:ía|iará)|modific(?:a|ará)|mueve|sube|aumenta|ändert|bouge\w*|"
    r"varie\w*)\b", re.I)
_SPAN = re.compile(r"\b(?:as\s+long\s+as|tant\s+que|solange|mientras|until|till|through|for\s+(?:the\s+)?(?:next\s+)?\w*\s*years?|bis|jusqu\w*|pendant|hasta|"
                   r"durante|never|ever|forever|nie|niemals|jamais|nunca|20\d\d)\b", re.I)


def amount_unchanged(sentence: str, end: int) -> bool:
    """Whether the negation ending at `end` in `sentence` governs a verb of change ("no cambia", "does not change"),
    with no span that would make it a price lock."""
    return bool(_CHANGE_AFTER.match(sentence, end)) and not _SPAN.search(sentence)


_WITHOUT_CHANGING = re.compile(
    r"\b(?:without|ohne|sans|sin)\s+(?:(?:den|die|das|le|la|les|l['’]|el|los|las|the|its|seinen|ihren)\s+[\w'’-]+\s+zu\s+ändern|"
    r"zu\s+ändern|(?:eine\s+)?änderung\w*|chang(?:e|ing)|alter(?:ing)?|modify(?:ing)?|touch(?:ing)?|"
    r"changer|modifier|toucher|cambiar|modificar|alterar|tocar)\b",
    re.I,
)


def without_changing(sentence: str, found: str, end: int, adds_more: bool) -> bool:
    """Whether the negation in `found` (ending at `end`) is "without changing" the amount ("sin cambiar el importe",
    "without changing the amount", "ohne den Betrag zu ändern"; wave 37, set 46's 007): the amount stays, nothing is
    free. When the sentence adds something (`adds_more`: "20 camiones más sin cambiar el importe") it is more for the
    same price and is read as before; a span ("until 2028") makes it a price lock, which agents.concepts reads apart."""
    return not adds_more and bool(_WITHOUT_CHANGING.search(found) or _WITHOUT_CHANGING.search(sentence, max(0, end - 8), end + 40))


_USUAL_TERMS = re.compile(
    r"\b(?:(?:our|the|your)\s+)?(?:usual|standard|normal|regular)\s+(?:payment\s+)?(?:terms|conditions)\b|"
    r"\b(?:üblichen|gewohnten|normalen|standard)\s*-?\s*(?:zahlungs)?(?:bedingungen|konditionen)\b|"
    r"\bconditions\s+(?:de\s+(?:paiement|règlement)\s+)?(?:habituelles|standard|normales)\b|"
    r"\bcondiciones\s+(?:de\s+pago\s+)?(?:habituales|estándar|normales|de\s+siempre)\b", re.I)
_EXCEPTION = re.compile(
    r"\d|[$€£%]|\b(?:except|but|save|other than|extended|longer|later|außer|ausnahmsweise|aber|jedoch|verlängert\w*|"
    r"später\w*|sauf|mais|prolong\w*|plus\s+tard|salvo|excepto|pero|ampliad[oa]s?|más\s+tarde|days?|tage\w*|jours?|"
    r"días?|net|netto|until|bis|jusqu\w*|hasta)\b", re.I)


def usual_terms_apply(sentence: str) -> bool:
    """Whether `sentence` only says our usual (payment) terms apply, with no figure, span or exception."""
    return bool(_USUAL_TERMS.search(sentence)) and not _EXCEPTION.search(sentence)


_KEPT_AMOUNT = re.compile(
    r"\b(?:without|sans|sin)\s+(?:chang(?:e|ing)|alter(?:ing)?|modify(?:ing)?|touch(?:ing)?|changer|modifier|toucher|"
    r"cambiar|modificar|alterar|tocar)\s+(?:the|its|our|your|le|la|l['’]|notre|votre|el|la|su|nuestro)\s*"
    r"(?:total\s+)?(?:amount|price|total|fee|montant|prix|tarif|total|importe|precio|cuota)\b|"
    r"\bohne\s+(?:den|die|das|unseren|ihren)\s+(?:gesamt)?(?:betrag|preis|summe)\s+zu\s+ändern\b", re.I)
_ADDED = re.compile(
    r"\d|\b(?:add\w*|extra|additional|more|premium|upgrade\w*|hinzu\w*|zusätzlich\w*|mehr|dazu|ajout\w*|"
    r"supplémentaire\w*|plus|añad\w*|agreg\w*|adicional\w*|más|includ\w*|inclu\w*|incluy\w*|inklusive|enthalten|"
    r"free|gratis|kostenlos\w*|gratuit\w*|offert\w*|throw\w*\s+in|on\s+top|obendrauf|en\s+prime|regal\w*)\b", re.I)


def _kept_amount_out(sentence: str) -> str:
    """`sentence` with "without changing the amount" blanked ("ohne den Betrag zu ändern", "sans changer le montant",
    "sin cambiar el importe"; wave 37b): the amount stays and none is named, so it is no price talk. With a figure or
    something added ("two more sites without changing the price") it is more for the same price, read as before."""
    return sentence if _ADDED.search(sentence) else _KEPT_AMOUNT.sub(lambda m: " " * len(m.group(0)), sentence)


# wave 39 (set 50's fr-g5): "Le montant annuel reste celui dont nous avons parlé" names no new price. The clause is
# blanked only when the sentence has no figure, share, span, moved price or anything added ("reste celui dont nous
# avons parlé jusqu'en 2028" is a price held); other complements ("reste négociable") are not blanked.
_AMOUNT = (r"(?:the|our|your|this|that|le|notre|votre|ce|el|nuestro|su|este|der|die|das|den|unser\w*|ihr\w*)\s+"
           r"(?:(?:annual|yearly|total|overall|annuel|global|anual|jährliche\w*)\s+)?"
           r"(?:amount|price|total|fee|montant|prix|tarif|total|importe|precio|\w*betrag|\w*preis|summe)"
           r"(?:\s+(?:annuel|global|total|anual|total))?")
_STAYS = (r"(?:stays|remains|stay|remain|will\s+stay|will\s+remain|is\s+still|reste|restera|demeure|bleibt|wird\s+bleiben|"
          r"sigue\s+siendo|seguirá\s+siendo|se\s+mantiene|es\s+el\s+mismo|queda)")
_DISCUSSED = (
    r"(?:the\s+one\s+(?:we\s+)?(?:discussed|agreed|talked\s+about|spoke\s+about|mentioned)|what\s+we\s+(?:discussed|"
    r"agreed)|the\s+same|as\s+discussed|as\s+agreed|as\s+it\s+was|unchanged|"
    r"celui\s+(?:dont\s+nous\s+avons\s+parlé|que\s+nous\s+avons\s+(?:évoqué|convenu|vu)|convenu|évoqué)|le\s+même|"
    r"inchangée?|tel\s+quel|comme\s+convenu|"
    r"der\s+besprochene|die\s+besprochene|der\s+vereinbarte|die\s+vereinbarte|wie\s+besprochen|wie\s+vereinbart|"
    r"gleich|derselbe|dieselbe|unverändert|"
    r"el\s+que\s+(?:comentamos|hablamos|acordamos|vimos)|el\s+(?:acordado|comentado|mismo)|igual|sin\s+cambios|"
    r"como\s+(?:lo\s+)?(?:hablamos|acordamos|comentamos))"
)
# wave 41 (set 53's en-g6, "It sets out the waves ... and leaves the price unchanged"; en-g8's "the 9 clinics, the
# reminder texts and the price stay the same"): the amount left as it is by the document, and a plural "stay"
# third person only: the document or the plan does it; "we keep the price unchanged" is our stance, read as before
_LEAVES = r"(?:leaves|keeps|lässt|belässt|laisse|laissent|deja|dejan|mantiene|mantienen)"
_AS_IT_IS = (r"(?:unchanged|untouched|the\s+same|as\s+it\s+(?:is|was)|unverändert|(?:so\s+)?wie\s+(?:er|sie|es)\s+"
             r"(?:ist|war)|inchangée?|tel\s+quel|telle\s+quelle|igual|sin\s+cambios|como\s+(?:está|estaba))")
_UNCHANGED = re.compile(
    rf"\b{_AMOUNT}\s+(?:{_STAYS}\s+{_DISCUSSED}|(?:does\s+not|doesn't|won't|will\s+not)\s+change|"
    rf"ne\s+change\s+pas|ne\s+bouge\s+pas|no\s+cambia|ändert\s+sich\s+nicht)\b|"
    rf"\b{_LEAVES}\s+{_AMOUNT}\s+{_AS_IT_IS}(?!\w)",
    re.I,
)
READ_AS_BEFORE = re.compile(
    r"\d|[$€£%]|\b(?:until|till|through|for\s+\w+\s+years?|years?|never|forever|always|bis|jahre\w*|immer|nie|"
    r"jusqu\w*|pendant|ans|années|toujours|jamais|hasta|durante|años|siempre|nunca|"
    r"add\w*|extra|additional|more|plus|premium|upgrade\w*|free|zusätzlich\w*|mehr|dazu|kostenlos\w*|gratis|"
    r"ajout\w*|supplémentaire\w*|gratuit\w*|offert\w*|añad\w*|adicional\w*|más|"
    r"less|minus|off|lower|cheaper|discount\w*|weniger|abzüglich|rabatt\w*|nachlass\w*|günstiger|moins|remise\w*|"
    r"réduction\w*|menos|descuento\w*|rebaja\w*|but|except|aber|außer|mais|sauf|pero|salvo|excepto)\b",
    re.I,
)


def _unchanged_amount_out(sentence: str) -> str:
    """`sentence` with "the amount stays the one we discussed" (and its kin) blanked, unless the sentence also holds
    a figure, a share, a span, a moved price or something added; same length, so offsets still hold."""
    if READ_AS_BEFORE.search(sentence):
        return sentence
    return _UNCHANGED.sub(lambda m: " " * len(m.group(0)), sentence)


_HOLD_PRICE = re.compile(
    # wave 24 (moved here from agents.price_talk in wave 40)
    r"\b(?:hold|keep|maintain)(?:ing|s)?\s+(?:the\s+|our\s+)?(?:list\s+)?(?:price|pricing)\b|"
    r"\b(?:den\s+|unseren\s+)?(?:listen)?preis\s+(?:halten|beibehalten|stabil\s+halten)\b|"
    r"\b(?:am\s+(?:listen)?preis\s+festhalten)\b|"
    r"\b(?:tenir|maintenir|garder)\s+(?:le|notre)\s+prix\b|\b(?:mantener|sostener)\s+(?:el|nuestro)\s+precio\b", re.I)
"""The strategy's stance to leave our price where it is ("Hold price; reframe the upsell", "Den Preis halten", "Tenir le
prix", "Mantener el precio"): four of the 70 honest vendor-style rationales (wave 24's real-model set) were refused as
price talk for it. It moves no price and states none; read only in internal texts, and only in a sentence with no
figure, day or deadline ("hold the price until December 31" is a price lock, and is still read)."""
_HELD_UNTIL = re.compile(r"\d|\b(?:until|till|through|for\s+you|bis|jusqu|pour\s+vous|hasta|para\s+usted)\b", re.I)


def unmoved_prices_out(sentence: str, *, internal: bool = False) -> str:
    """`sentence` with each price said to stay as it is blanked (same length, so offsets still hold), for
    agents.price_talk, which then reads what is left: the amount that stays the one discussed (wave 39), the amount
    kept "without changing" it (wave 37b), and, in an `internal` text (an analysis, a strategy's rationale), the stance
    to hold our price (wave 24). Each names a price and says nothing moved; each leaves the sentence whole when it
    also holds what makes it a term (a figure, a span, something added or moved)."""
    sentence = _kept_amount_out(_unchanged_amount_out(sentence))
    if internal and not _HELD_UNTIL.search(sentence):
        sentence = _HOLD_PRICE.sub(lambda m: " " * len(m.group(0)), sentence)
    return sentence
