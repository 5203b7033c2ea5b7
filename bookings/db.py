"""Database helpers for PostgreSQL-only features, so that SQLite (`make run`) still migrates."""

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
