"""Plain helpers the tests share (fixtures live in the conftest files)."""

import datetime as dt
import json
import re
import time
import uuid
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# The public pages with the demo content, as the issues name them.
PUBLIC_PAGES = [
    "/",
    "/guides/",
    "/guides/apis-vs-integrations-vs-automation/",
    "/guides/api-basics/",
    "/faqs/",
    "/search/?q=xero",
    "/health-check/",
]
ARTICLE_SLUG = "apis-vs-integrations-vs-automation"
ARTICLE_URL = f"/guides/{ARTICLE_SLUG}/"

DATABASE_TASK_QUEUE = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email", "webhooks"],
    }
}


# --- Reading pages --------------------------------------------------------------------------


def json_ld(html):
    """Every JSON-LD block on the page, parsed, by @type."""
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    parsed = [json.loads(block) for block in blocks]
    return {block["@type"]: block for block in parsed}, parsed


def text_of(html):
    """The words of an HTML fragment, as a visitor reads them."""
    inline = re.sub(r"</?(a|span|b|strong|i|em)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", inline)).split())


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.styles, self.scripts = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "style" in attrs or tag == "style":
            self.styles += 1
        if tag == "script":
            self.scripts.append(attrs)


def outline(html):
    parser = _Outline()
    parser.feed(html)
    return parser


def assert_accessible_markup(html):
    parsed = outline(html)
    assert parsed.headings.count(1) == 1, "one h1"
    for before, after in zip(parsed.headings, parsed.headings[1:], strict=False):
        assert after <= before + 1, f"heading jumps from h{before} to h{after}"
    assert parsed.styles == 0, "no inline styles"
    for attrs in parsed.scripts:
        # Scripts are files; inline <script> elements only carry JSON-LD data.
        assert "src" in attrs or attrs.get("type") == "application/ld+json", attrs


# --- The admin, in a browser ------------------------------------------------------------------

STAFF_PASSWORD = "s3cret-pass"


def log_in(page, base_url, username, password=STAFF_PASSWORD):
    """Sign in to the Wagtail admin as a person would (password, then a recovery code for the
    second factor), and wait for the dashboard."""
    from django.contrib.auth import get_user_model
    from playwright.sync_api import expect

    code = new_recovery_code(get_user_model().objects.get(username=username))
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="APIwise")).to_be_visible()


def new_recovery_code(user):
    """A fresh single-use recovery code for the user's second factor (made if they have none):
    a code that works at any time, however often the test signs in."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    device, _ = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    return device.token_set.create(token=StaticToken.random_token()).token


def log_in_with_second_factor(client, user):
    """client.force_login, with an authenticator app set up and the session past the second
    factor, as after a real sign-in (superusers and Sales may reach nothing else)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def first_free_slot(page):
    """(its label, value, the slot in words) of the first time the open day offers. The radio
    itself is drawn as its label, so a visitor clicks or taps the label."""
    radio = page.locator(".slot-day[open] .slot__input").first
    label = page.locator(f"label[for='{radio.get_attribute('id')}']")
    return label, radio.get_attribute("value"), radio.get_attribute("data-choice")


def booked_line(slot_value):
    """The confirmation page's line for the slot a prospect chose (by its form value), in the
    words of bookings/booking_story.py: "Booked: Tuesday 8 December 2026, 10:00–10:45 (UK
    time)"."""
    import datetime as dt

    from bookings.models import Booking
    from bookings.time_slot import Slot

    booking = Booking.objects.get(slot_start=dt.datetime.fromisoformat(slot_value))
    return f"Booked: {Slot(booking.slot_start, booking.slot_end).long_label} (UK time)"


# --- Bookings -------------------------------------------------------------------------------


def form_data(slot="none", **overrides):
    """The booking form as a prospect fills it in (a minute after it was shown)."""
    from bookings.abuse import started_token

    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.co.uk",
        "company": "Analytical Engines Ltd",
        "phone": "+44 20 7946 0000",
        "role": "Operations director",
        "systems_other": "Sage 50",
        "problem": "Orders from Shopify are typed into Xero by hand.",
        "volume": "lt1000",
        "slot": slot,
        "submission_token": str(uuid.uuid4()),
        "started": started_token(timezone.now() - dt.timedelta(minutes=1)),
        "source_page": "",
        "website": "",
    }
    data.update(overrides)
    return data


def make_booking(days_old=0, **fields):
    """A request as a prospect would have sent it, `days_old` days ago."""
    from bookings.models import Booking

    data = {
        "name": "Grace Hopper",
        "email": "grace@example.com",
        "company": "Compilers Ltd",
        "phone": "020 7946 0000",
        "problem": "Connect Shopify and Xero",
        "volume": "lt100",
        "created_at": timezone.now() - dt.timedelta(days=days_old),
    }
    data.update(fields)
    return Booking.objects.create(**data)


# --- Migrations -------------------------------------------------------------------------------


def migrate_to(targets=None):
    """Migrate the test database to `targets` ((app, migration) pairs; the latest migrations
    when None) and return the models as they are there, for tests of an upgrade's data."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def wait_until(condition, timeout, interval=0.2, message="the condition"):
    """Poll `condition()` until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{message} did not happen within {timeout} s")


def run_worker():
    """Run the production task worker once over every queue, in this process, until no task
    is ready (tasks scheduled for later stay queued)."""
    from django.core.management import call_command

    call_command(
        "run_worker",
        "--batch",
        "--queue-name",
        "*",
        "--interval",
        "0",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def time_passes(seconds):
    """Move every scheduled task, e-mail and webhook retry `seconds` earlier, as if that much time had
    passed."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    from apiwise.models import EmailDelivery
    from bookings.models import WebhookDelivery

    delta = dt.timedelta(seconds=seconds)
    # A task to run at once has no time ("the end of time" in its row): leave it be.
    for task in DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max()):
        task.run_after -= delta
        task.save(update_fields=["run_after"])
    for model in (EmailDelivery, WebhookDelivery):
        for delivery in model.objects.all():
            delivery.next_attempt_at -= delta
            delivery.save(update_fields=["next_attempt_at"])
