"""The window under faults: hanging and dripping endpoints (real sockets on 127.0.0.1), a
load that outlives the window (a parent with 20,000 children), hostile text from data
and servers. Cancel stops waiting at once, closing exits the process, text stays text."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from ui.endpoint_dialog import open_endpoint_dialog
from ui.plain_text import tooltip

ROOT = Path(__file__).parents[2]
WAIT = 15_000
EXIT_GUARD_S = 120  # a hang guard for the child process, far below the endpoint's timeout
ENDPOINT_TIMEOUT = 600  # so nothing here can end by the socket or deadline giving up


def hang(_conn: socket.socket, _server) -> None:
    """Accept and never answer: the connection stays open until the server stops."""


def drip(conn: socket.socket, server) -> None:
    """Answer one byte a second, which no socket timeout notices."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
    reply = iter(head + b"Content-Length: 100000\r\n\r\n" + b" " * 100_000)
    while not server.stopping.wait(1):
        try:
            conn.send(bytes([next(reply)]))
        except (OSError, StopIteration):
            return


@pytest.fixture(params=["hanging", "dripping"])
def stuck_server(request, raw_server):
    return raw_server(drip if request.param == "dripping" else hang)


def test_cancel_stops_waiting_for_a_stuck_endpoint_at_once(qtbot, window, stuck_server):
    before = window.state.kg
    dialog = open_endpoint_dialog(window)
    dialog.url.setText(stuck_server.url)
    dialog.timeout.setValue(dialog.timeout.maximum())
    dialog.connect_endpoint()
    assert dialog.status.text() == "Connecting…" and dialog.connecting()
    assert stuck_server.accepted.wait(WAIT / 1000)  # the request is at the server, waiting
    [worker] = window.runner.running_workers()

    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dialog.connecting() and not window.runner.busy()  # at once
    assert not dialog.isVisible()
    window.state.select("https://w3id.org/kg-explorer/lanzhou/city-committee")
    assert window.state.kg is before  # the window answers meanwhile
    worker.join(WAIT / 1000)  # the cancel reached the request itself: it stops
    assert not worker.is_alive()

    assert window.runner.shutdown() == []  # what closing the window does first
    window.close()
    QCoreApplication.processEvents()
    assert window.state.kg is before


