"""outcomes: one row per deal, kind AND stage, so a deal's stage advances are each an outcome
(partial credit per stage reached, learning/README.md); won/lost stay one per deal (the outcome
stage reuses the first row of a kind)

Revision ID: 0007_learning
Revises: 0006_console
Create Date: 2026-12-01 21:40:00
"""

from alembic import op

revision = "0007_learning"
down_revision = "0006_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_outcome_deal_kind", type_="unique")
        batch_op.create_unique_constraint("uq_outcome_deal_kind_stage", ["tenant_id", "deal_id", "kind", "stage"])


def downgrade() -> None:
    # Keeps one stage advance per deal (the first stored): the older schema cannot hold more.
    op.execute("DELETE FROM outcomes WHERE kind = 'stage_advanced' AND id NOT IN "
               "(SELECT MIN(id) FROM outcomes WHERE kind = 'stage_advanced' GROUP BY tenant_id, deal_id)")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_outcome_deal_kind_stage", type_="unique")
        batch_op.create_unique_constraint("uq_outcome_deal_kind", ["tenant_id", "deal_id", "kind"])
