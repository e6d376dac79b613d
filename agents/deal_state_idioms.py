"""Statements about the deal's state by their idioms in English, German, French and Spanish ("closed won", "contrat
signé", "the PO has come through"), resolved against the record's stage: a deal is "won" or "signed" only when its
stage says so, and the agents never announce a corrected amount. agents.deal_state judges the same statements by their
grammar.
"""

from __future__ import annotations

import re

from agents import deal_closure as dc
from agents.clauses import OBLIGATION_WORDS, future_clause_after
from agents.normalize import normalise
from agents.sentence_ends import clause_parts
from agents.signed_commitments import signed_commitments
from agents.signed_objects import signed_no_deal

_WON = (
    r"closed[- ]won|(?:has|have|had) (?:already |now |just )?signed\b(?![ -]off)|signed the (?:contract|order form|deal|"
    r"agreement|sow|po|paperwork)|(?:status|stage)\s*[:=-]\s*(?:closed[- ])?won|deal (?:is|was|has been|now) (?:won|closed|signed|done)|(?:we|you) (?:have )?signed the "
    r"(?:contract|order form|deal)|contract (?:is|was|has been) (?:signed|executed)|(?:is|was|has been) marked "
    r"(?:as )?won|"
    r"gewonnen|abgeschlossen(?:en)? (?:deal|vertrag|auftrag)|vertrag (?:ist |wurde )?unterschrieben|"
    r"affaire (?:gagnée|conclue|signée)|contrat signé|"
    r"(?:trato|negocio|acuerdo) (?:ganado|cerrado|firmado)|contrato firmado"
)
_WON_MORE = (
    r"(?:deal|opportunity|contract|agreement|order)\s+(?:has\s+)?(?:closed|was won|got signed|is done|"
    r"went through)\b(?!\s+date)|(?:po|purchase order)\s+(?:is|was|has been|got)\s+(?:issued|received|"
    r"signed|approved)|verbal(?:ly)? (?:commit\w*|yes|agreement)|(?:has|have) committed to (?:buy|sign|purchase)"
)
_DEAL_NOUN = (
    r"contract|agreement|order form|order|purchase order|p\.?o\.?|deal|paperwork|sow|msa|signature|"
    r"opportunity|renewal|subscription|purchase|everything"
)
_DONE = (
    r"signed|countersigned|counter-signed|executed|booked|closed|won|finali[sz]ed|approved|accepted|processed|"
    r"issued|received|confirmed|(?:come|came|gone|went|gotten|got) through|in place|done|complete[d]?|in the bag"
)
_CONDITIONAL = (
    r"\b(?:once|when|after|if|until|before|as soon as|so that|to be|will|would|can|could|should|needs? to|ready|"
    r"awaiting|pending|wait\w*|send|sending|prepare|preparing|get|"
    # the same conditions in German, French and Spanish: "wenn Sie grünes Licht gegeben haben"
    # (not "nachdem": "nachdem der Vertrag in trockenen Tüchern ist" states it as done)
    # wave 41 (offers41): "une fois le contrat signé", "una vez firmado": the participle after "once" is a condition too
    r"sobald|wenn|falls|bevor|dès que|une fois(?: que)?|lorsque|quand|si|cuando|en cuanto|una vez(?: que)?|"
    r"tan pronto como)\b|"
    # wave 32: what must still happen ("must be approved by management", "tiene que ser aprobado")
    rf"\b(?:{OBLIGATION_WORDS})\b"
)
_STATE_GRAMMAR = re.compile(
    rf"\b(?:{_DEAL_NOUN})\b\s+(?:\w+\s+){{0,2}}?(?:(?:is|was|has|have|had|got|been|'s|are|were)\s+)+"
    rf"(?:already |now |just |fully |officially |finally |been )*(?:{_DONE})\b(?!\s+(?:off|date|by\b))|"
    rf"\b(?:{_DEAL_NOUN})\s+(?:{_DONE})\b(?!\s+(?:off|date|by\b))|"
    rf"\b(?:signed|countersigned|counter-signed|executed|booked|closed|won|finali[sz]ed|received|processed|approved)"
    rf"\s+(?:the |your |our |this |a )?(?:\w+\s+)?(?:{_DEAL_NOUN})\b|"
    rf"\b(?:you|they|we|he|she|(?!(?-i:The|This|That|These|Those|A|An|Our|Your|Their|Its|Any|Every|Each)\b)[A-Z][\w-]+)\s+(?:have |has |had |already |just |officially )*"
    rf"(?:signed|countersigned|bought|purchased|booked)\b(?!\s+(?:off|up|in|on to|onto|the nda|an nda|nda|{dc.BOOKED_TIME}))|"
    rf"\bwelcome (?:aboard|to the family|as a (?:new )?customer)\b|\bnow that you(?:'re| are) a customer\b|"
    rf"\b(?:has|have|had)\s+(?:already |now |just |officially |finally )*(?:agreed|committed|decided|confirmed|"
    rf"chosen)\s+to\s+(?:go ahead|proceed|buy|sign|move forward|purchase|order|go with us)\b|"
    rf"\b(?:gave|given|got) (?:us )?the (?:green light|go-ahead)\b|"
    rf"\b(?:gave|given|got|has|have) (?:us )?(?:the |their |his |her |a )?(?:thumbs[- ]up|nod|final ok|final okay|verbal ok)\b|"
    rf"\b(?:(?:just|only|merely|purely) a formality|reine formsache|nur noch (?:eine )?formsache|"
    rf"(?:une )?simple formalité|pura formalidad|mero trámite)\b|\b(?:haben|hat) (?:bereits |schon )?zugesagt\b|"
    rf"\b(?:a|ont) (?:déjà )?donné (?:son|leur) accord\b|\b(?:ya )?(?:nos )?(?:dio|dieron|ha dado|han dado) (?:luz verde|el visto bueno|el sí|su sí|el ok|su ok|su aprobación)\b|"
    rf"\bauftrag\w*\s+(?:ist |wurde )?(?:bereits |schon |nun )?(?:erteilt|vergeben|bestätigt)|"
    rf"\bbestellung\s+(?:ist |wurde )?(?:bereits |schon )?(?:eingegangen|erteilt|bestätigt)|"
    rf"\bvertrag\s+(?:ist |wurde )?(?:bereits |schon )?(?:unterzeichnet|gegengezeichnet|unterschrieben)|"
    rf"\b(?:haben|hat) (?:bereits |schon )?(?:unterschrieben|unterzeichnet|bestellt)|"
    rf"\b(?:contrat|bon de commande|commande|accord)\s+(?:est |a été )?(?:déjà )?(?:signée?|contresignée?|"
    rf"re[çc]ue?|émise?|confirmée?|validée?|passée?)\b|\bvous avez (?:déjà )?signé\b|"
    rf"\b(?:contrato|pedido|orden de compra|acuerdo)\s+(?:ya )?(?:est[aá] |fue |ha sido )?(?:ya )?"
    rf"(?:firmad[oa]|recibid[oa]|emitid[oa]|confirmad[oa]|cerrad[oa]|ganad[oa]|aprobad[oa])\b|"
    rf"\b(?:ya )?han firmado\b|\bsigned and sealed\b|\bsigned,? sealed\b|"
    # a commitment or an acceptance stated as done, whatever was committed to: "already committed to the
    # purchase", "accepted our proposal", "sich für den Kauf entschieden", "accepté le devis", "aceptado la oferta"
    rf"\b(?:committed|agreed|signed up|said yes)\s+(?:\w+\s+)?to\s+(?:the |this |our |your |a |an )?(?:\w+\s+)?"
    rf"(?:{_DEAL_NOUN}|proposal|quote|offer|buy\w*|purchas\w*)\b|"
    rf"\b(?:have|has|had|'ve|are|is)\s+(?:already |now |firmly |fully )+(?:committed|agreed|on board)\b|"
    rf"\b(?:accepted|approved|signed off on|signed)\s+(?:the |our |your |this |my )?(?:\w+\s+)?"
    rf"(?:proposal|quote|offer|pricing|terms)\b|"
    rf"\b(?:proposal|quote|offer)\s+(?:has been|have been|was|is|got)\s+(?:already |now )?(?:accepted|approved|signed)\b|"
    rf"\b(?:haben|hat) sich (?:bereits |schon |fest )?(?:für|zum) (?:den |das |die |unser\w* )?(?:kauf|uns|angebot|"
    rf"vertrag|auftrag|bestellung|lösung)\w* entschieden\b|\bfest zugesagt\b|"
    rf"\b(?:angebot|offerte)\s+(?:wurde |ist )?(?:bereits |schon )?(?:angenommen|akzeptiert|unterschrieben)\b|"
    rf"\b(?:êtes|etes|sont) (?:déjà |bien )?engagé\w* (?:à|sur|pour)\b|"
    rf"\b(?:avez|a|ont) (?:déjà |bien )?(?:accepté|validé|signé) (?:le devis|la proposition|l'offre|notre offre|"
    rf"notre proposition|nos conditions)\b|"
    rf"\b(?:devis|proposition|offre) (?:a été |est )?(?:déjà |bien )?(?:acceptée?|validée?|signée?)\b|"
    rf"\b(?:se han|se ha|han|ha) (?:ya )?comprometido\b|"
    rf"\b(?:han|ha) (?:ya )?aceptado (?:la propuesta|el presupuesto|la oferta|nuestra propuesta|nuestra oferta)\b|"
    rf"\b(?:propuesta|presupuesto|oferta) (?:ya )?(?:fue |ha sido |está )?(?:ya )?(?:aceptad[oa]|aprobad[oa]|firmad[oa])\b",
    re.I,
)
"""A signing, booking or purchase stated as done ("the PO has come through", "signed last Tuesday",
"Auftrag bereits erteilt"), in any order of noun and verb."""
CONCLUDED = dc.concluded_pattern(_DEAL_NOUN)
APPROVAL = dc.approval_pattern(_DEAL_NOUN)


