"""Requests the site cannot or must not act on get a clear 4xx, and a database that went away
a 503 that says so: never a 500."""

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/guides/?topic=%00",
        "/guides/?topic=xero%00",
        "/search/?q=%00",
        "/search/?q=xero&page=1%00",
        "/guides/%00/",
        "/guides/what-is-an-api%00/",
        "/health-check/?utm_source=%00",
        "/?%00=1",
    ],
)
def test_a_nul_byte_anywhere_in_the_address_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()


@pytest.mark.parametrize("url", ["/search/?q=xero&page=%E2%91%A0", "/search/?q=xero&page=%C2%B2"])
def test_unicode_digits_as_a_search_page_number_are_a_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "utf-7"])
def test_a_form_posted_in_another_charset_is_a_400_page(charset):
    """The browser's CSRF token is fine; the body cannot be read as UTF-8."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/health-check/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/health-check/",
        data=f"csrfmiddlewaretoken={token}&name=Caf%E9".encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()


@pytest.fixture
def database_gone(django_db_blocker):
    """The database stops answering: a real refused connection (nothing listens on port 9)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database cannot be taken away; CI runs this on PostgreSQL")
    with django_db_blocker.unblock():
        real_port = connection.settings_dict.get("PORT")
        connection.close()
        connection.settings_dict["PORT"] = "9"
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict["PORT"] = real_port


@pytest.mark.parametrize("url", ["/", "/guides/apis-vs-integrations-vs-automation/", "/faqs/"])
def test_pages_answer_503_with_retry_after_while_the_database_is_away(url, database_gone):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "briefly unavailable" in html and "Nothing was saved" not in html


def test_the_booking_form_says_nothing_was_saved_while_the_database_is_away(database_gone):
    response = Client(raise_request_exception=False).post("/health-check/", {"name": "Ada"})
    assert response.status_code == 503
    assert "Nothing was saved" in response.content.decode()
    assert response["Cache-Control"] == "no-store"
