"""More ways an HTML e-mail's style hides text from its reader (issue 11, wave 30, set 39's hidden-text cases:
`mso-hide:all`, `<!--[if mso]>`, `<template>`, `<noscript>`, `max-height:0;overflow:hidden`).

agents.visible_text reads the common ways (display:none, visibility:hidden, a tiny font, transparent text, text pushed
off screen, a zero-size box, a clipped box). E-mail templates and attackers use more, each as invisible in a mail
client: Outlook's own `mso-hide:all`; a box shrunk to nothing by `transform:scale(0)` or `zoom:0`; a line box of zero
height that clips (`line-height:0` with `overflow:hidden`); a zero-size box whose zero carries `!important`, or a
one-pixel box that clips (the "visually hidden" idiom: `width:1px;height:1px;overflow:hidden`); a clip to a rectangle of
one pixel or a shape of nothing (`clip:rect(1px,1px,1px,1px)`, `clip-path:circle(0)`, `clip-path:polygon(0 0,0 0,0 0)`);
an offset in percent or a translation far off screen (`text-indent:-100%`, `transform:translateX(-9999px)`); an
opacity of zero written as a percentage or a filter (`opacity:0%`, `filter:opacity(0)`).
A style that only looks small (`line-height:0.9`, `height:0` without clipping, `opacity:0.5`, `scale(0.9)`) hides
nothing and is read as visible.
"""

from __future__ import annotations

import re

_ZERO = r"(?:0+(?:\.0+)?|\.0+)(?:px|pt|em|rem|%|vh|vw)?"
_TINY = r"(?:0*\.\d+|0|1)(?:px|pt)?|(?:0+(?:\.0+)?|\.0+)(?:em|rem|%)"
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mso-hide:all", re.compile(r"mso-hide\s*:\s*all\b")),
    (
        "scaled to nothing",
        re.compile(
            rf"transform\s*:[^;]*\bscale[xy]?\(\s*{_ZERO}\s*(?:[,)]|\s)|(?<![-\w])zoom\s*:\s*{_ZERO}\s*(?:!important\s*)?(?:;|$)"
        ),
    ),
    (
        "zero-size box",
        re.compile(
            rf"(?:^|;)\s*(?:max-|min-)?(?:height|width|line-height)\s*:\s*{_ZERO}\s*(?:!important\s*)?(?:;|$)"
        ),
    ),
    (
        "clipped away",
        re.compile(
            r"clip\s*:\s*rect\(\s*(?:[01](?:px)?\s*,?\s*){4}\)|"
            rf"clip-path\s*:\s*(?:circle|ellipse)\(\s*{_ZERO}\b|clip-path\s*:\s*polygon\(\s*(?:0(?:px|%)?\s+0(?:px|%)?\s*,?\s*)+\)"
        ),
    ),
    (
        "positioned off screen",
        re.compile(
            r"(?:text-indent|left|top|right|margin-left|margin-top)\s*:\s*-\s*(?:\d{2,}(?:\.\d+)?\s*%|\d{2,}\s*(?:em|rem|vw|vh))|"
            r"transform\s*:[^;]*\btranslate[xy]?\(\s*-\s*\d{3,}"
        ),
    ),
    (
        "opacity:0",
        re.compile(
            rf"(?<![-\w])opacity\s*:\s*{_ZERO}\s*(?:!important\s*)?(?:;|$)|filter\s*:[^;]*\bopacity\(\s*{_ZERO}\s*\)"
        ),
    ),
)
_CLIPS = re.compile(r"overflow(?:-[xy])?\s*:\s*(?:hidden|clip)")
_ONE_PIXEL = re.compile(rf"(?:^|;)\s*(?:max-)?(?:height|width)\s*:\s*(?:{_TINY})\s*(?:!important\s*)?(?:;|$)")


def hiding_style(style: str) -> str | None:
    """How an element's inline `style` (lower case) hides its text, for the ways agents.visible_text does not read
    itself; None when it hides nothing."""
    for why, rx in _STYLES:
        if rx.search(style):
            if why == "zero-size box" and not _CLIPS.search(style):
                continue  # a box of zero height without clipping lets its text overflow, in view
            return why
    if _ONE_PIXEL.search(style) and _CLIPS.search(style):
        return "zero-size box"
    return None
