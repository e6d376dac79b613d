"""OAuth install/uninstall routes of every registered CRM connector (`/oauth/<crm>/...`).

The blueprint carries its own `/oauth` prefix, so the factory registers it as is
(`app.oauth:bp`). Tenants and clients live in app/tenants, backfill and reconcile in app/sync.
"""

from flask import Blueprint

bp = Blueprint("oauth", __name__, url_prefix="/oauth")

from app.oauth import routes  # noqa: E402,F401 - registers the routes on bp

__all__ = ["bp"]
