# ruff: noqa: S603, S607 - runs the project's own tools (manage.py, gunicorn, wrk) by design
"""`make bench`: how fast the public pages are, measured the way the issue measured them.

gunicorn (2 sync workers) with production settings on PostgreSQL, driven by `wrk -t2 -c16`
from this machine. Three copies of the site, one at a time so they do not compete for CPU:

1. the demo content with the page cache off: each page rendered for each request (its cached
   parts, as production keeps them, in Redis when one answers);
2. the same with the page cache on: what visitors mostly get; then, with Varnish in front as
   in production, the page-view beacons at 1,000 a second beside the cached guide
   (scripts/bench_beacons.py): all counted, and the guide's p99 through Varnish within 20 %;
3. the demo content plus 2,000 generated guides (`manage.py generate_guides`), page cache off,
   without a fresh ANALYZE: listings must stay fast on the planner's first guess too.

Prints one table: req/s, p50 and p99 for each page, with its target and whether it was met.
Exits non-zero when a target is missed. Databases `<name>_bench_demo` and `<name>_bench_large`
are created next to DATABASE_URL's (default: the local PostgreSQL as postgres) and dropped at
the end."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_beacons import measure_beacons, report  # noqa: E402 - not a package
from site_server import (  # noqa: E402 - the scripts folder is not a package
    ROOT,
    free_port,
    manage,
    prepare_site,
    say,
    server_env,
    start_server,
)

GUIDE = "/guides/apis-vs-integrations-vs-automation/"
LARGE = 2000
# 2x the uncached blog post of Wagtail's reference demo on this machine (46 req/s, issue 13).
UNCACHED_FLOOR = 95
CACHED_SHARE_OF_CEILING = 0.7
GROWTH_LIMIT = 1.5  # at 2,000 guides, each page at most 1.5x slower than at the demo's size

# (label, path) measured on every copy of the site that renders pages.
PAGES = [
    ("Guide (reference)", GUIDE),
    ("Home", "/"),
    ("Guide index", "/guides/"),
    ("Topic page", "/guides/?topic=xero"),
    ("Search: xero", "/search/?q=xero"),
    ("Health Check", "/health-check/"),
    ("Feed", "/guides/feed/"),
    ("Sitemap", "/sitemap.xml"),
]


def wrk(base, path, seconds, connections):
    """Requests per second and the 50th/99th percentile latency in ms."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", base + path],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    out = result.stdout
    if result.returncode or "Requests/sec" not in out:
        sys.exit(f"wrk failed on {path}:\n{out}{result.stderr}")
    if "Non-2xx or 3xx responses" in out:
        sys.exit(f"{path} answered with errors under load:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, _latency(out, "50%"), _latency(out, "99%")


def _latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def database_urls(base_url):
    """Two benchmark databases beside `base_url`'s, created empty."""
    import psycopg

    parts = urlsplit(base_url)
    name = parts.path.lstrip("/") or "postgres"
    admin = urlunsplit(parts._replace(path="/postgres"))
    urls = {}
    with psycopg.connect(admin, autocommit=True) as connection:
        for copy in ("demo", "large"):
            db = f"{name}_bench_{copy}"
            connection.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{db}"')
            urls[copy] = urlunsplit(parts._replace(path=f"/{db}"))
    return admin, urls


def drop_databases(admin, urls):
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        for url in urls.values():
            db = urlsplit(url).path.lstrip("/")
            connection.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def redis_url():
    """A Redis database for the cached run, when one answers (production's page cache)."""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except Exception:  # noqa: BLE001 - any failure means: measure with the fallback cache
        return None
    return url


def measure(env, workdir, name, pages, args):
    port = int(env["PORT"])  # the port the Site was given when the copy was prepared
    with (workdir / f"gunicorn-{name}.log").open("w") as log:
        server, base = start_server(env, port, log)
        try:
            results = {}
            for label, path in pages:
                wrk(base, path, 1, args.connections)  # warm up: first renditions, imports
                results[label] = wrk(base, path, args.seconds, args.connections)
                say(f"{name}: {label} {results[label][0]:.0f} req/s", "bench")
            return results
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="per page (default 8)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--guides", type=int, default=LARGE, help="for the large copy")
    parser.add_argument("--beacon-seconds", type=int, default=60, help="(default 60)")
    parser.add_argument("--beacon-rate", type=int, default=1000, help="a second (default 1000)")
    parser.add_argument(
        "--only-beacons", action="store_true", help="measure the page-view beacons alone"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (make bench installs it with apt-get as root)")
    base_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/apiwise"
    if not base_url.startswith("postgres"):
        sys.exit("make bench measures on PostgreSQL: set DATABASE_URL to a PostgreSQL server")
    admin, urls = database_urls(base_url)
    workdir = Path(tempfile.mkdtemp(prefix="apiwise-bench-"))
    try:
        rows, beacons = run(args, workdir, urls)
    finally:
        drop_databases(admin, urls)
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows) if rows else "")
    text, beacons_met = report(beacons, args.beacon_seconds, args.beacon_rate)
    print(text)
    missed = [row[0] for row in rows if row[-1] == "MISSED"]
    if not beacons_met:
        missed.append("page-view beacons")
    if missed:
        sys.exit(f"Missed targets: {', '.join(missed)}")


