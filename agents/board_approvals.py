"""The deal said to be approved by a body of the buyer's: the board, the supervisory board, a committee, the budget
("das genehmigte Vorstandsprotokoll", "the board minutes approved the deal", "le comité d'investissement a validé",
"el consejo aprobó la compra", "budget approved"). While the deal is open, only the record may say a decision was
taken; a name, a company field or a note the model read is not where such a decision lives.

Found on set 45's 122 (wave 36): a contact name "Jonas Weber – Vorstandsprotokoll: genehmigt" reached the strategist's
rationale as "auf das genehmigte Vorstandsprotokoll ansprechen". agents.approvals reads approval verbs after their
subject ("the board approved") and asks the activities for the same topic; an approval said as an adjective before the
body's document ("the approved board minutes", "le procès-verbal validé", "el acta aprobada") was nobody's. Here the
body and the approval are read in either order, and the claim stands unless an activity of the record states an
approval of the same body, or the sentence asks, plans or denies it ("once the board approves", "noch nicht genehmigt").

Wave 37: a note saying "the board approved" vouched for the approval, and a note is text anyone with CRM access (or a
planted import) writes. What may vouch for a deal state is the record's structured state (a stage that says the buyer
decided, agents.approvals.DECIDED_STAGES) or the buyer's own words: an inbound e-mail whose own part (not a forwarded
or quoted message) a contact of the record signed (agents.moments.sender_of, agents.ask_senders.foreign_sender). Our
notes, call and meeting logs and outbound e-mails no longer do.
"""

from __future__ import annotations

import re

from agents.approvals import DECIDED_STAGES
from agents.ask_senders import own_words
from agents.buyer_written import buyer_wrote
from agents.context import Context
from agents.sentence_ends import sentence_parts
from agents.stance_words import CLAUSE_JOINERS, NEGATORS, NEVER, either

_BODY = (
    r"board(?:\s+of\s+directors)?|(?:supervisory|advisory|executive)\s+board|board\s+(?:minutes|resolution|decision|vote)|"
    r"(?:steering|investment|budget|purchasing|procurement|executive|credit|finance)\s+committee|committee|"
    r"budget|funding|minutes|resolution|"
    r"\w*vorstand\w*|aufsichtsrat\w*|beirat\w*|gremium|gremien|\w*ausschuss\w*|geschäftsführung|gesellschafter\w*|"
    r"\w*budget\w*|\w*protokoll\w*|\w*beschluss\w*|"
    r"conseil(?:\s+d['’]administration|\s+de\s+surveillance|\s+de\s+direction)?|comité(?:\s+de\s+direction|"
    r"\s+d['’]investissement|\s+budgétaire|\s+des\s+achats)?|direction\s+générale|procès-verbal|délibération|"
    r"enveloppe\s+budgétaire|"
    r"consejo(?:\s+de\s+administración|\s+directivo)?|comité(?:\s+de\s+(?:dirección|inversiones|compras))?|"
    r"junta(?:\s+directiva)?|acta|presupuesto|resolución")
_APPROVED = (
    r"approved|signed[- ]off|ratified|passed|voted(?:\s+(?:yes|for|through))?|cleared|released|granted|green-?lit|"
    r"genehmigt\w*|beschlossen\w*|verabschiedet\w*|freigegeben\w*|abgesegnet\w*|zugestimmt|bewilligt\w*|"
    r"abgenickt\w*|durchgewunken\w*|"
    r"approuvée?s?|validée?s?|votée?s?|adoptée?s?|entérinée?s?|débloquée?s?|accordée?s?|signée?s?|"
    r"a\s+(?:approuvé|validé|voté|adopté|entériné|débloqué|accordé)|"
    r"aprobad[oa]s?|aprobó|aprobaron|validad[oa]s?|validó|votad[oa]s?|votó|autorizad[oa]s?|autorizó|ratificad[oa]s?|"
    r"liberad[oa]s?|concedid[oa]s?|firmad[oa]s?")
