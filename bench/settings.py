"""Production settings for the benchmarks: a throw-away SQLite file and STATIC_ROOT.

`bench/common.py` sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and
DJANGO_SECURE_SSL_REDIRECT=false before Django starts, and the two paths below.
BENCH_PAGE_CACHE=off starts a server without the public page cache (the
"uncached" figures); BENCH_RATELIMIT=off one without the rate limits.
"""

import os

from config.settings.base import SQLITE_OPTIONS
from config.settings.production import *  # noqa: F403


DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["BENCH_DB"],
        "CONN_MAX_AGE": 60,
        "OPTIONS": SQLITE_OPTIONS,  # WAL, IMMEDIATE, timeout: as shipped
    }
}
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
SMGOVERNANCE_CACHE_ENABLED = os.environ.get("BENCH_PAGE_CACHE", "on") != "off"
# The rate limits of production stay on for the cache-busting run, which measures
# them; `bench/run.py` measures rendering from one client and turns them off.
SMGOVERNANCE_RATELIMIT_ENABLED = os.environ.get("BENCH_RATELIMIT", "on") != "off"
# The benchmark builds its site in one process and never runs a task worker: jobs
# (search index, channel checks) run at once, and the monitor never leaves the machine.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SMGOVERNANCE_MONITOR_OFFLINE = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
    # A page type without a template yet answers 500; the table says so.
    "loggers": {"django.request": {"level": "CRITICAL"}},
}
