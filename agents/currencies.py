"""The currency an amount is written in, so an amount in another currency than the record's is refused even when its
figure is the record's ("$24,000" on a GBP 24,000 deal: quality set 22's en-b4)."""

from __future__ import annotations

_CURRENCY_MARKS = (("us$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("usd", "USD"), ("eur", "EUR"),
                   ("gbp", "GBP"), ("chf", "CHF"), ("dollar", "USD"), ("dólar", "USD"), ("euro", "EUR"), ("pound", "GBP"),
                   ("franken", "CHF"), ("pence", "GBP"))


def currency_of(money: str) -> str | None:
    """The currency an amount is written in ("$24,000" -> USD), or None when it names none."""
    low = money.lower()
    return next((code for mark, code in _CURRENCY_MARKS if mark in low), None)
