"""Data flows one way: files -> extraction -> storage -> answers -> surfaces. A layer imports only
those below it, and the surfaces (Slack, the terminal, digests, follows) never import each other:
what several of them share lives below them (bot/answers, bot/map, bot/mrkdwn.py, bot/posted.py).
The composition roots (bot/app.py with bot/background.py, bot/cli.py) put them together."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

SURFACES = ("bot.slack", "bot.terminal", "bot.digest", "bot.follows")
# a layer and the layers it must not import
BELOW = {
    "bot.extract": ("bot.ingest", "bot.fetch", "storage", "bot.answers", *SURFACES),
    "storage": ("bot.ingest", "bot.fetch", "bot.answers", *SURFACES),
    "bot.answers": ("bot.ingest", "bot.fetch", *SURFACES),
    "bot.map": SURFACES,
    "bot.mrkdwn": SURFACES,
    "bot.posted": SURFACES,
}
ROOTS = {"bot/app.py", "bot/background.py", "bot/cli.py"}
# Slack hosts the follows' commands (/brief follow): its listeners read them
ALLOWED = {
    ("bot.slack.listeners", "bot.follows.commands"),
    ("bot.slack.listeners.commands.brief", "bot.follows.commands"),
}


def _module(path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


FILES = [p for p in sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "storage").rglob("*.py")])]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_module_imports_only_what_lies_below_it(path):
    if path.relative_to(ROOT).as_posix() in ROOTS:
        return
    module = _module(path)
    wrong = set()
    for name in _imports(path):
        for layer, forbidden in BELOW.items():
            if _under(module, layer):
                wrong |= {name for f in forbidden if _under(name, f)}
        for surface in SURFACES:
            if _under(module, surface):
                wrong |= {name for other in SURFACES if other != surface and _under(name, other)}
    assert not {w for w in wrong if (module, w) not in ALLOWED}


def test_the_check_sees_a_surface_importing_another(tmp_path):
    assert _under("bot.slack.render", "bot.slack") and not _under("bot.slacker", "bot.slack")
    assert "bot.slack.render" in _imports(ROOT / "bot" / "slack" / "listeners" / "common.py")
