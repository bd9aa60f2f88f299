"""Settings, from the environment and a ``.env`` file (python-dotenv).

Variables already set in the environment win over ``.env``. Secrets are held as
:class:`Secret`, whose ``repr`` and ``str`` never show the value, so a settings object can be
logged without leaking a token.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from storage.locations import DatabaseURL, location

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
DEFAULT_EXTRACT_SECONDS = 20.0


class Secret(str):
    """A string that does not print itself."""

    def __repr__(self) -> str:
        return "Secret('********')" if self else "Secret('')"

    def __str__(self) -> str:
        return "********" if self else ""

    def reveal(self) -> str:
        return str.__str__(self)


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a whole number, not {raw!r}") from exc


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a number of seconds, not {raw!r}") from exc
    if not value > 0 or value == float("inf"):
        raise SystemExit(f"{name} must be a number of seconds above 0, not {raw!r}")
    return value


def worker_timeout() -> float:
    """``NEWSBOT_WORKER_TIMEOUT``: seconds a process may be silent before its claims on digests
    and follow posts are taken over by another (default 90; each process beats six times as
    often). Read once, when the digest and follow workers are imported."""
    return _seconds("NEWSBOT_WORKER_TIMEOUT", 90.0)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    db_path: Path | DatabaseURL = Path("newsbot.db")  # a file (SQLite) or a postgresql:// URL
    seeds_dir: Path = Path("seeds")
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    bot_token: Secret = field(default_factory=lambda: Secret(""))
    app_token: Secret = field(default_factory=lambda: Secret(""))
    signing_secret: Secret = field(default_factory=lambda: Secret(""))
    # many workspaces: the app installed by OAuth (bot.slack.oauth); both set switch it on
    client_id: str = ""
    client_secret: Secret = field(default_factory=lambda: Secret(""))
    scopes: tuple[str, ...] = ()  # SLACK_SCOPES; empty: the manifest's
    redirect_uri: str = ""  # SLACK_REDIRECT_URI; empty: the one set in the app's settings
    api_url: str = DEFAULT_API_URL
    log_level: str = "INFO"
    max_fetch_bytes: int = 5_000_000
    fetch_timeout: float = 10.0
    allow_private_urls: bool = False
    allow_loopback_urls: bool = False
    feed_poll_minutes: int = 30
    extract_seconds: float = DEFAULT_EXTRACT_SECONDS

    @property
    def has_socket_tokens(self) -> bool:
        return bool(self.bot_token) and bool(self.app_token)

    @property
    def oauth(self) -> bool:
        """Installed by OAuth in many workspaces (rather than one, with SLACK_BOT_TOKEN)."""
        return bool(self.client_id) and bool(self.client_secret)

    @classmethod
    def load(cls, env_file: str | Path | None = ".env") -> Settings:
        """Read settings; ``env_file`` (if it exists) fills in what the environment lacks."""
        if env_file is not None and Path(env_file).is_file():
            from dotenv import load_dotenv  # imported only when there is a file to read

            load_dotenv(env_file, override=False)
        env = os.environ
        api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL
        if not api_url.endswith("/"):
            api_url += "/"
        return cls(
            db_path=location(env.get("NEWSBOT_DB", "").strip() or "newsbot.db"),
            seeds_dir=Path(env.get("NEWSBOT_SEEDS", "").strip() or "seeds"),
            max_article_bytes=_int("NEWSBOT_MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES),
            bot_token=Secret(env.get("SLACK_BOT_TOKEN", "").strip()),
            app_token=Secret(env.get("SLACK_APP_TOKEN", "").strip()),
            signing_secret=Secret(env.get("SLACK_SIGNING_SECRET", "").strip()),
            client_id=env.get("SLACK_CLIENT_ID", "").strip(),
            client_secret=Secret(env.get("SLACK_CLIENT_SECRET", "").strip()),
            scopes=tuple(s.strip() for s in env.get("SLACK_SCOPES", "").split(",") if s.strip()),
            redirect_uri=env.get("SLACK_REDIRECT_URI", "").strip(),
            api_url=api_url,
            log_level=env.get("NEWSBOT_LOG_LEVEL", "").strip().upper() or "INFO",
            max_fetch_bytes=_int("NEWSBOT_MAX_FETCH_BYTES", 5_000_000),
            fetch_timeout=float(_int("NEWSBOT_FETCH_TIMEOUT", 10)),
            allow_private_urls=_flag("NEWSBOT_ALLOW_PRIVATE_URLS"),
            allow_loopback_urls=_flag("NEWSBOT_ALLOW_LOOPBACK_URLS"),
            feed_poll_minutes=max(1, _int("NEWSBOT_FEED_POLL_MINUTES", 30)),
            extract_seconds=_seconds("NEWSBOT_EXTRACT_SECONDS", DEFAULT_EXTRACT_SECONDS),
        )
