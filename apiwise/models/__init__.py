"""The core's models, one module per idea:

- `pages`: the base of every page type, the home page and standard pages;
- `site_settings`: the organisation's details and the navigation, edited per site;
- `email`: the e-mail outbox (`EmailDelivery`), sent by apiwise/outbox.py;
- `services`: the service pages and their listing at /services/;
- `page_views`: reading figures per page, day and source (`PageViewCount`), apiwise/analytics/.
"""

from apiwise.models.email import EmailDelivery
from apiwise.models.page_views import PageViewCount
from apiwise.models.pages import BasePage, CallToActionFields, HomePage, ServiceBlock, StandardPage
from apiwise.models.services import SAMPLE_MARK, ServicePage, ServicesIndexPage
from apiwise.models.site_settings import (
    ORGANISATION_LOGO,
    FooterLink,
    MainMenuItem,
    MenuItem,
    MenuLink,
    NavigationSettings,
    SiteSettings,
)

__all__ = [
    "ORGANISATION_LOGO",
    "BasePage",
    "CallToActionFields",
    "EmailDelivery",
    "FooterLink",
    "HomePage",
    "MainMenuItem",
    "MenuItem",
    "MenuLink",
    "NavigationSettings",
    "PageViewCount",
    "SAMPLE_MARK",
    "ServiceBlock",
    "ServicePage",
    "ServicesIndexPage",
    "SiteSettings",
    "StandardPage",
]
