"""The sender's job title in a draft's sign-off (issue 11, wave 34: set 43's en-g1, g2, g4, g6 and g7 refused "name
'Executive' is not in the inputs" for "Sam Okafor\\nAccount Executive, Brightlane").

The invented-name check reads a capitalised word mid-sentence the record does not know as a person's name, and English
title-cases a job title ("Key Account Manager"; "Responsable Grands Comptes", "Ejecutiva de Cuentas" when written so).
A title is a closed class: the words sales people's titles are made of, in en/de/fr/es. Under the signer's name (the
line after a line of one to three known capitalised words, or the segment after that name on its own line: "Sam Okafor,
Senior Key Account Manager") a segment made only of those words is the sender's title and names nobody; the rest of the
line ("with Laura Brennan") and every other line are read as before, so "Best, Sam and Laura" still names Laura, and a
title word mid-sentence ("Our Account Executive Laura Brennan") is read as any other word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TITLE_WORDS = frozenset("""
account accounts executive executives manager managers key senior junior sales director representative rep specialist
customer customers success business development regional area head lead consultant partner associate vice president vp
enterprise commercial inside field territory solutions solution engineer advisor adviser officer chief revenue growth
relationship client clients strategic global national channel principal team leader coordinator ae sdr bdr
vertrieb vertriebs vertriebsleiter vertriebsmitarbeiter vertriebsberater kundenberater kundenbetreuer leiter leitung
verkaufsleiter gebietsleiter außendienst innendienst berater betreuer geschäftskunden großkunden großkundenbetreuer
großkundenmanager referent
responsable commerciale grands comptes compte chargé chargée d'affaires affaires ingénieur ingénieure directeur
directrice ventes clientèle développement gestionnaire conseiller conseillère chef cheffe régional régionale secteur
attaché attachée technico-commercial technico-commerciale
ejecutivo ejecutiva cuentas cuenta gerente comercial directora jefe jefa clave grandes asesor asesora desarrollo negocio
negocios delegado delegada zona técnico técnica
""".split())
"""Words sales job titles are made of (a German feminine "-in" is read with its masculine)."""
_JOINS = frozenset("of and for & de des du der für y del la el".split())
"""Small words inside a title ("Head of Sales", "Responsable des ventes", "Jefa de Zona")."""
_SEGMENT = re.compile(r"[^,|/·–—]+")
_TOKEN = re.compile(r"[^\W\d_][\w'’&-]*|&")


def _title_word(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in TITLE_WORDS or (w.endswith("in") and w[:-2] in TITLE_WORDS) or (
        w.endswith("innen") and w[:-5] in TITLE_WORDS)


def _is_title(segment: str) -> bool:
    tokens = _TOKEN.findall(segment)
    return bool(tokens) and any(_title_word(t) for t in tokens) and all(
        _title_word(t) or t.lower() in _JOINS for t in tokens)


def _is_name(segment: str, known: Callable[[str], bool]) -> bool:
    tokens = segment.split()
    return 1 <= len(tokens) <= 3 and all(t[:1].isupper() and known(t) for t in tokens)


def sender_titles_out(text: str, known: Callable[[str], bool]) -> str:
    """The text with the sender's title under (or beside) their name blanked out; `known` says whether a capitalised
    word is one the record knows (the signer's name is the record owner's)."""
    lines = text.split("\n")
    previous = ""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        segments = list(_SEGMENT.finditer(line))
        first_named = bool(segments) and _is_name(segments[0].group(0).strip(), known)
        under_a_name = _is_name(previous.strip(), known)
        keep = line
        for k, m in enumerate(segments):
            if (under_a_name or (first_named and k > 0)) and _is_title(m.group(0)):
                keep = keep[:m.start()] + " " * (m.end() - m.start()) + keep[m.end():]
        previous, lines[i] = line, keep
    return "\n".join(lines)
