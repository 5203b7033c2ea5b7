"""Fixtures for the whole suite: the demo content in the test database, the cache, live
servers, Playwright's Chromium, axe-core and the production task worker."""

import contextlib
import os
import shutil

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Site

from scripts.chromium import CHROMIUM_ARGS
from tests.database_snapshot import DatabaseSnapshot
from tests.database_template import SharedBuild, copy_template, drop_template, keep_as_template
from tests.helpers import AXE_JS, ROOT, log_in_with_second_factor
from tests.picture_server import picture_server  # noqa: F401 - a fixture: pictures over https

pytest_plugins = ["tests.clock"]  # every test runs at a stated instant

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


# The database as a new site has it (Wagtail's base data) and with the demo content: taken
# once per run, restored by the transactional tests that need them (tests/database_snapshot.py).
SNAPSHOTS = {}


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Every database test starts from the demo content, loaded once per run (at the instant
    the tests run at, as its dates depend on "now"), in one process: on PostgreSQL the other
    test processes start from copies (tests/database_template.py). Replaces pytest-django's
    fixture of the same name."""
    from django.test.utils import setup_databases, teardown_databases

    from tests.clock import DEFAULT_INSTANT, frozen_at  # after pytest_plugins loaded it

    shared = None
    if connection.vendor == "postgresql" and os.environ.get("PYTEST_XDIST_WORKER"):
        shared = SharedBuild(request.getfixturevalue("testrun_uid"))
    template = None
    with django_db_blocker.unblock(), shared.turn() if shared else contextlib.nullcontext():
        note = shared.built() if shared else None
        original_name = copy_template(note["template"]) if note else None
        if original_name is not None:
            for name, media in note["media"].items():
                SNAPSHOTS[name] = DatabaseSnapshot.taken_by_another_process(name, media)

            def teardown():
                connection.creation.destroy_test_db(original_name, verbosity=0)
        else:
            # Nothing serialised: no test loads Django's copy (no_serialised_copy_to_restore).
            databases = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
            with frozen_at(DEFAULT_INSTANT):
                SNAPSHOTS["wagtail"] = DatabaseSnapshot("wagtail").take()
                call_command("load_demo_content", verbosity=0)
                SNAPSHOTS["demo"] = DatabaseSnapshot("demo").take()
            if shared:
                template = keep_as_template(connection.settings_dict["NAME"])
                shared.publish(template, SNAPSHOTS)

            def teardown():
                teardown_databases(databases, verbosity=0)

    yield
    with django_db_blocker.unblock():
        teardown()
        if template:
            drop_template(template)
            shared.forget()


def _uses_database(item):
    fixtures = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(fixtures)
    )


@pytest.fixture(scope="session", autouse=True)
def test_database(request):
    """The test database with its snapshots, made before Playwright starts (see below)."""
    if not any(_uses_database(item) for item in request.session.items):
        return False  # a run of tests that need no database creates none
    request.getfixturevalue("django_db_setup")
    return True


@pytest.fixture(scope="session", autouse=True)
def transactional_tests_leave_the_demo_behind():
    """A transactional test commits for real, and Django empties every table after it (about a
    second on PostgreSQL: TRUNCATE makes a new file per table), leaving the next test nothing.
    Here it puts the demo content back instead (a fraction of a second, from the snapshot),
    so every test, in whatever order and process it runs, starts from the demo content."""
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda self: SNAPSHOTS["demo"].restore()
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.fixture(autouse=True)
def no_serialised_copy_to_restore(test_database):
    """Tests marked `serialized_rollback` get their rows from the snapshot too, so Django's
    own serialised copy is made empty: it would only deserialise for seconds what is already
    there. Set on every test's connection: inside Playwright's event loop Django hands out a
    different connection object, one without the attribute."""
    if test_database:
        connection._test_serialized_contents = "[]"


@pytest.fixture
def fresh_wagtail_database(transactional_db, test_database):
    """For transactional tests that start where a new site starts."""
    SNAPSHOTS["wagtail"].restore()


@pytest.fixture
def demo_content(transactional_db, test_database):
    """The demo content, for transactional tests (every test starts from it: see
    transactional_tests_leave_the_demo_behind); named by the tests that rely on it."""


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives each test's database: start every test with none of it (cached
    menus and page fragments from another test's content would be stale)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin_client (a browser of its own, not the `client` fixture), past the
    second factor a superuser must use."""
    from django.test import Client

    client = Client()
    log_in_with_second_factor(client, admin_user)
    return client


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def live_demo(live_server, demo_content, django_db_serialized_rollback):
    """A live server with the demo content, for browser tests."""
    site = Site.objects.get(is_default_site=True)
    host, port = live_server.url.removeprefix("http://").split(":")
    site.hostname, site.port = host, int(port)
    site.save()
    return live_server


