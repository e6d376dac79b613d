"""A document's delivery said with the buyer or the document as the subject (wave 37, helper noticed37).

agents.delivery_days reads our sending verb-first ("Wir schicken Ihnen das Angebot", "I'll send the proposal", "Le envío
la propuesta") and the buyer receiving it in a few fixed orders. Each language has other ordinary orders that promise
the same day, and a late day said in them went unread by agents.late_promises (wave 36's note):

- German puts the finite verb second, so the buyer's "Sie" can follow the verb or lead the clause ("Sie erhalten das
  Angebot am 4. Dezember"), and a separable verb closes its clause on its particle, with a date between ("Das Angebot
  geht am 4. Dezember raus", "stellen wir Ihnen am 4. Dezember zu", "schicken wir Ihnen am Freitag, 4. Dezember, ab");
- the document as the subject of a verb of going or arriving ("the proposal ships on December 4", "l'offre part le 4
  décembre", "la propuesta sale el 4 de diciembre", "das Angebot kommt am 4. Dezember");
- the passive and the present of our sending ("la proposition vous sera envoyée", "we are sending the proposal",
  "le enviaremos la propuesta").

"The quote comes to US$ 41.2k" (set 2's 016) and "kommt auf 36.000 EUR" are amounts, not deliveries. Only the wording is
read here; the caller still needs a document named in the sentence (agents.delivery_days).
"""

from __future__ import annotations

import re

_DOCUMENT = (r"(?:proposal|quote|offer|draft|angebot\w*|entwurf|unterlagen|proposition|devis|offre|propuesta|"
             r"presupuesto|oferta|borrador)")
_BETWEEN = r"(?:[\w.,’'-]+\s+){0,6}?"
"""Up to six words between a verb and what completes it: a date with its weekday ("am Freitag, 4. Dezember,")."""
_DELIVERY_WORDING = re.compile(
    # de: the buyer leading or following the verb; separable verbs closed by their particle
    r"\bsie\s+(?:erhalten|bekommen)\b|\b(?:erhalten|bekommen)\s+sie\b|"
    rf"\b(?:geht|gehen|schicken?|senden?|stellen?|liefern?|kommt|kommen)\s+{_BETWEEN}(?:raus|hinaus|heraus|zu|ab|rüber)"
    r"(?=\s*(?:[,.;:!]|$))|"
    rf"\bliegt\s+{_BETWEEN}vor\b|\b(?:ist|sind)\s+{_BETWEEN}bei\s+ihnen\b|"
    # the document going or arriving, in all four languages
    rf"\b{_DOCUMENT}\s+(?:[\w’'-]+\s+){{0,4}}?(?:ships|will ship|goes out|will go out|arrives|will arrive|lands|will land|"
    r"follows|will follow|is coming|comes(?!\s+to\b)|kommt(?!\s+auf\b)|folgt|trifft|part|partira|arrive|arrivera|suivra|sale|saldrá|llega|"
    r"llegará|le llega|le llegará)\b|"
    # en: our present or passive sending, the buyer getting it
    r"\b(?:i|we)(?:'m|'re|’m|’re| am| are)\s+(?:sending|delivering|emailing)\b|\byou\s+(?:get|receive)\b|"
    rf"\b{_DOCUMENT}\s+will\s+be\s+(?:sent|delivered|emailed|shared)\b|"
    # fr: the passive, the buyer receiving it in the present
    r"\bvous\s+(?:sera|seront)\s+(?:envoyée?s?|transmise?s?|adressée?s?|remise?s?)\b|\bvous\s+(?:recevez|l['’]aurez)\b|"
    r"\bnous\s+vous\s+(?:la|le|les)\s+(?:enverrons|envoyons|transmettrons)\b|"
    # es: our future or present sending with the pronoun, the passive
    r"\b(?:se\s+la|se\s+lo|le|les)\s+(?:enviaremos|enviamos|mandamos|mandaremos|haremos llegar|hacemos llegar)\b|"
    r"\ble\s+será\s+(?:enviad[oa]|remitid[oa])\b",
    re.I,
)


def says_delivery(clause: str) -> bool:
    """Whether a clause says, in one of the orders above, that a document goes to the buyer (or the buyer has it)."""
    return bool(_DELIVERY_WORDING.search(clause))
