"""Health check, error pages, security headers and settings that operations rely on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import RequestFactory

from apiwise.views import server_error

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database cannot be taken away; CI runs this on PostgreSQL",
)
def test_healthz_answers_503_when_the_database_is_down(client, django_db_blocker):
    with django_db_blocker.unblock():
        real_port = connection.settings_dict.get("PORT")
        connection.close()
        # A real failed connection: nothing listens on port 9.
        connection.settings_dict["PORT"] = "9"
        try:
            response = client.get("/healthz")
        finally:
            connection.close()
            connection.settings_dict["PORT"] = real_port
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_500_page_is_static_and_needs_no_database():
    # No django_db mark: any database access here would raise.
    response = server_error(RequestFactory().get("/boom"))
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_public_pages_send_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    # Public pages run no inline script, so they carry no per-response nonce that a shared
    # cache would hand to every visitor; JSON-LD is data, which the policy does not block.
    assert "'nonce-" not in csp
    html = response.content.decode()
    assert '<script type="application/ld+json">' in html and "nonce=" not in html


@pytest.mark.django_db
def test_html_is_compressed_when_the_client_accepts_it(client):
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"


def run_manage(*args, env_extra=None, env_drop=()):
    drop = {*env_drop, "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_setting(name, **env):
    """The value of a setting under the production settings, with this environment: Django's
    settings read in a process of their own, without starting the apps (a second, not the
    several that `manage.py shell` takes to load every model)."""
    drop = {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    code = f"from django.conf import settings; import json; print(json.dumps(settings.{name}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in drop},
            "DJANGO_SETTINGS_MODULE": "apiwise.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "apiwise.example",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # starts Django in a process of its own
def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage(
        "check",
        env_extra={"DJANGO_SETTINGS_MODULE": "apiwise.settings.production", "ALLOWED_HOSTS": "x"},
        env_drop=("SECRET_KEY",),
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # starts Django in a process of its own
def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = run_manage(
        "check",
        env_extra={"DJANGO_SETTINGS_MODULE": "apiwise.settings.production", "SECRET_KEY": "x" * 60},
        env_drop=("ALLOWED_HOSTS",),
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.slow  # starts Django in a process of its own
def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "apiwise.settings.production",
            "SECRET_KEY": "k3y-" + "a1B2c3D4e5F6g7H8" * 4,
            "ALLOWED_HOSTS": "apiwise.example",
            "SITE_URL": "https://apiwise.example",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow  # starts Django in a process of its own
def test_production_uses_the_database_task_queue():
    tasks = production_setting("TASKS")
    assert tasks["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "default" in tasks["default"]["QUEUES"]


@pytest.mark.parametrize(
    ("proxies", "expected"), [("0", None), ("1", ["HTTP_X_FORWARDED_PROTO", "https"])]
)
@pytest.mark.slow  # starts Django in a process of its own
def test_forwarded_proto_is_trusted_only_behind_a_proxy(proxies, expected):
    """Reached directly, anyone could claim https with a header; behind a proxy, it says."""
    assert production_setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT=proxies) == expected


def test_compose_lets_traffic_in_only_through_the_proxy_the_settings_count():
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert "TRUSTED_PROXY_COUNT" in services["web"]["environment"]
    vcl_mount = next(v for v in services["proxy"]["volumes"] if v.endswith("default.vcl:ro"))
    assert (ROOT / vcl_mount.split(":")[0]).is_file()
    assert "run_worker" in services["worker"]["command"]
    env_example = (ROOT / ".env.example").read_text()
    assert "\nTRUSTED_PROXY_COUNT=0\n" in env_example
