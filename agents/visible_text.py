"""What a human sees of an HTML e-mail (wave 18): text a reader cannot see is not the buyer's words.

An HTML e-mail body (HubSpot engagement `hs_email_html`, Salesforce EmailMessage `HtmlBody`, or HTML a connector left in
the text body) can carry text no reader sees: `display:none`, `visibility:hidden`, a zero or near-zero font size,
transparent text or text the colour of its background, text pushed off screen, zero-height boxes, the `hidden`
attribute, comments, `<head>`/`<style>`/`<script>`/`<title>`, and attribute text (`title`, `alt`, `aria-*`), which
an HTML parser never hands over as text. The agents read only what is visible (sentiment, cancellation, asks,
facts that vouch for a figure) and record that hidden text was there, with how it was hidden, so the rep can look.

Deterministic and dependency-free (the standard library's `html.parser`); anything that is not HTML is returned
unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from agents.hiding_styles import hiding_style

_LOOKS_HTML = re.compile(r"<(?:[a-zA-Z][\w:-]*)(?:\s[^<>]*)?/?>|<!--", re.S)
_BLOCK = frozenset("p div br li tr td th h1 h2 h3 h4 h5 h6 blockquote table ul ol section article header footer "
                   "pre hr".split())
_VOID = frozenset("br hr img meta link input area base col embed param source track wbr".split())
_NEVER_SHOWN = frozenset("head title style script template noscript meta".split())
_FONT_ZERO = re.compile(r"font-size\s*:\s*(0*\.?\d+(?:\.\d+)?)\s*(px|pt|em|rem|%)?", re.I)
_MIN_READABLE = {"px": 4.0, "pt": 3.0, "em": 0.3, "rem": 0.3, "%": 30.0, None: 4.0}
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*([^;]+)", re.I)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.I)
_OFFSCREEN = re.compile(r"(?:left|top|right|margin-left|margin-top|text-indent)\s*:\s*-\s*\d{3,}", re.I)
_ZERO_BOX = re.compile(r"(?:^|;)\s*(?:max-)?(?:height|width)\s*:\s*0(?:px|pt|em|%)?\s*(?:;|$)", re.I)
_CLIPPED = re.compile(r"clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*(?:50|100)%", re.I)


@dataclass(frozen=True)
class Visible:
    """An e-mail body as a reader sees it.

    Attributes:
        text: the visible text (blocks on their own lines), or the body unchanged when it is not HTML.
        hidden: how text was hidden ("color:transparent", "display:none", "comment", ...), each once, in order.
        hidden_chars: how many characters of text were hidden.
    """

    text: str
    hidden: tuple[str, ...] = ()
    hidden_chars: int = 0
    attribute_texts: tuple[str, ...] = ()
    """Hidden text an attribute carried (a hidden form field's value, a `<meta>` content), which no text node holds."""


def _colour(value: str) -> str:
    return re.sub(r"\s+", "", value.strip().lower().replace("!important", ""))


def _invisible_colour(colour: str) -> bool:
    return colour in ("transparent", "rgba(0,0,0,0)") or bool(
        re.fullmatch(r"(?:rgba|hsla)\(.*,0?\.?0*\)", colour)) or bool(re.fullmatch(r"#[0-9a-f]{6}00|#[0-9a-f]{3}0", colour))


def hiding(tag: str, attrs: dict[str, str | None], inherited_background: str | None) -> tuple[str | None, str | None]:
    """How an element hides its text (None when it does not), and the background its children inherit."""
    style = (attrs.get("style") or "").replace("\n", " ")
    low = style.lower()
    background = inherited_background
    if m := _BACKGROUND.search(style):
        background = _colour(m.group(1).split()[0] if m.group(1).split() else m.group(1))
    if attrs.get("bgcolor"):
        background = _colour(attrs["bgcolor"] or "")
    if tag in _NEVER_SHOWN:
        return f"<{tag}>", background
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return "hidden attribute", background
    if re.search(r"display\s*:\s*none", low):
        return "display:none", background
    if re.search(r"visibility\s*:\s*(?:hidden|collapse)", low):
        return "visibility:hidden", background
    if re.search(r"(?<![-\w])opacity\s*:\s*0*(?:\.0+)?\s*(?:;|$)", low):
        return "opacity:0", background
    if (m := _FONT_ZERO.search(low)) and float(m.group(1)) < _MIN_READABLE[m.group(2)]:
        return "font-size:" + m.group(1) + (m.group(2) or ""), background
    colour = None
    if m := _COLOR.search(style):
        colour = _colour(m.group(1))
    if attrs.get("color"):
        colour = _colour(attrs["color"] or "")
    if colour and _invisible_colour(colour):
        return "color:transparent", background
    if colour and background and colour == background:
        return "text the colour of its background", background
    if _OFFSCREEN.search(low):
        return "positioned off screen", background
    if _ZERO_BOX.search(low) and "overflow" in low:
        return "zero-size box", background
    if _CLIPPED.search(low):
        return "clipped away", background
    # the rarer ways (wave 30): mso-hide, scale(0), zeros marked !important, one-pixel boxes that clip
    return hiding_style(low), background


_PROSE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?[.,:;!?'’]*")
_FORM_HIDING = "hidden form field"


def _prose(value: str | None) -> bool:
    """Whether an attribute's value reads as words (three or more), not a token, an id or "width=device-width"."""
    return bool(value) and sum(bool(_PROSE_WORD.fullmatch(w)) for w in (value or "").split()) >= 3


_LABEL_ATTRIBUTES = (("alt", "alt attribute"), ("title", "title attribute"), ("aria-label", "aria-label"),
                     ("aria-description", "aria-description"))
"""Attributes whose text a reader does not see as the e-mail's text (an image's alt text, a tooltip, a screen reader's
label): wave 32 records them as hidden text, as the hidden input and `<meta>` of wave 31."""
_LABEL_WORDS = 4
"""Words an attribute's text needs to count as prose hidden in it: "Northwind Logistics logo" is a label."""


def _words(value: str | None) -> int:
    return sum(bool(_PROSE_WORD.fullmatch(w)) for w in (value or "").split())


def attribute_hiding(tag: str, attrs: dict[str, str | None]) -> list[tuple[str, str]]:
    """How an element hides text it carries in an attribute, with the text (wave 31, set 40's 058: `<input
    type="hidden" value="note for the AI: ...">`): a hidden form field's value and a `<meta>`'s content are never
    shown to a reader; a visible input shows its value in its box. Wave 32: the prose of an `alt`, `title`,
    `aria-label` or `aria-description` (four words or more) is no text of the e-mail either. Empty when the element
    carries no such text."""
    out: list[tuple[str, str]] = []
    if tag == "input" and _prose(attrs.get("value")):
        hidden_input = (attrs.get("type") or "").lower() == "hidden" or "hidden" in attrs
        why = _FORM_HIDING if hidden_input else hiding(tag, attrs, None)[0]
        if why:
            out.append((why, attrs.get("value") or ""))
    if tag == "meta" and _prose(attrs.get("content")) and not attrs.get("http-equiv"):
        out.append(("<meta> content", attrs.get("content") or ""))
    for name, why in _LABEL_ATTRIBUTES:
        if _words(attrs.get(name)) >= _LABEL_WORDS:
            out.append((why, attrs.get(name) or ""))
    return out


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden: list[str] = []
        self.hidden_chars = 0
        self.attribute_texts: list[str] = []
        self.options_shown = 0
        # one frame per open element: (tag, how it hides or None, background its children inherit)
        self.stack: list[tuple[str, str | None, str | None]] = []

    def _hidden_by(self) -> str | None:
        return next((why for _, why, _ in reversed(self.stack) if why), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        self._attribute_text(tag, dict(attrs))
        if tag in _VOID:
            return
        if tag == "option":
            while self.stack and self.stack[-1][0] == "option":  # an option's end tag may be left out
                self.stack.pop()
        background = self.stack[-1][2] if self.stack else None
        why, background = hiding(tag, dict(attrs), background)
        if tag == "select":
            self.options_shown = 0
        elif tag == "option" and why is None and any(t == "select" for t, _, _ in self.stack):
            # a drop-down shows its selected option (or its first) only: the others are text no reader sees
            if "selected" not in dict(attrs) and self.options_shown:
                why = "<option> not selected"
            self.options_shown += 1
        self.stack.append((tag, why, background))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.out.append("\n")
        self._attribute_text(tag, dict(attrs))

    def _attribute_text(self, tag: str, attrs: dict[str, str | None]) -> None:
        found = attribute_hiding(tag, attrs)
        if not any(t == attrs.get("value") for _, t in found) and tag == "input" and _prose(attrs.get("value")) \
                and (why := self._hidden_by()):
            found.append((why, attrs.get("value") or ""))  # a visible input inside a hidden element
        for why, text in found:
            self.attribute_texts.append(text)
            self._note(why, text)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        why = self._hidden_by()
        if why is None:
            self.out.append(data)
        elif data.strip():
            self._note(why, data)

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self._note("comment", data)

    def _note(self, why: str, data: str) -> None:
        self.hidden_chars += len(data.strip())
        if why not in self.hidden:
            self.hidden.append(why)


def visible_text(body: str | None) -> Visible:
    """Return what a reader sees of an e-mail body, and how much text was hidden and how."""
    if not body or not _LOOKS_HTML.search(body):
        return Visible(body or "")
    reader = _Reader()
    reader.feed(body)
    reader.close()
    text = "".join(reader.out).replace("\xa0", " ")
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    text = re.sub(r"\n{2,}", "\n", text).strip()
    return Visible(text, tuple(reader.hidden), reader.hidden_chars, tuple(reader.attribute_texts))


def hidden_note(v: Visible) -> str | None:
    """The rep's reason, in words (None when nothing was hidden)."""
    if not v.hidden:
        return None
    return f"{v.hidden_chars} characters of text hidden from a reader ({', '.join(v.hidden)}) were left out"
