"""Fetching over HTTP(S) safely: timeouts, a size limit, a clear user agent, and no requests to
private, loopback or link-local addresses (redirects included) unless a setting allows them.

Each hop's host is resolved once, every address is checked, and the connection goes to the
checked address (with the host name kept for TLS and the Host header), so a DNS answer that
changes between the check and the connection cannot redirect the request.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

USER_AGENT = "newsbot/0.1 (+a Slack news bot; fetches articles and feeds its users added)"
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, for the user."""


@dataclass(frozen=True)
class Policy:
    max_bytes: int = 5_000_000
    timeout: float = 10.0  # per connect and per read
    deadline: float = 30.0  # for the whole fetch, redirects included
    allow_private: bool = False  # private, link-local, loopback...
    allow_loopback: bool = False  # loopback only (what tests use)


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    history: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.body.decode(self.charset or "utf-8", errors="replace")


def _check_address(ip: str, policy: Policy) -> None:
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback and (policy.allow_loopback or policy.allow_private):
        return
    if policy.allow_private:
        return
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    ):
        raise FetchError(f"refused: {ip} is a private, loopback or reserved address (NEWSBOT_ALLOW_PRIVATE_URLS)")


def _resolve(host: str, port: int, policy: Policy) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"unreachable: cannot resolve {host}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for ip in addresses:  # every address the name has must be allowed, not just the first
        _check_address(ip, policy)
    return addresses[0]


class _Pinned(http.client.HTTPConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self):
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, policy: Policy, *, headers: dict[str, str] | None = None) -> Response:
    """GET ``url``, following up to five redirects, each checked like the first."""
    started = time.monotonic()
    history: list[str] = []
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"refused: {url[:200]} is not an http(s) URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = _resolve(parts.hostname, port, policy)
        remaining = policy.deadline - (time.monotonic() - started)
        if remaining <= 0:
            raise FetchError("timed out")
        connection = (_PinnedTLS if parts.scheme == "https" else _Pinned)(
            parts.hostname, port, ip, min(policy.timeout, remaining)
        )
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(
                "GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **(headers or {})}
            )
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                history.append(url)
                url = urljoin(url, response.getheader("Location"))
                response.close()
                continue
            body = _read(response, policy, started)
        except TimeoutError as exc:
            raise FetchError("timed out") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"unreachable: {type(exc).__name__}") from exc
        finally:
            connection.close()
        content_type, _, params = (response.getheader("Content-Type") or "").partition(";")
        charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";") if "charset=" in p), None)
        return Response(
            url=url,
            status=response.status,
            headers={k.lower(): v for k, v in response.getheaders()},
            body=body,
            content_type=content_type.strip().lower(),
            charset=charset,
            history=history,
        )
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _read(response, policy: Policy, started: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"too large ({int(declared):,} bytes; the limit is {policy.max_bytes:,})")
    chunks, size = [], 0
    while True:
        if time.monotonic() - started > policy.deadline:
            raise FetchError("timed out")
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"too large (over the limit of {policy.max_bytes:,} bytes)")
        chunks.append(chunk)
