"""Launch checks: the demo placeholders that must not reach a live site (example e-mail
domains, fictional phone numbers, "Example Street", a loopback Site host, missing company
details...). `manage.py check --tag launch` runs them (see
apiwise/management/commands/check.py) and superusers see the same list on the dashboard.

They live in a registry of their own, not Django's: the demo data fails them on purpose, and a
plain `check`, `check --deploy` or `migrate` must not. Each app registers the checks about its
own content here from its AppConfig.ready (the core knows nothing of guides or bookings)."""

import ipaddress
import re
from email.utils import parseaddr

from django.conf import settings
from django.core import checks
from django.core.checks.registry import CheckRegistry
from django.utils.html import strip_tags

TAG = "launch"
registry = CheckRegistry()


def register(check):
    """Add a launch check: a function(**kwargs) returning a list of checks.Error."""
    return registry.register(check, TAG)


def run():
    """Every launch problem, in a stable order (the dashboard lists them as they come)."""
    problems = registry.run_checks()
    return sorted(problems, key=lambda problem: (problem.id, problem.msg))


def problem(number, message, hint):
    return checks.Error(message, hint=hint, id=f"launch.E{number:03d}")


# Domains reserved for documentation (RFC 2606 and RFC 6761): mail to them never arrives.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
EXAMPLE_TLDS = (".example", ".test", ".invalid", ".localhost")
# Ofcom's numbers for TV and radio drama, which are never given to anyone: a visitor who
# rings one reaches nobody. Written as national numbers without spaces.
FICTIONAL_NUMBER_PREFIXES = (
    "02079460",
    "07700900",
    "01134960",
    "01144960",
    "01154960",
    "01164960",
    "01174960",
    "01184960",
    "01214960",
    "01314960",
    "01414960",
    "01514960",
    "01614960",
    "01914980",
    "02890180",
    "02920180",
    "01632960",
    "03069990",
    "08081570",
    "09098790",
)
EXAMPLE_WORD = re.compile(r"(?<![a-z])example(?![a-z])", re.IGNORECASE)
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def is_example_email(address):
    """True for an address at a documentation domain, such as hello@apiwise.example."""
    if not address:
        return False
    domain = address.rpartition("@")[2].strip(" >").lower()
    return domain.endswith(EXAMPLE_TLDS) or domain in EXAMPLE_DOMAINS


def is_fictional_phone(number):
    """True for an Ofcom drama number, written in any format: "+44 20 7946 0000",
    "020 7946 0000", "+44 (0)7700 900123"."""
    digits = re.sub(r"\D", "", (number or "").replace("(0)", ""))
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits.startswith(FICTIONAL_NUMBER_PREFIXES)


def mentions_example(text):
    return bool(EXAMPLE_WORD.search(text or ""))


def is_local_host(hostname):
    hostname = (hostname or "").strip("[]").lower()
    if hostname == "localhost" or hostname.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(hostname)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_private


def page_text(page):
    """A page's words, for checks that look for a topic or a contact in it: the title, the
    introduction and the body of whatever page type it is."""
    page = page.specific
    parts = [page.title, getattr(page, "introduction", ""), str(getattr(page, "body", ""))]
    return strip_tags(" ".join(part for part in parts if part))


def email_addresses(page):
    """The e-mail addresses a page gives, in its words or its mailto: links."""
    specific = page.specific
    return EMAIL_ADDRESS.findall(f"{page_text(page)} {getattr(specific, 'body', '')}")


def default_site():
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def default_site_settings():
    from apiwise.models import SiteSettings

    return SiteSettings.for_default_site()


# Demo text that must be reviewed before launch carries this mark (the Terms' service terms).
SAMPLE_REVIEW_MARK = "Sample — review before launch"

SETTINGS_HINT = "Change it in the admin: Settings → Site settings."


@register
def check_site_host(**kwargs):
    site = default_site()
    if site is None:
        return [problem(1, "No default Site exists.", "Settings → Sites: add the live host.")]
    if is_local_host(site.hostname) or site.hostname.lower().endswith(EXAMPLE_TLDS):
        return [
            problem(
                2,
                f"The Site host is still “{site.hostname}”: links in e-mails, feeds, sitemaps "
                "and structured data point at it.",
                "Settings → Sites: set the live host name (e.g. www.apiwise.co.uk), port 443.",
            )
        ]
    return []


