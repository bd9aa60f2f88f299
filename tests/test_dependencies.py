"""What the run command installs (pyproject's dependencies, without the dev extras) is enough
for the main jobs: extracting a page with trafilatura needs ``lxml.html.clean``, a package of
its own since lxml 5.2 that only a dev dependency (sumy) brought in. CI also runs the jobs in
an environment made with the run command alone (.ci/smoke)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata

from packaging.requirements import Requirement  # pytest's own dependency

from tests.conftest import ROOT


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure() -> set[str]:
    """The distributions the project's dependencies bring in, as ``pip install -e .`` does at
    the least: each requirement whose markers hold, and theirs in turn; extras are not
    followed. (justext asks for ``lxml[html_clean]``; lxml declares ``html-clean``, and pip
    23.2, the one ``python3.11 -m venv`` makes, does not take one for the other.)"""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pending = [Requirement(text) for text in project["dependencies"]]
    found: set[str] = set()
    while pending:
        requirement = pending.pop()
        if _key(requirement.name) in found:
            continue
        found.add(_key(requirement.name))
        for text in metadata.distribution(requirement.name).requires or []:
            inner = Requirement(text)
            if inner.marker is None or inner.marker.evaluate({"extra": ""}):
                pending.append(inner)
    return found


def test_the_runtime_dependencies_bring_in_what_trafilatura_imports():
    """trafilatura extracts a page in a process that can import only what the runtime
    dependencies bring in (and the standard library)."""
    allowed = sorted(runtime_closure())
    assert "lxml-html-clean" in allowed
    script = r"""
import importlib.abc, importlib.metadata, re, sys
allowed = set(sys.argv[1].split(","))
owners = importlib.metadata.packages_distributions()
key = lambda name: re.sub(r"[-_.]+", "-", name).lower()

class OnlyRuntime(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        dists = {key(d) for d in owners.get(top, [])}
        if dists and not dists & allowed:
            raise ImportError(f"{top} comes from {sorted(dists)}, not a runtime dependency")
        return None

sys.meta_path.insert(0, OnlyRuntime())
import trafilatura
paragraph = "<p>Nokia and Ericsson compete for 6G network contracts in Europe, executives said.</p>"
html = "<html><body><article><h1>Nokia sells 6G</h1>" + paragraph * 8 + "</article></body></html>"
text = trafilatura.extract(html)
assert text and "Ericsson" in text, text
import lxml.html.clean
print("extracted")
"""
    result = subprocess.run(
        [sys.executable, "-c", script, ",".join(allowed)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "extracted\n"


def test_the_dev_extras_are_not_what_makes_it_work():
    """The closure is computed without extras: sumy (a dev dependency) is not in it."""
    closure = runtime_closure()
    assert "sumy" not in closure and "pytest" not in closure
    assert {"trafilatura", "justext", "lxml", "slack-bolt"} <= closure
