"""Which links and addresses newsbot fetches from: http(s) links with a host, a valid port and no
credentials, whose every address is public (private, loopback, link-local, unique-local, shared,
reserved and multicast addresses, also written as IPv4-mapped, 6to4 or NAT64 IPv6, are refused
unless the policy allows them). A refusal never says which address a name resolves to."""

from __future__ import annotations

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


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


def check_address(ip: str, policy: Policy, host: str | None = None) -> None:
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


def resolve(host: str, port: int, policy: Policy, seconds: float) -> list[str]:
    """Every address of ``host``, each checked; a look-up slower than ``seconds`` times out."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        check_address(str(literal), policy)
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
        check_address(ip, policy, host)
    return addresses


def target(url: str) -> tuple[SplitResult, str, int]:
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
    target(url)


def redact(url: str) -> str:
    """``url`` without any user name or password, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an invalid link)"
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]).geturl()
