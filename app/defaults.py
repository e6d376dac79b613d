"""Every number or name someone might tune, in one place (STYLE rule 5).

Each constant has a docstring giving its unit and meaning. Code refers to these names, never to
bare literals; per-deployment overrides come from configuration (app/config.py).
"""

WEBHOOK_TOLERANCE_SECONDS = 300
"""Seconds a signed request's timestamp may differ from our clock (HubSpot v3: 5 minutes)."""

SALESFORCE_LEGACY_OUTBOUND_URLS = True
"""Accept Outbound Message URLs that end with the org's signing secret (installs before wave 18):
turn off once every org's Outbound Message uses the URL with its own token (the install page's)."""

WEBHOOK_MAX_BATCH_EVENTS = 100
"""Largest HubSpot webhook batch we accept; a bigger array is anomalous (400)."""

ADMIN_SESSION_SECONDS = 8 * 3600
"""How long an admin browser sign-in lasts (seconds)."""

ADMIN_TOKEN_ATTEMPTS = 10
"""Wrong admin tokens one client address may send per window before its tokens are not compared
(app/token_attempts.py)."""

ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS = 900
"""The moving window of ADMIN_TOKEN_ATTEMPTS (seconds)."""

MIN_ADMIN_TOKEN_CHARS = 24
"""Shortest operator token `web` accepts outside tests and the demo (a guessable token would open
every tenant's console)."""

WEBHOOK_STORE_ATTEMPTS = 4
"""Times the receiver runs its one transaction when PostgreSQL reports a deadlock or a
serialization failure (the whole transaction rolled back, so it is safe to run again)."""

MAX_REQUEST_BYTES = 2_097_152
"""Largest request body any route reads (bytes), declared or chunked; more is answered 413."""

WEBHOOK_MAX_BODY_BYTES = 1_048_576
"""Largest webhook body in bytes; HubSpot batches of 100 events are far below this."""

COALESCE_WINDOW_SECONDS = 2.0
"""Seconds a record's job waits after the first change so a burst of edits becomes one job."""

LEASE_SECONDS = 120
"""Seconds an inbox row stays leased to a dispatched job before the sweeper may re-dispatch it."""

SWEEP_INTERVAL_SECONDS = 5.0
"""Seconds between sweeper passes (re-dispatch of expired leases and of undispatched rows)."""

SHUTDOWN_WAIT_SECONDS = 5.0
"""On SIGTERM or Ctrl-C, how long `serve` lets the embedded worker's running jobs end before it hands
their leases over (a batch of agent runs takes minutes: it is re-dispatched, not waited for)."""

DISPATCH_BATCH_LIMIT = 500
"""Most records the sweeper dispatches in one pass."""

QUEUE_NAME = "agentic-sales"
"""Name of the RQ queue that record jobs go to."""

JOB_TIMEOUT_SECONDS = 0
"""RQ timeout of a record job in seconds; 0: sized from the batch size, JOB_TIMEOUT_BASE_SECONDS +
JOB_TIMEOUT_PER_RECORD_SECONDS x PIPELINE_BATCH_SIZE (1120 s for 100). It was a fixed 300 s, which an 80-deal backfill
batch ran past at load 13. A batch that still runs past it hands its unwritten records back in batches of half its
size (app/dispatch/timeouts.py). LLM and CRM timeouts are well under it."""

JOB_TIMEOUT_BASE_SECONDS = 120.0
"""The part of a sized record-job timeout (JOB_TIMEOUT_SECONDS 0) that does not grow with the batch: the fetch, the
champions' load, the write-back (seconds)."""

JOB_TIMEOUT_PER_RECORD_SECONDS = 10.0
"""Seconds per record of the batch in a sized record-job timeout: ~2.5 times what a record took at load 13 (300 s
for fewer than 80 deals) and far over an offline record's ~0.2 s."""

JOB_RETRY_INTERVALS = (10, 60, 300)
"""Seconds between RQ retries of a job that failed with a transient error (STYLE rule 14)."""

JOB_RESULT_TTL_SECONDS = 3600
"""Seconds RQ keeps a finished job's result."""

WORKER_POLL_SECONDS = 0.2
"""Seconds the in-process worker sleeps when it has nothing to do."""

BULK_WORKERS: int | None = None
"""Embedded threads that also serve backfill/reconcile jobs (app/dispatch/inprocess.py); None: 1
when the agents run in processes, else 0."""

