"""The privacy notice names a contact for data requests from the site settings, and the demo
Terms carry the Health Check's terms marked for review; the launch check reads both."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from apiwise.models import SiteSettings

pytestmark = pytest.mark.django_db


def launch_report():
    try:
        call_command("check", tags=["launch"], stdout=None)
    except SystemCheckError as failure:
        return str(failure)
    return ""


def data_requests_section(client):
    html = client.get("/privacy/").content.decode()
    return re.search(r'<section class="data-requests".*?</section>', html, re.S).group()


def test_the_privacy_notice_names_the_contact_e_mail_until_a_data_requests_one_is_set(client):
    section = data_requests_section(client)
    assert 'href="mailto:hello@apiwise.example"' in section  # the contact e-mail, by default
    assert "gives only an example address (hello@apiwise.example)" in launch_report()

    org = SiteSettings.for_default_site()
    org.data_requests_email = "privacy@apiwise.co.uk"
    org.data_requests_address = "APIwise Ltd\n12 Deansgate\nManchester\nM3 2BW"
    org.save()
    section = data_requests_section(client)
    assert 'href="mailto:privacy@apiwise.co.uk"' in section
    assert "write to APIwise Ltd, 12 Deansgate, Manchester, M3 2BW" in section
    assert "hello@apiwise.example" not in section
    assert "for data requests" not in launch_report()


def test_only_the_privacy_notice_has_the_section(client):
    assert 'class="data-requests"' not in client.get("/about/").content.decode()
    assert 'class="data-requests"' not in client.get("/terms/").content.decode()


def test_the_demo_terms_cover_the_health_check_and_are_marked_for_review(client):
    html = " ".join(client.get("/terms/").content.decode().split())
    for words in (
        "£495 plus VAT",
        "payable within 14 days",
        "cancel or move the call free of charge",
        "does not include building, configuring or fixing any integration",
        "limited to the fee you paid",
        "Sample — review before launch",
    ):
        assert words in html, words
    report = launch_report()
    assert "still hold the demo's service terms" in report
    assert "say nothing about the paid" not in report  # the topics are all there


def test_terms_reviewed_and_unmarked_pass(home_page):
    org = SiteSettings.for_default_site()
    terms = org.terms_page.specific
    terms.body = str(terms.body).replace(" (Sample — review before launch)", "")
    terms.body = re.sub(r"<p><em>Sample — review before launch.*?</p>", "", terms.body, flags=re.S)
    terms.save_revision().publish()
    report = launch_report()
    assert "Terms" not in report
