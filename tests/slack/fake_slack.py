"""A local fake of Slack's Web API (and of response_url) that records every call.

It listens on 127.0.0.1 only. The bot's WebClient points at ``base_url`` (as SLACK_API_URL
would); slash-command payloads carry ``response_url`` pointing at ``/response/...`` here.

Installs by OAuth: :meth:`FakeSlack.code_for` makes the code Slack's authorize page would give
a workspace, which ``oauth.v2.access`` exchanges for a bot token (with ``rotation``, a refresh
token and an expiry too; ``grant_type=refresh_token`` then gives a new pair). A token rotated
away, past its expiry, or of a workspace :meth:`FakeSlack.uninstall` removed the app from, is
refused in every Web API call, as Slack refuses it. ``auth.test`` answers for the workspace of
the token it is given; a token the fake never issued is the single workspace's, T1. Enterprise
Grid: a code for a workspace of an org (``enterprise``), or for the org itself (``org_wide``: one
install, one token, for all its workspaces; ``oauth.v2.access`` then names no team, as Slack's does).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

BOT_USER = "UBOT"
CLIENT_ID = "111.222"
CLIENT_SECRET = "test-client-secret-abcdef0123456789"
DELIVERED_THEN_DROPPED = "delivered-then-dropped"  # a scripted answer: see FakeSlack.drop_after_next


@dataclass
class Call:
    path: str
    headers: dict
    body: dict

    @property
    def method(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass
class FakeSlack:
    server: ThreadingHTTPServer
    calls: list[Call] = field(default_factory=list)
    scripted: deque = field(default_factory=deque)  # (method, status, body, headers) answered once each
    messages: dict = field(default_factory=dict)  # channel -> messages posted there, for conversations.history
    counter: int = 0
    answers: dict = field(default_factory=dict)  # method -> the body it always answers with
    hold: threading.Event | None = None  # response_url posts are recorded, then held unanswered until it is set
    uploads: dict = field(default_factory=dict)  # file id -> the bytes uploaded to its upload URL
    files: dict = field(default_factory=dict)  # file id -> its completeUploadExternal call's body
    lock: threading.Lock = field(default_factory=threading.Lock)
    codes: dict = field(default_factory=dict)  # OAuth code -> (team, installer, enterprise, org_wide)
    tokens: dict = field(default_factory=dict)  # bot token issued -> team (an org-wide one's: the org)
    refresh_tokens: dict = field(default_factory=dict)  # refresh token issued -> team
    orgs: dict = field(default_factory=dict)  # team (or org, for an org-wide install) installed -> its org
    revoked: set = field(default_factory=set)  # tokens no longer valid (rotated away, or uninstalled)
    expires: dict = field(default_factory=dict)  # token issued with an expiry -> when it stops working
    refused: list = field(default_factory=list)  # calls refused for their token (see ``refusal``)
    rotation: bool = False  # tokens issued expire, with a refresh token
    expires_in: int = 43_200
    delay: dict = field(default_factory=dict)  # method -> seconds it takes to answer (carried out after)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    def fail_next(self, method: str, status: int = 200, body: dict | None = None, headers: dict | None = None):
        self.scripted.append((method, status, body or {"ok": False, "error": "fatal_error"}, headers or {}))

    def drop_next(self, method: str):
        """Close the connection without answering the next call to ``method``."""
        self.scripted.append((method, None, None, {}))

    def drop_after_next(self, method: str):
        """Carry out the next call to ``method`` (a post is stored, as Slack would), then close
        the connection without answering: Slack accepted it and its answer was lost."""
        self.scripted.append((method, DELIVERED_THEN_DROPPED, None, {}))

    def code_for(
        self, team: str, installer: str = "U1", *, enterprise: str | None = None, org_wide: bool = False
    ) -> str:
        """The code Slack's authorize page would give after ``installer`` approved the app in
        ``team`` (of the org ``enterprise``), or with ``org_wide`` in the whole org ``team``
        names (``enterprise`` by default)."""
        with self.lock:
            self.counter += 1
            code = f"code-{team}-{self.counter}"
            self.codes[code] = (team, installer, enterprise or (team if org_wide else None), org_wide)
        return code

    def token_of(self, call: Call) -> str | None:
        auth = call.headers.get("Authorization") or ""
        return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else call.body.get("token")

    def refusal(self, call: Call) -> dict | None:
        """Slack's answer to a Web API call made with a token that no longer works (rotated away,
        revoked, uninstalled: ``token_revoked``; past its expiry: ``token_expired``), else ``None``."""
        if not call.path.startswith("/api/") or call.method == "oauth.v2.access":
            return None
        token = self.token_of(call)
        with self.lock:
            if token in self.revoked:
                return {"ok": False, "error": "token_revoked"}
            if self.expires.get(token, float("inf")) <= time.time():
                return {"ok": False, "error": "token_expired"}
        return None

    def uninstall(self, team: str) -> None:
        """The app is removed from ``team``: Slack revokes its tokens (and its refresh tokens)."""
        with self.lock:
            self.revoked |= {t for t, owner in self.tokens.items() if owner == team}
            for refresh in [r for r, owner in self.refresh_tokens.items() if owner == team]:
                del self.refresh_tokens[refresh]

    def team_of(self, call: Call) -> str | None:
        """The workspace whose token made ``call`` (T1 for a token the fake never issued)."""
        token = self.token_of(call)
        return self.tokens.get(token, "T1")

    def record(self, call: Call) -> None:
        with self.lock:
            self.calls.append(call)

    def of(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method or c.path.startswith(f"/{method}")]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} {method} call(s), saw {[c.path for c in self.calls]}")

    def posts(self) -> list[Call]:
        """Everything that would show a message: chat.postMessage and response_url posts."""
        with self.lock:
            return [c for c in self.calls if c.method == "chat.postMessage" or c.path.startswith("/response/")]

    def _oauth_access(self, call: Call) -> dict:
        """oauth.v2.access: a code exchanged for a token, or a refresh token for a new pair."""
        auth = call.headers.get("Authorization") or ""
        pair = base64.b64decode(auth.removeprefix("Basic ")).decode() if auth.startswith("Basic ") else ":"
        if tuple(pair.split(":", 1)) != (CLIENT_ID, CLIENT_SECRET):
            return {"ok": False, "error": "invalid_client_id"}
        with self.lock:
            if call.body.get("grant_type") == "refresh_token":
                team = self.refresh_tokens.pop(call.body.get("refresh_token"), None)
                if team is None:
                    return {"ok": False, "error": "invalid_refresh_token"}
                self.revoked |= {t for t, owner in self.tokens.items() if owner == team}
                installer, enterprise, org_wide = None, self.orgs.get(team), team in self.orgs.values()
            else:
                team, installer, enterprise, org_wide = self.codes.pop(call.body.get("code"), (None, None, None, None))
                if team is None:
                    return {"ok": False, "error": "invalid_code"}
                if org_wide:
                    team = enterprise
                if enterprise:
                    self.orgs[team] = enterprise
            self.counter += 1
            token = f"xoxb-{team}-{self.counter}-secret"
            self.tokens[token] = team
            answer = {
                "ok": True,
                "access_token": token,
                "token_type": "bot",
                "scope": "commands,chat:write",
                "bot_user_id": f"UBOT{team}",
                "app_id": "A1",
                "team": None if org_wide else {"id": team, "name": f"Team {team}"},
                "enterprise": {"id": enterprise, "name": f"Org {enterprise}"} if enterprise else None,
                "is_enterprise_install": bool(org_wide),
            }
            if installer is not None:
                answer["authed_user"] = {"id": installer}
            if self.rotation or installer is None:  # a refresh gives a new pair
                refresh = f"xoxe-1-{team}-{self.counter}-refresh"
                self.refresh_tokens[refresh] = team
                answer |= {"refresh_token": refresh, "expires_in": self.expires_in}
                self.expires[token] = time.time() + self.expires_in
        return answer

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(fake_ref: list):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_POST(self):
            fake: FakeSlack = fake_ref[0]
            data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/upload/"):  # files_upload_v2's second step: the file's bytes
                self._upload(fake, data)
                return
            raw = data.decode("utf-8")
            if "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw or "{}")
            else:
                body = dict(parse_qsl(raw))
            call = Call(self.path, dict(self.headers), body)
            fake.record(call)
            if fake.delay.get(call.method):
                time.sleep(fake.delay[call.method])  # a slow Slack: carried out even if the caller is gone
            if fake.hold is not None and call.path.startswith("/response/"):
                fake.hold.wait(60)
            scripted = None
            with fake.lock:
                for i, (method, s, b, h) in enumerate(fake.scripted):
                    if method == call.method or call.path.startswith(f"/{method}"):
                        scripted = (s, b, h)
                        del fake.scripted[i]
                        break
            refused = None if scripted else fake.refusal(call)
            if refused:
                with fake.lock:
                    fake.refused.append(call)
            status, payload, headers = scripted or (200, refused or self._default(call), {})
            if status == DELIVERED_THEN_DROPPED:
                self._default(call)
                status = None
            if status is None:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            data = json.dumps(payload).encode() if not isinstance(payload, str) else payload.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if not isinstance(payload, str) else "text/plain")
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _upload(self, fake: FakeSlack, data: bytes) -> None:
            file_id = self.path.rsplit("/", 1)[-1]
            fake.record(Call(self.path, dict(self.headers), {"bytes": len(data)}))
            with fake.lock:
                known = file_id in fake.uploads
                if known:
                    fake.uploads[file_id] = data
            answer = f"OK - {len(data)}".encode() if known else b"unknown upload"
            self.send_response(200 if known else 404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        @staticmethod
        def _default(call: Call):
            fake: FakeSlack = fake_ref[0]
            if call.path.startswith("/response/"):
                return "ok"
            if call.method in fake.answers:
                return fake.answers[call.method]
            if call.method == "oauth.v2.access":
                return fake._oauth_access(call)
            if call.path.startswith("/api/") and call.method != "oauth.v2.access" and not fake.token_of(call):
                return {"ok": False, "error": "not_authed"}  # as Slack answers a call with no token
            if call.method == "auth.test":
                token = fake.token_of(call)
                team = fake.tokens.get(token, "T1")
                bot = BOT_USER if team == "T1" else f"UBOT{team}"
                answer = {"ok": True, "user_id": bot, "bot_id": f"B{bot}", "team_id": team, "user": "newsbot"}
                if team in fake.orgs:
                    answer |= {"enterprise_id": fake.orgs[team], "is_enterprise_install": fake.orgs[team] == team}
                return answer
            if call.method == "users.info":
                return {"ok": True, "user": {"id": call.body.get("user"), "tz": "America/New_York"}}
            if call.method == "chat.postMessage":
                with fake.lock:
                    fake.counter += 1
                    ts = f"{1_700_000_000 + fake.counter}.{fake.counter:06d}"
                    message = {"ts": ts, "text": call.body.get("text"), "metadata": call.body.get("metadata")}
                    fake.messages.setdefault(call.body.get("channel"), []).append(message)
                return {"ok": True, "channel": call.body.get("channel"), "ts": ts}
            if call.method == "files.getUploadURLExternal":
                with fake.lock:
                    fake.counter += 1
                    file_id = f"F{fake.counter:08d}"
                    fake.uploads[file_id] = None  # its bytes come to the upload URL
                return {"ok": True, "upload_url": f"{fake.url}/upload/{file_id}", "file_id": file_id}
            if call.method == "files.completeUploadExternal":
                files = json.loads(call.body.get("files") or "[]")
                with fake.lock:
                    missing = [f.get("id") for f in files if fake.uploads.get(f.get("id")) is None]
                    if missing:
                        return {"ok": False, "error": "file_not_found"}
                    for f in files:
                        fake.files[f["id"]] = call.body
                return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
            if call.method == "chat.getPermalink":
                channel, ts = call.body.get("channel"), call.body.get("message_ts")
                return {"ok": True, "channel": channel, "permalink": f"https://acme.slack.com/archives/{channel}/p{ts}"}
            if call.method == "conversations.history":
                with fake.lock:
                    messages = list(reversed(fake.messages.get(call.body.get("channel"), [])))
                return {"ok": True, "messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}
            return {"ok": True}

    return Handler


class _Server(ThreadingHTTPServer):
    # Slack does not reset a connection because many arrive at once; http.server's listen queue
    # of 5 does, when several processes post together on a loaded machine
    request_queue_size = 128


def start_fake_slack() -> FakeSlack:
    ref: list = []
    server = _Server(("127.0.0.1", 0), _handler(ref))
    fake = FakeSlack(server)
    ref.append(fake)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake
