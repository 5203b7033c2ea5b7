"""Settings editors change in the admin, per site: the organisation's details (footer, metadata,
structured data) and the navigation menus."""

from typing import NamedTuple

from django.db import models
from django.templatetags.static import static
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from apiwise.content_cache import cached
from apiwise.seo import absolute_url, plain_text

# A square logo (512×512 PNG) for search engines' Organization data.
ORGANISATION_LOGO = "img/logo-512.png"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    @classmethod
    def for_site(cls, site):
        # Read on every page (footer, metadata): kept with the content version instead.
        return cached(
            f"site-settings:{site.pk if site else None}",
            lambda: super(SiteSettings, cls).for_site(site),
        )

    @classmethod
    def for_default_site(cls):
        """The default site's settings, for what has no request (e-mails sent by the worker);
        None before any site exists."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else None

    organisation_name = models.CharField(max_length=100, default="APIwise")
    tagline = models.CharField(max_length=160, blank=True)
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(max_length=300, blank=True, help_text="One line per row.")
    # A UK company's website must show these (Companies Act 2006 and the Company, LLP and
    # Business Names Regulations 2015): the footer and the Organization JSON-LD do.
    company_name = models.CharField(
        "registered company name", max_length=160, blank=True, help_text="E.g. “APIwise Ltd”."
    )
    company_number = models.CharField(
        "company number",
        max_length=20,
        blank=True,
        help_text="As registered at Companies House, e.g. 01234567.",
    )
    registered_in = models.CharField(
        "place of registration",
        max_length=60,
        blank=True,
        default="England and Wales",
    )
    registered_office = models.TextField(
        "registered office address", max_length=300, blank=True, help_text="One line per row."
    )
    vat_number = models.CharField(
        "VAT number", max_length=20, blank=True, help_text="E.g. GB123456789."
    )
    # UK GDPR Article 13: the privacy notice names where to send requests to see, correct or
    # erase personal data. The notice shows these, else the contact e-mail.
    data_requests_email = models.EmailField(
        "e-mail for data requests",
        blank=True,
        help_text="Shown in the privacy notice. Leave blank to use the contact e-mail.",
    )
    data_requests_address = models.TextField(
        "postal address for data requests",
        max_length=300,
        blank=True,
        help_text="Optional. One line per row.",
    )
    linkedin_url = models.URLField("LinkedIn", blank=True)
    github_url = models.URLField("GitHub", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    default_meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="Used by search engines when a page has no description of its own.",
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared and has no image of its own (1200×630).",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and from forms.",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The terms of use and of the services sold on the site.",
    )
    default_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="default call to action page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where calls to action send readers when nothing else is chosen, such as in "
        "an imported guide: usually the Integration Health Check page.",
    )
    # The call to action an imported guide ends with when the document has none of its own;
    # left blank, the home page's call to action is used.
    default_cta_heading = models.CharField(
        "heading",
        max_length=120,
        blank=True,
        help_text="Leave blank to use the home page's call to action.",
    )
    default_cta_text = models.TextField("text", max_length=400, blank=True)
    default_cta_button_label = models.CharField("button label", max_length=60, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline")], heading="Organisation"
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("company_name"),
                FieldPanel("company_number"),
                FieldPanel("registered_in"),
                FieldPanel("registered_office"),
                FieldPanel("vat_number"),
            ],
            heading="Company details (shown in the footer)",
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("github_url"), FieldPanel("x_url")],
            heading="Social links",
        ),
        MultiFieldPanel(
            [FieldPanel("default_meta_description"), FieldPanel("default_social_image")],
            heading="Search and sharing defaults",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("privacy_page"),
                FieldPanel("data_requests_email"),
                FieldPanel("data_requests_address"),
            ],
            heading="Privacy notice and data requests",
        ),
        PageChooserPanel("terms_page"),
        MultiFieldPanel(
            [
                PageChooserPanel("default_cta_page"),
                FieldPanel("default_cta_heading"),
                FieldPanel("default_cta_text"),
                FieldPanel("default_cta_button_label"),
            ],
            heading="Default call to action (ends imported guides)",
        ),
    ]

    class Meta:
        verbose_name = "site settings"

    def organization_json_ld(self, request):
        """The Organization this site belongs to, for structured data: name, logo, contact
        and the registered company details."""
        organisation = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.organisation_name,
            "url": absolute_url(request, "/"),
            "logo": absolute_url(request, static(ORGANISATION_LOGO)),
        }
        optional = {
            "legalName": self.company_name,
            "email": self.contact_email,
            "telephone": self.phone,
            "address": plain_text(self.registered_office or self.address, limit=None),
            "vatID": self.vat_number,
        }
        organisation.update({key: value for key, value in optional.items() if value})
        if self.company_number:
            organisation["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "Companies House company number",
                "value": self.company_number,
            }
        if same_as := self.social_links():
            organisation["sameAs"] = [url for _label, url in same_as]
        return organisation

    @property
    def data_requests_contact(self):
        """Where the privacy notice sends requests about personal data: its own address,
        else the contact e-mail."""
        return self.data_requests_email or self.contact_email

    def social_links(self):
        links = [("LinkedIn", self.linkedin_url), ("GitHub", self.github_url), ("X", self.x_url)]
        return [(label, url) for label, url in links if url]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    panels = [
        InlinePanel("main_menu_items", label="Main menu item", heading="Main menu"),
        InlinePanel("footer_links", label="Footer link", heading="Footer links"),
    ]

    class Meta:
        verbose_name = "navigation"

    MENUS = {"main": "main_menu_items", "footer": "footer_links"}

    @classmethod
    def links(cls, site, menu):
        """A menu's live pages as (text, url) links: cached until the content changes, so a
        page view reads no menu from the database. Both menus are built together, on one read
        of the settings, each page's "shows in menus" asked once (the footer repeats pages)."""

        def build():
            settings = cls.for_site(site)
            shows = {}

            def live_links(items):
                links = []
                for item in items.select_related("page"):
                    if item.page_id not in shows:
                        shows[item.page_id] = item.page.live and _shows_in_menus(item.page)
                    if shows[item.page_id]:
                        links.append(
                            MenuLink(item.text, item.url, getattr(item, "as_button", False))
                        )
                return links

            return {name: live_links(getattr(settings, field)) for name, field in cls.MENUS.items()}

        return cached(f"menus:{site.pk}", build)[menu]


def _shows_in_menus(page):
    """A page type may leave itself out of the menus while it has nothing to show (the
    services listing before any service is published): a classmethod given the plain page,
    so other menu items cost no query."""
    model = page.specific_class
    check = getattr(model, "shows_in_menus", None)
    return check(page) if check else True


class MenuLink(NamedTuple):
    text: str
    url: str
    as_button: bool = False


class MenuItem(Orderable):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        max_length=40, blank=True, help_text="Leave blank to use the page's title."
    )

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def text(self):
        return self.label or self.page.title

    @property
    def url(self):
        return self.page.url


class MainMenuItem(MenuItem):
    setting = ParentalKey(NavigationSettings, related_name="main_menu_items")
    as_button = models.BooleanField(
        "show as a button",
        default=False,
        help_text="For the one call to action in the menu, such as the Health Check.",
    )

    panels = [*MenuItem.panels, FieldPanel("as_button")]


class FooterLink(MenuItem):
    setting = ParentalKey(NavigationSettings, related_name="footer_links")
