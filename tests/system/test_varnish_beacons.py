"""The project's VCL under the real varnishd routes the page-view beacons (POST /views/) to the
`beacons` service, never from the cache, and to `web` when the beacons service is down; pages
still go to `web`. Two stub servers stand in for the services and record what reaches them."""

import http.server
import os
import signal
import threading
import urllib.error
import urllib.request

import pytest

from tests.helpers import free_port, wait_until
from tests.system.conftest import start_varnish

pytestmark = [pytest.mark.system, pytest.mark.xdist_group("shared-services")]


class Service(http.server.ThreadingHTTPServer):
    """Answers /healthz, GETs with a public page, and POSTs with 204; remembers the POSTs and
    page GETs it was sent."""

    def __init__(self, name):
        self.name = name
        self.requests = []
        super().__init__(("127.0.0.1", 0), ServiceHandler)


class ServiceHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/healthz":
            self.server.requests.append(("GET", self.path))
        body = self.server.name.encode()
        self.send_response(200)
        self.send_header("Cache-Control", "public, max-age=60, s-maxage=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(("POST", self.path))
        self.send_response(204)
        self.send_header("Cache-Control", "public, max-age=600")  # a careless answer
        self.end_headers()

    def log_message(self, *args):
        pass


def serve(name):
    service = Service(name)
    threading.Thread(target=service.serve_forever, daemon=True).start()
    return service


@pytest.fixture(scope="module")
def services():
    web, beacons = serve("web"), serve("beacons")
    yield web, beacons
    for service in (web, beacons):
        service.shutdown()
        service.server_close()


@pytest.fixture(scope="module")
def proxy(services, workdir):
    web, beacons = services
    base, pid_file = start_varnish(
        "127.0.0.1", web.server_address[1], workdir, free_port(), beacons.server_address[1]
    )
    yield base
    os.kill(int(pid_file.read_text()), signal.SIGTERM)


def send_view(proxy):
    request = urllib.request.Request(f"{proxy}/views/", data=b"p=/guides/&d=d", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return response.status


def test_beacons_go_to_their_own_service_and_pages_to_web(proxy, services):
    web, beacons = services
    # The beacons backend counts as healthy once its first probes have passed.
    wait_until(lambda: send_view(proxy) == 204 and beacons.requests, 30, 0.5, "a beacon routed")
    beacons.requests.clear()
    for _ in range(3):
        assert send_view(proxy) == 204
    assert beacons.requests == [("POST", "/views/")] * 3  # each one, none from the cache
    with urllib.request.urlopen(f"{proxy}/guides/", timeout=10) as page:  # noqa: S310
        assert page.read() == b"web"
    assert ("GET", "/guides/") in web.requests
    assert not any(path == "/views/" for _, path in web.requests)


def test_with_the_beacons_service_down_web_takes_them(proxy, services):
    web, beacons = services
    beacons.shutdown()
    beacons.server_close()

    # Varnish's probe (every 5 s, 3 of 5 must pass) marks it sick within about 15 s; until
    # then a beacon may fail, as it would with any service restarting.
    def reaches_web():
        try:
            send_view(proxy)
        except urllib.error.HTTPError:
            return False
        return ("POST", "/views/") in web.requests

    wait_until(reaches_web, timeout=40, interval=1, message="web taking the beacons")