_LOST = r"closed[- ]lost|deal (?:is|was|has been) (?:lost|dead|cancell?ed)|verloren|affaire perdue|(?:trato|negocio) perdido"
_AMOUNT_CHANGED = (
    r"(?:amount|price|value|total|betrag|preis|montant|prix|importe|precio)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:was|has been|is now|been|wurde|a été|ha sido|fue)\s+)?(?:corrected|updated|revised|adjusted|"
    r"changed|lowered|reduced|korrigiert|angepasst|geändert|gesenkt|corrigé|révisé|ajusté|modifié|"
    r"baissé|corregido|ajustado|modificado|actualizado|rebajado)|"
    r"(?:corrected|revised|updated|new|adjusted|korrigierte[rn]?|neue[rn]?|nouveau|nouvelle|corrigé|"
    r"révisé|nuevo|nueva|corregido) (?:deal |contract |total )?(?:amount|price|value|betrag|preis|"
    r"montant|prix|importe|precio)"
)
_STATE = (
    ("won", re.compile(rf"\b(?:{_WON}|{_WON_MORE})\b", re.I)),
    ("lost", re.compile(rf"\b(?:{_LOST})\b", re.I)),
    ("amount_changed", re.compile(rf"\b(?:{_AMOUNT_CHANGED})\b", re.I)),
)


