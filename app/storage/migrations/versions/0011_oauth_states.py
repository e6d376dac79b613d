"""oauth_states: each OAuth install or sign-in attempt kept on the server (its state's digest, the CRM, the
purpose, a digest of the browser session that started it, its expiry), so a callback is accepted once, from
that browser, for that CRM, within ten minutes (app/oauth/state.py)

Revision ID: 0011_oauth_states
Revises: 0010_admin_w24
Create Date: 2026-12-06 05:51:05
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_oauth_states"
down_revision = "0010_admin_w24"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oauth_states",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("crm", sa.String(length=40), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("browser", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("oauth_states", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oauth_states_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("oauth_states", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oauth_states_expires_at"))
    op.drop_table("oauth_states")
