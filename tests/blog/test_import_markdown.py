"""Markdown an editor types by hand: callouts as admonitions or GitHub alerts, the site's
diagrams, a line between two runs of text, a call to action's button, front matter."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blog.importer import ImportProblem, import_guide
from blog.models import ArticlePage
from bookings.models import HealthCheckPage
from tests.blog.documents import without_default_call_to_action

pytestmark = pytest.mark.django_db


def imported(guide_index, user, markdown):
    upload = SimpleUploadedFile("guide.md", markdown.encode(), content_type="text/markdown")
    page = import_guide(guide_index, file=upload, user=user)
    page = ArticlePage.objects.get(pk=page.pk)
    return page, [(block["type"], block["value"]) for block in page.body.raw_data]


def test_admonitions_and_alerts_become_callouts(guide_index, admin_user):
    page, blocks = imported(
        guide_index,
        admin_user,
        """# Keeping keys safe

## Short answer

Treat keys like passwords.

## Sharing keys

!!! tip "Use a password manager"
    Send keys through a password manager, **never** by email.

    - one key per connection
    - remove old keys

!!! danger "Revoke a leaked key"
    Do it today.

> [!NOTE]
> Keys expire too.

!!! recipe "Sourdough"
    Not a kind of box the site has.
""",
    )
    assert without_default_call_to_action(blocks)[1:] == [
        (
            "callout",
            {
                "kind": "tip",
                "title": "Use a password manager",
                "text": "<p>Send keys through a password manager, <b>never</b> by email.</p>"
                "<ul><li>one key per connection</li><li>remove old keys</li></ul>",
            },
        ),
        (
            "callout",
            {"kind": "warning", "title": "Revoke a leaked key", "text": "<p>Do it today.</p>"},
        ),
        ("callout", {"kind": "info", "title": "", "text": "<p>Keys expire too.</p>"}),
        (
            "callout",
            {
                "kind": "info",
                "title": "Sourdough",
                "text": "<p>Not a kind of box the site has.</p>",
            },
        ),
    ]
    assert "The callout “Sourdough” near “Sharing keys” is of a kind the site does not have" in (
        page.import_notes
    )
    assert "Revoke" not in page.import_notes


def test_a_diagram_fence_shows_one_of_the_sites_diagrams(guide_index, admin_user):
    page, blocks = imported(
        guide_index,
        admin_user,
        """# Three layers

## Short answer

APIs, integration, automation.

## How they fit

```diagram
layers-api-integration-automation
The three layers, from the doorway up.
```

```diagram
a-drawing-we-do-not-have
```
""",
    )
    assert without_default_call_to_action(blocks)[1:] == [
        (
            "diagram",
            {
                "diagram": "layers-api-integration-automation",
                "caption": "The three layers, from the doorway up.",
            },
        )
    ]
    assert "The diagram “a-drawing-we-do-not-have” near “How they fit” is not one" in (
        page.import_notes
    )


def test_a_line_between_paragraphs_keeps_two_text_blocks(guide_index, editor):
    page, blocks = imported(
        guide_index,
        editor,
        "# Lines\n\nWhere one run of text ends.\n\n## Short answer\n\nYes.\n\n## Section\n\n"
        "First run.\n\nStill first.\n\n"
        "---\n\nNext in the series: another guide.\n",
    )
    assert without_default_call_to_action(blocks)[1:] == [
        ("text", "<p>First run.</p><p>Still first.</p>"),
        ("text", "<p>Next in the series: another guide.</p>"),
    ]
    assert page.import_notes == ""


def test_a_last_link_to_the_health_check_is_the_call_to_actions_button(guide_index, editor):
    health_check = HealthCheckPage.objects.get()
    page, blocks = imported(
        guide_index,
        editor,
        f"""# Stock sync

Stock levels, kept in step between the shop and the warehouse.

## Short answer

Sync stock hourly.

## Why hourly

Because.

## Not sure where to start?

A fixed-price review of your systems.

[Book your Health Check]({health_check.url})
""",
    )
    assert blocks[-1] == (
        "call_to_action",
        {
            "heading": "Not sure where to start?",
            "text": "<p>A fixed-price review of your systems.</p>",
            "button_label": "Book your Health Check",
            "page": health_check.pk,
        },
    )
    assert page.import_notes == ""  # a button says it is a call to action: nothing to check


def test_front_matter_gives_the_title_and_a_broken_one_is_explained(guide_index, admin_user):
    page, _ = imported(
        guide_index,
        admin_user,
        '---\ntitle: "Stripe: fees and payouts"\ndate: 2026-06-01\n---\n\n## Short answer\n\nYes.\n',
    )
    assert page.title == "Stripe: fees and payouts"
    with pytest.raises(ImportProblem, match=r"front matter .* could not be read \(line 2\)"):
        imported(guide_index, admin_user, "---\ntitle: Stripe: fees\n---\n\nText.\n")
