"""Endpoints that misbehave, as real servers on 127.0.0.1 (raw sockets in threads).

A server that drips one byte at a time, one that accepts and never answers and
one that answers garbage must each end in one plain ``EndpointError`` naming
the endpoint, within the request's deadline; a request can be cancelled from
another thread. Nothing here measures time: a thread join with a generous bound
only guards against a hang.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from explorer.sources.sparql import EndpointGraph
from explorer.sources.sparql_http import (
    CACHE_ROWS,
    EndpointError,
    RequestCancelled,
    SparqlClient,
    cancel_when,
)

if TYPE_CHECKING:
    from conftest import RawServer  # tests/conftest.py, with its raw_server fixture
from explorer.sources.sparql_json import MalformedReply, read_results

SCRIPT = Path(sys.executable).parent / "kg-explorer"
HANG_GUARD = 60  # seconds: only to turn a hang into a failure, never reached when it works
ASK_TRUE = b'{"head": {}, "boolean": true}'
E = "https://example.org/e"


def read_request(conn: socket.socket) -> bytes:
    """The request's body (the SPARQL form), read through its Content-Length."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        ),
        0,
    )
    while len(body) < length:
        body += conn.recv(65536)
    return body


def reply(
    conn: socket.socket, body: bytes, content_type: str = "application/sparql-results+json"
) -> None:
    conn.sendall(
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n".encode()
        + body
    )


def answering(select: bytes, content_type: str = "application/sparql-results+json"):
    """A server that answers ASK with true and every SELECT with *select*."""

    def handler(conn: socket.socket, server: RawServer) -> None:
        body = read_request(conn)
        reply(conn, ASK_TRUE if b"ASK" in body else select, content_type)
        conn.close()

    return handler


def outcome_of(job: Callable[[], object]) -> BaseException | None:
    """Run *job* in a thread; its exception (None if it returned). Fails on a hang."""
    box: list[BaseException | None] = []

    def run() -> None:
        try:
            job()
            box.append(None)
        except BaseException as exc:
            box.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), "the request hung past its deadline"
    return box[0]


# --- deadlines ------------------------------------------------------------------------
def drip_headers(conn: socket.socket, server: RawServer) -> None:
    read_request(conn)
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n":
        if server.stopping.wait(0.2):
            return
        conn.sendall(bytes([byte]))


def drip_body(conn: socket.socket, server: RawServer) -> None:
    read_request(conn)
    body = ASK_TRUE * 1000
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    conn.sendall(head.encode() + b"\r\n")
    for byte in body:
        if server.stopping.wait(0.2):
            return
        conn.sendall(bytes([byte]))


def never_answer(conn: socket.socket, server: RawServer) -> None:
    read_request(conn)
    server.stopping.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("handler", [drip_headers, drip_body, never_answer])
def test_dripping_or_silent_server_fails_like_a_dead_one(raw_server, handler):
    server = raw_server(handler)
    error = outcome_of(lambda: EndpointGraph(server.url, timeout=1))
    assert isinstance(error, EndpointError)
    assert str(error) == f"SPARQL endpoint {server.url}: no answer within 1 s (timed out)"
    dead = f"http://127.0.0.1:{free_port()}/sparql"
    error = outcome_of(lambda: EndpointGraph(dead, timeout=1))
    assert str(error) == f"SPARQL endpoint {dead}: connection refused (is the server running?)"


