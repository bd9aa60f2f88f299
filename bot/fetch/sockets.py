"""Connections pinned to checked addresses: the host name is kept for the Host header, TLS's SNI
and certificate verification, so a DNS answer that changes between the check and the connection
cannot redirect a request; a watchdog shuts a connection down when its fetch's deadline passes,
so a server that sends one byte at a time cannot hold it open."""

from __future__ import annotations

import contextlib
import heapq
import http.client
import itertools
import socket
import ssl
import threading
import time
from functools import lru_cache


@lru_cache(maxsize=8)
def tls_context(cafile: str | None) -> ssl.SSLContext:
    """Certificates and host names verified (the default context); made once, as loading the
    system's certificates costs milliseconds."""
    context = ssl.create_default_context(cafile=cafile)
    context.set_alpn_protocols(["http/1.1"])
    return context


class _Reaper:
    """One thread for every fetch's deadline (a timer thread per fetch costs more than a local
    fetch): it expires each watchdog whose time has come and was not cancelled."""

    def __init__(self):
        self._heap: list[tuple[float, int, Watchdog]] = []
        self._cond = threading.Condition()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, at: float, watchdog: Watchdog) -> None:
        with self._cond:
            heapq.heappush(self._heap, (at, next(self._order), watchdog))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="newsbot-fetch-deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        me = threading.current_thread()
        with self._cond:
            while self._thread is me:
                now = time.monotonic()
                while self._heap and (self._heap[0][2].cancelled or self._heap[0][0] <= now):
                    _at, _n, watchdog = heapq.heappop(self._heap)
                    watchdog.expire()
                self._cond.wait(self._heap[0][0] - now if self._heap else None)

    def stop(self, timeout: float | None = None) -> None:
        """End the thread (the next deadline starts another)."""
        with self._cond:
            thread, self._thread = self._thread, None
            self._cond.notify()
        if thread is not None:
            thread.join(timeout)


_REAPER = _Reaper()


def stop_deadlines(timeout: float | None = 10.0) -> None:
    """End the thread that keeps the fetches' deadlines (a process that stops)."""
    _REAPER.stop(timeout)


class Watchdog:
    """Shuts the connection's socket down when the fetch's deadline passes: a read blocked on
    a server that trickles bytes (each within the read timeout) then ends at once."""

    def __init__(self, seconds: float):
        self.expired = self.cancelled = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        _REAPER.add(time.monotonic() + max(seconds, 0.0), self)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            expired = self.expired
        if expired:
            self._shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            if self.cancelled:
                return
            self.expired = True
            sock = self._sock
        if sock is not None:
            self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # the plain socket's shutdown, also under TLS: it
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # unblocks a read in another thread

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True


def _connect(addresses: list[str], port: int, timeout: float, watchdog: Watchdog) -> socket.socket:
    """A TCP connection to the first checked address that answers."""
    error: OSError | None = None
    for ip in addresses:
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        watchdog.watch(sock)
        try:
            sock.settimeout(timeout)
            sock.connect((ip, port))
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
            if watchdog.expired:
                break
    assert error is not None
    raise error


class Pinned(http.client.HTTPConnection):
    """HTTP to checked addresses; ``host`` stays the name (for the Host header)."""

    def __init__(self, host, port, addresses, timeout, watchdog):
        super().__init__(host, port, timeout=timeout)
        self._addresses, self._watchdog = addresses, watchdog

    def connect(self):
        self.sock = _connect(self._addresses, self.port, self.timeout, self._watchdog)


class PinnedTLS(http.client.HTTPSConnection):
    """HTTPS to checked addresses: SNI and certificate verification use the host name."""

    def __init__(self, host, port, addresses, timeout, watchdog, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self._addresses, self._watchdog = addresses, watchdog

    def connect(self):
        sock = _connect(self._addresses, self.port, self.timeout, self._watchdog)
        try:
            tls = self._context.wrap_socket(sock, server_hostname=self.host, do_handshake_on_connect=False)
        except BaseException:
            sock.close()
            raise
        self._watchdog.watch(tls)
        self.sock = tls
        tls.do_handshake()
