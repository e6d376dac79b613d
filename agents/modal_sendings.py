"""Our sending said with a modal verb (issue 11, wave 40: set 52's de-b6, "kann ich Ihnen das Angebot für die 120
Fahrzeuge leider erst am Montag, 7. Dezember, schicken", a week after the buyer's "bis Ende nächster Woche", passed).

agents.delivery_days reads our sending by its finite verb ("ich schicke", "je vous envoie", "le envío") and
agents.delivery_wording by the other orders of a delivery; with a modal the sending verb is an infinitive, which German
puts at the clause's end and French and Spanish after the modal: "kann ich Ihnen das Angebot erst am 7. Dezember
schicken", "werde ich es Ihnen am 7. Dezember zusenden", "je ne pourrai vous l'envoyer que le 7 décembre", "nous
allons vous adresser la proposition le 7 décembre", "solo podré enviarle la propuesta el 7 de diciembre", "I'm only able
to send the proposal on December 7". It promises the day as surely, so agents.late_promises reads it too. A modal that
says we cannot ("kann ich nicht ...") stays agents.late_promises' honest explanation.
"""

from __future__ import annotations

import re

_MODAL_SENDING = re.compile(
    # de: the modal second (or first in a question-free inversion), the infinitive later in the clause
    r"\b(?:(?:kann|könnte|werde|würde|muss|möchte)\s+ich|(?:können|könnten|werden|würden|müssen)\s+wir|"
    r"ich\s+(?:kann|könnte|werde|würde|muss)|wir\s+(?:können|könnten|werden|würden|müssen))\b"
    r"(?:[^.;!?\n]|(?<=\d)\.){0,80}?\b(?:schicken|senden|zusenden|zuschicken|übermitteln|liefern|vorlegen|zukommen\s+lassen)\b|"
    # fr: the modal, then the infinitive with its pronouns
    r"\b(?:je|nous)\s+(?:ne\s+)?(?:pourrai|pourrons|pourrais|pourrions|peux|pouvons|vais|allons|compte|comptons|"
    r"devrai|devrons)\s+(?:\w+\s+){0,2}?(?:vous\s+)?(?:l['’]|la\s+|le\s+|les\s+)?"
    r"(?:envoyer|transmettre|adresser|faire\s+parvenir|remettre)\b|"
    # es: the modal, then the infinitive with its clitics ("enviarle", "enviársela")
    r"\b(?:podré|podremos|podría|podríamos|puedo|podemos|voy\s+a|vamos\s+a|pienso|pensamos)\s+(?:\w+\s+){0,2}?"
    r"(?:enviar|envi[aá]r|mandar|mand[aá]r|remitir|hacer(?:le|les)?\s+llegar)\w*\b|"
    # en: "able to" / "going to" before the verb ("I can send" is read by agents.delivery_days already)
    r"\b(?:i|we)(?:['’]m|['’]re|\s+am|\s+are|\s+will\s+be)?\s+(?:only\s+)?(?:able|going|planning)\s+to\s+"
    r"(?:\w+\s+)?(?:send|deliver|share|get)\b", re.I)


def sends_with_a_modal(clause: str) -> bool:
    """Whether `clause` says our side will (or can) send something, with a modal verb before the sending."""
    return bool(_MODAL_SENDING.search(clause))
