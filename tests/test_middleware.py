"""Request guards and browser policies (issue 13.2, 13.6, 13.9/12)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache.backends.base import BaseCache
from django.test import Client
from wagtail.models import Site

from smgovernance.models import AccessibilityStatementPage, FeedbackSubmission
from smgovernance.rules.feedback import FeedbackKind


SKILLED = "/videos/fachkraefte-fuer-die-region/"
CLOSED_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def policy(response) -> dict[str, str]:
    """The Permissions-Policy header as {feature: allowlist}."""
    return dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )


# --- methods ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/oembed/", "/einwilligungen/", "/admin/login/"])
def test_trace_answers_405_everywhere(client, db, url):
    response = client.generic("TRACE", url)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]
    assert response.content == b""


@pytest.mark.parametrize("url", ["/oembed/", "/einwilligungen/"])
def test_options_lists_the_methods_without_a_body(client, db, url):
    response = client.options(url)
    assert response.status_code == 200
    assert response.content == b""
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("url", ["/oembed/", "/einwilligungen/"])
def test_other_methods_answer_405_with_a_charset(client, db, url):
    response = client.put(url)
    assert response.status_code == 405
    assert "charset=utf-8" in response["Content-Type"]


# --- browser policies ----------------------------------------------------------------


def test_every_page_denies_powerful_features_and_cross_origin_reads(client, demo):
    response = client.get("/impressum/")
    features = policy(response)
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature
    assert features["fullscreen"] == "(self)"
    assert features["autoplay"] == "()"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    cached = client.get("/impressum/")
    assert cached["X-Cache"] == "HIT"
    assert cached["Permissions-Policy"] == response["Permissions-Policy"]


def test_pages_with_the_vimeo_player_allow_it_fullscreen_and_autoplay(client, demo):
    features = policy(client.get(SKILLED))
    assert features["fullscreen"] == '(self "https://player.vimeo.com")'
    assert features["autoplay"] == '(self "https://player.vimeo.com")'
    assert features["camera"] == "()"


def test_the_embed_view_stays_frameable_by_the_configured_origins(
    client, demo, settings
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = ["https://partner.example"]
    response = client.get(SKILLED + "embed/")
    assert response.status_code == 200
    # Cross-origin framing: frame-ancestors decides who, CORP must not block it
    # for embedders isolated with Cross-Origin-Embedder-Policy: require-corp.
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert (
        "frame-ancestors 'self' https://partner.example"
        in (response["Content-Security-Policy"])
    )
    assert "X-Frame-Options" not in response
    assert policy(response)["fullscreen"] == '(self "https://player.vimeo.com")'


# --- rate limit ---------------------------------------------------------------------


@pytest.fixture
def limited(settings):
    # Per hour, not per minute: django-ratelimit counts in fixed windows, and a test
    # whose requests straddle the end of a one-minute window (a slow machine) would
    # start counting again from zero.
    settings.SMGOVERNANCE_RATELIMIT_ENABLED = True
    settings.SMGOVERNANCE_RATELIMIT_RENDER = "3/h"
    settings.SMGOVERNANCE_RATELIMIT_POST = "2/h"
    return settings


def test_uncached_renders_are_limited_per_client_with_a_german_429(
    client, demo, limited
):
    for number in range(3):
        assert client.get(f"/gibt-es-nicht-{number}/").status_code == 404
    response = client.get("/gibt-es-nicht-4/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    document = BeautifulSoup(response.content, "html.parser")
    assert document.find("h1").get_text(strip=True) == "Zu viele Anfragen"
    assert "Bitte warten Sie eine Minute" in document.get_text()
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.get("/gibt-es-nicht-5/").status_code == 404


def test_cached_pages_and_cache_busting_parameters_never_count(client, demo, limited):
    assert client.get("/").status_code == 200
    for number in range(20):
        response = client.get(f"/?zufall={number}")
        assert (response.status_code, response["X-Cache"]) == (200, "HIT")


def test_every_post_is_limited(client, demo, limited):
    url = AccessibilityStatementPage.objects.live().first().url
    data = {"kind": FeedbackKind.BARRIER, "message": "Kontrast zu gering."}
    statuses = [client.post(url, data).status_code for _ in range(3)]
    assert statuses[2] == 429
    assert 429 not in statuses[:2]


def test_logged_in_editors_are_not_limited(client, demo, limited):
    editor = get_user_model().objects.create_superuser("r", "r@example.org", "x")
    client.force_login(editor)
    for number in range(6):
        assert client.get(f"/gibt-es-nicht-{number}/").status_code == 404


def test_the_client_address_comes_from_the_configured_proxy_header(
    client, demo, limited
):
    limited.SMGOVERNANCE_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(3):
        client.get(f"/fehlt-{number}/", HTTP_X_REAL_IP="198.51.100.1")
    assert client.get("/fehlt/", HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert client.get("/fehlt/", HTTP_X_REAL_IP="198.51.100.2").status_code == 404


# --- outages ------------------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    """The shipped Redis configuration, pointed at a closed port."""
    settings.CACHES = {
        "default": {
            "BACKEND": "smgovernance.cache.backends.FailSoftRedisCache",
            "LOCATION": CLOSED_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.SMGOVERNANCE_RATELIMIT_ENABLED = True
    return settings


def test_a_redis_outage_serves_pages_uncached(client, demo, redis_down, caplog):
    site_url = Site.objects.get(is_default_site=True).root_url
    for url in ("/", "/impressum/", SKILLED, "/oembed/?url=" + site_url + SKILLED):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Cache" not in response
    assert "Redis cache unavailable" in caplog.text


def test_a_stored_submission_is_answered_as_stored_during_a_redis_outage(
    client, demo, redis_down
):
    url = AccessibilityStatementPage.objects.live().first().url
    response = client.post(
        url, {"kind": FeedbackKind.BARRIER, "message": "Kontrast zu gering."}
    )
    assert response.status_code in (200, 302, 303)
    assert FeedbackSubmission.objects.get().message == "Kontrast zu gering."


class BrokenCache(BaseCache):
    """A cache backend whose reads and writes fail, like a server that went away."""

    def __init__(self, location: str, params: dict) -> None:
        super().__init__(params)

    def _fail(self, *args: object, **kwargs: object) -> None:
        raise ConnectionError("cache server gone")

    get = set = add = delete = has_key = incr = touch = _fail

    def clear(self) -> None:
        """Nothing to clear (the fixture that empties every cache calls it)."""


def test_a_failing_page_cache_degrades_to_uncached(client, demo, settings, caplog):
    """The middleware guards every cache call of its own (issue 13.6)."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "tests.test_middleware.BrokenCache"},
    }
    settings.SMGOVERNANCE_CACHE_ALIAS = "pages"
    for _ in range(2):
        response = client.get("/impressum/")
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert "Page cache unavailable" in caplog.text
