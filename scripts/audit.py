# ruff: noqa: S603, S607 - runs the project's own tools (gunicorn, node, java, npm) by design
"""`make audit`: Lighthouse, axe and the Nu Html Checker against a production-like server.

Serves the site with apiwise.settings.production through gunicorn on a free local port, with
the demo content in a throw-away SQLite database (or AUDIT_DATABASE_URL), then for each page:

- Lighthouse 12, mobile preset (scripts/lighthouse-page.mjs, retried once on a runtime error
  such as NO_NAVSTART),
- axe-core through Playwright, at a phone and a desktop width, plus console errors,
- the Nu Html Checker (vnu) on the HTML the server sent (files, not URLs: it refuses loopback),

and measures what the reference guide transfers before images. Prints one table and exits 1
when a target is missed: Lighthouse 100 x 4, zero axe violations, zero vnu errors, zero
console errors, guide <= 60 KB compressed in <= 6 requests before images.
"""

import argparse
import gzip
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from chromium import CHROMIUM_ARGS  # scripts/chromium.py, beside this script
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "scripts" / "lighthouse-page.mjs"

REFERENCE_GUIDE = "/guides/apis-vs-integrations-vs-automation/"
HEALTH_CHECK = "/health-check/"
# The booking form's submit button; the same selector is used to post it empty.
SUBMIT = "main form[method=post] [type=submit]"
CATEGORIES = [
    ("performance", "Perf"),
    ("accessibility", "A11y"),
    ("best-practices", "BP"),
    ("seo", "SEO"),
]
BUDGET_BYTES = 60 * 1024
BUDGET_REQUESTS = 6


class Page:
    def __init__(self, name, path, *, submit_empty=False, booking=False, expect=""):
        self.name = name
        self.path = path
        self.expect = expect  # text the page must show, so we know we audited the right one
        self.headers = {}
        self.submit_empty = submit_empty  # POST the form empty: the page with errors
        self.booking = booking  # make a real booking and audit the confirmation page
        self.url = None  # the final URL (after a redirect)
        self.url_for_lighthouse = None
        self.lighthouse_failed = []
        self.problems = []  # the audit could not do what it meant to on this page
        self.cookie = ""
        self.html = ""
        self.status = None
        self.scores = {}
        self.lighthouse_error = ""
        self.lighthouse_console = 0
        self.axe = []
        self.console = []
        self.vnu = []
        self.network = []


PAGES = [
    Page("Home", "/"),
    Page("Guides", "/guides/"),
    Page("Reference guide", REFERENCE_GUIDE),
    Page("Series hub", "/guides/api-basics/"),
    Page("FAQs", "/faqs/"),
    Page("Search: xero", "/search/?q=xero", expect="results for “xero”"),
    Page("Health Check + form", HEALTH_CHECK),
    Page("Form with errors", HEALTH_CHECK, submit_empty=True),
    # The visitor's own request (their session cookie goes to Lighthouse too) and the same
    # address as anyone else, a crawler included, sees it.
    Page("Confirmation", HEALTH_CHECK, booking=True, expect="Your reference is"),
    Page("Confirmation, other browser", f"{HEALTH_CHECK}booked/", expect="Your Health Check"),
]


def say(message):
    print(f"audit: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_tools():
    missing = [p for p in (AXE_JS, VNU_JAR, NODE_MODULES / "lighthouse") if not p.exists()]
    if missing:
        say("installing the audit tools from package-lock.json (npm ci)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT, check=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("audit: chromium is not installed (sudo apt-get install chromium)")
    if not shutil.which("java"):
        sys.exit("audit: java is not installed; the Nu Html Checker needs Java 17+")
    if not shutil.which("node"):
        sys.exit("audit: node is not installed; Lighthouse 12 needs Node 18+")
    return chromium


def server_env(workdir, port):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="apiwise.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain http on loopback: no redirect to https, no secure-only cookies, no HSTS.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        VAR_DIR=str(workdir),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        DATABASE_URL=os.environ.get("AUDIT_DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}"),
        PORT=str(port),  # the demo loader points the Wagtail Site at it
        BOOKINGS_MIN_FILL_SECONDS="0",  # the audit's own booking is filled in by a robot
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"audit: manage.py {' '.join(args)} failed")


