"""`manage.py restore FOLDER`: a backup from `manage.py backup` into an empty database."""

import time

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apiwise.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into an empty PostgreSQL database (checksums first; a "
        "non-empty database or media folder is refused unless --force), then its media."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The apiwise-<UTC time> folder to restore.")
        parser.add_argument(
            "--database-url",
            help="The database to restore into (default: DATABASE_URL, the site's own).",
        )
        parser.add_argument(
            "--media-root",
            default=str(settings.MEDIA_ROOT),
            help="Where to unpack the media (default: MEDIA_ROOT).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what the database and the media folder already hold.",
        )

    def handle(self, *args, **options):
        database = (
            dj_database_url.parse(options["database_url"])
            if options["database_url"]
            else settings.DATABASES["default"]
        )
        started = time.monotonic()
        try:
            manifest = restore(
                options["backup"], database, options["media_root"], force=options["force"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']} into {database['NAME']} "
                f"in {seconds:.1f} s (media: {manifest['media']})"
            )
        )
