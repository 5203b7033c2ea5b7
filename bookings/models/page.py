"""The Health Check page at /health-check/: what it is, the price, FAQs and the booking form.
Its routes (the form, the confirmation, the calendar file, the prospect's manage link) are
served by bookings/views.py."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from apiwise import service_listing
from apiwise.blocks import DIAGRAMS, FaqsBlock, faq_items
from apiwise.models import BasePage
from bookings.blocks import IncludedItemBlock, PlanSectionBlock, StepBlock


class HealthCheckPage(RoutablePageMixin, BasePage):
    """/health-check/: what the Health Check is, the price, FAQs and the booking form."""

    introduction = models.TextField(max_length=400, blank=True)
    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)
    included_heading = models.CharField(max_length=120, default="What is included")
    included = StreamField(
        [("item", IncludedItemBlock(max_length=200))],
        blank=True,
        help_text="One short line per item.",
    )
    steps_heading = models.CharField(max_length=120, default="How it works")
    steps = StreamField([("step", StepBlock())], blank=True, help_text="In the order they happen.")
    plan_heading = models.CharField(max_length=120, default="What you get: a written plan")
    plan_introduction = models.TextField(max_length=400, blank=True)
    plan_sections = StreamField([("section", PlanSectionBlock())], blank=True)
    plan_sample = RichTextField(
        features=["bold", "italic", "ol", "ul"],
        blank=True,
        help_text="A short excerpt of a plan, for a made-up business (say so): never a client's.",
    )
    consultant = models.ForeignKey(
        "blog.Author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who the prospect will talk to: their name, role, photo and bio are shown.",
    )
    why_heading = models.CharField(max_length=120, default="Why vendor-neutral matters")
    why_text = RichTextField(features=["bold", "italic", "link", "ul"], blank=True)
    promise_heading = models.CharField(max_length=120, default="Our promise")
    promise = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="The guarantee and the cancellation policy, in plain words.",
    )
    price = models.DecimalField(
        "price excluding VAT (£)",
        max_digits=8,
        decimal_places=2,
        default=Decimal("495.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    duration = models.CharField(
        max_length=200,
        blank=True,
        help_text="E.g. 'A 45-minute call, then a written plan within 5 working days'.",
    )
    faqs = StreamField(FaqsBlock(), blank=True, max_num=1)
    form_heading = models.CharField(max_length=120, default="Book your Health Check")
    form_introduction = models.TextField(max_length=400, blank=True)
    marketing_opt_in_text = models.CharField(
        "marketing opt-in wording",
        max_length=200,
        default="Send me occasional guides by e-mail (you can unsubscribe at any time).",
        help_text="Stored with each request that ticks it, exactly as shown.",
    )
    thank_you_text = models.TextField(
        max_length=400,
        blank=True,
        default="Thank you. We will reply within one working day.",
    )

    max_count = 1
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("steps_heading"), FieldPanel("steps")], "How it works"),
        MultiFieldPanel(
            [
                FieldPanel("plan_heading"),
                FieldPanel("plan_introduction"),
                FieldPanel("plan_sections"),
                FieldPanel("plan_sample"),
            ],
            "The written plan",
        ),
        FieldPanel("consultant"),
        MultiFieldPanel([FieldPanel("why_heading"), FieldPanel("why_text")], "Why us"),
        MultiFieldPanel([FieldPanel("included_heading"), FieldPanel("included")], "Included"),
        MultiFieldPanel([FieldPanel("price"), FieldPanel("duration")], "Price and duration"),
        MultiFieldPanel([FieldPanel("promise_heading"), FieldPanel("promise")], "Our promise"),
        FieldPanel("faqs"),
        MultiFieldPanel(
            [
                FieldPanel("form_heading"),
                FieldPanel("form_introduction"),
                FieldPanel("marketing_opt_in_text"),
                # No thank_you_text: the confirmation's words come from
                # bookings/booking_story.py, the same as the e-mails' and the invite's.
            ],
            "Booking form",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "Health Check page"

    @property
    def vat_rate(self):
        return Decimal(str(settings.BOOKINGS_VAT_RATE))

    @property
    def price_with_vat(self):
        return (self.price * (1 + self.vat_rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def meta_description_fallback(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plan_diagram"] = DIAGRAMS["written-plan"]
        return context

    def proof(self):
        """Published testimonials and case studies, when staff have added any."""
        from blog.models import CaseStudyPage
        from blog.models.case_study import SHOWN_ELSEWHERE
        from bookings.models.proof import Testimonial

        return {
            "testimonials": list(Testimonial.objects.filter(live=True)),
            "case_studies": list(CaseStudyPage.published()[:SHOWN_ELSEWHERE]),
        }

    def consultant_url(self):
        """The consultant's page on the team page, when they are shown there."""
        from blog.models.team import person_url

        return person_url(self.consultant) if self.consultant else ""

    def faq_items(self):
        return list(faq_items(self.faqs))

    def extra_json_ld(self, request):
        return service_listing.service_page_json_ld(self, request, description=self.introduction)

    def service_entry(self):
        """The Health Check in the /services/ listing: this page itself, so what it is, the
        price and the FAQs have one home."""
        return service_listing.ServiceEntry(
            title=self.title,
            summary=self.introduction,
            url=self.url,
            price_line=service_listing.price_line(self.price),
            icon="health-check",
        )

    # Routes: the views live in bookings/views.py.
    @path("")
    def booking_form(self, request):
        from bookings import views

        return views.booking_form(request, self)

    @path("booked/")
    def booked(self, request):
        from bookings import views

        return views.booked(request, self)

    @path("booked/calendar/")
    def booked_ics(self, request):
        from bookings import views

        return views.booked_ics(request, self)

    @path("manage/<str:token>/")
    def manage(self, request, token):
        from bookings import views

        return views.manage(request, self, token)


def health_check_services():
    """Registered with apiwise.service_listing: the live Health Check page, first."""
    return [page.service_entry() for page in HealthCheckPage.objects.live().public()]
