"""The status policy every receiver shares (STYLE rule 9), around a CRM's own receive function.

401 for a bad signature or secret, 400 for an anomalous payload, 500 for a bug, and the same two
metrics whatever the answer (`webhook_requests_total` by status, the acknowledgement time). The
HubSpot and Salesforce receivers each carried a copy of this; a third CRM uses it as they do.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from app import metrics
from webhooks.errors import AnomalousPayloadError, SignatureVerificationError, error_response


def guarded(crm: str, receive: Callable[[str], tuple[Any, int]], *, log: logging.Logger, rejected: str,
            anomalous: str) -> Any:
    """Run `receive(delivery_id)` and answer a refusal as the front door's status policy says.

    Args:
        crm: the CRM's name, the metrics' label.
        receive: verifies, parses and stores one delivery; returns (response, status).
        log: the receiver's logger (its name says which door refused).
        rejected: what the warning of a bad signature starts with ("webhook signature rejected").
        anomalous: what the warning of an anomalous payload starts with.
    """
    started = time.perf_counter()
    delivery_id = uuid.uuid4().hex
    status = 500
    try:
        response, status = receive(delivery_id)
        return response, status
    except SignatureVerificationError as exc:
        log.warning("%s: %s", rejected, exc.reason, extra={"delivery_id": delivery_id, "crm": crm})
        status = 401
        return error_response(401, "invalid_signature")
    except AnomalousPayloadError as exc:
        log.warning("%s: %s", anomalous, exc, extra={"delivery_id": delivery_id, "crm": crm})
        status = 400
        return error_response(400, "anomalous_payload", detail=str(exc))
    finally:
        metrics.WEBHOOK_REQUESTS.labels(crm=crm, status=str(status)).inc()
        metrics.WEBHOOK_ACK_SECONDS.labels(crm=crm).observe(time.perf_counter() - started)
