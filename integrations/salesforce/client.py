"""`SalesforceClient`: the batch CrmClient over simple-salesforce, one per org (tenant).

Reads: one SOQL query per ≤200 opportunities brings each with its Account, Owner, contact roles
(with the Contacts), stage history, Tasks, Events and EmailMessages (child sub-queries), and one
more query brings the accounts' closed-won deals. Writes: sObject Collections — one PATCH per
≤200 field/task updates, one POST per ≤200 task/note creates — with per-record results. Creates
are idempotent: every Task carries our enrichment id in AI_Idempotency_Key__c and, after an
ambiguous failure (5xx, timeout, reset), the keys are looked up before anything is re-created.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from integrations.base import (
    OUTPUT_FIELDS,
    ApiQuota,
    FieldSpec,
    FieldUpdate,
    NoteWrite,
    Pipeline,
    Record,
    Stage,
    TaskWrite,
    TokenSet,
    WriteResult,
    WriteSet,
)
from integrations.errors import CrmError, CrmNotFound, CrmRejected, CrmUnavailable
from integrations.org_cache import OrgCache
from integrations.salesforce import constants, currencies, mapping
from integrations.salesforce.errors import item_error
from integrations.salesforce.session import Api

log = logging.getLogger(__name__)

IDEMPOTENCY_MAX = 64
"""Length of AI_Idempotency_Key__c."""

PRIORITIES = {"HIGH": "High", "MEDIUM": "Normal", "LOW": "Low"}
TASK_DUE_HOUR = 9


class MissingOutputFields(CrmRejected):
    """The org lacks output fields the app writes: deploy the package (manifests/salesforce)."""

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__(f"deploy manifests/salesforce: missing output field(s) {', '.join(missing)}",
                         crm=constants.CRM, code="MISSING_OUTPUT_FIELDS")
        self.missing = list(missing)


def soql_quote(value: str) -> str:
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def soql_in(values: Sequence[str]) -> str:
    return "(" + ",".join(soql_quote(v) for v in values) + ")"


def soql_datetime(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def idempotency_value(key: str) -> str:
    """The key as stored in AI_Idempotency_Key__c (64 characters): long keys are hashed."""
    if len(key) <= IDEMPOTENCY_MAX:
        return key
    return "h:" + hashlib.sha256(key.encode()).hexdigest()[:IDEMPOTENCY_MAX - 2]


def _query_more(url: str) -> Callable[[Any], Any]:
    return lambda sf: sf.query_more(url, identifier_is_url=True)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def to_sf_value(v: Any) -> Any:
    if isinstance(v, datetime):
        return soql_datetime(v)
    if isinstance(v, date):
        return v.isoformat()
    return v


def due_date(tz_name: str | None, now: datetime) -> str:
    """The next business day in the owner's time zone (Task.ActivityDate is a date)."""
    try:
        tz = ZoneInfo(tz_name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    d = now.astimezone(tz).date() + timedelta(days=1)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d.isoformat()


class SalesforceClient:
    """CrmClient for one Salesforce org."""

    crm = constants.CRM
    _missing_optional: dict[str, set[str]] = {}
    _missing_lock = threading.Lock()
    LEAD_STATUS_TTL_SECONDS = 600.0
    _lead_statuses: OrgCache[frozenset[str]] = OrgCache(LEAD_STATUS_TTL_SECONDS)
    """Org (and the closing-status setting) → the Lead Status values that close a lead unconverted: one query per
    org and LEAD_STATUS_TTL_SECONDS, not one per batch of Leads."""

    def __init__(self, api: Api, *, tenant_id: str, revoke: Callable[[TokenSet], None] | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), opt_out_field: str | None = None,
                 output_targets: Mapping[str, Mapping[str, str]] | None = None,
                 deal_mapping: Mapping[str, str] | None = None,
                 company_mapping: Mapping[str, str] | None = None,
                 person_mappings: Mapping[str, Mapping[str, str]] | None = None,
                 lead_closed_statuses: Sequence[str] | None = None) -> None:
        self.api = api
        self.tenant_id = tenant_id
        # Revenue ops' own deal features (canonical → Opportunity field) over the defaults. Read
        # like the optional custom fields: a field the org has since deleted drops that feature
        # (logged) rather than stopping every enrichment of the org.
        self.deal_mapping = dict(deal_mapping or {})
        self._mapped_fields = mapping.mapped_deal_fields(self.deal_mapping)
        # The account's churn label (canonical → Account field), read with every Opportunity like
        # the optional fields: an org without the package's Churned__c just trains no churn model.
        self.account_labels = mapping.account_sources(company_mapping)
        # Where a Contact's and a Lead's own fields are (sObject → canonical → field): the defaults,
        # and the admin's custom language and time zone fields, read like the mapped deal fields (a
        # field the org has since deleted drops the feature, logged, and the read goes on).
        self.person_fields = {sobject: mapping.person_sources((person_mappings or {}).get(sobject))
                              for sobject in ("Contact", "Lead")}
        # The tenant's own opt-out checkbox on Contact/Lead, read beside HasOptedOutOfEmail. Not
        # optional like the custom feature fields: an opt-out that silently stopped being read
        # would email people who asked not to be emailed, so a missing field fails the read.
        self.opt_out_fields: tuple[str, ...] = (opt_out_field,) if opt_out_field else ()
        # Per object type: our output → the org's own field the tenant mapped it to (else ours).
        self.output_targets = {ot: dict(t) for ot, t in (output_targets or {}).items()}
        # Revenue ops' own list of the Lead Status values that close a lead unconverted (the
        # tenant setting), over the reading of the org's status names (mapping.closed_lead_statuses).
        self.lead_closed_statuses = tuple(lead_closed_statuses) if lead_closed_statuses else None
        self._revoke = revoke
        self.now = now

    @property
    def org_id(self) -> str:
        return self.api.tokens.account_id or self.api.tokens.instance_url or ""

    # --- reads ------------------------------------------------------------------------------
    def _query_all(self, soql: str, what: str) -> list[dict[str, Any]]:
        """Run a query and follow nextRecordsUrl to the end."""
        page = self.api.call(lambda sf: sf.query(soql), what=what)
        rows = list(page.get("records") or [])
        while not page.get("done", True) and page.get("nextRecordsUrl"):
            url = page["nextRecordsUrl"]
            page = self.api.call(_query_more(str(url)), what=what)
            rows.extend(page.get("records") or [])
        return rows

    def user_names(self, ids: Sequence[str]) -> dict[str, str]:
        """{User id: Name} for the ids that are User ids (005...): the console shows people by name, the
        sign-in and the grants keep the id. Ids given in either case or length (15/18) are answered
        under the id as given."""
        import re

        wanted = {i: i for i in ids if re.fullmatch(r"005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?", i or "")}
        if not wanted:
            return {}
        quoted = ", ".join(f"'{i}'" for i in sorted(wanted))
        rows = self._query_all(f"SELECT Id, Name FROM User WHERE Id IN ({quoted})", "user names")
        out = {}
        for r in rows:
            rid = str(r.get("Id") or "")
            for given in wanted:
                if rid.lower().startswith(given.lower()[:15]) and r.get("Name"):
                    out[given] = str(r["Name"])
        return out

    def _optional(self, fields: Mapping[str, str], scope: str = "") -> list[str]:
        with self._missing_lock:
            gone = self._missing_optional.get(self.org_id, set())
        return [f for f in fields.values() if scope + f not in gone]

    def _query_tolerant(self, build: Callable[[list[str], list[str], list[str]], str], what: str, *,
                        deal: Mapping[str, str] | None = None, contact: Mapping[str, str] | None = None,
                        account: Mapping[str, str] | None = None, person: str = "Contact") -> list[dict[str, Any]]:
        """Query with the optional custom fields, dropping any the org says it lacks (cached per org).

        Args:
            build: (deal fields, person fields, account fields) → SOQL.
            deal, contact, account: the optional fields of each kind (canonical → field); None: an
                Opportunity query's (packaged, mapped by the tenant, the account's churn label).
            person: the sObject the person fields are on (the cache tells a Lead's from a Contact's).
        """
        optional_deal = {**mapping.OPTIONAL_DEAL_FIELDS, **self._mapped_fields} if deal is None else dict(deal)
        account = {c: f"Account.{f}" for c, f in self.account_labels.items()} if account is None else dict(account)
        optional_contact = ({**mapping.OPTIONAL_CONTACT_FIELDS, **self._mapped_person_fields("Contact")}
                            if contact is None else dict(contact))
        scope = f"{person}."
        for _ in range(len(optional_deal) + len(optional_contact) + len(account) + 1):
            deal_opt = list(dict.fromkeys(self._optional(optional_deal)))
            contact_opt = list(dict.fromkeys(self._optional(optional_contact, scope)))
            account_opt = list(dict.fromkeys(self._optional(account)))
            try:
                return self._query_all(build(deal_opt, contact_opt, account_opt), what)
            except CrmRejected as err:
                # Salesforce names a missing parent field without its relationship ('Churned__c').
                named = [(f, f) for f in [*deal_opt, *account_opt]] + [(f, scope + f) for f in contact_opt]
                bad = next((key for f, key in named if f"'{f.rsplit('.', 1)[-1]}'" in str(err)), None)
                if bad is None:
                    raise
                log.warning("salesforce org %s lacks field %s (optional or mapped by the tenant); reading "
                            "without it", self.org_id, bad)
                with self._missing_lock:
                    self._missing_optional.setdefault(self.org_id, set()).add(bad)
        raise CrmRejected("could not build a valid query", crm=constants.CRM)

    def _mapped_person_fields(self, sobject: str) -> dict[str, str]:
        """The person fields of `sobject` the tenant mapped that the fixed field lists do not read."""
        fixed = set(mapping.CONTACT_FIELDS) | {"Id", "Name", "Salutation", "Email", "Title"}
        return {c: f for c, f in self.person_fields[sobject].items() if f not in fixed}

    def currency(self) -> currencies.OrgCurrency:
        """Whether the org keeps several currencies, its corporate one and its rates (cached per org)."""
        # Keyed by the instance too: an org id moved to a new instance (or a test's fresh sandbox) reads afresh.
        key = f"{self.org_id}|{self.api.tokens.instance_url or ''}"
        return currencies.org_currency(key, field_names=lambda s: [f.name for f in self.describe(s)],
                                       query=self._query_all)

    def _deal_builder(self, where: str, order: str = "") -> Callable[[list[str], list[str], list[str]], str]:
        # CurrencyIsoCode only where the org has it: a single-currency org answers INVALID_FIELD.
        own = [currencies.FIELD] if self.currency().has_field else []
        return lambda deal_opt, contact_opt, account_opt: self._deal_soql(
            where, list(dict.fromkeys([*own, *deal_opt])), [*self.opt_out_fields, *contact_opt], order,
            account_opt=account_opt)

    @staticmethod
    def _deal_soql(where: str, deal_opt: list[str], contact_opt: list[str], order: str = "", *,
                   account_opt: Sequence[str] = ()) -> str:
        account = [f"Account.{f}" for f in mapping.ACCOUNT_FIELDS]
        fields = [*mapping.DEAL_FIELDS, *deal_opt, *account, *(f for f in account_opt if f not in account),
                  *(f"Owner.{f}" for f in mapping.OWNER_FIELDS)]
        contact = ", ".join(["IsPrimary", "Role", "ContactId", "CreatedDate",
                             *(f"Contact.{f}" for f in dict.fromkeys([*mapping.CONTACT_FIELDS, *contact_opt]))])
        subs = [f"(SELECT {contact} FROM OpportunityContactRoles)",
                "(SELECT StageName, CloseDate, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate)",
                f"(SELECT {', '.join(mapping.TASK_FIELDS)} FROM Tasks)",
                f"(SELECT {', '.join(mapping.EVENT_FIELDS)} FROM Events)",
                f"(SELECT {', '.join(mapping.EMAIL_FIELDS)} FROM EmailMessages)"]
        return f"SELECT {', '.join([*fields, *subs])} FROM Opportunity WHERE {where}{order}"

    def _won_by_account(self, account_ids: Sequence[str]) -> dict[str, list[mapping.WonRow]]:
        out: dict[str, list[mapping.WonRow]] = {}
        money = self.currency()
        own = f", {currencies.FIELD}" if money.has_field else ""
        for part in chunks(sorted(set(a for a in account_ids if a)), constants.QUERY_IDS_MAX):
            rows = self._query_all(f"SELECT Id, AccountId, Amount, CloseDate{own} FROM Opportunity "
                                   f"WHERE AccountId IN {soql_in(part)} AND IsWon = true", "closed-won history")
            for r in rows:
                out.setdefault(str(r["AccountId"]), []).append(
                    (str(r["CloseDate"]), float(r.get("Amount") or 0), str(r["Id"]),
                     r.get(currencies.FIELD) or money.default))
        return out

    def _to_record(self, row: dict[str, Any], won: Mapping[str, Sequence[mapping.WonRow]]) -> Record:
        money = self.currency()
        return mapping.opportunity_to_record(row, tenant_id=self.tenant_id, won_by_account=won,
                                             deal_mapping=self.deal_mapping, opt_out_fields=self.opt_out_fields,
                                             account_labels=self.account_labels,
                                             contact_fields=self.person_fields["Contact"],
                                             default_currency=money.default, rates=money.rates)

    def get_records(self, object_type: str, ids: Sequence[str]) -> dict[str, Record]:
        ids = [str(i) for i in dict.fromkeys(ids)]
        if not ids:
            return {}
        sobject = constants.SOBJECTS.get(object_type, object_type)
        if sobject != "Opportunity":
            return self._get_people(sobject, ids)
        rows: list[dict[str, Any]] = []
        for part in chunks(ids, constants.QUERY_IDS_MAX):
            where = f"Id IN {soql_in(part)}"
            rows += self._query_tolerant(self._deal_builder(where), "read opportunities")
        won = self._won_by_account([str(r.get("AccountId") or "") for r in rows])
        return {str(r["Id"]): self._to_record(r, won) for r in rows}

    def _get_people(self, sobject: str, ids: Sequence[str]) -> dict[str, Record]:
        people = ", ".join(dict.fromkeys((mapping.STANDARD_OPT_OUT_FIELD, *self.opt_out_fields)))
        fields = {"Lead": "Id, Name, Salutation, Company, Email, Title, Status, Industry, NumberOfEmployees, "
                          "AnnualRevenue, Rating, ConvertedDate, LastModifiedDate, "
                          f"Country, IsConverted, LeadSource, CreatedDate, {people}",
                  "Contact": f"Id, Name, Email, Title, AccountId, Account.Name, MailingCountry, CreatedDate, {people}",
                  "Account": "Id, Name, Industry, NumberOfEmployees, AnnualRevenue, BillingCountry, Type, CreatedDate",
                  }.get(sobject)
        if fields is None:
            raise CrmRejected(f"unsupported object type {sobject!r}", crm=constants.CRM)
        subs = f"(SELECT {', '.join(mapping.TASK_FIELDS)} FROM Tasks), (SELECT {', '.join(mapping.EVENT_FIELDS)} FROM Events)"
        closing = self.closed_lead_statuses() if sobject == "Lead" else frozenset()
        person_fields = self.person_fields.get(sobject)
        out: dict[str, Record] = {}
        for part in chunks(ids, constants.QUERY_IDS_MAX):
            def build(_deal: list[str], mapped: list[str], _account: list[str], part: Sequence[str] = part) -> str:
                listed = ", ".join(dict.fromkeys([*fields.split(", "), *mapped]))
                return (f"SELECT {listed}, Owner.Id, Owner.Name, Owner.Email, Owner.TimeZoneSidKey, {subs} "
                        f"FROM {sobject} WHERE Id IN {soql_in(part)}")
            mapped = self._mapped_person_fields(sobject) if person_fields else {}
            for r in self._query_tolerant(build, f"read {sobject}", deal={}, contact=mapped, account={},
                                          person=sobject):
                rec = (mapping.account_to_record(r, tenant_id=self.tenant_id) if sobject == "Account" else
                       mapping.person_to_record(sobject, r, tenant_id=self.tenant_id,
                                                opt_out_fields=self.opt_out_fields, closed_statuses=closing,
                                                fields=person_fields))
                out[rec.id] = rec
        return out

    def closed_lead_statuses(self) -> frozenset[str]:
        """The org's Lead Status values that close a lead unconverted (LeadStatus, cached per org)."""
        key = "|".join((self.org_id, *(self.lead_closed_statuses or ())))  # a changed setting is a new key
        return self._lead_statuses.get(key, lambda: mapping.closed_lead_statuses(
            self._query_all("SELECT ApiName, MasterLabel, IsConverted FROM LeadStatus", "lead statuses"),
            chosen=self.lead_closed_statuses))

    def get_record(self, object_type: str, id: str) -> Record:
        got = self.get_records(object_type, [id])
        if id not in got:
            raise CrmNotFound(f"{constants.SOBJECTS.get(object_type, object_type)} {id} not found", status=404,
                              crm=constants.CRM)
        return got[id]

    def iter_open_ids(self, object_type: str = "deal") -> Iterator[str]:
        sobject = constants.SOBJECTS.get(object_type, object_type)
        cond = {"Opportunity": "IsClosed = false", "Lead": "IsConverted = false"}.get(sobject, "IsDeleted = false")
        if sobject == "Lead":  # a lead closed unconverted is not open either
            closing = self.closed_lead_statuses()
            for r in self._query_all(f"SELECT Id, Status FROM Lead WHERE {cond} ORDER BY Id", "open ids"):
                if r.get("Status") not in closing:
                    yield str(r["Id"])
            return
        for r in self._query_all(f"SELECT Id FROM {sobject} WHERE {cond} ORDER BY Id", "open ids"):
            yield str(r["Id"])

    def search_modified_since(self, object_type: str, since: datetime) -> list[tuple[str, str | None]]:
        sobject = constants.SOBJECTS.get(object_type, object_type)
        rows = self._query_all(f"SELECT Id, SystemModstamp FROM {sobject} WHERE SystemModstamp > "
                               f"{soql_datetime(since)} ORDER BY SystemModstamp", "modified since")
        return [(str(r["Id"]), mapping.iso(r.get("SystemModstamp"))) for r in rows]

    def iter_records(self, object_type: str = "deal", *, kinds: Sequence[str] = ("open", "won", "lost"),
                     progress: Callable[[int], None] | None = None) -> Iterator[Record]:
        sobject = constants.SOBJECTS.get(object_type, object_type)
        if sobject == "Lead":
            # Leads' history for the lead score: converted (won), closed unconverted (lost), open.
            rows = self._query_all("SELECT Id, IsConverted, Status FROM Lead ORDER BY Id", "lead ids")
            closing = self.closed_lead_statuses()
            kind_of = {str(r["Id"]): "won" if r.get("IsConverted") else
                       "lost" if r.get("Status") in closing else "open" for r in rows}
            ids = [i for i, k in kind_of.items() if k in kinds]
            for n, part in enumerate(chunks(ids, constants.QUERY_IDS_MAX), 1):
                yield from self.get_records(object_type, list(part)).values()
                if progress is not None:
                    progress(n * constants.QUERY_IDS_MAX)
            return
        if sobject != "Opportunity":
            ids = list(self.iter_open_ids(object_type))
            yield from self.get_records(object_type, ids).values()
            return
        conds = {"open": "IsClosed = false", "won": "IsWon = true",
                 "lost": "IsClosed = true AND IsWon = false"}
        where = " OR ".join(conds[k] for k in kinds if k in conds) or "IsClosed = false"
        rows = self._query_tolerant(self._deal_builder(where, " ORDER BY Id"), "read history")
        won = self._won_by_account([str(r.get("AccountId") or "") for r in rows])
        for i, r in enumerate(rows, 1):
            yield self._to_record(r, won)
            if progress is not None and i % 100 == 0:
                progress(i)

    def describe(self, object_type: str) -> list[FieldSpec]:
        sobject = constants.SOBJECTS.get(object_type, object_type)
        d = self.api.call(lambda sf: getattr(sf, sobject).describe(), what=f"describe {sobject}")
        out = []
        for f in d.get("fields") or ():
            active = [p for p in f.get("picklistValues") or () if p.get("active")]
            out.append(FieldSpec(name=f["name"], label=f["label"], type=f["type"],
                                 group="custom" if f.get("custom") else None,
                                 options=tuple(p["value"] for p in active),
                                 read_only=not f.get("updateable", False),
                                 option_labels=tuple((str(p["value"]), str(p.get("label") or p["value"]))
                                                     for p in active)))
        return out

    def list_pipelines(self) -> list[Pipeline]:
        rows = self._query_all("SELECT ApiName, MasterLabel, IsClosed, IsWon, DefaultProbability, SortOrder "
                               "FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder", "stages")
        stages = tuple(Stage(id=str(r.get("ApiName") or r["MasterLabel"]), label=str(r["MasterLabel"]),
                             kind="won" if r.get("IsWon") else "lost" if r.get("IsClosed") else "open",
                             probability=(float(r["DefaultProbability"]) / 100.0)
                             if r.get("DefaultProbability") is not None else None,
                             display_order=int(r.get("SortOrder") or 0)) for r in rows)
        return [Pipeline(id="sales", label="Opportunities", stages=stages)]

    def missing_output_fields(self) -> list[str]:
        """`Object.Field` names of output fields the org lacks (one describe per object)."""
        missing = []
        for sobject in constants.OUTPUT_OBJECTS:
            have = {f.name for f in self.describe(sobject)}
            missing += [f"{sobject}.{n}" for n in mapping.output_field_names() if n not in have]
        task_fields = {f.name for f in self.describe("Task")}
        if constants.IDEMPOTENCY_FIELD not in task_fields:
            missing.append(f"Activity.{constants.IDEMPOTENCY_FIELD}")
        return missing

    def set_webhook_secret(self, secret: str, *, namespace: str = "") -> None:
        """Give the package's Apex this org's signing secret (PUT to AgenticSalesSecretResource, which
        keeps it in a protected custom setting nobody in the org can read back)."""
        path = f"{namespace}/{constants.SECRET_RESOURCE}" if namespace else constants.SECRET_RESOURCE
        self.api.call(lambda sf: sf.apexecute(path, method="PUT", data={"secret": secret}),
                      what=f"PUT /services/apexrest/{path}")

    def ensure_output_fields(self) -> list[str]:
        """Salesforce fields come with the package (Metadata API), not from the data API: verify
        them and raise MissingOutputFields naming each one to deploy. Returns [] (none created)."""
        missing = self.missing_output_fields()
        if missing:
            raise MissingOutputFields(missing)
        return []

    def api_quota(self) -> ApiQuota | None:
        """The org's DailyApiRequests use from the last `Sforce-Limit-Info` header seen."""
        usage = self.api.api_usage
        used, total = getattr(usage, "used", None), getattr(usage, "total", None)
        if not isinstance(used, int) or not isinstance(total, int) or total <= 0:
            return None
        return ApiQuota(used=used, limit=total, window="rolling 24 h")

    def revoke(self) -> None:
        if self._revoke is not None:
            try:
                self._revoke(self.api.tokens)
            except Exception:  # revoke never raises (uninstall must go on)
                log.warning("salesforce revoke failed", exc_info=True)

    # --- writes -----------------------------------------------------------------------------
    def apply(self, writes: WriteSet) -> list[WriteResult]:
        """Field and task updates in PATCH collections, creates in POST collections (≤200 each).

        Returns one WriteResult per input item, in input order (fields, tasks, notes). Field
        updates of the same record are merged into one body (a collection names an id once).
        """
        now = self.now()
        updates: list[tuple[dict[str, Any], WriteResult]] = []
        creates: list[tuple[dict[str, Any], WriteResult]] = []
        slots: list[tuple[WriteResult, WriteResult]] = []  # (this item's result, the op it rides on)
        by_record: dict[tuple[str, str], tuple[dict[str, Any], WriteResult]] = {}
        for fu in writes.fields:
            body = self._field_body(fu)
            mine = WriteResult("updated", fu.record_id, "fields", fu.record_id)
            key = (body["attributes"]["type"], fu.record_id)
            if key in by_record:
                by_record[key][0].update(body)
                slots.append((mine, by_record[key][1]))
                continue
            by_record[key] = (body, mine)
            updates.append((body, mine))
            slots.append((mine, mine))
        for tw in writes.tasks:
            body, op = self._task_body(tw, now)
            status = "completed" if tw.complete else "updated" if op == "update" else "created"
            mine = WriteResult(status, tw.existing.id if tw.existing else None, "task", tw.record.id)
            (updates if op == "update" else creates).append((body, mine))
            slots.append((mine, mine))
        for nw in writes.notes:
            mine = WriteResult("created", None, "note", nw.record.id)
            creates.append((self._note_body(nw, now), mine))
            slots.append((mine, mine))
        results: dict[int, WriteResult] = {}
        # After a retryable failure (403 limit, 5xx) the remaining chunks are not attempted:
        # they come back failed with should_retry, so the pipeline keeps them queued.
        stop: CrmError | None = None
        for part in chunks(updates, constants.COLLECTION_MAX):
            err = stop or self._run(part, "PATCH", results)
            if err is not None:
                self._fail(part, err, results)
                stop = err if err.should_retry else stop
        for part in chunks(creates, constants.COLLECTION_MAX):
            err = stop or self._create(part, results)
            if err is not None:
                self._fail(part, err, results)
                stop = err if err.should_retry else stop
        ordered: list[WriteResult] = []
        for mine, carrier in slots:
            got = results[id(carrier)]
            ordered.append(replace(got, kind=mine.kind, record_id=mine.record_id) if mine is not carrier else got)
        if ordered and all(not r.ok for r in ordered) and stop is not None and stop.should_retry:
            raise stop  # nothing landed: let the pipeline re-queue the whole batch (writes stay queued)
        return ordered

    def _field_body(self, fu: FieldUpdate) -> dict[str, Any]:
        sobject = constants.SOBJECTS.get(fu.object_type, fu.object_type)
        body: dict[str, Any] = {"attributes": {"type": sobject}, "id": fu.record_id}
        for k, v in fu.fields.items():
            if k in OUTPUT_FIELDS:
                target = self.output_targets.get(fu.object_type, {}).get(k) or mapping.api_name(k)
                body[target] = mapping.output_value(k, v)
            else:
                body[k] = to_sf_value(v)
        return body

    def _task_body(self, tw: TaskWrite, now: datetime) -> tuple[dict[str, Any], str]:
        if tw.existing is not None:
            body: dict[str, Any] = {"attributes": {"type": "Task"}, "id": tw.existing.id}
            if tw.complete:
                body["Status"] = "Completed"
            else:
                body.update(self._task_fields(tw, now))
            return body, "update"
        return {"attributes": {"type": "Task"}, **self._task_fields(tw, now),
                constants.IDEMPOTENCY_FIELD: idempotency_value(tw.idempotency_key)}, "create"

    def _task_fields(self, tw: TaskWrite, now: datetime) -> dict[str, Any]:
        rec, task = tw.record, tw.task
        subject = task.subject if task.subject.startswith(task.marker) else f"{task.marker} {task.subject}"
        owner = task.owner_id or (rec.owner.id if rec.owner else None)
        due = task.due_at.date().isoformat() if task.due_at else due_date(
            rec.owner.timezone if rec.owner else None, now)
        fields: dict[str, Any] = {"Subject": subject[:255], "Description": task.body, "Status": "Not Started",
                                  "Priority": PRIORITIES.get(task.priority.upper(), "Normal"), "ActivityDate": due,
                                  "TaskSubtype": "Task"}
        if tw.existing is None:
            fields["WhoId" if rec.object_type in ("lead", "contact") else "WhatId"] = rec.id
            if owner:
                fields["OwnerId"] = owner
        else:
            fields.pop("TaskSubtype")
        return fields

    def _note_body(self, nw: NoteWrite, now: datetime) -> dict[str, Any]:
        rec = nw.record
        first = nw.text.strip().splitlines()[0] if nw.text.strip() else "AI note"
        return {"attributes": {"type": "Task"}, "Subject": f"{constants.TASK_MARKER} Note: {first}"[:255],
                "Description": nw.text, "Status": "Completed", "Priority": "Normal", "TaskSubtype": "Task",
                "ActivityDate": now.date().isoformat(),
                "WhoId" if rec.object_type in ("lead", "contact") else "WhatId": rec.id,
                constants.IDEMPOTENCY_FIELD: idempotency_value(nw.idempotency_key)}

    def _collection(self, method: str, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
        payload = {"allOrNone": False, "records": bodies}
        answer = self.api.call(lambda sf: sf.restful("composite/sobjects", method=method, json=payload),
                               what=f"{method} composite/sobjects")
        if not isinstance(answer, list):
            raise CrmUnavailable(f"composite/sobjects answered {type(answer).__name__}, not a result list",
                                 crm=constants.CRM)
        return answer

    def _record(self, answers: list[dict[str, Any]], part: Sequence[tuple[dict[str, Any], WriteResult]],
                results: dict[int, WriteResult]) -> None:
        for (body, res), ans in zip(part, answers, strict=False):
            if ans.get("success"):
                results[id(res)] = WriteResult(res.status, str(ans.get("id") or body.get("id") or res.id), res.kind,
                                               res.record_id)
            else:
                msg, retry = item_error(ans.get("errors") or [])
                results[id(res)] = WriteResult("failed", body.get("id"), res.kind, res.record_id, error=msg,
                                               should_retry=retry)
        for _, res in part[len(answers):]:
            results[id(res)] = WriteResult("failed", res.id, res.kind, res.record_id,
                                           error="no result for this record", should_retry=True)

    def _run(self, part: Sequence[tuple[dict[str, Any], WriteResult]], method: str,
             results: dict[int, WriteResult]) -> CrmError | None:
        """PATCH a chunk; an update is idempotent, so one immediate re-send after an ambiguous failure."""
        bodies = [b for b, _ in part]
        for attempt in (0, 1):
            try:
                self._record(self._collection(method, bodies), part, results)
                return None
            except CrmError as err:
                if isinstance(err, CrmUnavailable) and attempt == 0:
                    log.warning("salesforce PATCH collection failed ambiguously; re-sending once: %s", err)
                    continue
                return err
        return None

    def _create(self, part: Sequence[tuple[dict[str, Any], WriteResult]], results: dict[int, WriteResult]
                ) -> CrmError | None:
        """POST a chunk of creates; after an ambiguous failure look the keys up, then create the rest once."""
        pending = list(part)
        for attempt in (0, 1):
            try:
                self._record(self._collection("POST", [b for b, _ in pending]), pending, results)
                return None
            except CrmError as err:
                if not isinstance(err, CrmUnavailable) or attempt == 1:
                    self._fail(pending, err, results)
                    return err if err.should_retry else None
                log.warning("salesforce POST collection failed ambiguously; looking our keys up: %s", err)
                self.api.bump("ambiguous_lookups")
                try:
                    found = self._find_keys([b[constants.IDEMPOTENCY_FIELD] for b, _ in pending])
                except CrmError as lookup_err:
                    self._fail(pending, lookup_err, results)
                    return lookup_err
                still = []
                for body, res in pending:
                    tid = found.get(body[constants.IDEMPOTENCY_FIELD])
                    if tid:
                        results[id(res)] = WriteResult(res.status, tid, res.kind, res.record_id)
                    else:
                        still.append((body, res))
                if not still:
                    return None
                pending = still
        return None

    def _find_keys(self, keys: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(sorted(set(keys)), constants.QUERY_IDS_MAX):
            rows = self._query_all(f"SELECT Id, {constants.IDEMPOTENCY_FIELD} FROM Task WHERE "
                                   f"{constants.IDEMPOTENCY_FIELD} IN {soql_in(part)}", "find created tasks")
            for r in rows:
                out[str(r[constants.IDEMPOTENCY_FIELD])] = str(r["Id"])
        return out

    @staticmethod
    def _fail(part: Sequence[tuple[dict[str, Any], WriteResult]], err: CrmError,
              results: dict[int, WriteResult]) -> None:
        for body, res in part:
            if id(res) not in results:
                results[id(res)] = WriteResult("failed", body.get("id"), res.kind, res.record_id, error=str(err),
                                               should_retry=err.should_retry, retry_after=err.retry_after)
