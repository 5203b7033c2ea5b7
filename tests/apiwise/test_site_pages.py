"""Site-wide pages, settings and navigation as a visitor sees them."""

import re
from html import unescape

import pytest
from wagtail.models import Site

from apiwise.models import NavigationSettings, SiteSettings
from tests.helpers import PUBLIC_PAGES

pytestmark = pytest.mark.django_db


def test_home_page_shows_hero_services_and_health_check_call_to_action(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Get your business systems talking" in html
    assert "What we do" in html and "Integration Health Check" in html
    assert "Not sure where to start?" in html
    # Both the hero and the closing panel lead to the Health Check, as does the menu's button.
    buttons = re.findall(r'<a class="button[^"]*" href="/health-check/">([^<]+)</a>', html)
    assert buttons.count("Book your Health Check") == 2
    assert "Integration Health Check" in buttons  # the menu's call to action


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/about/", "About APIwise"), ("/privacy/", "Privacy notice"), ("/terms/", "Terms of use")],
)
def test_standard_pages_are_served(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_footer_reads_contact_details_from_site_settings(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "sales@apiwise.example"
    settings.phone = "+44 161 496 0000"
    settings.save()
    html = client.get("/about/").content.decode()
    assert 'href="mailto:sales@apiwise.example"' in html
    assert "+44 161 496 0000" in html
    assert "hello@apiwise.example" not in html


def current_links(html):
    """{href: aria-current} of the main menu's links."""
    menu = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    return dict(re.findall(r'href="([^"]+)" aria-current="(\w+)"', menu))


def test_main_menu_is_editable_and_marks_the_current_section(client):
    html = client.get("/about/").content.decode()
    assert current_links(html) == {"/about/": "page"}
    assert current_links(client.get("/guides/connect-stripe-to-xero/").content.decode()) == {
        "/guides/": "true"
    }
    nav = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    item = nav.main_menu_items.get(page__slug="about")
    item.label = "Who we are"
    item.save()
    html = client.get("/privacy/").content.decode()
    assert ">Who we are</a>" in html
    assert current_links(html) == {}


def test_only_the_deepest_menu_section_is_current(client):
    """On the API basics hub (below the guides), "API basics" is current, not "Guides" too."""
    html = client.get("/guides/api-basics/").content.decode()
    assert current_links(html) == {"/guides/api-basics/": "page"}
    guide = client.get("/guides/apis-vs-integrations-vs-automation/").content.decode()
    assert current_links(guide) == {"/guides/": "true"}


def test_unpublished_page_is_left_out_of_the_menu(client):
    nav = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    about = nav.main_menu_items.get(page__slug="about").page
    about.unpublish()
    html = client.get("/").content.decode()
    assert 'href="/about/"' not in html


def test_unknown_address_gets_the_branded_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sorry, we can’t find that page" in html
    assert 'class="site-header"' in html


def test_sitemap_lists_live_pages_and_robots_points_at_it(client, home_page):
    about = home_page.get_children().get(slug="about")
    about.unpublish()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    xml = sitemap.content.decode()
    assert "/privacy/</loc>" in xml and "<lastmod>" in xml
    assert "/about/</loc>" not in xml
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert "Disallow: /admin/" in robots.content.decode()


def test_favicon_and_touch_icon_are_served(client):
    assert client.get("/favicon.ico").status_code == 200
    html = client.get("/").content.decode()
    assert 'rel="apple-touch-icon"' in html


def test_home_page_title_names_the_site_once(client):
    html = client.get("/").content.decode()
    assert "<title>APIwise: vendor-neutral API and integration consultancy, UK</title>" in html


def test_every_live_page_title_fits_in_a_search_result(client):
    """Search engines show about 60 characters of a title: every page of the site, as the
    demo sets it up, stays within that."""
    from wagtail.models import Page

    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) > 15
    for page in pages:
        html = client.get(page.url).content.decode()
        title = re.search(r"<title>([^<]*)</title>", html).group(1)
        assert len(unescape(title)) <= 60, (page.url, title)


def test_page_metadata_uses_seo_fields_with_fallbacks(client, home_page):
    about = home_page.get_children().get(slug="about").specific
    html = client.get("/about/").content.decode()
    # The site name is not repeated when the title already has it.
    assert "<title>About APIwise</title>" in html
    assert '<meta name="description" content="A small UK consultancy' in html
    assert f'<link rel="canonical" href="{about.full_url}">' in html
    about.seo_title = "About us"
    about.search_description = "Who is behind APIwise."
    about.save_revision().publish()
    html = client.get("/about/").content.decode()
    assert "<title>About us | APIwise</title>" in html
    assert '<meta name="description" content="Who is behind APIwise.">' in html
    assert '<meta property="og:description" content="Who is behind APIwise.">' in html


def test_staff_redirects_send_old_addresses_to_new_pages(client, home_page):
    from wagtail.contrib.redirects.models import Redirect

    about = home_page.get_children().get(slug="about")
    Redirect.objects.create(old_path="/who-we-are", redirect_page=about, is_permanent=True)
    response = client.get("/who-we-are/")
    assert response.status_code == 301
    assert response["Location"].endswith("/about/")


@pytest.mark.parametrize(
    "path",
    [*PUBLIC_PAGES, "/search/?q=nothing-matches-this", "/health-check/booked/", "/about/"],
)
def test_no_template_syntax_leaks_onto_a_page(client, path):
    # A Django {# #} comment only works on one line; a longer one is printed on the page.
    html = client.get(path).content.decode()
    text = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)  # JSON-LD ends in "}}"
    for syntax in ("{#", "#}", "{%", "%}", "{{", "}}"):
        assert syntax not in text, (path, syntax)
