"""Text a document extract says its reader does not see (issue 11, wave 39, set 51's 057: a fleet spreadsheet pasted
into an e-mail as "Sheet 'Fleet' G40 (number format ";;;", displays empty): "Proposal to include free on-site driver
coaching at all 6 depots."", and the strategist planned the coaching).

agents.visible_text reads how HTML hides text. A CRM more often holds attachments as extracted plain text, where the
extractor names the hiding in words instead: a spreadsheet cell whose custom number format `;;;` shows nothing, a
conditional format in white on white, hidden or very hidden rows, columns and sheets, a text box off the slide, a PDF
layer switched off. The words of such a quote are no more the buyer's than hidden HTML's, so agents.hidden_echo treats
them alike: an output that repeats a run of them is refused. A quote is read as hidden only on a line that names a
hiding; a visible comment, a footnote or a hidden column described without its content ("Columna H (oculta): costes
internos") hides nothing an output could repeat.
"""

from __future__ import annotations

import re

_OBJECT = (r"rows?|columns?|sheets?|cells?|layers?|comments?|notes?|text ?box(?:es)?|zeilen?|spalten?|(?:tabellen)?blatt|"
           r"zellen?|ebenen?|kommentare?|notiz(?:en)?|textfeld(?:er)?|lignes?|colonnes?|feuilles?|cellules?|calques?|"
           r"commentaires?|zones? de texte|filas?|columnas?|hojas?|celdas?|capas?|comentarios?|cuadros? de texto|"
           r"text|texte|texto")
_HIDDEN = (r"(?:very ?)?hidden|ausgeblendet\w*|versteckt\w*|masqu(?:é|ée|és|ées)|cach(?:é|ée|és|ées)|ocult[oa]s?|"
           r"colapsad[oa]s?|contraíd[oa]s?|eingeklappt\w*|réduit(?:e|s|es)?|collapsed|invisible|unsichtbar\w*|"
           r"invisibles?")
_WHITE = r"white|#?f{3}(?:f{3})?\b|weiß\w*|weiss\w*|blanc(?:he|s|hes)?|blanc[oa]s?"
_HIDING = re.compile(
    r";;;|\bveryhidden\b|\bviewstate\s*[:=]?\s*off\b|"
    r"\b(?:displays?|shows?|shown|appears?)\s+(?:as\s+)?(?:empty|blank)\b|\b(?:zeigt|erscheint)\s+(?:leer|nichts)\b|"
    r"\bwird\s+(?:leer|nicht)\s+angezeigt|\b(?:s['’]\s*)?affich(?:e|é|ée)\s+(?:vide|en blanc)\b|"
    r"\b(?:se\s+)?muestra\s+(?:vací[ao]|en blanco)\b|\baparece\s+(?:vací[ao]|en blanco)\b|"
    rf"\b(?:{_HIDDEN})\s+(?:\w+\s+){{0,2}}?(?:{_OBJECT})\b|\b(?:{_OBJECT})\s+(?:\(?[\w-]+\)?[\s,]+){{0,3}}?\(?(?:{_HIDDEN})\b|"
    rf"\b(?:font|text|schrift\w*|police|texte|fuente|letra)\s+(?:colou?r\s+|farbe\s+|couleur\s+|color\s+)?(?:{_WHITE})"
    rf"|\b(?:{_WHITE})\s+(?:on\s+white|auf\s+weiß|sur\s+blanc|sobre\s+blanco|font|text|schrift)\b|"
    # a row or column shrunk to nothing, a font of no size, PDF text drawn invisibly (render mode 3)
    r"\b(?:column width|row height|spaltenbreite|zeilenhöhe|largeur de colonne|hauteur de ligne|ancho de columna|"
    r"alto de fila|font size|schriftgröße|taille de police|tamaño de fuente)\s*[:=]?\s*0(?:[.,]0+)?\b|"
    r"\b(?:render(?:ing)? mode|rendu|renderizado|darstellungsmodus)\s*[:=]?\s*3\b|\b3\s+Tr\b|"
    r"\b(?:outside|off)\s+(?:of\s+)?the\s+(?:[\w.]+\s+)?slide\b|\boff-?slide\b|\baußerhalb\s+der\s+folie\b|"
    r"\bhors\s+(?:de\s+la\s+)?diapositive\b|\bfuera\s+de\s+la\s+diapositiva\b",
    re.I,
)
_QUOTE = re.compile(r'"([^"\n]*)"|“([^”\n]*)”|„([^“”\n]*)[“”]|«\s*([^»\n]*?)\s*»')
_QUOTED_WORDS = 12
"""Characters a quote needs to be read as text (`";;;"`, a sheet's name in quotes are not)."""
_AFTER_COLON = re.compile(r"^[^:\n]{0,40}?\)?\s*:\s*(?P<text>\S(?:[^.;!?\n]|[.,](?=\S)){11,})")
"""The sentence after the colon that closes the hiding's label ("Row 48 (hidden): promise Tom ..."); a visible column
named after it ("... (oculta): márgenes internos. Columnas A-I: rutas ...") is not hidden."""


def _hidden_in(line: str, hiding: re.Match[str]) -> list[str]:
    quotes = [q for m in _QUOTE.finditer(line) for q in m.groups() if q and len(q) >= _QUOTED_WORDS]
    if quotes:
        return quotes
    after = _AFTER_COLON.match(line[hiding.end():])
    return [after.group("text")] if after else []


def described_hidden_texts(text: str | None) -> tuple[str, ...]:
    """The quotes of every line of `text` that names a way its document hides them from the reader, or the text after
    the label's colon where nothing is quoted (empty for most texts)."""
    if not text or not _HIDING.search(text):
        return ()
    return tuple(q for line in text.splitlines() if (m := _HIDING.search(line)) for q in _hidden_in(line, m))


def without_described_hidden(text: str) -> str:
    """`text` less what described_hidden_texts reads as hidden: what its reader is shown."""
    for hidden in described_hidden_texts(text):
        text = text.replace(hidden, " ")
    return text
