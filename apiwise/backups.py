# ruff: noqa: S603 - runs PostgreSQL's own client programs (pg_dump, pg_restore) by design
"""Backups of the database and the uploaded media, and restoring them into an empty database
(`manage.py backup`, `manage.py restore`; `make backup`, `make restore`).

A backup is one folder, `apiwise-<UTC time>/`, holding:

- `database.dump`: `pg_dump --format=custom` of the whole database (pages, bookings, e-mail
  outbox, task queue, sessions);
- `media.tar.gz`: MEDIA_ROOT (uploaded images, their renditions, documents), when media live on
  the local disk. With object storage (MEDIA_S3_BUCKET) the bucket's own versioning or
  replication is the media backup and nothing is copied;
- `manifest.json`: what is in it, with the SHA-256 of each file.

The folder is written under a hidden `.partial` name and renamed when complete, so a backup
that was cut short is never taken for a good one. A restore checks every checksum before it
touches anything, refuses a database (or media folder) that is not empty unless forced, and
restores in one transaction: it either restores everything or leaves the database as it was.
"""

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import psycopg
from django.conf import settings

MANIFEST = "manifest.json"
DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    """Why a backup or restore could not be made; nothing was changed."""


# --- PostgreSQL -----------------------------------------------------------------------------


def _check_postgresql(database):
    if "postgresql" not in database["ENGINE"]:
        raise BackupError(
            "Backups need PostgreSQL (DATABASE_URL); a SQLite database is one file to copy."
        )


def _libpq_env(database):
    """The connection for pg_dump and pg_restore, in libpq's variables: a password on the
    command line would show in the process list."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _connect(database):
    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        connect_timeout=10,
    )


def server_major_version(database):
    with _connect(database) as connection:
        return connection.info.server_version // 10000


def is_empty(database):
    """Whether the database has no tables, views or sequences of its own."""
    with _connect(database) as connection:
        [(count,)] = connection.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')"
            " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            " AND n.nspname NOT LIKE 'pg_toast%%'"
        ).fetchall()
    return count == 0


def _program_major_version(program):
    output = subprocess.run(
        [program, "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else 0


def pg_program(name, server_major):
    """pg_dump or pg_restore for the server's major version: Debian keeps each version's in
    /usr/lib/postgresql/<major>/bin; otherwise the one on PATH, if it is new enough (an older
    pg_dump refuses a newer server)."""
    candidates = [Path(f"/usr/lib/postgresql/{server_major}/bin/{name}")]
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.exists() and _program_major_version(str(candidate)) >= server_major:
            return str(candidate)
    raise BackupError(
        f"No {name} for PostgreSQL {server_major}: install the client programs of that version "
        f"(Debian: postgresql-client-{server_major})."
    )


def _run(command, database):
    result = subprocess.run(command, env=_libpq_env(database), capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed:\n{result.stderr.strip()}")


# --- Files ----------------------------------------------------------------------------------


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def media_on_local_disk():
    return settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")


def _has_files(folder):
    return folder.exists() and any(folder.iterdir())


# --- Backup and restore ---------------------------------------------------------------------


def back_up(destination, database, media_root):
    """Write a backup folder under `destination`; return its path."""
    _check_postgresql(database)
    major = server_major_version(database)
    pg_dump = pg_program("pg_dump", major)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    final = Path(destination) / f"apiwise-{stamp}"
    partial = Path(destination) / f".apiwise-{stamp}.partial"
    if final.exists():
        raise BackupError(f"{final} already exists")
    partial.mkdir(parents=True)
    try:
        _run([pg_dump, "--format=custom", "--file", str(partial / DATABASE_FILE)], database)
        if media_on_local_disk():
            with tarfile.open(partial / MEDIA_FILE, "w:gz") as archive:
                if Path(media_root).exists():
                    archive.add(media_root, arcname=".")
            media = "included"
        else:
            media = "object storage: not copied (its versioning or replication backs it up)"
        files = sorted(path.name for path in partial.iterdir())
        manifest = {
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": database["NAME"],
            "postgresql_major_version": major,
            "media": media,
            "files": {
                name: {"sha256": sha256(partial / name), "bytes": (partial / name).stat().st_size}
                for name in files
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def verify(backup):
    """The backup's manifest, once every file in it matches its checksum."""
    backup = Path(backup)
    try:
        manifest = json.loads((backup / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{backup} has no readable {MANIFEST}: {error}") from error
    if DATABASE_FILE not in manifest.get("files", {}):
        raise BackupError(f"{backup} has no {DATABASE_FILE}")
    for name, expected in manifest["files"].items():
        path = backup / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise BackupError(f"{path} is missing or damaged (its checksum does not match)")
    return manifest


def restore(backup, database, media_root, force=False):
    """Restore the backup into `database` (and its media into `media_root`)."""
    _check_postgresql(database)
    backup, media_root = Path(backup), Path(media_root)
    manifest = verify(backup)
    if not force and not is_empty(database):
        raise BackupError(
            f"The database {database['NAME']} is not empty: restore into a new empty database "
            "(or pass --force to replace what is in it)."
        )
    has_media = MEDIA_FILE in manifest["files"]
    if has_media and not force and _has_files(media_root):
        raise BackupError(f"The media folder {media_root} is not empty (or pass --force).")

    pg_restore = pg_program("pg_restore", server_major_version(database))
    command = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error"]
    # All or nothing: a failure part-way leaves the database as it was.
    command += ["--single-transaction", "--dbname", database["NAME"]]
    if force:
        command += ["--clean", "--if-exists"]
    _run([*command, str(backup / DATABASE_FILE)], database)
    if has_media:
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(backup / MEDIA_FILE) as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(media_root, filter="data")
    return manifest
