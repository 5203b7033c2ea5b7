"""The demo loader behind `make run`."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(Page.objects.values_list("url_path", "live", "latest_revision_id")),
    )


def test_loading_twice_changes_nothing():
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_loader_keeps_staff_edits(home_page):
    about = home_page.get_children().get(slug="about").specific
    about.introduction = "Edited by staff."
    about.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    about.refresh_from_db()
    assert about.introduction == "Edited by staff."


def test_site_root_is_the_apiwise_home_page():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()


def test_ensure_admin_creates_one_superuser_and_says_how_to_log_in(capsys):
    from django.contrib.auth import get_user_model

    call_command("ensure_admin")
    call_command("ensure_admin")
    out = capsys.readouterr().out
    assert "Log in at http://127.0.0.1:8000/admin/ as 'admin'" in out
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
