"""`manage.py generate_guides N`: realistic guides for measuring the site at scale."""

import io

import pytest
from django.core.management import CommandError, call_command

from blog.models import ArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_not_cached")]


def run(*args):
    out = io.StringIO()
    call_command("generate_guides", *args, stdout=out)
    return out.getvalue()


def test_generated_guides_are_published_with_real_bodies_and_deleted_on_request(client):
    before = ArticlePage.objects.live().count()
    assert "Generated 12 guides" in run("12")
    generated = ArticlePage.objects.live().filter(slug__startswith="bench-")
    assert generated.count() == 12 and ArticlePage.objects.live().count() == before + 12
    guide = generated.order_by("slug").first()
    page = client.get(guide.url)
    assert page.status_code == 200
    # A copy of a complete demo guide: headings and text, not a stub.
    assert len(guide.body) > 5 and "(copy 1)" in guide.title
    assert guide.slug in client.get("/sitemap.xml").content.decode()
    assert "Generated 3 guides (now 15 in all)" in run("3")
    assert "Deleted 15 generated guides" in run("0", "--delete")
    assert not ArticlePage.objects.filter(slug__startswith="bench-").exists()


def test_a_count_below_one_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        run("0")