_SIGNING_ENDS = re.compile(r"(?:signed|signée?s?|firmado)$", re.I)
"""A match that ends on the signing verb, whose object (what follows) agents.signed_objects reads."""


def _clause_before(sentence: str, at: int) -> str:
    """The clause a match sits in, up to the match ("I will confirm: the deal is closed" -> "the deal is ")."""
    head = sentence[:at]
    cut = max(head.rfind(c) for c in ",:;()\u2014")
    return head[cut + 1 :]


_NOT_DONE = re.compile(
    r"\b(?:nothing|not|no|never|n't|yet to|nichts|nicht|kein\w*|noch nie|rien|pas|aucun\w*|jamais|"
    r"nada|ningún|ninguna|todavía no|aún no|sin)\b|n't\b",
    re.I,
)
"""A negation in the clause states the opposite ("nothing is signed yet", "noch nicht unterschrieben")."""


def deal_state_violations(text: str, stage_kind: str) -> list[str]:
    """Return statements about the deal's state that the record contradicts.

    A deal is "won" or "signed" only when its stage says so; the agents never announce a
    corrected amount (amounts change in the CRM, by people, and then the record says so).
    """
    t = normalise(text)
    reasons: list[str] = []
    # the idioms and post-sale steps are rare: one search of the whole text decides whether sentences need them
    low = t.lower()
    concluded = any(c in low for c in dc.CONCLUDED_CUES) and CONCLUDED.search(t) is not None
    approved = any(c in low for c in dc.APPROVAL_CUES) and APPROVAL.search(t) is not None
    post_sale = (
        stage_kind != "won"
        and any(c in low for c in dc.POST_SALE_CUES)
        and dc.POST_SALE.search(t) is not None
    )
    for sentence in clause_parts(t):
        found = [
            ("won", m)
            for m in (
                *_STATE_GRAMMAR.finditer(sentence),
                *(CONCLUDED.finditer(sentence) if concluded else ()),
                *(APPROVAL.finditer(sentence) if approved else ()),
                # wave 42 (inj54): the buyer's commitment signed is the deal signed ("l'engagement signé par Paul")
                *signed_commitments(sentence),
            )
        ]
        found += [(state, m) for state, pattern in _STATE for m in pattern.finditer(sentence)]
        # wave 31: "You signed them off", "Dana has signed the site survey": the signing's object is no deal's
        found = [(state, m) for state, m in found if not (_SIGNING_ENDS.search(m.group(0)) and signed_no_deal(sentence, m.start(), m.end()))]
        # wave 32: "The signed copy will be posted", "Le contrat signé vous sera envoyé": named by what it will be
        found = [(state, m) for state, m in found if not future_clause_after(sentence, m.start(), m.end())]
        for state, m in found:
            if state == "amount_changed":
                reasons.append(
                    f"claims the amount changed ({m.group(0)!r}); the record's amount is the only amount"
                )
            elif (
                state != stage_kind
                and not re.search(_CONDITIONAL, _clause_before(sentence, m.start()) + m.group(0), re.I)
                and not _NOT_DONE.search(_clause_before(sentence, m.start()) + m.group(0))
            ):
                # "once the contract is signed" or "the agreement will be signed" is a plan, not a state.
                reasons.append(f"claims the deal is {state} ({m.group(0)!r}); the record says {stage_kind}")
        if post_sale:
            reasons += [
                f"treats the deal as won ({m.group(0)!r}); the record says {stage_kind}"
                for m in dc.post_sale_steps(sentence)
                if not _NOT_DONE.search(_clause_before(sentence, m.start()))
            ]
    return list(dict.fromkeys(reasons))
