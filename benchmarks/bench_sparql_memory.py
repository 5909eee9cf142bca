"""Peak memory of reading one large SPARQL JSON reply (target: ≤ 300 MB for 60 MB).

A local HTTP server on 127.0.0.1 streams a generated SELECT reply (rows of an
IRI, a predicate and a Chinese literal) without holding it; ``SparqlClient``
reads it. Each size runs in a child process so its peak (``VmHWM``) is the
reply's alone, Python and the explorer's imports included.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .common import table

ROW = '{{"s":{{"type":"uri","value":"https://example.org/gen/e{i}"}},"p":{{"type":"uri","value":"http://www.w3.org/2004/02/skos/core#prefLabel"}},"o":{{"type":"literal","xml:lang":"zh","value":"第{i}号街道党工委"}}}}'


def reply_chunks(megabytes: float) -> Iterator[bytes]:
    """A SELECT reply of about *megabytes* MB, a batch of rows at a time."""
    yield (
        json.dumps({"head": {"vars": ["s", "p", "o"]}}).encode()[:-1] + b',"results":{"bindings":['
    )
    size, i = 0, 0
    while size < megabytes * 1_000_000:
        batch = ",".join(ROW.format(i=n) for n in range(i, i + 2000))
        data = (("," if i else "") + batch).encode()
        size, i = size + len(data), i + 2000
        yield data
    yield b"]}}"


def reply_peak(megabytes: float) -> tuple[int, float]:
    """Rows read and the peak memory (MB) of this process after reading the reply."""
    from explorer.sources.sparql_http import SparqlClient

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Connection", "close")
            self.end_headers()
            for chunk in reply_chunks(megabytes):
                self.wfile.write(chunk)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = SparqlClient(f"http://127.0.0.1:{server.server_address[1]}/sparql", timeout=300)
        rows = client.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", ("s", "p", "o"))
    finally:
        server.shutdown()
    return len(rows), peak_mb()


def peak_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` (reset by ``exec``, unlike
    ``ru_maxrss``, which a child started from a large parent inherits)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(sizes: tuple[float, ...] = (6, 60)) -> str:
    rows = []
    for mb in sizes:
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                f"from benchmarks.bench_sparql_memory import reply_peak as r; print(*r({mb}))",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        count, peak = done.stdout.split()
        rows.append(
            [
                f"{mb:g} MB",
                f"{int(count):,}",
                f"{float(peak):.0f} MB",
                f"{time.perf_counter() - started:.1f} s",
            ]
        )
    return "### A large SPARQL reply (streamed)\n\n" + table(
        ["reply", "rows", "peak memory (target ≤ 300 MB at 60 MB)", "time incl. start-up"], rows
    )


if __name__ == "__main__":
    print(run())
