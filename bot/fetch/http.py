"""Fetching over HTTP(S) safely: timeouts, a size limit, a clear user agent, redirects followed by
hand, bodies decompressed and decoded. Each hop's host is resolved once (within the deadline)
and every address it has checked (``bot.fetch.addresses``); the connection goes to a checked
address, under the fetch's deadline (``bot.fetch.sockets``).
"""

from __future__ import annotations

import codecs
import http.client
import re
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

from bot.fetch.addresses import FetchError, Policy, resolve, target
from bot.fetch.sockets import Pinned, PinnedTLS, Watchdog, tls_context

USER_AGENT = "newsbot/0.1 (+a Slack news bot; fetches articles and feeds its users added)"
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
_SAFE = "/%:@!$&'()*+,;=-._~?"  # characters left as they are in a path or query (spaces are quoted)


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


def fetch(url: str, policy: Policy, *, headers: dict[str, str] | None = None) -> Response:
    """GET ``url``, following up to five redirects, each checked like the first."""
    deadline = time.monotonic() + policy.deadline
    history: list[str] = []
    for _hop in range(MAX_REDIRECTS + 1):
        parts, host, port = target(url)
        addresses = resolve(host, port, policy, deadline - time.monotonic())
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("timed out")
        watchdog = Watchdog(remaining)
        timeout = min(policy.timeout, remaining)
        if parts.scheme == "https":
            connection = PinnedTLS(host, port, addresses, timeout, watchdog, tls_context(policy.cafile))
        else:
            connection = Pinned(host, port, addresses, timeout, watchdog)
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
