# ruff: noqa: S603, S607 - runs the project's own tools (manage.py, gunicorn, varnishd, wrk)
"""`make bench`, reading figures: are 1,000 page-view beacons a second all counted, and how
much do they slow the cached guide down for a visitor?

As production runs it (docker-compose.yml): Varnish with the project's VCL in front of
gunicorn (`web`, 2 sync workers), answering well-formed beacons itself, and
`manage.py count_varnish_views` counting them from Varnish's log into Redis. What a visitor
gets is measured through Varnish: the cached guide at a steady GUIDE_RATE requests a second
(wrk, each connection pausing between requests), its p99 alone (half of --beacon-seconds
before the beacons and half after: on a shared machine the neighbours' load drifts, and the
two say by how much), then with --beacon-rate beacons a second for --beacon-seconds (wrk,
paced the same way); then `flush_page_views`, and the views stored for the guide against the
beacons answered. The load generators run on the same cores, so the CPU each party used in
the loaded run is printed too. Needs Redis (the counter's store, as in production).
"""

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from site_server import PYTHON, ROOT, free_port, say, spawn, start_server, start_varnish

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"
GUIDE_RATE, GUIDE_CONNECTIONS = 200, 20  # a visitor's view of the guide, not a saturation test
BEACON_CONNECTIONS = 200
RATE_SHARE = 0.95  # of --beacon-rate, at least, for the run to count as that rate
P99_RISE_LIMIT = 0.20
TICKS = os.sysconf("SC_CLK_TCK")
WARM_UP = "/bench-warm-up/"  # not a page: dropped at the flush


def paced_script(rate, connections, method="GET"):
    # wrk's delay() is per connection: `connections` connections, each waiting this long
    # between requests, send about `rate` a second (less the time each request takes).
    lines = [f"function delay() return {1000 * connections / rate:.1f} end"]
    if method == "POST":  # as page-view.js sends it: the fields in the address, no body
        lines += ['wrk.method = "POST"', f'wrk.headers["User-Agent"] = "{USER_AGENT}"']
    return "\n".join(lines) + "\n"


