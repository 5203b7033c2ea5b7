"""Real processes for the system tests: a throwaway PostgreSQL cluster the tests may restart
(never the developer's own server), an SMTP server on loopback, S3-compatible object storage
(moto's server), a Redis database of their own, the site under gunicorn with the production
settings (one instance, or two), its background workers, and Varnish in front.

They run on the real clock (tests/clock.py): every process keeps its own, which a test cannot
freeze. Bookings here choose no slot, so nothing depends on the time of day."""

import contextlib
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts import site_server
from scripts.site_server import prepare_site, server_env, start_server
from tests.helpers import ROOT, wait_until
from tests.servers import SmtpServer, free_port

pytestmark = pytest.mark.system


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


@pytest.fixture(scope="session")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="apiwise-system-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster(workdir):
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("the PostgreSQL server programs (initdb, pg_ctl) are not installed here")
    cluster = Cluster(bin_dir, workdir)
    cluster.create()
    yield cluster
    with contextlib.suppress(subprocess.CalledProcessError):
        cluster.stop()


@pytest.fixture(scope="session")
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


REDIS_TEST_DB = 14
VARNISH_PORT = free_port()  # the address visitors use: the demo Site points at it


@pytest.fixture(scope="session")
def redis_url():
    import redis

    url = f"redis://127.0.0.1:6379/{REDIS_TEST_DB}"
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379 (CI starts it)")
    return url


@pytest.fixture(scope="session")
def object_storage(workdir):
    """moto's S3-compatible server on loopback, with a public bucket for the site's media."""
    import boto3

    port = free_port()
    log = (workdir / "moto.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    wait_until(lambda: _answers(endpoint), timeout=30, message="moto's server answering")
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="eu-west-2",
    )
    s3.create_bucket(
        Bucket="apiwise-media", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::apiwise-media/*",
            }
        ],
    }
    s3.put_bucket_policy(Bucket="apiwise-media", Policy=json.dumps(public_read))
    yield {"endpoint": endpoint, "bucket": "apiwise-media", "client": s3}
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=10)
    log.close()


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own server
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def site_env(workdir, cluster, smtp, redis_url, object_storage):
    port = free_port()
    env = server_env(workdir, port, cluster.url)
    env.update(
        PORT=str(VARNISH_PORT),
        REDIS_URL=redis_url,
        MEDIA_S3_BUCKET=object_storage["bucket"],
        MEDIA_S3_ENDPOINT_URL=object_storage["endpoint"],
        MEDIA_S3_REGION="eu-west-2",
        MEDIA_S3_CUSTOM_DOMAIN=f"127.0.0.1:{object_storage['endpoint'].rsplit(':', 1)[1]}/apiwise-media",
        MEDIA_S3_URL_PROTOCOL="http:",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{VARNISH_PORT}",
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
    env["SYSTEM_PORT"] = str(port)
    return env


def _serve(site_env, workdir, port, name):
    with (workdir / f"{name}.log").open("w") as log:
        server, base = start_server(site_env, port, log)
        yield base
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def site(site_env, workdir):
    """The site under gunicorn, production settings. Returns its base URL."""
    yield from _serve(site_env, workdir, int(site_env["SYSTEM_PORT"]), "gunicorn")


@pytest.fixture(scope="session")
def second_site(site_env, workdir, site):
    """A second web server: the same database, Redis and object storage, its own processes."""
    yield from _serve(site_env, workdir, free_port(), "gunicorn-2")


def start_varnish(backend_host, backend_port, workdir, port):
    """Varnish (scripts/site_server.py) in front of a backend, listening on `port`, its working
    directory (varnishncsa's -n) `workdir`/varnish-<port>/state. Returns (its base URL, its
    pid); skips the test when varnishd is not installed."""
    try:
        return site_server.start_varnish(
            backend_port, workdir / f"varnish-{port}", port, backend_host=backend_host
        )
    except site_server.VarnishNotInstalled:
        pytest.skip("varnishd is not installed here (make test installs it with apt-get as root)")


@pytest.fixture(scope="session")
def varnish(site, workdir):
    """Varnish in front of the first web server. Returns the address visitors use."""
    host, port = site.removeprefix("http://").split(":")
    base, pid = start_varnish(host, port, workdir, VARNISH_PORT)
    yield base
    os.kill(pid, signal.SIGTERM)


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
            "SELECT count(*) FROM apiwise_emaildelivery d"
            " JOIN bookings_bookingemail link ON link.delivery_id = d.id"
            " JOIN bookings_booking b ON b.id = link.booking_id"
            " WHERE d.state = 'sent' AND b.submission_token::text = ANY(%s)",
            (list(tokens),),
        )
        return rows[0][0]

    return count


def wait_for_the_queue_to_empty(cluster, timeout=60):
    wait_until(
        lambda: (
            not cluster.query(
                "SELECT 1 FROM apiwise_emaildelivery WHERE state IN ('queued', 'sending')"
            )
        ),
        timeout,
        message="every e-mail sent",
    )
    time.sleep(0.5)
