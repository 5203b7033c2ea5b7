"""`make run`: the web server, the worker and the scheduler in one command (see
apiwise/dev_processes.py). Ctrl-C stops all three."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from apiwise.dev_processes import DevProcesses


class Command(BaseCommand):
    help = (
        "Run what production runs, for development: runserver, the background worker "
        "(run_worker) and the scheduler (run_scheduler). Ctrl-C stops them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--noreload",
            action="store_true",
            help="Do not restart the web server and the worker when the code changes.",
        )

    def handle(self, *args, addrport, noreload, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        web = [*manage, "runserver", addrport]
        worker = [*manage, "run_worker", "--queue-name", "*"]
        if noreload:
            web.append("--noreload")
            worker.append("--no-reload")
        processes = DevProcesses(
            [("web", web), ("worker", worker), ("scheduler", [*manage, "run_scheduler"])]
        )
        sys.exit(processes.run())
