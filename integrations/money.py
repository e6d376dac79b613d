"""Money in more than one currency, as pure functions of amounts and a rate table.

A CRM that keeps several currencies keeps rates against one corporate currency: Salesforce's
CurrencyType (IsoCode, ConversionRate, IsCorporate; ConversionRate is units of that currency per
one unit of the corporate currency, the corporate row 1.0), and, for HubSpot, the tenant's own
setting (its public API documents no exchange-rate endpoint we may read). Connectors fetch the
table (cached, through the one limiter) and hand it on in `Record.extra[RATES_KEY]`; scoring
converts with `convert` / `split_sum` and never adds two currencies as one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

RATES_KEY = "currency_rates"
"""`Record.extra` key: the org's rate table as `RateTable.to_dict()` (a mapping, so it is never a feature;
left out of the record's content fingerprint: a daily rate update is not a rep's edit)."""

ISO_CODE = re.compile(r"^[A-Z]{3}$")
"""An ISO 4217 alphabetic code's form. Whether a well-formed code is a currency the org keeps is
the rate table's to say (a code it lacks has no rate: `MissingRate`)."""


class CurrencyError(ValueError):
    """An amount cannot be put in the wanted currency; the message says what to fix."""


class UnknownCurrency(CurrencyError):
    """A currency code that is not an ISO 4217 code (three capital letters)."""

    def __init__(self, code: Any) -> None:
        super().__init__(f"{str(code)[:20]!r} is not an ISO 4217 currency code (three letters such as EUR)")
        self.code = code


class MissingRate(CurrencyError):
    """The rate table has no rate for a currency: add it to the CRM's currencies (Salesforce Setup →
    Manage Currencies) or to the tenant's exchange rates setting."""

    def __init__(self, code: str, corporate: str) -> None:
        super().__init__(
            f"no conversion rate from {code} to {corporate}: add {code} to the CRM's currencies "
            f"(Salesforce: Setup, Manage Currencies) or to the exchange rates setting"
        )
        self.code = code
        self.corporate = corporate


class BadRate(CurrencyError):
    """A rate the CRM or the setting gave that is not a positive finite number."""

    def __init__(self, code: str, rate: Any) -> None:
        super().__init__(
            f"conversion rate {str(rate)[:30]!r} for {code} is not a positive number: fix it in the "
            f"CRM's currencies or the exchange rates setting"
        )
        self.code = code
        self.rate = rate


def iso_code(value: Any) -> str:
    """`value` as an ISO 4217 code (surrounding spaces and lower case forgiven).

    Raises:
        UnknownCurrency: not three letters.
    """
    code = str(value or "").strip().upper()
    if not ISO_CODE.match(code):
        raise UnknownCurrency(value)
    return code


def _rate(code: str, value: Any) -> float:
    if isinstance(value, bool):
        raise BadRate(code, value)
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise BadRate(code, value) from None
    if not math.isfinite(rate) or rate <= 0:
        raise BadRate(code, value)
    return rate


@dataclass(frozen=True)
class RateTable:
    """Units of each currency per one unit of `corporate` (the corporate currency's own rate is 1).

    `skipped` names the rows the source gave that could not be used, with why (a bad rate is
    skipped, never guessed: the amounts in that currency then stay unconverted)."""

    corporate: str
    rates: Mapping[str, float]
    skipped: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "corporate", iso_code(self.corporate))
        checked = {iso_code(c): _rate(str(c), r) for c, r in self.rates.items()}
        checked[self.corporate] = 1.0 if self.corporate not in checked else checked[self.corporate]
        if checked[self.corporate] != 1.0:
            raise BadRate(self.corporate, checked[self.corporate])
        object.__setattr__(self, "rates", checked)
        object.__setattr__(self, "skipped", dict(self.skipped))

    def to_dict(self) -> dict[str, Any]:
        return {"corporate": self.corporate, "rates": dict(self.rates), "skipped": dict(self.skipped)}

    @classmethod
    def from_dict(cls, d: Any) -> RateTable | None:
        """The table `to_dict` wrote, None when `d` is absent.

        Raises:
            CurrencyError: a malformed table (bad code or rate).
        """
        if not d:
            return None
        if not isinstance(d, Mapping) or not isinstance(d.get("rates") or {}, Mapping):
            raise CurrencyError("a rate table must be {corporate, rates: {code: rate}}")
        return cls(
            corporate=str(d.get("corporate") or ""),
            rates=dict(d.get("rates") or {}),
            skipped=dict(d.get("skipped") or {}),
        )


