"""Fetching over HTTP(S) safely: timeouts, a size limit, a clear user agent, and no requests to
private, loopback or link-local addresses (redirects included) unless a setting allows them.

Each hop's host is resolved once (within the deadline), every address it has is checked, and
the connection goes to a checked address, with the host name kept for the Host header, for
TLS's SNI and for certificate verification, so a DNS answer that changes between the check and
the connection cannot redirect the request. A watchdog closes the connection when the whole
fetch's deadline passes, so a server that sends one byte at a time cannot hold it open.
"""

from __future__ import annotations

import codecs
import contextlib
import heapq
import http.client
import ipaddress
import itertools
import re
import socket
import ssl
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import SplitResult, quote, urljoin, urlsplit

USER_AGENT = "newsbot/0.1 (+a Slack news bot; fetches articles and feeds its users added)"
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SAFE = "/%:@!$&'()*+,;=-._~?"  # characters left as they are in a path or query (spaces are quoted)


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, for the user."""


@dataclass(frozen=True)
class Policy:
    max_bytes: int = 5_000_000  # the body, after decompression
    timeout: float = 10.0  # per connect and per read
    deadline: float = 30.0  # for the whole fetch, name look-ups and redirects included
    allow_private: bool = False  # private, link-local, loopback, unique-local...
    allow_loopback: bool = False  # loopback only (what tests use)
    cafile: str | None = None  # certificates to trust instead of the system's (tests)


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None  # as the Content-Type header declares it, when Python knows it
    history: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body decoded: the header's charset, else a byte-order mark, else an HTML
        ``<meta charset>``, else UTF-8 when it is valid, else Windows-1252 (what browsers do)."""
        return decode(self.body, self.charset)


def decode(body: bytes, declared: str | None = None) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    name = _codec(declared) or _meta_charset(body[:4096])
    if name:
        return body.decode(name, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def _meta_charset(head: bytes) -> str | None:
    match = _META.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None


def _codec(name: str | None) -> str | None:
    """A charset name Python can decode with, or None (unknown names are ignored, not fatal)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip())
    except LookupError:
        return None
    # as browsers do: a page declaring UTF-16 in ASCII is UTF-8; Latin-1 and ASCII mean Windows-1252
    if codec.name.startswith("utf-16"):
        return "utf-8"
    return "cp1252" if codec.name in ("latin-1", "iso8859-1", "ascii") else codec.name


def _problem(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address must not be fetched from: "loopback", "private" (private, link-local,
    unique-local, shared, reserved, documentation...), "unusable" (unspecified, multicast), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:  # the IPv4 address it reaches decides
            return _problem(embedded) or (None if address.ipv4_mapped or address in _NAT64 else _problem_v6(address))
        return _problem_v6(address)
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified or address.is_multicast:
        return "unusable"
    if not address.is_global or address.is_private or address.is_reserved or address.is_link_local:
        return "private"
    return None


def _problem_v6(address: ipaddress.IPv6Address) -> str | None:
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified or address.is_multicast:
        return "unusable"
    if (
        not address.is_global
        or address.is_private
        or address.is_reserved
        or address.is_link_local
        or address.is_site_local
    ):
        return "private"
    return None


def _check_address(ip: str, policy: Policy, host: str | None = None) -> None:
    problem = _problem(ipaddress.ip_address(ip))
    if problem is None:
        return
    if problem == "loopback" and (policy.allow_loopback or policy.allow_private):
        return
    if problem == "private" and policy.allow_private:
        return
    # a name's address is never shown: it would tell anyone who can ask for a page what the
    # bot's internal names resolve to
    named = bool(host) and host != ip
    if problem == "unusable":
        raise FetchError(
            f"refused: {host} resolves to an address not to fetch from"
            if named
            else f"refused: {ip} is not an address to fetch from"
        )
    where = f"{host} resolves to" if named else f"{ip} is"
    raise FetchError(
        f"refused: {where} a private, loopback or reserved address (allowed only with NEWSBOT_ALLOW_PRIVATE_URLS=1)"
    )


_RESOLVER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsbot-resolve")


def _resolve(host: str, port: int, policy: Policy, seconds: float) -> list[str]:
    """Every address of ``host``, each checked; a look-up slower than ``seconds`` times out."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        _check_address(str(literal), policy)
        return [str(literal)]
    future = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=max(seconds, 0.001))
    except FutureTimeout as exc:
        raise FetchError(f"timed out looking up {host}") from exc
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"unreachable: cannot resolve {host}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"unreachable: cannot resolve {host}")
    for ip in addresses:  # every address the name has must be allowed, not just the first
        _check_address(ip, policy, host)
    return addresses


