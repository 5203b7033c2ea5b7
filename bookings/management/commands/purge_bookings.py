from django.conf import settings
from django.core.management.base import BaseCommand

from bookings.privacy import purge


class Command(BaseCommand):
    help = (
        "Retention for Health Check requests: delete spam older than "
        "BOOKINGS_SPAM_RETENTION_DAYS and anonymise requests that did not become clients after "
        "BOOKINGS_ANONYMISE_AFTER_DAYS. Safe to run daily."
    )

    def handle(self, *args, **options):
        deleted, anonymised = purge()
        if options["verbosity"]:
            self.stdout.write(
                f"Deleted {deleted} spam request(s) older than "
                f"{settings.BOOKINGS_SPAM_RETENTION_DAYS} days; anonymised {anonymised} "
                f"request(s) older than {settings.BOOKINGS_ANONYMISE_AFTER_DAYS} days."
            )
