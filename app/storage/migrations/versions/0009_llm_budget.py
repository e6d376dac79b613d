"""llm_budget: each tenant's committed LLM spend per budget period (the shared counter workers
reserve against before a vendor call); llm_usage.record_id (cost per enriched record) and
llm_usage.estimated (token counts estimated because the vendor's reply had none); installations'
api_used/api_limit/api_quota_at (the CRM's daily API allocation as it last reported it)

Revision ID: 0009_llm_budget
Revises: 0008_lead_outcomes
Create Date: 2026-12-04 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_llm_budget"
down_revision = "0008_lead_outcomes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "llm_budget",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("committed_usd", sa.Float(), nullable=False),
        sa.Column("warned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tenant_id", "period"),
    )
    with op.batch_alter_table("llm_usage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("estimated", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("installations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("api_used", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("api_limit", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("api_quota_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("installations", schema=None) as batch_op:
        batch_op.drop_column("api_quota_at")
        batch_op.drop_column("api_limit")
        batch_op.drop_column("api_used")
    with op.batch_alter_table("llm_usage", schema=None) as batch_op:
        batch_op.drop_column("estimated")
        batch_op.drop_column("record_id")
    op.drop_table("llm_budget")