def test_cli_timeout_is_a_deadline_for_a_dripping_server(raw_server):
    server = raw_server(drip_body)
    done = subprocess.run(
        [str(SCRIPT), "search", "x", "--endpoint", server.url, "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"kg-explorer: SPARQL endpoint {server.url}: no answer within 1 s (timed out)"
    ]


def test_a_request_is_cancelled_from_another_thread(raw_server):
    server = raw_server(never_answer)
    client = SparqlClient(server.url, timeout=HANG_GUARD * 10)
    cancel = threading.Event()
    after: list[BaseException] = []

    def job() -> None:
        try:
            with cancel_when(cancel.is_set):
                client.ask("ASK { ?s ?p ?o }")
        finally:  # the scope ended with the block: this thread's next request is not cancelled
            try:
                SparqlClient(server.url, timeout=0.5).ask("ASK {}")
            except EndpointError as exc:
                after.append(exc)

    def cancel_once_connected() -> None:
        assert server.accepted.wait(HANG_GUARD)
        cancel.set()

    threading.Thread(target=cancel_once_connected, daemon=True).start()
    error = outcome_of(job)
    assert isinstance(error, RequestCancelled)
    assert str(error) == f"SPARQL endpoint {server.url}: cancelled"
    assert not isinstance(after[0], RequestCancelled) and "timed out" in str(after[0])


def test_cancel_all_stops_every_request_in_flight(raw_server):
    server = raw_server(never_answer)
    client = SparqlClient(server.url, timeout=HANG_GUARD * 10)

    def stop_once_connected() -> None:
        assert server.accepted.wait(HANG_GUARD)  # in flight from before it connected
        client.cancel_all()

    threading.Thread(target=stop_once_connected, daemon=True).start()
    assert isinstance(outcome_of(lambda: client.select("SELECT * {}")), RequestCancelled)


# --- replies validated before use --------------------------------------------------------
def rows(*bindings: dict) -> bytes:
    return json.dumps(
        {"head": {"vars": ["x", "p", "o"]}, "results": {"bindings": list(bindings)}}
    ).encode()


IRI = {"type": "uri", "value": E + "1"}


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (
            rows({"x": IRI, "o": IRI}),
            "application/json",
            "malformed reply: row 1 has no value for ?p",
        ),
        (
            b"<html><body>Internal error</body></html>",
            "text/html",
            "malformed reply: not SPARQL JSON",
        ),
        (b'{"results": []}', "application/json", "'results' is not an object"),
        (b'{"results": {"bindings": {}}}', "application/json", "'bindings' is not a list"),
        (b'{"head": {}}', "application/json", "neither results nor boolean"),
        (
            rows({"x": IRI, "p": IRI, "o": {"type": "planet", "value": "x"}}),
            "application/json",
            "row 1: unknown term type 'planet'",
        ),
        (
            rows({"x": IRI, "p": IRI, "o": IRI})[:-20],
            "application/json",
            "malformed reply: not valid JSON",
        ),
        (b"\xff\xfe{}", "application/json", "not UTF-8"),
    ],
)
def test_a_malformed_reply_is_an_error_naming_the_endpoint(raw_server, body, content_type, message):
    server = raw_server(answering(body, content_type))
    graph = EndpointGraph(server.url, timeout=5)
    with pytest.raises(EndpointError) as info:
        graph.out_edges(E + "1")
    assert message in str(info.value) and str(info.value).startswith(
        f"SPARQL endpoint {server.url}: "
    )


def test_cli_malformed_reply_is_not_nothing_found(raw_server):
    server = raw_server(answering(rows({"x": IRI, "o": IRI})))
    done = subprocess.run(
        [str(SCRIPT), "show", E + "1", "--endpoint", server.url],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert (
        len(done.stderr.splitlines()) == 1
        and "malformed reply: row 1 has no value for ?p" in done.stderr
    )


def test_optional_variables_may_be_unbound(raw_server):
    body = rows(
        {
            "x": IRI,
            "p": {"type": "uri", "value": "urn:p"},
            "o": {"type": "literal", "value": "一", "xml:lang": "ZH"},
        }
    )
    server = raw_server(answering(body))
    client = SparqlClient(server.url, timeout=5)
    assert client.select("SELECT * {}", ("x", "p", "o")) == [
        {"x": E + "1", "p": "urn:p", "o": ("一", "zh", "")}
    ]


def test_a_huge_answer_is_used_but_not_cached(raw_server):
    body = rows(*[{"x": {"type": "uri", "value": f"{E}{i}"}} for i in range(CACHE_ROWS + 1)])
    server = raw_server(answering(body))
    client = SparqlClient(server.url, timeout=30)
    for _ in range(2):
        assert len(client.select("SELECT ?x {}", ("x",))) == CACHE_ROWS + 1
    assert client.round_trips == 2


# --- the stream reader --------------------------------------------------------------------
def test_stream_reader_gives_what_json_gives_at_any_chunk_size():
    bindings = [
        {
            "s": {"type": "uri", "value": f"{E}{i}"},
            "l": {
                "type": "literal",
                "value": "七里河区 " * (i % 5) + '"quoted" \\ 𝄞',
                "xml:lang": "zh",
            },
            "n": {
                "type": "literal",
                "value": str(i),
                "datatype": "http://www.w3.org/2001/XMLSchema#integer",
            },
            "b": {"type": "bnode", "value": f"b{i}"},
        }
        for i in range(60)
    ]
    text = json.dumps(
        {"head": {"vars": ["s", "l", "n", "b"]}, "results": {"bindings": bindings}},
        indent=1,
        ensure_ascii=False,
    )
    data = text.encode("utf-8")
    expected = read_results([data])
    assert len(expected) == 60 and expected[7]["b"] == "_:b7" and expected[3]["l"].lang == "zh"
    for size in (1, 2, 3, 7, 64, 4096):
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        assert read_results(chunks, ("s", "l")) == expected
    assert read_results([b' {"boolean": false , "head": {}} ']) is False
    with pytest.raises(MalformedReply, match="text after the end"):
        read_results([b'{"boolean": true} {"boolean": true}'])


def test_a_60_mb_reply_stays_within_300_mb():
    """Run in a child process so its peak memory is this reply's alone."""
    code = (
        "from benchmarks.bench_sparql_memory import reply_peak\n"
        "rows, peak_mb = reply_peak(60)\n"
        "print(rows, peak_mb)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr
    count, peak = done.stdout.split()
    assert int(count) > 100_000 and float(peak) <= 300, done.stdout
