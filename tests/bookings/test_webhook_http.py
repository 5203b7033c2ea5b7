"""The wire side of webhooks, against a real https receiver on loopback: the certificate is
checked for the URL's host name even though the worker connects to the checked address."""

import http.server
import ssl
import threading

import pytest
import urllib3

from bookings.webhook_http import UnsafeURL, check_url, post, signed_headers
from tests.tls import self_signed


@pytest.fixture
def https_receiver(tmp_path, settings):
    """An https CRM on 127.0.0.1 with a certificate for "localhost"."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's API
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"host": self.headers["Host"], "body": body})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    cert_file, key_file = self_signed(tmp_path, "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.handle_error = lambda request, address: None  # the refused handshakes, expected
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.BOOKINGS_WEBHOOK_REQUIRE_HTTPS = True
    settings.BOOKINGS_WEBHOOK_CONNECT_TIMEOUT = 1
    settings.BOOKINGS_WEBHOOK_READ_TIMEOUT = 1
    settings.BOOKINGS_WEBHOOK_CA_BUNDLE = str(cert_file)
    yield server.server_address[1], received, tmp_path
    server.shutdown()
    server.server_close()


def test_https_delivery_checks_the_certificate_for_the_host_name(https_receiver, settings):
    port, received, tmp_path = https_receiver
    body = b'{"type": "booking.created"}'
    headers = signed_headers("whsec_test", body, "0000", "booking.created")

    answer = post(f"https://localhost:{port}/hooks?account=7", body, headers)

    assert answer.status == 204
    assert received == [{"host": f"localhost:{port}", "body": body}]

    # A certificate nobody vouches for is refused before anything is sent.
    other_cert, _key = self_signed(tmp_path, "crm.example")
    settings.BOOKINGS_WEBHOOK_CA_BUNDLE = str(other_cert)
    with pytest.raises(urllib3.exceptions.SSLError):
        post(f"https://localhost:{port}/hooks", body, headers)
    # Nor does the address stand in for the name the certificate was made for.
    settings.BOOKINGS_WEBHOOK_CA_BUNDLE = str(tmp_path / "localhost.pem")
    with pytest.raises(urllib3.exceptions.SSLError):
        post(f"https://127.0.0.1:{port}/hooks", body, headers)
    assert len(received) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://[::ffff:127.0.0.1]/hooks",  # loopback dressed as IPv6
        "http://0.0.0.0/hooks",
        "http://100.64.0.1/hooks",  # carrier-grade NAT
        "http://224.0.0.1/hooks",
        "http://[fe80::1]/hooks",
        "http://2130706433/hooks",  # 127.0.0.1 as one number
    ],
)
def test_addresses_inside_any_network_are_refused(url, settings):
    settings.BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(UnsafeURL, match="webhooks only go to public addresses"):
        check_url(url)


def test_a_bad_port_is_a_clear_error(settings):
    with pytest.raises(UnsafeURL, match="port"):
        check_url("https://93.184.216.34:99999/hooks")
