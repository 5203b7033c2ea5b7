from django.core.management.base import BaseCommand

from apiwise.outbox import requeue_stale


class Command(BaseCommand):
    help = (
        "Re-queue e-mails whose task was lost (a worker killed mid-send, a crash "
        "before enqueueing, a retry an in-process backend could not defer). Safe to run from "
        "cron every few minutes."
    )

    def handle(self, *args, **options):
        count = requeue_stale()
        if options["verbosity"]:
            self.stdout.write(f"Re-queued {count} e-mail(s).")
