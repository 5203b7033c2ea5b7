"""Demo content for the site-wide pages: the home page, About/Privacy/Terms, site settings and
navigation. Idempotent: what exists is left as staff left it."""

import os

from wagtail.models import Page, Site

from apiwise.models import (
    FooterLink,
    HomePage,
    MainMenuItem,
    NavigationSettings,
    SiteSettings,
    StandardPage,
)
from apiwise.site_address import apply_site_url

HOME = {
    "title": "APIwise",
    "slug": "home",
    "seo_title": "APIwise: vendor-neutral API and integration consultancy, UK",
    "hero_heading": "Get your business systems talking — properly",
    "hero_text": (
        "APIwise is a UK, vendor-neutral API and integration consultancy. We connect your shop, "
        "accounts, CRM and payments so data flows by itself, and we explain every step in "
        "plain English."
    ),
    "services_heading": "What we do",
    "services": [
        (
            "service",
            {
                "heading": "Integration Health Check",
                "text": "A fixed-price review of the systems you run, what should be connected, "
                "and a costed plan in plain English.",
                "picture": "health-check",
            },
        ),
        (
            "service",
            {
                "heading": "Custom integrations",
                "text": "Robust connections between tools like Xero, Shopify, Stripe and HubSpot, "
                "built to handle money, volume and edge cases without duplicates.",
                "picture": "ecommerce-accounting",
            },
        ),
        (
            "service",
            {
                "heading": "No-code when it fits",
                "text": "We are not paid to push any tool: if Zapier or Make does the job, "
                "we will tell you and set it up properly.",
                "picture": "no-code",
            },
        ),
    ],
    "latest_guides_heading": "Latest guides",
    "cta_heading": "Not sure where to start?",
    "cta_text": "Book a fixed-price Integration Health Check: we map what you have, work out what "
    "genuinely needs connecting, and give you a costed plan.",
    "cta_button_label": "Book your Health Check",
}

STANDARD_PAGES = [
    {
        "title": "About APIwise",
        "slug": "about",
        "introduction": "A small UK consultancy that connects business systems, and explains "
        "how in plain English.",
        "body": "<p>APIwise helps UK businesses connect the tools they already use — accounting, "
        "ecommerce, CRM and payments — so that information flows between them reliably.</p>"
        "<h2>Vendor-neutral</h2><p>We are not resellers and are not paid to recommend any "
        "platform. Sometimes the right answer is a no-code tool; sometimes it is a custom "
        "integration; sometimes it is nothing new at all.</p>",
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "introduction": "How APIwise collects, uses and protects your personal data.",
        "body": "<h2>Who we are</h2><p>APIwise is the data controller for personal data "
        "collected through this website.</p><h2>What we collect</h2><p>When you book an "
        "Integration Health Check we collect the details you give us in the form so that we "
        "can answer your request. The lawful basis is taking steps at your request before "
        "entering into a contract.</p><h2>How long we keep it</h2><p>Requests that do not "
        "lead to work are anonymised after 24 months. Marketing e-mails are only sent if you "
        "opt in, and you can opt out at any time.</p><h2>Cookies</h2><p>We use two cookies, "
        "both strictly necessary and neither used for tracking: “csrftoken”, set by the "
        "booking form, protects it from forged submissions; “sessionid”, set when you send a "
        "request, lets your browser, and only yours, show you that request for 24 hours. We "
        "use no analytics or advertising cookies.</p><h2>Reading figures</h2><p>We count how "
        "often each page is read, without cookies and without storing anything on your "
        "device: each view sends us the page, the website that linked to it (its name only), "
        "any campaign tags in the link and whether the screen is a phone, tablet or computer. "
        "We keep no IP address, browser details or identifier, so no count can be linked to "
        "you, and we do not count you at all if your browser sends Global Privacy Control or "
        "Do Not Track.</p><h2>Your rights</h2><p>You can ask for "
        "a copy of your data, or for it to be erased, by e-mailing us.</p>",
    },
    {
        "title": "Terms of use",
        "slug": "terms",
        "introduction": "The terms that apply when you use this website.",
        "body": "<p>The guides on this site are general information, not advice for your "
        "specific situation. We work to keep them accurate, but products and prices change: "
        "check the details with the vendor before you rely on them.</p>",
    },
]