def start_server(env, port, log):
    gunicorn = Path(PYTHON).parent / "gunicorn"
    process = subprocess.Popen(
        [
            str(gunicorn),
            "apiwise.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(60):
        if process.poll() is not None:
            sys.exit("audit: gunicorn exited early; see the log above")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.5)
    process.terminate()
    sys.exit("audit: the server did not answer /healthz in 30 s")


def fill_booking_form(page):
    """Fill the booking form the way a visitor would: every required field, the first slot."""
    form = page.locator(SUBMIT).locator("xpath=ancestor::form")
    for field in form.locator("input:visible, textarea:visible, select:visible").all():
        kind = (field.get_attribute("type") or field.evaluate("e => e.tagName")).lower()
        required = field.get_attribute("required") is not None
        name = field.get_attribute("name") or ""
        if kind in {"hidden", "submit", "button"}:
            continue
        if kind == "select" and required:
            values = [
                v for v in field.locator("option").evaluate_all("os => os.map(o => o.value)") if v
            ]
            field.select_option(values[0])
        elif kind == "radio" and name == "slot":
            if not form.locator("input[name=slot]:checked").count():
                field.check()
        elif kind == "radio" and required:
            if not form.locator(f"input[name='{name}']:checked").count():
                field.check()
        elif kind == "checkbox" and required:
            field.check()
        elif kind == "email":
            field.fill("audit@apiwise.example")
        elif kind == "textarea" and required:
            field.fill("The audit's own booking: connect the shop to the accounts.")
        elif kind in {"text", "tel", "textarea"} and required:
            field.fill("Audit Visitor")


def submit_form(page, fill):
    """Submit the booking form, filled in or empty; returns the response it leads to."""
    page.locator(SUBMIT).wait_for(timeout=5000)
    if fill:
        fill_booking_form(page)
    else:
        page.evaluate("() => { for (const f of document.forms) f.noValidate = true }")
    with page.expect_navigation() as navigation:
        page.locator(SUBMIT).click()
    return navigation.value


def browse(pages, base, chromium, workdir):
    """axe at two widths, console errors and the HTML as sent, with Playwright."""

    axe_source = AXE_JS.read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for page_spec in pages:
            seen = {}
            for width, height in ((390, 844), (1280, 900)):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                console = []
                page.on(
                    "console",
                    lambda m, c=console: c.append(m.text) if m.type == "error" else None,
                )
                page.on("pageerror", lambda e, c=console: c.append(str(e)))
                response = page.goto(base + page_spec.path)
                if page_spec.submit_empty or page_spec.booking:
                    try:
                        response = submit_form(page, fill=page_spec.booking)
                    except PlaywrightError as error:
                        page_spec.problems.append(f"could not submit the form: {error.message}")
                        context.close()
                        break
                page.wait_for_load_state("load")
                page.evaluate(axe_source)
                result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                for violation in result["violations"]:
                    targets = [" ".join(n["target"]) for n in violation["nodes"]]
                    seen.setdefault(violation["id"], (violation["help"], set()))[1].update(
                        f"{width}px {t}" for t in targets
                    )
                page_spec.console.extend(f"{width}px {text}" for text in console)
                if width == 1280:
                    page_spec.status = response.status if response else None
                    page_spec.html = response.text() if response else page.content()
                    page_spec.headers = response.all_headers() if response else {}
                    page_spec.url = page.url
                    if page_spec.booking:
                        page_spec.cookie = "; ".join(
                            f"{c['name']}={c['value']}" for c in context.cookies()
                        )
                context.close()
            page_spec.axe = [(rule, help_, sorted(nodes)) for rule, (help_, nodes) in seen.items()]
        browser.close()


class Replay:
    """Serves one captured response (the form posted empty) at its path, with its headers, and
    passes every other request through to the site. Lighthouse cannot time a POST navigation
    (no LCP in the trace), so it loads the very same bytes with a GET from here."""

    HOP_BY_HOP = {
        "connection",
        "transfer-encoding",
        "keep-alive",
        "content-length",
        "content-encoding",
        "set-cookie",
    }

    def __init__(self, base, path, body, headers):
        replay = self
        self.body = body

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                if self.path == path:
                    status, response_headers, content = 200, headers, replay.body.encode()
                else:
                    status, response_headers, content = replay.fetch(self.path)
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    content = gzip.compress(content)
                    encoding = "gzip"
                else:
                    encoding = None
                self.send_response(status)
                for name, value in response_headers.items():
                    if name.lower() not in Replay.HOP_BY_HOP:
                        self.send_header(name, value)
                if encoding:
                    self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.base = base
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def fetch(self, path):
        request = urllib.request.Request(self.base + path)  # noqa: S310 - our own server
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def validate_html(pages, workdir):
    """One JVM for all pages: vnu takes files (it refuses loopback URLs)."""
    files = []
    pages = [page for page in pages if page.html]
    for index, page in enumerate(pages):
        path = workdir / f"page-{index}.html"
        path.write_text(page.html)
        files.append(path)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(f"audit: the Nu Html Checker failed:\n{result.stdout}{result.stderr}")
    # vnu names files "file:/tmp/...": match on the file name, and never drop a message.
    by_name = {f.name: page for f, page in zip(files, pages, strict=True)}
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        page = by_name.get(message.get("url", "").rsplit("/", 1)[-1])
        text = f"line {message.get('lastLine', '?')}: {message['message']}"
        if page is None:
            sys.exit(f"audit: vnu reported on an unknown file: {message}")
        page.vnu.append(text)


def lighthouse(page, chromium, workdir, suffix=""):
    out = workdir / f"lighthouse-{PAGES.index(page) if page in PAGES else 'x'}{suffix}.json"
    command = ["node", str(LIGHTHOUSE)]
    command += [page.url_for_lighthouse, str(out)]
    if page.cookie:
        command += ["--cookie", page.cookie]
    env = {**os.environ, "CHROME_PATH": chromium, "CHROME_FLAGS": " ".join(CHROMIUM_ARGS)}
    for attempt in (1, 2):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode == 0:
            break
        page.lighthouse_error = (result.stderr.strip().splitlines() or ["failed"])[-1]
        if attempt == 1:
            say(f"Lighthouse failed on {page.name} ({page.lighthouse_error}); trying once more")
    else:
        return
    page.lighthouse_error = ""
    lhr = json.loads(out.read_text())
    page.scores = {key: lhr["categories"][key]["score"] for key, _ in CATEGORIES}
    page.lighthouse_console = len(lhr["audits"]["errors-in-console"]["details"]["items"] or [])
    page.lighthouse_failed = [
        audit["id"]
        for category, _ in CATEGORIES
        for ref in lhr["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        for audit in [lhr["audits"][ref["id"]]]
        if audit["score"] is not None and audit["score"] < 1
    ]
    page.network = lhr["audits"]["network-requests"]["details"]["items"]


def transfer_budget(page):
    """What the page transfers before images, as Lighthouse's browser saw it."""
    before_images = [
        r for r in page.network if r.get("resourceType") not in {"Image", "Media", "Other"}
    ]
    total = sum(r.get("transferSize", 0) for r in before_images)
    return total, before_images


def status_problems(pages):
    for page in pages:
        if page.status is not None and page.status != 200:
            page.problems.append(f"HTTP {page.status} for {page.path}")
        if page.expect and page.expect not in page.html:
            page.problems.append(f"the page does not say {page.expect!r}")


def score_cell(value):
    return "-" if value is None else str(round(value * 100))


def report(pages):
    headers = ["Page", "Perf", "A11y", "BP", "SEO", "axe", "vnu", "console"]
    rows = []
    for page in pages:
        scores = [score_cell(page.scores.get(key)) for key, _ in CATEGORIES]
        if page.lighthouse_error:
            scores = ["err"] * 4
        if page.problems:
            rows.append([page.name, *["n/a"] * 7])
            continue
        console = len(page.console) + page.lighthouse_console
        rows.append([page.name, *scores, str(len(page.axe)), str(len(page.vnu)), str(console)])
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w)
        for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    )
    print(line)
    print("-" * len(line))
    for row in rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder (reports)")
    args = parser.parse_args()

    chromium = ensure_tools()
    workdir = Path(tempfile.mkdtemp(prefix="apiwise-audit-"))
    port = free_port()
    env = server_env(workdir, port)
    say(f"preparing a production-like site in {workdir}")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo_content")
    # Production indexes pages for search in the background worker: run it until the queue
    # is empty, or search would find nothing.
    manage(env, "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload")
    log = (workdir / "gunicorn.log").open("w")
    server, base = start_server(env, port, log)
    say(f"serving {base} (gunicorn pid {server.pid})")
    failures = []
    try:
        say("axe, console errors and HTML with Playwright")
        browse(PAGES, base, chromium, workdir)
        status_problems(PAGES)
        say("Nu Html Checker")
        validate_html(PAGES, workdir)
        for page in PAGES:
            if page.problems:
                continue
            say(f"Lighthouse: {page.name}")
            if page.submit_empty:
                replay = Replay(base, page.path, page.html, page.headers)
                page.url_for_lighthouse = replay.url + page.path
                try:
                    lighthouse(page, chromium, workdir)
                finally:
                    replay.close()
            else:
                page.url_for_lighthouse = page.url if page.booking else base + page.path
                lighthouse(page, chromium, workdir)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()

    print()
    report(PAGES)
    guide = next(p for p in PAGES if p.path == REFERENCE_GUIDE)
    total, requests = transfer_budget(guide)
    print()
    print(
        f"Reference guide before images: {total / 1024:.1f} KB compressed "
        f"(budget {BUDGET_BYTES // 1024} KB) in {len(requests)} requests "
        f"(budget {BUDGET_REQUESTS}): "
        + ", ".join(f"{r['resourceType']} {r.get('transferSize', 0)} B" for r in requests)
    )

    for page in PAGES:
        failures.extend(f"{page.name}: {problem}" for problem in page.problems)
        if page.lighthouse_error:
            failures.append(f"{page.name}: Lighthouse did not finish ({page.lighthouse_error})")
        for key, label in CATEGORIES:
            if key in page.scores and page.scores[key] is None:
                failures.append(f"{page.name}: no Lighthouse {label} score")
            elif key in page.scores and page.scores[key] != 1:
                failures.append(f"{page.name}: Lighthouse {label} {score_cell(page.scores[key])}")
        if page.lighthouse_failed:
            failures.append(
                f"{page.name}: Lighthouse audits below 1: {', '.join(page.lighthouse_failed)}"
            )
        for rule, help_, nodes in page.axe:
            failures.append(f"{page.name}: axe {rule} ({help_}) at {', '.join(nodes[:4])}")
        failures.extend(f"{page.name}: vnu {message}" for message in page.vnu)
        failures.extend(f"{page.name}: console error {text}" for text in page.console)
        if page.lighthouse_console:
            failures.append(f"{page.name}: {page.lighthouse_console} console errors in Lighthouse")
    if not requests:
        failures.append("Reference guide: transfer size not measured (no Lighthouse run)")
    elif total > BUDGET_BYTES or len(requests) > BUDGET_REQUESTS:
        failures.append("Reference guide: over the transfer budget")

    if args.keep:
        print(f"\nReports and logs kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    if failures:
        print("\nMissed targets:")
        for failure in failures:
            print(f"- {failure}")
        return 1
    print("\nEvery target met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
