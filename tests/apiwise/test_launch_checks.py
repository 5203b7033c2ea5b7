"""`manage.py check --tag launch` and the superusers' dashboard panel: every demo placeholder
listed before launch, nothing once the real details are in, and no effect on a plain check."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import Site

from apiwise.launch_checks import is_example_email, is_fictional_phone, is_local_host
from apiwise.models import ServicePage, SiteSettings
from tests.blog.proof import publish_case_study
from tests.helpers import STAFF_PASSWORD, log_in_with_second_factor

pytestmark = pytest.mark.django_db

# What the demo data leaves for staff to replace, as the launch check names each one.
DEMO_PLACEHOLDERS = [
    "Site host is still “127.0.0.1”",
    "contact e-mail “hello@apiwise.example”",
    "phone number “+44 20 7946 0000”",
    "address is still a placeholder: “APIwise Ltd, 1 Example Street",
    "registered office is still a placeholder",
    "LinkedIn link “https://www.linkedin.com/company/apiwise-example”",
    "(DEFAULT_FROM_EMAIL), an example address",
    "(SERVER_EMAIL), an example address",
    "“APIwise Ltd” has no company number",
    "priced plus VAT (BOOKINGS_VAT_RATE 0.20) but the site settings have no VAT number",
    "privacy notice gives only an example address (hello@apiwise.example) for data requests",
    "The Terms (“Terms of use”) still hold the demo's service terms, marked “Sample — review "
    "before launch”",
    "No service page is published",
    "No case study is published",
]

REAL_TERMS = (
    "<h2>Integration Health Check</h2><p>The price is £495 plus VAT, paid by bank transfer "
    "within 14 days of our invoice. You may cancel or move the call free of charge up to one "
    "working day before it. Our liability is limited to the fee you paid.</p>"
)


def launch_check_output():
    """The launch check's report, and whether it failed."""
    try:
        call_command("check", tags=["launch"], stdout=None)
    except SystemCheckError as failure:
        return str(failure), True
    return "", False


@pytest.fixture
def launch_ready(settings, home_page):
    """The site with every placeholder replaced by what a live site would have."""
    settings.DEFAULT_FROM_EMAIL = "APIwise <hello@apiwise.co.uk>"
    settings.SERVER_EMAIL = "errors@apiwise.co.uk"
    Site.objects.filter(is_default_site=True).update(hostname="www.apiwise.co.uk", port=443)
    org = SiteSettings.for_default_site()
    org.contact_email = "hello@apiwise.co.uk"
    org.phone = "+44 161 850 0000"
    org.address = org.registered_office = "APIwise Ltd\n12 Deansgate\nManchester\nM3 2BW"
    org.linkedin_url = "https://www.linkedin.com/company/apiwise"
    org.company_number = "16012345"
    org.vat_number = "GB123456789"
    org.save()
    terms = org.terms_page.specific
    terms.body = REAL_TERMS  # in place of the demo's sample terms
    terms.save_revision().publish()
    publish_case_study()
    service = ServicePage.objects.get(slug="custom-integrations")
    service.title = "Custom integrations"
    service.save_revision().publish()
    return org


def test_the_demo_data_fails_listing_every_placeholder():
    report, failed = launch_check_output()
    assert failed
    for placeholder in DEMO_PLACEHOLDERS:
        assert placeholder in report
    assert f"{len(DEMO_PLACEHOLDERS)} issues" in report


def test_passes_once_the_settings_and_pages_are_filled_in(launch_ready, capsys):
    report, failed = launch_check_output()
    assert not failed, report
    assert "no issues" in capsys.readouterr().out


def test_each_detail_is_listed_until_it_is_fixed(launch_ready):
    launch_ready.vat_number = ""
    launch_ready.save()
    report, failed = launch_check_output()
    assert failed
    assert "no VAT number" in report
    assert "1 issue " in report


def test_a_privacy_notice_with_only_an_example_address_still_fails(launch_ready, client):
    launch_ready.data_requests_email = "privacy@apiwise.example"
    launch_ready.save()
    assert "mailto:privacy@apiwise.example" in client.get("/privacy/").content.decode()
    report, failed = launch_check_output()
    assert "gives only an example address (privacy@apiwise.example)" in report


def test_a_plain_check_and_the_deploy_check_ignore_them_on_the_demo_data(capsys):
    call_command("check")
    call_command("check", deploy=True, fail_level="CRITICAL")
    captured = capsys.readouterr()
    assert "security.W" in captured.err + captured.out  # the deploy checks did run
    assert "launch." not in captured.err + captured.out
    # Asked for once, they are not left behind for the next plain check in this process.
    launch_check_output()
    call_command("check")


@pytest.mark.parametrize(
    ("number", "fictional"),
    [
        ("+44 20 7946 0000", True),
        ("020 7946 0123", True),
        ("07700 900123", True),
        ("+44 (0)7700 900 461", True),
        ("0161 850 0000", False),
        ("+44 20 7946 1234", False),  # Ofcom keeps only 020 7946 0000–0999 for drama
    ],
)
def test_fictional_numbers_are_recognised_however_written(number, fictional):
    assert is_fictional_phone(number) is fictional


def test_example_domains_and_local_hosts():
    assert is_example_email("hello@apiwise.example")
    assert is_example_email("ops@example.com")
    assert not is_example_email("hello@apiwise.co.uk")
    assert all(is_local_host(host) for host in ("127.0.0.1", "localhost", "::1", "10.0.0.5"))
    assert not is_local_host("www.apiwise.co.uk")


def test_superusers_see_the_list_on_the_dashboard(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Before going live" in html
    assert "hello@apiwise.example" in html
    assert "No case study is published" in html


def test_the_panel_goes_once_everything_is_filled_in(admin_client, launch_ready):
    html = admin_client.get("/admin/").content.decode()
    assert "Before going live" not in html


def test_editors_do_not_see_it(client):
    editor = User.objects.create_user("eddie", "eddie@apiwise.co.uk", STAFF_PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    log_in_with_second_factor(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Before going live" not in response.content.decode()


def test_the_demo_sample_case_study_published_fails_even_beside_a_real_one(launch_ready):
    from blog.models import CaseStudyPage

    sample = CaseStudyPage.objects.get(title="Sample — replace before launch")
    sample.save_revision().publish()
    report, failed = launch_check_output()
    assert failed
    assert "The demo's sample case study is live at /case-studies/sample-case-study/" in report
    assert "1 issue " in report
    CaseStudyPage.objects.get(pk=sample.pk).unpublish()
    assert launch_check_output() == ("", False)


def test_only_the_sample_case_study_published_is_still_no_case_study(launch_ready):
    from blog.models import CaseStudyPage

    CaseStudyPage.objects.exclude(title="Sample — replace before launch").delete()
    CaseStudyPage.objects.get(title="Sample — replace before launch").save_revision().publish()
    report, failed = launch_check_output()
    assert "No case study is published" in report
    assert "The demo's sample case study is live" in report


def test_the_sample_person_shown_on_a_live_team_page_fails(launch_ready):
    from tests.blog.proof import publish_team_page, show_on_team_page, the_sample_person

    show_on_team_page(the_sample_person())
    assert launch_check_output() == ("", False)  # the team page is still a draft
    publish_team_page()
    report, failed = launch_check_output()
    assert failed
    assert "The demo's sample person is on the team page" in report
