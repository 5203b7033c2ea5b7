# ruff: noqa: S603, S607 - runs the project's own tools (gunicorn, node, java, npm) by design
"""`make audit`: Lighthouse, axe and the Nu Html Checker against a production-like server.

Serves the site with apiwise.settings.production through gunicorn on a free local port, with
the demo content in a throw-away SQLite database (or AUDIT_DATABASE_URL), then for each page:

- Lighthouse 12, mobile preset (scripts/lighthouse-page.mjs, retried once on a runtime error
  such as NO_NAVSTART),
- axe-core through Playwright, at a phone and a desktop width, plus console errors,
- the Nu Html Checker (vnu) on the HTML the server sent (files, not URLs: it refuses loopback),

and measures what the reference guide transfers before images. Prints one table and exits 1
when a target is missed: Lighthouse 100 x 4, zero axe violations, zero vnu errors or
warnings, zero console errors, guide <= 80 KB compressed in <= 6 requests before images. The
404 page is checked with axe and vnu (Lighthouse's SEO category fails any error page by
design). Saves phone and desktop screenshots of every page in var/audit/screenshots/.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from audit_tools import (
    AXE_JS,
    CATEGORIES,
    NODE_MODULES,
    VNU_JAR,
    Replay,
    browse,
    lighthouse,
    transfer_budget,
    validate_html,
)
from site_server import ROOT, free_port, manage, prepare_site, server_env, start_server
from site_server import say as _say

REFERENCE_GUIDE = "/guides/apis-vs-integrations-vs-automation/"
HEALTH_CHECK = "/health-check/"
BUDGET_BYTES = 80 * 1024
BUDGET_REQUESTS = 6
# Full-page screenshots of every audited page at a phone and a desktop width (var/ is ignored
# by git): look at them.
SCREENSHOTS = ROOT / "var" / "audit" / "screenshots"


class Page:
    def __init__(self, name, path, *, submit_empty=False, booking=False, expect="", status=200):
        self.name = name
        self.path = path
        self.expected_status = status  # the 404 page is audited as a 404
        self.lighthouse_wanted = status == 200  # Lighthouse's SEO fails any error page
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
        self.vnu_warnings = []
        self.network = []
        self.screenshots = []


PAGES = [
    Page("Home", "/"),
    Page("Guides", "/guides/"),
    Page("Guides, page 2", "/guides/?page=2", expect="page 2 of"),
    Page("Topic: Xero", "/guides/?topic=xero", expect="Guides about Xero"),
    Page("Reference guide", REFERENCE_GUIDE),
    Page("Guide: Stripe to Xero", "/guides/connect-stripe-to-xero/", expect="clearing account"),
    Page("Series hub", "/guides/api-basics/"),
    Page("FAQs", "/faqs/"),
    Page("About", "/about/", expect="Vendor-neutral"),
    # The demo's service pages are drafts; the audit publishes them (PUBLISH_SAMPLE_SERVICES).
    Page("Services", "/services/", expect="Fixed price: £495 + VAT"),
    Page("Service page", "/services/custom-integrations/", expect="Priced per project"),
    Page("Search: xero", "/search/?q=xero", expect="results for “xero”"),
    Page("Health Check + form", HEALTH_CHECK),
    Page("Form with errors", HEALTH_CHECK, submit_empty=True),
    # The visitor's own request (their session cookie goes to Lighthouse too) and the same
    # address as anyone else, a crawler included, sees it.
    Page("Confirmation", HEALTH_CHECK, booking=True, expect="Your reference is"),
    Page("Confirmation, other browser", f"{HEALTH_CHECK}booked/", expect="Your Health Check"),
    Page("Not found (404)", "/no-such-page/", expect="can’t find that page", status=404),
    # The proof pages, with the demo's samples published in the audit's own database.
    Page("Case studies", "/case-studies/", expect="Sample — replace before launch"),
    Page("Case study", "/case-studies/sample-case-study/", expect="What we built"),
    Page("Team", "/team/", expect="Sample — replace before launch"),
    Page("Person", "/team/sample-replace-before-launch/", expect="Everyone on the team"),
]


# The demo loads its sample service pages as drafts, so /services/ is hidden (404) until one is
# published: the audit publishes them in its throw-away database to check their pages.
PUBLISH_SAMPLE_SERVICES = (
    "from apiwise.models import ServicePage\n"
    "for page in ServicePage.objects.all(): page.get_latest_revision().publish()"
)


def say(message):
    _say(message, "audit")


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


def status_problems(pages):
    for page in pages:
        if page.status is not None and page.status != page.expected_status:
            page.problems.append(f"HTTP {page.status} for {page.path}")
        if page.expect and page.expect not in page.html:
            page.problems.append(f"the page does not say {page.expect!r}")


def score_cell(value):
    return "-" if value is None else str(round(value * 100))


def report(pages):
    headers = ["Page", "Perf", "A11y", "BP", "SEO", "axe", "vnu", "console"]
    # vnu: errors + warnings
    rows = []
    for page in pages:
        scores = [score_cell(page.scores.get(key)) for key, _ in CATEGORIES]
        if page.lighthouse_error:
            scores = ["err"] * 4
        if page.problems:
            rows.append([page.name, *["n/a"] * 7])
            continue
        console = len(page.console) + page.lighthouse_console
        vnu = str(len(page.vnu) + len(page.vnu_warnings))
        rows.append([page.name, *scores, str(len(page.axe)), vnu, str(console)])
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


def wanted(page, only):
    """--only names a page by part of its name or by its path."""
    return only == page.path or only in page.name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder (reports)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME_OR_PATH",
        help="audit only the pages whose name contains this, or at this path (repeatable), "
        "e.g. --only Team or --only " + REFERENCE_GUIDE,
    )
    args = parser.parse_args()
    pages = [
        page for page in PAGES if not args.only or any(wanted(page, only) for only in args.only)
    ]
    if not pages:
        sys.exit(f"audit: --only matches none of the pages: {[(p.name, p.path) for p in PAGES]}")

    chromium = ensure_tools()
    workdir = Path(tempfile.mkdtemp(prefix="apiwise-audit-"))
    port = free_port()
    env = server_env(workdir, port, os.environ.get("AUDIT_DATABASE_URL"))
    say(f"preparing a production-like site in {workdir}")
    prepare_site(env)
    manage(env, "publish_demo_samples")  # the proof pages' samples, in this database only
    manage(env, "shell", "-c", PUBLISH_SAMPLE_SERVICES)
    log = (workdir / "gunicorn.log").open("w")
    server, base = start_server(env, port, log)
    say(f"serving {base} (gunicorn pid {server.pid})")
    failures = []
    try:
        say("axe, console errors, screenshots and HTML with Playwright")
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)
        SCREENSHOTS.mkdir(parents=True)
        browse(pages, base, chromium, SCREENSHOTS)
        status_problems(pages)
        say("Nu Html Checker")
        validate_html(pages, workdir)
        for page in pages:
            if page.problems or not page.lighthouse_wanted:
                continue
            say(f"Lighthouse: {page.name}")
            if page.submit_empty:
                replay = Replay(base, page.path, page.html, page.headers)
                page.url_for_lighthouse = replay.url + page.path
                try:
                    lighthouse(page, chromium, workdir, pages.index(page))
                finally:
                    replay.close()
            else:
                page.url_for_lighthouse = page.url if page.booking else base + page.path
                lighthouse(page, chromium, workdir, pages.index(page))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()

    print()
    report(pages)
    guide = next((p for p in pages if p.path == REFERENCE_GUIDE), None)
    total, requests = transfer_budget(guide) if guide else (0, [])
    print()
    print(
        f"Reference guide before images: {total / 1024:.1f} KB compressed "
        f"(budget {BUDGET_BYTES // 1024} KB) in {len(requests)} requests "
        f"(budget {BUDGET_REQUESTS}): "
        + ", ".join(f"{r['resourceType']} {r.get('transferSize', 0)} B" for r in requests)
    )

    for page in pages:
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
        failures.extend(f"{page.name}: vnu warning {message}" for message in page.vnu_warnings)
        if page.lighthouse_wanted and not page.scores and not page.problems:
            failures.append(f"{page.name}: no Lighthouse scores")
        failures.extend(f"{page.name}: console error {text}" for text in page.console)
        if page.lighthouse_console:
            failures.append(f"{page.name}: {page.lighthouse_console} console errors in Lighthouse")
    if guide is None:
        pass  # --only left the reference guide out
    elif not requests:
        failures.append("Reference guide: transfer size not measured (no Lighthouse run)")
    elif total > BUDGET_BYTES or len(requests) > BUDGET_REQUESTS:
        failures.append("Reference guide: over the transfer budget")

    shots = SCREENSHOTS.relative_to(ROOT)
    print(f"\nPhone (390 px) and desktop (1440 px) screenshots of every page: {shots}/")
    if args.keep:
        print(f"Reports and logs kept in {workdir}")
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
