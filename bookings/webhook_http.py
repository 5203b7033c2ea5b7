"""The wire side of CRM webhooks: which URLs are safe to call, how a body is signed, and one
POST with short timeouts and no redirects.

Server-side request forgery: an endpoint is a URL staff type, and the worker calls it from
inside our network. So the host is resolved and every address it resolves to is checked
(private, loopback, link-local, shared, reserved, multicast, unspecified are refused unless
settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES), when staff save the endpoint and again at
each send; and the POST connects to the address that was checked, not to a second lookup
(which a hostile DNS server could answer differently).
"""

import hashlib
import hmac
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from django.conf import settings

SIGNATURE_HEADER = "X-APIwise-Signature"
TIMESTAMP_HEADER = "X-APIwise-Timestamp"
EVENT_ID_HEADER = "X-APIwise-Event-Id"
EVENT_TYPE_HEADER = "X-APIwise-Event"
USER_AGENT = "APIwise-Webhooks/1.0"
RESPONSE_BODY_LIMIT = 1000  # characters of the receiver's answer kept for the delivery log
_READ_LIMIT = 64 * 1024  # bytes read from the answer at most


class UnsafeURL(ValueError):
    """The URL may not be called (scheme, host or the addresses it resolves to)."""


class HostNotFound(ConnectionError):
    """The host name did not resolve (perhaps only for now: retried like a refused connection)."""


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


def _is_public(address):
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # is_global is false for private, loopback, link-local, unspecified, reserved and shared
    # (carrier-grade NAT) ranges alike; multicast is never a web server.
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def check_url(url):
    """The URL's parts and the addresses it may be called at, or UnsafeURL saying why not."""
    parts = urlsplit(url)
    allowed_schemes = ("https",) if settings.BOOKINGS_WEBHOOK_REQUIRE_HTTPS else ("https", "http")
    if parts.scheme not in allowed_schemes:
        raise UnsafeURL("The URL must start with https://.")
    if not parts.hostname:
        raise UnsafeURL("The URL has no host name.")
    if parts.username or parts.password:
        raise UnsafeURL("Put credentials in the CRM's settings, not in the URL.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise UnsafeURL("The URL's port is not a number from 1 to 65535.") from error
    try:
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFound(f"The host name {parts.hostname} could not be resolved.") from error
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        refused = [address for address in addresses if not _is_public(address)]
        if refused:
            raise UnsafeURL(
                f"{parts.hostname} resolves to a private, loopback or link-local address "
                f"({', '.join(refused)}): webhooks only go to public addresses."
            )
    return parts, port, addresses


@dataclass
class Answer:
    status: int
    body: str
    retry_after: str | None = None


def _pool(parts, address, port):
    timeout = urllib3.Timeout(
        connect=settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT,
        read=settings.BOOKINGS_WEBHOOK_READ_TIMEOUT,
        total=settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT + settings.BOOKINGS_WEBHOOK_READ_TIMEOUT,
    )
    options = {"port": port, "timeout": timeout, "retries": False, "maxsize": 1}
    if parts.scheme == "http":
        return urllib3.HTTPConnectionPool(address, **options)
    # Connect to the checked address; the certificate is still checked for the host name.
    return urllib3.HTTPSConnectionPool(
        address,
        server_hostname=parts.hostname,
        assert_hostname=parts.hostname,
        cert_reqs="CERT_REQUIRED",
        ca_certs=settings.BOOKINGS_WEBHOOK_CA_BUNDLE,
        **options,
    )


def post(url, body, headers):
    """POST `body` to `url` at an address check_url() approved (the next one if an address
    refuses the connection). Returns the Answer; raises UnsafeURL, HostNotFound, or urllib3's
    errors for timeouts and connection failures."""
    parts, port, addresses = check_url(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    host = parts.hostname if not parts.port else f"{parts.hostname}:{parts.port}"
    for number, address in enumerate(addresses, start=1):
        pool = _pool(parts, address, port)
        try:
            response = pool.urlopen(
                "POST",
                target,
                body=body,
                headers={**headers, "Host": host},
                redirect=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                raw = response.read(_READ_LIMIT)
            finally:
                response.release_conn()
            break
        except urllib3.exceptions.NewConnectionError:
            if number == len(addresses):
                raise
        finally:
            pool.close()
    return Answer(
        status=response.status,
        body=raw.decode("utf-8", "replace")[:RESPONSE_BODY_LIMIT],
        retry_after=response.headers.get("Retry-After"),
    )
