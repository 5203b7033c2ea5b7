"""Pending page views into PostgreSQL: one row per UK day, page and source, added to the row
already there. The worker runs `flush_page_views` every minute (WORKER_PERIODIC_JOBS), and so
does `python manage.py flush_page_views`, at once.

Only paths of live pages of the default site are kept (a made-up path sent to the endpoint
is dropped here), and the previous page likewise. Daily rows older than
PAGE_VIEWS_DAILY_MONTHS whole months are then rolled up into one row per month.
"""

import atexit
import datetime as dt
import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, Site

from apiwise.analytics import store
from apiwise.models.page_views import DIMENSIONS, PageViewCount

logger = logging.getLogger(__name__)


def live_pages_by_path(paths):
    """{site path: page id} for those of `paths` that are live pages of the default site."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None or not paths:
        return {}
    root = site.root_page.url_path  # '/home/'; a page's url_path starts with it
    wanted = {root + path.lstrip("/"): path for path in paths}
    pages = Page.objects.live().filter(url_path__in=wanted).values_list("url_path", "pk")
    return {wanted[url_path]: pk for url_path, pk in pages}


def rows_from(pending):
    """{dimension values: views} for the pending counters, pages resolved, junk dropped."""
    decoded = [(store.decode(field), views) for field, views in pending.items()]
    paths = {values[name] for (_, values), _ in decoded for name in ("path", "previous_path")}
    pages = live_pages_by_path(paths - {""})
    rows = Counter()
    for (day, values), views in decoded:
        page_id = pages.get(values["path"])
        if page_id is None:
            continue
        previous = values["previous_path"] if values["previous_path"] in pages else ""
        key = (
            dt.date.fromisoformat(day),
            False,
            page_id,
            values["referrer_host"],
            previous,
            values["utm_source"],
            values["utm_medium"],
            values["utm_campaign"],
            values["device"],
        )
        rows[key] += views
    return rows


def add_rows(rows):
    """Add each row's views to the stored row with the same dimensions (or insert it)."""
    if not rows:
        return
    table = connection.ops.quote_name(PageViewCount._meta.db_table)
    columns = ", ".join(DIMENSIONS)
    placeholders = ", ".join(["%s"] * (len(DIMENSIONS) + 1))
    # Names from the model and placeholders only: every value is a query parameter.
    sql = (
        f"INSERT INTO {table} ({columns}, views) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({columns}) DO UPDATE SET views = {table}.views + excluded.views"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*key, views) for key, views in rows.items()])


def month_start(day, months_back=0):
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def roll_up_old_days(today):
    """Daily rows from before the first day of the month PAGE_VIEWS_DAILY_MONTHS months ago
    become monthly rows (day = the first of their month). Returns the daily rows rolled up."""
    cutoff = month_start(today, settings.PAGE_VIEWS_DAILY_MONTHS)
    old = PageViewCount.objects.filter(monthly=False, day__lt=cutoff)
    if not old.exists():
        return 0
    with transaction.atomic():
        rows = Counter()
        fields = [name for name in DIMENSIONS if name not in ("day", "monthly")]
        for row in old.values("day", *fields, "views").iterator():
            key = (month_start(row["day"]), True, *(row[name] for name in fields))
            rows[key] += row["views"]
        add_rows(rows)
        deleted, _ = old.delete()
    return deleted


def flush_page_views(today=None):
    """Write the pending views; returns how many were written (None if another flush was
    running). `today` is for tests; the worker passes nothing."""
    pending = store.take_pending()
    if pending is None:
        return None
    try:
        rows = rows_from(pending)
        with transaction.atomic():
            add_rows(rows)
    except Exception:
        store.give_back(pending)
        raise
    store.done_with_pending()
    dropped = sum(pending.values()) - sum(rows.values())
    if dropped:
        logger.info("Dropped %s page views of pages that are not live pages", dropped)
    roll_up_old_days(today or timezone.localdate())
    return sum(rows.values())


def _flush_every_minute(stop):
    while not stop.wait(settings.PAGE_VIEWS_FLUSH_SECONDS):
        try:
            flush_page_views()
        except Exception:  # noqa: BLE001 - the next minute tries again
            logger.exception("Writing page views to the database failed")


def start_flush_timer():
    """Without Redis: this web process writes its own counters every minute (apiwise/apps.py
    hands this to the store), and stops at exit (losing at most its last minute's counts)."""
    stop = threading.Event()
    atexit.register(stop.set)
    thread = threading.Thread(target=_flush_every_minute, args=(stop,), daemon=True)
    thread.start()
    return thread
