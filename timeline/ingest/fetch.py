"""Fetching http(s) links safely: time-outs, a size cap, a redirect limit, a clear user agent,
and no requests to loopback, private, link-local or multicast addresses (SSRF) unless allowed.

The host is resolved once, every address is checked, and the connection goes to the checked
address (so a DNS answer cannot change between the check and the request). Every redirect is
checked the same way.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from timeline.ingest.options import IngestOptions

_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A link that could not be fetched; ``reason`` is a Skipped reason, the message says what to do."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # e.g. "text/html" ("" when not sent)
    charset: str | None


#: In the detail of every link refused for its address, so a front end can add how to allow it.
PRIVATE_REFUSAL = "links to local or private networks are refused"


def is_url(text: str) -> bool:
    return "://" in str(text)[:12] or str(text).lower().startswith(("http:", "https:"))


def _check_address(host: str, port: int, options: IngestOptions) -> str:
    """Resolve ``host`` and return an address to connect to, refusing non-public ones unless allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("fetch_failed", f"cannot resolve host {host!r}: {exc}") from exc
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not options.allow_private_hosts and not _public(ip):
            raise FetchError(
                "refused",
                f"{host} resolves to a non-public address ({ip}); {PRIVATE_REFUSAL}: save the page and add the "
                "file instead",
            )
    return addresses[0]


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to an address checked beforehand, not to whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: str, connect_timeout: float, read_timeout: float) -> None:
        super().__init__(host, port, timeout=connect_timeout)
        self._address, self._read_timeout = address, read_timeout

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock.settimeout(self._read_timeout)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self) -> None:
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def fetch(url: str, options: IngestOptions) -> Fetched:
    """GET ``url`` within the options' limits; raises :class:`FetchError` with a reason and a message."""
    current = url
    for _ in range(options.max_redirects + 1):
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError("refused", f"only http and https links are fetched, not {scheme or 'this'}: links")
        if not parts.hostname:
            raise FetchError("invalid", "the link has no host name")
        port = parts.port or (443 if scheme == "https" else 80)
        address = _check_address(parts.hostname, port, options)
        kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        conn = kind(parts.hostname, port, address, options.connect_timeout, options.read_timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            conn.request(
                "GET",
                path,
                headers={"User-Agent": options.user_agent, "Accept-Encoding": "identity", "Accept": "*/*"},
            )
            response = conn.getresponse()
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchError("fetch_failed", f"HTTP {response.status} redirect without a Location")
                current = urljoin(current, location)
                continue
            if response.status >= 400:
                raise FetchError("fetch_failed", f"HTTP {response.status} {response.reason}")
            data = _read_capped(response, options.max_fetch_bytes)
            content_type, charset = _content_type(response.getheader("Content-Type", ""))
            return Fetched(current, data, content_type, charset)
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError("fetch_failed", f"{type(exc).__name__}: {exc}") from exc
        finally:
            conn.close()
    raise FetchError("fetch_failed", f"more than {options.max_redirects} redirects")


def _read_capped(response: http.client.HTTPResponse, limit: int) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError("too_large", f"the page is {int(declared):,} bytes, over the {limit:,}-byte limit")
    data = response.read(limit + 1)
    if len(data) > limit:
        raise FetchError("too_large", f"the page is over the {limit:,}-byte limit")
    return data


def _content_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["Content-Type"] = header or "application/octet-stream"
    return (message.get_content_type() if header else ""), message.get_content_charset()
