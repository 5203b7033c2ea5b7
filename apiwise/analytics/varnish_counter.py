# ruff: noqa: S603 - runs Varnish's own log reader, with arguments of our own
"""Page views that Varnish answered itself, counted from its shared-memory log.

Varnish answers a well-formed beacon (POST /views/?p=...) with its own 204 and marks it in
its log (`std.log("page-view")`, apiwise/deploy/varnish.vcl), so no Python runs per beacon.
This reads those requests with `varnishncsa` (a subprocess reading the log in memory: the
address and the headers in beacon.DECIDING_HEADERS, nothing else, one JSON line each) and
puts each through the same rules as the Django endpoint (`beacon.parse`, `should_count`).
The views are added to the store once every half second, in one Redis pipeline.

varnishncsa is restarted a second after it exits. What a crash can lose: the views read and
not yet written (half a second), and those Varnish answers while varnishncsa is away (it
starts at the end of the log). The worker's flush then writes them within the minute, as
for views counted by Django.
"""

import json
import logging
import subprocess
import threading
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qsl

from django.conf import settings
from django.utils import timezone

from apiwise.analytics import store
from apiwise.analytics.beacon import DECIDING_HEADERS, BadBeacon, parse, should_count

logger = logging.getLogger(__name__)
MARK = "page-view"  # what the VCL logs on each beacon it answers
QUERY = f'ReqURL ~ "^/views/\\?" and RespStatus == 204 and VCL_Log eq "{MARK}"'
# With -j, varnishncsa escapes each value for JSON and writes an absent header as "".
FORMAT = json.dumps({"url": "%U%q", **{name: f"%{{{name}}}i" for name in DECIDING_HEADERS}})
RESTART_SECONDS = 1


# Most lines repeat one another (a popular page, from one referrer, in a common browser): the
# same line gets the same answer, so a repeat costs a lookup instead of the rules' regexes.
@lru_cache(maxsize=4096)
def view_of(line):
    """The PageView a log line is, or None when it does not count (a visitor who asked not
    to be, a bot, a prefetch) or is malformed past what the VCL checks."""
    try:
        logged = json.loads(line)
        # As QueryDict reads it (the last of a repeated field), for a fifth of its time.
        fields = dict(parse_qsl(logged["url"].partition("?")[2], keep_blank_values=True))
        view = parse(fields)
    except (ValueError, KeyError, TypeError, BadBeacon):  # BadBeacon and JSON's are ValueErrors
        return None
    return view if should_count(logged) else None


def varnishncsa_command(varnish_name, program="varnishncsa"):
    # -t off: wait for varnishd (started after us, or restarting) rather than exit.
    return [program, "-n", varnish_name, "-j", "-t", "off", "-q", QUERY, "-F", FORMAT]


class VarnishViewCounter:
    def __init__(self, varnish_name, interval=0.5, program="varnishncsa"):
        self.command = varnishncsa_command(varnish_name, program)
        self.interval = interval
        self.stop = threading.Event()  # set it (SIGTERM) to write what is pending and end
        self.lock = threading.Lock()
        self.pending = Counter()

    def read(self, lines):
        for line in lines:
            view = view_of(line)
            if view is not None and settings.PAGE_VIEWS_ENABLED:
                with self.lock:
                    self.pending[view] += 1

    def write_pending(self):
        """The views read since the last write, to the store; dated when written (a view in a
        day's last half second may count for the next)."""
        with self.lock:
            batch, self.pending = self.pending, Counter()
        day = timezone.localdate()
        store.add_counts({store.encode(view, day): views for view, views in batch.items()})

    def run_once(self):
        """One varnishncsa, until it exits or `stop` is set; returns its exit status."""
        process = subprocess.Popen(
            self.command,
            stdout=subprocess.PIPE,
            text=True,
            errors="replace",
            # In our process group: whatever stops the group (a supervisor's killpg) stops it too.
        )
        reader = threading.Thread(target=self.read, args=(process.stdout,), daemon=True)
        reader.start()
        try:
            while process.poll() is None and not self.stop.wait(self.interval):
                self.write_pending()
        finally:
            if process.poll() is None:
                process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            reader.join(timeout=10)  # the lines varnishncsa wrote before it ended
            self.write_pending()
        return process.returncode

    def run(self):
        while not self.stop.is_set():
            try:
                status = self.run_once()
            except OSError:
                logger.exception("Could not start %s", self.command[0])
                status = None
            if not self.stop.is_set():
                logger.warning("varnishncsa ended (%s); restarting it", status)
                self.stop.wait(RESTART_SECONDS)
