"""The channel monitor's only way onto the network: a deliberately narrow HTTP client.

Every request the monitor makes goes through `fetch()`, which

- accepts only https addresses on the hosts the caller allows (a platform's
  profile hosts, the same host rule as the channel's profile URL);
- resolves the host itself and refuses private, loopback, link-local and other
  non-public addresses, then connects to exactly the address it checked (so a
  second DNS answer cannot point the request elsewhere);
- has separate connect and read timeouts, an overall deadline and a size cap;
- follows at most three redirects, each again https on an allowed host;
- sends a User-Agent that names the site, and waits so that one host gets at most
  one request per second (`throttle`).

Tests and staging reroute platform hosts to local servers with the setting
``SMGOVERNANCE_PLATFORM_ORIGINS`` (``{"mastodon.social": "http://127.0.0.1:8123"}``):
the request then goes to that origin with the original ``Host`` header. Only
rerouted hosts may be loopback. With ``SMGOVERNANCE_MONITOR_OFFLINE = True`` (the
dev, demo and test settings) nothing but rerouted hosts is ever contacted.
"""

import contextlib
import contextvars
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from ..rules.hosts import url_host


MAX_REDIRECTS = 3
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
MAX_BYTES = 1024 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """The request was refused or failed; `kind` says why, `message` in German."""

    REFUSED = "refused"
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    OFF_HOST_REDIRECT = "off_host_redirect"
    TOO_MANY_REDIRECTS = "too_many_redirects"

    MESSAGES = {
        REFUSED: _(
            "The address was refused (not https, or not a host of the platform)."
        ),
        OFFLINE: _("No request was sent: the monitor runs offline here."),
        UNREACHABLE: _("The server could not be reached."),
        TIMEOUT: _("The server did not answer in time."),
        TOO_LARGE: _("The answer was larger than allowed."),
        OFF_HOST_REDIRECT: _(
            "The profile redirects to an address outside the platform."
        ),
        TOO_MANY_REDIRECTS: _("The profile redirects too often."),
    }

    # Failures that happen before any byte is sent.
    NOT_SENT = (REFUSED, OFFLINE)

    def __init__(self, kind: str, detail: str = "", location: str = "") -> None:
        self.kind = kind
        self.detail = detail
        self.location = location
        super().__init__(f"{kind}: {detail}" if detail else kind)

    @property
    def message(self) -> str:
        return str(self.MESSAGES[self.kind])


