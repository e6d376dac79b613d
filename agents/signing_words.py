"""Signing, as the deal-state rules of agents.concepts read it (issue 11, wave 22).

"Signing off on the security review" approves a part: set 30's en-g5 thanked Priya for it, and Dana had written
"security signed off on our side". Signing off on the budget, the purchase, the contract or the proposal is the deal's
own step and stays a claim. The noun ("thanks for the sign-off") is read as before: set 13's en-b4 and set 29's en-b7
are flagged by it alone (their own defects, a missing ask and an internal note, are not caught).

"Los primeros pasos tras la firma" (set 30's es-g2) are steps still to come, not a signed document; the phrase must end
its clause ("tras la firma del contrato que nos envió" is no plan)."""

from __future__ import annotations

import re

from agents.invoice_moments import invoice_on_signing

SIGNING = (r"(?:signing|signed)(?! off\b(?!\s+(?:on\s+)?(?:the\s+|our\s+|this\s+|your\s+)?(?:budget|purchase|deal|"
           r"contract|proposal|order|spend|investment|quote|offer|pricing|price)))|"
           r"sign(?![- ]?off\b(?!\s+(?:on\s+|of\s+|for\s+)?(?:the\s+|our\s+|this\s+|your\s+)?(?:budget|purchase|deal|"
           r"contract|proposal|order|spend|investment|quote|offer|pricing|price)))")
"""The verb of signing, in a thanks for a step of the deal (agents.deal_done_claims._THANKS_DONE). A sign-off, like
"signed off", is a review's unless it is the deal's ("congratulations on the security sign-off", set 39's en-g1, wave
30): whether the record holds that review's sign-off is agents.approvals' to judge."""

STEPS_AFTER_SIGNING = (r"(?:first |next |erste\w* |premi[eè]r\w* |primer\w* )?(?:steps?|schritte?|étapes?|pasos?) "
                       r"(?:after|nach|après|tras|después de)(?: the| der| dem| la| el| votre| su| sa| your| ihrer)? "
                       r"(?:signing|signature|unterzeichnung|unterschrift|firma)\W*$")
"""Steps that follow a signature still to come: no binding document exists (agents.deal_done_claims._NOT_YET)."""

CLOSING = (r"(?:closing|cerrar|cerrado|conclure|abschluss)(?!(?:\s+(?:out|off))?\s+(?:[\w']+\s+){0,3}?"
           r"(?:review|questionnaire|audit|ticket|issue|loop|gaps?|questions?|checks?|assessment|evaluation|points?|"
           r"items?|thread|\w*prüfung|fragebogens?|fragen|punkte|revue|questions|revisión|cuestionario|auditoría|"
           r"preguntas|puntos|evaluación)\b)")
"""Closing, in a thanks for a step of the deal, unless what is closed is a review or a list of questions ("thank you
for closing out the security review", "gracias por cerrar la revisión de seguridad": set 36's en-g3, wave 27)."""

ROUTED_TO_OWNER = (
    r"(?:comes?|goes?|will\s+(?:come|go|land)|lands?|is\s+(?:routed|addressed|coming|going)|gets?\s+routed)\s+"
    r"(?:straight\s+|directly\s+|over\s+)?(?:to|with|on)\s+(?:you|your\s+desk|her|him|them|your\s+team)\b|"
    r"\b(?:geht|gehen|kommt|kommen|landet|landen|läuft|laufen|wird|werden)\s+(?:\w+\s+){0,2}?(?:an\s+(?:sie|ihn|euch)|"
    r"zu\s+(?:ihnen|ihm|ihr)|bei\s+(?:ihnen|ihm|ihr)|über\s+ihren\s+tisch)\b|"
    r"\bvous\s+(?:revient|reviendra|parvient|parviendra|arrive|arrivera|sera\s+(?:adressée?|transmise?))\b|"
    r"\b(?:passe|passera|ira|arrive|arrivera)\s+(?:par|chez|à)\s+vous\b|"
    r"\b(?:le|les)\s+(?:llega|llegará|corresponde|tocará|toca)\b|"
    r"\b(?:pasa|pasará|irá|llega|llegará)\s+(?:por|a)\s+(?:usted|ustedes|ti|su\s+mesa)\b"
)
"""A document routed to the buyer who owns it ("as you lead purchasing, the order form comes to you", set 36's 133):
whoever signs it is named, nothing is signed (agents.deal_done_claims._NOT_YET). Only the buyer is named: "the order came to
us" is an order received."""

