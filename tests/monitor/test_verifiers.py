"""Each verifier against fake platforms: every outcome with its German reason."""

import time

import pytest
from werkzeug import Request, Response

from smgovernance.monitor import Outcome, verifier_kind, verify
from smgovernance.monitor import fetch as fetch_module

from .fakes import (
    BLUESKY_API,
    DID,
    MASTODON,
    OTHER_DID,
    OUR_HOST,
    UA,
    bluesky_target,
    html_target,
    imprint_field,
    mastodon_account,
    mastodon_target,
    serve_bluesky,
    serve_mastodon_account,
)


@pytest.fixture(autouse=True)
def german(settings):
    settings.LANGUAGE_CODE = "de"


# --- Mastodon ---------------------------------------------------------------------


def test_mastodon_verified(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, mastodon_account([imprint_field()]))
    result = verify(mastodon_target())
    assert result.outcome == Outcome.VERIFIED
    assert "https://www.kreis.example/impressum/" in result.reason
    request, _response = httpserver.log[0]
    assert request.path == "/api/v1/accounts/lookup"
    assert request.headers["User-Agent"] == UA


def test_mastodon_field_missing(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver, mastodon_account([{"name": "Ort", "value": "Freiberg"}])
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.LINK_MISSING
    assert result.reason == "Kein Profilfeld verweist auf unsere Website (Impressum)."


def test_mastodon_link_points_elsewhere(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver, mastodon_account([imprint_field(host="fake-kreis.example")])
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.POINTS_ELSEWHERE
    assert "fake-kreis.example" in result.reason


def test_mastodon_link_without_rel_me(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver, mastodon_account([imprint_field(verified=False)])
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.NO_REL_ME
    assert 'rel="me"' in result.reason


def test_mastodon_account_gone(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, None, status=404)
    result = verify(mastodon_target())
    assert result.outcome == Outcome.GONE
    assert result.status == 404


def test_mastodon_account_moved(reroute, httpserver):
    reroute(MASTODON)
    moved = {"url": "https://social.other.example/@kreis"}
    serve_mastodon_account(httpserver, mastodon_account([imprint_field()], moved=moved))
    result = verify(mastodon_target())
    assert result.outcome == Outcome.HANDLE_CHANGED
    assert result.new_url == "https://social.other.example/@kreis"


def test_mastodon_account_renamed(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver,
        mastodon_account([imprint_field()], url=f"https://{MASTODON}/@landkreis"),
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.HANDLE_CHANGED
    assert "@landkreis" in result.reason


def test_mastodon_server_error_is_unreachable(reroute, httpserver):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, {"error": "boom"}, status=503)
    result = verify(mastodon_target())
    assert result.outcome == Outcome.UNREACHABLE
    assert "503" in result.reason
    assert result.request_sent is True


def test_mastodon_timeout_is_unreachable(reroute, httpserver, monkeypatch):
    reroute(MASTODON)
    monkeypatch.setattr(fetch_module, "READ_TIMEOUT", 0.3)

    def slow(request: Request) -> Response:
        time.sleep(1)
        return Response("{}")

    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_handler(slow)
    result = verify(mastodon_target())
    assert result.outcome == Outcome.UNREACHABLE
    assert result.reason == "Der Server hat nicht rechtzeitig geantwortet."


def test_mastodon_oversized_answer_is_unreachable(reroute, httpserver):
    reroute(MASTODON)
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_data(
        "x" * (300 * 1024), content_type="application/json"
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.UNREACHABLE
    assert result.reason == "Die Antwort war größer als erlaubt."


def test_mastodon_offline(settings):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    result = verify(mastodon_target())
    assert result.outcome == Outcome.UNREACHABLE
    assert "offline" in result.reason
    assert result.request_sent is False


def test_mastodon_redirect_off_host_is_unreachable(reroute, httpserver):
    reroute(MASTODON)
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_data(
        "", status=302, headers={"Location": "https://elsewhere.example/"}
    )
    result = verify(mastodon_target())
    assert result.outcome == Outcome.UNREACHABLE
    assert "https://elsewhere.example/" in result.reason


# --- Bluesky ----------------------------------------------------------------------


def test_bluesky_verified_by_description(reroute, httpserver):
    reroute(BLUESKY_API)
    serve_bluesky(httpserver)
    result = verify(bluesky_target())
    assert result.outcome == Outcome.VERIFIED


def test_bluesky_verified_by_own_domain_handle(reroute, httpserver):
    reroute(BLUESKY_API)
    serve_bluesky(httpserver, handle="kreis.example", description="")
    target = bluesky_target(
        handle="kreis.example", profile_url="https://bsky.app/profile/kreis.example"
    )
    result = verify(target)
    assert result.outcome == Outcome.VERIFIED
    assert "eigenen Domain" in result.reason


def test_bluesky_link_missing(reroute, httpserver):
    reroute(BLUESKY_API)
    serve_bluesky(httpserver, description="Neuigkeiten aus dem Kreis.")
    assert verify(bluesky_target()).outcome == Outcome.LINK_MISSING


def test_bluesky_handle_changed(reroute, httpserver):
    reroute(BLUESKY_API)
    serve_bluesky(httpserver, handle="landkreis.bsky.social")
    result = verify(bluesky_target())
    assert result.outcome == Outcome.HANDLE_CHANGED
    assert result.new_url == "https://bsky.app/profile/landkreis.bsky.social"


def test_bluesky_handle_taken_by_another_account(reroute, httpserver):
    reroute(BLUESKY_API)
    serve_bluesky(httpserver)  # our DID still has the handle in its profile ...
    httpserver.clear()
    httpserver.expect_request(
        "/xrpc/app.bsky.actor.getProfile", query_string={"actor": DID}
    ).respond_with_json({"did": DID, "handle": "kreis.bsky.social"})
    httpserver.expect_request(
        "/xrpc/com.atproto.identity.resolveHandle"
    ).respond_with_json({"did": OTHER_DID})  # ... but the handle resolves elsewhere
    assert verify(bluesky_target()).outcome == Outcome.POINTS_ELSEWHERE


def test_bluesky_gone(reroute, httpserver):
    reroute(BLUESKY_API)
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_json(
        {"error": "InvalidRequest", "message": "Profile not found"}, status=400
    )
    assert verify(bluesky_target()).outcome == Outcome.GONE


def test_bluesky_unreachable(reroute, httpserver):
    reroute(BLUESKY_API)
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_data(
        "", status=502
    )
    assert verify(bluesky_target()).outcome == Outcome.UNREACHABLE


# --- HTML profiles (Facebook, X, Vimeo) -------------------------------------------


def test_html_profile_with_visible_imprint_link(reroute, httpserver):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data(
        f'<html><body><a href="https://{OUR_HOST}/impressum/">Impressum</a></body></html>',
        content_type="text/html; charset=utf-8",
    )
    assert verify(html_target()).outcome == Outcome.VERIFIED


def test_html_profile_without_visible_link_is_not_checkable(reroute, httpserver):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data(
        "<html><body><div id=app></div><script src=/app.js></script></body></html>",
        content_type="text/html",
    )
    result = verify(html_target())
    assert result.outcome == Outcome.NOT_CHECKABLE
    assert "manuell" in result.reason or "selbst" in result.reason


def test_html_profile_blocking_robots_is_not_checkable(reroute, httpserver):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data("", status=403)
    assert verify(html_target()).outcome == Outcome.NOT_CHECKABLE


def test_html_profile_login_wall_is_not_checkable(reroute, httpserver):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data(
        "", status=302, headers={"Location": "/login/?next=/kreis"}
    )
    httpserver.expect_request("/login/").respond_with_data("<form></form>")
    assert verify(html_target()).outcome == Outcome.NOT_CHECKABLE


def test_html_profile_redirect_off_host_is_not_checkable(reroute, httpserver):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data(
        "", status=302, headers={"Location": "https://login.meta.example/"}
    )
    result = verify(html_target())
    assert result.outcome == Outcome.NOT_CHECKABLE
    assert "https://login.meta.example/" in result.reason


@pytest.mark.parametrize("status", [404, 410])
def test_html_profile_gone(reroute, httpserver, status):
    reroute("www.facebook.com")
    httpserver.expect_request("/kreis").respond_with_data("", status=status)
    result = verify(html_target())
    assert result.outcome == Outcome.GONE
    assert str(status) in result.reason


def test_html_profile_handle_changed(reroute, httpserver):
    reroute("www.facebook.com", "facebook.com")
    httpserver.expect_request("/kreis").respond_with_data(
        "", status=301, headers={"Location": "https://facebook.com/landkreis"}
    )
    httpserver.expect_request("/landkreis").respond_with_data("<html></html>")
    result = verify(html_target())
    assert result.outcome == Outcome.HANDLE_CHANGED
    assert result.new_url == "https://facebook.com/landkreis"


def test_html_profile_unreachable_when_offline(settings):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    assert verify(html_target()).outcome == Outcome.UNREACHABLE


@pytest.mark.parametrize(
    "slug,federated,kind",
    [
        ("mastodon", True, "mastodon"),
        ("sachsen-social", True, "mastodon"),
        ("bluesky", False, "bluesky"),
        ("facebook", False, "html"),
        ("x", False, "html"),
        ("vimeo", False, "html"),
    ],
)
def test_verifier_kind(slug, federated, kind):
    assert verifier_kind(slug, federated) == kind