# Playwright: Debian's Chromium, since `playwright install` cannot download here.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


# A wrapper: what comes before `yield` runs before every other plugin's hook, so that
# `-m "not slow"` (make test-fast) sees the markers added here; what comes after runs after
# them all, so that pytest-django's own ordering (which puts the transactional tests, the
# system and browser tests among them, last) does not undo the long-tests-first order.
@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # make test runs two processes (pytest-xdist, --dist loadgroup), which must send the tests
    # of one xdist_group to one process: xdist marks them by suffixing the node id with
    # "@group", but it sets `item._nodeid`, which pytest 9.2 no longer reads (the id is
    # `item._id`), so the groups would be ignored and two processes would share a Redis
    # database. Set the id pytest reads.
    if getattr(config.option, "loadgroup", False):  # set in xdist's worker processes only
        from _pytest.nodeid import coerce_node_id

        for item in items:
            group = item.get_closest_marker("xdist_group")
            if group is not None and "@" not in item.nodeid:
                item._id = coerce_node_id(f"{item.nodeid}@{group.args[0]}")
    for item in items:
        # The production worker runs in a process of its own (Django starts in seconds).
        if "production_worker" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    yield

    # The long tests first (system, then browser, then slow; otherwise in the order found):
    # started last, a test that waits a minute for a scheduled guide would leave the other
    # processes idle at the end of the run. Every test starts from the demo, in any order.
    def lateness(item):
        kinds = ("system", "browser", "slow")
        return next((n for n, kind in enumerate(kinds) if kind in item.keywords), len(kinds))

    items.sort(key=lateness)
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (make test installs it)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def axe(page):
    """Run axe-core in the current page and return its violations."""

    def run():
        if not AXE_JS.exists():
            pytest.fail("axe-core is missing: run `npm ci` (make test does)")
        # evaluate() is not subject to the page's CSP, unlike an injected <script>.
        page.evaluate(AXE_JS.read_text())
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def production_worker():
    """Run the production task worker (`db_worker --batch`) in its own process against the
    test database, as the `worker` container does. Returns the finished process. Tasks reach
    it once the test sets settings.TASKS = DATABASE_TASK_QUEUE. A test that uses it runs on
    the real clock, as the worker does (tests/clock.py)."""
    import subprocess
    import sys

    from django.db import connection

    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("the worker's own process needs a database it can share: set DATABASE_URL")

    def run():
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="apiwise.settings.production",
            SECRET_KEY="worker-test-" + "x" * 50,
            ALLOWED_HOSTS="testserver",
            DATABASE_URL=(
                f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
            ),
        )
        return subprocess.run(
            [
                sys.executable,
                "manage.py",
                "run_worker",
                "--batch",
                "--queue-name",
                "*",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )

    return run


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback that tests can stop and start again; every mailer
    sends through it."""
    from tests.servers import SmtpServer

    server = SmtpServer().start()
    settings.MAILERS = server.mailer_settings()
    yield server
    server.stop()


@pytest.fixture
def db_tasks(settings):
    """The production task backend: tasks are rows, run by the worker (tests.helpers.run_worker
    in process, or the production_worker fixture in its own process)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "webhooks"],
        }
    }
    settings.BOOKINGS_EMAIL_RETRY_DELAYS = [60, 300]
