"""Real processes for the fault tests: a throwaway PostgreSQL cluster the tests may restart
(never the developer's own server), an SMTP server on loopback, the site under gunicorn with
the production settings, and its background worker."""

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from scripts.site_server import prepare_site, server_env, start_server
from tests.helpers import ROOT, SmtpServer, free_port, wait_until

pytestmark = pytest.mark.faults


def postgres_bin():
    """The PostgreSQL server programs (initdb, pg_ctl), newest version first, or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A PostgreSQL cluster of the test's own, on a free port, that it can stop and start."""

    def __init__(self, bin_dir, workdir):
        self.bin = bin_dir
        self.dir = workdir / "pgdata"
        self.log = workdir / "postgres.log"
        self.port = free_port()
        # initdb refuses to run as root: run the server programs as the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(workdir, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/apiwise"

    def run(self, program, *args):
        subprocess.run(
            [*self.as_user, str(self.bin / program), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def create(self):
        self.run("initdb", "-D", str(self.dir), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "apiwise")

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir}"
            " -c fsync=off"
        )
        self.run("pg_ctl", "-D", str(self.dir), "-o", options, "-l", str(self.log), "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.dir), "-m", "fast", "-w", "stop")

    def query(self, sql, params=()):
        import psycopg

        with psycopg.connect(self.url, connect_timeout=5) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="apiwise-faults-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster(workdir):
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("the PostgreSQL server programs (initdb, pg_ctl) are not installed here")
    cluster = Cluster(bin_dir, workdir)
    cluster.create()
    yield cluster
    with contextlib.suppress(subprocess.CalledProcessError):
        cluster.stop()


@pytest.fixture(scope="module")
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site_env(workdir, cluster, smtp):
    port = free_port()
    env = server_env(workdir, port, cluster.url)
    env.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        EMAIL_TIMEOUT="30",  # a slow mail server is slow, not down
        BOOKINGS_STAFF_EMAILS="sales@apiwise.example",
        BOOKINGS_RATE_LIMIT="100000",
        BOOKINGS_EMAIL_RETRY_DELAYS="2,2,2,2,2,2",
        DATABASE_CONN_MAX_AGE="0",
        LOG_LEVEL="CRITICAL",
    )
    prepare_site(env)
    env["FAULTS_PORT"] = str(port)
    return env


@pytest.fixture(scope="module")
def site(site_env, workdir):
    """The site under gunicorn, production settings. Returns its base URL."""
    with (workdir / "gunicorn.log").open("w") as log:
        server, base = start_server(site_env, int(site_env["FAULTS_PORT"]), log)
        yield base
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.fixture
def start_worker(site_env, workdir):
    """Start `manage.py run_worker` as production runs it (its settings may be overridden).
    Every worker started is stopped at the end of the test."""
    started = []

    def start(**overrides):
        log = (workdir / f"worker-{len(started)}.log").open("w")
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "run_worker",
                "--queue-name",
                "*",
                "--no-reload",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env={**site_env, **overrides},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


@pytest.fixture
def sent_deliveries(cluster):
    """How many of the given bookings' e-mails are marked sent."""

    def count(tokens):
        rows = cluster.query(
            "SELECT count(*) FROM bookings_emaildelivery d JOIN bookings_booking b"
            " ON b.id = d.booking_id WHERE d.state = 'sent' AND b.submission_token::text = ANY(%s)",
            (list(tokens),),
        )
        return rows[0][0]

    return count


def wait_for_the_queue_to_empty(cluster, timeout=60):
    wait_until(
        lambda: (
            not cluster.query(
                "SELECT 1 FROM bookings_emaildelivery WHERE state IN ('queued', 'sending')"
            )
        ),
        timeout,
        message="every e-mail sent",
    )
    time.sleep(0.5)
