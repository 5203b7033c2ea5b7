"""The team page and each person's page: who a prospect will talk to, with a photo cropped on
its focal point, role, bio, LinkedIn and the guides they wrote; bylines and the Health Check
page link to them. Nobody is shown until staff tick "show on the team page"."""

import re

import pytest

from bookings.models import HealthCheckPage
from tests.blog.proof import (
    demo_author,
    guide,
    publish_team_page,
    show_on_team_page,
    the_sample_person,
)
from tests.helpers import ARTICLE_URL, assert_accessible_markup, json_ld, text_of

pytestmark = pytest.mark.django_db
LINKEDIN = "https://www.linkedin.com/in/alex-morgan-apiwise"


@pytest.fixture
def alex():
    """The demo's author with the sample's placeholder photo, shown on a live team page."""
    publish_team_page()
    return show_on_team_page(demo_author(), photo=the_sample_person().photo, linkedin_url=LINKEDIN)


def test_the_team_page_shows_each_person_with_photo_role_bio_linkedin_and_guides(client, alex):
    html = client.get("/team/").content.decode()
    assert_accessible_markup(html)
    text = text_of(html)
    assert "Alex Morgan" in text and "Lead integration consultant, APIwise" in text
    assert "Alex writes APIwise's guides in plain English." in text
    assert f'href="{LINKEDIN}"' in html
    assert 'href="/team/alex-morgan/"' in html
    assert f'href="{ARTICLE_URL}"' in html  # one of the guides Alex wrote
    # The photo through Wagtail's images, cropped square on its focal point, described.
    img = re.search(r"<img[^>]*person-card__photo[^>]*>", html).group(0)
    assert 'alt="Placeholder silhouette, not a photo of anyone"' in img
    assert re.search(r"\.fill-160x160-c100\.", html)
    # Nobody staff have not ticked: the sample person stays off.
    assert "Sample — replace before launch" not in text


def test_a_person_has_a_page_of_their_own_with_person_structured_data(client, alex):
    response = client.get("/team/alex-morgan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_accessible_markup(html)
    assert "<h1" in html and "Alex Morgan</h1>" in html
    assert "<title>Alex Morgan, Lead integration consultant, APIwise" in html
    blocks, _ = json_ld(html)
    person = blocks["Person"]
    assert person["name"] == "Alex Morgan"
    assert person["jobTitle"] == "Lead integration consultant, APIwise"
    assert person["sameAs"] == [LINKEDIN]
    assert person["url"].endswith("/team/alex-morgan/")
    assert person["image"].endswith(".jpg")
    assert person["worksFor"]["name"] == "APIwise"
    crumbs = [item["name"] for item in blocks["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Our team", "Alex Morgan"]
    team = client.get("/team/").content.decode()
    _, parsed = json_ld(team)
    assert [block["name"] for block in parsed if block["@type"] == "Person"] == ["Alex Morgan"]


def test_someone_not_on_the_team_page_has_no_page_and_no_link(client, alex):
    assert client.get("/team/sample-replace-before-launch/").status_code == 404
    assert client.get("/team/nobody/").status_code == 404
    alex.on_team_page = False
    alex.save()
    assert client.get("/team/alex-morgan/").status_code == 404
    assert 'href="/team/alex-morgan/"' not in client.get(ARTICLE_URL).content.decode()


def test_bylines_link_to_the_person(client, alex):
    html = client.get(ARTICLE_URL).content.decode()
    assert '<dd><a href="/team/alex-morgan/" rel="author">Alex Morgan</a></dd>' in html
    assert '<a href="/team/alex-morgan/">Alex Morgan</a></strong>' in html


def test_the_footer_links_to_the_team_page_while_it_is_live(client, alex):
    footer = client.get("/guides/").content.decode().split('class="site-footer', 1)[1]
    assert 'href="/team/"' in footer


def test_no_links_while_the_team_page_is_a_draft(client):
    show_on_team_page(demo_author())
    assert client.get("/team/").status_code == 404
    html = client.get(ARTICLE_URL).content.decode()
    assert "<dd>Alex Morgan</dd>" in html and "/team/" not in html


def test_the_health_check_links_to_who_you_will_talk_to_with_their_photo(client, alex):
    page = HealthCheckPage.objects.get()
    page.consultant = alex
    page.save_revision().publish()
    html = client.get("/health-check/").content.decode()
    section = html[html.index("Who you will talk to") :]
    section = section[: section.index("</section>")]
    assert '<a href="/team/alex-morgan/">Alex Morgan</a>' in section
    assert 'alt="Placeholder silhouette, not a photo of anyone"' in section


def test_the_sitemap_lists_each_person(client, alex):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/team/alex-morgan/</loc>" in xml
    assert "sample-replace-before-launch" not in xml


def test_authors_get_unique_slugs_from_their_names():
    from blog.models import Author

    first = Author.objects.create(name="Sam Lee")
    second = Author.objects.create(name="Sam Lee")
    assert (first.slug, second.slug) == ("sam-lee", "sam-lee-2")
    assert guide("what-is-an-api").authors.get().slug == "alex-morgan"
