"""Which query parameters a public page reads: the only ones that make it a different page.

A stranger can add anything to an address (`?utm_source=…`, `?gclid=…`, `?x=<random>`). If
every such address were a page of its own, each would be rendered and stored again, and a
loop of random values would fill the cache (Redis) without bound. So a view declares the
parameters it reads, and the caches (apiwise/page_cache.py, cache_per_content_version) store
one copy per value of those alone: any other parameter is served the normal page, which
names its canonical address without them.

Declare them once per view, before anything else it does (never only on some paths through
it: the page cache learns a path's parameters from its last stored response):

- a Wagtail page: `declare_query(request, "page", "topic")` first thing in the code that
  serves it (the guide index's get_context);
- a function view: `@reads_query("q", "page")`.

A visitor's own values from the address (where they came from, utm_* attribution on the
booking form) are not parameters of the page: the form fills them in per visitor (holes,
see page_cache.mark_holes), so the stored copy is shared by all.
"""

import functools
import hashlib
from urllib.parse import urlencode

ATTRIBUTE = "apiwise_query_params"


def declare_query(request, *names):
    """This request's page reads these query parameters (and no other)."""
    setattr(request, ATTRIBUTE, tuple(sorted({*declared_query(request), *names})))


def declared_query(request):
    return getattr(request, ATTRIBUTE, ())


def reads_query(*names):
    """Decorator for a function view: it reads these query parameters."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            declare_query(request, *names)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def kept_query(request, names=None):
    """The address's values of the parameters read (all of `names`, or those declared), as
    sorted (name, value) pairs: repeated ones and the order they came in make no difference."""
    wanted = set(declared_query(request) if names is None else names)
    return sorted((name, value) for name, value in request.GET.items() if name in wanted)


def address_key(request, names):
    """A short, fixed-length key for this host and path with only `names` of its query."""
    query = urlencode(kept_query(request, names))
    address = f"{request.get_host()}{request.path}?{query}"
    return hashlib.sha256(address.encode()).hexdigest()
