"""A decision pressed for the send day (issue 11, wave 16): "lock this in before you head out tonight", "heute noch vor
Feierabend zusagen", "confirmer avant ce soir", "confirmármelo hoy antes de irse". No rule of the pipeline lets a draft
set the buyer a term that ends on the day the message goes out: the deadline it may offer is decided in code and is at
least two days ahead (agents.meeting_slots). The timing check refuses a meeting on the send day; this refuses the other
half of the kind, a same-day term for the buyer's decision, whatever the words. A clause must hold both the same-day
term and a word of deciding (sign, confirm, commit, approve, lock in, in four languages), so "I send the proposal
today; please confirm Monday" passes: the day belongs to the sending, the confirmation to another clause.
"""

from __future__ import annotations

import re

_SAME_DAY = re.compile(
    r"\b(?:today|tonight|this (?:afternoon|evening)|(?:by |before )?(?:the )?end of (?:the |your |the working |your working )?"
    r"day|close of business|eod|cob|before you (?:leave|log off|sign off|head (?:off|out|home)|go home|finish|wrap up|"
    r"clock (?:off|out))|heute|heut|vor (?:ihrem |dem )?(?:feierabend|dienstschluss|büroschluss)|heute abend|"
    r"aujourd'hui|ce soir|cet après-midi|d'ici ce soir|en fin de journée|avant (?:la fin de )?(?:votre |la )?journée|"
    r"avant de partir|hoy|esta (?:noche|tarde)|antes de irse|antes de (?:que )?(?:se vaya|salir|termine (?:su|la) jornada)|"
    r"a última hora|al final del día|hoy mismo)\b", re.I)
DECIDE = re.compile(
    r"\b(?:sign\w*|confirm\w*|commit\w*|decide|decision|approv\w*|green light|go-ahead|lock\w* (?:this|it|that|things) "
    r"in|lock in|seal\w*|get (?:this|it) (?:done|over the line)|say yes|the yes|zusag\w*|zusage|bestätig\w*|unterschreib\w*|"
    r"unterzeichn\w*|entscheid\w*|freigeb\w*|festmachen|fest ?zu ?machen|ja sagen|confirm\w*|sign\w*|valid\w*|décid\w*|"
    # wave 31: French approving ("approuver le devis aujourd'hui"), and the German nouns of a decision ("Die Freigabe
    # brauchen wir zur Messe"; not a compound, "Freigabeunterlagen" are documents), as "approval", "aprobación" are
    r"approuv\w*|approbation|freigaben?|genehmig(?:en|t|te|ten|ung|ungen)|zustimmung|unterschrift(?:en)?|"
    r"décision|engag\w*|donner votre accord|votre accord|firm\w*|decid\w*|decisión|aprob\w*|cerr(?:ar|emos|amos)\w*|"
    r"dar el sí|visto bueno|luz verde|feu vert|grünes licht|your yes|the nod|fixier\w*|festzurr\w*|finali[sz]\w*|"
    r"cerrarlo|lo cerramos|wrap (?:this|it) up|boucl\w*)\b", re.I)
_SEND_DAY_OURS = re.compile(
    r"\b(?:i|we|ich|wir|je|nous|yo)(?:['’]ll)?\s+(?:(?:will|shall|can|werde|werden|vais|allons|vous|te|ihnen|es|le|la|"
    r"les|lo|se)\s+|l['’])*(?:send|share|deliver|forward|confirm|schick\w*|send\w*|bestätig\w*|envo\w*|enverr\w*|"
    r"transmet\w*|confirm\w*|mand\w*)\b|\b(?:le|les|se lo|se la)\s+(?:envío|enviaré|mando|mandaré|confirmo)\b|"
    # the buyer receiving what we send today: "you'll have the proposal tonight", "vous la recevrez ce soir"
    r"\byou(?:['’]ll| will)\s+(?:have|get|receive)\b|\bvous\s+(?:l['’]|la\s+|le\s+|les\s+)?(?:recevrez|aurez)\b|"
    r"\b(?:la|lo|los|las)?\s*recibirá\b|\b(?:erhalten|bekommen)\s+sie\b|\ble\s+llegará\b", re.I)
"""The seller's own step today ("I confirm today that the proposal goes out Friday") is no term set for the buyer."""
_THEN = re.compile(r"\s*(?:and )?(?:then|so|dann|damit|alors|et|y|entonces|así)\b", re.I)
_CUES = ("today", "tonight", "this after", "this even", "end of", "close of", "eod", "cob", "before you", "heut",
         "feierabend", "dienstschluss", "büroschluss", "aujourd'hui", "ce soir", "cet après", "journée", "partir",
         "hoy", "esta noche", "esta tarde", "irse", "se vaya", "salir", "jornada", "última hora", "final del día")


def pressed_for_today(sentence: str) -> list[str]:
    """Clauses of `sentence` that ask the buyer to decide, sign or confirm on the send day."""
    low = sentence.lower()
    if not any(c in low for c in _CUES):
        return []  # most sentences name no part of today
    out = []
    clauses = re.split(r"[;:,\u2014]|\s-\s", sentence)
    for i, clause in enumerate(clauses):
        day = _SAME_DAY.search(clause)
        # the decision in the clause, or in the next one that follows from it ("... heute Abend, dann fixieren wir alles")
        then = clauses[i + 1] if i + 1 < len(clauses) and _THEN.match(clauses[i + 1]) else ""
        if day and (DECIDE.search(clause) or DECIDE.search(then)) and not _SEND_DAY_OURS.search(clause):
            out.append(f"presses for a decision on the send day ({day.group(0)!r})")
    return out
