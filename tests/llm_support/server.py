"""A small chat-completions server for fault tests, on the standard library only.

It speaks just enough of the OpenAI protocol (``POST /v1/chat/completions``,
``GET /v1/models``) for the real ``openai`` client to talk to it.  Replies
come from a queue of scripted ``Reply`` objects first, then from a
``responder(request_body) -> Reply`` function (by default ``echo_model``, a
stand-in "model" that reports every "X said Y." sentence of the article
verbatim).  Every request body is recorded for assertions.

Run as a script for the benchmark: ``python server.py --latency 0.2``
prints the base URL on its first line and serves until killed.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FaultServer", "Reply", "article_text", "claims_reply", "echo_model"]


@dataclass
class Reply:
    """One scripted answer.  ``content`` is the assistant message; ``raw`` replaces the whole body."""

    status: int = 200
    content: str | None = None
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    finish_reason: str = "stop"
    error: str = "scripted failure"


Responder = Callable[[dict[str, Any]], Reply]

_FENCE = re.compile(r"^(=====ARTICLE[^\n]*=====)\n(.*?)\n\1$", re.S | re.M)
_SAID = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) said(?: that)? ([^.\n]+)\.")


def article_text(body: dict[str, Any]) -> str:
    """The fenced article text of a request ("" if there is none)."""
    for message in body.get("messages", []):
        if message.get("role") == "user":
            match = _FENCE.search(message.get("content") or "")
            if match:
                return match.group(2)
    return ""


def claims_reply(claims: list[dict[str, Any]]) -> str:
    """A reply content with ``claims``, missing optional keys set to null."""
    full = []
    for claim in claims:
        item = {"source": None, "cue": None, "statement": None, "reported_at": None, "event_time": None, "certainty": None}
        item.update(claim)
        full.append(item)
    return json.dumps({"claims": full})


def echo_model(body: dict[str, Any]) -> Reply:
    """Report each "Name said something." of the article as an indirect claim."""
    claims = [
        {
            "content": m.group(2),
            "mode": "indirect",
            "source": {"name": m.group(1), "kind": "person", "mention": m.group(1)},
            "cue": {"text": "said", "lemma": "say"},
        }
        for m in _SAID.finditer(article_text(body))
    ]
    return Reply(content=claims_reply(claims))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default backlog of 5 drops bursts of connections (1 s SYN retry)


class FaultServer:
    """A threaded HTTP server on 127.0.0.1 with scripted behaviour."""

    def __init__(self, responder: Responder = echo_model, *, latency: float = 0.0, port: int = 0) -> None:
        self.responder = responder
        self.latency = latency
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", port), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        """The base URL to give the client (ends in ``/v1``)."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def script(self, *replies: Reply) -> None:
        """Queue replies to send, in order, before the responder is used."""
        with self._lock:
            self._script.extend(replies)

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            if self._script:
                return self._script.popleft()
        return self.responder(body)

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # one reply is headers + body: avoid the 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                body = {"object": "list", "data": [{"id": "fault-model", "object": "model", "owned_by": "tests"}]}
                self._send(200, json.dumps(body).encode())

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                with server._lock:
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                reply = server._next(body)
                if server.latency:
                    server._sleep(server.latency)
                if reply.delay:
                    server._sleep(reply.delay)
                    if server._stopping.is_set():
                        return
                if reply.raw is not None:
                    self._send(reply.status, reply.raw, reply.headers)
                elif reply.status != 200:
                    err = {"error": {"message": reply.error, "type": "scripted", "param": None, "code": None}}
                    self._send(reply.status, json.dumps(err).encode(), reply.headers)
                else:
                    content = reply.content or ""
                    payload = {
                        "id": f"chatcmpl-{len(server.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "fault-model"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": reply.finish_reason,
                            }
                        ],
                        "usage": {
                            "prompt_tokens": sum(len(str(m.get("content", ""))) // 4 for m in body.get("messages", [])),
                            "completion_tokens": len(content) // 4,
                            "total_tokens": 0,
                        },
                    }
                    self._send(200, json.dumps(payload).encode(), reply.headers)

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to wait before each reply")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = FaultServer(latency=args.latency, port=args.port).start()
    print(server.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
