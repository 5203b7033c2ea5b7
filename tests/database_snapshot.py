"""Copies of the whole test database that a transactional test can return to in a fraction of
a second, instead of loading the demo content again (about 5 s: it publishes every guide and
draws its social card).

A transactional test commits for real, so Django empties every table when it ends. The next
one that needs the demo content restores it from a snapshot taken once per test session:

- PostgreSQL: a schema of its own holds a copy of every table; restoring empties the
  site's tables and copies the rows back, one statement each, in one transaction (foreign keys
  are checked at the end, so the order does not matter). DELETE, not TRUNCATE: on a hundred
  small tables TRUNCATE costs about a second (a new file per table), DELETE a tenth of that.
- SQLite: the whole database, copied with SQLite's own backup API, in memory.
- The media files the rows name (uploaded images, social cards): copied aside, and copied
  back over MEDIA_ROOT, since a test may replace or delete one.

The rows come back with their ids. Id sequences only move forward and were past every row
when the snapshot was taken, so new rows never collide with restored ones.
"""

import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction


def _tables():
    # Every table of an installed model (not django_migrations, which a flush also keeps).
    return sorted(connection.introspection.django_table_names(only_existing=True))


class DatabaseSnapshot:
    def __init__(self, name):
        self.name = name
        self.copy = None  # SQLite: a connection to an in-memory copy
        self.media = Path(tempfile.mkdtemp(prefix=f"snapshot-{name}-")) / "media"

    @classmethod
    def taken_by_another_process(cls, name, media):
        """A snapshot that came with a copy of the database another test process built
        (tests/database_template.py): its rows are in the copy, its media files in `media`,
        which are put in this process's MEDIA_ROOT now."""
        snapshot = cls.__new__(cls)
        snapshot.name, snapshot.copy, snapshot.media = name, None, Path(media)
        snapshot._restore_media()
        return snapshot

    def _take_media(self):
        if Path(settings.MEDIA_ROOT).is_dir():
            shutil.copytree(settings.MEDIA_ROOT, self.media)

    def _restore_media(self):
        if self.media.is_dir():
            shutil.copytree(self.media, settings.MEDIA_ROOT, dirs_exist_ok=True)

    def take(self):
        self._take_media()
        if connection.vendor == "postgresql":
            quote = connection.ops.quote_name
            schema = quote(f"snapshot_{self.name}")
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                cursor.execute(f"CREATE SCHEMA {schema}")
                for table in _tables():
                    cursor.execute(
                        f"CREATE TABLE {schema}.{quote(table)} AS TABLE public.{quote(table)}"
                    )
        else:
            connection.ensure_connection()
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        return self

    def restore(self):
        self._restore_media()
        if connection.vendor == "postgresql":
            quote = connection.ops.quote_name
            schema = quote(f"snapshot_{self.name}")
            tables = _tables()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                for table in tables:
                    cursor.execute(f"DELETE FROM public.{quote(table)}")  # noqa: S608
                for table in tables:
                    # Table names come from Django's introspection, quoted: no outside input.
                    source = f"{schema}.{quote(table)}"
                    cursor.execute(f"INSERT INTO public.{quote(table)} SELECT * FROM {source}")  # noqa: S608
        else:
            connection.ensure_connection()
            self.copy.backup(connection.connection)
