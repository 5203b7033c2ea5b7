"""The background worker for production: django-tasks-db's `db_worker`, made to outlive the
database going away, and keeping the outbox moving.

- A lost database connection (a PostgreSQL restart or failover) does not end the worker: it
  logs it, waits (1 s, doubling to 30 s) and carries on with a new connection. `db_worker`
  itself exits on it and stays down.
- A failed task is always logged at ERROR, whatever the verbosity (db_worker's
  `--verbosity 0` would silence it), so that it reaches ADMINS and Sentry
  (apiwise/error_reports.py).
- Every job in settings.WORKER_PERIODIC_JOBS runs on its own interval in a thread of its own
  (the e-mail outbox's recovery of lost or abandoned e-mails, every half minute), so that
  recovery needs no cron.

Options are db_worker's (`--queue-name "*" --no-reload` in production).
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.utils.module_loading import import_string
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("apiwise.worker")
MAX_BACKOFF_SECONDS = 30


class ResilientWorker(db_worker.Worker):
    def run(self):
        backoff = 1
        while self.running:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                logger.warning("Database unavailable (%s); retrying in %s s", error, backoff)
                connections.close_all()
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)


def run_periodically(path, seconds, stop):
    """Run the job at `path` every `seconds` until `stop` is set; a failure is logged and
    the next run tried on time."""
    job = import_string(path)
    while not stop.wait(seconds):
        try:
            job()
        except Exception:  # noqa: BLE001 - a periodic job must not stop the worker
            logger.exception("Periodic job %s failed", path)
        finally:
            connections.close_all()


class Command(db_worker.Command):
    help = (
        "Run the background worker: db_worker that survives database restarts and runs the "
        "periodic jobs in settings.WORKER_PERIODIC_JOBS."
    )

    def configure_logging(self, verbosity):
        super().configure_logging(verbosity)
        for name in (db_worker.TASKS_LOGGER, db_worker.logger.name):
            task_logger = logging.getLogger(name)
            task_logger.setLevel(min(task_logger.level, logging.ERROR))

    def handle(self, *args, **options):
        stop = threading.Event()
        if not options["batch"]:
            for path, seconds in settings.WORKER_PERIODIC_JOBS.items():
                thread = threading.Thread(
                    target=run_periodically, args=(path, seconds, stop), daemon=True
                )
                thread.start()
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
            stop.set()
