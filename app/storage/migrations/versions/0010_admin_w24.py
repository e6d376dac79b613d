"""admin wave 24: console grants of Salesforce User ids stored by their 18-character case-safe form
(they were lower-cased); installations.installed_by_name and names_at (the installer's and the org's
names, read at install and again at a token refresh a day later, for the operator's tenants list); worker_reports (what each worker can run: provider
keys held, never the keys, its deployment roles, heartbeat); report_cache (the learning report, keyed
by what it is computed from)

Revision ID: 0010_admin_w24
Revises: 0009_llm_budget
Create Date: 2026-12-05 01:50:00
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0010_admin_w24"
down_revision = "0009_llm_budget"
branch_labels = None
depends_on = None

_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_LOWERED_ID18 = re.compile(r"^005[a-z0-9]{12}[a-z0-5]{3}$")


def _restore_case(id18: str) -> str | None:
    """The 18-character id whose case the lower-cased `id18`'s suffix encodes (None: the suffix marks a digit
    upper-case, so it is no id). A copy of integrations/salesforce/ids.py `to_18` as of this revision: a
    migration must keep doing what it did when later code changes."""
    body, suffix = list(id18[:15]), id18[15:].upper()
    for i, code in enumerate(suffix):
        bits = _SUFFIX.index(code)
        for j in range(5):
            if bits >> j & 1:
                if not body[i * 5 + j].isalpha():
                    return None
                body[i * 5 + j] = body[i * 5 + j].upper()
    return "".join(body) + suffix


def upgrade() -> None:
    grants = sa.table("console_grants", sa.column("id", sa.Integer), sa.column("tenant_id", sa.String),
                      sa.column("user", sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(grants.c.id, grants.c.tenant_id, grants.c.user)).all()
    taken = {(t, u) for _i, t, u in rows}
    for gid, tenant, user in rows:
        # 18-character ids only: a lower-cased 15-character id has lost its case for good (it never matched a
        # sign-in either, which names 18-character ids); the access page offers to remove it.
        if not _LOWERED_ID18.match(user or ""):
            continue
        fixed = _restore_case(user)
        if fixed is None or fixed == user or (tenant, fixed) in taken:
            continue
        conn.execute(grants.update().where(grants.c.id == gid).values(user=fixed))
        taken.add((tenant, fixed))
    with op.batch_alter_table("installations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("installed_by_name", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("names_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "worker_reports",
        sa.Column("worker", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("providers", sa.JSON(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("spend", sa.JSON(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("worker"),
    )
    op.create_table(
        "report_cache",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tenant_id", "kind"),
    )


def downgrade() -> None:
    op.drop_table("report_cache")
    op.drop_table("worker_reports")
    with op.batch_alter_table("installations", schema=None) as batch_op:
        batch_op.drop_column("names_at")
        batch_op.drop_column("installed_by_name")
    # Grants keep their 18-character form: a lower-cased id would match the same sign-in no better.
