"""`manage.py backup`: the database (pg_dump) and the local media in one checked folder."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apiwise.backups import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format) and MEDIA_ROOT into a new folder "
        "apiwise-<UTC time>/ with a checksum manifest. Copy that folder off the server."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=str(settings.VAR_DIR / "backups"),
            help="Where to write the backup folder (default: var/backups).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            folder = back_up(
                Path(options["dir"]), settings.DATABASES["default"], settings.MEDIA_ROOT
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder} in {seconds:.1f} s"))
