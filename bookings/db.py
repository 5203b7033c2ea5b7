"""Database helpers for PostgreSQL-only features, so that SQLite (`make run`) still migrates."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations


def is_postgres(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


class PostgresOnlyBtreeGistExtension(BtreeGistExtension):
    """CREATE EXTENSION btree_gist on PostgreSQL; nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyAddConstraint(migrations.AddConstraint):
    """Adds the constraint to the model state everywhere, to the database on PostgreSQL only
    (an exclusion constraint cannot exist on SQLite)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if is_postgres(schema_editor):
            super().database_backwards(app_label, schema_editor, from_state, to_state)
