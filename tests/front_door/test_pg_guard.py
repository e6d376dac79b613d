"""The suite resets only a PostgreSQL database it may: never the one a contributor's app runs on."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.storage import migrate
from app.storage.models import Base
from tests import pg_guard
from tests.conftest import pg_scratch_schema, pg_url


@pytest.fixture
def scratch_schema():
    """A schema of its own in the test database, dropped afterwards; yields (engine, schema, its URL)."""
    with pg_scratch_schema("guardtest") as (engine, url):
        yield engine, "guardtest", url


@pytest.mark.postgres
def test_a_database_holding_the_apps_tables_is_refused_with_what_to_do_instead(scratch_schema):
    engine, schema, scoped = scratch_schema
    migrate.upgrade(scoped)  # what `agentic-sales db upgrade` leaves in a contributor's own database

    with engine.connect() as conn:
        why = pg_guard.refusal(conn, schema=schema, database="sales_dev")

    assert why is not None
    assert f"holds {len(Base.metadata.tables) + 1} tables" in why  # the app's and alembic_version
    assert "createdb" in why and "unset it" in why
    assert make_url(pg_url()).render_as_string(hide_password=True) in why  # the server, never its password


@pytest.mark.postgres
def test_an_empty_schema_a_marked_one_and_a_test_database_may_be_reset(scratch_schema):
    engine, schema, _url = scratch_schema
    with engine.begin() as conn:
        assert pg_guard.refusal(conn, schema=schema, database="sales_dev") is None  # empty
        conn.execute(text(f"CREATE TABLE {schema}.tenants (id text)"))
        assert pg_guard.refusal(conn, schema=schema, database="agentic_test") is None  # CI's, named for tests
        assert pg_guard.refusal(conn, schema=schema, database="sales_dev") is not None
        pg_guard.mark(conn, schema=schema)
        assert pg_guard.refusal(conn, schema=schema, database="sales_dev") is None  # the suite's own
