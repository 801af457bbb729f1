"""The test suite: fast hashing, in-memory cache and mail, plain static storage."""

import os
import tempfile

from .base import *


DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test client's login() authenticates without a request, which django-axes
# refuses; the lockout tests switch it on.
AXES_ENABLED = False
# Tests fire many uncached requests from one address; the rate-limit tests set
# their own rates.
SMGOVERNANCE_RATELIMIT_ENABLED = False

# Serve static files from the apps and STATICFILES_DIRS without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Jobs run at once, in the test's own process and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No test sends a request off the machine: the monitor reaches only hosts rerouted
# to local fake servers (the tests set them; SMGOVERNANCE_PLATFORM_ORIGINS as JSON in
# the environment adds more).
SMGOVERNANCE_PLATFORM_ORIGINS = env_json_map("SMGOVERNANCE_PLATFORM_ORIGINS")
SMGOVERNANCE_MONITOR_OFFLINE = True
# The live server of the browser tests serves uploaded images (demo posters).
DEMO_SERVE_MEDIA = True
# The `demo` fixture of the package tests builds the economic-region site only:
# those tests find its pages and records without naming a site. The demo's own
# tests (tests/demo/test_county_portal.py) switch the county portal on.
DEMO_COUNTY_PORTAL = False

# The browser tests' live server answers from several threads. An in-memory SQLite
# database shared between them reports "database table is locked" instead of waiting
# for the writer, so the test database is a file, in WAL mode like production. Each
# run gets a new folder: a write-ahead log left by an earlier run would be replayed
# into the new database. Every test holds a transaction open for its whole length;
# a deferred BEGIN takes SQLite's write lock only when the test itself writes, so the
# live server can store what a page creates (image renditions) meanwhile.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # New dicts: the multi-process tests keep the shipped options of `base`.
    _test_db_dir = tempfile.mkdtemp(prefix="smgovernance-test-db-")
    DATABASES = {
        "default": {
            **DATABASES["default"],
            "OPTIONS": {
                **DATABASES["default"]["OPTIONS"],
                "transaction_mode": "DEFERRED",
            },
            "TEST": {"NAME": os.path.join(_test_db_dir, "test.sqlite3")},
        }
    }
