"""Talking to a SPARQL endpoint over HTTP: the standard protocol, JSON results, plain errors.

Only the standard library. Every failure becomes an ``EndpointError`` (a
``LoadError``) that names the endpoint and says what went wrong: refused, no
answer within the deadline, an HTTP status, or a reply that is not SPARQL
results. ``timeout`` is a *total* deadline per request (connecting, waiting and
reading the body): a watchdog closes the socket when it passes, so a server
that answers one byte a second fails like a dead one. A request can also be
cancelled from another thread (:func:`cancel_when`). Replies are read as a
stream, one binding at a time (see ``sparql_json.py``), so memory follows the
rows kept, not the bytes received. Credentials go into the ``Authorization``
header of each request and nowhere else: not into messages, ``repr``, logs or
any file.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import http.client
import logging
import os
import selectors
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from collections.abc import Callable, Iterator

from ..errors import LoadError
from .sparql_json import MalformedReply, read_results

log = logging.getLogger(__name__)

#: Answers kept per endpoint (by query text), and the most rows an answer may have to be
#: kept (the explorer's own queries ask for at most 20,000; a larger reply is read, used
#: and let go, so the cache cannot hold on to hundreds of MB).
CACHE_SIZE = 1024
CACHE_ROWS = 20_000
#: The most bytes read from one response: a bounded query never needs more.
MAX_RESPONSE = 128_000_000
#: How often the watchdog asks whether a request was cancelled (seconds).
CANCEL_POLL = 0.05

_scope = threading.local()


class EndpointError(LoadError):
    """An endpoint could not be used; ``str()`` names it and says what failed."""

    def describe(self) -> str:
        return f"SPARQL endpoint {self.source}: {self.message}" if self.source else self.message


class RequestCancelled(EndpointError):
    """The request was cancelled by its owner (not a fault of the endpoint)."""


@contextlib.contextmanager
def cancel_when(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Requests made by this thread inside the block stop (``RequestCancelled``) as soon
    as *cancelled()* is true, even mid-reply: an operation runner passes its cancel flag,
    e.g. ``with cancel_when(event.is_set): graph.neighbourhood(...)``."""
    previous = getattr(_scope, "cancelled", None)
    _scope.cancelled = cancelled
    try:
        yield
    finally:
        _scope.cancelled = previous


