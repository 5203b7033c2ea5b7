from django.core.management.base import BaseCommand

from apiwise.analytics.flush import flush_page_views


class Command(BaseCommand):
    help = (
        "Write the page views counted since the last flush to the database now (the worker "
        "does it every minute), and roll daily rows past the retention into monthly ones."
    )

    def handle(self, *args, **options):
        written = flush_page_views()
        if written is None:
            self.stdout.write("Another flush is running; its views will be written by it.")
        else:
            self.stdout.write(f"Wrote {written} page view{'s' if written != 1 else ''}.")
