"""System checks of the extension's settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks

from smgovernance.checks import (
    check_embed_origins,
    check_embed_origins_use_https,
    check_shared_cache,
)


ROOT = Path(__file__).resolve().parent.parent


def test_system_check_rejects_an_embed_origin_that_is_not_an_origin(settings):
    settings.SMGOVERNANCE_EMBED_ORIGINS = ["https://www.wirtschaft-in-mittelsachsen.de"]
    assert check_embed_origins() == []
    settings.SMGOVERNANCE_EMBED_ORIGINS = [
        "https://example.org/path",
        "example.org; script-src *",
    ]
    assert [error.id for error in check_embed_origins()] == ["smgovernance.E002"] * 2


def test_deploy_check_errors_on_a_per_process_cache(settings):
    """Issue 13.1 / 18.3: with LocMem, a publish purges only its own process."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    assert [error.id for error in check_shared_cache()] == ["smgovernance.E010"]
    errors = checks.run_checks(include_deployment_checks=True, tags=["caches"])
    assert "smgovernance.E010" in [error.id for error in errors]
    assert "smgovernance.E010" not in [error.id for error in checks.run_checks()]


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.db.DatabaseCache",
        "smgovernance.cache.backends.FailSoftRedisCache",
        "django.core.cache.backends.redis.RedisCache",
    ],
)
def test_deploy_check_accepts_a_shared_cache(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "x"}}
    assert check_shared_cache() == []


def test_a_separate_page_cache_alias_is_checked_too(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.SMGOVERNANCE_CACHE_ALIAS = "pages"
    assert [error.id for error in check_shared_cache()] == ["smgovernance.E010"]


def test_http_embed_origins_warn_in_production(settings):
    settings.DEBUG = False
    settings.SMGOVERNANCE_EMBED_ORIGINS = [
        "https://www.wirtschaft-in-mittelsachsen.de",
        "http://partner.example",
    ]
    warnings = check_embed_origins_use_https()
    assert [warning.id for warning in warnings] == ["smgovernance.W011"]
    assert "http://partner.example" in warnings[0].msg
    settings.DEBUG = True
    assert check_embed_origins_use_https() == []


def test_check_deploy_is_clean_with_the_shipped_production_settings(tmp_path):
    """`manage.py check --deploy` with production settings and the required
    environment: exit 0, nothing but the silenced checks."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "SMGOVERNANCE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="www.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SMGOVERNANCE_EMBED_ORIGINS="https://www.wirtschaft-in-mittelsachsen.de",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"no issues \(\d+ silenced\)", result.stdout), result.stdout
