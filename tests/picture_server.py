"""A real https server on loopback that serves pictures the way the web does, and fails the way
the web does: a PNG, a redirect to it, a 404, a slow answer, a web page pretending to be a
picture and a picture too big to take. Its certificate is for "localhost", trusted through
OUTBOUND_CA_BUNDLE, as a private CA would be."""

import contextlib
import http.server
import ssl
import threading
import time

import pytest

from tests.blog.corpus.word import png
from tests.tls import self_signed

ORDERS_PNG = png((400, 240), (150, 191, 72))  # Shopify's green
SLOW_SECONDS = 3


class PictureHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's API
        path = self.path.split("?")[0]
        if path == "/shopify-orders.png":
            self.answer(200, "image/png", ORDERS_PNG)
        elif path == "/moved.png":
            self.send_response(302)
            self.send_header("Location", "/shopify-orders.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-plain-http.png":  # a redirect to an address the import refuses
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{self.server.server_address[1]}/x.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop.png":
            self.send_response(302)
            self.send_header("Location", "/loop.png")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow.png":
            time.sleep(SLOW_SECONDS)
            self.answer(200, "image/png", ORDERS_PNG)
        elif path == "/sign-in.png":
            self.answer(200, "text/html; charset=utf-8", b"<!doctype html><title>Sign in</title>")
        elif path == "/huge.png":
            self.answer(200, "image/png", ORDERS_PNG + b"\0" * (1024 * 1024 + 1))
        else:
            self.answer(404, "text/plain", b"Not found")

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The importer may stop reading (too big, too slow): expected.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def picture_server(tmp_path_factory, settings):
    """The server's base URL ("https://localhost:PORT"), with the settings a test needs to
    reach it: private addresses allowed, its certificate trusted, a picture at most 1 MB and
    one second for all the pictures."""
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = self_signed(folder, "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PictureHandler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.handle_error = lambda request, address: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.OUTBOUND_ALLOW_PRIVATE_ADDRESSES = True
    settings.OUTBOUND_CA_BUNDLE = str(cert_file)
    settings.GUIDE_IMPORT_PICTURE_MAX_MB = 1
    settings.GUIDE_IMPORT_PICTURES_SECONDS = 1
    yield f"https://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
