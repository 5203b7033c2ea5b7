"""Count the page views Varnish answered itself (docker-compose.yml's `counter` service).

Runs beside varnishd, with its working directory: reads its log through varnishncsa
(restarted if it ends) and adds the views that count to the store every half second. SIGTERM
or Ctrl+C writes what is pending and ends. See apiwise/analytics/varnish_counter.py.
"""

import signal

from django.core.management.base import BaseCommand

from apiwise.analytics.varnish_counter import VarnishViewCounter


class Command(BaseCommand):
    help = "Count the page-view beacons Varnish answered, from its log (varnishncsa)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--varnish-name",
            required=True,
            help="varnishd's working directory (its -n), e.g. /var/lib/varnish/varnishd",
        )
        parser.add_argument(
            "--varnishncsa", default="varnishncsa", help="the program (default: from PATH)"
        )
        parser.add_argument(
            "--interval", type=float, default=0.5, help="seconds between writes (default 0.5)"
        )

    def handle(self, *args, **options):
        counter = VarnishViewCounter(
            options["varnish_name"], options["interval"], options["varnishncsa"]
        )
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: counter.stop.set())
        counter.run()
