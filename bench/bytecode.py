"""The measured checkout's modules compiled to bytecode before a benchmark times its commands.

An installed newsbot starts from bytecode: pip compiles a package's modules when it installs
them, and an editable install writes ``__pycache__`` on its first run. With
``PYTHONDONTWRITEBYTECODE`` set (as on the project's machine) nothing is ever written, and
every process a benchmark starts compiled the project's ~140 modules from source again: 0.15
to 0.3 s of each start (bench/README.md, issue 21), which is no part of what a user waits for.
``compileall`` writes the bytecode whatever that variable says; the processes then read it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGES = ("bot", "storage")


def compile_tree(tree: Path) -> None:
    """Write the bytecode of ``tree``'s packages (``__pycache__``, ignored by git)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *PACKAGES], cwd=tree, check=True, stdout=subprocess.DEVNULL
    )
