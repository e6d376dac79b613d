"""A unit's conversion factor stated with both its units is no figure of the deal (issue 11, wave 39, set 50's 076: "fuel
savings in USD and in litres (≈ 3.785 L per US gallon)" was refused as the number 3.785 not in the inputs).

A draft may state only the record's figures (agents.facts). A conversion factor belongs to no record: litres in a US
gallon, kilometres in a mile, kilograms in a pound are the same for every buyer, and a rep who converts the payback
estimate into the buyer's units says one so the buyer can check the sums. So a number is read as no fact when it is one
of the factors below, rounded as written (3.785, 3.79, 3.8 litres per US gallon), and stands between its two units:
"3.785 L per US gallon", "1,609 km pro Meile", "1 gallon = 3.785 litres", "1 mile ≈ 1.609 km". Not read so: the number
alone ("3.785"), with one unit ("3.785 litres"), a wrong factor ("4 L per gallon", "3.785 L per imperial gallon"), or
a unit pair the list lacks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

_L = r"(?:l|lt|litres?|liters?|litern?|litros?)"
_GAL = r"(?:(?:us|u\.s\.|amerikanischen?|américains?|estadounidenses?)\s+)?(?:gal|gallons?|gallonen?|galón|galones)"
_IMP_GAL = r"(?:imperial|imp\.?|uk|britischen?|impérial|imperiales?)\s+(?:gal|gallons?|gallonen?|galón|galones)"
_KM = r"(?:km|kilomet(?:er|re)s?|kilometern?|kilomètres?|kilómetros?)"
_MILE = r"(?:miles?|meilen?|millas?|mi)"
_KG = r"(?:kg|kilos?|kilograms?|kilogramm|kilogrammes?|kilogramos?)"
_LB = r"(?:lbs?|pounds?|pfund|livres?|libras?)"
_CM = r"(?:cm|centimet(?:er|re)s?|zentimetern?|centimètres?|centímetros?)"
_INCH = r"(?:in\.|inch(?:es)?|zoll|pouces?|pulgadas?)"
FACTORS: tuple[tuple[float, str, str], ...] = (
    (3.785411784, _L, _GAL), (4.54609, _L, _IMP_GAL), (0.264172, _GAL, _L), (1.609344, _KM, _MILE),
    (0.621371, _MILE, _KM), (0.45359237, _KG, _LB), (2.204623, _LB, _KG), (2.54, _CM, _INCH),
)
"""(factor, the unit it counts, the unit it is per): 3.785 litres in a US gallon."""

_NUMBER = r"(\d{1,3}(?:[.,]\d{1,4})?)"
_PER = r"\s*(?:per|pro|je|par|por|/|in\s+(?:an?|one|einer?)|dans\s+une?|en\s+una?|=)\s*(?:an?\s+|one\s+|une?\s+|una?\s+|eine?\s+)?"
_IS = r"\s*(?:=|≈|~|≙|is|are|equals|makes|ist|sind|entspricht|fait|font|vaut|equivale\s+a|son|es)\s*(?:about\s+|approx\.?\s+|" \
      r"roughly\s+|etwa\s+|rund\s+|ca\.\s+|environ\s+|unos\s+|aproximadamente\s+)?"


def _patterns() -> Iterator[tuple[float, re.Pattern[str]]]:
    for factor, counted, per in FACTORS:
        yield factor, re.compile(rf"(?<![\w.,]){_NUMBER}\s*{counted}\b{_PER}{per}\b", re.I)
        yield factor, re.compile(rf"(?<![\w.,])(?:1|one|ein\w*|une?|una?)\s*{per}\b{_IS}{_NUMBER}\s*{counted}\b", re.I)


_COMPILED = tuple(_patterns())


def _as_written(number: str, factor: float) -> bool:
    """`number` is `factor` rounded to the decimals it is written with, two of them at least ("3.79", "1,609")."""
    whole, _, decimals = number.replace(",", ".").partition(".")
    if len(decimals) < 1 or len(whole.lstrip("0") + decimals) < 2:
        return False
    return abs(float(f"{whole}.{decimals}") - factor) <= 0.5 * 10 ** -len(decimals) + 1e-9


def conversion_factors_out(text: str) -> str:
    """`text` with each conversion factor stated between its two units blanked at the same length."""
    if not any(ch.isdigit() for ch in text):
        return text
    for factor, pattern in _COMPILED:
        text = pattern.sub(functools.partial(_blank_if_factor, factor), text)
    return text


def _blank_if_factor(factor: float, m: re.Match[str]) -> str:
    return " " * len(m.group(0)) if _as_written(m.group(1), factor) else m.group(0)
