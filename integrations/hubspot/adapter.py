"""`HubSpotClient`: the batch-first CrmClient over hubspot-api-client, one per portal.

Build one with `HubSpotClient.connect(...)` (tokens + OAuth app + base URL) or inject a ready
`SdkApis` for tests. Reads go through `fetch.py` (batch and v4 association batch APIs; a single
deal on the cheaper v3 path), writes through `apply.py` (batch update/create, per-item results,
idempotent creates), per-portal metadata through `metadata.py` (TTL cache), and every call
through the session, which draws from the installation's shared rate budget (`limits.py`).
No SDK type is returned from any public method.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hubspot.crm.properties import BatchInputPropertyCreate, PropertyCreate, PropertyGroupCreate

from integrations.base import (
    ApiQuota,
    FieldSpec,
    FieldUpdate,
    NoteWrite,
    Pipeline,
    Record,
    TaskRef,
    TaskSpec,
    TaskWrite,
    WriteResult,
    WriteSet,
)
from integrations.errors import CrmConflict, CrmError, CrmNotFound, CrmRejected
from integrations.hubspot import constants, fetch, mapping, reads, schema
from integrations.hubspot.apply import Applier
from integrations.hubspot.client import SdkApis, build_sdk
from integrations.hubspot.errors import CRM
from integrations.hubspot.metadata import MetadataCache, shared_cache
from integrations.hubspot.oauth import OAuthClient, TokenSaver, TokenSet
from integrations.hubspot.session import ApiSession, CallStats, DeadGrant
from integrations.limits import RateLimiter, patience
from integrations.money import RATES_KEY, RateTable

OBJECT_TYPES: Mapping[str, str] = {
    "deal": "deals", "deals": "deals", "0-3": "deals",
    "company": "companies", "companies": "companies", "0-2": "companies",
    "contact": "contacts", "contacts": "contacts", "0-1": "contacts",
}
"""Canonical or HubSpot object type → HubSpot's plural object type name."""

