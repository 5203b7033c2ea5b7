"""The staff side of CRM webhooks, in the Wagtail admin (Sales or superusers): endpoints, their
signing secret (shown once, on creation and after a rotation), the delivery log and
"redeliver". Registered in the Health Check menu group by bookings/wagtail_hooks.py."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from bookings import webhooks
from bookings.models.webhook import EventType, WebhookDelivery, WebhookEndpoint
from bookings.webhook_http import HostNotFound, UnsafeURL, check_url

DELIVERIES_SHOWN = 100
VIEWSET_NAME = "bookings_webhooks"


@hooks.register("register_log_actions")
def register_webhook_log_actions(actions):
    actions.register_action(
        "bookings.webhook_secret_rotated", "Rotate webhook secret", "Rotated the signing secret"
    )
    actions.register_action(
        "bookings.webhook_redeliver", "Redeliver webhook", "Asked for a webhook delivery again"
    )


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The booking events sent to this URL.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "description", "events", "is_active"]
        help_texts = {
            "url": "Your CRM's inbound webhook address (https).",
            "is_active": "Untick to stop sending without losing the settings.",
        }

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except (UnsafeURL, HostNotFound) as error:
            raise forms.ValidationError(str(error)) from error
        return url

    def save(self, commit=True):
        endpoint = super().save(commit=False)
        if endpoint.is_active:
            endpoint.disabled_reason = ""  # staff switched it back on
        if commit:
            endpoint.save()
        return endpoint


def show_secret(request, endpoint, heading):
    """The one page that shows the signing secret: the answer to the POST that made it."""
    return TemplateResponse(
        request,
        "bookings/admin/webhook_secret.html",
        {
            "endpoint": endpoint,
            "secret": endpoint.secret,
            "page_title": heading,
            "header_title": heading,
            "log_url": reverse(f"{VIEWSET_NAME}:inspect", args=[endpoint.pk]),
        },
    )


class WebhookCreateView(generic.CreateView):
    def save_action(self):
        return show_secret(self.request, self.object, "Webhook added: copy its signing secret")


class WebhookInspectView(generic.InspectView):
    """The endpoint and its delivery log."""

    template_name = "bookings/admin/webhook_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deliveries"] = self.object.deliveries.select_related("event__booking")[
            :DELIVERIES_SHOWN
        ]
        context["can_change"] = self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )
        return context


def _may_change(request):
    return request.user.has_perm("bookings.change_webhookendpoint")


def rotate_secret(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not _may_change(request):
        return permission_denied(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    endpoint.rotate_secret()
    log(instance=endpoint, action="bookings.webhook_secret_rotated", user=request.user)
    return show_secret(request, endpoint, "New signing secret: copy it now")


def redeliver(request, delivery_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not _may_change(request):
        return permission_denied(request)
    delivery = get_object_or_404(
        WebhookDelivery.objects.select_related("endpoint", "event"), pk=delivery_id
    )
    if not delivery.endpoint.is_active:
        messages.error(request, "This webhook is switched off: switch it on to redeliver.")
    elif delivery.state in webhooks.UNFINISHED:
        messages.warning(request, "This delivery is still on its way.")
    else:
        webhooks.redeliver(delivery)
        log(
            instance=delivery.endpoint,
            action="bookings.webhook_redeliver",
            user=request.user,
            data={"event": str(delivery.event.uuid)},
        )
        messages.success(request, f"“{delivery.event.event_type}” is queued to be sent again.")
    return redirect(f"{VIEWSET_NAME}:inspect", delivery.endpoint_id)


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = VIEWSET_NAME
    url_prefix = "bookings/webhooks"
    menu_label = "CRM webhooks"
    icon = "link"
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = WebhookCreateView
    inspect_view_class = WebhookInspectView
    form_fields = ["url", "description", "events", "is_active"]
    list_display = ["url", "description", "events_list", "is_active", "disabled_reason"]
    inspect_view_fields = [
        "url",
        "description",
        "events",
        "is_active",
        "disabled_reason",
        "secret_rotated_at",
        "created_at",
    ]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rotate-secret/<int:pk>/", rotate_secret, name="rotate_secret"),
            path("deliveries/<int:delivery_id>/redeliver/", redeliver, name="redeliver"),
        ]
