"""Launch checks about what the site sells (see apiwise/launch_checks.py): the Health Check's
terms and the VAT number its price implies."""

import re

from django.conf import settings

from apiwise.launch_checks import (
    SAMPLE_REVIEW_MARK,
    default_site_settings,
    page_text,
    problem,
    register,
)

# What a buyer of a paid engagement needs the Terms to say, each found by a word stem.
SERVICE_TERMS = {
    "the price and when it is paid": re.compile(r"\bpa(y|id)", re.IGNORECASE),
    "cancellation": re.compile(r"\bcancel", re.IGNORECASE),
    "liability": re.compile(r"\bliab", re.IGNORECASE),
}


def health_check_page():
    from bookings.models import HealthCheckPage

    return HealthCheckPage.objects.live().first()


@register
def check_service_terms(**kwargs):
    org = default_site_settings()
    service = health_check_page()
    if org is None or service is None:
        return []
    terms = org.terms_page
    if terms is None or not terms.live:
        return [
            problem(
                40,
                "No published Terms page is chosen in the site settings.",
                "Settings → Site settings → Terms page.",
            )
        ]
    text = page_text(terms)
    missing = [topic for topic, pattern in SERVICE_TERMS.items() if not pattern.search(text)]
    if service.title.lower() not in text.lower():
        missing.insert(0, f"which service they cover (“{service.title}”)")
    if not missing and SAMPLE_REVIEW_MARK.casefold() in text.casefold():
        return [
            problem(
                42,
                f"The Terms (“{terms.title}”) still hold the demo's service terms, marked "
                f"“{SAMPLE_REVIEW_MARK}”.",
                "Have the terms reviewed by whoever advises APIwise on contracts, then remove "
                "the mark.",
            )
        ]
    if missing:
        return [
            problem(
                41,
                f"The Terms (“{terms.title}”) say nothing about the paid {service.title}: "
                f"missing {', '.join(missing)}.",
                "Add the service terms, reviewed by whoever advises APIwise on contracts.",
            )
        ]
    return []


@register
def check_vat_number(**kwargs):
    org = default_site_settings()
    service = health_check_page()
    if org is None or service is None or not service.vat_rate or org.vat_number.strip():
        return []
    return [
        problem(
            21,
            f"The {service.title} is priced plus VAT (BOOKINGS_VAT_RATE "
            f"{settings.BOOKINGS_VAT_RATE}) but the site settings have no VAT number.",
            "Settings → Site settings → Company details: the VAT number HMRC issued.",
        )
    ]
