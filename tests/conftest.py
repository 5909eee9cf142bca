"""Shared by every test folder: Qt runs offscreen, and QtWebEngine without a sandbox.

Both variables must be set before anything imports Qt, hence at the top here. The
index cache of opened files and every other cache go to a folder of this run's own,
never the user's.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
_CACHE = tempfile.TemporaryDirectory(prefix="kg-explorer-test-cache-")
os.environ["KG_EXPLORER_CACHE_DIR"] = str(Path(_CACHE.name) / "index")
os.environ["XDG_CACHE_HOME"] = str(Path(_CACHE.name) / "xdg")  # e.g. the saved font metrics

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def ui_data() -> Path:
    """Small Turtle files for the app and page tests."""
    return DATA / "ui"


OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


class OxigraphServer:
    """``oxigraph serve`` on a free 127.0.0.1 port, over a store loaded with *files* first.

    Each file is a path (into the default graph) or ``(path, graph IRI)``.
    """

    def __init__(self, location: Path, files: Iterable[Path | tuple[Path, str]]) -> None:
        location.parent.mkdir(parents=True, exist_ok=True)
        for item in files:
            path, graph = item if isinstance(item, tuple) else (item, None)
            cmd = [OXIGRAPH, "load", "--location", str(location), "--file", str(path)]
            subprocess.run(
                cmd + (["--graph", graph] if graph else []),
                check=True,
                capture_output=True,
                timeout=120,
            )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/query"
        self.proc = subprocess.Popen(
            [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the oxigraph server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def oxigraph_server():
    """Start real SPARQL servers: ``oxigraph_server(location, files)``; all stop at the end."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")
    started: list[OxigraphServer] = []

    def start(location: Path, files: Iterable[Path | tuple[Path, str]]) -> OxigraphServer:
        server = OxigraphServer(location, files)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


class RawServer:
    """Accepts connections on 127.0.0.1 and hands each socket to *handler* in a thread."""

    def __init__(self, handler: Callable[[socket.socket, RawServer], None]) -> None:
        self.handler = handler
        self.accepted = threading.Event()
        self.stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/sparql"
        self._conns: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self._conns.append(conn)
            self.accepted.set()
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            self.handler(conn, self)
        except OSError:
            pass

    def stop(self) -> None:
        self.stopping.set()
        self._listener.close()
        for conn in self._conns:
            conn.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[..., RawServer]]:
    """Start servers that misbehave on purpose: ``raw_server(handler)``; they stop with the test."""
    servers: list[RawServer] = []

    def start(handler: Callable[[socket.socket, RawServer], None]) -> RawServer:
        servers.append(RawServer(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()
