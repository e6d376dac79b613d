"""No e-mail address reaches a log line: HubSpot's validation errors echo the values we sent (our
written-back text names the contact), and they are logged at WARNING with the record's failure,
and at ERROR with a traceback."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

from app import logs
from integrations.hubspot.errors import from_response

# A HubSpot 400 as the batch update endpoint answers it (category VALIDATION_ERROR, the bad value quoted).
HUBSPOT_400 = {
    "status": "error", "category": "VALIDATION_ERROR", "correlationId": "4b8e7d0c-2b7a-4f0e-9a51-77e0c1b3f6a2",
    "message": 'Property values were not valid: [{"isValid":false,"message":"\\"Email dana.whitfield@'
               'northwind-logistics.com today\\" was not one of the allowed options","error":"INVALID_OPTION",'
               '"name":"ai_next_best_action"}]',
}


@pytest.fixture
def stderr_lines(monkeypatch):
    """The app's own log configuration, writing to a buffer in place of stderr."""
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers = [h for h in root.handlers if not getattr(h, "_agentic_sales", False)]
    logs.configure("INFO")
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    root.handlers, root.level = saved[0], saved[1]


def test_a_crm_validation_error_logged_at_warning_and_with_its_traceback_names_no_email(stderr_lines):
    exc = from_response(400, HUBSPOT_400)
    assert "dana.whitfield@" in str(exc)  # HubSpot did echo her address
    log = logging.getLogger("app.dispatch.batch")
    log.warning("record failed permanently: %s", exc, extra={"tenant_id": "hubspot-62515"})
    try:
        raise exc
    except Exception:
        log.exception("record failed in its batch")

    lines = stderr_lines()
    assert len(lines) == 2
    assert all("@northwind-logistics.com" not in json.dumps(line) for line in lines)
    assert "[email]" in lines[0]["msg"] and "ai_next_best_action" in lines[0]["msg"]  # the rest helps the operator
    assert "Traceback" in lines[1]["exc"] and "[email]" in lines[1]["exc"]
