"""The test suite: fast hashing, in-memory cache and mail, plain static storage."""

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
