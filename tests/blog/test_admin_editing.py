"""The editor's side: preview for every page type and validation messages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.blocks import anchors_in
from blog.models import ArticlePage, GuideIndexPage, SeriesHubPage
from tests.helpers import log_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    log_in_with_second_factor(client, user)
    return client


PREVIEW_DATA = {
    "blog.articlepage": {
        "title": "Preview guide",
        "slug": "preview-guide",
        "summary": "A guide in preview.",
        "short_answer": rich_text("<p>The short answer in preview.</p>"),
        "body": streamfield([("text", rich_text("<p>Body in preview.</p>"))]),
        "date": "2026-06-01",
        "related_links": inline_formset([]),
        "series_memberships": inline_formset([]),
    },
    "blog.serieshubpage": {
        "title": "Preview hub",
        "slug": "preview-hub",
        "intro": rich_text("<p>Hub intro.</p>"),
    },
    "blog.guideindexpage": {"title": "Preview index", "slug": "preview-index"},
    "blog.faqpage": {
        "title": "Preview FAQs",
        "slug": "preview-faqs",
        "sections": streamfield([]),
    },
}


@pytest.mark.parametrize("model", list(PREVIEW_DATA))
def test_preview_works_for_every_page_type(admin_client, model, home_page):
    app_label, model_name = model.split(".")
    existing = {
        "articlepage": ArticlePage,
        "serieshubpage": SeriesHubPage,
        "guideindexpage": GuideIndexPage,
    }.get(model_name)
    page = existing.objects.first() if existing else Page.objects.get(slug="faqs").specific
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(PREVIEW_DATA[model])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True, response.json()
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert PREVIEW_DATA[model]["title"] in html
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_faq_block_without_an_answer_is_refused_in_the_admin(admin_client):
    faqs = Page.objects.get(slug="faqs")
    data = nested_form_data(
        {
            "title": "FAQs",
            "slug": "faqs",
            "intro": "",
            "sections": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": "Costs",
                            "items": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "question": "How much?",
                                            "answer": rich_text(""),
                                            "anchor": "",
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[faqs.pk]), data)
    assert response.status_code == 200
    assert "Every FAQ needs an answer." in response.content.decode()


def test_guide_cannot_relate_to_itself(admin_client, article):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "short_answer": rich_text("<p>x</p>"),
            "body": streamfield([("text", rich_text("<p>Body</p>"))]),
            "date": "2026-06-23",
            "related_links": inline_formset([{"guide": article.pk}]),
            "series_memberships": inline_formset([]),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    assert "A guide cannot be related to itself." in response.content.decode()


def test_block_picker_shows_a_preview_an_icon_and_a_label_for_every_body_block(admin_client):
    """What an editor sees in the block picker: each block previewed with content, its own
    icon, a label a person would write and a description."""
    import re

    from blog.blocks import ArticleBodyBlock

    blocks = ArticleBodyBlock().child_blocks
    icons = [block.meta.icon for block in blocks.values()]
    assert len(set(icons)) == len(icons), icons
    labels = [block.label for block in blocks.values()]
    assert "FAQ" in labels and "Call to action" in labels and "Faq" not in labels
    for name, block in blocks.items():
        assert block.is_previewable, name
        assert block.get_description(), name
        response = admin_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        html = response.content.decode()
        main = html[html.index("<body") :]
        visible = " ".join(re.sub(r"<[^>]+>", " ", main).split())
        assert len(visible) > 20 or "<img" in main, (name, visible)
        assert "&lt;p&gt;" not in main, name  # rich text rendered, not shown as tags


def heading(text, anchor=""):
    return ("heading", {"text": text, "level": "h2", "anchor": anchor})


def test_two_headings_with_one_link_are_refused_until_one_gets_its_own(admin_client, article):
    def save(body):
        data = nested_form_data(
            {
                "title": article.title,
                "slug": article.slug,
                "summary": article.summary,
                "short_answer": rich_text("<p>x</p>"),
                "body": streamfield(body),
                "date": "2026-06-23",
                "related_links": inline_formset([]),
                "series_memberships": inline_formset([]),
            }
        )
        url = reverse("wagtailadmin_pages:edit", args=[article.pk])
        return admin_client.post(url, data)

    revisions = article.revisions.count()
    response = save([heading("Costs"), ("text", rich_text("<p>a</p>")), heading("Costs!")])
    assert response.status_code == 200  # the form again, nothing saved
    assert "already links as #costs" in response.content.decode()
    assert article.revisions.count() == revisions

    response = save([heading("Costs"), heading("Costs!", anchor="costs-in-detail")])
    assert response.status_code == 302
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [anchor for _i, anchor in anchors_in(draft.body)] == ["costs", "costs-in-detail"]


def test_the_same_question_twice_on_the_faq_page_is_refused(admin_client):
    question = {"question": "How much?", "answer": rich_text("<p>£495.</p>"), "anchor": ""}
    section = {"heading": "Costs", "items": streamfield([("item", question)])}
    data = nested_form_data(
        {
            "title": "FAQs",
            "slug": "faqs",
            "intro": "",
            "sections": streamfield(
                [("section", section), ("section", {**section, "heading": "Prices"})]
            ),
        }
    )
    faqs = Page.objects.get(slug="faqs")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[faqs.pk]), data)
    assert response.status_code == 200
    assert "already links as #faq-how-much" in response.content.decode()
