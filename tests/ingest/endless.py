"""An extraction that never ends, for worker processes (``WorkerPool(initializer=...)``).

The pool pickles the extraction function by name, so a worker resolves it in its own modules:
:func:`endless_extraction`, run in each new worker, replaces it there (and only there) with
one that, given a text holding :data:`MARKER`, runs a pattern with nested repetition on a
string it cannot match: 2**64 steps inside the regex engine, holding the interpreter lock, as
the patterns of issue 16 did. A path after the marker (``NEVER-ENDING:/tmp/x``) is created
first, so a test knows when the worker has started on it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MARKER = "NEVER-ENDING"


def endless_extraction() -> None:
    from bot import extract

    real = extract.extract

    def never_ending(text: str, source: str = ""):
        if MARKER in text:
            flag = re.search(MARKER + r":(\S+)", text)
            if flag:
                Path(flag.group(1)).touch()
            re.match(r"(a+)+$", "a" * 64 + "!")
        return real(text, source)

    setattr(sys.modules[real.__module__], real.__name__, never_ending)


def endless_sentence(flag: Path) -> str:
    """A sentence that holds the marker and ``flag``'s path."""
    return f"The reader that gets this far reads {MARKER}:{flag} for ever and ever."


def started(flag: Path, timeout: float = 30.0) -> bool:
    """Whether a worker has started on the article that names ``flag``, waiting for it."""
    import time

    deadline = time.monotonic() + timeout
    while not flag.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
