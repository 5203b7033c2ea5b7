# ruff: noqa: S603, S607 - runs the project's own tools (node, java) by design
"""The checks `make audit` runs on each page: axe and console errors through Playwright, the
Nu Html Checker on the HTML as served, and Lighthouse."""

import gzip
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from chromium import CHROMIUM_ARGS  # scripts/chromium.py, beside this script
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from site_server import ROOT, say

NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "scripts" / "lighthouse-page.mjs"
# The booking form's submit button; the same selector is used to post it empty.
SUBMIT = "main form[method=post] [type=submit]"
CATEGORIES = [
    ("performance", "Perf"),
    ("accessibility", "A11y"),
    ("best-practices", "BP"),
    ("seo", "SEO"),
]


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


WIDTHS = ((390, 844), (1440, 900))  # a phone and a desktop


def browse(pages, base, chromium, screenshots):
    """axe at a phone and a desktop width, console errors, full-page screenshots and the
    HTML as sent, with Playwright."""

    axe_source = AXE_JS.read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for page_spec in pages:
            seen = {}
            for width, height in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                console = []
                # A page audited as a 404 logs its own status as a failed load; that one is
                # expected, anything else it logs is not.
                expected_url = base + page_spec.path if page_spec.expected_status != 200 else None
                page.on(
                    "console",
                    lambda m, c=console, u=expected_url: (
                        c.append(m.text)
                        if m.type == "error" and m.location.get("url") != u
                        else None
                    ),
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
                slug = f"{pages.index(page_spec) + 1:02d}-{_slug(page_spec.name)}-{width}.png"
                page.screenshot(path=str(screenshots / slug), full_page=True)
                page_spec.screenshots.append(slug)
                if width == WIDTHS[-1][0]:
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


def _slug(name):
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")


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
                self.answer(status, response_headers, content)

            def do_POST(self):  # noqa: N802 - the page-view beacon, passed on to the site
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.answer(*replay.fetch(self.path, body, dict(self.headers)))

            def answer(self, status, response_headers, content):
                if content and "gzip" in self.headers.get("Accept-Encoding", ""):
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

    def fetch(self, path, body=None, headers=None):
        """The site's answer to a GET of `path`, or with `body`, a POST."""
        wanted = {k: v for k, v in (headers or {}).items() if k.lower() == "user-agent"}
        request = urllib.request.Request(self.base + path, data=body, headers=wanted)  # noqa: S310
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
        ["java", "-jar", str(VNU_JAR), "--format", "json", *map(str, files)],
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
        is_error = message.get("type") in {"error", "non-document-error"}
        is_warning = message.get("type") == "info" and message.get("subType") == "warning"
        if not (is_error or is_warning):
            continue  # plain information, such as "trailing slash on void elements"
        page = by_name.get(message.get("url", "").rsplit("/", 1)[-1])
        text = f"line {message.get('lastLine', '?')}: {message['message']}"
        if page is None:
            sys.exit(f"audit: vnu reported on an unknown file: {message}")
        (page.vnu if is_error else page.vnu_warnings).append(text)


def lighthouse(page, chromium, workdir, name):
    out = workdir / f"lighthouse-{name}.json"
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
            say(
                f"Lighthouse failed on {page.name} ({page.lighthouse_error}); trying once more",
                "audit",
            )
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
