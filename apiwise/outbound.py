"""Requests the site makes to addresses other people chose: a CRM's webhook URL that staff
typed (bookings), a picture a guide being imported points at (blog). One implementation, so
that both are guarded the same way against server-side request forgery:

- the host is resolved and every address it resolves to is checked: private, loopback,
  link-local, shared, reserved, multicast and unspecified addresses are refused unless the
  caller allows them (tests, a CRM on the same private network);
- the request connects to the address that was checked, never to a second lookup (which a
  hostile DNS server could answer differently: "DNS rebinding"); the certificate is still
  checked for the URL's host name;
- short connect and read timeouts, and a deadline for the whole exchange;
- redirects only when the caller allows them, at most so many, each new URL checked again;
- at most so many bytes of the answer are read.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3

REDIRECTS = {301, 302, 303, 307, 308}


class UnsafeURL(ValueError):
    """The URL may not be called (scheme, host or the addresses it resolves to)."""


class HostNotFound(ConnectionError):
    """The host name did not resolve (perhaps only for now)."""


class TooLarge(ValueError):
    """The answer is longer than the caller takes."""


class TooManyRedirects(ValueError):
    """The URL redirected more times than the caller allows."""


@dataclass(frozen=True)
class Policy:
    """What a caller allows: schemes, private addresses, timeouts (seconds), redirects, the
    answer's size (bytes) and the CA certificates to trust (None: the system's)."""

    require_https: bool = True
    allow_private: bool = False
    connect_timeout: float = 5
    read_timeout: float = 10
    max_redirects: int = 0
    max_bytes: int = 64 * 1024
    ca_certs: str | None = None
    # True: a longer answer is cut at max_bytes (a receiver's reply kept for a log); False:
    # it is refused with TooLarge (a caller that keeps the body must not keep half of it).
    truncate: bool = False
    # How a refused address is explained: "webhooks only go to public addresses".
    refusal: str = "only public addresses may be called"


@dataclass
class Response:
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    url: str = ""  # after any redirects


def is_public(address):
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # is_global is false for private, loopback, link-local, unspecified, reserved and shared
    # (carrier-grade NAT) ranges alike; multicast is never a web server.
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def check_url(url, policy):
    """(the URL's parts, its port, the addresses it may be called at), or UnsafeURL saying
    why not (HostNotFound when the name does not resolve)."""
    parts = urlsplit(url)
    allowed_schemes = ("https",) if policy.require_https else ("https", "http")
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
    if not policy.allow_private:
        refused = [address for address in addresses if not is_public(address)]
        if refused:
            raise UnsafeURL(
                f"{parts.hostname} resolves to a private, loopback or link-local address "
                f"({', '.join(refused)}): {policy.refusal}."
            )
    return parts, port, addresses


def _pool(parts, address, port, policy, seconds_left):
    read = min(policy.read_timeout, seconds_left)
    timeout = urllib3.Timeout(
        connect=min(policy.connect_timeout, seconds_left), read=read, total=seconds_left
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
        ca_certs=policy.ca_certs,
        **options,
    )


def request(method, url, policy, *, body=None, headers=None):
    """One request to `url` within `policy`, following redirects it allows (each hop checked
    again). Returns the Response; raises UnsafeURL, HostNotFound, TooLarge, TooManyRedirects,
    or urllib3's errors for timeouts and failed connections."""
    deadline = time.monotonic() + policy.connect_timeout + policy.read_timeout
    for _hop in range(policy.max_redirects + 1):
        response = _once(method, url, policy, body, headers or {}, deadline)
        location = response.headers.get("Location")
        if response.status not in REDIRECTS or not location or not policy.max_redirects:
            return response
        url = urljoin(url, location)
        if response.status == 303:
            method, body = "GET", None
    raise TooManyRedirects(f"The URL redirected more than {policy.max_redirects} times.")


def _once(method, url, policy, body, headers, deadline):
    parts, port, addresses = check_url(url, policy)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host = parts.hostname if not parts.port else f"{parts.hostname}:{parts.port}"
    if ":" in parts.hostname and not parts.port:  # an IPv6 literal
        host = f"[{parts.hostname}]"
    for number, address in enumerate(addresses, start=1):
        seconds_left = deadline - time.monotonic()
        if seconds_left <= 0:
            raise urllib3.exceptions.TimeoutError("The request took too long.")
        pool = _pool(parts, address, port, policy, seconds_left)
        try:
            answer = pool.urlopen(
                method,
                target,
                body=body,
                headers={**headers, "Host": host},
                redirect=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                data = _read(answer, policy, deadline)
            finally:
                answer.release_conn()
            return Response(status=answer.status, headers=dict(answer.headers), body=data, url=url)
        except urllib3.exceptions.NewConnectionError:
            if number == len(addresses):
                raise
        finally:
            pool.close()
    raise HostNotFound(f"The host name {parts.hostname} has no address.")


def _read(answer, policy, deadline):
    """The answer's body, at most policy.max_bytes (cut there or refused, as the policy
    says), read in pieces so the deadline holds even against a server that trickles."""
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes and not policy.truncate:
        raise TooLarge(
            f"The answer is {int(declared):,} bytes; the most taken is {policy.max_bytes:,}."
        )
    pieces, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise urllib3.exceptions.ReadTimeoutError(None, None, "The answer took too long.")
        piece = answer.read(min(64 * 1024, policy.max_bytes + 1 - size))
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size += len(piece)
        if size > policy.max_bytes:
            if policy.truncate:
                return b"".join(pieces)[: policy.max_bytes]
            raise TooLarge(f"The answer is longer than {policy.max_bytes:,} bytes.")
