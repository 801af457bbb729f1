"""The safe fetcher: https and platform hosts only, no private addresses, limits."""

import time

import pytest
from werkzeug import Request, Response

from smgovernance.monitor import fetch as fetch_module
from smgovernance.monitor.fetch import FetchError, fetch, is_public_address, offline


UA = "smgovernance-channel-monitor (+https://www.example.org/)"
HOST = "social.example"


def test_fetch_sends_the_platform_host_and_our_user_agent(reroute, httpserver):
    reroute(HOST)
    seen = {}

    def handler(request: Request) -> Response:
        seen.update(host=request.host, agent=request.user_agent.string)
        return Response("ok", content_type="text/plain; charset=utf-8")

    httpserver.expect_request("/@kreis").respond_with_handler(handler)
    response = fetch(f"https://{HOST}/@kreis", [HOST], user_agent=UA)
    assert response.status == 200
    assert response.text() == "ok"
    assert response.redirects == ()
    assert seen == {"host": HOST, "agent": UA}


@pytest.mark.parametrize(
    "url",
    [
        f"http://{HOST}/@kreis",  # not https
        "https://evil.example/@kreis",  # not a host of the platform
        f"https://{HOST}.evil.example/@kreis",
        f"https://user:pw@{HOST}/@kreis",
        f"https://{HOST}:8443/@kreis",
        "ftp://social.example/",
    ],
)
def test_fetch_refuses_addresses_outside_the_rule(reroute, httpserver, url):
    reroute(HOST, "evil.example")
    with pytest.raises(FetchError) as error:
        fetch(url, [HOST], user_agent=UA)
    assert error.value.kind == FetchError.REFUSED
    assert httpserver.log == []


def test_loopback_is_refused_unless_rerouted(settings, httpserver):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = False
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    with pytest.raises(FetchError) as error:
        fetch("https://localhost/@kreis", ["localhost"], user_agent=UA)
    assert error.value.kind == FetchError.REFUSED
    assert "not a public address" in error.value.detail


@pytest.mark.parametrize(
    "address,public",
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),  # noqa: S104
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("93.184.215.14", True),
        ("2a00:1450:4001:80b::200e", True),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(address) is public


def test_offline_mode_sends_nothing_to_hosts_that_are_not_rerouted(settings):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    with pytest.raises(FetchError) as error:
        fetch("https://www.facebook.com/kreis", ["www.facebook.com"], user_agent=UA)
    assert error.value.kind == FetchError.OFFLINE
    assert "offline" in error.value.message


def test_redirects_on_the_platform_hosts_are_followed(reroute, httpserver):
    reroute(HOST, "www.social.example")
    httpserver.expect_request("/a").respond_with_data(
        "", status=301, headers={"Location": "/b"}
    )
    httpserver.expect_request("/b").respond_with_data(
        "", status=302, headers={"Location": "https://www.social.example/c"}
    )
    httpserver.expect_request("/c").respond_with_data("here")
    response = fetch(f"https://{HOST}/a", [HOST, "www.social.example"], user_agent=UA)
    assert response.body == b"here"
    assert response.url == "https://www.social.example/c"
    assert response.redirects == (
        f"https://{HOST}/b",
        "https://www.social.example/c",
    )


def test_at_most_three_redirects(reroute, httpserver):
    reroute(HOST)
    for step in range(5):
        httpserver.expect_request(f"/{step}").respond_with_data(
            "", status=302, headers={"Location": f"/{step + 1}"}
        )
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/0", [HOST], user_agent=UA)
    assert error.value.kind == FetchError.TOO_MANY_REDIRECTS
    assert len(httpserver.log) == 4  # the first request and three redirects


@pytest.mark.parametrize(
    "location",
    [
        "https://login.example/",
        f"http://{HOST}/insecure",
        "https://127.0.0.1/admin",
    ],
)
def test_redirects_off_the_platform_hosts_are_not_followed(
    reroute, httpserver, location
):
    reroute(HOST)
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/a", [HOST], user_agent=UA)
    assert error.value.kind == FetchError.OFF_HOST_REDIRECT
    assert error.value.location == location
    assert len(httpserver.log) == 1


def test_a_slow_server_times_out(reroute, httpserver, monkeypatch):
    reroute(HOST)
    monkeypatch.setattr(fetch_module, "READ_TIMEOUT", 0.3)

    def slow(request: Request) -> Response:
        time.sleep(1)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/slow", [HOST], user_agent=UA)
    assert error.value.kind == FetchError.TIMEOUT


def test_an_unreachable_server(settings):
    settings.SMGOVERNANCE_MONITOR_HOST_INTERVAL = 0
    # A port on loopback where nothing listens: connection refused.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {HOST: f"http://127.0.0.1:{port}"}
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/@kreis", [HOST], user_agent=UA)
    assert error.value.kind == FetchError.UNREACHABLE


def test_an_oversized_answer_with_content_length(reroute, httpserver):
    reroute(HOST)
    httpserver.expect_request("/big").respond_with_data("x" * 2000)
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/big", [HOST], user_agent=UA, max_bytes=1000)
    assert error.value.kind == FetchError.TOO_LARGE


def test_an_oversized_answer_without_content_length(reroute, httpserver):
    reroute(HOST)

    def stream(request: Request) -> Response:
        return Response((b"x" * 500 for _ in range(10)), direct_passthrough=True)

    httpserver.expect_request("/stream").respond_with_handler(stream)
    with pytest.raises(FetchError) as error:
        fetch(f"https://{HOST}/stream", [HOST], user_agent=UA, max_bytes=1000)
    assert error.value.kind == FetchError.TOO_LARGE


def test_one_request_per_host_per_second(reroute, httpserver, settings):
    reroute(HOST)
    settings.SMGOVERNANCE_MONITOR_HOST_INTERVAL = 1.0
    httpserver.expect_request("/a").respond_with_data("a")
    started = time.monotonic()
    fetch(f"https://{HOST}/a", [HOST], user_agent=UA)
    fetch(f"https://{HOST}/a", [HOST], user_agent=UA)
    assert time.monotonic() - started >= 0.95
    assert len(httpserver.log) == 2


def test_offline_block_sends_nothing_even_when_the_setting_allows_it(settings):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = False
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    with offline(), pytest.raises(FetchError) as error:
        fetch("https://vimeo.com/kreis", ["vimeo.com"], user_agent=UA)
    assert error.value.kind == FetchError.OFFLINE


def test_offline_block_still_reaches_rerouted_hosts(reroute, httpserver, settings):
    reroute(HOST)
    httpserver.expect_request("/@kreis").respond_with_data("ok")
    with offline():
        assert fetch(f"https://{HOST}/@kreis", [HOST], user_agent=UA).body == b"ok"
