"""The core's requests to addresses other people chose (apiwise/outbound.py), against a real
https server on loopback: a reply longer than the caller takes is cut or refused, redirects
are followed only as far as allowed, and what a redirect points at is checked like the
first address."""

import pytest

from apiwise import outbound
from tests.picture_server import ORDERS_PNG


def rules(settings, **options):
    return outbound.Policy(
        allow_private=True, ca_certs=settings.OUTBOUND_CA_BUNDLE, max_bytes=10**6, **options
    )


def test_a_redirect_is_followed_only_when_allowed_and_each_hop_is_checked(picture_server, settings):
    answer = outbound.request("GET", f"{picture_server}/moved.png", rules(settings))
    assert answer.status == 302  # no redirects unless the caller allows them

    answer = outbound.request(
        "GET", f"{picture_server}/moved.png", rules(settings, max_redirects=1)
    )
    assert (answer.status, answer.body) == (200, ORDERS_PNG)
    assert answer.url == f"{picture_server}/shopify-orders.png"

    with pytest.raises(outbound.UnsafeURL, match="must start with https://"):
        outbound.request(
            "GET", f"{picture_server}/to-plain-http.png", rules(settings, max_redirects=1)
        )
    with pytest.raises(outbound.TooManyRedirects):
        outbound.request("GET", f"{picture_server}/loop.png", rules(settings, max_redirects=3))


def test_a_long_answer_is_refused_or_cut_as_the_caller_says(picture_server, settings):
    refuse = outbound.Policy(
        allow_private=True, ca_certs=settings.OUTBOUND_CA_BUNDLE, max_bytes=1000
    )
    with pytest.raises(outbound.TooLarge):
        outbound.request("GET", f"{picture_server}/huge.png", refuse)
    cut = outbound.Policy(
        allow_private=True, ca_certs=settings.OUTBOUND_CA_BUNDLE, max_bytes=1000, truncate=True
    )
    answer = outbound.request("GET", f"{picture_server}/huge.png", cut)
    assert answer.body == (ORDERS_PNG + b"\0" * 1000)[:1000]


def test_private_addresses_are_refused_unless_allowed(settings):
    with pytest.raises(outbound.UnsafeURL, match="pictures are only fetched from public"):
        outbound.check_url(
            "https://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
            outbound.Policy(refusal="pictures are only fetched from public addresses"),
        )
    parts, port, addresses = outbound.check_url(
        "https://127.0.0.1:8443/x", outbound.Policy(allow_private=True)
    )
    assert (parts.hostname, port, addresses) == ("127.0.0.1", 8443, ["127.0.0.1"])
