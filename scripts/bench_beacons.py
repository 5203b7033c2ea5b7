# ruff: noqa: S603, S607 - runs the project's own tools (manage.py, gunicorn, wrk) by design
"""`make bench`, reading figures: are 1,000 page-view beacons a second all counted, and how
much do they slow the cached guide down?

Two servers as docker-compose.yml runs them: `web` (gunicorn, 2 sync workers) serving the
page-cached guide, and `beacons` (one gthread process, niced as the service's low CPU weight)
taking POST /views/ as Varnish routes them. The guide's p99 alone (half of --beacon-seconds
before the beacons and half after: on a shared machine the neighbours' load drifts, and the
two say by how much), then the same guide under a steady stream of beacons (wrk, each connection pausing between POSTs so that together they send
about --beacon-rate a second) for --beacon-seconds; then `flush_page_views` and the views
stored for the guide, against the beacons sent. The load generator runs on the same cores, so
the CPU each party used in the loaded run is measured and printed too.
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from site_server import (
    BEACON_NICENESS,
    BEACON_SERVER,
    PYTHON,
    ROOT,
    free_port,
    say,
    start_server,
)

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"
# Many connections, each pausing in proportion: the pause dominates each one's cycle, so
# the rate holds near the target while the server keeps up (wrk waits for each answer).
CONNECTIONS = 200
RATE_SHARE = 0.95  # of --beacon-rate, at least, for the run to count as that rate
P99_RISE_LIMIT = 0.20
TICKS = os.sysconf("SC_CLK_TCK")


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


def run_wrk(args, seconds, timeout, cpu=None, name=None):
    """wrk's report; with `cpu`, the CPU seconds wrk used go in cpu[name]."""
    process = subprocess.Popen(
        ["wrk", "-t2", *args, f"-d{seconds}s", "--latency"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    timer = threading.Timer(seconds + timeout, process.kill)
    timer.start()
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    timer.cancel()
    if process.returncode or "Requests/sec" not in out:
        sys.exit(f"wrk failed:\n{out}{err}")
    if cpu is not None:
        cpu[name] = usage.ru_utime + usage.ru_stime
    return out


def p99_ms(out):
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def sent(out):
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return total, int(errors.group(1)) if errors else 0


def group_cpu_seconds(group):
    """CPU seconds used so far by the live processes of a process group (a gunicorn)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ...
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / TICKS


def machine_busy_seconds():
    """CPU seconds every core of the machine spent busy so far (/proc/stat)."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(
        int, Path("/proc/stat").read_text().split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / TICKS


def redis_cpu_seconds(env):
    url = env.get("PAGE_VIEWS_REDIS_URL") or env.get("REDIS_URL")
    if not url:
        return 0.0
    import redis

    info = redis.Redis.from_url(url).info("cpu")
    return info["used_cpu_user"] + info["used_cpu_sys"]


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


def measure_loaded(guide_args, beacon_args, seconds, servers, env):
    """The guide's wrk report and the beacons' under load, with the CPU seconds each party
    used meanwhile (the servers, both wrk runs, Redis, the rest of the machine)."""
    cpu, beacons = {}, {}
    before = {name: group_cpu_seconds(server.pid) for name, server in servers.items()}
    redis_before, busy_before = redis_cpu_seconds(env), machine_busy_seconds()

    def send_beacons():
        beacons["out"] = run_wrk(beacon_args, seconds, 60, cpu, "wrk sending beacons")

    thread = threading.Thread(target=send_beacons)
    thread.start()
    loaded = run_wrk(guide_args, seconds, 60, cpu, "wrk asking for the guide")
    thread.join()
    for name, server in servers.items():
        cpu[name] = group_cpu_seconds(server.pid) - before[name]
    cpu["Redis (shared)"] = redis_cpu_seconds(env) - redis_before
    cpu["everything else on the machine"] = machine_busy_seconds() - busy_before - sum(cpu.values())
    return loaded, beacons["out"], cpu


def measure_beacons(env, workdir, guide, seconds, rate, connections):
    """{'alone': mean of the p99s 'alone_before' and 'alone_after', 'loaded': p99, 'rate':
    beacons/s sent, 'sent': n, 'errors': n, 'counted': n, 'cpu': {party: CPU share in the
    loaded run}} for the page-cached `guide` under `rate` beacons a second."""
    script = Path(tempfile.mkstemp(suffix=".lua", dir=workdir)[1])
    script.write_text(beacon_script(guide, rate))
    with (
        (workdir / "gunicorn-web.log").open("w") as web_log,
        (workdir / "gunicorn-beacons.log").open("w") as beacons_log,
    ):
        web, base = start_server(env, int(env["PORT"]), web_log)
        beacon_server, beacon_base = start_server(
            env, free_port(), beacons_log, 1, BEACON_SERVER, BEACON_NICENESS
        )
        servers = {"web (2 sync workers)": web, "beacons (gthread, niced)": beacon_server}
        try:
            views_before = stored_views(env, guide)
            guide_args = [f"-c{connections}", base + guide]
            run_wrk(guide_args, 2, 60)  # warm up
            before = run_wrk(guide_args, max(1, seconds // 2), 60)
            say(f"beacons: guide alone p99 {p99_ms(before):.1f} ms", "bench")
            beacon_args = [f"-c{CONNECTIONS}", "-s", str(script), beacon_base + "/views/"]
            loaded, beacons, cpu = measure_loaded(guide_args, beacon_args, seconds, servers, env)
            after = run_wrk(guide_args, max(1, seconds // 2), 60)
            say(f"beacons: guide alone again p99 {p99_ms(after):.1f} ms", "bench")
            total, errors = sent(beacons)
            counted = stored_views(env, guide) - views_before
        finally:
            for server in servers.values():
                os.killpg(server.pid, 15)
                server.wait(timeout=30)
    say(f"beacons: {total} sent, {counted} counted, guide p99 {p99_ms(loaded):.1f} ms", "bench")
    return {
        "alone": (p99_ms(before) + p99_ms(after)) / 2,
        "alone_before": p99_ms(before),
        "alone_after": p99_ms(after),
        "loaded": p99_ms(loaded),
        "rate": total / seconds,
        "sent": total,
        "errors": errors,
        "counted": counted,
        "cpu": {name: used / seconds for name, used in cpu.items()},
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
        f"Cached guide p99: {result['alone']:.1f} ms alone ({result['alone_before']:.1f} before "
        f"the beacons, {result['alone_after']:.1f} after), {result['loaded']:.1f} ms with the "
        f"beacons ({rise:+.0%}, target < +{P99_RISE_LIMIT:.0%}: "
        f"{'met' if rise < P99_RISE_LIMIT else 'MISSED'})",
    ]
    cores = os.cpu_count()
    lines.append(
        f"CPU in the loaded run, of {cores} cores: "
        + ", ".join(f"{name} {used / cores:.0%}" for name, used in result["cpu"].items())
    )
    met = at_rate and all_counted and rise < P99_RISE_LIMIT
    lines.append(f"Page-view beacons: {'PASS' if met else 'FAIL'}")
    return "\n".join(lines), met
