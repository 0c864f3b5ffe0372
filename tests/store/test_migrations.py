from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from store.engine import current_revision, upgrade


def test_the_migrations_build_exactly_the_tables_the_code_uses(engine):
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []


def test_upgrading_twice_is_harmless(engine):
    upgrade(engine)
    assert current_revision(engine) == "0002"