_AFTER_SIGNING = re.compile(
    # a step timed by the signature: "after / upon / following the signature", "nach der Unterschrift", "bei
    # Unterzeichnung", "après / dès / à la signature", "tras / después de / con la firma"; "follows the signature"
    r"\b(?:(?:after|upon|on|at|with)\s+(?:the\s+|your\s+|their\s+|our\s+)?(?:signature|signing|countersignature|"
    r"execution)|(?:follows?|will\s+follow|comes?\s+after)\s+(?:the\s+)?(?:signature|signing)|"
    r"(?:nach|bei|mit|ab)\s+(?:der\s+|dem\s+|ihrer\s+|unserer\s+|erfolgter\s+)?(?:\w*unterschrift|\w*unterzeichnung|"
    r"gegenzeichnung)|(?:folgt|kommt|geht)\s+(?:\w+\s+){0,2}?(?:der\s+)?(?:unterschrift|unterzeichnung)|"
    # not "suite à la signature", "following the signature": those follow a signing that took place
    r"(?:après|dès|(?<!suite )à|lors\s+de|avec|suivra|suit|suivront)\s+(?:la\s+|votre\s+|sa\s+|leur\s+)?signature|"
    r"(?:tras|después\s+de|con|al|seguirá\s+a|sigue\s+a)\s+(?:la\s+|su\s+)?firma)\b",
    re.I,
)
_TOLD_AS_PAST = re.compile(
    r"\b(?:has|have|had|was|were|did|already|since|went|came|got|gone|"
    r"hat|haben|hatte|hatten|wurde|wurden|worden|war|waren|kam|kamen|ging|gingen|bereits|schon|seit|\w*gegangen|"
    r"\w*gekommen|vorliegt|liegt\s+(?:\w+\s+){0,4}?vor|"
    r"a|ont|avons|avez|avait|avaient|était|étaient|déjà|depuis|fut|(?:est|sont)\s+(?:bien\s+)?\w+(?:é|ée|és|ées|ie|ies|is|"
    r"ise|u|ue|us|ues|te|tes)|"
    r"ya|ha|han|hemos|había|habían|fue|fueron|desde|\w+ó|\w+aron|\w+ieron)\b",
    re.I,
)


def _told_as_past(sentence: str) -> bool:
    # wave 41 (offers41): "La facture est envoyée après la signature" is a present passive and "sigue a la firma" a
    # Spanish preposition, not French "a" (has): an invoice sent on signing, as a plan, tells nothing as past
    return _TOLD_AS_PAST.search(sentence) is not None and not invoice_on_signing(sentence)


def after_a_signing_to_come(clause: str, sentence: str) -> bool:
    """Whether `clause` times a step by a signature (the invoice "kommt nach der Unterschrift", "suivra la signature",
    "llegará tras la firma") in a `sentence` that tells nothing as past: the signature is still to come, so no signed
    document exists (agents.deal_done_claims) and no post-sale step is under way (agents.deal_closure). Told as past
    ("Tras la firma, la factura ya se envió", "Nach der Unterschrift ist die Rechnung rausgegangen") it is a signature
    given (issue 11, wave 32)."""
    # wave 41: an invoice sent on signing ("la factura se emite a la firma del contrato") is a step still to come
    return invoice_on_signing(sentence) or _AFTER_SIGNING.search(clause) is not None and not _told_as_past(sentence)


def after_a_signing_told_as_past(clause: str, sentence: str) -> bool:
    """Whether `clause` times a step by a signature in a `sentence` told as past ("After the signature, the invoice
    went out"): a plan word such as "after" makes no plan of it."""
    return _AFTER_SIGNING.search(clause) is not None and _told_as_past(sentence)
