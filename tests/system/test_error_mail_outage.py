"""A database restart wakes nobody: with ADMINS set, ten seconds of PostgreSQL being away
while /healthz and pages are probed again and again (every probe a 503) sends at most one
error e-mail, through the production processes and a real SMTP server."""

import time
import urllib.error
import urllib.request
from collections import Counter

import pytest

from tests.servers import free_port
from tests.system.conftest import _serve

# Real processes on fixed resources (Redis database 14): one test process at a time.
pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]
ADMIN = "ops@apiwise.example"


@pytest.fixture
def reporting_site(site_env, workdir, site):
    """A web server like `site`, whose errors are e-mailed to an admin."""
    yield from _serve({**site_env, "ADMINS": f"Ops <{ADMIN}>"}, workdir, free_port(), "reporting")


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_ten_seconds_without_the_database_send_at_most_one_error_email(
    reporting_site, cluster, smtp
):
    before = len(smtp.messages)
    statuses = Counter()
    cluster.stop()
    try:
        away_until = time.monotonic() + 10
        while time.monotonic() < away_until:
            for path in ("/healthz", "/faqs/?probe=1", "/health-check/booked/"):
                statuses[status_of(reporting_site + path)] += 1
    finally:
        cluster.start()
    time.sleep(5)  # a report sent while the database was away would have arrived by now

    assert statuses[503] >= 30, statuses
    assert not {status for status in statuses if status >= 500} - {503}, statuses
    reports = [m for m in smtp.messages[before:] if ADMIN in m.rcpt_tos]
    assert len(reports) <= 1
