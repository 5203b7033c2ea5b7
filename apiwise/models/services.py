"""What APIwise sells, one page each (/services/<slug>/), and their listing (/services/).

A service page says what the service is, who it is for, what the client gets, how it is
priced (a fixed price when there is one, else in words), its FAQs and a booking prompt. The
listing shows the live service pages and the pages other apps list as services through
`apiwise.service_listing` (the Health Check page, which the core cannot import). While no
service page is live the listing answers 404 and the menus leave it out, so a site still
holding only the demo's draft samples shows visitors nothing."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from apiwise import service_listing
from apiwise.blocks import FaqsBlock, faq_items
from apiwise.icons import ICON_CHOICES
from apiwise.models.pages import BasePage, CallToActionFields

# Demo service pages carry this in their title until staff rewrite them (a launch check).
SAMPLE_MARK = "Sample — replace before launch"
SERVICE_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class ServicesIndexPage(BasePage):
    """/services/: every service, the Health Check first."""

    introduction = models.TextField(max_length=400, blank=True)

    max_count = 1
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = ["apiwise.ServicePage"]
    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = "services index page"

    def service_pages(self):
        return ServicePage.objects.child_of(self).live().public().order_by("path")

    def has_services(self):
        return self.service_pages().exists()

    @classmethod
    def shows_in_menus(cls, page):
        """Menus leave the listing (given as a plain Page) out until a service page under it
        is live."""
        return ServicePage.objects.child_of(page).live().exists()

    def entries(self):
        """What the listing shows: the other apps' services (the Health Check), then each
        live service page, as `service_listing.ServiceEntry`."""
        return [*service_listing.registered_entries(), *(p.entry() for p in self.service_pages())]

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.has_services():
            raise Http404("No service page is published yet.")
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.has_services() else []

    def meta_description_fallback(self):
        return self.introduction


class ServicePage(CallToActionFields, BasePage):
    """One service: what it is, who it is for, what you get, the price, FAQs and a prompt to
    book. The prompt is the page's own call to action, else the site's default one."""

    summary = models.TextField(
        "what it is",
        max_length=300,
        help_text="One or two sentences: the listing, search engines and the top of the page "
        "show them.",
    )
    icon = models.CharField(max_length=40, choices=ICON_CHOICES, blank=True)
    audience = RichTextField("who it is for", features=SERVICE_TEXT_FEATURES, blank=True)
    deliverables = RichTextField("what you get", features=SERVICE_TEXT_FEATURES, blank=True)
    price = models.DecimalField(
        "fixed price excluding VAT (£)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Only for a fixed price. Leave blank when the work is priced per project.",
    )
    pricing = models.TextField(
        "how it is priced",
        max_length=300,
        blank=True,
        help_text="E.g. “Priced per project after the Health Check.” Shown under the price, "
        "or instead of it.",
    )
    faqs = StreamField(FaqsBlock(), blank=True, max_num=1)

    parent_page_types = ["apiwise.ServicesIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("icon"),
        FieldPanel("audience"),
        FieldPanel("deliverables"),
        MultiFieldPanel([FieldPanel("price"), FieldPanel("pricing")], heading="Price"),
        FieldPanel("faqs"),
        *CallToActionFields.cta_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("deliverables"),
    ]

    class Meta:
        verbose_name = "service page"

    @property
    def is_sample(self):
        return SAMPLE_MARK.casefold() in self.title.casefold()

    def price_line(self):
        return service_listing.price_line(self.price)

    def entry(self):
        return service_listing.ServiceEntry(
            title=self.title,
            summary=self.summary,
            url=self.url,
            # The listing gives the price, or the first sentence of how it is priced.
            price_line=self.price_line() or self.pricing.split(". ")[0].rstrip("."),
            icon=self.icon,
        )

    def booking_prompt(self, request):
        """(heading, text, button label, target page): the page's own call to action, else
        the site's default one (Settings > Site settings), else none."""
        if self.cta_heading and self.cta_page:
            return self.cta_heading, self.cta_text, self.cta_button_label, self.cta_page
        settings = self.site_settings(request)
        target = settings.default_cta_page
        if target is None or not target.live:
            return None
        return (
            settings.default_cta_heading or f"Start with the {target.title}",
            settings.default_cta_text,
            settings.default_cta_button_label or f"Book the {target.title}",
            target,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prompt = self.booking_prompt(request)
        if prompt:
            context["prompt"] = dict(
                zip(("heading", "text", "label", "target"), prompt, strict=True)
            )
        return context

    def meta_description_fallback(self):
        return self.summary

    def faq_items(self):
        return list(faq_items(self.faqs))

    def extra_json_ld(self, request):
        return service_listing.service_page_json_ld(self, request, description=self.summary)
