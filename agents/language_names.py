"""Languages named in prose (issue 11, wave 37: set 46's look-alike 091, "the dashboard labels stay in English; drivers
can switch the mobile app to Spanish", read as two unvouched names).

English capitalises a language's name and German every noun; a language is no person and no company, so a capitalised
language name mid-sentence is ordinary prose. French and Spanish write them in lower case ("en anglais", "en español")
and need nothing here."""

from __future__ import annotations

LANGUAGE_NAMES = frozenset("""
english spanish german french italian portuguese dutch catalan polish
englisch spanisch deutsch französisch italienisch portugiesisch niederländisch katalanisch polnisch
welsh irish gaelic basque galician breton swedish danish norwegian finnish icelandic greek czech slovak hungarian
romanian bulgarian croatian serbian slovenian turkish russian ukrainian arabic hebrew hindi urdu chinese mandarin
cantonese japanese korean vietnamese thai indonesian tagalog swahili persian farsi luxembourgish flemish frisian
maltese lithuanian latvian estonian albanian
walisisch irisch gälisch baskisch galicisch galizisch bretonisch schwedisch dänisch norwegisch finnisch isländisch
griechisch tschechisch slowakisch ungarisch rumänisch bulgarisch kroatisch serbisch slowenisch türkisch russisch
ukrainisch arabisch hebräisch chinesisch kantonesisch japanisch koreanisch vietnamesisch indonesisch persisch
luxemburgisch flämisch friesisch maltesisch litauisch lettisch estnisch albanisch
""".split())
"""Language names as English and German capitalise them (wave 39, set 50's 090: "reminder texts in Welsh" read as an
unvouched name; the languages a buyer asks a product to speak are not only the four we write)."""
LANGUAGE_WORDS = r"(?:" + "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True)) + (
    r"|anglais|espagnol|allemand|français|italien|portugais|néerlandais|catalan|polonais"
    r"|inglés|ingles|español|espanol|alemán|aleman|francés|frances|italiano|portugués|neerlandés|catalán|polaco)"
)
"""A language's name in any of the four languages, for a pattern (lower case in French and Spanish prose)."""
