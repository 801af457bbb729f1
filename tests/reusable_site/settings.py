"""A Wagtail site that knows only Wagtail and smgovernance: no `home`, no `config`.

Proves the package is reusable: `manage.py check`, the migrations and a page
render must work with these settings alone.
"""

import os
from pathlib import Path


BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "reusable-site-test-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.reusable_site.urls"
INSTALLED_APPS = [
    "smgovernance",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("REUSABLE_SITE_DB", ":memory:"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "de"
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
WAGTAIL_SITE_NAME = "Reusable"
WAGTAILADMIN_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
