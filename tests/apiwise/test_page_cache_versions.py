"""A booking refreshes only what shows the free slots: the guides stay cached through bookings
(and spam changes nothing at all), while the Health Check page never offers a slot that was
just taken. Publishing still refreshes every page."""

import pytest
from django.test import Client

from blog.models import ArticlePage
from bookings.models import BlockedDate, Booking, Status
from bookings.slots import free_slots
from tests.helpers import ARTICLE_URL, form_data

pytestmark = pytest.mark.django_db

HEALTH_CHECK = "/health-check/"


def visit(url):
    """A new anonymous visitor's view of `url` (no session, so the page cache may answer)."""
    return Client().get(url)


def warm(*urls):
    for url in urls:
        visit(url)
        assert visit(url)["X-Page-Cache"] == "hit", url


def test_a_spam_request_leaves_every_cached_page_cached():
    warm(ARTICLE_URL, HEALTH_CHECK)
    slot = free_slots()[0]
    # A bot fills in the hidden honeypot field: stored as spam, holding no slot.
    response = Client().post(HEALTH_CHECK, form_data(slot=slot.value, website="http://spam"))
    assert response.status_code == 303
    assert Booking.objects.get().status == Status.SPAM

    assert visit(ARTICLE_URL)["X-Page-Cache"] == "hit"
    health_check = visit(HEALTH_CHECK)
    assert health_check["X-Page-Cache"] == "hit"
    assert slot.value in health_check.content.decode()


def test_a_real_request_refreshes_the_health_check_page_and_no_guide():
    warm(ARTICLE_URL, HEALTH_CHECK)
    slot = free_slots()[0]
    response = Client().post(HEALTH_CHECK, form_data(slot=slot.value))
    assert response.status_code == 303
    assert Booking.objects.get().holds_slot

    assert visit(ARTICLE_URL)["X-Page-Cache"] == "hit"
    health_check = visit(HEALTH_CHECK)
    assert health_check["X-Page-Cache"] == "miss"
    assert slot.value not in health_check.content.decode()
    # Rendered afresh once, then cached again for the next visitors.
    assert visit(HEALTH_CHECK)["X-Page-Cache"] == "hit"


def test_blocking_a_day_takes_its_slots_off_the_health_check_page_and_leaves_the_guides():
    warm(ARTICLE_URL, HEALTH_CHECK)
    slot = free_slots()[0]
    BlockedDate.objects.create(date=slot.day, reason="Team away day")

    assert visit(ARTICLE_URL)["X-Page-Cache"] == "hit"
    health_check = visit(HEALTH_CHECK)
    assert health_check["X-Page-Cache"] == "miss"
    assert slot.value not in health_check.content.decode()


def test_publishing_a_guide_still_refreshes_the_guides_and_the_health_check_page():
    warm(ARTICLE_URL, "/guides/", HEALTH_CHECK)
    guide = ArticlePage.objects.get(url_path__endswith="/apis-vs-integrations-vs-automation/")
    guide.summary = "A standfirst published while the pages were cached."
    guide.save_revision().publish()

    for url in (ARTICLE_URL, "/guides/", HEALTH_CHECK):
        assert visit(url)["X-Page-Cache"] == "miss", url
    assert (
        "A standfirst published while the pages were cached." in visit(ARTICLE_URL).content.decode()
    )
