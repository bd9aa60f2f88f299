"""The store interface (storage/interface.py): the SQLite and the PostgreSQL stores implement it,
and the layers above use nothing of a store that it does not declare."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from storage import Store, digests, feeds, follows, graph, installations, notes, open_store
from storage.interface import (
    DigestLedger,
    FeedRecords,
    FollowLedger,
    GraphReads,
    InstallationLedger,
    NewsStore,
    Notes,
    Reads,
    Writes,
)
from storage.postgres import PostgresStore

ROOT = Path(__file__).resolve().parents[2]


def declared(protocol: type) -> dict[str, object]:
    """The members ``protocol`` (and the protocols it extends) declares."""
    found: dict[str, object] = {}
    for cls in reversed(protocol.__mro__):
        if cls is object or not getattr(cls, "_is_protocol", False):
            continue
        found.update({name: value for name, value in vars(cls).items() if not name.startswith("_")})
        found.update({name: None for name in getattr(cls, "__annotations__", {})})
    return found


def shape(function) -> list[tuple[str, object, bool]]:
    """Each parameter's name, kind, and whether it has a default (default values may differ)."""
    return [(p.name, p.kind, p.default is not p.empty) for p in inspect.signature(function).parameters.values()]


PARTS = [
    (DigestLedger, "Digests"),
    (FeedRecords, "Feeds"),
    (FollowLedger, "Follows"),
    (GraphReads, "Graph"),
    (Notes, "Notes"),
    (InstallationLedger, "Installations"),
]
PARTS_OF = [digests, feeds, follows, graph, notes, installations]  # one module each, both stores


@pytest.mark.parametrize(
    ("protocol", "implementation"),
    [
        *[(protocol, store) for store in (Store, PostgresStore) for protocol in (Reads, Writes, NewsStore)],
        *[(protocol, getattr(module, name)) for (protocol, name), module in zip(PARTS, PARTS_OF, strict=True)],
    ],
)
def test_each_store_implements_each_protocol_as_declared(protocol, implementation):
    for name, member in declared(protocol).items():
        parts = {"digests", "feeds", "follows", "graph", "notes", "installations", "read_only", "damage", "unclean"}
        assert hasattr(implementation, name) or name in parts, name
        if callable(member):
            assert shape(getattr(implementation, name)) == shape(member), name
        elif isinstance(member, property):
            assert isinstance(inspect.getattr_static(implementation, name), property), name


def test_a_store_is_each_protocol_at_run_time(location):
    store = open_store(location)
    assert isinstance(store, NewsStore)
    assert isinstance(store.digests, DigestLedger)
    assert isinstance(store.feeds, FeedRecords)
    assert isinstance(store.follows, FollowLedger)
    assert isinstance(store.graph, GraphReads)
    assert isinstance(store.notes, Notes)
    assert isinstance(store.installations, InstallationLedger)
    store.close()


# the composition roots open the store; everything else goes through the interface
ROOTS = {"bot/cli.py", "bot/app.py", "bot/background.py"}
STORE_NAMES = {"store", "_store"}


def _uses(tree: ast.AST) -> set[str]:
    """``x`` for every ``store.x`` / ``self.store.x``, and ``digests.y`` / ``feeds.y`` for
    ``store.digests.y`` / ``store.feeds.y``."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else None
        if name in STORE_NAMES:
            found.add(node.attr)
        elif name in {"digests", "feeds", "follows", "graph", "notes", "installations"} and isinstance(
            owner, ast.Attribute
        ):
            inner = owner.value
            inner_name = inner.id if isinstance(inner, ast.Name) else getattr(inner, "attr", None)
            if inner_name in STORE_NAMES:
                found.add(f"{name}.{node.attr}")
    return found


def test_the_layers_above_use_nothing_of_a_store_the_interface_does_not_declare():
    allowed = set(declared(NewsStore))
    allowed |= {f"digests.{name}" for name in declared(DigestLedger)}
    allowed |= {f"feeds.{name}" for name in declared(FeedRecords)}
    allowed |= {f"follows.{name}" for name in declared(FollowLedger)}
    allowed |= {f"graph.{name}" for name in declared(GraphReads)}
    allowed |= {f"notes.{name}" for name in declared(Notes)}
    allowed |= {f"installations.{name}" for name in declared(InstallationLedger)}
    outside = {}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in ROOTS or relative.startswith("bot/extract/"):
            continue
        extra = _uses(ast.parse(path.read_text(encoding="utf-8"))) - allowed
        if extra:
            outside[relative] = sorted(extra)
    assert outside == {}


def test_both_stores_keep_what_belongs_to_a_workspace_as_that_workspaces_own(location):
    """A workspace's feed, follow, digest and install are kept as its own on either store, never
    stored as everyone's (the PostgreSQL store refused them before it kept workspaces)."""
    now = "2026-01-01T00:00:00"
    store = open_store(location)
    try:
        assert store.feeds.add("https://example.com/feed", team="T1")
        assert store.follows.add("C1", "company", "Sony", now=now, created_by="U1", team="T1")
        store.digests.subscribe("C1", schedule="daily", at="08:00", zone="UTC", now=now, created_by="U1", team="T1")
        store.installations.save({"team_id": "T1", "bot_token": "xoxb-1"})
        assert store.feeds.all_feeds(team="T2") == [] and len(store.feeds.all_feeds(team="T1")) == 1
        assert store.follows.of_person("U1", team="T2") == [] and store.follows.every()[0]["team"] == "T1"
        assert (
            store.digests.subscriptions_by("U1", team="T2") == []
            and store.digests.subscription("C1", "T1")["team"] == "T1"
            and store.digests.subscription("C1", "T2") is None
            and store.digests.subscription("C1") is None  # no workspace's: the single-workspace mode's
        )
        assert store.installations.find(enterprise_id=None, team_id="T1")["bot_token"] == "xoxb-1"
        assert store.installations.find(enterprise_id=None, team_id="T2") is None
    finally:
        store.close()
