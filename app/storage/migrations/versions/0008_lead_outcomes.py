"""outcomes.object_type (a Salesforce Lead's conversion is an outcome beside a deal's win) and
one bandit posterior per tenant AND object type (a lead's conversion and a deal's amount-weighted
win are different rewards: learning/README.md, Policy)

Revision ID: 0008_lead_outcomes
Revises: 0007_learning
Create Date: 2026-12-04 02:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_lead_outcomes"
down_revision = "0007_learning"
branch_labels = None
depends_on = None


def _posteriors_table(name: str, *, by_type: bool) -> None:
    op.create_table(
        name,
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        *([sa.Column("object_type", sa.String(length=40), server_default="deal", nullable=False)] if by_type else []),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rewards", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tenant_id", *(["object_type"] if by_type else [])),
    )


def _rebuild_posteriors(*, by_type: bool) -> None:
    """Copy learning_posteriors into a table with the new primary key (a copy, not an ALTER: the
    same steps on SQLite and PostgreSQL; the table holds one small row per tenant)."""
    _posteriors_table("learning_posteriors_new", by_type=by_type)
    kept = "tenant_id, version, rewards, state, updated_at"
    if by_type:  # every stored posterior so far learned from deals only
        op.execute(f"INSERT INTO learning_posteriors_new (object_type, {kept}) "
                   f"SELECT 'deal', {kept} FROM learning_posteriors")
    else:
        op.execute(f"INSERT INTO learning_posteriors_new ({kept}) "
                   f"SELECT {kept} FROM learning_posteriors WHERE object_type = 'deal'")
    op.drop_table("learning_posteriors")
    op.rename_table("learning_posteriors_new", "learning_posteriors")


def upgrade() -> None:
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("object_type", sa.String(length=40), nullable=False, server_default="deal"))
    _rebuild_posteriors(by_type=True)


def downgrade() -> None:
    # The older schema knows deals only: the leads' outcomes, rewards and posteriors go.
    op.execute("DELETE FROM rewards WHERE outcome_id IN (SELECT id FROM outcomes WHERE object_type <> 'deal')")
    op.execute("DELETE FROM outcomes WHERE object_type <> 'deal'")
    _rebuild_posteriors(by_type=False)
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_column("object_type")