def with_cache(env):
    """The site's cache as production has it: Redis when one answers, emptied first so one
    copy of the site never sees another's cached parts; else the settings' fallback."""
    url = redis_url()
    return ({**env, "REDIS_URL": url} if url else env), url


def run(args, workdir, urls):
    demo = server_env(workdir, free_port(), urls["demo"])
    say("preparing the demo-size site", "bench")
    prepare_site(demo)
    beacon_env, _ = with_cache({**demo, "PAGE_CACHE_ENABLED": "true"})
    beacons = measure_beacons(beacon_env, workdir, GUIDE, args.beacon_seconds, args.beacon_rate)
    if args.only_beacons:
        return [], beacons
    uncached_env, cache_url = with_cache({**demo, "PAGE_CACHE_ENABLED": "false"})
    uncached = measure(uncached_env, workdir, "uncached", PAGES, args)
    cached_env, _ = with_cache({**demo, "PAGE_CACHE_ENABLED": "true"})
    cached = measure(
        cached_env,
        workdir,
        "cached",
        [("Trivial view (/robots.txt)", "/robots.txt"), *PAGES[:1]],
        args,
    )
    say(f"preparing the site with {args.guides} more guides", "bench")
    large = server_env(workdir, free_port(), urls["large"])
    prepare_site(large)
    manage(large, "generate_guides", str(args.guides))
    manage(large, "run_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
    large_env, _ = with_cache({**large, "PAGE_CACHE_ENABLED": "false"})
    grown = measure(large_env, workdir, "large", PAGES, args)
    kind = "Redis" if cache_url else "file cache"
    return rows_for(uncached, cached, grown, args.guides, kind), beacons


def rows_for(uncached, cached, grown, guides, cache_kind):
    ceiling = cached["Trivial view (/robots.txt)"][0]
    rows = [
        ["Trivial view (/robots.txt), the ceiling", *cached["Trivial view (/robots.txt)"], "-", ""]
    ]
    target = ceiling * CACHED_SHARE_OF_CEILING
    rows.append(
        [
            f"Guide, page cache ({cache_kind})",
            *cached["Guide (reference)"],
            f">= {target:.0f}",
            _verdict(cached["Guide (reference)"][0] >= target),
        ]
    )
    for label, result in uncached.items():
        rows.append(
            [
                f"{label}, page cache off",
                *result,
                f">= {UNCACHED_FLOOR}",
                _verdict(result[0] >= UNCACHED_FLOOR),
            ]
        )
    for label, result in grown.items():
        floor = uncached[label][0] / GROWTH_LIMIT
        rows.append(
            [
                f"{label}, {guides} more guides",
                *result,
                f">= {floor:.0f}",
                _verdict(result[0] >= floor),
            ]
        )
    return rows


def _verdict(met):
    return "met" if met else "MISSED"


def table(rows):
    header = ["Page", "req/s", "p50 ms", "p99 ms", "target req/s", ""]
    body = [[r[0], f"{r[1]:.0f}", f"{r[2]:.1f}", f"{r[3]:.1f}", r[4], r[5]] for r in rows]
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *body]
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
