"""Who is asking, and how often: the visitor's real address behind trusted proxies and a rate
limit shared by every server process. The booking forms, the staff password reset and
django-axes (AXES_CLIENT_IP_CALLABLE) all count by the same address."""

import ipaddress

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's IP: REMOTE_ADDR, or with N trusted proxies in front, the address the
    outermost trusted proxy saw (N-th from the right of X-Forwarded-For)."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return remote


def over_limit(key, limit, window):
    """Count one more request under `key` in the shared cache (the count lives `window`
    seconds from the first). True once there have been more than `limit`."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