def load_site():
    """Home page, standard pages and site settings. Returns the home page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        _rename_placeholders(root)
        home = HomePage(**HOME)
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk:
        site.hostname, site.port = "127.0.0.1", int(os.environ.get("PORT", "8000"))
        site.root_page = home
        site.site_name = "APIwise"
        site.save()
    apply_site_url()  # on a server, its public address (SITE_URL) rather than the local one
    # Wagtail's placeholder "Welcome" page has no use once the site points at the home page.
    for placeholder in _placeholders(root):
        placeholder.delete()

    for data in STANDARD_PAGES:
        add_child_once(home, StandardPage, data)

    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.organisation_name = "APIwise"
        settings.tagline = "Vendor-neutral API and integration consultancy, based in the UK."
        settings.contact_email = "hello@apiwise.example"
        settings.phone = "+44 20 7946 0000"
        settings.address = "APIwise Ltd\n1 Example Street\nLondon\nEC1A 1AA"
        # The company number and VAT number are left for staff to enter: the demo invents
        # no registration.
        settings.company_name = "APIwise Ltd"
        settings.registered_office = settings.address
        settings.linkedin_url = "https://www.linkedin.com/company/apiwise-example"
        settings.default_meta_description = (
            "Plain-English guides to APIs and integrations, and a fixed-price Integration "
            "Health Check, from a vendor-neutral UK consultancy."
        )
        settings.privacy_page = home.get_children().filter(slug="privacy").first()
        settings.terms_page = home.get_children().filter(slug="terms").first()
        settings.save()
    return home


def _placeholders(root):
    return root.get_children().filter(
        content_type__model="page", title__startswith="Welcome to your new Wagtail site"
    )


def _rename_placeholders(root):
    """Free the slug "home", which Wagtail's placeholder page holds. An update rather than a
    save: a save would queue search and reference index updates for a page deleted a moment
    later, which then fail in the worker."""
    for placeholder in _placeholders(root):
        Page.objects.filter(pk=placeholder.pk).update(slug=f"placeholder-{placeholder.pk}")


def add_child_once(parent, page_class, data):
    """Add and publish a page under parent unless one with that slug exists. Returns it."""
    existing = parent.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    page = page_class(**data)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def link_home_to_health_check(home):
    """The home page's calls to action, and the site's default one (imported guides use it),
    lead to the Health Check, which the bookings demo creates after the home page exists."""
    home = HomePage.objects.get(pk=home.pk)
    target = home.get_children().filter(slug="health-check").first()
    if target is None:
        return
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if not site_settings.default_cta_page_id:
        site_settings.default_cta_page = target
        site_settings.save()
    if home.cta_page_id:
        return
    home.cta_page = target
    home.save_revision().publish()


MAIN_MENU = ["services", "guides", "api-basics", "faqs", "about", "health-check"]
MENU_BUTTON = "health-check"  # the menu's call to action
# The case studies and the team page are demo drafts: their links show once staff publish them.
FOOTER = ["services", "case-studies", "team", "about", "privacy", "terms", "health-check"]


def load_navigation(home):
    """The menus, built from whichever of the demo pages exist. Left alone once staff have
    set them up."""
    site = Site.objects.get(root_page=home)
    nav = NavigationSettings.for_site(site)
    if nav.main_menu_items.exists() or nav.footer_links.exists():
        return
    pages = {page.slug: page for page in Page.objects.descendant_of(home)}
    nav.main_menu_items = [
        MainMenuItem(page=pages[slug], as_button=slug == MENU_BUTTON)
        for slug in MAIN_MENU
        if slug in pages
    ]
    nav.footer_links = [FooterLink(page=pages[s]) for s in FOOTER if s in pages]
    nav.save()
