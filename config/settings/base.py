"""Settings shared by every environment. Production-safe defaults: no DEBUG, no secret."""

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_json_map(name: str) -> dict[str, str]:
    """A JSON object from an environment variable ({} when unset)."""
    try:
        value = json.loads(os.environ.get(name, "") or "{}")
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a JSON object: {exc}") from exc
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object.")
    return {str(key): str(origin) for key, origin in value.items()}


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list without blanks."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


# GENERAL
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = False
ALLOWED_HOSTS: list[str] = []

# APPS
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#installed-apps
INSTALLED_APPS = [
    "home",
    "smgovernance",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
]

# MIDDLEWARE
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#middleware
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # TRACE answers 405 before any other work.
    "smgovernance.middleware.MethodGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous public pages from the cache; below it CSRF, CSP and X-Frame-Options
    # headers are produced, so they are stored and replayed with each response.
    "smgovernance.cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Below the cache: counts only uncached renders and every POST, per client.
    "smgovernance.middleware.RateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Permissions-Policy and Cross-Origin-Resource-Policy, stored with cached pages.
    "smgovernance.middleware.BrowserPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# TEMPLATES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#templates
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# SQLite by default; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# Several processes write to SQLite (workers, autosave, the import, scheduled
# publishing, the database cache): WAL lets readers go on during a write,
# IMMEDIATE takes the write lock when the transaction starts (no lock upgrade that
# fails as "database is locked"), and a writer waits up to `timeout` seconds.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        **SQLITE_OPTIONS,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/cache/
# One cache shared by every process, because the page cache's purge token and the
# rate-limit counters must be the same in all workers (`check --deploy` reports a
# per-process cache). REDIS_URL selects Redis (answered as "no cache" while it is
# down); without it, Django's database cache: run `manage.py createcachetable`
# once after `migrate`.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "smgovernance.cache.backends.FailSoftRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "smgovernance",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "smgovernance_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# AUTHENTICATION
# ------------------------------------------------------------------------------
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
# Admin login throttling: after AXES_FAILURE_LIMIT wrong passwords for one user
# name from one address, that pair is locked for AXES_COOLOFF_TIME hours.
# Unlock earlier: `python manage.py axes_reset_username <name>` (README "Operating").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "smgovernance/admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "smgovernance.middleware.client_ip"

# RATE LIMITS
# ------------------------------------------------------------------------------
# Per client, on the shared default cache: uncached page renders and every POST
# of anonymous visitors (cached pages and logged-in editors never count).
# django-ratelimit's own app is not installed: its system check knows neither
# Django's RedisCache nor the database cache (which counts without atomic
# increments: under heavy concurrency a few requests more get through).
RATELIMIT_USE_CACHE = "default"
SMGOVERNANCE_RATELIMIT_RENDER = os.environ.get(
    "SMGOVERNANCE_RATELIMIT_RENDER", "10/10s"
)
SMGOVERNANCE_RATELIMIT_POST = os.environ.get("SMGOVERNANCE_RATELIMIT_POST", "10/m")
# Behind a reverse proxy: the request.META key it fills with the client's address,
# e.g. HTTP_X_REAL_IP; otherwise every visitor shares the proxy's address.
SMGOVERNANCE_CLIENT_IP_HEADER = os.environ.get("SMGOVERNANCE_CLIENT_IP_HEADER", "")

# PASSWORDS
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#auth-password-validators
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# INTERNATIONALISATION
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/i18n/
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]

# STATIC AND MEDIA FILES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/static-files/
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# SECURITY HEADERS
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/clickjacking/
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# https://django-csp.readthedocs.io/en/latest/configuration.html
# Every public page: own origin only, no inline script, framing by ourselves only.
# The embeddable video view widens frame-ancestors to SMGOVERNANCE_EMBED_ORIGINS.
# The Wagtail admin is left out: it relies on inline scripts of its own.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# WAGTAIL
# ------------------------------------------------------------------------------
# https://docs.wagtail.org/en/stable/reference/settings.html
WAGTAIL_SITE_NAME = "Wirtschaftsregion Mittelsachsen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILEMBEDS_FINDERS: list[dict] = []  # no oEmbed lookups to third parties
# The admin contacts no third party: no avatars from gravatar.com, no version check
# against releases.wagtail.org, no "what's new" banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# SMGOVERNANCE
# ------------------------------------------------------------------------------
# Origins (scheme://host[:port]) that may frame the embeddable video view.
SMGOVERNANCE_EMBED_ORIGINS = env_list("SMGOVERNANCE_EMBED_ORIGINS")

# BACKGROUND TASKS
# ------------------------------------------------------------------------------
# https://github.com/RealOrangeOne/django-tasks-db
# Jobs (channel verification, Vimeo posters, reminder mails, and Wagtail's own
# search and reference index updates) wait in the database until
# `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# CHANNEL MONITOR
# ------------------------------------------------------------------------------
# Host -> origin map that reroutes the monitor's requests to local servers (tests,
# staging), e.g. {"mastodon.social": "http://127.0.0.1:8123"}. Only rerouted hosts
# may be loopback or private; every other host is asked over https at a public
# address.
SMGOVERNANCE_PLATFORM_ORIGINS: dict[str, str] = {}
# True: no request goes to a host that is not rerouted; such checks record
# "nicht erreichbar" without contacting the platform.
SMGOVERNANCE_MONITOR_OFFLINE = False

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
