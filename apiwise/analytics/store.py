"""Page views held for at most a minute before flush.py writes them to PostgreSQL.

With Redis (PAGE_VIEWS_REDIS_URL, production's REDIS_URL) every web process, and the counter
reading Varnish's log (varnish_counter.py), adds to one hash, a counter per (day, page, source)
combination, and the worker empties it every minute: one round trip per view from a web
process, one per half second from the counter, shared by every server. Without Redis (`make
run`, tests) each process keeps a bounded dict of counters and writes it out itself every
minute.

Either way a crash loses at most the last minute's counts, and a flood of made-up pages or
sources cannot grow the store without bound: past PAGE_VIEWS_MAX_PENDING distinct
combinations, new ones wait for the next flush (they are not counted).
"""

import logging
import threading
from collections import Counter
from functools import cache

from django.conf import settings

logger = logging.getLogger(__name__)
PENDING = "pageviews:pending"
FLUSHING = "pageviews:flushing"
FLUSH_LOCK = "pageviews:flush-lock"
FIELDS = (
    "path",
    "referrer_host",
    "previous_path",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "device",
)
SEPARATOR = "\t"  # never in a path, host or utm value once the beacon has checked them


def encode(view, day):
    values = [day.isoformat(), *(getattr(view, name) for name in FIELDS)]
    return SEPARATOR.join(value.replace(SEPARATOR, " ") for value in values)


def decode(field):
    """(day as text, {field: value}) from a counter's name."""
    day, *values = field.split(SEPARATOR)
    return day, dict(zip(FIELDS, values, strict=True))


@cache
def _redis(url):
    import redis

    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def redis_client():
    url = settings.PAGE_VIEWS_REDIS_URL
    return _redis(url) if url else None


class LocalBuffer:
    """The counters of this process. `start_timer` (flush.start_flush_timer, set when the app
    is ready) starts, with the first view, a thread that writes them every minute."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.timer = None
        self.start_timer = None

    def add(self, field, views=1):
        with self.lock:
            if field not in self.counts and len(self.counts) >= settings.PAGE_VIEWS_MAX_PENDING:
                return False
            self.counts[field] += views
            if self.timer is None and self.start_timer and settings.PAGE_VIEWS_PROCESS_FLUSH:
                self.timer = self.start_timer()
            return True

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, Counter()
            return counts


local_buffer = LocalBuffer()


def count(view, day):
    """Add one view. Never raises: a reader's page must not notice a counter's trouble."""
    add_counts({encode(view, day): 1})


def add_counts(counts):
    """Add {counter field: views} at once: one pipelined round trip to Redis, however many
    (varnish_counter.py writes half a second's views this way). Counters new in this batch
    past PAGE_VIEWS_MAX_PENDING are dropped. Never raises."""
    if not counts:
        return
    client = redis_client()
    if client is None:
        for field, views in counts.items():
            local_buffer.add(field, views)
        return
    try:
        pipe = client.pipeline(transaction=False)
        for field, views in counts.items():
            pipe.hincrby(PENDING, field, views)
        pipe.hlen(PENDING)
        *values, size = pipe.execute()
        over = size - settings.PAGE_VIEWS_MAX_PENDING
        if over > 0:
            # A counter whose value is this batch's views alone was new: no room for it.
            added = zip(counts.items(), values, strict=True)
            new = [field for (field, views), value in added if value == views]
            if new:
                client.hdel(PENDING, *new[:over])
    except Exception:  # noqa: BLE001 - Redis away: these views are lost, the page is fine
        logger.warning("Could not count page views in Redis", exc_info=True)


def take_pending():
    """Every pending counter, {field: views}, removed from the store. With Redis, the hash is
    renamed first so views keep counting meanwhile; a flush that died before writing leaves
    its hash under FLUSHING, and the next one writes it. A lock keeps two workers from
    writing the same counts twice. None when another flush holds the lock."""
    client = redis_client()
    if client is None:
        return dict(local_buffer.take())
    if not client.set(FLUSH_LOCK, "1", nx=True, ex=50):
        return None
    if not client.exists(FLUSHING):
        try:
            client.rename(PENDING, FLUSHING)
        except Exception as error:  # noqa: BLE001 - nothing pending
            if "no such key" not in str(error).lower():
                raise
            return {}
    raw = client.hgetall(FLUSHING)
    return {key.decode(): int(value) for key, value in raw.items()}


def give_back(counts):
    """A flush that could not write: keep its counts for the next one. (With Redis they are
    still in the FLUSHING hash; only the lock goes.)"""
    client = redis_client()
    if client is None:
        with local_buffer.lock:
            local_buffer.counts.update(counts)
    else:
        client.delete(FLUSH_LOCK)


def done_with_pending():
    """The counts taken are in the database: let them go, and let the next flush run."""
    client = redis_client()
    if client is not None:
        client.delete(FLUSHING, FLUSH_LOCK)
