"""A local stand-in for Slack's Socket Mode endpoint: a minimal WebSocket server (RFC 6455) on
127.0.0.1 that sends envelopes and records what the client sends back (its acknowledgements).

Enough of the protocol for slack_sdk's built-in client: the opening handshake, text frames
both ways, ping/pong and close. Written for these tests; no third-party code.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import struct
import threading
import time

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class SocketModeServer:
    def __init__(self, ticket: str = "test"):
        self.ticket = ticket  # the short-lived credential Slack puts in the URL
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received: list[dict] = []
        self.connected = threading.Event()
        self.lock = threading.Lock()
        self.conn: socket.socket | None = None
        self.closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link/?ticket={self.ticket}&app_id=A1"

    # -- the server side ----------------------------------------------------------------------

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        headers = dict(line.split(": ", 1) for line in request.decode().split("\r\n")[1:] if ": " in line)
        key = {k.lower(): v for k, v in headers.items()}["sec-websocket-key"].strip()
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        conn.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        self.conn = conn
        self.connected.set()
        self.send({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}})
        try:
            while True:
                opcode, payload = self._read_frame(conn)
                if opcode == 0x8:
                    break
                if opcode == 0x9:
                    self._write_frame(0xA, payload)
                elif opcode == 0x1:
                    with self.lock:
                        self.received.append(json.loads(payload.decode()))
        except (OSError, ConnectionError):
            pass
        finally:
            conn.close()

    @staticmethod
    def _read_exact(conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def _read_frame(self, conn: socket.socket) -> tuple[int, bytes]:
        first, second = self._read_exact(conn, 2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", self._read_exact(conn, 2))[0]
        elif size == 127:
            size = struct.unpack("!Q", self._read_exact(conn, 8))[0]
        mask = self._read_exact(conn, 4) if second & 0x80 else b"\0\0\0\0"
        data = self._read_exact(conn, size)
        return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    def _write_frame(self, opcode: int, payload: bytes) -> None:
        head = bytes([0x80 | opcode])
        if len(payload) < 126:
            head += bytes([len(payload)])
        elif len(payload) < 1 << 16:
            head += bytes([126]) + struct.pack("!H", len(payload))
        else:
            head += bytes([127]) + struct.pack("!Q", len(payload))
        assert self.conn is not None
        self.conn.sendall(head + payload)

    # -- for the tests -------------------------------------------------------------------------

    def send(self, envelope: dict) -> None:
        self._write_frame(0x1, json.dumps(envelope).encode())

    def acks(self) -> list[str]:
        with self.lock:
            return [m["envelope_id"] for m in self.received if "envelope_id" in m]

    def wait_for_acks(self, count: int, timeout: float = 10.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.acks()) >= count:
                return self.acks()
            time.sleep(0.01)
        raise AssertionError(f"expected {count} acknowledgements, got {self.acks()}")

    def close(self) -> None:
        self.listener.close()
        if self.conn is not None:
            with contextlib.suppress(OSError):
                self.conn.shutdown(socket.SHUT_RDWR)
