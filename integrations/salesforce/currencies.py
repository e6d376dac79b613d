"""An org's currencies: whether its records carry CurrencyIsoCode, and its rate table.

A multi-currency org has CurrencyIsoCode on Opportunity (and Account, Lead) and its rates in
CurrencyType; a single-currency org has neither (a query naming the field fails INVALID_FIELD),
and all its amounts are in Organization.DefaultCurrencyIsoCode. Which kind an org is comes from
describe (one call), the rates from one CurrencyType query; both cached per org for TTL_SECONDS
like the Lead Status values, so a batch of reads costs no extra API calls. Advanced currency
management's DatedConversionRate is not read: amounts convert at CurrencyType's current rate
(what Salesforce's own reports do for every object but Opportunity), documented in the README.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from integrations.money import CurrencyError, RateTable, salesforce_rate_table, single_currency
from integrations.org_cache import OrgCache

log = logging.getLogger(__name__)

FIELD = "CurrencyIsoCode"
TTL_SECONDS = 600.0


@dataclass(frozen=True)
class OrgCurrency:
    """`has_field`: the org's Opportunity has CurrencyIsoCode (multi-currency). `default`: the currency of
    amounts without one (the corporate currency). `rates`: None when the org's rates could not be used
    (logged; amounts then only count in their record's own currency)."""

    has_field: bool
    default: str | None
    rates: RateTable | None


_cache: OrgCache[OrgCurrency] = OrgCache(TTL_SECONDS)


def org_currency(
    org_id: str,
    *,
    field_names: Callable[[str], Sequence[str]],
    query: Callable[[str, str], list[dict[str, Any]]],
) -> OrgCurrency:
    """The org's currency set-up, cached per org (`field_names(sobject)`: describe; `query(soql, what)`)."""
    return _cache.get(org_id, lambda: _read(org_id, field_names, query))


def forget(org_id: str | None = None) -> None:
    """Drop the cached set-up of one org (all when None): an admin turned multi-currency on."""
    _cache.forget(org_id)


def _read(
    org_id: str,
    field_names: Callable[[str], Sequence[str]],
    query: Callable[[str, str], list[dict[str, Any]]],
) -> OrgCurrency:
    if FIELD in field_names("Opportunity"):
        rows = query(
            "SELECT IsoCode, ConversionRate, IsCorporate, IsActive FROM CurrencyType", "currency rates"
        )
        try:
            table = salesforce_rate_table(rows)
        except CurrencyError as err:
            log.warning(
                "salesforce org %s: currency rates unusable, amounts are not converted: %s", org_id, err
            )
            return OrgCurrency(has_field=True, default=None, rates=None)
        for code, why in table.skipped.items():
            log.warning("salesforce org %s: currency %s skipped: %s", org_id, code, why)
        return OrgCurrency(has_field=True, default=table.corporate, rates=table)
    rows = query("SELECT DefaultCurrencyIsoCode FROM Organization", "default currency")
    default_code = (rows[0] if rows else {}).get("DefaultCurrencyIsoCode")
    try:
        table = single_currency(default_code)
    except CurrencyError as err:
        log.warning("salesforce org %s: default currency unusable: %s", org_id, err)
        return OrgCurrency(has_field=False, default=None, rates=None)
    return OrgCurrency(has_field=False, default=table.corporate, rates=table)