def _child(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """Run *body* in a fresh process with a window, as the app would; return how it ended."""
    script = tmp_path / "child.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from PySide6.QtCore import QTimer
            from ui.app import application, make_window

            app = application(["kg-explorer"])
            window = make_window(None, remember=False, ui_lang="en")
            window.show()

            def when(condition, then):
                timer = QTimer(interval=20)
                def check():
                    if condition():
                        timer.stop()
                        then()
                timer.timeout.connect(check)
                timer.start()
                window._poll = timer
            """
        )
        + textwrap.dedent(body)
        + "\nrc = app.exec()\nprint('exited', rc, flush=True)\nsys.exit(rc)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=EXIT_GUARD_S,
    )


def test_the_app_exits_when_closed_while_an_endpoint_hangs(tmp_path, raw_server):
    marker = tmp_path / "connected"  # touched on the first connection, for the child to see
    server = raw_server(lambda _conn, _server: marker.touch())
    try:
        done = _child(
            tmp_path,
            f"""
            from pathlib import Path
            from ui.endpoint_dialog import open_endpoint_dialog

            dialog = open_endpoint_dialog(window)
            dialog.url.setText({server.url!r})
            dialog.timeout.setValue({ENDPOINT_TIMEOUT})
            dialog.connect_endpoint()
            when(lambda: Path({str(marker)!r}).exists(), window.close)
            """,
        )
    finally:
        server.stop()
    assert marker.exists()  # the request reached the server, which never answered
    assert done.returncode == 0, done.stderr
    assert "exited 0" in done.stdout
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr


def test_closing_while_a_wide_file_loads_exits_and_the_window_stays_usable(tmp_path):
    """Finding 1: a parent with 20,000 children loads for minutes; the app aborted with
    ``QThread: Destroyed while thread is still running`` when it gave up on it."""
    wide = tmp_path / "wide.ttl"
    lines = [
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix ex: <http://example.org/> .",
        'ex:parent a org:Organization ; skos:prefLabel "Parent"@en .',
    ]
    lines += [
        f'ex:c{i} a org:Organization ; skos:prefLabel "Child {i}"@en ;'
        " org:subOrganizationOf ex:parent ."
        for i in range(20_000)
    ]
    wide.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _child(
        tmp_path,
        f"""
        assert window.open_file({str(wide)!r})
        city = window.state.resolve("兰州市委")
        window.qs.select(city)  # the article stays usable meanwhile
        assert city and window.state.selection.node_id == city
        assert window.is_loading()
        print("selected while loading", flush=True)
        when(lambda: window.runner.running_workers(), window.close)
        """,
    )
    assert done.returncode == 0, done.stderr
    assert "selected while loading" in done.stdout and "exited 0" in done.stdout
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr


class _ErrorPage(http.server.BaseHTTPRequestHandler):
    """An endpoint answering with an HTML error page holding a link and an image."""

    hits: ClassVar[list[str]] = []

    def do_POST(self):
        _ErrorPage.hits.append(self.path)
        port = self.server.server_address[1]
        body = (
            f'<a href="http://127.0.0.1:{port}/phish">Log in again</a>'
            f'<img src="http://127.0.0.1:{port}/img.png"><b>Service down</b>\n'
        ).encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *_args):
        pass


@pytest.fixture
def error_page_server():
    _ErrorPage.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ErrorPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_endpoints_html_error_page_is_shown_as_text_with_no_live_link(
    qtbot, window, error_page_server
):
    url = f"http://127.0.0.1:{error_page_server.server_address[1]}/sparql"
    dialog = open_endpoint_dialog(window)
    dialog.url.setText(url)
    dialog.connect_endpoint()
    qtbot.waitUntil(lambda: getattr(dialog, "error_box", None) is not None, timeout=WAIT)
    box = dialog.error_box
    assert "<a href=" in box.text() and "<img src=" in box.text()  # the words, as written
    assert box.textFormat() == Qt.TextFormat.PlainText
    labels = [*box.findChildren(QLabel), dialog.status]
    assert any("<a href=" in label.text() for label in labels)
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert not label.openExternalLinks()
    box.close()
    assert set(_ErrorPage.hits) == {"/sparql"}  # nothing fetched the image or the link


def test_hostile_labels_are_plain_text_in_the_breadcrumb_and_tree(qtbot, window, ui_data, tmp_path):
    text = (ui_data / "hostile.ttl").read_text(encoding="utf-8").replace("PORT", "9")
    hostile = tmp_path / "hostile.ttl"
    hostile.write_text(text, encoding="utf-8")
    window.open_file(str(hostile))
    qtbot.waitUntil(lambda: window.state.kg.source == str(hostile), timeout=WAIT)
    link = "http://127.0.0.1:9/entity/link"
    window.qs.select(link)
    crumb = window.breadcrumb
    assert crumb.textFormat() == Qt.TextFormat.PlainText
    assert "<img src=" in crumb.text() and '<a href="http://127.0.0.1:9/href">' in crumb.text()
    assert not crumb.openExternalLinks()
    tree = window.hierarchy
    qtbot.waitUntil(lambda: tree.current_id() == link, timeout=WAIT)
    index = tree.tree.currentIndex()
    assert "<a href=" in index.data()  # a view's item text is never rich text
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText() == link


@pytest.mark.parametrize(
    "text", ["<img src=x>", '<a href="http://x">y</a>', "</script><script>1</script>", "a & b"]
)
def test_a_tooltip_shows_exactly_its_text(qapp, text):
    document = QTextDocument()
    document.setHtml(tooltip(text))
    assert document.toPlainText() == text
    assert "<img" not in document.toHtml() and "<a href" not in document.toHtml()
