"""console roles: who may do what in a tenant's admin console

Revision ID: 0006_console
Revises: 0004_settings
Create Date: 2026-12-01 18:25:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_console"
down_revision = "0005_policy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("user", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("granted_by", sa.String(length=255), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "user", name="uq_console_grants_user"),
    )


def downgrade() -> None:
    op.drop_table("console_grants")
