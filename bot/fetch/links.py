"""Links: the canonical form that recognises one story under several URLs, and the clean form
that is stored and cited (tracking parameters and fragment dropped, nothing else changed)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# parameters that only say where a click came from; matched by name (or the utm_ prefix), so a
# parameter that names the story (ref_id=7, region=eu) is never dropped
TRACKING_PREFIXES = ("utm_",)
TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "cmpid",
        "ocid",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING or name.startswith(TRACKING_PREFIXES)


def _host(parts) -> str:
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a number: kept as written, the fetch refuses it
        return parts.netloc.rpartition("@")[2].lower()
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host += f":{port}"
    return host


def canonical(url: str) -> str:
    """Scheme and host lower-cased, the scheme's default port, user name, fragment and
    tracking parameters dropped, parameters sorted, a trailing slash on the path removed."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), _host(parts), path, urlencode(query), ""))


def clean(url: str) -> str:
    """``url`` as it will be stored and cited: without tracking parameters, fragment or user
    name and password; otherwise as written."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    pairs = [p for p in parts.query.split("&") if p and not _tracking(p.partition("=")[0])]
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", "&".join(pairs), ""))


def same_site(a: str, b: str) -> bool:
    """The two links are on one site: the same host, give or take a ``www.``, ``m.`` or
    ``amp.`` in front (a page may name its canonical link on its desktop or mobile host)."""

    def bare(url: str) -> str:
        try:
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
        except ValueError:
            return ""
        first, _, rest = host.partition(".")
        return rest if first in ("www", "m", "amp", "mobile") and "." in rest else host

    return bool(bare(a)) and bare(a) == bare(b)
