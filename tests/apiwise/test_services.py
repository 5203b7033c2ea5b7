"""The service pages and /services/: hidden while the demo's samples are drafts, then listed
(the Health Check first, as its own page), linked from both menus and the home page's cards,
each with its price or how it is priced, its FAQs, a prompt to book and Service JSON-LD; and the
launch checks that keep the samples' words off a live site."""

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from apiwise.models import SAMPLE_MARK, ServicePage

pytestmark = pytest.mark.django_db


def publish(slug, title=None):
    page = ServicePage.objects.get(slug=slug)
    if title:
        page.title = title
        page.save_revision().publish()
    else:
        page.get_latest_revision().publish()
    return ServicePage.objects.get(slug=slug)


def nav_links(html, landmark):
    """The hrefs inside the header's main menu ("Main") or the footer's menu."""
    if landmark == "Main":
        block = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group()
    else:
        block = re.search(r'<nav class="site-footer__nav".*?</nav>', html, re.S).group()
    return re.findall(r'href="([^"]+)"', block)


def json_ld(html, type_name):
    for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(raw)
        if data.get("@type") == type_name:
            return data
    return None


def launch_report():
    try:
        call_command("check", tags=["launch"], stdout=None)
    except SystemCheckError as failure:
        return str(failure)
    return ""


def test_the_demo_samples_are_drafts_and_visitors_see_none_of_them(client):
    samples = ServicePage.objects.all()
    assert {page.slug for page in samples} == {"custom-integrations", "no-code-automation"}
    assert all(SAMPLE_MARK in page.title and not page.live for page in samples)

    assert client.get("/services/").status_code == 404
    assert client.get("/services/custom-integrations/").status_code == 404
    home = client.get("/").content.decode()
    assert "/services/" not in nav_links(home, "Main")
    assert "/services/" not in nav_links(home, "footer")
    assert "/services/custom-integrations/" not in home  # the card is not a link yet
    assert "Custom integrations" in home
    assert '<a class="card__link" href="/health-check/">Integration Health Check</a>' in home
    assert "/services/" not in client.get("/sitemap.xml").content.decode()


def test_once_one_is_published_it_is_listed_linked_and_in_both_menus(client):
    publish("custom-integrations", title="Custom integrations")

    listing = client.get("/services/").content.decode()
    titles = re.findall(r'<a class="card__link" href="([^"]+)">([^<]+)</a>', listing)
    # The Health Check is listed as itself (its page has the price, FAQs and form), first.
    assert titles == [
        ("/health-check/", "Integration Health Check"),
        ("/services/custom-integrations/", "Custom integrations"),
    ]
    assert "Fixed price: £495 + VAT" in listing
    assert ">Priced per project<" in listing  # no invented figure for custom work
    assert "No-code automation" not in listing  # still a draft

    for path in ("/", "/guides/", "/services/"):
        html = client.get(path).content.decode()
        assert "/services/" in nav_links(html, "Main"), path
        assert "/services/" in nav_links(html, "footer"), path
    home = client.get("/").content.decode()
    assert '<a class="card__link" href="/services/custom-integrations/">' in home
    assert "/services/no-code-automation/" not in home


def test_a_service_page_says_what_who_what_you_get_how_priced_faqs_and_where_to_book(client):
    publish("custom-integrations", title="Custom integrations")
    html = client.get("/services/custom-integrations/").content.decode()

    for heading in ("Who it is for", "What you get", "Price"):
        assert f">{heading}</h2>" in html
    assert "Priced per project. The written plan from your Integration Health Check" in html
    assert "Do I need a Health Check first?" in html  # the FAQ block
    prompt = re.search(r'<aside class="cta-panel".*?</aside>', html, re.S).group()
    assert 'href="/health-check/"' in prompt  # the site's default call to action page

    service = json_ld(html, "Service")
    assert service["name"] == "Custom integrations"
    assert service["provider"]["@type"] == "Organization"
    assert service["provider"]["name"] == "APIwise"
    assert "offers" not in service  # priced per project: no price to offer
    assert json_ld(html, "FAQPage")["mainEntity"][0]["name"] == "Do I need a Health Check first?"


def test_a_fixed_price_is_offered_in_pounds_without_vat(client):
    page = publish("no-code-automation", title="No-code automation")
    page.price = 250
    page.save_revision().publish()
    html = client.get("/services/no-code-automation/").content.decode()
    assert "Fixed price: £250 + VAT" in html
    offer = json_ld(html, "Service")["offers"]
    assert (offer["price"], offer["priceCurrency"]) == ("250.00", "GBP")
    assert offer["priceSpecification"]["valueAddedTaxIncluded"] is False

    health_check = json_ld(client.get("/health-check/").content.decode(), "Service")
    assert health_check["offers"]["price"] == "495.00"
    assert health_check["provider"]["name"] == "APIwise"


def test_the_launch_check_fails_while_no_service_or_a_sample_is_live():
    assert "No service page is published" in launch_report()

    publish("custom-integrations")  # as the demo wrote it
    report = launch_report()
    assert "No service page is published" not in report
    assert f"A sample service page is published: “Custom integrations ({SAMPLE_MARK})”" in report

    publish("custom-integrations", title="Custom integrations")
    report = launch_report()
    assert "sample service page" not in report
    assert "No service page is published" not in report


def test_loading_the_demo_again_changes_nothing_an_editor_did(home_page):
    page = publish("custom-integrations", title="Custom integrations")
    call_command("load_demo_content", verbosity=0)
    page.refresh_from_db()
    assert page.title == "Custom integrations" and page.live
    assert ServicePage.objects.count() == 2
