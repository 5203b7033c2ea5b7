"""Version numbers for what the public pages show, so cached copies of it (menus, rendered
guide bodies, whole pages) are never stale.

- "content": a page published, unpublished, moved or deleted; an image or document replaced; a
  topic, author, site setting or the navigation edited. Every public page depends on it.
- "slots": the free Health Check slots (a booking, the availability). Only what shows slots
  (the Health Check page and its slot picker) depends on it, so a booking leaves every guide
  cached.

A change moves its version on once its transaction commits. Cache keys include the versions
they depend on, so a change makes every older copy unreachable at once, and the cache evicts
them in its own time. Versions are random rather than counters, so a cache that lost one
cannot re-use an old one.

Apps say which of their models change public pages, and which version, from their
AppConfig.ready() with `register_public_model()`: the core imports none of them.
"""

import functools
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from apiwise.query_params import address_key, declared_query

CONTENT = "content"
SLOTS = "slots"
VERSION_TIMEOUT = None  # kept until what it versions changes
DAY = 60 * 60 * 24


def _version_key(name):
    return f"apiwise:{name}-version"


def version(name):
    key = _version_key(name)
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, VERSION_TIMEOUT)
        current = cache.get(key)
    return current


def content_version():
    return version(CONTENT)


def _new_version(name=CONTENT):
    cache.set(_version_key(name), uuid.uuid4().hex, VERSION_TIMEOUT)


def changed(name):
    """`name` changed: move its version on now, and again once the transaction commits (a
    page view between the two may have cached the old rows under the first new version)."""
    _new_version(name)
    transaction.on_commit(lambda: _new_version(name))


def content_changed(**kwargs):
    """Signal receiver: the content changed."""
    changed(CONTENT)


def register_public_model(model, version=CONTENT, changes_pages=None):
    """Saving or deleting a `model` row changes what the public pages show under `version`.
    `changes_pages(instance, created)`, when given, says whether a save does (a spam booking
    changes nothing). Call it from the app's AppConfig.ready()."""

    def on_save(sender, instance, created=False, **kwargs):
        if changes_pages is None or changes_pages(instance, created):
            changed(version)

    def on_delete(sender, **kwargs):
        changed(version)

    uid = f"public_model_{model._meta.label}_{version}"
    # weak=False: the receivers are closures that nothing else holds on to.
    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"{uid}_save")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"{uid}_delete")


def versioned_key(key, versions=(CONTENT,)):
    stamp = ":".join(f"{name}={version(name)}" for name in versions)
    return f"apiwise:{stamp}:{key}"


def cached(key, build, timeout=DAY, versions=(CONTENT,)):
    """`build()`'s result, cached under `key` until one of `versions` moves on."""
    full_key = versioned_key(key, versions)
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def cache_per_content_version(view):
    """A view whose response depends on the content alone (the sitemap lists every page:
    about 0.3 s of work at 2,000 guides), kept per address until the content changes. The
    address is the host, the path and the query parameters the view declares it reads
    (apiwise/query_params.py): any other parameter is served the same copy."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = address_key(request, declared_query(request))
        key = versioned_key(f"response:{request.scheme}:{address}")
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
    """Wagtail's own changes to what visitors see; apps register their models themselves."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"content_changed_{id(signal)}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="content_changed_page_delete")
    # A page made private must leave every cache at once.
    for model in (PageViewRestriction, Site, get_image_model(), get_document_model()):
        register_public_model(model)
