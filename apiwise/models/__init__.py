"""The core's models, one module per idea:

- `pages`: the base of every page type, the home page and standard pages;
- `site_settings`: the organisation's details and the navigation, edited per site;
- `email`: the e-mail outbox (`EmailDelivery`), sent by apiwise/outbox.py;
- `page_views`: reading figures per page, day and source (`PageViewCount`), apiwise/analytics/.
"""

from apiwise.models.email import EmailDelivery
from apiwise.models.page_views import PageViewCount
from apiwise.models.pages import BasePage, CallToActionFields, HomePage, ServiceBlock, StandardPage
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
    "ServiceBlock",
    "SiteSettings",
    "StandardPage",
]