ENGAGEMENT_TYPES = fetch.ENGAGEMENT_TYPES
ENGAGEMENT_PROPERTIES = fetch.ENGAGEMENT_PROPERTIES


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
        limiter: RateLimiter | None = None,
        metadata: MetadataCache | None = None,
        output_targets: Mapping[str, str] | None = None,
        rates: RateTable | None = None,
        on_dead_grant: DeadGrant | None = None,
    ) -> None:
        """`limiter` is the installation's shared rate budget (default: this process's in-memory
        limiter; pass a Redis-backed one so every worker shares it); `metadata` the per-portal
        cache of pipelines, owners and output fields (default: this process's). `rates`: the
        tenant's exchange rates setting (HubSpot's API documents none we may read), put on every
        deal read for scoring's sums across currencies (integrations.money)."""
        self.tenant_id = tenant_id
        self.rates = rates
        self.mapping = field_mapping or mapping.FieldMapping()
        self.marker = marker
        self.clock = clock
        self.sleep = sleep
        portal = tokens.hub_id or tenant_id
        self.session = ApiSession(apis, tokens, oauth=oauth, on_tokens=on_tokens, stats=stats,
                                  timeout=timeout, sleep=sleep, clock=clock, limiter=limiter,
                                  limit_key=f"{CRM}:{portal}", on_dead_grant=on_dead_grant)
        self.metadata = metadata or shared_cache()
        self.cache_key = str(portal)
        self._read = fetch.ReadContext(self.session, self.mapping, self.metadata, self.cache_key, tenant_id, marker)
        self._applier = Applier(self.session, marker=marker, now=self._now,
                                known_notes=lambda rid: dict(self._read.note_keys.get(rid) or {}),
                                output_targets=output_targets)

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
        retry_scale: float = 1.0,
        **kwargs: Any,
    ) -> HubSpotClient:
        """Build the SDK for `base_url` and an adapter around it (the usual constructor).

        Args:
            tokens: the installation's tokens (a private-app token: `TokenSet(access_token=...)`).
            tenant_id: our tenant id, stamped on every Record.
            base_url: `https://api.hubapi.com` or the sandbox's URL.
            oauth: the app's OAuthClient; without it tokens are never refreshed.
            on_tokens: called with each refreshed TokenSet so the app persists it encrypted.
            retries: urllib3 retries on connection errors (and 5xx of non-POST verbs).
            retry_scale: times every back-off before a retry (urllib3's and the session's whole-call
                retries), as RETRY_SCALE does for jobs: 0 makes each retry at once, as many of them.
            **kwargs: passed to `HubSpotClient.__init__` (field_mapping, stats, limiter, ...).
        """
        apis = SdkApis(build_sdk(tokens.access_token, base_url=base_url, retries=retries,
                                 backoff_factor=constants.SDK_BACKOFF_FACTOR * retry_scale))
        if retry_scale != 1.0:
            wait = kwargs.get("sleep", time.sleep)
            kwargs["sleep"] = lambda seconds: wait(seconds * retry_scale)
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

    # -- metadata ------------------------------------------------------------------------------

    def list_pipelines(self) -> list[Pipeline]:
        """Deal pipelines with stage kinds (per-portal cache with a TTL)."""
        return self.metadata.pipelines(self.session, self.cache_key)

    def stage_kinds(self) -> dict[str, str]:
        """Stage id → open/won/lost over all deal pipelines."""
        return self._read.stage_kinds()

    def describe(self, object_type: str) -> list[FieldSpec]:
        return schema.describe(self.session, hubspot_type(object_type))

    def ensure_output_fields(self) -> list[str]:
        """Create the `agentic_sales` group and the missing output properties in one batch call.

        Called at install, so existence is read from the portal, never from the metadata cache: a
        re-install after an admin deleted our properties (or a new portal reusing a cached id, as
        test sandboxes do) must create them again. The fresh list then refreshes the cache.
        Returns the names created.
        """
        existing = self.metadata.output_fields(self.session, self.cache_key, refresh=True)
        missing = [n for n in schema.OUTPUT_PROPERTIES if n not in existing]
        if not missing:
            return []
        s = self.session
        try:
            s.call(s.apis.groups.get_by_name, "deals", schema.GROUP_NAME)
        except CrmNotFound:
            try:
                s.call(s.apis.groups.create, "deals",
                       PropertyGroupCreate(name=schema.GROUP_NAME, label=schema.GROUP_LABEL, display_order=-1))
            except CrmConflict:
                pass  # another worker created it between our read and write
        order = {n: i for i, n in enumerate(schema.OUTPUT_PROPERTIES)}
        body = BatchInputPropertyCreate(inputs=[
            PropertyCreate(name=n, group_name=schema.GROUP_NAME, display_order=order[n],
                           description="Written by the agentic sales app; edits are overwritten.",
                           **schema.OUTPUT_PROPERTIES[n]) for n in missing])
        try:
            s.call(s.apis.property_batch.create, "deals", body)
        except (CrmConflict, CrmRejected):
            # Another worker created some of them first: re-read and report only what is new.
            pass
        now = self.metadata.output_fields(self.session, self.cache_key, refresh=True)
        return [n for n in missing if n in now]

    # -- reads ---------------------------------------------------------------------------------

    def get_records(self, object_type: str, ids: Sequence[str]) -> dict[str, Record]:
        """Read many deals in bulk (see fetch.py for the calls); missing ids are left out."""
        self._require_deals(object_type)
        out: dict[str, Record] = {}
        unique = list(dict.fromkeys(str(i) for i in ids))
        if len(unique) == 1:
            # One deal: the v3 GET with association ids is cheaper than eight batch calls.
            try:
                with self.session.prepaid(fetch.READ_ONE_CALLS):
                    return {unique[0]: self._with_rates(fetch.read_one(self._read, unique[0]))}
            except CrmNotFound:
                return {}
        for part in reads.chunks(unique, constants.BATCH_SIZE):
            # The chunk's whole read budget in one step before its first call: a spent budget
            # re-queues the batch having read nothing, never half-way through (then all again).
            with self.session.prepaid(fetch.read_budget(self._read, len(part))) as reservation:
                out.update({k: self._with_rates(r) for k, r in fetch.read_records(self._read, list(part)).items()})
            self._read.read_costs.append((len(part), reservation.used))
        return out

    def get_record(self, object_type: str, id: str) -> Record:
        """Read one deal on the cheapest path (v3 GET with association ids).

        Raises:
            CrmNotFound: the deal does not exist (or was archived).
            CrmRejected: `object_type` is not a deal (the only canonical record type so far).
        """
        self._require_deals(object_type)
        return self._with_rates(fetch.read_one(self._read, str(id)))

    def _with_rates(self, record: Record) -> Record:
        """The record with the tenant's rate table in `extra[RATES_KEY]` (unchanged without one)."""
        if self.rates is None:
            return record
        return replace(record, extra={**record.extra, RATES_KEY: self.rates.to_dict()})

    def _require_deals(self, object_type: str) -> None:
        if hubspot_type(object_type) != "deals":
            raise CrmRejected(f"unsupported record type {object_type!r}", crm=self.crm)

    def search_modified_since(self, object_type: str, since: datetime) -> list[tuple[str, str | None]]:
        """(id, last-modified ISO time) of records modified at or after `since`, oldest first
        (search lane, 5/s; windowed under the 10k cap)."""
        otype = hubspot_type(object_type)
        prop = "lastmodifieddate" if otype == "contacts" else "hs_lastmodifieddate"
        return [(rid, mapping.iso(at)) for rid, at in reads.modified_since(self.session, otype, since, prop)]

    def search_modified(self, object_type: str, since: datetime) -> list[tuple[str, str | None]]:
        """Old name of `search_modified_since` (v1 callers)."""
        return self.search_modified_since(object_type, since)

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

    def iter_records(self, object_type: str = "deal", *, kinds: Sequence[str] = ("open", "won", "lost"),
                     progress: Callable[[int], None] | None = None) -> Iterator[Record]:
        """Every deal of those stage kinds as a Record, read in bulk (training; see bulk.py)."""
        from integrations.hubspot.bulk import iter_deal_records

        self._require_deals(object_type)
        for n, record in enumerate(iter_deal_records(self, kinds=kinds), start=1):
            if progress is not None:
                progress(n)
            yield self._with_rates(record)

    def iter_deal_records(self, *, kinds: Sequence[str] = ("open", "won", "lost"),
                          limit: int | None = None) -> Iterator[Record]:
        """Old name of `iter_records` for deals (v1 callers)."""
        from integrations.hubspot.bulk import iter_deal_records

        return (self._with_rates(r) for r in iter_deal_records(self, kinds=kinds, limit=limit))

    def _owner(self, owner_id: str) -> Any:
        return self.metadata.owners(self.session, self.cache_key).get(owner_id)

    # -- writes --------------------------------------------------------------------------------

    def apply(self, writes: WriteSet) -> list[WriteResult]:
        """Apply a write set in batches; one result per item (see apply.py).

        Each write call waits up to one window for the rate budget instead of raising after the
        limiter's `max_sleep`: a batch's writes come after its read and its agents, and a batch
        handed back here is read and processed again (measured: +16 requests in a 2,000-deal
        backfill once the budget was busy, a write having met a window full of reads' calls).
        A 429 block longer than the window still raises."""
        with patience(self.session.limiter.window_seconds(self.session.limit_key)):
            return self._applier.apply(writes)

    def update_fields(self, object_type: str, updates: Sequence[tuple[str, Mapping[str, Any]]]) -> list[WriteResult]:
        """v1 shape of a field write (one batch update); raises the first item's error."""
        results = self.apply(WriteSet(fields=tuple(FieldUpdate(object_type, str(rid), f) for rid, f in updates)))
        return self._raise_first(results)

    def upsert_task(self, record: Record, task: TaskSpec) -> WriteResult:
        """v1 shape of a task write: update the record's app task in place, or create it."""
        existing = record.app_task
        if existing is None:
            # v1 callers pass records read before the task existed: look it up as v1 did.
            found = self.find_app_task(record.id)
            if found is not None:
                p = found["properties"]
                existing = TaskRef(id=found["id"], status=p.get("hs_task_status"), subject=p.get("hs_task_subject"),
                                   body=p.get("hs_task_body"))
        write = TaskWrite(record=record, task=task, idempotency_key=uuid.uuid4().hex, existing=existing)
        return self._raise_first(self.apply(WriteSet(tasks=(write,))))[0]

    def add_note(self, record: Record, text: str) -> WriteResult:
        """v1 shape of a note write."""
        return self._raise_first(self.apply(WriteSet(notes=(NoteWrite(record, text, uuid.uuid4().hex),))))[0]

    def read_properties(self, object_type: str, ids: Sequence[str], properties: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Read some properties of many records: id → {property: value} (tests read back writes)."""
        rows = reads.batch_read(self.session, hubspot_type(object_type), ids, properties)
        return {r["id"]: r["properties"] for r in rows}

    def find_app_task(self, record_id: str) -> dict[str, Any] | None:
        """The deal's open app task as {"id", "properties"}, or None (tests; the hot path reads it
        with the record)."""
        from integrations.hubspot import writes

        return writes.find_app_task(self.session, str(record_id), self.marker)

    def exists(self, object_type: str, id: str) -> bool:
        """Tell whether a record exists (not archived)."""
        try:
            self.session.call(self.session.apis.objects.get_by_id, hubspot_type(object_type), str(id),
                              properties=["hs_object_id"], archived=False)
        except CrmNotFound:
            return False
        return True

    def api_quota(self) -> ApiQuota | None:
        """None: HubSpot sets no daily limit on OAuth (public) apps and sends them no daily headers;
        their limit is the 10-second window the shared limiter paces (install health shows it)."""
        return None

    def revoke(self) -> None:
        """Revoke this installation's refresh token at HubSpot (our uninstall); never raises."""
        oauth, refresh = self.session.oauth, self.session.tokens.refresh_token
        if oauth is None or not refresh:
            return
        try:
            oauth.revoke(refresh)
        except (CrmError, OSError):
            pass  # the tokens are erased on our side whatever HubSpot answers
        self.metadata.forget(self.cache_key)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), tz=UTC)

    def _raise_first(self, results: list[WriteResult]) -> list[WriteResult]:
        """v1 semantics: a failed item raises its own CrmError (the job retries)."""
        if any(not r.ok for r in results):
            err = self._applier.first_error
            if err is not None:
                raise err
            first = next(r for r in results if not r.ok)
            raise CrmError(first.error or "write failed", crm=CRM, should_retry=first.should_retry,
                           retry_after=first.retry_after)
        return results
