"""Names a template may paste (wave 18): a person's or a company's name carries no claim, so its shape is strict.

The offline templates paste no free text but names; these rules are what keeps a name field from carrying a sentence
("Dana free install", "Müller Logistik GmbH portes pagados", "2x1 en licencias").
"""

from __future__ import annotations

import re
import unicodedata

NAME_QUALIFIER = re.compile(r"\s*\((?:[^\W_][\w&.'-]*)(?: [^\W_][\w&.'-]*)?\)\s*$")

_PERSON_PARTICLES = frozenset("de del della der den van von da di du la le al el bin ibn y e d o dos das des ter "
                               "zu af mac st vom zum zur los las".split())
_ELIDED_PARTICLE = re.compile(r"(?:d|l|dell|dall)['’](\w)", re.IGNORECASE)
"""A particle elided onto the name it belongs to ("d'Aubigné", "l'Isle", "dell'Acqua"): the name after it is capitalised."""
_PERSON_WORD = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?")


def person_name_shaped(text: str) -> bool:
    """Tell whether `text` is shaped like a person's name, which a template may paste (wave 18).

    Letters only (no digits), every word capitalised but the particles ("de la", "van der"), at most four words
    besides them: a person's name carries no claim, so "Dana free install", "Paul 2x1" or a marker are not pasted.
    """
    words = unicodedata.normalize("NFC", text).split()
    if not words or len(words) > 6:
        return False
    # "d'Aubigné" is the particle and a capitalised name: read as the name alone ("d'après" stays a lowercase word)
    words = [w[m.end() - 1:] if (m := _ELIDED_PARTICLE.match(w)) and m.group(1).isupper() else w for w in words]
    core = [w for w in words if w.lower() not in _PERSON_PARTICLES]
    if not core or len(core) > 4:
        return False
    return all(_PERSON_WORD.fullmatch(w) and (w.lower() in _PERSON_PARTICLES or w[0].isupper()) for w in words)


_COMPANY_JOINERS = frozenset("of and the for & + de du des del della la le les y e et und für van von der den da di "
                             "do dos das and/or".split())
_COMPANY_FIGURE = re.compile(r"[\dA-Z&.+-]+|\d+-[A-Z][a-z]+")


def company_name_shaped(text: str) -> bool:
    """Tell whether `text` is shaped like a company's name, which a template may paste (wave 18).

    Every word is capitalised ("Müller", "GmbH", "S.A.S."), a joiner ("of", "&", "de", "und"), a camel-cased brand
    ("eBay") or a figure in capitals ("3M", "7-Eleven"); a lowercase word or a figure among lowercase letters
    ("portes pagados", "2x1", a marker) is a remark, not part of the name.
    """
    words = unicodedata.normalize("NFC", NAME_QUALIFIER.sub("", text)).split()
    if not words:
        return False
    for w in words:
        if w.lower() in _COMPANY_JOINERS:
            continue
        if any(ch.isdigit() for ch in w):
            if not _COMPANY_FIGURE.fullmatch(w):
                return False
        elif not (w[0].isupper() or any(ch.isupper() for ch in w[1:])):
            return False
    return True
