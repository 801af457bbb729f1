"""Settings for tests that run several processes on one SQLite file.

The test settings, but with the database and cache exactly as the shipped
settings build them from the environment (DATABASE_URL, REDIS_URL): a file
SQLite database with its WAL/IMMEDIATE options, and the shared default cache.
"""

from config.settings import base
from config.settings.test import *  # noqa: F403


CACHES = base.CACHES
DATABASES = base.DATABASES
