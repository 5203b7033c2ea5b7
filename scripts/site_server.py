# ruff: noqa: S603, S607 - runs the project's own tools (manage.py, gunicorn, varnishd) by design
"""A production-like copy of the site on a free local port, for `make audit` and `make bench`:
apiwise.settings.production through gunicorn, with the demo content in a throw-away database
(SQLite in the work folder unless a database URL is given)."""

import os
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def say(message, tool="site"):
    print(f"{tool}: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(workdir, port, database_url=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="apiwise.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain http on loopback: no redirect to https, no secure-only cookies, no HSTS.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        VAR_DIR=str(workdir),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SERVE_MEDIA="true",  # no proxy in front: the team page's photos come from here
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        PORT=str(port),  # the demo loader points the Wagtail Site at it
        BOOKINGS_MIN_FILL_SECONDS="0",  # the audit's own booking is filled in by a robot
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"manage.py {' '.join(args)} failed")


def spawn(command, env, log):
    """One of the project's processes, from its folder, in a session of its own (so that
    os.killpg stops it with its children), writing to `log`."""
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def start_server(env, port, log, workers=2, options=("--access-logfile", "-")):
    gunicorn = Path(PYTHON).parent / "gunicorn"
    command = [str(gunicorn), "apiwise.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--no-control-socket", *options]
    process = spawn(command, env, log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(60):
        if process.poll() is not None:
            sys.exit("gunicorn exited early; see its log")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.5)
    process.terminate()
    sys.exit("the server did not answer /healthz in 30 s")


def prepare_site(env):
    """Migrate, collect static files and load the demo content; then run the worker until the
    queue is empty (production indexes pages for search in the background)."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "run_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload")


class VarnishNotInstalled(RuntimeError):
    pass


def start_varnish(backend_port, home, port, backend_host="127.0.0.1"):
    """Debian's varnishd with the project's VCL in front of the site at `backend_host`:
    `backend_port`, listening on `port`. Returns (its base URL, its pid). Its working directory
    (varnishncsa's -n) is `home`/state. The one home of this for the tests and `make bench`."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        raise VarnishNotInstalled("varnishd is not installed (sudo apt-get install varnish)")
    vcl = (ROOT / "apiwise" / "deploy" / "varnish.vcl").read_text()
    vcl = vcl.replace('.host = "web";', f'.host = "{backend_host}";')
    vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";').replace('    "web";\n', "")
    # varnishd reads the VCL and keeps its state as its own unprivileged user: `home` is
    # world-readable, and its folder (often a private temporary one) traversable.
    home.mkdir(exist_ok=True)
    home.parent.chmod(stat.S_IMODE(home.parent.stat().st_mode) | 0o711)
    home.chmod(0o755)
    (home / "site.vcl").write_text(vcl)
    (home / "site.vcl").chmod(0o644)
    state = home / "state"
    command = [varnishd, "-a", f"127.0.0.1:{port}", "-f", str(home / "site.vcl")]
    command += ["-s", "malloc,64m", "-n", str(state), "-P", str(state / "pid")]
    started = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if started.returncode:
        raise RuntimeError(f"varnishd did not start: {started.stderr or started.stdout}")
    base = f"http://127.0.0.1:{port}"
    # Varnish answers at once, but with its own 503 until its health probe (the VCL's) has
    # seen the backend answer /healthz; on a busy machine a slow first probe keeps the backend
    # "sick" for another probe interval. So wait until a request reaches the backend.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310
                return base, int((state / "pid").read_text())
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("Varnish did not pass requests to its backend in 60 s")
