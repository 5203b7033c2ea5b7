"""Every page type can be previewed in the admin: its preview may be framed by the admin (and
by nothing else), routable pages included."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

SITE_APPS = {"apiwise", "blog", "bookings"}
PAGE_TYPES = sorted(
    model._meta.label for model in get_page_models() if model._meta.app_label in SITE_APPS
)


def test_the_site_has_the_page_types_the_preview_test_expects():
    assert "bookings.HealthCheckPage" in PAGE_TYPES and "blog.GuideIndexPage" in PAGE_TYPES


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_preview_of_every_page_type_can_be_framed_by_the_admin_only(admin_client, label):
    app_label, model_name = label.split(".")
    page = Page.objects.filter(
        content_type__app_label=app_label, content_type__model=model_name.lower()
    ).first()
    assert page is not None, f"the demo content has a {label}"
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_public_page_itself_cannot_be_framed(client):
    response = client.get("/health-check/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
