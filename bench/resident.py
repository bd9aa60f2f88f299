"""Holding a store's file in memory while a benchmark runs (``--resident``).

This machine pages out file pages nobody has used for about a minute (DAMON's ``pageout``
scheme on unmapped page cache: ``/sys/kernel/mm/damon/admin``), so an answer about a name
nobody asked about lately reads its pages from the disk, 0.3 to 1.5 ms a read here, where a
server with memory to spare would find them in the page cache. Both are real; to tell what
newsbot's code costs from what those reads cost, a benchmark can run with the store's pages
locked in memory by the benchmark process (``mmap`` + ``mlock``, as ``vmtouch -l`` does). The
server reads them as ever, through SQLite's own reads from the page cache.

Without the privilege to lock (``CAP_IPC_LOCK`` or a large enough ``ulimit -l``), the pages
are mapped and read once instead: mapped pages are not what that scheme pages out, though
memory pressure may still evict them. The benchmark says which it got.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import mmap
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_FAILED = ctypes.c_void_p(-1).value


def _libc():
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    libc.mlock.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    libc.munlock.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    return libc


@contextmanager
def resident(paths: list[str]) -> Iterator[str]:
    """Keep the files at ``paths`` in memory until the block ends; yields how ("locked" or
    "mapped")."""
    libc = _libc()
    held: list[tuple[int, int]] = []
    how = "locked"
    try:
        for path in paths:
            size = os.path.getsize(path)
            if size == 0:
                continue
            fd = os.open(path, os.O_RDONLY)
            try:
                addr = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
            finally:
                os.close(fd)  # the mapping keeps the file
            if addr in (None, _FAILED):
                raise OSError(ctypes.get_errno(), f"cannot map {path}")
            held.append((addr, size))
            if how == "locked" and libc.mlock(addr, size) != 0:
                how = "mapped"
                print(f"resident: cannot lock {path} ({os.strerror(ctypes.get_errno())}): mapped only", file=sys.stderr)
            if how == "mapped":
                libc.madvise(addr, size, mmap.MADV_WILLNEED)
                page = mmap.PAGESIZE
                data = (ctypes.c_char * size).from_address(addr)
                for offset in range(0, size, page):
                    _ = data[offset]  # a read faults the page in
        yield how
    finally:
        for addr, size in held:
            libc.munlock(addr, size)
            libc.munmap(addr, size)
