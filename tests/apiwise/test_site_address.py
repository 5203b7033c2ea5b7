"""Served anywhere but `make run`, the sitemap and canonical links name the site's public
address (SITE_URL), never the demo's 127.0.0.1:8000; the deploy check says when they would."""

import io
import re

import pytest
from django.core import checks
from django.core.management import call_command
from wagtail.models import Site

from tests.helpers import ARTICLE_URL

pytestmark = pytest.mark.django_db


def sitemap_locations(client):
    xml = client.get("/sitemap.xml", HTTP_HOST="apiwise.example").content.decode()
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def deploy_errors():
    found = checks.run_checks(include_deployment_checks=True, databases=["default"])
    return {message.id for message in found if message.id and message.id.startswith("apiwise")}


def test_configure_site_makes_the_sitemap_and_canonical_links_name_the_public_address(
    client, settings
):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)  # as the demo leaves it
    settings.SITE_URL = "https://apiwise.example"
    assert "apiwise.E001" in deploy_errors()  # what the launch would be warned of

    output = io.StringIO()
    call_command("configure_site", stdout=output)
    assert "https://apiwise.example" in output.getvalue()

    locations = sitemap_locations(client)
    assert locations and all(loc.startswith("https://apiwise.example/") for loc in locations)
    html = client.get(ARTICLE_URL, HTTP_HOST="apiwise.example").content.decode()
    assert f'<link rel="canonical" href="https://apiwise.example{ARTICLE_URL}">' in html
    assert "127.0.0.1" not in html
    assert "apiwise.E001" not in deploy_errors()


def test_the_deploy_check_warns_while_site_url_is_unset_or_local(settings):
    settings.SITE_URL = ""
    assert "apiwise.W001" in deploy_errors()
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert "apiwise.W001" in deploy_errors()
