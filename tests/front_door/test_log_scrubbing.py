"""No log line carries the admin token, an OAuth code or a CRM token."""

from __future__ import annotations

import logging

import pytest

from app.logs import ScrubFilter, gunicorn_logger_class, scrub

ADMIN = "adm-7f3c9e1d2b"


@pytest.mark.parametrize("line", [
    f'127.0.0.1 - - "GET /card/preview/x?admin_token={ADMIN} HTTP/1.1" 404',
    f'"GET /oauth/hubspot/callback?code={ADMIN}&state=abc HTTP/1.1" 302',
    f"Authorization: Bearer {ADMIN}",
    f"/x?a=1&ACCESS_TOKEN={ADMIN}&b=2",
])
def test_secret_values_are_scrubbed_from_log_text(line):
    out = scrub(line)
    assert ADMIN not in out and "[redacted]" in out


def test_scrub_keeps_harmless_parameters():
    assert scrub("/api/cards/hubspot?objectType=deal&objectId=42") == "/api/cards/hubspot?objectType=deal&objectId=42"


def test_the_werkzeug_access_line_is_scrubbed(caplog):
    logger = logging.getLogger("werkzeug")
    logger.addFilter(ScrubFilter())
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        logger.info('%s - - "%s" %s', "127.0.0.1", f"GET /x?admin_token={ADMIN} HTTP/1.1", "404")
    assert ADMIN not in caplog.text


def test_gunicorn_access_atoms_are_scrubbed():
    cls = gunicorn_logger_class()

    class Cfg:  # the few gunicorn settings Logger reads
        errorlog = "-"
        loglevel = "info"
        accesslog = None
        syslog = False
        capture_output = False
        logconfig = None
        logconfig_dict: dict = {}
        logconfig_json = None
        disable_redirect_access_to_syslog = False
        access_log_format = '%(h)s "%(r)s" %(s)s'
        user = 0
        group = 0
        dogstatsd_tags = ""
        statsd_host = None

        def __getattr__(self, name):
            return None

    log = cls(Cfg())

    class Req:
        method, path, query, uri, version = "GET", "/x", f"admin_token={ADMIN}", f"/x?admin_token={ADMIN}", (1, 1)
        headers: list = []

    class Resp:
        status, sent, headers, response_length = "404 NOT FOUND", 0, [], 0

    environ = {"RAW_URI": f"/x?admin_token={ADMIN}", "REMOTE_ADDR": "1.2.3.4", "SERVER_PROTOCOL": "HTTP/1.1",
               "REQUEST_METHOD": "GET", "QUERY_STRING": f"admin_token={ADMIN}", "PATH_INFO": "/x"}
    import datetime

    atoms = log.atoms(Resp(), Req(), environ, datetime.timedelta(seconds=0.01))
    assert all(ADMIN not in str(v) for v in atoms.values()), atoms
