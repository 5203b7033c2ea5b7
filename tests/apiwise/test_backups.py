"""A backup restores into a new, empty database and the site serves the same pages and the
same bookings from it (PostgreSQL, real pg_dump and pg_restore, gunicorn).

The commands run as an operator runs them: `manage.py backup` and `manage.py restore` in their
own processes with the production settings, as the role the site uses (not a superuser)."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from django.core.management import CommandError, call_command
from psycopg import sql

from scripts.site_server import server_env, start_server
from tests.helpers import PUBLIC_PAGES, ROOT
from tests.servers import free_port

pytestmark = pytest.mark.slow

BOOKINGS = [
    ("Grace Hopper", "grace@example.com"),
    ("Katherine Johnson", "katherine@example.org"),
    ("Alan Turing", "alan@example.net"),
]


def fill_original():
    """Run inside `manage.py shell` against the original database: the site as a new
    deployment has it, with the demo content, some bookings and an uploaded image."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    from bookings.models import Status
    from tests.helpers import make_booking

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    for name, email in BOOKINGS:
        make_booking(name=name, email=email)
    make_booking(name="Spam Bot", email="bot@example.invalid", status=Status.SPAM)
    picture = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "teal").save(picture, "PNG")
    Image.objects.create(title="Team photo", file=ImageFile(picture, name="team.png"))


@pytest.fixture
def scratch_databases():
    """Two new databases with unique names (the original and the restore target), created
    and dropped by the test's role."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("backups are of PostgreSQL: set DATABASE_URL (CI does)")
    base = dj_database_url.parse(url)
    suffix = uuid.uuid4().hex[:10]
    names = {"original": f"apiwise_backup_{suffix}", "restored": f"apiwise_restore_{suffix}"}
    admin = psycopg.connect(url, autocommit=True)
    for name in names.values():
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {
            key: (
                f"postgres://{base['USER']}:{base['PASSWORD']}@{base['HOST']}:{base['PORT']}/{name}"
            )
            for key, name in names.items()
        }
    finally:
        for name in names.values():
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _normalised(html):
    """The page without what differs on every response (CSP nonces, CSRF and form tokens)."""
    html = re.sub(r'\snonce="[^"]*"', "", html)
    return re.sub(
        r'(<input[^>]*type="hidden"[^>]*?)\svalue="[^"]*"', r'\1 value=""', html, flags=re.S
    )


def _pages(env, port, workdir):
    serving = {**env, "DJANGO_SETTINGS_MODULE": "apiwise.settings.test"}
    with (workdir / f"gunicorn-{port}.log").open("a") as log:
        server, base = start_server(serving, port, log, workers=1)
        try:
            pages = {}
            for path in PUBLIC_PAGES:
                with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                    assert response.status == 200, path
                    pages[path] = _normalised(response.read().decode())
            return pages
        finally:
            server.terminate()
            server.wait(timeout=30)


def _rows(url):
    with psycopg.connect(url) as connection:
        bookings = connection.execute(
            "SELECT reference, name, email, status, problem FROM bookings_booking"
            " ORDER BY reference"
        ).fetchall()
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        counts = {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }
    return bookings, counts


def _files(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def test_a_backup_restores_into_a_new_database_that_serves_the_same_site(
    scratch_databases, tmp_path
):
    port = free_port()  # both copies are served on one address, as the Site record says
    original = server_env(tmp_path, port, scratch_databases["original"])
    original.update(MEDIA_ROOT=str(tmp_path / "media"), PORT=str(port))
    _manage(
        {**original, "DJANGO_SETTINGS_MODULE": "apiwise.settings.test"},
        "shell",
        "-c",
        "from tests.apiwise.test_backups import fill_original; fill_original()",
    )
    pages_before = _pages(original, port, tmp_path)
    bookings_before, counts_before = _rows(scratch_databases["original"])
    assert sorted(row[1] for row in bookings_before) == sorted(
        [*(name for name, _ in BOOKINGS), "Spam Bot"]
    )

    started = time.monotonic()
    output = backup_output = _manage(original, "backup", "--dir", str(tmp_path / "backups"))
    backup_seconds = time.monotonic() - started
    [backup] = (tmp_path / "backups").iterdir()
    assert f"Backed up to {backup}" in output
    assert {p.name for p in backup.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    restored = {**original, "MEDIA_ROOT": str(tmp_path / "media-restored")}
    started = time.monotonic()
    output = _manage(
        restored, "restore", str(backup), "--database-url", scratch_databases["restored"]
    )
    restore_seconds = time.monotonic() - started
    dump_bytes = (backup / "database.dump").stat().st_size
    print(f"\nbackup: {backup_seconds:.1f} s, restore: {restore_seconds:.1f} s (with start-up)")
    print(
        f"database.dump: {dump_bytes / 1e6:.1f} MB, media: {len(_files(tmp_path / 'media'))} files"
    )
    print(backup_output.strip(), output.strip(), sep="\n")

    bookings_after, counts_after = _rows(scratch_databases["restored"])
    assert bookings_after == bookings_before
    assert counts_after == counts_before
    assert _files(tmp_path / "media-restored") == _files(tmp_path / "media")
    assert any(name.startswith("original_images/team") for name in _files(tmp_path / "media"))
    assert _pages(restored, port, tmp_path) == pages_before

    # Restoring again over the restored database is refused, and so is a damaged backup,
    # before anything is touched.
    with pytest.raises(CommandError, match="is not empty"):
        call_command(
            "restore",
            str(backup),
            database_url=scratch_databases["restored"],
            media_root=str(tmp_path / "other-media"),
        )
    damaged = tmp_path / "damaged"
    shutil.copytree(backup, damaged)
    with (damaged / "database.dump").open("ab") as dump:
        dump.write(b"\0")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged), database_url=scratch_databases["original"])
