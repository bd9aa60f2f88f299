"""The storage tests run on both stores (see ``tests/conftest.py``)."""

from __future__ import annotations

import pytest

from storage import open_store


@pytest.fixture
def store(location):
    s = open_store(location)
    yield s
    s.close()
