"""``manifest.yaml``'s slash commands, written from ``bot.answers.commands``: after adding or
changing a command, ``python -m bot.slack.manifest`` brings the manifest up to date (and
tests/slack/test_manifest.py fails until it is)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.answers.commands import SLASH

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yaml"
HEAD = "  slash_commands:\n"


def slash_commands() -> str:
    """The ``slash_commands`` block, as the manifest holds it."""
    out = [HEAD]
    for c in SLASH:
        out += [
            f"    - command: /{c.name}\n",
            f"      description: {c.description}\n",
            f"      usage_hint: {json.dumps(c.hint)}\n",
            "      should_escape: false\n",
        ]
    return "".join(out)


def updated(text: str) -> str:
    """``text`` (the manifest) with its slash commands written from the registry."""
    start = text.index(HEAD)
    end = start + len(HEAD)
    lines = text[end:].splitlines(keepends=True)
    for line in lines:
        if line.strip() and len(line) - len(line.lstrip()) <= 2:
            break
        end += len(line)
    return text[:start] + slash_commands() + text[end:]


def main() -> int:
    text = MANIFEST.read_text(encoding="utf-8")
    MANIFEST.write_text(updated(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
