"""The market's money: every deal's value is drawn in the corporate currency, and shown in its company's.

The truth (`_truth.p_win`, the price response) reads `Deal.amount`, the value in `CORPORATE`; a CRM shows
the deal in its company's currency, `local_amount` of it at `RATES`. The sandboxes serve these same rates
(Salesforce's CurrencyType; the HubSpot demo's revenue ops enters them as the tenant's exchange rates), so
converting a CRM amount back with the CRM's own rates gives the market's value. Before wave 27 the value was
only labelled with the company's currency (a EUR deal of 8,000 was worth what a USD deal of 8,000 was), so a
converting reader distorted a market whose truth never saw currencies.
"""

from __future__ import annotations

CORPORATE = "USD"
"""The currency the market's values are drawn in (every sandbox org's corporate currency)."""

RATES: dict[str, float] = {"USD": 1.0, "EUR": 0.92, "GBP": 0.79}
"""Units of each currency per one unit of `CORPORATE` (Salesforce's ConversionRate convention): fixed, so
tests can reckon conversions. Every company's currency (`_text.COUNTRIES`, the locales' tables) is here."""


class UnknownMarketCurrency(KeyError):
    """A company currency the market has no rate for: add it to `RATES` (and so to the sandboxes' rates)."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"the market has no rate for {code!r}: add it to integrations/sandbox/market/_money.RATES"
        )
        self.code = code


def rate(code: str) -> float:
    """Units of `code` per one unit of `CORPORATE`.

    Raises:
        UnknownMarketCurrency: `code` is not one of `RATES`.
    """
    try:
        return RATES[code]
    except KeyError:
        raise UnknownMarketCurrency(code) from None


def local_amount(value: float, code: str) -> float:
    """A value in `CORPORATE` as an amount in `code`, to the cent (what the CRM shows)."""
    return round(float(value) * rate(code), 2)
