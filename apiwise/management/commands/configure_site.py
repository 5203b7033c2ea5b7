from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apiwise.site_address import apply_site_url


class Command(BaseCommand):
    help = "Point the default Wagtail Site at SITE_URL (run at every deploy, after migrate)."

    def handle(self, *args, **options):
        if not settings.SITE_URL:
            raise CommandError("SITE_URL is not set (e.g. SITE_URL=https://apiwise.example).")
        site = apply_site_url()
        if site is None:
            raise CommandError("There is no default Site yet: load the content first.")
        self.stdout.write(f"The default Site is {site.root_url}.")
