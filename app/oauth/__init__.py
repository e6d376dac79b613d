"""OAuth install/uninstall of CRM apps, plus backfill and reconciliation of installed tenants.

The blueprint carries its own `/oauth` prefix, so the factory registers it as is
(`app.oauth:bp`). Public functions for the rest of the app:
`hubspot_client_for(tenant_id)`, `backfill`, `reconcile`, `reconcile_all`, `uninstall`.
"""

from flask import Blueprint

bp = Blueprint("oauth", __name__, url_prefix="/oauth")

from app.oauth import routes  # noqa: E402,F401 - registers the routes on bp
from app.oauth.sync import backfill, maybe_reconcile_all, reconcile, reconcile_all  # noqa: E402
from app.oauth.tenants import hubspot_client_for, hubspot_stats, tenant_id_for  # noqa: E402
from app.oauth.uninstall import uninstall  # noqa: E402

__all__ = [
    "backfill",
    "bp",
    "hubspot_client_for",
    "hubspot_stats",
    "maybe_reconcile_all",
    "reconcile",
    "reconcile_all",
    "tenant_id_for",
    "uninstall",
]
