"""Local development: DEBUG on, console e-mail, any host."""

import contextlib

from .base import *


DEBUG = True
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
# Any host, so also the demo's county portal at landkreis.localhost.
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background jobs wait in the database until `manage.py db_worker` runs them
# (`make demo` runs one next to the web server).
# The channel monitor stays offline unless SMGOVERNANCE_MONITOR_OFFLINE=false: a
# development or demo machine never asks the real platforms by accident. Local fake
# servers are reached through SMGOVERNANCE_PLATFORM_ORIGINS (JSON), e.g.
# SMGOVERNANCE_PLATFORM_ORIGINS='{"social.sachsen.de": "http://127.0.0.1:8123"}'.
SMGOVERNANCE_PLATFORM_ORIGINS = env_json_map("SMGOVERNANCE_PLATFORM_ORIGINS")
SMGOVERNANCE_MONITOR_OFFLINE = (
    os.environ.get("SMGOVERNANCE_MONITOR_OFFLINE", "true").lower() != "false"
)

with contextlib.suppress(ImportError):
    from .local import *

# Serve static files from the apps and STATICFILES_DIRS without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
