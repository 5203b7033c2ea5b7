"""Views over a range of UK days, for the reports built on them (the bookings app's "Which
guides sell", the guide editor's panel, the dashboard). A monthly row (older than the daily
retention) counts when the first day of its month is in the range."""

from django.db.models import Sum
from django.db.models.functions import Lower

from apiwise.models.page_views import PageViewCount


def between(date_from, date_to):
    return PageViewCount.objects.filter(day__gte=date_from, day__lte=date_to)


def views_by_page(date_from, date_to, page_ids=None):
    """{page id: views}."""
    rows = between(date_from, date_to)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    totals = rows.values("page_id").annotate(total=Sum("views"))
    return {row["page_id"]: row["total"] for row in totals}


def views_by_previous_path(date_from, date_to, page_ids):
    """{path of the page read before: views} of the pages `page_ids` (e.g. how often the
    Health Check page was opened from each guide)."""
    totals = (
        between(date_from, date_to)
        .filter(page_id__in=page_ids)
        .exclude(previous_path="")
        .values("previous_path")
        .annotate(total=Sum("views"))
    )
    return {row["previous_path"]: row["total"] for row in totals}


def views_by_utm_source(date_from, date_to, page_ids=None):
    """{utm_source in lower case ('' for none): views}."""
    rows = between(date_from, date_to)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    totals = rows.values(source=Lower("utm_source")).annotate(total=Sum("views"))
    result = {}
    for row in totals:
        source = (row["source"] or "").strip()
        result[source] = result.get(source, 0) + row["total"]
    return result


def total_views(date_from, date_to, page_ids=None):
    rows = between(date_from, date_to)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    return rows.aggregate(total=Sum("views"))["total"] or 0
