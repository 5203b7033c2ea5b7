"""Case studies as a prospect meets them: their own page, the listing, and "past work" on the
home page, the Health Check page and the guides they relate to; nothing at all while none is
published (the demo's sample stays a draft)."""

import pytest
from django.core.exceptions import ValidationError

from blog.models import CaseStudyPage
from tests.blog.proof import guide, publish_case_study, publish_listing
from tests.helpers import assert_accessible_markup, json_ld, text_of

pytestmark = pytest.mark.django_db

PROOF_HEADINGS = ("Recent work", "Past work", "Where we've done this")


def test_nothing_is_shown_while_no_case_study_is_published(client):
    assert CaseStudyPage.objects.filter(title="Sample — replace before launch", live=False)
    for url in ("/", "/health-check/", "/guides/sync-shopify-and-xero/"):
        html = client.get(url).content.decode()
        for heading in PROOF_HEADINGS:
            assert heading not in html, (url, heading)
        assert "Sample — replace before launch" not in html
        assert "/case-studies/" not in html
    assert client.get("/case-studies/").status_code == 404
    assert client.get("/case-studies/sample-case-study/").status_code == 404


def test_a_published_case_study_tells_the_whole_story(client):
    publish_case_study()
    response = client.get("/case-studies/stripe-payouts-reconciled-in-xero/")
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert_accessible_markup(html)
    for shown in (
        "Stripe payouts reconciled in Xero",
        "Client Hartley & Sons Ltd",
        "Sector Wholesale",
        "Stripe",
        "Xero",
        "Two people matched Stripe payouts to invoices by hand each week.",
        "A small service that posts each payout to a clearing account.",
        "6 hours → 20 minutes month-end reconciliation",
        "We stopped dreading the last Friday of the month.",
        "Priya Shah, Finance director",
    ):
        assert shown in text, shown
    assert "Agreed by e-mail" not in html  # the permission note is for staff only


def test_the_footer_links_to_the_case_studies_once_one_is_published(client):
    publish_listing()
    assert 'href="/case-studies/"' not in client.get("/").content.decode()  # empty: no proof
    case_study = publish_case_study()
    footer = client.get("/").content.decode().split('class="site-footer', 1)[1]
    assert 'href="/case-studies/"' in footer
    case_study.unpublish()
    assert 'href="/case-studies/"' not in client.get("/").content.decode()


def test_a_client_who_asked_not_to_be_named_is_described_instead(client):
    publish_case_study(
        client_name="Hartley & Sons Ltd",
        client_not_named=True,
        anonymised_description="a 40-person UK wholesaler",
    )
    html = client.get("/case-studies/stripe-payouts-reconciled-in-xero/").content.decode()
    assert "a 40-person UK wholesaler" in text_of(html)
    assert "not named at their request" in text_of(html)
    assert "Hartley" not in html
    listing = client.get("/case-studies/").content.decode()
    assert "a 40-person UK wholesaler" in text_of(listing) and "Hartley" not in listing
    article, _ = json_ld(html)
    assert article["Article"]["about"][0] == {
        "@type": "Organization",
        "description": "a 40-person UK wholesaler",
    }


def test_the_case_study_is_an_article_about_the_client_and_systems_with_breadcrumbs(client):
    publish_case_study()
    html = client.get("/case-studies/stripe-payouts-reconciled-in-xero/").content.decode()
    blocks, _ = json_ld(html)
    article = blocks["Article"]
    assert article["headline"] == "Stripe payouts reconciled in Xero"
    assert article["about"] == [
        {"@type": "Organization", "name": "Hartley & Sons Ltd"},
        {"@type": "Thing", "name": "Stripe"},
        {"@type": "Thing", "name": "Xero"},
    ]
    assert article["url"].endswith("/case-studies/stripe-payouts-reconciled-in-xero/")
    assert article["publisher"]["name"] == "APIwise"
    crumbs = [item["name"] for item in blocks["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Case studies", "Stripe payouts reconciled in Xero"]


def test_the_listing_lists_published_case_studies_only(client):
    publish_case_study()
    html = client.get("/case-studies/").content.decode()
    assert_accessible_markup(html)
    text = text_of(html)
    assert "Stripe payouts reconciled in Xero" in text
    assert "6 hours → 20 minutes month-end reconciliation" in text
    assert "Sample — replace before launch" not in text


def test_home_health_check_and_the_related_guide_show_it(client):
    related = guide("connect-stripe-to-xero")
    publish_case_study(guides=[related])
    where = {
        "/": "Recent work",
        "/health-check/": "Past work",
        related.url: "Where we've done this",
    }
    for url, heading in where.items():
        html = client.get(url).content.decode()
        assert heading in html, url
        assert 'href="/case-studies/stripe-payouts-reconciled-in-xero/"' in html, url
        assert "6 hours → 20 minutes" in html, url
        assert 'href="/case-studies/"' in html, url
        assert_accessible_markup(html)
    # A guide it does not name shows none.
    other = client.get("/guides/what-is-an-api/").content.decode()
    assert "Where we've done this" not in other


def test_unpublishing_the_last_one_hides_every_section_again(client):
    page = publish_case_study(guides=[guide("connect-stripe-to-xero")])
    assert "Recent work" in client.get("/").content.decode()
    page.unpublish()
    assert "Recent work" not in client.get("/").content.decode()
    assert "Past work" not in client.get("/health-check/").content.decode()
    assert (
        "Where we've done this"
        not in client.get("/guides/connect-stripe-to-xero/").content.decode()
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"client_name": ""}, "client_name", "Name the client"),
        ({"client_not_named": True}, "anonymised_description", "Describe the client"),
    ],
)
def test_a_case_study_must_say_who_it_was_for(fields, field, message):
    values = {
        "title": "Payouts",
        "slug": "payouts",
        "summary": "S.",
        "problem": "<p>P</p>",
        "solution": "<p>S</p>",
        "client_name": "Hartley & Sons Ltd",
        "permission_note": "Agreed by e-mail.",
    }
    page = CaseStudyPage(**{**values, **fields})
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert message in str(error.value.message_dict[field])


def test_staff_write_one_in_the_admin_and_preview_it(admin_client):
    from blog.models import CaseStudyIndexPage

    listing = CaseStudyIndexPage.objects.get()
    add = f"/admin/pages/add/blog/casestudypage/{listing.pk}/"
    assert admin_client.get(add).status_code == 200
    page = CaseStudyPage.objects.get(title="Sample — replace before launch")
    preview = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Before → after" in preview.content.decode()
