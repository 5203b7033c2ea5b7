"""Pages are rendered in cached parts (apiwise/content_cache.py): a guide's text and related
guides, the Health Check page above its form and its slot picker, listings' order, search
results, the sitemap, the site's settings. Whatever staff or visitors change shows on the very
next view; these tests look with the page cache off, so they see the parts themselves."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from apiwise.models import SiteSettings
from bookings import models as bookings_models
from bookings.slots import free_slots
from tests.helpers import ARTICLE_URL, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_related_guide_renamed_is_renamed_on_the_guides_that_list_it(client, article):
    related = article.related_guides()[0]
    assert related.title in html(client, ARTICLE_URL)
    related.title = "A brand new title for a related guide"
    related.save_revision().publish()
    assert "A brand new title for a related guide" in html(client, ARTICLE_URL)


def test_a_new_guide_is_found_by_search_listed_and_in_the_sitemap_at_once(client, make_guide):
    assert "Nothing matched" in html(client, "/search/?q=zebrafish")
    for url in ("/guides/", "/sitemap.xml", "/"):
        assert "zebrafish-guide" not in html(client, url)
    make_guide("zebrafish-guide", title="Zebrafish and webhooks")
    assert "Zebrafish and webhooks" in html(client, "/search/?q=zebrafish")
    for url in ("/guides/", "/sitemap.xml", "/"):
        assert "zebrafish-guide" in html(client, url), url


def test_a_guide_made_private_leaves_listings_and_search_at_once(client, make_guide):
    guide = make_guide("members-only-guide", title="Members only webhooks")
    assert "members-only-guide" in html(client, "/guides/")
    assert "Members only webhooks" in html(client, "/search/?q=members")
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert "members-only-guide" not in html(client, "/guides/")
    assert "members-only-guide" not in html(client, "/")
    assert "Nothing matched" in html(client, "/search/?q=members")
    assert client.get("/guides/members-only-guide/").status_code == 302  # to the log-in


def test_a_testimonial_published_by_staff_appears_on_the_health_check_page(client):
    assert "Sam Example" not in html(client, "/health-check/")
    quote = bookings_models.Testimonial(
        quote="They found the missing invoices.", name="Sam Example", permission_note="Test."
    )
    quote.save()
    quote.save_revision().publish()
    assert "They found the missing invoices." in html(client, "/health-check/")


def test_a_slot_somebody_books_leaves_the_next_visitors_picker(client):
    slot = free_slots()[0].value
    assert f'value="{slot}"' in html(client, "/health-check/")
    booked = Client().post("/health-check/", form_data(slot=slot))
    assert booked.status_code == 303
    assert f'value="{slot}"' not in html(client, "/health-check/")


def test_a_changed_company_name_shows_in_every_footer(client):
    assert "Renamed Consultancy Ltd" not in html(client, "/")
    settings = SiteSettings.objects.get()
    settings.company_name = "Renamed Consultancy Ltd"
    settings.save()
    for url in ("/", ARTICLE_URL, "/health-check/"):
        assert "Renamed Consultancy Ltd" in html(client, url), url
