"""One version number for everything the public pages show, so cached copies of it (menus,
rendered guide bodies) are never stale.

Any change to what visitors see (a page published, unpublished, moved or deleted; an image or
document replaced; a topic, author, site setting or the navigation edited; a booking or the
availability changing the free slots) moves the version on once its transaction commits. Cache keys include the version, so
a change makes every older copy unreachable at once, and the cache evicts them in its own time.
The version is random rather than a counter, so a cache that lost it cannot re-use an old one.
"""

import functools
import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

VERSION_KEY = "apiwise:content-version"
VERSION_TIMEOUT = None  # kept until the content changes
DAY = 60 * 60 * 24


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, VERSION_TIMEOUT)
        version = cache.get(VERSION_KEY)
    return version


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, VERSION_TIMEOUT)


def content_changed(**kwargs):
    """Signal receiver: the content changed. Move the version on now, and again once the
    transaction commits: a page view between the two may have cached the old rows under the
    first new version."""
    _new_version()
    transaction.on_commit(_new_version)


def versioned_key(key):
    return f"apiwise:{content_version()}:{key}"


def cached(key, build, timeout=DAY):
    """`build()`'s result, cached under `key` for the current content version."""
    full_key = versioned_key(key)
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def cache_per_content_version(view):
    """A view whose response depends on the content alone (the sitemap lists every page:
    about 0.3 s of work at 2,000 guides), kept per address until the content changes."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = request.build_absolute_uri()
        key = versioned_key(f"response:{hashlib.sha256(address.encode()).hexdigest()}")
        frozen = cache.get(key)
        if frozen is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                return response
            frozen = (response.content, response["Content-Type"])
            cache.set(key, frozen, DAY)
        return HttpResponse(frozen[0], content_type=frozen[1])

    return wrapper


def site_for_request(request):
    """Wagtail's Site for this request with its root page, from the cache: serving a page
    otherwise spends three queries finding them. None when no site matches."""
    from wagtail.models import Site

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return cached(f"site:{request.get_host()}:{request.get_port()}", find)


def restricted_paths():
    """The tree paths of every page with a view restriction (private, with everything below
    it). Usually none."""
    from wagtail.models import PageViewRestriction

    return cached(
        "restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def any_view_restrictions():
    """Is any page private? Usually none is, and then serving needs no privacy queries."""
    return bool(restricted_paths())


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from apiwise.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
    from blog.models import Author, Topic
    from bookings.models import (
        AvailabilityWindow,
        BlockedDate,
        Booking,
        BookingSettings,
        CaseStudy,
        Testimonial,
    )

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"content_changed_{id(signal)}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="content_changed_page_delete")
    watched = [
        # A page made private must leave every cache at once.
        PageViewRestriction,
        Site,
        get_image_model(),
        get_document_model(),
        Topic,
        Author,
        SiteSettings,
        NavigationSettings,
        MainMenuItem,
        FooterLink,
        # The Health Check page shows the free slots.
        Booking,
        AvailabilityWindow,
        BlockedDate,
        BookingSettings,
        # Shown on the Health Check page once published.
        Testimonial,
        CaseStudy,
    ]
    for model in watched:
        uid = f"content_changed_{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}_delete")
