"""A `--port` outside 0-65535 is refused by name (exit 2) before anything starts.

Found on a new admin's walk (wave 28): `sandbox serve --port 70000` served on port 4464 (the number
taken modulo 65536 by the socket layer, so the printed URL was not the asked one) and `--port -5`
ended in an OverflowError traceback; `demo --port 70000` trained models for minutes before failing.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner


class _StartedAnyway(Exception):
    """Raised by the stand-ins below: the command went on to start with a port it should refuse."""


@pytest.fixture
def nothing_starts(monkeypatch):
    # Without the range check the commands would serve or run a demo until interrupted; these make
    # such a failure end at once instead of hanging the test.
    import app.demo
    import integrations.sandbox

    def started(*_a, **_k):
        raise _StartedAnyway

    monkeypatch.setattr(integrations.sandbox, "create_sandbox_app", started)
    monkeypatch.setattr(app.demo, "Demo", started)
    monkeypatch.setattr("app.cli.server.stop_on_sigterm", lambda: None)


def _command(name: str):
    from app.cli.demo import demo
    from app.cli.sandbox import sandbox
    from app.cli.server import serve

    return {"sandbox": (sandbox, ["serve"]), "demo": (demo, ["--once"]), "serve": (serve, [])}[name]


def _invoke(name: str, port: str, data_dir):
    command, args = _command(name)
    return CliRunner().invoke(command, [*args, "--port", port], env={"AGENTIC_SALES_DATA_DIR": str(data_dir)})


@pytest.mark.parametrize("command", ["sandbox", "demo", "serve"])
@pytest.mark.parametrize("port", ["70000", "-5", "65536"])
def test_a_port_out_of_range_is_refused_naming_the_option(nothing_starts, tmp_path, command, port):
    result = _invoke(command, port, tmp_path)
    assert not isinstance(result.exception, _StartedAnyway), "started with an impossible port"
    assert result.exit_code == 2, result.output
    assert "'--port'" in result.output and "0<=x<=65535" in result.output


def _free_port() -> str:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


@pytest.mark.parametrize("command", ["sandbox", "demo"])
@pytest.mark.parametrize("port", ["0", "free"])
def test_a_port_in_range_is_accepted(nothing_starts, tmp_path, command, port):
    result = _invoke(command, _free_port() if port == "free" else port, tmp_path)
    assert isinstance(result.exception, _StartedAnyway), result.output  # got past option parsing to the start


def test_the_demo_on_a_port_in_use_says_so_in_one_line_before_it_starts(nothing_starts, tmp_path):
    """Wave 28: `demo --port 5291` beside a running demo went on and ended with werkzeug's two lines
    ("Address already in use" ...) and exit 1."""
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _invoke("demo", str(port), tmp_path)
    assert not isinstance(result.exception, _StartedAnyway), "started on a port in use"
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        f"error: --port {port}: the port is in use by another program "
        "(choose another, or leave --port out for a free one)"
    )
