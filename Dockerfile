# syntax=docker/dockerfile:1
# The proxy's Varnish image (docker-compose.yml passes the same VARNISH_IMAGE to both): the
# page-view counter's varnishncsa comes from it, so it reads exactly that varnishd's log.
ARG VARNISH_IMAGE=varnish:7.6

# varnishncsa and its one library of Varnish's own, wherever the image keeps them.
FROM ${VARNISH_IMAGE} AS varnish
USER root
RUN mkdir /export && program="$(command -v varnishncsa)" && cp "$program" /export/ \
    && cp -L "$(ldd "$program" | awk '/libvarnishapi/ {print $3}')" /export/libvarnishapi.so.3

# Build stage: resolve the locked dependencies into a virtualenv.
FROM python:3.13-slim AS build
ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project --extra sentry

# Runtime stage: the app, its static files, a non-root user.
FROM python:3.13-slim AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=apiwise.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/var/media
# pg_dump and pg_restore for `manage.py backup` / `restore`: Debian's client matches the
# compose file's PostgreSQL 17 (the commands refuse a client older than the server).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
# varnishncsa for `manage.py count_varnish_views` (the compose file's `counter`); checked here
# so that a missing library fails the build, not the counter.
COPY --from=varnish /export/varnishncsa /usr/local/bin/varnishncsa
COPY --from=varnish /export/libvarnishapi.so.3 /usr/local/lib/libvarnishapi.so.3
RUN ldconfig && varnishncsa -V
RUN groupadd --system apiwise && useradd --system --gid apiwise --home /app apiwise
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=apiwise:apiwise . .
# collectstatic needs settings to import; these build-time values are not used at run time.
# The app's own bytecode is compiled here too (the dependencies' in the build stage): with
# PYTHONDONTWRITEBYTECODE every worker would otherwise compile it as it starts.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
    && python -m compileall -q apiwise blog bookings \
    && mkdir -p /app/var/media && chown -R apiwise:apiwise /app/var /app/staticfiles
USER apiwise
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
CMD ["gunicorn", "apiwise.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--no-control-socket", "--access-logfile", "-"]
