"""`make run`'s processes under one command (manage.py run_dev): the web server, the
background worker and the scheduler, as in production (docker-compose.yml), started together
and stopped together.

- Each child runs in a process group of its own, so that stopping it also stops what it
  started (runserver's and the worker's autoreloaders run the real server in a second
  process). Ctrl-C (SIGINT) or SIGTERM to this process stops every group: SIGTERM first, then
  SIGKILL for whatever is still running after a grace period.
- When one child exits, the others are stopped too: a dev server without its worker would
  quietly never send an e-mail or publish a scheduled page.
- Their output is interleaved line by line, each line prefixed with the child's name.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

GRACE_SECONDS = 10
NAME_WIDTH = 9


class DevProcesses:
    def __init__(self, commands, out=None):
        """`commands`: (name, argv) pairs, started in that order."""
        self.commands = commands
        self.out = out or sys.stdout
        self.children = {}
        self.readers = []
        self.stop_requested = threading.Event()
        self.print_lock = threading.Lock()

    def say(self, name, line):
        with self.print_lock:
            self.out.write(f"{name:<{NAME_WIDTH}}| {line.rstrip()}\n")
            self.out.flush()

    def _relay(self, name, stream):
        for line in iter(stream.readline, ""):
            self.say(name, line)
        stream.close()

    def start(self):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        for name, argv in self.commands:
            child = subprocess.Popen(  # noqa: S603 - our own manage.py commands
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
                env=env,
                process_group=0,
            )
            self.children[name] = child
            reader = threading.Thread(target=self._relay, args=(name, child.stdout), daemon=True)
            reader.start()
            self.readers.append(reader)

    def _request_stop(self, signum, frame):
        self.stop_requested.set()

    def run(self):
        """Start the children, wait for a signal or for one of them to exit, stop them all.
        Returns the exit status: 0 when asked to stop, else the status of the child that
        ended first (1 if it ended with status 0: it was not meant to end)."""
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._request_stop)
        self.start()
        status = 0
        while not self.stop_requested.wait(0.2):
            ended = [(n, c.returncode) for n, c in self.children.items() if c.poll() is not None]
            if ended:
                name, code = ended[0]
                self.say("run_dev", f"{name} exited with status {code}: stopping the others")
                status = code or 1
                break
        self.stop_all()
        return status

    def _signal_groups(self, signum):
        for child in self.children.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signum)  # its group: it and anything it started

    def stop_all(self):
        self.say("run_dev", "stopping the web server, the worker and the scheduler")
        self._signal_groups(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_SECONDS
        for child in self.children.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(max(0.1, deadline - time.monotonic()))
        # SIGKILL every group, even when its leader has exited: an autoreloader's server
        # process may have outlived it.
        self._signal_groups(signal.SIGKILL)
        for child in self.children.values():
            child.wait()
        for reader in self.readers:
            reader.join(timeout=2)