@lru_cache(maxsize=8)
def _tls_context(cafile: str | None) -> ssl.SSLContext:
    """Certificates and host names verified (the default context); made once, as loading the
    system's certificates costs milliseconds."""
    context = ssl.create_default_context(cafile=cafile)
    context.set_alpn_protocols(["http/1.1"])
    return context


class _Reaper:
    """One thread for every fetch's deadline (a timer thread per fetch costs more than a local
    fetch): it expires each watchdog whose time has come and was not cancelled."""

    def __init__(self):
        self._heap: list[tuple[float, int, _Watchdog]] = []
        self._cond = threading.Condition()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, at: float, watchdog: _Watchdog) -> None:
        with self._cond:
            heapq.heappush(self._heap, (at, next(self._order), watchdog))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="newsbot-fetch-deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                while self._heap and (self._heap[0][2].cancelled or self._heap[0][0] <= now):
                    _at, _n, watchdog = heapq.heappop(self._heap)
                    watchdog.expire()
                self._cond.wait(self._heap[0][0] - now if self._heap else None)


_REAPER = _Reaper()


class _Watchdog:
    """Shuts the connection's socket down when the fetch's deadline passes: a read blocked on
    a server that trickles bytes (each within the read timeout) then ends at once."""

    def __init__(self, seconds: float):
        self.expired = self.cancelled = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        _REAPER.add(time.monotonic() + max(seconds, 0.0), self)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            expired = self.expired
        if expired:
            self._shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            if self.cancelled:
                return
            self.expired = True
            sock = self._sock
        if sock is not None:
            self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # the plain socket's shutdown, also under TLS: it
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # unblocks a read in another thread

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True


def _connect(addresses: list[str], port: int, timeout: float, watchdog: _Watchdog) -> socket.socket:
    """A TCP connection to the first checked address that answers."""
    error: OSError | None = None
    for ip in addresses:
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        watchdog.watch(sock)
        try:
            sock.settimeout(timeout)
            sock.connect((ip, port))
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
            if watchdog.expired:
                break
    assert error is not None
    raise error


class _Pinned(http.client.HTTPConnection):
    """HTTP to checked addresses; ``host`` stays the name (for the Host header)."""

    def __init__(self, host, port, addresses, timeout, watchdog):
        super().__init__(host, port, timeout=timeout)
        self._addresses, self._watchdog = addresses, watchdog

    def connect(self):
        self.sock = _connect(self._addresses, self.port, self.timeout, self._watchdog)


class _PinnedTLS(http.client.HTTPSConnection):
    """HTTPS to checked addresses: SNI and certificate verification use the host name."""

    def __init__(self, host, port, addresses, timeout, watchdog, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self._addresses, self._watchdog = addresses, watchdog

    def connect(self):
        sock = _connect(self._addresses, self.port, self.timeout, self._watchdog)
        try:
            tls = self._context.wrap_socket(sock, server_hostname=self.host, do_handshake_on_connect=False)
        except BaseException:
            sock.close()
            raise
        self._watchdog.watch(tls)
        self.sock = tls
        tls.do_handshake()


def _target(url: str) -> tuple[SplitResult, str, int]:
    """The parts, host and port of an http(s) URL; anything else is refused with a reason."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise FetchError("refused: not a valid link") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"refused: {redact(url)[:200]} is not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        raise FetchError("refused: links with a user name or password in them are not fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"refused: {redact(url)[:200]} has an invalid port") from exc
    return parts, parts.hostname, port


def check_url(url: str) -> None:
    """:class:`FetchError` unless ``url`` is one :func:`fetch` would try (http(s), a host, a
    valid port, no credentials); its addresses are checked when it is fetched."""
    _target(url)


def redact(url: str) -> str:
    """``url`` without any user name or password, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an invalid link)"
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]).geturl()