def public_url(url: str) -> str:
    """*url* without any ``user:password@`` part, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        parts = parts._replace(netloc=host)
    return urllib.parse.urlunsplit(parts)


class _Watchdog:
    """One request's deadline and cancel check: closes its socket when either fires.

    Closing (``shutdown``) wakes a thread blocked in ``connect``/``recv`` at once, which
    a socket timeout cannot do for a server that keeps sending a byte now and then.
    """

    def __init__(self, timeout: float, cancelled: Callable[[], bool] | None) -> None:
        self.deadline = time.monotonic() + timeout
        self.cancelled = cancelled
        self.fired: str | None = None  # "deadline" or "cancelled"
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="sparql-watchdog", daemon=True)

    def remaining(self) -> float:
        return max(0.001, self.deadline - time.monotonic())

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def connect(
        self, address: tuple[str, int], timeout: object = None, source_address: object = None
    ) -> socket.socket:
        """``socket.create_connection`` that a cancel or the deadline interrupts too (a
        blocking ``connect`` to a host that drops packets could not be woken)."""
        host, port = address
        error: OSError | None = None
        for family, kind, proto, _name, addr in socket.getaddrinfo(
            host, port, 0, socket.SOCK_STREAM
        ):
            sock = socket.socket(family, kind, proto)
            try:
                sock.setblocking(False)
                code = sock.connect_ex(addr)
                with selectors.DefaultSelector() as selector:
                    selector.register(sock, selectors.EVENT_WRITE)
                    while code in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK):
                        if self.cancelled and self.cancelled():
                            self._fire("cancelled")
                        self.check()
                        if time.monotonic() >= self.deadline:
                            raise TimeoutError("connect timed out")
                        if selector.select(min(CANCEL_POLL, self.remaining())):
                            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code:
                    raise OSError(code, os.strerror(code))
                sock.setblocking(True)
                sock.settimeout(self.remaining())
                return sock
            except OSError as exc:
                error = exc
                sock.close()
            except BaseException:
                sock.close()
                raise
        raise error or OSError(f"no address for {host}")

    def check(self) -> None:
        """Raise at once if the watchdog fired (for loops between reads)."""
        if self.fired:
            raise _Fired(self.fired)

    def __enter__(self) -> _Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _watch(self) -> None:
        while True:
            left = self.deadline - time.monotonic()
            step = min(left, CANCEL_POLL) if self.cancelled else left
            if self._done.wait(max(0.0, step)):
                return
            if self.cancelled and self.cancelled():
                return self._fire("cancelled")
            if time.monotonic() >= self.deadline:
                return self._fire("deadline")

    def _fire(self, reason: str) -> None:
        with self._lock:
            self.fired = reason
            for sock in self._sockets:
                _shut(sock)


class _Fired(Exception):
    """Internal: the watchdog ended the request."""


def _shut(sock: socket.socket) -> None:
    # the plain socket's shutdown, also for TLS sockets: it only wakes the reader
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    """An opener whose connections report their sockets to *watchdog* (proxies still
    apply: the handlers are urllib's own, only the connection class differs)."""

    def watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Watched(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                self._create_connection = watchdog.connect
                self.timeout = watchdog.remaining()
                super().connect()
                watchdog.attach(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(watched(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(watched(http.client.HTTPSConnection), req, context=self._context)

    return urllib.request.build_opener(HTTP, HTTPS)


class SparqlClient:
    """SELECT and ASK over the SPARQL 1.1 protocol, with a deadline and an answer cache.

    Safe to share between threads. ``cancel_when`` (this module) stops the
    requests of one thread; :meth:`cancel_all` stops every request in flight
    (for closing a window or the app).
    """

    def __init__(
        self,
        url: str,
        *,
        default_graph: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float = 10.0,
    ) -> None:
        parts = urllib.parse.urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EndpointError("not an http(s) URL", source=public_url(url.strip()))
        if parts.username and auth is None:
            auth = (
                urllib.parse.unquote(parts.username),
                urllib.parse.unquote(parts.password or ""),
            )
        self.url = public_url(url.strip())
        self.default_graph = default_graph or None
        self.timeout = float(timeout)
        self._authorization = (
            "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode() if auth else None
        )
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self._in_flight: set[_Watchdog] = set()
        self.round_trips = 0

    def __repr__(self) -> str:  # never the credentials
        return f"SparqlClient({self.url!r}, default_graph={self.default_graph!r})"

    # --- queries --------------------------------------------------------------------
    def select(self, query: str, required: tuple[str, ...] = ()) -> list[dict[str, object]]:
        """Rows of a SELECT query as ``{variable: term}`` (IRI ``str``, ``"_:b"`` or ``Lit``).

        A row without one of the *required* variables, or a reply that is not
        SPARQL JSON results, is an ``EndpointError`` ("malformed reply: ..."),
        never taken for an empty answer.
        """
        answer = self._ask_cached(query, required)
        if not isinstance(answer, list):
            raise self._error("malformed reply: an ASK result where SELECT rows were expected")
        return answer

    def ask(self, query: str) -> bool:
        answer = self._ask_cached(query, ())
        if not isinstance(answer, bool):
            raise self._error("malformed reply: not a SPARQL ASK result (no boolean)")
        return answer

    def cancel_all(self) -> None:
        """Stop every request of this client now (each raises ``RequestCancelled``)."""
        with self._lock:
            flights = list(self._in_flight)
        for watchdog in flights:
            watchdog._fire("cancelled")

    def _ask_cached(self, query: str, required: tuple[str, ...]) -> object:
        key = (query, required)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        answer = self._post(query, required)
        if isinstance(answer, list) and len(answer) > CACHE_ROWS:
            return answer
        with self._lock:
            self._cache[key] = answer
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return answer

    def _request(self, query: str) -> urllib.request.Request:
        fields = [("query", query)]
        if self.default_graph:
            fields.append(("default-graph-uri", self.default_graph))
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={
                "Accept": "application/sparql-results+json, application/json;q=0.9",
                "Content-Type": "application/x-www-form-urlencoded",
                "User-Agent": "kg-explorer",
            },
            method="POST",
        )
        if self._authorization:
            request.add_unredirected_header("Authorization", self._authorization)
        return request

    def _post(self, query: str, required: tuple[str, ...]) -> object:
        self.round_trips += 1
        started = time.monotonic()
        watchdog = _Watchdog(self.timeout, getattr(_scope, "cancelled", None))
        with self._lock:
            self._in_flight.add(watchdog)
        try:
            with watchdog:
                try:
                    return self._exchange(watchdog, query, required, started)
                except (_Fired, OSError, http.client.HTTPException, MalformedReply) as exc:
                    if watchdog.fired:  # whatever the closed socket raised, this is why
                        raise self._stopped(watchdog.fired) from None
                    if isinstance(exc, MalformedReply):
                        raise self._error(f"malformed reply: {exc}") from None
                    raise self._error(self._failure(exc)) from None
        finally:
            with self._lock:
                self._in_flight.discard(watchdog)

    def _exchange(
        self, watchdog: _Watchdog, query: str, required: tuple[str, ...], started: float
    ) -> object:
        with _opener(watchdog).open(self._request(query)) as response:
            received = 0

            def chunks() -> Iterator[bytes]:
                nonlocal received
                while True:
                    watchdog.check()
                    chunk = response.read1(65536)
                    if not chunk:
                        watchdog.check()  # a closed socket reads as an end
                        return
                    received += len(chunk)
                    if received > MAX_RESPONSE:
                        raise MalformedReply(
                            f"larger than {MAX_RESPONSE // 1_000_000} MB, more than a "
                            "bounded query can give"
                        )
                    yield chunk

            answer = read_results(chunks(), required)
        log.debug(
            "%s: %s in %.2f s, %d bytes",
            self.url,
            f"{len(answer)} rows" if isinstance(answer, list) else f"ASK {answer}",
            time.monotonic() - started,
            received,
        )
        return answer

    # --- messages -------------------------------------------------------------------
    def _error(self, message: str) -> EndpointError:
        return EndpointError(message, source=self.url)

    def _stopped(self, reason: str) -> EndpointError:
        if reason == "cancelled":
            return RequestCancelled("cancelled", source=self.url)
        return self._error(f"no answer within {self.timeout:g} s (timed out)")

    def _failure(self, exc: BaseException) -> str:
        if isinstance(exc, urllib.error.HTTPError):
            return self._http_message(exc)
        if isinstance(exc, urllib.error.URLError):
            exc = exc.reason if isinstance(exc.reason, BaseException) else exc
        if isinstance(exc, ConnectionRefusedError):
            return "connection refused (is the server running?)"
        if isinstance(exc, TimeoutError | socket.timeout):
            return f"no answer within {self.timeout:g} s (timed out)"
        if isinstance(exc, socket.gaierror):
            return "unknown host"
        if isinstance(exc, ConnectionResetError | http.client.RemoteDisconnected):
            return "the connection was closed by the server"
        if isinstance(exc, http.client.IncompleteRead):
            return "the reply was cut short"
        if isinstance(exc, http.client.HTTPException):
            return f"not an HTTP reply ({type(exc).__name__})"
        return f"cannot connect ({getattr(exc, 'reason', None) or exc})"

    @staticmethod
    def _http_message(exc: urllib.error.HTTPError) -> str:
        detail = ""
        try:
            detail = exc.read(300).decode("utf-8", errors="replace").strip().splitlines()[0]
        except (OSError, IndexError, http.client.HTTPException):
            pass
        status = f"HTTP {exc.code} {exc.reason or ''}".strip()
        if exc.code in (401, 403):
            return f"{status}: the user name or password was not accepted"
        return f"{status}: {detail[:200]}" if detail else status
