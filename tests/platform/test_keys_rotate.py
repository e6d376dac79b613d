"""`agentic-sales keys rotate`: after a new token key is put first in AGENTIC_SALES_TOKEN_KEY, every
stored CRM token is encrypted with it now, so the old key can leave the list (the wave-31 docs walk: the
docs said "keep old token keys in the list when rotating" and nothing said when one could go; a grant that
is never refreshed keeps its old ciphertext for good)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from cryptography.fernet import Fernet
from sqlalchemy import select

from app.cli import cli, register_commands
from app.storage import get_db
from app.storage.crypto import TokenCipher, generate_key
from app.storage.key_rotation import rotate_tokens
from app.storage.models import Installation, Tenant

register_commands()


def _seed(app, key: str, tenants: dict[str, tuple[str | None, str | None]]) -> None:
    cipher = TokenCipher(key)
    with get_db(app).session() as s:
        for tid, (access, refresh) in tenants.items():
            s.add(Tenant(id=tid, crm="hubspot", external_id=tid.split("-")[1], name=tid))
            s.flush()
            s.add(Installation(tenant_id=tid, crm="hubspot", scopes=[], expires_at=datetime.now(UTC) + timedelta(hours=1),
                               access_token_enc=cipher.encrypt(access), refresh_token_enc=cipher.encrypt(refresh)))


def _stored(app) -> dict[str, tuple[str | None, str | None]]:
    with get_db(app).session() as s:
        return {r.tenant_id: (r.access_token_enc, r.refresh_token_enc) for r in s.execute(select(Installation)).scalars()}


def _rotate(app, keys: str) -> tuple[int, dict, str]:
    env = {"DATABASE_URL": app.config["DATABASE_URL"], "REDIS_URL": None, "AGENTIC_SALES_TOKEN_KEY": keys,
           "AGENTIC_SALES_DATA_DIR": app.config["DATA_DIR"]}
    result = CliRunner().invoke(cli, ["keys", "rotate"], env=env, catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout.splitlines()[-1]), result.stderr


def test_after_rotating_every_token_opens_with_the_new_key_alone_and_a_second_run_changes_nothing(app_factory):
    old, new = generate_key(), generate_key()
    app = app_factory(TOKEN_KEY=old)
    _seed(app, old, {"hubspot-1": ("at-1", "rt-1"), "hubspot-2": ("at-2", None)})
    before = _stored(app)

    code, report, _ = _rotate(app, f"{new},{old}")
    assert code == 0 and report["reencrypted"] == 3 and report["already_current"] == 0
    assert report["old_keys_needed"] is False and report["unreadable"] == []
    after = _stored(app)
    alone = TokenCipher(new)
    assert {t: tuple(alone.decrypt(c) for c in pair) for t, pair in after.items()} == {
        "hubspot-1": ("at-1", "rt-1"), "hubspot-2": ("at-2", None)}
    assert after != before

    code, again, _ = _rotate(app, f"{new},{old}")
    assert code == 0 and again["reencrypted"] == 0 and again["already_current"] == 3
    assert _stored(app) == after  # idempotent: not even re-encrypted with a fresh nonce


def test_a_token_no_listed_key_opens_is_named_by_tenant_and_left_as_it_was(app_factory):
    lost, current = generate_key(), generate_key()
    app = app_factory(TOKEN_KEY=current)
    _seed(app, lost, {"hubspot-7": ("at-7", "rt-7")})
    _seed(app, current, {"hubspot-8": ("at-8", "rt-8")})
    before = _stored(app)

    code, report, stderr = _rotate(app, current)
    assert code == 2 and report["unreadable"] == ["hubspot-7"] and report["old_keys_needed"] is True
    assert "hubspot-7" in stderr and "put back the key that encrypted them" in stderr
    assert _stored(app) == before


def test_a_token_a_worker_refreshed_during_the_pass_is_left_as_the_worker_wrote_it(app_factory):
    old, new = generate_key(), generate_key()
    app = app_factory(TOKEN_KEY=old)
    _seed(app, old, {"hubspot-3": ("at-3", "rt-3")})
    refreshed = Fernet(old.encode()).encrypt(b"at-3-refreshed").decode()
    with get_db(app).session() as s:
        real_execute = s.execute
        done = []

        def execute(statement, *args, **kwargs):  # the worker's refresh lands between our read and our write
            if statement.is_dml and not done:
                done.append(True)
                with get_db(app).session() as other:
                    other.execute(Installation.__table__.update().values(access_token_enc=refreshed))
            return real_execute(statement, *args, **kwargs)

        s.execute = execute  # type: ignore[method-assign]
        report = rotate_tokens(s, f"{new},{old}")
    assert report.changed_meanwhile == 1 and report.reencrypted == 1
    assert report.as_dict()["old_keys_needed"] is True  # run it again once the worker runs with the new list
    assert _stored(app)["hubspot-3"][0] == refreshed
