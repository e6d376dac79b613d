"""Tunable numbers of the HubSpot adapter, documented once (STYLE rule 5).

`integrations/` does not import `app/`, so these mirror `app/defaults.py` where both exist; the
app passes its configured values into the constructors and these are only the fallbacks.
"""

API_BASE = "https://api.hubapi.com"
"""Base URL of the HubSpot API (the sandbox's URL in demos and tests)."""

AUTHORIZE_URL = "https://app.hubspot.com/oauth/authorize"
"""Where the install flow sends the user's browser to consent."""

TOKEN_PATH = "/oauth/v1/token"
"""Token endpoint path; `/oauth/v3/token` (= 2026-03) once the sandbox and accounts move over."""

CONNECT_TIMEOUT_SECONDS = 5.0
"""Connect timeout of every HubSpot HTTP call (mirrors app.defaults.CRM_CONNECT_TIMEOUT_SECONDS)."""

READ_TIMEOUT_SECONDS = 30.0
"""Read timeout of every HubSpot HTTP call (mirrors app.defaults.CRM_READ_TIMEOUT_SECONDS)."""

SDK_RETRIES = 2
"""urllib3 retries on connection errors and 5xx, POST/PATCH included (mirrors CRM_SDK_RETRIES)."""

SDK_BACKOFF_FACTOR = 0.5
"""urllib3 backoff factor in seconds between its own retries."""

REFRESH_SKEW_SECONDS = 120.0
"""Refresh the access token this many seconds before its stored expiry (HubSpot: refresh from
expires_in, do not wait for a 401)."""

RATE_LIMIT_MAX_WAITS = 30
"""How many 429s in a row one call waits out before giving up with CrmRateLimited (which the job
queue retries later, so the write is still not dropped)."""

RATE_LIMIT_DEFAULT_WAIT_SECONDS = 1.0
"""Wait after a 429 that carries neither Retry-After nor the interval header."""

RATE_LIMIT_MAX_WAIT_SECONDS = 12.0
"""Cap on one wait after a 429 (HubSpot's rolling window is 10 s)."""

SEARCH_MIN_INTERVAL_SECONDS = 0.2
"""Spacing between CRM search calls: HubSpot allows 5 searches per second per account."""

SEARCH_PAGE_SIZE = 200
"""Search page size (HubSpot's maximum)."""

SEARCH_RESULT_CAP = 10_000
"""HubSpot returns at most this many results per search query; we window below it."""

BATCH_SIZE = 100
"""Inputs per batch read/update (HubSpot's maximum)."""

BATCH_ITEM_RETRIES = 3
"""Rounds of re-sending the transiently failed items of a 207 batch response."""

TRANSIENT_RETRIES = 2
"""Retries of a whole call on a transient error after urllib3's own retries are spent."""

MAX_ACTIVITIES = 50
"""Most recent activities of each type kept on a canonical Record."""

DEFAULT_TIMEZONE = "UTC"
"""Time zone for due dates when the owner has none."""

TASK_DUE_HOUR = 9
"""Local hour (owner's time zone) at which an app task falls due on the next business day."""

METADATA_TTL_SECONDS = 600.0
"""How long an adapter trusts its cached pipelines and owners before reading them again (adapters
live as long as the worker process, and admins do edit pipelines and owners' time zones)."""

ENGAGEMENT_ROWS_TTL_SECONDS = 7 * 86_400.0
"""How long a portal's engagement rows (emails, calls, meetings, notes) stay in the shared cache
after its last write: they are not edited in practice (fetch.py), and a week without any read
of a portal means it is idle or gone."""

CREATE_ATTEMPTS = 2
"""Sends of one batch create within one apply: after an ambiguous failure the items are looked
up and only those not found are sent once more; still unknown -> failed, retried by the job."""
