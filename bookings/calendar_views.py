"""The calendar feed's two pages: the public .ics a calendar app fetches, and the admin page
where a Sales user makes (or revokes) their link."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from apiwise.models import SiteSettings
from bookings import calendar_feed
from bookings.models.calendar_feed import CalendarFeed


@require_safe
def feed(request, token):
    """No login (calendar apps cannot log in): the token is the key. Never stored by a shared
    cache or the page cache: it is one person's, and a revoked link must stop at once."""
    if calendar_feed.feed_for_token(token) is None:
        raise Http404
    body = calendar_feed.feed_calendar(
        organisation=SiteSettings.for_request(request).organisation_name,
        domain=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Disposition"] = 'inline; filename="health-checks.ics"'
    return response


def manage_feed(request):
    """GET: whether the user has a feed. POST "new": a new link, shown this once (the old one
    stops working). POST "revoke": no link."""
    from wagtail.admin.auth import permission_denied

    if not calendar_feed.may_subscribe(request.user):
        return permission_denied(request)
    context = {
        "page_title": "Calendar feed",
        "header_title": "Your Health Check calendar feed",
        "header_icon": "date",
        "feed": CalendarFeed.objects.filter(user=request.user).first(),
        "feed_url": "",
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "new":
            token = calendar_feed.new_token(request.user)
            context["feed"] = CalendarFeed.objects.get(user=request.user)
            context["feed_url"] = request.build_absolute_uri(calendar_feed.feed_path(token))
        elif action == "revoke":
            if calendar_feed.revoke(request.user):
                messages.success(
                    request, "Your calendar feed is revoked: its link no longer works."
                )
            return redirect("bookings_calendar_feed_admin")
        else:
            messages.error(request, "Choose to make a new link or to revoke the one you have.")
            return redirect("bookings_calendar_feed_admin")
    response = TemplateResponse(request, "bookings/admin/calendar_feed.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
