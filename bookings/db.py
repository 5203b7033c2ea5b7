"""Database helpers for PostgreSQL-only features, so that SQLite (`make run`) still migrates."""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations


def is_postgres(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


class PostgresOnly:
    """Runs a migration operation's database step on PostgreSQL only; the model state changes
    everywhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyBtreeGistExtension(PostgresOnly, BtreeGistExtension):
    """CREATE EXTENSION btree_gist on PostgreSQL; nothing on other databases."""


class PostgresOnlyAddConstraint(PostgresOnly, migrations.AddConstraint):
    """An exclusion constraint cannot exist on SQLite."""


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint on PostgreSQL and nothing on SQLite, which has no such thing.
    PostgresOnlyAddConstraint alone is not enough: SQLite alters a table by rebuilding it
    from the model state, constraints included, so every later change to the bookings table
    would write EXCLUDE into SQLite's CREATE TABLE."""

    def constraint_sql(self, model, schema_editor):
        if is_postgres(schema_editor):
            return super().constraint_sql(model, schema_editor)
        return None

    def create_sql(self, model, schema_editor):
        if is_postgres(schema_editor):
            return super().create_sql(model, schema_editor)
        return None

    def remove_sql(self, model, schema_editor):
        if is_postgres(schema_editor):
            return super().remove_sql(model, schema_editor)
        return None
