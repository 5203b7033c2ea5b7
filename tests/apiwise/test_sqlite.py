"""`make run` serves from SQLite: concurrent writes (a publish while the preview panel
autosaves) wait their turn instead of failing with "database is locked"."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT

# Eight threads each read then write in one transaction, as a page publish does; with
# SQLite's default deferred transactions some fail at once with "database is locked".
SCRIPT = """
import json, threading
import django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction, OperationalError
call_command("migrate", "blog", verbosity=0)
# Saving a topic queues its search-index update: make run keeps tasks in the database.
call_command("migrate", "django_tasks_database", verbosity=0)
from blog.models import Topic
errors = []

def writer(n):
    try:
        for i in range(15):
            try:
                with transaction.atomic():
                    Topic.objects.count()
                    Topic.objects.create(name=f"t{n}-{i}", slug=f"t{n}-{i}")
            except OperationalError as error:
                errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors[:3], "count": Topic.objects.count(), "mode": mode}))
"""


@pytest.mark.slow  # starts Django in a process of its own
def test_concurrent_writes_to_sqlite_wait_instead_of_failing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="apiwise.settings.dev", VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["count"] == 8 * 15
    assert outcome["mode"] == "wal"