@register
def check_contact_details(**kwargs):
    org = default_site_settings()
    if org is None:
        return []
    found = []
    if is_example_email(org.contact_email):
        found.append(
            problem(
                10,
                f"The contact e-mail “{org.contact_email}” is an example address.",
                SETTINGS_HINT,
            )
        )
    if is_fictional_phone(org.phone):
        found.append(
            problem(
                11,
                f"The phone number “{org.phone}” is a fictional (Ofcom drama) number.",
                SETTINGS_HINT,
            )
        )
    for label, address in (("address", org.address), ("registered office", org.registered_office)):
        if mentions_example(address):
            found.append(
                problem(
                    12,
                    f"The {label} is still a placeholder: “{_one_line(address)}”.",
                    SETTINGS_HINT,
                )
            )
    for label, url in org.social_links():
        if mentions_example(url) or is_example_email("@" + _host(url)):
            found.append(
                problem(13, f"The {label} link “{url}” is an example link.", SETTINGS_HINT)
            )
    return found


@register
def check_company_details(**kwargs):
    org = default_site_settings()
    if org is None or not org.company_name:
        return []
    if not org.company_number.strip():
        return [
            problem(
                20,
                f"“{org.company_name}” has no company number: the site must show it (Companies "
                "Act 2006).",
                "Settings → Site settings → Company details: the number from Companies House.",
            )
        ]
    return []


@register
def check_sender_addresses(**kwargs):
    addresses = [("DEFAULT_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL)]
    addresses.append(("SERVER_EMAIL", settings.SERVER_EMAIL))
    found = []
    for name, value in addresses:
        if is_example_email(parseaddr(value or "")[1]):
            found.append(
                problem(
                    14,
                    f"E-mails are sent from “{value}” ({name}), an example address.",
                    f"Set the {name} environment variable to an address you receive mail at.",
                )
            )
    return found


@register
def check_privacy_notice(**kwargs):
    org = default_site_settings()
    if org is None:
        return []
    if org.privacy_page is None or not org.privacy_page.live:
        return [
            problem(
                30,
                "No published privacy notice is chosen in the site settings.",
                "Settings → Site settings → Privacy page.",
            )
        ]
    # The notice shows the data requests contact from the settings (the standard page
    # template), and any address its own text gives.
    contact = org.data_requests_contact
    addresses = [contact] if contact else []
    addresses += [address for address in email_addresses(org.privacy_page) if address != contact]
    if addresses and all(is_example_email(address) for address in addresses):
        return [
            problem(
                32,
                f"The privacy notice gives only an example address ({addresses[0]}) for data "
                "requests.",
                "Settings → Site settings → Privacy notice and data requests: an address you "
                "receive mail at.",
            )
        ]
    if not addresses and not org.data_requests_address.strip():
        return [
            problem(
                31,
                f"The privacy notice (“{org.privacy_page.title}”) gives no contact for data "
                "requests.",
                "Settings → Site settings → Privacy notice and data requests: an e-mail address "
                "for requests to see or erase personal data (UK GDPR, Article 13).",
            )
        ]
    return []


@register
def check_service_pages(**kwargs):
    """The demo's service pages are drafts written to be replaced: none may go live as it is,
    and a site with no live service page has no /services/ listing and no menu item for it."""
    from apiwise.models import SAMPLE_MARK, ServicePage

    live = ServicePage.objects.live()
    samples = [page.title for page in live if page.is_sample]
    if samples:
        return [
            problem(
                61,
                f"A sample service page is published: “{samples[0]}”"
                + (f" and {len(samples) - 1} more" if len(samples) > 1 else "")
                + ". Its words are the demo's, not yet yours.",
                f"Rewrite it (and remove “{SAMPLE_MARK}” from its title), or unpublish it.",
            )
        ]
    if not live.exists():
        return [
            problem(
                60,
                "No service page is published: /services/ and its menu item stay hidden, and "
                "only the Health Check is on sale.",
                "Pages → Services: rewrite the sample services and publish them.",
            )
        ]
    return []


def _one_line(text):
    return ", ".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _host(url):
    return re.sub(r"^[a-z]+://", "", url or "").split("/")[0]
