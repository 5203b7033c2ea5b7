"""One version number for everything the public pages show, so cached copies of it (menus,
rendered guide bodies) are never stale.

Any change an editor can make to what visitors see (a page published, unpublished, moved or
deleted; an image or document replaced; a topic, author, site setting or the navigation
edited) moves the version on once its transaction commits. Cache keys include the version, so
a change makes every older copy unreachable at once, and the cache evicts them in its own time.
The version is random rather than a counter, so a cache that lost it cannot re-use an old one.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "apiwise:content-version"
VERSION_TIMEOUT = None  # kept until the content changes


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


def cached(key, build, timeout=60 * 60 * 24):
    """`build()`'s result, cached under `key` for the current content version."""
    full_key = f"apiwise:{content_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from apiwise.models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
    from blog.models import Author, Topic

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"content_changed_{id(signal)}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="content_changed_page_delete")
    watched = [
        get_image_model(),
        get_document_model(),
        Topic,
        Author,
        SiteSettings,
        NavigationSettings,
        MainMenuItem,
        FooterLink,
    ]
    for model in watched:
        uid = f"content_changed_{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}_delete")
