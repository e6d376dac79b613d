"""`HubSpotClient`: the CrmClient implementation over hubspot-api-client, one per portal.

Build one with `HubSpotClient.connect(...)` (tokens + OAuth app + base URL) or inject a ready
`SdkApis` for tests. Reads assemble the canonical Record from about a dozen calls (deal with stage
history, v4 associations with labels, batch reads of companies/contacts/engagements, owner,
the company's other deals, cached pipelines); writes live in `writes.py`, metadata in `schema.py`.
No SDK type is returned from any public method.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from integrations.base import FieldSpec, History, Owner, Pipeline, Record, TaskSpec, WriteResult
from integrations.errors import CrmNotFound
from integrations.hubspot import constants, mapping, reads, schema, writes
from integrations.hubspot.client import SdkApis, build_sdk
from integrations.hubspot.oauth import OAuthClient, TokenSaver, TokenSet
from integrations.hubspot.session import ApiSession, CallStats

OBJECT_TYPES: Mapping[str, str] = {
    "deal": "deals", "deals": "deals", "0-3": "deals",
    "company": "companies", "companies": "companies", "0-2": "companies",
    "contact": "contacts", "contacts": "contacts", "0-1": "contacts",
}
"""Canonical or HubSpot object type → HubSpot's plural object type name."""

PRIMARY_COMPANY_TYPE_IDS = (5,)
"""deal → company association type id that marks the primary company."""

ENGAGEMENT_TYPES = tuple(mapping.ACTIVITY_TYPES)
ENGAGEMENT_PROPERTIES = ("hs_timestamp", "hs_createdate", *sorted(
    {p for parts in mapping.ACTIVITY_PROPERTIES.values() for p in parts.values()}))


def hubspot_type(object_type: str) -> str:
    """Map `deal`/`0-3`/`deals` to HubSpot's `deals` (unknown names pass through)."""
    return OBJECT_TYPES.get(object_type, object_type)