@dataclass(frozen=True)
class Response:
    """A final answer: its address (after redirects), status, headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: tuple[str, ...] = field(default=())

    def text(self) -> str:
        charset = "utf-8"
        content_type = self.headers.get("content-type", "")
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip()
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def platform_origins() -> dict[str, str]:
    """The host → origin map of ``SMGOVERNANCE_PLATFORM_ORIGINS`` (hosts lower-cased)."""
    origins = getattr(settings, "SMGOVERNANCE_PLATFORM_ORIGINS", None) or {}
    return {host.lower().rstrip("."): origin for host, origin in origins.items()}


def is_public_address(address: str) -> bool:
    """Whether an IP address is globally routable (not private, loopback, link-local...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def checked_url(url: str, allowed_hosts: set[str]) -> tuple[str, str]:
    """(host, path with query) of an https URL on an allowed host, else FetchError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(FetchError.REFUSED, url) from None
    host = url_host(url)
    if (
        parts.scheme.lower() != "https"
        or not host
        or host not in allowed_hosts
        or parts.username
        or parts.password
        or port not in (None, 443)
    ):
        raise FetchError(FetchError.REFUSED, url)
    path = parts.path or "/"
    return host, path + (f"?{parts.query}" if parts.query else "")


_FORCED_OFFLINE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "smgovernance_monitor_offline", default=False
)


@contextlib.contextmanager
def offline() -> Iterator[None]:
    """Within this block the monitor sends nothing to hosts that are not rerouted."""
    token = _FORCED_OFFLINE.set(True)
    try:
        yield
    finally:
        _FORCED_OFFLINE.reset(token)


def is_offline() -> bool:
    """``SMGOVERNANCE_MONITOR_OFFLINE``, or inside `offline()`."""
    return _FORCED_OFFLINE.get() or bool(
        getattr(settings, "SMGOVERNANCE_MONITOR_OFFLINE", False)
    )


_LAST_REQUEST: dict[str, float] = {}
_LAST_REQUEST_LOCK = threading.Lock()


def throttle(host: str) -> None:
    """Wait until `host` had no request from us for a second (shared through the cache).

    ``SMGOVERNANCE_MONITOR_HOST_INTERVAL`` sets the gap in seconds (default 1).
    When the cache fails, a per-process record is used instead.
    """
    interval = float(getattr(settings, "SMGOVERNANCE_MONITOR_HOST_INTERVAL", 1.0))
    if interval <= 0:
        return
    key = f"smgovernance:monitor:last-request:{host}"
    try:
        last = cache.get(key)
    except Exception:  # a failing cache degrades the throttle to this process
        last = None
    with _LAST_REQUEST_LOCK:
        last = max(last or 0.0, _LAST_REQUEST.get(host, 0.0))
        wait = last + interval - time.time()
        if wait > 0:
            time.sleep(wait)
        now = time.time()
        _LAST_REQUEST[host] = now
    # A failing cache: the per-process record above still holds.
    with contextlib.suppress(Exception):
        cache.set(key, now, timeout=max(2, int(interval) + 1))


def _connect_addresses(host: str) -> tuple[str, list[tuple[str, int]], bool]:
    """Where to connect for `host`: (scheme, [(address, port)], rerouted)."""
    origin = platform_origins().get(host)
    if origin:
        parts = urlsplit(origin)
        scheme = parts.scheme.lower()
        port = parts.port or (443 if scheme == "https" else 80)
        return scheme, [(parts.hostname or "", port)], True
    if is_offline():
        raise FetchError(FetchError.OFFLINE, host)
    try:
        infos = socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(FetchError.UNREACHABLE, f"{host}: {exc}") from exc
    addresses = [(info[4][0], 443) for info in infos]
    if not addresses or not all(is_public_address(a) for a, _port in addresses):
        raise FetchError(FetchError.REFUSED, f"{host}: not a public address")
    return "https", addresses, False


def _open_socket(
    scheme: str, addresses: list[tuple[str, int]], server_name: str
) -> socket.socket:
    error: Exception | None = None
    for address, port in addresses:
        try:
            sock = socket.create_connection((address, port), timeout=CONNECT_TIMEOUT)
        except TimeoutError as exc:
            error = FetchError(FetchError.TIMEOUT, f"{address}:{port}")
            error.__cause__ = exc
            continue
        except OSError as exc:
            error = FetchError(FetchError.UNREACHABLE, f"{address}:{port}: {exc}")
            continue
        sock.settimeout(READ_TIMEOUT)
        if scheme == "https":
            context = ssl.create_default_context()
            try:
                sock = context.wrap_socket(sock, server_hostname=server_name)
            except (OSError, ssl.SSLError) as exc:
                sock.close()
                error = FetchError(FetchError.UNREACHABLE, f"TLS: {exc}")
                continue
        return sock
    raise error or FetchError(FetchError.UNREACHABLE)


def _request_once(
    host: str, path: str, headers: dict[str, str], max_bytes: int
) -> tuple[int, dict[str, str], bytes]:
    scheme, addresses, rerouted = _connect_addresses(host)
    throttle(host)
    deadline = time.monotonic() + TOTAL_TIMEOUT
    # TLS is checked against the platform host, or the origin's host when rerouted.
    sock = _open_socket(scheme, addresses, addresses[0][0] if rerouted else host)
    connection = http.client.HTTPConnection(host, timeout=READ_TIMEOUT)
    connection.sock = sock  # already connected (to the address checked above)
    try:
        connection.request("GET", path, headers={"Host": host, **headers})
        response = connection.getresponse()
        answer_headers = {k.lower(): v for k, v in response.getheaders()}
        length = answer_headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(FetchError.TOO_LARGE, f"{length} bytes")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(16384):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(FetchError.TOO_LARGE, f"> {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(FetchError.TIMEOUT, "deadline")
            chunks.append(chunk)
        return response.status, answer_headers, b"".join(chunks)
    except TimeoutError as exc:
        raise FetchError(FetchError.TIMEOUT, host) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(FetchError.UNREACHABLE, f"{host}: {exc}") from exc
    finally:
        connection.close()


def fetch(
    url: str,
    allowed_hosts: list[str] | set[str],
    *,
    user_agent: str,
    accept: str = "text/html,application/json;q=0.9,*/*;q=0.5",
    max_bytes: int = MAX_BYTES,
) -> Response:
    """GET `url` under the rules above; any status is returned, failures raise FetchError.

    Redirects are followed (at most MAX_REDIRECTS) while they stay https on
    `allowed_hosts`; a redirect elsewhere raises FetchError(OFF_HOST_REDIRECT) with
    the target in `location`.
    """
    allowed = {host.lower().rstrip(".") for host in allowed_hosts}
    headers = {
        "User-Agent": user_agent,
        "Accept": accept,
        "Accept-Encoding": "identity",
        "Connection": "close",
    }
    current = url
    redirects: list[str] = []
    while True:
        host, path = checked_url(current, allowed)
        status, answer_headers, body = _request_once(host, path, headers, max_bytes)
        location = answer_headers.get("location", "")
        if status not in REDIRECT_STATUSES or not location:
            return Response(current, status, answer_headers, body, tuple(redirects))
        target = urljoin(current, location)
        try:
            checked_url(target, allowed)
        except FetchError:
            raise FetchError(
                FetchError.OFF_HOST_REDIRECT, target, location=target
            ) from None
        if len(redirects) >= MAX_REDIRECTS:
            raise FetchError(FetchError.TOO_MANY_REDIRECTS, target, location=target)
        redirects.append(target)
        current = target
