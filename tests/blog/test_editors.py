"""The editor's side: series set from the guide, warnings on publish, scheduled publishing
through the command the scheduler runs, and promoted search results."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage, SeriesHubPage, SeriesItem
from tests.helpers import log_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    log_in_with_second_factor(client, user)
    return client


def guide_form(guide, **overrides):
    """The guide's edit form as it stands, with overrides."""
    data = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "short_answer": rich_text(str(guide.short_answer) or "<p>x</p>"),
        "body": streamfield([("text", rich_text("<p>Body</p>"))]),
        "date": guide.date.isoformat(),
        "related_links": inline_formset([]),
        "series_memberships": inline_formset([]),
        "seo_title": guide.seo_title,
        "search_description": guide.search_description,
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_puts_a_guide_into_a_series_at_a_position_from_the_guide(admin_client):
    hub = SeriesHubPage.objects.get(slug="api-basics")
    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    data = guide_form(
        guide,
        series_memberships=inline_formset([{"hub": hub.pk, "position": 2}]),
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert SeriesItem.objects.get(hub=hub, guide=guide).position == 2
    titles = [g.title for g in hub.guides()]
    assert titles.index(guide.title) in (1, 2)  # part 2 (shared with the guide already there)
    page = admin_client.get(guide.url).content.decode()
    assert 'in <a href="/guides/api-basics/">API basics hub</a>' in page
    # The hub's edit form lists the parts and says where they are set.
    hub_form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk])).content.decode()
    assert f'Part 2: <a href="/admin/pages/{guide.pk}/edit/">{guide.title}</a>' in hub_form
    assert "from their own edit form" in hub_form


def test_a_guide_cannot_join_one_series_twice(admin_client):
    hub = SeriesHubPage.objects.get(slug="api-basics")
    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    twice = inline_formset([{"hub": hub.pk, "position": 1}, {"hub": hub.pk, "position": 5}])
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, series_memberships=twice),
    )
    assert response.status_code == 200  # the form again
    assert "The guide is already in that series." in response.content.decode()
    assert not SeriesItem.objects.filter(guide=guide).exists()


def test_publishing_warns_about_long_titles_missing_descriptions_and_links_to_drafts(admin_client):
    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    draft = ArticlePage.objects.filter(live=False).first()
    body = streamfield(
        [("text", rich_text(f'<p>See <a linktype="page" id="{draft.pk}">the draft</a>.</p>'))]
    )
    data = guide_form(
        guide,
        seo_title="A very long SEO title that certainly goes on past what a search engine shows",
        search_description="",
        body=body,
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]), data, follow=True
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    warnings = " ".join(messages)
    assert "Published, with 3 warnings: (1) " in warnings  # a warning, not a refusal
    assert "Scheduled" not in warnings
    assert "search engines show about 60" in warnings
    assert "There is no search description" in warnings
    assert f"It links to “{draft.title}”, which is not published" in warnings
    assert ArticlePage.objects.get(pk=guide.pk).live


def test_a_guide_without_problems_publishes_without_warnings(admin_client):
    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    data = guide_form(guide, **{"action-publish": "action-publish"})
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]), data, follow=True
    )
    assert not [m for m in response.context["messages"] if "warning" in str(m)]


LONG_SEO_TITLE = "A very long SEO title that certainly goes on past what a search engine shows"


@pytest.mark.clock("2026-12-07 10:00")
@pytest.mark.parametrize("already_live", [False, True], ids=["draft", "live guide"])
def test_publishing_with_a_go_live_date_says_it_is_scheduled_not_published(
    admin_client, client, already_live
):
    guide = ArticlePage.objects.filter(live=already_live).first()
    old_title = guide.title
    data = guide_form(
        guide,
        title="Scheduled version",
        seo_title=LONG_SEO_TITLE,
        search_description="",
        go_live_at="2026-12-08 09:00",  # the editor's UK wall-clock time
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]), data, follow=True
    )
    messages = " ".join(str(m) for m in response.context["messages"])
    assert (
        "Scheduled to go live on Tuesday 8 December 2026 at 09:00 (UK time), with 2 warnings: "
        "(1) The SEO title is 76 characters" in messages
    )
    assert "(2) There is no search description" in messages
    assert "Published," not in messages
    # Visitors see no change until then.
    public = client.get(f"/guides/{guide.slug}/")
    if already_live:
        assert old_title in public.content.decode()
        assert "Scheduled version" not in public.content.decode()
    else:
        assert public.status_code == 404


@pytest.mark.clock("2026-06-30 16:00")
def test_a_summer_go_live_date_is_said_in_uk_summer_time(admin_client):
    guide = ArticlePage.objects.filter(live=False).first()
    data = guide_form(
        guide,
        search_description="",
        go_live_at="2026-07-01 09:30",
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]), data, follow=True
    )
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Scheduled to go live on Wednesday 1 July 2026 at 09:30 (UK time), with 1 warning: " in (
        messages
    )


def test_the_editor_gets_length_counters_on_the_fields_search_engines_cut(admin_client):
    guide = ArticlePage.objects.get(slug="connect-stripe-to-xero")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert "js/admin-counters.js" in html


def test_scheduled_pages_go_live_and_expire_through_the_schedulers_command(make_guide):
    """What docker-compose's scheduler runs every minute: `manage.py publish_scheduled`."""
    soon = make_guide("goes-live-soon", live=False)
    revision = soon.save_revision()
    revision.publish(log_action=False)  # with a go-live date in the future it is only scheduled
    ArticlePage.objects.filter(pk=soon.pk).update(live=False)
    revision.approved_go_live_at = timezone.now() + dt.timedelta(seconds=30)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=soon.pk).live  # not yet

    revision.approved_go_live_at = timezone.now() - dt.timedelta(seconds=1)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=soon.pk).live

    expiring = make_guide("expires-now")
    ArticlePage.objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() - dt.timedelta(seconds=1)
    )
    call_command("publish_scheduled")
    expired = ArticlePage.objects.get(pk=expiring.pk)
    assert not expired.live and expired.expired


def test_staff_pin_a_guide_to_the_top_of_a_search(client):
    pinned = ArticlePage.objects.get(slug="api-integration-cost-uk")
    SearchPromotion.objects.create(query=Query.get("invoice"), page=pinned, sort_order=0)
    html = client.get("/search/", {"q": "Invoice"}).content.decode()
    promoted = html[
        html.index('class="search-promoted"') : html.index(
            "</section>", html.index('class="search-promoted"')
        )
    ]
    assert pinned.title in promoted
    assert html.index('class="search-promoted"') < html.index('class="search-results"')
    # A search looks promotions up; it never creates queries.
    client.get("/search/", {"q": "a search nobody made before"})
    assert not Query.objects.filter(query_string="a search nobody made before").exists()
