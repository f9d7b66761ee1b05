"""A chat-completions server on 127.0.0.1 for the tests: it speaks the OpenAI protocol
(GET /v1/models, POST /v1/chat/completions, POST /v1/embeddings) and records every request
it receives, so that a test can assert what reached it and what never did.

Its embeddings are a bag of words: each word (lower-cased, without its ending "s") adds
1 to one of `DIMENSIONS` components chosen by a hash of it, so texts sharing words are
near and texts sharing none are orthogonal, whatever their order."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "test-model-7b"
EMBEDDING_MODEL = "test-embed"
DIMENSIONS = 256


def bag_of_words(text: str) -> list[float]:
    import hashlib
    import re

    vector = [0.0] * DIMENSIONS
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        word = word[:-1] if len(word) > 3 and word.endswith("s") else word
        slot = int(hashlib.md5(word.encode()).hexdigest(), 16) % DIMENSIONS
        vector[slot] += 1.0
    return vector


@dataclasses.dataclass
class Answer:
    """What the server does with one chat request."""

    content: str = "Done: the weekly numbers went out."
    status: int = 200
    body: bytes | None = None  # sent as is instead of a chat completion
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    delay: float = 0.0  # seconds to sleep before answering


@dataclasses.dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: Any  # the JSON body, or None

    @property
    def text(self) -> str:
        """Every message's content, joined: all the words that reached the server."""
        if not isinstance(self.body, dict):
            return ""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


class ChatServer:
    def __init__(self, port: int = 0, model: str = MODEL) -> None:
        self.model = model  # the one model GET /v1/models lists
        self.received: list[Received] = []
        self.answers: list[Answer] = []  # taken in order; the default when empty
        self.default: Callable[[Any], Answer] = lambda body: Answer()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.received.append(Received("GET", self.path, dict(self.headers), None))
                if self.path.rstrip("/") == "/v1/models":
                    self._send(200, {"object": "list",
                                     "data": [{"id": server.model, "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except json.JSONDecodeError:
                    body = None
                server.received.append(Received("POST", self.path, dict(self.headers), body))
                if self.path.rstrip("/") == "/v1/embeddings":
                    texts = (body or {}).get("input") or []
                    self._send(200, {"object": "list", "model": (body or {}).get("model"),
                                     "data": [{"object": "embedding", "index": i,
                                               "embedding": bag_of_words(t)}
                                              for i, t in enumerate(texts)]})
                    return
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found"}})
                    return
                answer = server.answers.pop(0) if server.answers else server.default(body)
                if answer.delay:
                    time.sleep(answer.delay)
                if answer.body is not None:
                    self._raw(answer.status, answer.body, answer.headers)
                elif answer.status != 200:
                    self._send(answer.status, {"error": {"message": f"error {answer.status}"}},
                               answer.headers)
                else:
                    self._send(200, {
                        "id": "chatcmpl-1", "object": "chat.completion",
                        "model": (body or {}).get("model", server.model),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant",
                                                 "content": answer.content}}],
                        "usage": {"prompt_tokens": 321, "completion_tokens": 45,
                                  "total_tokens": 366}})

            def _send(self, status: int, data: Any, headers: dict[str, str] | None = None
                      ) -> None:
                self._raw(status, json.dumps(data).encode(), headers or {})

            def _raw(self, status: int, data: bytes, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def chats(self) -> list[Received]:
        return [r for r in self.received if r.path.rstrip("/") == "/v1/chat/completions"]

    @property
    def embedded(self) -> list[str]:
        """Every text sent to /v1/embeddings, in order."""
        return [text for r in self.received if r.path.rstrip("/") == "/v1/embeddings"
                for text in (r.body or {}).get("input", [])]

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
