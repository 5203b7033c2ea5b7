"""Redis, as docker-compose.yml runs it, is a bounded cache: full, it evicts old copies and
keeps taking new ones, so a flood of pages can neither grow it without limit nor make the
site's writes fail. Checked with a real redis-server started with the compose file's flags."""

import shutil
import subprocess
import time

import pytest
import redis
import yaml
from django.core.cache import cache

from tests.helpers import ROOT
from tests.servers import free_port

REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture
def compose_redis(settings, tmp_path):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed here")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"]["redis"]["command"]
    assert command[0] == "redis-server"
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, *command[1:], "--port", str(port), "--bind", "127.0.0.1", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    yield client
    server.terminate()
    server.wait(10)


def test_the_compose_redis_is_bounded_and_evicts_when_full(compose_redis):
    config = compose_redis.config_get("maxmemory*")
    assert int(config["maxmemory"]) == 256 * 1024 * 1024
    assert config["maxmemory-policy"] == "allkeys-lru"

    # The same policy with a small limit, filled five times over with page-sized copies.
    compose_redis.config_set("maxmemory", str(4 * 1024 * 1024))
    page = "<p>a cached guide</p>" * 2000  # about 40 kB, as a rendered guide
    for number in range(500):
        cache.set(f"page:{number}", page, 3600)  # never refused
    assert compose_redis.info("memory")["used_memory"] <= 5 * 1024 * 1024
    assert compose_redis.info("stats")["evicted_keys"] > 0
    assert cache.get("page:499") == page  # the newest copies are kept