BULK_BUDGET_WAIT_SECONDS = 0.0
"""Longest an embedded bulk thread waits in place for a tenant's rate budget (10: one HubSpot
window) instead of handing its batch back; RQ workers and the general thread never wait. Off by
default: with 10, the 400-change demo's p95 was 14.1 and 12.8 s against 6.0-6.6 s without
(wave 9, cause not found yet)."""

SQLITE_BUSY_TIMEOUT_MS = 30_000
"""Milliseconds SQLite waits on a locked database before giving up."""

CRM_CONNECT_TIMEOUT_SECONDS = 5.0
"""Connect timeout of every CRM HTTP call."""

CRM_READ_TIMEOUT_SECONDS = 30.0
"""Read timeout of every CRM HTTP call."""

CRM_SDK_RETRIES = 2
"""Retries the CRM SDKs make themselves on connection errors and 5xx (kept small: RQ retries too)."""

LLM_TIMEOUT_SECONDS = 30.0
"""Per-call timeout of an LLM request, well under a record job's timeout (JOB_TIMEOUT_SECONDS)."""

LLM_MAX_RETRIES = 2
"""Retries of an LLM call on 429/5xx before falling back to the next provider."""

HEALTH_TIMEOUT_SECONDS = 2.0
"""Seconds /healthz waits on the database and the queue before calling them down."""

RECONCILE_INTERVAL_SECONDS = 900
"""Seconds between reconciliation runs (search records modified since the last sync)."""

RECONCILE_RETRY_SECONDS = 300.0
"""A reconciliation that could not search every object type (the CRM's search failed) runs again this many seconds
later, from the same watermark (or when the CRM's own retry-after ends, if later)."""

SALESFORCE_GAP_RECONCILE_SECONDS = 60.0
"""How soon after a Salesforce CDC gap event the org's reconciliation runs (brought forward from its
RECONCILE_INTERVAL_SECONDS, never later than it was due): a burst of gap events, one per overflowing
transaction, makes one reconciliation in this window."""

RETRAIN_INTERVAL_SECONDS = 86_400
"""Seconds between scheduled retraining runs per tenant."""

QUARANTINE_RETENTION_SECONDS = 30 * 86_400
"""Longest a quarantined webhook body is kept, whatever account it names (one no tenant owns,
or none: a tenant's own `retention_days` cannot reach those); the scheduler leader deletes older ones."""

RETENTION_INTERVAL_SECONDS = 86_400
"""Seconds between runs of the per-tenant retention purge (app/retention.py; the window itself is
the tenant's `retention_days` setting)."""

TRAINING_THREADS = 1
"""Threads (OpenMP and BLAS) one training run may use. Several RQ workers share a host's cores, and
OpenMP threads spinning against each other made one training ~100x slower on a loaded 2-core host;
raise it on a host that runs one worker."""

LEARNING_REFRESH_INTERVAL_SECONDS = 600
"""Seconds between the scheduler's per-tenant folds of new rewards into the bandit's posterior
(the outcome stage and each batch also fold; this catches rewards whose fold failed or raced)."""

LEARNING_REPORT_INTERVAL_SECONDS = 600
"""Seconds between the scheduler's per-tenant checks that the stored learning report is up to date (three
aggregate queries; a recomputation only when it is not). The outcome stage also asks for one sooner."""

LEARNING_REPORT_DELAY_SECONDS = 60.0
"""At most this long after an outcome (or a view of an out-of-date report) the scheduler runs the learning-report
job; the outcomes of a burst make one recomputation."""

REPORT_COMPUTE_LEASE_SECONDS = 900.0
"""How long a background report computation holds its tenant's lease (the learning report of 26k decisions takes
~10 s): a worker that died mid-computation stops blocking the next one after this long."""

LEARNING_PAGE_POLL_SECONDS = 3
"""Seconds between the learning page's checks that a report being computed has arrived."""

DEFAULT_PORT = 5000
"""Port of `agentic-sales serve` when --port is not given (and of `web` when PORT is not set)."""

WEB_CONCURRENCY = "4"
"""gunicorn processes of `agentic-sales web` (environment WEB_CONCURRENCY)."""

WEB_THREADS = "4"
"""Threads per gunicorn process (environment WEB_THREADS)."""

SANDBOX_PORT = 8090
"""Port of `agentic-sales sandbox serve` when --port is not given."""

TENANT_CACHE_SECONDS = 5.0
"""Seconds a web process remembers that a CRM account is installed (saves a query per webhook);
uninstall forgets at once in its own process, and a stale entry elsewhere fails safe."""

REVOKED_GRACE_SECONDS = 7 * 86_400
"""Seconds a tenant's data is kept after the CRM refused our refresh token (uninstalled on its
side) before it is erased; a re-install within this period resumes with its history."""