def single_currency(code: Any) -> RateTable:
    """The table of an org that keeps one currency (Salesforce's Organization.DefaultCurrencyIsoCode).

    Raises:
        UnknownCurrency: `code` is not an ISO code.
    """
    return RateTable(corporate=iso_code(code), rates={})


def salesforce_rate_table(rows: Iterable[Mapping[str, Any]]) -> RateTable:
    """The rate table of Salesforce CurrencyType rows (IsoCode, ConversionRate, IsCorporate, IsActive).

    An inactive currency keeps its rate (old deals are still in it). A row with an unusable code
    or rate is skipped and named in `skipped`.

    Raises:
        CurrencyError: no row (or more than one) is the corporate currency.
    """
    rows = list(rows)
    rates: dict[str, float] = {}
    skipped: dict[str, str] = {}
    corporate = [r for r in rows if r.get("IsCorporate")]
    if len(corporate) != 1:
        raise CurrencyError(
            f"CurrencyType answered {len(corporate)} corporate currencies, not one: check "
            f"Setup, Company Information, Currency"
        )
    for r in rows:
        try:
            code = iso_code(r.get("IsoCode"))
            rates[code] = _rate(code, r.get("ConversionRate"))
        except CurrencyError as err:
            skipped[str(r.get("IsoCode"))[:20]] = str(err)
    return RateTable(corporate=iso_code(corporate[0].get("IsoCode")), rates=rates, skipped=skipped)


def setting_rate_table(setting: Any) -> RateTable | None:
    """The tenant's exchange rates setting (`{"corporate": "USD", "rates": {"EUR": 0.92}}`), None when unset.

    Raises:
        CurrencyError: a bad code or a rate that is not a positive number (the setting page says which).
    """
    return RateTable.from_dict(setting)


def convert(amount: float, code: str | None, table: RateTable) -> float:
    """`amount` in `code` as an amount in the table's corporate currency.

    Raises:
        UnknownCurrency: `code` is not an ISO code (None included: an amount of unknown currency).
        MissingRate: the table has no rate for `code`.
    """
    src = iso_code(code)
    rate = table.rates.get(src)
    if rate is None:
        raise MissingRate(src, table.corporate)
    return float(amount) / rate


@dataclass(frozen=True)
class MoneySum:
    """A sum in one currency, and what could not be put in it (per currency, never added up)."""

    currency: str | None
    total: float
    unconverted: Mapping[str, float]
    """Amounts left out, per currency ("?" for an amount of unknown currency), with their reason in `why`."""
    why: tuple[str, ...] = ()


def split_sum(
    amounts: Iterable[tuple[str | None, float]], *, table: RateTable | None, default: str | None
) -> MoneySum:
    """Sum amounts `(currency, amount)` in the corporate currency where the table converts them.

    Without a table the sum is in `default` (the record's own currency): amounts in it, or in no
    stated currency, are added; others are kept apart. An amount without a currency is taken as
    `default`'s. Nothing is ever added across currencies without a rate.
    """
    target = (
        table.corporate if table else (iso_code(default) if default and ISO_CODE.match(default) else None)
    )
    total, apart, why = 0.0, dict[str, float](), list[str]()
    for given, amount in amounts:
        code = given or default
        try:
            if table is not None:
                total += convert(amount, code, table)
            elif code is None or target is None or iso_code(code) == target:
                total += float(amount)
            else:
                raise MissingRate(iso_code(code), target)
        except CurrencyError as err:
            key = code if isinstance(code, str) and code else "?"
            apart[key] = apart.get(key, 0.0) + float(amount)
            if str(err) not in why:
                why.append(str(err))
    return MoneySum(currency=target, total=total, unconverted=apart, why=tuple(why))