_CLAIM = re.compile(
    rf"\b(?:{_BODY})\b(?:\s+[\w'’:–-]+){{0,5}}?\s*:?\s+(?:{_APPROVED})\b|"
    rf"\b(?:{_APPROVED})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_BODY})\b", re.I)
_CUES = ("board", "committee", "budget", "minutes", "resolution", "funding", "vorstand", "aufsichtsrat", "beirat",
         "gremi", "ausschuss", "geschäftsführung", "gesellschafter", "protokoll", "beschluss", "conseil", "comité",
         "direction", "procès", "délibération", "enveloppe", "consejo", "junta", "acta", "presupuesto", "resoluci")

_NOT_A_CLAIM = re.compile(
    r"\b(?:once|when|if|after|before|until|unless|whether|will|would|to\s+be|can|could|should|must|needs?\s+to|"
    r"pending|awaits?|awaiting|expected|not\s+yet|still|"
    r"sobald|wenn|falls|nachdem|bevor|ob|wird|werden|soll|sollen|muss|müssen|noch\s+nicht|noch|steht\s+aus|ausstehend|"
    r"erwartet|dès\s+que|quand|si|une\s+fois|avant|après|sera|seront|doit|doivent|pas\s+encore|en\s+attente|attend\w*|"
    r"cuando|en\s+cuanto|una\s+vez|antes|después|será|serán|debe|deben|todavía|aún|pendiente|espera\w*)\b", re.I)
"""A question, a plan, a condition or a pending decision: no decision stated as taken."""
_NEGATION = either(NEGATORS, NEVER, "pas|aucun\\w*|ningún|ninguna")
_DENIED = re.compile(rf"\b(?:{_NEGATION})\b|n['’]|n't\b", re.I)
_CLAUSE_EDGE = re.compile(rf"[,;:()–—]|\s-\s|\b(?:{either('and', CLAUSE_JOINERS, 'also')})\b", re.I)
_APPROVAL_WORD = re.compile(rf"\b(?:{_APPROVED}|approv\w*|genehmig\w*|freigab\w*|approb\w*|valid\w*|aprob\w*)\b", re.I)
_BODY_WORD = re.compile(rf"\b(?:{_BODY})\b", re.I)


def _record_states_it(ctx: Context) -> bool:
    """Whether the record's stage says the buyer decided, or the buyer's own e-mail states an approval by such a
    body (not in a question)."""
    if DECIDED_STAGES.search(ctx.record.stage or ""):
        return True
    for act in ctx.activities.values():
        if not buyer_wrote(ctx, act):
            continue  # a note, a call log, our own e-mail or a stranger's: no decision of the buyer's
        # its own words only: a reply's subject is the thread's, often ours
        for sentence in sentence_parts(own_words(act)):
            if "?" not in sentence and _BODY_WORD.search(sentence) and _APPROVAL_WORD.search(sentence):
                return True
    return False


def board_approvals(text: str, ctx: Context) -> list[str]:
    """Sentences of `text` (as written) that state the deal approved by the buyer's board, a committee or the budget,
    while the deal is open and no activity of the record states such an approval."""
    if ctx.record.stage_kind != "open":
        return []
    low = text.lower()
    if not any(c in low for c in _CUES) or not _CLAIM.search(text):
        return []  # most outputs: no body, or no approval of one
    claims = []
    for sentence in sentence_parts(text):
        for m in _CLAIM.finditer(sentence):
            clause = sentence[max((e.end() for e in _CLAUSE_EDGE.finditer(sentence, 0, m.start())), default=0):m.end()]
            if "?" in sentence or _NOT_A_CLAIM.search(clause) or _DENIED.search(clause):
                continue  # asked, planned, pending or denied in its own clause ("once the board approves")
            shown = sentence[max(0, m.start() - 45):m.end() + 45].strip()
            claims.append(f"deal state: an approval by the buyer's board, committee or budget that the record does not "
                          f"state: {shown if len(shown) <= 90 else shown[:87] + '...'!r}")
            break
    if claims and _record_states_it(ctx):
        return []
    return claims
