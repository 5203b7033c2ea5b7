from django.core.management.base import BaseCommand
from django.db import transaction

from apiwise import demo as site_demo
from apiwise import demo_services


class Command(BaseCommand):
    help = "Create the demo content (home page, guides, Health Check page). Safe to run twice."

    def handle(self, *args, **options):
        from blog import demo as blog_demo
        from bookings import demo as bookings_demo

        with transaction.atomic():
            home = site_demo.load_site()
            # The Health Check page first: guides' calls to action link to it.
            bookings_demo.load(home)
            site_demo.link_home_to_health_check(home)
            blog_demo.load(home)
            # After the Health Check page: the home page's Health Check card links to it.
            demo_services.load(home)
            site_demo.load_navigation(home)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