def fetch(url: str, policy: Policy, *, headers: dict[str, str] | None = None) -> Response:
    """GET ``url``, following up to five redirects, each checked like the first."""
    deadline = time.monotonic() + policy.deadline
    history: list[str] = []
    for _hop in range(MAX_REDIRECTS + 1):
        parts, host, port = _target(url)
        addresses = _resolve(host, port, policy, deadline - time.monotonic())
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("timed out")
        watchdog = _Watchdog(remaining)
        timeout = min(policy.timeout, remaining)
        if parts.scheme == "https":
            connection = _PinnedTLS(host, port, addresses, timeout, watchdog, _tls_context(policy.cafile))
        else:
            connection = _Pinned(host, port, addresses, timeout, watchdog)
        path = quote(parts.path or "/", safe=_SAFE) + (f"?{quote(parts.query, safe=_SAFE)}" if parts.query else "")
        sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **(headers or {})}
        try:
            connection.request("GET", path, headers=sent)
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in REDIRECTS and location:
                history.append(url)
                url = urljoin(url, location.strip())
                continue
            body = _read(response, policy)
        except FetchError:
            raise
        except ssl.SSLCertVerificationError as exc:
            raise FetchError(f"refused: {host}'s certificate is not valid ({exc.verify_message})") from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if watchdog.expired:
                raise FetchError("timed out") from exc
            raise FetchError(_describe(exc, host)) from exc
        finally:
            watchdog.cancel()
            connection.close()
        if watchdog.expired:  # the body ended because the watchdog cut it short
            raise FetchError("timed out")
        content_type, _, params = (response.getheader("Content-Type") or "").partition(";")
        charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";") if "charset=" in p.lower()), None)
        return Response(
            url=url,
            status=response.status,
            headers={k.lower(): v for k, v in response.getheaders()},
            body=body,
            content_type=content_type.strip().lower(),
            charset=_codec(charset),
            history=history,
        )
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _describe(exc: BaseException, host: str) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return f"unreachable: {host} refused the connection"
    if isinstance(exc, ssl.SSLError):
        return f"unreachable: the secure connection to {host} failed ({exc.reason or type(exc).__name__})"
    if isinstance(exc, http.client.IncompleteRead | http.client.RemoteDisconnected):
        return f"unreachable: {host} closed the connection before the end of its answer"
    if isinstance(exc, http.client.HTTPException | ValueError):
        return f"unreachable: {host} sent an invalid answer ({type(exc).__name__})"
    return f"unreachable: {host} ({getattr(exc, 'strerror', None) or type(exc).__name__})"


def _decoder(response) -> zlib._Decompress | None:
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib-wrapped (or gzip); raw deflate below
    raise FetchError(f"unsupported content encoding ({encoding[:40]})")


def _read(response, policy: Policy) -> bytes:
    """The body, refused as soon as it (or, compressed, what it expands to) passes the limit."""
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"too large ({int(declared):,} bytes; the limit is {policy.max_bytes:,})")
    decoder = _decoder(response)
    chunks, size, received = [], 0, 0
    while True:
        raw = response.read1(65536)
        if not raw:
            break
        received += len(raw)
        if received > policy.max_bytes:
            raise FetchError(f"too large (over the limit of {policy.max_bytes:,} bytes)")
        chunk = raw
        if decoder is not None:
            decoder, chunk = _inflate(decoder, raw, policy.max_bytes - size + 1, first=received == len(raw))
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"too large (over the limit of {policy.max_bytes:,} bytes once decompressed)")
        chunks.append(chunk)
    if decoder is not None:
        try:
            tail = decoder.flush()
        except zlib.error as exc:
            raise FetchError("the answer's compressed body is corrupt") from exc
        if size + len(tail) > policy.max_bytes:
            raise FetchError(f"too large (over the limit of {policy.max_bytes:,} bytes once decompressed)")
        chunks.append(tail)
    return b"".join(chunks)


def _inflate(decoder, raw: bytes, room: int, *, first: bool):
    """(decoder, at most ``room`` bytes from ``raw``, plus one when there was more): a compressed
    body cannot expand past the limit in memory. Deflate sent without its zlib header (as some
    servers do) is read as raw deflate."""
    try:
        out = decoder.decompress(raw, room)
    except zlib.error:
        if not first:
            raise FetchError("the answer's compressed body is corrupt") from None
        decoder = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            out = decoder.decompress(raw, room)
        except zlib.error:
            raise FetchError("the answer's compressed body is corrupt") from None
    return decoder, out + (b"\0" if decoder.unconsumed_tail else b"")
