"""The wire side of CRM webhooks: which URLs are safe to call, how a body is signed, and one
POST with short timeouts and no redirects.

Server-side request forgery: an endpoint is a URL staff type, and the worker calls it from
inside our network. The core's outbound requests (apiwise/outbound.py) check it when staff
save the endpoint and again at each send (private, loopback, link-local… addresses refused
unless settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES), and the POST connects to the
address that was checked, not to a second lookup.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings

from apiwise import outbound
from apiwise.outbound import HostNotFound, UnsafeURL

__all__ = ["HostNotFound", "UnsafeURL", "check_url", "post", "sign", "signed_headers"]

SIGNATURE_HEADER = "X-APIwise-Signature"
TIMESTAMP_HEADER = "X-APIwise-Timestamp"
EVENT_ID_HEADER = "X-APIwise-Event-Id"
EVENT_TYPE_HEADER = "X-APIwise-Event"
USER_AGENT = "APIwise-Webhooks/1.0"
RESPONSE_BODY_LIMIT = 1000  # characters of the receiver's answer kept for the delivery log
_READ_LIMIT = 64 * 1024  # bytes read from the answer at most


def sign(secret, timestamp, body):
    """HMAC-SHA256 over "<timestamp>.<body>", hex: what the signature header carries."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret, body, event_id, event_type, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_ID_HEADER: str(event_id),
        EVENT_TYPE_HEADER: event_type,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"v1={sign(secret, timestamp, body)}",
    }


def policy():
    """The core's outbound policy (apiwise/outbound.py) for webhook URLs, from the settings."""
    return outbound.Policy(
        require_https=settings.BOOKINGS_WEBHOOK_REQUIRE_HTTPS,
        allow_private=settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
        connect_timeout=settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT,
        read_timeout=settings.BOOKINGS_WEBHOOK_READ_TIMEOUT,
        max_redirects=0,
        max_bytes=_READ_LIMIT,
        ca_certs=settings.BOOKINGS_WEBHOOK_CA_BUNDLE,
        truncate=True,
        refusal="webhooks only go to public addresses",
    )


def check_url(url):
    """The URL's parts and the addresses it may be called at, or UnsafeURL saying why not."""
    return outbound.check_url(url, policy())


@dataclass
class Answer:
    status: int
    body: str
    retry_after: str | None = None


def post(url, body, headers):
    """POST `body` to `url` at an address check_url() approved (the next one if an address
    refuses the connection), no redirects followed. Returns the Answer; raises UnsafeURL,
    HostNotFound, or urllib3's errors for timeouts and connection failures."""
    response = outbound.request("POST", url, policy(), body=body, headers=headers)
    return Answer(
        status=response.status,
        body=response.body.decode("utf-8", "replace")[:RESPONSE_BODY_LIMIT],
        retry_after=response.headers.get("Retry-After"),
    )
