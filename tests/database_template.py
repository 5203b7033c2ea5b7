"""One test database built per run, copied for each test process.

Every test process (pytest-xdist) needs a database with the migrations applied and the demo
content loaded: about 50 s of CPU each (migrations 32 s, the demo 17 s, measured here), and
on a two-core machine three processes building the same thing at once cost a minute and a
half of the run. On PostgreSQL the first process to get here builds its database as before
and keeps a copy as a template (CREATE DATABASE … TEMPLATE, under a second), and the others,
waiting on a file lock meanwhile, start from copies of it. The copies include the snapshots
(tests/database_snapshot.py keeps them in schemas of the same database); the media files the
demo's rows name are copied from the builder's snapshot folders.

SQLite, and a run in one process, build as before.
"""

import contextlib
import fcntl
import json
import tempfile
from pathlib import Path

from django.db import connection


def _quote(name):
    return connection.ops.quote_name(name)


class SharedBuild:
    """The run's coordination: a lock file and, once built, a note of the template's name and
    the snapshots' media folders, both named after the run (xdist's testrun_uid)."""

    def __init__(self, run_id):
        folder = Path(tempfile.gettempdir())
        self.lock_path = folder / f"apiwise-test-db-{run_id}.lock"
        self.note_path = folder / f"apiwise-test-db-{run_id}.json"

    @contextlib.contextmanager
    def turn(self):
        """Held by one process at a time: the builder for the whole build."""
        with self.lock_path.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def built(self):
        """The builder's note, or None before anyone has built."""
        try:
            return json.loads(self.note_path.read_text())
        except (OSError, ValueError):
            return None

    def publish(self, template, snapshots):
        note = {"template": template, "media": {n: str(s.media) for n, s in snapshots.items()}}
        self.note_path.write_text(json.dumps(note))

    def forget(self):
        for path in (self.lock_path, self.note_path):
            path.unlink(missing_ok=True)


def keep_as_template(test_database):
    """Copy the test database (just built) to a template for the other processes; its name."""
    template = f"{test_database}_template"
    connection.close()  # CREATE DATABASE … TEMPLATE needs the source to have no sessions
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(template)}")
        cursor.execute(f"CREATE DATABASE {_quote(template)} TEMPLATE {_quote(test_database)}")
    return template


def copy_template(template):
    """Make this process's test database a copy of the template and point Django at it, as
    Django's own create_test_db does. Returns the name the settings had (for teardown), or
    None when the template is gone (the caller builds instead)."""
    from django.conf import settings

    creation = connection.creation
    original_name = connection.settings_dict["NAME"]
    test_database = creation._get_test_db_name()
    try:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(test_database)}")
            cursor.execute(f"CREATE DATABASE {_quote(test_database)} TEMPLATE {_quote(template)}")
    except Exception:  # noqa: BLE001 - the builder finished and dropped it: build instead
        return None
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_database
    connection.settings_dict["NAME"] = test_database
    return original_name


def drop_template(template):
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(template)}")
