"""Local development: DEBUG on, console e-mail, any host."""

import contextlib

from .base import *


DEBUG = True
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

with contextlib.suppress(ImportError):
    from .local import *

# Serve static files from the apps and STATICFILES_DIRS without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
