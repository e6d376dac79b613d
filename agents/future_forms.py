"""French and Spanish verbs in the simple future ("arrivera", "recevrez", "llegará", "enviaremos"): a document said
to come in them is a plan, as "will arrive" is in English (wave 38's note: "Le bon de commande arrivera après votre
décision" and "La orden de compra llegará después de su decisión" were read as documents that exist, because the
plan words of agents.deal_done_claims held the auxiliaries "sera", "será" but no verb's own future).

The French endings are read only on a stem of three letters or more and never on the English words that share them
("camera", "opera", "era") nor the Spanish ones ("primera", "manera", "tierra"); the Spanish endings carry an accent
("-rá", "-rán") or are "-remos" ("extremos" aside).
"""

from __future__ import annotations

import re

_FRENCH = r"\w{3,}(?:e|i|d|v|r)r(?:a|ai|as|ons|ez|ont)"
_SPANISH = r"\w{2,}r(?:á|án|ás|é|emos|éis)"
_NOT_FUTURES = (r"camera|cameras|opera|operas|cholera|cetera|mantra|sierra|terra|zebra|environs|"
                r"primera|tercera|manera|cualquiera|quienquiera|carrera|frontera|cartera|bandera|madera|espera|afuera|"
                r"fuera|mentira|piedra|tierra|guerra|sierra|extremos|supremos")

FUTURE_FORM = re.compile(rf"\b(?!(?:{_NOT_FUTURES})\b)(?:{_FRENCH}|{_SPANISH})\b", re.I)


def in_the_future(text: str) -> bool:
    """Whether `text` holds a French or Spanish verb in the simple future."""
    return FUTURE_FORM.search(text) is not None
