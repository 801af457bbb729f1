"""Fake platform servers on 127.0.0.1 (pytest-httpserver), and hosts rerouted to them."""

import pytest


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """Loopback and a free port chosen by the system: never a fixed port."""
    return ("127.0.0.1", 0)


@pytest.fixture
def reroute(settings, httpserver):
    """Send requests for the given platform hosts to the fake server, nothing else out.

    The monitor runs offline (any other host fails without a request) and without
    the one-second pause between requests to a host.
    """
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_MONITOR_HOST_INTERVAL = 0
    origin = httpserver.url_for("/").rstrip("/")

    def route(*hosts: str) -> None:
        settings.SMGOVERNANCE_PLATFORM_ORIGINS = dict.fromkeys(hosts, origin)

    route()
    return route
