"""Demo content: the Health Check page, default availability, UK bank holidays and the Sales
group. Idempotent: what exists is left as staff left it."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.rich_text import RichText

PAGE = {
    "title": "Integration Health Check",
    "slug": "health-check",
    "seo_title": "Integration Health Check: fixed-price review of your systems",
    "search_description": (
        "A fixed-price review of the systems you run, what should be connected and a costed "
        "plan in plain English. £495 + VAT."
    ),
    "introduction": (
        "A fixed-price review of the systems your business runs: what is connected, what "
        "should be, and a costed plan to get there, in plain English."
    ),
    "body": (
        "<p>Most businesses we meet run five to fifteen tools that do not talk to each other "
        "properly: orders are re-typed into the accounts, stock is wrong on the website, and "
        "nobody is sure which system holds the truth.</p>"
    ),
    "steps_heading": "How it works",
    "steps": [
        (
            "step",
            {
                "heading": "Book a time",
                "text": "Pick a 45-minute slot below. We confirm by e-mail within one working "
                "day, with a calendar invite.",
            },
        ),
        (
            "step",
            {
                "heading": "A 45-minute video call",
                "text": "We walk through the systems you run, how information moves between "
                "them and the jobs people do by hand. A list of your tools is all you need.",
            },
        ),
        (
            "step",
            {
                "heading": "Your written plan",
                "text": "Within five working days: what to connect, how, roughly what it "
                "costs, and what to leave alone.",
            },
        ),
        (
            "step",
            {
                "heading": "A follow-up call",
                "text": "We go through the plan and answer your questions. What you do next "
                "is up to you.",
            },
        ),
    ],
    "plan_heading": "What you get: a written plan",
    "plan_introduction": "A plain-English document you can act on with us, with another "
    "supplier or on your own. It has five parts.",
    "plan_sections": [
        (
            "section",
            {
                "heading": "Your systems today",
                "text": "A map of the tools you run and how information moves between them, "
                "including the steps people do by hand.",
            },
        ),
        (
            "section",
            {
                "heading": "What to connect, and what to leave alone",
                "text": "The connections worth making, in order of priority, and the ones "
                "that are not worth the money.",
            },
        ),
        (
            "section",
            {
                "heading": "How to do each one",
                "text": "A ready-made app, Zapier or Make, or a custom integration, and why "
                "that route fits.",
            },
        ),
        (
            "section",
            {
                "heading": "Costs and time",
                "text": "Indicative one-off and running costs for each option, and how long "
                "each would take.",
            },
        ),
        (
            "section",
            {
                "heading": "Risks and first steps",
                "text": "What could go wrong (VAT, duplicates, who looks after it) and the "
                "first thing to do.",
            },
        ),
    ],
    "plan_sample": (
        "<p><b>Priority 1: stop re-typing orders into Xero.</b> About 40 Shopify orders a "
        "day are typed into Xero by hand, roughly an hour of someone's day. A connector app "
        "that posts one summary per Shopify payout would end the re-typing and make each "
        "payout match its bank deposit. Cost: the app's monthly subscription, plus half a day "
        "to set it up and check it with your accountant.</p>"
    ),
    "why_heading": "Why vendor-neutral matters",
    "why_text": (
        "<p>Many integration firms are partners or resellers of one platform, and are paid "
        "when you buy it. We are not: no commissions, no referral fees, no platform to push. "
        "So the plan can say “use the app you already pay for”, “Zapier will do” or “do not "
        "connect this at all” when that is the right answer.</p>"
    ),
    "promise_heading": "Our promise",
    "promise": (
        "<ul><li><b>One fixed price</b>, shown above, with no extras.</li>"
        "<li><b>Nothing to pay until after the call.</b> We invoice once it is done, payable "
        "within 14 days.</li>"
        "<li><b>Plans change.</b> Cancel or move the call free of charge, up to the moment it "
        "starts, with the link in your confirmation e-mail.</li>"
        "<li><b>No obligation.</b> If the plan says you need nothing new, that is the plan, "
        "and you are under no obligation to buy anything else from us.</li></ul>"
    ),
    "included_heading": "What is included",
    "included": [
        ("item", "A 45-minute video call with an integration consultant"),
        ("item", "A map of your systems and how data moves between them today"),
        ("item", "A written, prioritised plan with costs and time estimates"),
        ("item", "Honest advice on no-code tools versus custom integrations"),
        ("item", "A follow-up call to answer questions on the plan"),
    ],
    "price": Decimal("495.00"),
    "duration": "A 45-minute call, then a written plan within five working days.",
    "faqs": [
        (
            "faq",
            {
                "heading": "Questions",
                "items": [
                    {
                        "question": "Do I need to prepare anything?",
                        "answer": RichText(
                            "<p>A list of the tools you use and the jobs people do by hand is enough. Admin access is not needed for the call.</p>"
                        ),
                    },
                    {
                        "question": "What if the plan says we need nothing new?",
                        "answer": RichText(
                            "<p>Then that is the plan. You pay the fixed price either way and are under no obligation to buy anything else from us.</p>"
                        ),
                    },
                    {
                        "question": "Can you sign an NDA?",
                        "answer": RichText(
                            "<p>Yes. Send it over once you have booked and we will return it before the call.</p>"
                        ),
                    },
                    {
                        "question": "How do I pay?",
                        "answer": RichText(
                            "<p>We send an invoice after the call, payable within 14 days by bank transfer or card.</p>"
                        ),
                    },
                ],
            },
        )
    ],
    "form_heading": "Book your Health Check",
    "form_introduction": "Tell us a little about your business and pick a time. We reply "
    "within one working day.",
}

# Tuesday to Thursday, 10:00-16:00 UK time.
WINDOWS = [(weekday, dt.time(10), dt.time(16)) for weekday in (1, 2, 3)]

# England and Wales bank holidays (gov.uk).
BANK_HOLIDAYS = [
    (dt.date(2026, 1, 1), "New Year's Day"),
    (dt.date(2026, 4, 3), "Good Friday"),
    (dt.date(2026, 4, 6), "Easter Monday"),
    (dt.date(2026, 5, 4), "Early May bank holiday"),
    (dt.date(2026, 5, 25), "Spring bank holiday"),
    (dt.date(2026, 8, 31), "Summer bank holiday"),
    (dt.date(2026, 12, 25), "Christmas Day"),
    (dt.date(2026, 12, 28), "Boxing Day (substitute day)"),
    (dt.date(2027, 1, 1), "New Year's Day"),
    (dt.date(2027, 3, 26), "Good Friday"),
    (dt.date(2027, 3, 29), "Easter Monday"),
]

SALES_GROUP = "Sales"
SALES_PERMISSIONS = {
    "bookings.booking": ("view", "change", "delete"),
    "apiwise.emaildelivery": ("view", "change"),
    "bookings.availabilitywindow": ("view", "add", "change", "delete"),
    "bookings.blockeddate": ("view", "add", "change", "delete"),
    "bookings.bookingsettings": ("change",),
    "bookings.webhookendpoint": ("view", "add", "change", "delete"),
    "bookings.webhookdelivery": ("view", "change"),
}


def load(home):
    from apiwise.demo import add_child_once
    from blog.demo_content import AUTHOR
    from blog.models import Author
    from bookings.models.availability import AvailabilityWindow, BlockedDate, BookingSettings
    from bookings.models.page import HealthCheckPage

    consultant, _ = Author.objects.get_or_create(
        name=AUTHOR["name"],
        defaults={key: value for key, value in AUTHOR.items() if key != "name"},
    )
    add_child_once(home, HealthCheckPage, {**PAGE, "consultant": consultant})
    if not AvailabilityWindow.objects.exists():
        AvailabilityWindow.objects.bulk_create(
            AvailabilityWindow(weekday=day, start_time=start, end_time=end)
            for day, start, end in WINDOWS
        )
    BookingSettings.load()  # the defaults, as a row staff can edit
    for date, reason in BANK_HOLIDAYS:
        BlockedDate.objects.get_or_create(date=date, defaults={"reason": reason})
    ensure_sales_group()


def ensure_sales_group():
    group, _created = Group.objects.get_or_create(name=SALES_GROUP)
    permissions = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    for label, actions in SALES_PERMISSIONS.items():
        app_label, model = label.split(".")
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        permissions += Permission.objects.filter(
            content_type=content_type, codename__in=[f"{a}_{model}" for a in actions]
        )
    group.permissions.add(*permissions)
    return group
