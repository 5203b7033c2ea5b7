"""Which errors are e-mailed to ADMINS, and how often (apiwise/error_reports.py sends them).

A stranger must not be able to fill the admins' inbox: a 3 MB form post, a post with 1,100
fields or a health probe during a database restart each used to send one e-mail.

- Not mailed, only logged: Django's security warnings (`django.security.*`: a post too big,
  too many fields, a forged host), any response below 500 (the visitor's mistake, not ours)
  and the site's own 503s (the database is unreachable: /healthz and every page say so to the
  visitor, with Retry-After; a restart is not a fault to wake anyone for).
- Everything else (a real 500, a failed background task) is mailed once per distinct error
  per settings.ERROR_MAIL_WINDOW_SECONDS (10 minutes). An error is the same when it is the
  same exception type raised at the same line (or, without an exception, the same message
  template) from the same logger and URL pattern. Those held back are counted, and the next
  e-mail about that error says how many there were.

The window and the counts live in the shared cache (Redis), so all server processes keep one
window. If the cache cannot be reached, each process keeps its own in memory.
"""

import hashlib
import threading
import time
import traceback

from django.conf import settings
from django.core.cache import cache

SUPPRESSED_KEEP_SECONDS = 24 * 60 * 60
# The site's own answer to a database outage (apiwise/views.py), not a fault.
DELIBERATE_STATUSES = {503}

_local = {}  # fingerprint -> [sent at, suppressed since]: only while the cache is down
_local_lock = threading.Lock()


def now():
    return time.time()


def is_mailed(record):
    """Whether this log record is worth an e-mail at all."""
    if record.name.startswith("django.security"):
        return False
    status = getattr(record, "status_code", None)
    return status is None or (status >= 500 and status not in DELIBERATE_STATUSES)


def fingerprint(record):
    """What makes two errors the same one."""
    parts = [record.name]
    exc_type, _error, trace = record.exc_info or (None, None, None)
    if exc_type is not None:
        frames = traceback.extract_tb(trace) if trace else []
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        parts += [f"{exc_type.__module__}.{exc_type.__qualname__}", where]
    else:
        parts.append(str(record.msg))
    match = getattr(getattr(record, "request", None), "resolver_match", None)
    if match is not None:
        parts.append(str(match.route))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def claim(key):
    """None when an e-mail about this error went out within the window (this one is counted);
    otherwise how many were held back since the last e-mail about it, and the window starts
    again."""
    try:
        return _claim_in_cache(key)
    except Exception:  # noqa: BLE001 - the cache is down: an error report must still work
        return _claim_locally(key)


def _claim_in_cache(key):
    window = settings.ERROR_MAIL_WINDOW_SECONDS
    sent_key, count_key = f"error-mail:sent:{key}", f"error-mail:held:{key}"
    sent_at = cache.get(sent_key)
    if sent_at is not None and now() - sent_at < window:
        cache.add(count_key, 0, SUPPRESSED_KEEP_SECONDS)
        cache.incr(count_key)
        return None
    if sent_at is None:
        if not cache.add(sent_key, now(), window):
            return _claim_in_cache(key)  # another process claimed it a moment ago
    else:
        cache.set(sent_key, now(), window)  # the window is over, though its key lingers
    held = cache.get(count_key) or 0
    if held:
        cache.decr(count_key, held)  # keeps any counted meanwhile by other processes
    return held


def _claim_locally(key):
    with _local_lock:
        sent_at, held = _local.get(key, (None, 0))
        if sent_at is not None and now() - sent_at < settings.ERROR_MAIL_WINDOW_SECONDS:
            _local[key] = (sent_at, held + 1)
            return None
        _local[key] = (now(), 0)
        return held


def held_back_note(held):
    minutes = settings.ERROR_MAIL_WINDOW_SECONDS // 60
    return (
        f"{held} more like this were suppressed since the last e-mail about it "
        f"(one e-mail per error every {minutes} minutes).\n\n"
    )
