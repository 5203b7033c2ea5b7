"""`make run`'s scheduler: Wagtail's `publish_scheduled` in a loop, so that a page an editor
scheduled goes live (or expires) on time without anyone running a command.

It runs every --every seconds, and sooner when the next go-live or expiry date it can see is
nearer than that: a page scheduled for 09:00 goes live at 09:00, not up to half a minute
later. (Production's scheduler in docker-compose.yml runs the same command every minute.)
SIGINT or SIGTERM stops it between runs.
"""

import logging
import signal
import threading

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils import timezone
from wagtail.models import DraftStateMixin, Revision

logger = logging.getLogger("apiwise.scheduler")
SOONEST_SECONDS = 0.5  # a date a moment away: give the clock time to pass it


def next_due():
    """The earliest future go-live or expiry date, or None."""
    now = timezone.now()
    dates = [
        Revision.objects.filter(approved_go_live_at__gt=now)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    ]
    for model in apps.get_models():
        if issubclass(model, DraftStateMixin) and not model._meta.abstract:
            dates.append(
                model._default_manager.filter(live=True, expire_at__gt=now)
                .order_by("expire_at")
                .values_list("expire_at", flat=True)
                .first()
            )
    return min((date for date in dates if date is not None), default=None)


def due_now():
    """What publish_scheduled is about to do, in words, for the log."""
    from wagtail.models import Page

    now = timezone.now()
    going_live = Revision.objects.filter(approved_go_live_at__lt=now)
    expiring = Page.objects.filter(live=True, expire_at__lt=now)
    return [f"going live: {title}" for title in going_live.values_list("object_str", flat=True)] + [
        f"expiring: {title}" for title in expiring.values_list("title", flat=True)
    ]


def seconds_until_next_run(every):
    due = next_due()
    if due is None:
        return every
    return min(every, max(SOONEST_SECONDS, (due - timezone.now()).total_seconds()))


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages (Wagtail's publish_scheduled) in a loop."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=30, help="Seconds between runs.")

    def handle(self, *args, every, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Publishing scheduled pages every {every:g} s, or when one is due")
        while not stop.is_set():
            wait = every
            try:
                due = due_now()
                call_command("publish_scheduled")
                for what in due:
                    self.stdout.write(f"Scheduled: {what}")
                wait = seconds_until_next_run(every)
            except Exception:  # noqa: BLE001 - a failed run must not stop the scheduler
                logger.exception("publish_scheduled failed; trying again in %s s", every)
            finally:
                connections.close_all()
            stop.wait(wait)