PIPELINE_BATCH_SIZE = 100
"""Most records of one tenant one pipeline job takes (HubSpot's batch read/write maximum)."""

WRITEBACK_CHUNK_RECORDS = 25
"""A batch writes its finished records back every this many records (one call per kind of
write each time): a record's latency is then its chunk's, not the whole batch's, and a batch of
100 still costs a handful of calls (HubSpot counts ~110 per 10 s)."""

WRITEBACK_CHUNK_SECONDS = 10.0
"""... or after this many seconds of agent work, whichever comes first (LLM agents take seconds
per record). Not shorter: under CPU load a 2 s rule cut a batch of 100 into ~8 chunks and took
the requests per deal from 0.17 to 0.48 (target <= 0.5)."""

AGENT_CONCURRENCY = 4
"""Records of a batch whose agents run at the same time (LLM calls are I/O bound)."""

AGENT_PROCESSES: int | None = None
"""Worker processes for the offline agents of a batch (0: in the batch's thread). None: one per
core in the embedded worker on a machine with 2+ cores, none on 1 core or under RQ (more RQ
workers use more cores). The offline agents are ~70% of a record's CPU; in processes they run
beside the receiver and the write-backs instead of taking turns with them under one lock."""

OUTCOME_ATTRIBUTION_DAYS = 180
"""Strategy choices logged at most this many days before an outcome get its reward."""

SCHEDULER_LEASE_SECONDS = 30.0
"""Seconds the scheduler leader's lease lasts; it renews every sweep, a dead leader is replaced
after this long."""

PERIODIC_JOB_TIMEOUT_SECONDS = 3600
"""RQ timeout of a periodic job (a tenant's reconciliation or retraining)."""

COMPANY_NAMES_TTL_SECONDS = 600.0
"""How long a process keeps a tenant's list of company names (the other customers the agents
must never name) before reading it again from the stored enrichments."""

COMPANY_NAMES_SCAN = 2000
"""Most recent enrichments read per tenant to collect its companies' names (one query per
tenant per TTL; names from each batch's own records are added as they arrive)."""

BULK_READ_PATIENCE_SECONDS = 15.0
"""Longest a bulk read outside a batch job (a tenant's training history) sleeps for the CRM's
rate window to free a slot, instead of failing the read (HubSpot's window is 10 s)."""

BATCH_CLAIM_AHEAD_SECONDS = 2.0
"""A batch job also takes its tenant's scheduled records due within this many seconds: a burst
of changes arriving over several webhook deliveries is then one batch, instead of a train of
small batches each waiting out its own window (and, under RQ, spread over the workers with one
set of CRM calls each). A record's own repeated edits still coalesce within its window until
some job of its tenant starts."""

CONSOLE_HEALTH_WINDOW_HOURS = 24
"""Hours of webhook deliveries and errors the console's install-health page summarises."""

CONSOLE_LAST_ERRORS = 8
"""How many of a tenant's latest errors the install-health page lists."""

CONSOLE_PROGRESS_REFRESH_SECONDS = 2
"""Seconds between refreshes of a running re-sync or backfill's progress page."""

CONSOLE_TOKEN_WARN_SECONDS = 600
"""An access token expiring within this many seconds is said to be renewed at the next CRM call (or, with no refresh
token to renew it, shown as expiring)."""

REWARD_REFERENCE_MIN_WON = 5
"""Won deals with an amount a tenant needs before rewards are amount-weighted (by its median won
amount); before, every won deal is worth 1."""

POSTERIOR_FOLD_LIMIT = 5000
"""Most rewards one posterior refresh folds in (the next refresh takes the rest)."""

POSTERIOR_CAS_ATTEMPTS = 5
"""Times a refresh reloads and retries when another worker saved the posterior first."""

ACCOUNT_NAMES_TTL_SECONDS = 86_400.0
"""Seconds an account's and its installer's names, read from the CRM, are kept before a token refresh reads
them again (a renamed org shows its new name within a day; at most one read per tenant per day)."""

WORKER_REPORT_SECONDS = 60.0
"""Seconds between a worker's reports of what it can run (app/worker_report.py); it also reports at start."""

WORKER_REPORT_STALE_SECONDS = 180.0
"""A worker not heard from for this many seconds is left out of the LLM page's "what the workers run"."""

BACKGROUND_DRAIN_SECONDS = 120.0
"""How long the demo's stop waits for the embedded worker's jobs (a model card's charts: ~10 s at load; a learning
report: ~12 s at 26k decisions) before it removes what they write into."""
