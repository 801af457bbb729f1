"""Host rules for profile addresses (O-6, O-13): allowed and replaced hosts."""

from urllib.parse import urlsplit


def split_hosts(value: str) -> list[str]:
    """Host names from a text field: one per line (commas also separate)."""
    return [
        line.strip().lower()
        for line in (value or "").replace(",", "\n").splitlines()
        if line.strip()
    ]


def url_host(url: str) -> str:
    """The URL's host in lower case, without port or trailing dot ("" when none)."""
    try:
        host = urlsplit((url or "").strip()).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".")


def is_outdated_host(url: str, outdated_hosts: list[str]) -> bool:
    """True when the URL uses a host the platform has replaced (twitter.com → x.com)."""
    host = url_host(url)
    return bool(host) and host in outdated_hosts
