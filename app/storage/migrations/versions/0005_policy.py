"""learning_posteriors: each tenant's bandit posterior, written by compare-and-set on a version;
rewards.folded: whether a reward is in its tenant's posterior yet

Revision ID: 0005_policy
Revises: 0004_settings
Create Date: 2026-12-01 18:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_policy"
down_revision = "0004_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learning_posteriors",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rewards", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tenant_id"),
    )
    with op.batch_alter_table("rewards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("folded", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index("ix_rewards_tenant_folded", ["tenant_id", "folded"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rewards", schema=None) as batch_op:
        batch_op.drop_index("ix_rewards_tenant_folded")
        batch_op.drop_column("folded")
    op.drop_table("learning_posteriors")
