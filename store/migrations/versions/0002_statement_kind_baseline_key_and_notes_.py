"""statement kind, baseline key and notes; observation authority

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 01:43:49.031958
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authority', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default='joint_statement'))
        batch_op.add_column(sa.Column('baseline_key', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_statements_baseline_key'), ['baseline_key'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_baseline_key'))
        batch_op.drop_column('notes')
        batch_op.drop_column('baseline_key')
        batch_op.drop_column('kind')

    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_column('authority')