def run_wrk(args, seconds, cpu=None, name=None):
    """wrk's report; with `cpu`, the CPU seconds wrk used go in cpu[name]."""
    process = subprocess.Popen(
        ["wrk", "-t2", *args, f"-d{seconds}s", "--latency"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    timer = threading.Timer(seconds + 60, process.kill)
    timer.start()
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    if os.waitstatus_to_exitcode(status) or "Requests/sec" not in out:
        sys.exit(f"wrk failed:\n{out}{err}")
    if cpu is not None:
        cpu[name] = usage.ru_utime + usage.ru_stime
    return out


def p99_ms(out):
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def answered(out):
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return total, int(errors.group(1)) if errors else 0


def tree_cpu_seconds(root):
    """CPU seconds used so far by a process and its live descendants."""
    ticks, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue  # ended meanwhile
    return ticks / TICKS


def machine_busy_seconds():
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(
        int, Path("/proc/stat").read_text().split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / TICKS


def redis_client(env):
    import redis

    return redis.Redis.from_url(env["REDIS_URL"])


def redis_cpu_seconds(env):
    info = redis_client(env).info("cpu")
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


def start_counter(env, workdir, varnish, log):
    """count_varnish_views on the bench's Varnish, once a warm-up beacon shows it counting."""
    command = [PYTHON, "manage.py", "count_varnish_views", "--varnish-name"]
    process = spawn([*command, str(workdir / "state")], env, log)
    url = f"{varnish}/views/?p={WARM_UP}&d=d"
    for _ in range(120):
        subprocess.run(["curl", "-s", "-X", "POST", "-A", USER_AGENT, url], check=False)
        if any(WARM_UP in field.decode() for field in redis_client(env).hkeys("pageviews:pending")):
            return process
        time.sleep(1)
    sys.exit("count_varnish_views did not count a beacon in 2 minutes; see its log")


def measure_loaded(guide_args, beacon_args, seconds, parties, env):
    """The guide's and the beacons' wrk reports, run together, and the CPU seconds each party
    used meanwhile."""
    cpu, beacons = {}, {}
    before = {name: tree_cpu_seconds(pid) for name, pid in parties.items()}
    redis_before, busy_before = redis_cpu_seconds(env), machine_busy_seconds()

    def send_beacons():
        beacons["out"] = run_wrk(beacon_args, seconds, cpu, "wrk sending beacons")

    thread = threading.Thread(target=send_beacons)
    thread.start()
    loaded = run_wrk(guide_args, seconds, cpu, "wrk asking for the guide")
    thread.join()
    for name, pid in parties.items():
        cpu[name] = tree_cpu_seconds(pid) - before[name]
    cpu["Redis (shared)"] = redis_cpu_seconds(env) - redis_before
    cpu["everything else on the machine"] = machine_busy_seconds() - busy_before - sum(cpu.values())
    return loaded, beacons["out"], cpu


def measure_beacons(env, workdir, guide, seconds, rate):
    """{'alone': mean of 'alone_before' and 'alone_after' p99s in ms, 'loaded': p99, 'rate':
    beacons/s answered, 'sent', 'errors', 'counted', 'cpu': {party: share of a core}} for the
    cached `guide` through Varnish under `rate` beacons a second."""
    if not env.get("REDIS_URL"):
        sys.exit("the beacon bench needs Redis (BENCH_REDIS_URL): the counter's store")
    guide_script, beacon_script = workdir / "guide.lua", workdir / "beacon.lua"
    guide_script.write_text(paced_script(GUIDE_RATE, GUIDE_CONNECTIONS))
    beacon_script.write_text(paced_script(rate, BEACON_CONNECTIONS, "POST"))
    processes, varnish_pid = {}, None
    with (workdir / "gunicorn-web.log").open("w") as log, (workdir / "counter.log").open("w") as c:
        try:
            processes["web"], backend = start_server(env, int(env["PORT"]), log)
            home = workdir / "varnish"
            varnish, varnish_pid = start_varnish(int(backend.rsplit(":", 1)[1]), home, free_port())
            processes["counter"] = start_counter(env, home, varnish, c)
            parties = {
                "varnishd": varnish_pid,
                "counter (+ varnishncsa)": processes["counter"].pid,
                "gunicorn web": processes["web"].pid,
            }
            views_before = stored_views(env, guide)
            guide_args = [f"-c{GUIDE_CONNECTIONS}", "-s", str(guide_script), varnish + guide]
            run_wrk(guide_args, 2)  # warm up: the guide into Varnish's cache
            before = run_wrk(guide_args, max(1, seconds // 2))
            say(f"beacons: guide alone p99 {p99_ms(before):.2f} ms", "bench")
            query = f"p={guide}&d=d&r=news.example.com"
            beacon_args = [f"-c{BEACON_CONNECTIONS}", "-s", str(beacon_script)]
            beacon_args.append(f"{varnish}/views/?{query}")
            loaded, beacons, cpu = measure_loaded(guide_args, beacon_args, seconds, parties, env)
            after = run_wrk(guide_args, max(1, seconds // 2))
            say(f"beacons: guide alone again p99 {p99_ms(after):.2f} ms", "bench")
            total, errors = answered(beacons)
            time.sleep(2)  # the counter writes every half second
            counted = stored_views(env, guide) - views_before
        finally:
            for process in processes.values():
                os.killpg(process.pid, 15)
                process.wait(timeout=30)
            if varnish_pid:
                os.kill(varnish_pid, 15)
    say(f"beacons: {total} answered, {counted} counted, guide p99 {p99_ms(loaded):.2f} ms", "bench")
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
        f"Page-view beacons through Varnish for {seconds} s: {result['rate']:.0f}/s answered "
        f"(target {rate}/s: {'met' if at_rate else 'MISSED'}), {result['sent']} answered, "
        f"{result['errors']} refused, {result['counted']} counted, shortfall {shortfall} "
        f"({'met' if all_counted else 'MISSED'})",
        f"Cached guide through Varnish at {GUIDE_RATE} req/s, p99: {result['alone']:.2f} ms "
        f"alone ({result['alone_before']:.2f} before the beacons, {result['alone_after']:.2f} "
        f"after), {result['loaded']:.2f} ms with the beacons ({rise:+.0%}, target < "
        f"+{P99_RISE_LIMIT:.0%}: {'met' if rise < P99_RISE_LIMIT else 'MISSED'})",
    ]
    cores = os.cpu_count()
    lines.append(
        f"CPU in the loaded run, of {cores} cores: "
        + ", ".join(f"{name} {used / cores:.1%}" for name, used in result["cpu"].items())
    )
    met = at_rate and all_counted and rise < P99_RISE_LIMIT
    lines.append(f"Page-view beacons: {'PASS' if met else 'FAIL'}")
    return "\n".join(lines), met
