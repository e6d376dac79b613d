"""Amounts written in words (issue 11): the number words of our four languages, and an amount spelled out with its
currency ("drei Euro zehn pro Fahrzeug und Tag", set 28's 002) that the figure checks never see."""

from __future__ import annotations

import re

TENS = (r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|zwanzig|dreißig|vierzig|fünfzig|sechzig|"
          r"siebzig|achtzig|neunzig|hundert|vingt|trente|quarante|cinquante|soixante|quatre-vingts?|cent|veinte|"
          r"treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien")
UNITS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|a few|a couple of|several|ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|"
          r"neun|zehn|elf|zwölf|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|seize|uno|"
          r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince")
_SPELLED_CURRENCY = re.compile(
    # an amount spelled out with its currency ("drei Euro zehn pro Fahrzeug", "three dollars a seat", "trois euros
    # cinquante", "dos euros con diez"): a price in words the figure checks never see; a compound ("ein Euro-Betrag",
    # "euro-denominated") names a currency, not an amount
    rf"\b(?:\w+und)?(?:{TENS}|{UNITS.replace('a few|a couple of|several|', '')})(?:[- ](?:and[- ]|et[- ]|y[- ])?"
    rf"(?:{UNITS.replace('a few|a couple of|several|', '')}))?[- ](?:euros?|dollars?|pounds?|bucks|cents?|centimes?|"
    rf"céntimos?|francs?|franken|pesos?|quid)\b(?![-‐])", re.I)
_SPELLED_CURRENCY_UNIT = re.compile(r"euro|dollar|pound|buck|cent|franc|franken|peso|quid", re.I)


def spelled_currency_amounts(text: str) -> list[str]:
    """Reasons for every amount in `text` (normalised) spelled out in words with a currency."""
    if not _SPELLED_CURRENCY_UNIT.search(text):
        return []  # most texts name no currency: one scan of plain words first (screening CPU)
    return [f"amount written out ({m.group(0)!r}): amounts are stated in figures from the record"
            for m in _SPELLED_CURRENCY.finditer(text)]
