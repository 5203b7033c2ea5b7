"""Real servers on loopback that the tests start and stop: SMTP (aiosmtpd) and a CRM's
webhook receiver, and the free ports they and the system tests' servers listen on."""

import asyncio
import contextlib
import json
import os
import random
import socket
import threading
from pathlib import Path


def _ephemeral_port_range():
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


# Its own generator: a test that seeds `random` must not make two calls draw the same ports.
_PORTS = random.Random()


def free_port():
    """A loopback port nothing listens on, for a server a test starts later.

    It comes from below the kernel's ephemeral range: a port from inside it (what binding to
    port 0 gives) can be taken between now and the server's start by any outgoing connection
    (to PostgreSQL, Redis, a browser's), and a server then fails with "Address already in use".
    Each test process draws from its own stretch, so two processes never draw the same port."""
    low = min(_ephemeral_port_range()[0], 32768)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    stretch = 1500
    start = 10000 + (int(worker) if worker.isdigit() else 0) % 10 * stretch
    for port in _PORTS.sample(range(start, min(start + stretch, low)), 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port between {start} and {start + stretch}")


class SmtpServer:
    """A real SMTP server on loopback (aiosmtpd) that a test can stop, start again, and make
    slow (`delay` seconds before it answers each message)."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []  # aiosmtpd envelopes, in the order accepted
        self.receiving = threading.Event()  # set when a message's data has arrived
        self.delay = 0
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
        self.receiving.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(envelope)
        return "250 OK"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def mailer_settings(self):
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
            }
        }

    def message_ids(self):
        """Message-ID of every message received, in order (repeats included)."""
        import email

        return [email.message_from_bytes(m.content)["Message-ID"] for m in self.messages]


class WebhookReceiver:
    """A real HTTP server on loopback standing in for a CRM: it records every request and
    answers 200, or what `answers` says next (a status, or (status, headers)), after `delay`
    seconds. A test can stop it and start it again on the same port."""

    def __init__(self):
        self.port = free_port()
        self.requests = []  # dicts of path, headers, body, in the order received
        self.answers = []
        self.delay = 0
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hooks/apiwise"

    def _handler(self):
        from http.server import BaseHTTPRequestHandler

        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's API
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                receiver.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                if receiver.delay:
                    # Not time.sleep: under libfaketime with the monotonic clock left real
                    # (FAKETIME_DONT_FAKE_MONOTONIC=1) it fails with "Invalid argument", and
                    # the sender would see a dropped connection instead of a slow CRM.
                    threading.Event().wait(receiver.delay)
                answer = receiver.answers.pop(0) if receiver.answers else 200
                status, headers = answer if isinstance(answer, tuple) else (answer, {})
                reply = b'{"ok": true}' if status < 300 else b"The CRM says no. " * 200
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                # The sender may have given up waiting (a timeout test).
                with contextlib.suppress(OSError):
                    self.wfile.write(reply)

            def log_message(self, *args):
                pass

        return Handler

    def start(self):
        from http.server import ThreadingHTTPServer

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self.server.daemon_threads = True
        self.server.block_on_close = False
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def events(self):
        """(type, event id, booking reference) of every request received, in order."""
        out = []
        for request in self.requests:
            payload = json.loads(request["body"])
            out.append((payload["type"], payload["id"], payload["data"]["booking"]["reference"]))
        return out
