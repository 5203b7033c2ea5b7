"""`make run` as a developer uses it (manage.py run_dev, which `make run` ends with, on SQLite
in a folder of its own): a guide an editor scheduled goes live and is listed on /guides/ with
nobody running a command, and Ctrl-C stops the web server, the worker and the scheduler.

It runs on the real clock: the guide is scheduled a minute ahead of the real time."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, wait_until
from tests.servers import free_port

pytestmark = pytest.mark.system

GUIDE_TITLE = "Scheduled for a minute from now"
SCHEDULE = f"""
import datetime as dt
from django.utils import timezone
from blog.models import ArticlePage, GuideIndexPage

guide = ArticlePage(
    title="{GUIDE_TITLE}",
    slug="scheduled-guide",
    summary="Goes live on its own.",
    body=[{{"type": "text", "value": "<p>Published by the scheduler.</p>"}}],
    go_live_at=timezone.now() + dt.timedelta(minutes=1),
)
GuideIndexPage.objects.get(slug="guides").add_child(instance=guide)
guide.live = False
guide.save_revision().publish()  # with a go-live date ahead, Wagtail only schedules it
"""


def dev_env(var_dir, port):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "STATIC_ROOT"}
    }
    env.update(DJANGO_SETTINGS_MODULE="apiwise.settings.dev", VAR_DIR=str(var_dir), PORT=str(port))
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def status_and_body(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return None, ""


def processes_of(var_dir):
    """The PIDs of live processes started with this VAR_DIR: run_dev and all it started."""
    marker = f"VAR_DIR={var_dir}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in environ.split(b"\0") and state != "Z":
            found.append(int(proc.name))
    return found


def test_a_scheduled_guide_goes_live_under_make_run_and_ctrl_c_stops_everything(tmp_path):
    port = free_port()
    env = dev_env(tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    log = (tmp_path / "run_dev.log").open("w")
    run_dev = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_dev", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # Two processes per server (runserver's autoreloader): slow to start on a busy machine.
        wait_until(
            lambda: status_and_body(f"{base}/guides/")[0] == 200,
            timeout=180,
            message="make run serving /guides/",
        )
        manage(env, "shell", "-c", SCHEDULE)  # as an editor would, with make run running
        scheduled_at = time.monotonic()
        # Seen before it goes live, so that the web server has /guides/ in its cache.
        assert status_and_body(f"{base}/guides/scheduled-guide/")[0] == 404
        assert GUIDE_TITLE not in status_and_body(f"{base}/guides/")[1]

        wait_until(
            lambda: status_and_body(f"{base}/guides/scheduled-guide/")[0] == 200,
            timeout=120 - (time.monotonic() - scheduled_at),
            interval=1,
            message="the scheduled guide going live",
        )
        assert GUIDE_TITLE in status_and_body(f"{base}/guides/")[1]
        assert GUIDE_TITLE in status_and_body(f"{base}/guides/scheduled-guide/")[1]

        children = [pid for pid in processes_of(tmp_path) if pid != run_dev.pid]
        assert len(children) >= 3  # the web server, the worker, the scheduler (and reloaders)
        run_dev.send_signal(signal.SIGINT)  # Ctrl-C
        assert run_dev.wait(timeout=30) == 0
        wait_until(lambda: not processes_of(tmp_path), timeout=5, message="every process stopping")
        assert status_and_body(f"{base}/guides/")[0] is None  # nothing answers any more
    finally:
        for pid in processes_of(tmp_path):
            os.kill(pid, signal.SIGKILL)
        log.close()