class HubSpotClient:
    """CrmClient for one HubSpot portal (tenant)."""

    crm = "hubspot"

    def __init__(
        self,
        apis: SdkApis,
        tokens: TokenSet,
        *,
        tenant_id: str,
        oauth: OAuthClient | None = None,
        on_tokens: TokenSaver | None = None,
        field_mapping: mapping.FieldMapping | None = None,
        stats: CallStats | None = None,
        timeout: tuple[float, float] = (constants.CONNECT_TIMEOUT_SECONDS, constants.READ_TIMEOUT_SECONDS),
        marker: str = TaskSpec.marker,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.tenant_id = tenant_id
        self.mapping = field_mapping or mapping.FieldMapping()
        self.marker = marker
        self.clock = clock
        self.sleep = sleep
        self.session = ApiSession(apis, tokens, oauth=oauth, on_tokens=on_tokens, stats=stats,
                                  timeout=timeout, sleep=sleep, clock=clock)
        self._pipelines: list[Pipeline] | None = None
        self._pipelines_lock = threading.Lock()
        self._pipelines_at = 0.0
        self._owners: dict[str, tuple[Owner | None, float]] = {}

    @classmethod
    def connect(
        cls,
        tokens: TokenSet,
        *,
        tenant_id: str,
        base_url: str = constants.API_BASE,
        oauth: OAuthClient | None = None,
        on_tokens: TokenSaver | None = None,
        retries: int = constants.SDK_RETRIES,
        **kwargs: Any,
    ) -> HubSpotClient:
        """Build the SDK for `base_url` and an adapter around it (the usual constructor).

        Args:
            tokens: the installation's tokens (a private-app token: `TokenSet(access_token=...)`).
            tenant_id: our tenant id, stamped on every Record.
            base_url: `https://api.hubapi.com` or the sandbox's URL.
            oauth: the app's OAuthClient; without it tokens are never refreshed.
            on_tokens: called with each refreshed TokenSet so the app persists it encrypted.
            retries: urllib3 retries on connection errors and 5xx.
            **kwargs: passed to `HubSpotClient.__init__` (field_mapping, stats, timeout, ...).
        """
        apis = SdkApis(build_sdk(tokens.access_token, base_url=base_url, retries=retries))
        return cls(apis, tokens, tenant_id=tenant_id, oauth=oauth, on_tokens=on_tokens, **kwargs)

    # -- state the app reads -------------------------------------------------------------------

    @property
    def stats(self) -> CallStats:
        """Calls, token refreshes and 429 retries made so far (demo summary)."""
        return self.session.stats

    @property
    def tokens(self) -> TokenSet:
        """The current tokens (after any refresh)."""
        return self.session.tokens

    # -- reads ---------------------------------------------------------------------------------

    def list_pipelines(self) -> list[Pipeline]:
        """Deal pipelines with stage kinds, fetched once per adapter."""
        with self._pipelines_lock:
            if self._pipelines is None or self._stale(self._pipelines_at):
                self._pipelines = schema.list_pipelines(self.session, "deals")
                self._pipelines_at = self.clock()
            return list(self._pipelines)

    def stage_kinds(self) -> dict[str, str]:
        """Stage id → open/won/lost over all deal pipelines."""
        return {s.id: s.kind for p in self.list_pipelines() for s in p.stages}

    def describe(self, object_type: str) -> list[FieldSpec]:
        return schema.describe(self.session, hubspot_type(object_type))

    def get_record(self, object_type: str, id: str) -> Record:
        """Read a deal with its company, contacts, owner, activity and history as a Record.

        Raises:
            CrmNotFound: the deal does not exist (or was archived).
            CrmRejected: `object_type` is not a deal (the only canonical record type so far).
        """
        otype = hubspot_type(object_type)
        if otype != "deals":
            from integrations.errors import CrmRejected

            raise CrmRejected(f"unsupported record type {object_type!r}", crm=self.crm)
        s = self.session
        deal = reads.object_dict(s.call(
            s.apis.objects.get_by_id, "deals", str(id),
            properties=self.mapping.deal_properties(), properties_with_history=[self.mapping.deal["stage"]],
            associations=["companies", *ENGAGEMENT_TYPES], archived=False))
        props = deal["properties"]
        kinds = self.stage_kinds()
        company, company_id, company_deals = self._company(deal)
        contacts, contact_props = self._contacts(str(id))
        activities = [a for a in self._activities(deal["associations"]) if a is not None]
        activities += mapping.page_view_activities(contact_props, self.mapping)
        owner_id = props.get(self.mapping.deal["owner_id"])
        owner = self._owner(str(owner_id)) if owner_id else None
        history = History(
            closed_won_deals=self._closed_won(company_id, company_deals, str(id), kinds) if company_id else (),
            stage_changes=mapping.stage_changes(deal["history"].get(self.mapping.deal["stage"]) or ()),
        )
        return mapping.record_from(
            tenant_id=self.tenant_id, deal_id=deal["id"], props=props, mapping=self.mapping,
            stage_kinds=kinds, owner=owner, company=company, contacts=contacts,
            activities=activities, history=history, contact_props=contact_props)

    def _owner(self, owner_id: str) -> Owner | None:
        """The deal owner with a time zone; cached, since owners change rarely and the time-zone
        lookup costs a rate-limited search."""
        cached = self._owners.get(owner_id)
        if cached is not None and not self._stale(cached[1]):
            return cached[0]
        raw = reads.owner(self.session, owner_id)
        owner = mapping.owner_from(raw)
        if owner is not None and raw is not None and owner.timezone is None:
            owner = replace(owner, timezone=reads.user_timezone(self.session, raw))
        self._owners[owner_id] = (owner, self.clock())
        return owner

    def _stale(self, fetched_at: float) -> bool:
        return self.clock() - fetched_at > constants.METADATA_TTL_SECONDS

    def _company(self, deal: Mapping[str, Any]) -> tuple[Any, str | None, list[str] | None]:
        """The deal's primary company, and the ids of that company's deals (None: ask v4).

        The v3 links of the deal GET name the primary company `deal_to_company` (the others are
        `deal_to_company_unlabeled`), and one GET of the company returns its deal ids too: two
        calls instead of four, which matters at 110 requests per 10 s.
        """
        links = deal["association_types"].get("companies") or []
        if "companies" in deal["associations_paged"] or not links:
            v4 = reads.associations(self.session, "deals", deal["id"], "companies")
            primary_id = next((a["id"] for a in v4 if mapping.is_primary_association(a["types"],
                                                                                     PRIMARY_COMPANY_TYPE_IDS)),
                              v4[0]["id"] if v4 else None)
        else:
            primary_id = next((cid for cid, t in links if t == "deal_to_company"), links[0][0])
        if primary_id is None:
            return None, None, None
        try:
            row = reads.object_dict(self.session.call(
                self.session.apis.objects.get_by_id, "companies", primary_id,
                properties=sorted(self.mapping.company.values()), associations=["deals"], archived=False))
        except CrmNotFound:
            return None, None, None
        deals = None if "deals" in row["associations_paged"] else row["associations"].get("deals", [])
        return mapping.company_from(row["id"], row["properties"], self.mapping), row["id"], deals

    def _contacts(self, deal_id: str) -> tuple[list[Any], list[tuple[str, dict[str, Any]]]]:
        links = reads.associations(self.session, "deals", deal_id, "contacts")
        if not links:
            return [], []
        primary = {a["id"] for a in links if mapping.is_primary_association(a["types"])}
        rows = reads.batch_read(self.session, "contacts", [a["id"] for a in links],
                                sorted(self.mapping.contact.values()))
        contacts = [mapping.contact_from(r["id"], r["properties"], self.mapping, is_primary=r["id"] in primary)
                    for r in rows]
        return contacts, [(r["id"], r["properties"]) for r in rows]

    def _activities(self, assoc: Mapping[str, list[str]]) -> Iterator[Any]:
        for otype in ENGAGEMENT_TYPES:
            # v3 association keys are the plural type names; keep only the newest few of each.
            ids = sorted(assoc.get(otype) or (), key=lambda i: int(i) if i.isdigit() else 0)
            ids = ids[-constants.MAX_ACTIVITIES:]
            if not ids:
                continue
            for row in reads.batch_read(self.session, otype, ids, ENGAGEMENT_PROPERTIES):
                yield mapping.activity_from(otype, row["properties"], marker=self.marker)

    def _closed_won(self, company_id: str, deal_ids: list[str] | None, deal_id: str,
                    kinds: Mapping[str, str]) -> tuple[Any, ...]:
        if deal_ids is None:
            deal_ids = [a["id"] for a in reads.associations(self.session, "companies", company_id, "deals")]
        ids = [i for i in deal_ids if i != deal_id]
        if not ids:
            return ()
        m = self.mapping.deal
        rows = reads.batch_read(self.session, "deals", ids, [m["stage"], m["amount"], m["close_date"], m["created_at"]])
        return mapping.closed_won_from(rows, self.mapping, kinds, exclude_id=deal_id)

    def search_modified_since(self, object_type: str, since: datetime) -> list[str]:
        """Ids of records modified at or after `since` (paged, 5/s, windowed under the 10k cap)."""
        return [rid for rid, _at in self.search_modified(object_type, since)]

    def search_modified(self, object_type: str, since: datetime) -> list[tuple[str, str | None]]:
        """Like `search_modified_since`, with each record's last-modified time (ISO-8601 or None)."""
        otype = hubspot_type(object_type)
        prop = "lastmodifieddate" if otype == "contacts" else "hs_lastmodifieddate"
        return [(rid, mapping.iso(at)) for rid, at in reads.modified_since(self.session, otype, since, prop)]

    def iter_open_ids(self, object_type: str = "deal") -> Iterator[str]:
        """Yield ids of every open deal (list pages, not search: no 10k cap, no 5/s limit)."""
        otype = hubspot_type(object_type)
        kinds = self.stage_kinds()
        stage_prop = self.mapping.deal["stage"]
        after = None
        while True:
            page = self.session.call(self.session.apis.objects.get_page, otype, limit=constants.BATCH_SIZE,
                                     after=after, properties=[stage_prop], archived=False)
            for obj in page.results or ():
                d = reads.object_dict(obj)
                if kinds.get(str(d["properties"].get(stage_prop)), "open") == "open":
                    yield d["id"]
            nxt = page.paging.next if page.paging else None
            if not nxt or not nxt.after:
                return
            after = nxt.after

    def iter_deal_records(self, *, kinds: Sequence[str] = ("open", "won", "lost"),
                          limit: int | None = None) -> Iterator[Record]:
        """Every deal of the portal as a Record, read in bulk (training, reports; see bulk.py)."""
        from integrations.hubspot.bulk import iter_deal_records

        return iter_deal_records(self, kinds=kinds, limit=limit)

    # -- writes --------------------------------------------------------------------------------

    def update_fields(self, object_type: str, updates: Sequence[tuple[str, Mapping[str, Any]]]) -> list[WriteResult]:
        return writes.update_fields(self.session, hubspot_type(object_type), updates, self.sleep)

    def upsert_task(self, record: Record, task: TaskSpec) -> WriteResult:
        return writes.upsert_task(self.session, record, task, self._now())

    def add_note(self, record: Record, text: str) -> WriteResult:
        return writes.add_note(self.session, record, text, self._now())

    def ensure_output_fields(self) -> list[str]:
        return schema.ensure_output_fields(self.session, "deals")

    def read_properties(self, object_type: str, ids: Sequence[str], properties: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Read some properties of many records: id → {property: value} (tests read back writes)."""
        rows = reads.batch_read(self.session, hubspot_type(object_type), ids, properties)
        return {r["id"]: r["properties"] for r in rows}

    def find_app_task(self, record_id: str) -> dict[str, Any] | None:
        """The deal's open app task as {"id", "properties"}, or None."""
        return writes.find_app_task(self.session, str(record_id), self.marker)

    def exists(self, object_type: str, id: str) -> bool:
        """Tell whether a record exists (not archived)."""
        try:
            self.session.call(self.session.apis.objects.get_by_id, hubspot_type(object_type), str(id),
                              properties=["hs_object_id"], archived=False)
        except CrmNotFound:
            return False
        return True

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), tz=UTC)

