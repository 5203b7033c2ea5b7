"""On a 390 px phone: the case study listing, a case study, the team page, a person's page and
the home page with a case study fit the screen (nothing scrolls sideways), with no axe
violations and no console errors."""

import pytest

from tests.blog.proof import (
    demo_author,
    guide,
    publish_case_study,
    publish_team_page,
    show_on_team_page,
    the_sample_person,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_proof_pages_fit_a_phone_and_pass_axe(live_demo, page, axe, console_errors):
    publish_case_study(
        title="Shopify and Xero kept in step",
        client_not_named=True,
        anonymised_description="a 40-person UK wholesaler with a long, descriptive name",
        outcomes=[
            ("outcome", {"figure": "6 hours → 20 minutes", "label": "month-end reconciliation"}),
            ("outcome", {"figure": "0", "label": "orders typed in twice since March"}),
        ],
        guides=[guide("sync-shopify-and-xero")],
    )
    publish_team_page()
    show_on_team_page(
        demo_author(),
        photo=the_sample_person().photo,
        linkedin_url="https://www.linkedin.com/in/alex-morgan-apiwise",
    )
    page.set_viewport_size(PHONE)
    paths = [
        "/case-studies/",
        "/case-studies/shopify-and-xero-kept-in-step/",
        "/team/",
        "/team/alex-morgan/",
        "/",
        "/guides/sync-shopify-and-xero/",
    ]
    for path in paths:
        page.goto(f"{live_demo.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        assert axe() == [], path
    assert page.get_by_role("heading", name="Where we've done this").is_visible()
    assert console_errors == []
