"""The services the site sells, as the /services/ listing shows them. The core's service pages
are listed by apiwise/models/services.py itself; a higher app whose page is a service of its own
(bookings' Health Check page) registers a function here from its AppConfig.ready(), since the
core may not import it.

Also one home for how a price reads ("Fixed price: £495 + VAT") and for a service's JSON-LD."""

from decimal import Decimal
from typing import NamedTuple

from apiwise.seo import absolute_url, faq_json_ld

_providers = []


class ServiceEntry(NamedTuple):
    title: str
    summary: str
    url: str
    price_line: str = ""
    icon: str = ""


def register(provider):
    """Add a function returning the ServiceEntry items an app lists (live pages only)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def registered_entries():
    return [entry for provider in _providers for entry in provider()]


def money(amount):
    """£495, or £495.50: whole pounds without pence."""
    amount = Decimal(amount)
    return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"


def price_line(price):
    """'Fixed price: £495 + VAT', or '' when the service has no fixed price."""
    return f"Fixed price: {money(price)} + VAT" if price is not None else ""


def service_json_ld(request, *, name, description, path, provider, price=None):
    """schema.org Service, by the organisation, with an Offer (in GBP, VAT excluded) when the
    price is fixed."""
    service = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": name,
        "description": description,
        "url": absolute_url(request, path),
        "provider": {key: value for key, value in provider.items() if key != "@context"},
        "areaServed": {"@type": "Country", "name": "United Kingdom"},
    }
    if price is not None:
        service["offers"] = {
            "@type": "Offer",
            "price": f"{Decimal(price):.2f}",
            "priceCurrency": "GBP",
            "priceSpecification": {
                "@type": "UnitPriceSpecification",
                "price": f"{Decimal(price):.2f}",
                "priceCurrency": "GBP",
                "valueAddedTaxIncluded": False,
            },
            "url": absolute_url(request, path),
        }
    return service


def service_page_json_ld(page, request, description):
    """A page selling a service (the core's service pages, bookings' Health Check page): its
    Service, and its FAQPage when it has questions."""
    service = service_json_ld(
        request,
        name=page.title,
        description=description,
        path=page.url,
        provider=page.site_settings(request).organization_json_ld(request),
        price=page.price,
    )
    items = page.faq_items()
    return [service, faq_json_ld(items)] if items else [service]
