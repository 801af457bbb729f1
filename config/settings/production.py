"""Production: secrets and hosts from the environment, hardened headers, whitenoise."""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import CONTENT_SECURITY_POLICY, STORAGES


def required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production."
        )
    return value


DEBUG = False
SECRET_KEY = required_env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [
    host.strip()
    for host in required_env("DJANGO_ALLOWED_HOSTS").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# https://whitenoise.readthedocs.io/en/stable/django.html
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = (
    os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() != "false"
)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SECURE_HSTS_PRELOAD_REASON = "Preloading is a decision for the operator of the domain."
SILENCED_SYSTEM_CHECKS = [
    "security.W021",  # HSTS preload: see SECURE_HSTS_PRELOAD_REASON
    # X-Frame-Options stays SAMEORIGIN: the Wagtail admin previews pages in
    # same-origin frames. CSP frame-ancestors is the stricter control on public pages.
    "security.W019",
]

CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "upgrade-insecure-requests": True,
    },
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}"
)
