"""Fake platform servers for the register tests (the monitor's fixtures)."""

from tests.monitor.conftest import httpserver_listen_address, reroute


__all__ = ["httpserver_listen_address", "reroute"]
