# ruff: noqa: S603, S607 - runs the project's own tools (manage.py, gunicorn, wrk) by design
"""`make bench`, reading figures: are 1,000 page-view beacons a second all counted, and how
much do they slow the cached guide down?

Against the page-cached copy of the site (gunicorn, 2 sync workers, Redis): the guide's p99
alone, then the same guide under a steady stream of beacons (wrk, each connection pausing
between POSTs so that together they send about --beacon-rate a second) for --beacon-seconds;
then `flush_page_views` and the views stored for the guide, against the beacons sent.
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from site_server import PYTHON, ROOT, say, start_server

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"
# Many connections, each pausing in proportion: the pause dominates each one's cycle, so
# the rate holds near the target while the server keeps up (wrk waits for each answer).
CONNECTIONS = 100
RATE_SHARE = 0.95  # of --beacon-rate, at least, for the run to count as that rate
P99_RISE_LIMIT = 0.20


def beacon_script(path, rate):
    # wrk's delay() is per connection: CONNECTIONS connections, each waiting this long
    # between requests, send about `rate` a second (less the time each request takes).
    pause_ms = 1000 * CONNECTIONS / rate
    return f"""
wrk.method = "POST"
wrk.body = "p={path}&d=d&r=news.example.com"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8"
wrk.headers["User-Agent"] = "{USER_AGENT}"
function delay() return {pause_ms:.1f} end
"""


def run_wrk(args, seconds, timeout):
    result = subprocess.run(
        ["wrk", "-t2", *args, f"-d{seconds}s", "--latency"],
        capture_output=True,
        text=True,
        timeout=seconds + timeout,
    )
    if result.returncode or "Requests/sec" not in result.stdout:
        sys.exit(f"wrk failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def p99_ms(out):
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def sent(out):
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return total, int(errors.group(1)) if errors else 0


def stored_views(env, path):
    """Flush, then the views stored for `path`, read through manage.py shell."""
    code = (
        "from apiwise.analytics.flush import flush_page_views; flush_page_views();"
        "from apiwise.models import PageViewCount; from django.db.models import Sum;"
        f"print(PageViewCount.objects.filter(page__url_path__endswith='{path}')"
        ".aggregate(n=Sum('views'))['n'] or 0)"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"flushing the page views failed:\n{result.stderr}")
    return int(result.stdout.strip().splitlines()[-1])


def measure_beacons(env, workdir, guide, seconds, rate, connections):
    """{'alone': p99, 'loaded': p99, 'rate': beacons/s sent, 'sent': n, 'errors': n,
    'counted': n} for the page-cached `guide` under `rate` beacons a second."""
    port = int(env["PORT"])
    script = Path(tempfile.mkstemp(suffix=".lua", dir=workdir)[1])
    script.write_text(beacon_script(guide, rate))
    with (workdir / "gunicorn-beacons.log").open("w") as log:
        server, base = start_server(env, port, log)
        try:
            before = stored_views(env, guide)
            guide_args = [f"-c{connections}", base + guide]
            run_wrk(guide_args, 2, 60)  # warm up
            alone = run_wrk(guide_args, seconds, 60)
            say(f"beacons: guide alone p99 {p99_ms(alone):.1f} ms", "bench")
            beacons = {}

            def send_beacons():
                beacons["out"] = run_wrk(
                    [f"-c{CONNECTIONS}", "-s", str(script), base + "/views/"], seconds, 60
                )

            thread = threading.Thread(target=send_beacons)
            thread.start()
            loaded = run_wrk(guide_args, seconds, 60)
            thread.join()
            total, errors = sent(beacons["out"])
            counted = stored_views(env, guide) - before
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
    say(f"beacons: {total} sent, {counted} counted, guide p99 {p99_ms(loaded):.1f} ms", "bench")
    return {
        "alone": p99_ms(alone),
        "loaded": p99_ms(loaded),
        "rate": total / seconds,
        "sent": total,
        "errors": errors,
        "counted": counted,
    }


def report(result, seconds, rate):
    rise = result["loaded"] / result["alone"] - 1
    # wrk counts the answers it got before stopping; a few more were in flight and counted.
    shortfall = max(0, result["sent"] - result["errors"] - result["counted"])
    at_rate = result["rate"] >= RATE_SHARE * rate
    all_counted = shortfall == 0 and not result["errors"]
    lines = [
        f"Page-view beacons for {seconds} s: {result['rate']:.0f}/s sent (target {rate}/s: "
        f"{'met' if at_rate else 'MISSED'}), {result['sent']} answered, {result['errors']} "
        f"refused, {result['counted']} counted, shortfall {shortfall} "
        f"({'met' if all_counted else 'MISSED'})",
        f"Cached guide p99: {result['alone']:.1f} ms alone, {result['loaded']:.1f} ms with the "
        f"beacons ({rise:+.0%}, target < +{P99_RISE_LIMIT:.0%}: "
        f"{'met' if rise < P99_RISE_LIMIT else 'MISSED'})",
    ]
    met = at_rate and all_counted and rise < P99_RISE_LIMIT
    return "\n".join(lines), met
