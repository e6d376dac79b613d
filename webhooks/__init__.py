"""Webhook receivers, one folder per CRM, under the `/webhooks` blueprint."""

from flask import Blueprint

bp = Blueprint("webhooks", __name__)
RECEIVER_MODULES = ("webhooks.hubspot.receiver",)
"""Modules whose import registers routes on `bp`; the app factory imports them (this package
must stay importable on its own, since app.inbox uses webhooks.changes)."""
