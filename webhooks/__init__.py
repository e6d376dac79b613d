"""Webhook receivers, one folder per CRM, under the `/webhooks` blueprint."""

from flask import Blueprint

bp = Blueprint("webhooks", __name__)

from webhooks.hubspot import receiver as _hubspot_receiver  # noqa: E402,F401  (registers routes)
