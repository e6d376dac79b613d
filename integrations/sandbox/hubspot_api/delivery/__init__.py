"""Webhook delivery: subscriptions from the app's template, signing, batching and retries."""

from .dispatcher import WebhookDispatcher
from .signing import sign_v1, sign_v3, signing_uri
from .subscriptions import Subscription, Subscriptions

__all__ = ["Subscription", "Subscriptions", "WebhookDispatcher", "sign_v1", "sign_v3", "signing_uri"]
