"""Settings shared by every deployment. Anything that differs between deployments is read
from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from apiwise.settings.environment import env_bool, env_int, env_int_list, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "apiwise",
    "blog",
    "bookings",
    "apiwise.staff",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's search index needs it on PostgreSQL (postgres.E005); harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "apiwise.middleware.RejectNullBytesMiddleware",
    # The page-view beacon, answered before sessions and the page cache (no cookie, cheap).
    "apiwise.analytics.beacon.PageViewBeaconMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "apiwise.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Inside the session and CSRF middleware (it checks for a session cookie, and a cached form
    # gets a fresh CSRF cookie from them), outside everything that builds a page.
    "apiwise.page_cache.PageCacheMiddleware",
    "apiwise.middleware.CachedSiteMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed the second factor?
    "django_otp.middleware.OTPMiddleware",
    "apiwise.staff.two_factor.StaffTwoFactorMiddleware",
    "apiwise.staff.password_reset.PasswordResetThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "apiwise.middleware.PreviewFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "apiwise.urls"
WSGI_APPLICATION = "apiwise.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL means "not set": SQLite under var/.
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite behind a web server (`make run`): a publish and the preview panel's autosave
    # write at the same time. Immediate transactions take the write lock up front (a
    # deferred one that reads first cannot wait for it and fails "database is locked"), the
    # busy timeout makes a writer wait its turn, and WAL lets readers carry on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Django itself serves MEDIA_ROOT at MEDIA_URL under DEBUG, and when this is on: the audit's
# production-like server has no proxy in front to serve uploaded images.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# More than one web server: uploaded images and documents (and Wagtail's image renditions) go
# to S3-compatible object storage when MEDIA_S3_BUCKET is set, so every server can serve what
# any of them stored. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("MEDIA_S3_URL_PROTOCOL", "https:"),
            # Public files under unguessable names: plain URLs that caches can keep.
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
# favicon.ico and friends live at the site root; hashed /static/ files are cached for a year.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work (our e-mail and Wagtail's own index updates). Without a TASKS setting Django
# runs tasks inline; production.py switches to the database-backed queue and its worker.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        # "email" is the bookings outbox queue (see apiwise/outbox.py), "webhooks" the CRM
        # webhooks' (bookings/webhooks.py); tasks are checked against the queues at import
        # time, so every backend must list them.
        "QUEUES": ["default", "email", "webhooks"],
    }
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "APIwise <hello@apiwise.example>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND_CLASS", "django.core.mail.backends.smtp.EmailBackend"
        ),
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        },
    }
}

# Importing a guide (blog/importer/): the conversion runs in a child process with this much
# memory (address space) and time, and refuses, with a message that says the limit, a document
# beyond these sizes: the XML a Word file unpacks to, paragraphs, separately formatted pieces
# of text (Word "runs"), table rows and columns, and how deeply lists and quotations nest.
# A long real guide has a few hundred paragraphs; these are generous.
GUIDE_IMPORT_MEMORY_MB = env_int("GUIDE_IMPORT_MEMORY_MB", 512)
GUIDE_IMPORT_SECONDS = env_int("GUIDE_IMPORT_SECONDS", 20)  # gunicorn's timeout is 30 s
GUIDE_IMPORT_MAX_TEXT_MB = 10
GUIDE_IMPORT_MAX_PARAGRAPHS = 5_000
GUIDE_IMPORT_MAX_FORMATTED_RUNS = 50_000
GUIDE_IMPORT_MAX_TABLE_ROWS = 1_000
GUIDE_IMPORT_MAX_TABLE_COLUMNS = 50
GUIDE_IMPORT_MAX_DEPTH = 40
# A Markdown file may come in a .zip with its pictures (a Notion export): at most this many
# files, unpacking to at most this much, none more than this many times its packed size.
GUIDE_IMPORT_MAX_ZIP_FILES = 200
GUIDE_IMPORT_MAX_ZIP_MB = 20
GUIDE_IMPORT_MAX_ZIP_RATIO = 100
# Pictures at https:// addresses (Markdown, Google Docs) are fetched by the web process after
# the conversion: at most this many, each at most this big, all within this many seconds
# (the conversion's 20 plus these stay under gunicorn's 30).
GUIDE_IMPORT_MAX_REMOTE_PICTURES = 30
GUIDE_IMPORT_PICTURE_MAX_MB = 5
GUIDE_IMPORT_PICTURES_SECONDS = env_int("GUIDE_IMPORT_PICTURES_SECONDS", 8)

# Requests to addresses other people chose (apiwise/outbound.py: webhooks, imported guides'
# pictures) go only to public addresses unless this allows private, loopback and link-local
# ones too (tests; a CRM on the same private network). The webhooks' older setting name
# still works. A file of CA certificates to trust instead of the system's (a private CA).
OUTBOUND_ALLOW_PRIVATE_ADDRESSES = env_bool(
    "OUTBOUND_ALLOW_PRIVATE_ADDRESSES",
    env_bool("BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False),
)
OUTBOUND_CA_BUNDLE = os.environ.get("OUTBOUND_CA_BUNDLE") or None

# Content Security Policy for every public page. The Wagtail admin gets its own, looser
# policy in apiwise/csp.py because Wagtail 8 still relies on inline scripts and styles there.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
X_FRAME_OPTIONS = "DENY"

# The page cache (apiwise/page_cache.py): how long anonymous pages stay in Django's cache (they
# are replaced at once when the content changes), and what public pages tell browsers (max-age)
# and shared caches such as Varnish or a CDN (s-maxage, stale-while-revalidate).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)  # off: to measure pages as rendered
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60 * 60)
PAGE_CACHE_FORM_SECONDS = env_int("PAGE_CACHE_FORM_SECONDS", 5 * 60)  # its free slots age
CACHE_CONTROL_MAX_AGE = env_int("CACHE_CONTROL_MAX_AGE", 60)
CACHE_CONTROL_S_MAXAGE = env_int("CACHE_CONTROL_S_MAXAGE", 10 * 60)
CACHE_CONTROL_STALE_WHILE_REVALIDATE = env_int("CACHE_CONTROL_STALE_WHILE_REVALIDATE", 24 * 60 * 60)

WAGTAIL_SITE_NAME = "APIwise"
# The site's public address (https://apiwise.example): the default Site is pointed at it at
# deploy (apiwise/site_address.py), so the sitemap and canonical links name it.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL or "http://127.0.0.1:8000")
# Reset links go out through the e-mail outbox (queued, retried): apiwise/staff/password_reset.py.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "apiwise.staff.password_reset.QueuedPasswordResetForm"  # noqa: S105
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
# Purge a caching proxy or CDN when an editor publishes (wagtail.contrib.frontend_cache reads
# WAGTAILFRONTENDCACHE: no underscore between the words). From the environment, any of: an
# HTTP PURGE to Varnish (FRONTEND_CACHE_PURGE_URL), Cloudflare, CloudFront.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# How many reverse proxies in front of the app append to X-Forwarded-For; used to find the
# visitor's real IP for rate limiting. 0 means trust only REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Reading figures (apiwise/analytics/) --------------------------------------------------
# Page views counted without cookies: held in Redis (or, without it, in each process) and
# written to the database every PAGE_VIEWS_FLUSH_SECONDS by the worker.
PAGE_VIEWS_ENABLED = env_bool("PAGE_VIEWS_ENABLED", True)
PAGE_VIEWS_REDIS_URL = os.environ.get("PAGE_VIEWS_REDIS_URL", os.environ.get("REDIS_URL", ""))
PAGE_VIEWS_FLUSH_SECONDS = env_int("PAGE_VIEWS_FLUSH_SECONDS", 60)
# Without Redis, each web process writes its own counts on that timer (tests flush by hand).
PAGE_VIEWS_PROCESS_FLUSH = True
# Distinct (day, page, source) counters held between flushes, at most.
PAGE_VIEWS_MAX_PENDING = env_int("PAGE_VIEWS_MAX_PENDING", 20000)
# Daily rows are kept this many whole months, then rolled up into monthly rows.
PAGE_VIEWS_DAILY_MONTHS = env_int("PAGE_VIEWS_DAILY_MONTHS", 25)
# --- end of reading figures ---------------------------------------------------------------


# --- Health Check bookings (bookings app) --------------------------------------------------
# Who gets the "new request" e-mail; empty means the contact e-mail in the site settings.
BOOKINGS_STAFF_EMAILS = env_list("BOOKINGS_STAFF_EMAILS")
BOOKINGS_VAT_RATE = "0.20"
# Anti-abuse: forms submitted faster than this are treated as bots; POSTs per IP per window.
BOOKINGS_MIN_FILL_SECONDS = env_int("BOOKINGS_MIN_FILL_SECONDS", 3)
BOOKINGS_RATE_LIMIT = env_int("BOOKINGS_RATE_LIMIT", 10)
BOOKINGS_RATE_LIMIT_WINDOW = env_int("BOOKINGS_RATE_LIMIT_WINDOW", 60 * 60)
# Hours the browser that sent a request can see it on the confirmation page, and days the
# prospect's e-mailed cancel/reschedule link stays valid.
BOOKINGS_CONFIRMATION_HOURS = env_int("BOOKINGS_CONFIRMATION_HOURS", 24)
BOOKINGS_MANAGE_LINK_DAYS = env_int("BOOKINGS_MANAGE_LINK_DAYS", 30)
# E-mail retries: delays in seconds between attempts; after the last one it is "failed".
BOOKINGS_EMAIL_RETRY_DELAYS = env_int_list(
    "BOOKINGS_EMAIL_RETRY_DELAYS", [60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60]
)
# How long a worker holds an e-mail it is sending before it counts as dead (it renews the
# hold every third of this while the mail server answers). The worker re-queues e-mails
# whose hold ran out every BOOKINGS_OUTBOX_CHECK_SECONDS.
BOOKINGS_EMAIL_LEASE_SECONDS = env_int("BOOKINGS_EMAIL_LEASE_SECONDS", 30)
BOOKINGS_OUTBOX_CHECK_SECONDS = env_int("BOOKINGS_OUTBOX_CHECK_SECONDS", 30)
# Jobs the worker (`manage.py run_worker`) runs on a timer: {dotted path: seconds}.
# The staff's morning digest is checked every minute and goes out once a day from 08:00 UK time.
WORKER_PERIODIC_JOBS = {
    "apiwise.outbox.requeue_stale": BOOKINGS_OUTBOX_CHECK_SECONDS,
    "bookings.webhooks.requeue_stale": BOOKINGS_OUTBOX_CHECK_SECONDS,
    "bookings.digest.send_due_digest": 60,
    "apiwise.analytics.flush.flush_page_views": PAGE_VIEWS_FLUSH_SECONDS,
}
# CRM webhooks (bookings/webhooks.py). Retries: delays in seconds between attempts, about a
# day in all; after the last one the delivery is "failed" (staff can redeliver it).
BOOKINGS_WEBHOOK_RETRY_DELAYS = env_int_list(
    "BOOKINGS_WEBHOOK_RETRY_DELAYS",
    [30, 2 * 60, 10 * 60, 30 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60],
)
# Short timeouts: a slow CRM must not hold the worker. Seconds.
BOOKINGS_WEBHOOK_CONNECT_TIMEOUT = float(os.environ.get("BOOKINGS_WEBHOOK_CONNECT_TIMEOUT", 5))
BOOKINGS_WEBHOOK_READ_TIMEOUT = float(os.environ.get("BOOKINGS_WEBHOOK_READ_TIMEOUT", 10))
# Endpoints must be https (production.py turns this on) and must not resolve to private,
# loopback, link-local or reserved addresses unless this allows them (tests, a CRM on the
# same private network).
BOOKINGS_WEBHOOK_REQUIRE_HTTPS = env_bool("BOOKINGS_WEBHOOK_REQUIRE_HTTPS", False)
BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env_bool(
    "BOOKINGS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES", OUTBOUND_ALLOW_PRIVATE_ADDRESSES
)
# A file of CA certificates to trust for webhook URLs instead of the system's (a CRM with a
# private CA); empty: the system's.
BOOKINGS_WEBHOOK_CA_BUNDLE = os.environ.get("BOOKINGS_WEBHOOK_CA_BUNDLE") or OUTBOUND_CA_BUNDLE
# Retention (`manage.py purge_bookings`, daily).
BOOKINGS_SPAM_RETENTION_DAYS = env_int("BOOKINGS_SPAM_RETENTION_DAYS", 30)
BOOKINGS_ANONYMISE_AFTER_DAYS = env_int("BOOKINGS_ANONYMISE_AFTER_DAYS", 730)
# --- end of bookings settings -------------------------------------------------------------

# Staff sign-in security and error reports, in modules of their own.
from apiwise.settings.error_reports import *  # noqa: E402, F403
from apiwise.settings.staff import *  # noqa: E402, F403
