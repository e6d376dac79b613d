"""A file name in a draft ("«Propuesta_Distribuciones_Levante_v1.pdf»") is an identifier made of ordinary words, not a
name (wave 21, set 29's 044: "Propuesta" read as an invented person or company). Each capitalised part of a file name
that is a word the draft itself writes in lower case, or a word the record vouches for, is written in lower case
before the facts check reads the text; every other part (a person's or another customer's name, a figure) is left as
it is and judged like any other word."""

from __future__ import annotations

import re

FILE_NAME = re.compile(r"\b[\w-]+(?:[._][\w-]+)*\.(?:pdf|docx?|xlsx?|pptx?|csv|odt|ods|odp|txt|zip|png|jpe?g)\b", re.I)
_PART = re.compile(r"[^\W\d_]+")
_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]+\b")


def file_names_as_words(text: str, known: frozenset[str]) -> str:
    """`text` with each capitalised part of a file name lower-cased when it is a common word (`known`: lower-cased
    words the record vouches for; the text's own lower-case words count too)."""
    if "." not in text or not FILE_NAME.search(text):
        return text  # nearly every draft names no file
    common = set(_LOWER_WORD.findall(FILE_NAME.sub(" ", text))) | known

    def lowered(m: re.Match[str]) -> str:
        return _PART.sub(lambda p: p.group(0).lower() if p.group(0).lower() in common else p.group(0), m.group(0))

    return FILE_NAME.sub(lowered, text)
