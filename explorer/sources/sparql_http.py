"""Talking to a SPARQL endpoint over HTTP: the standard protocol, JSON results, plain errors.

Only ``urllib`` from the standard library. Every failure becomes an
``EndpointError`` (a ``LoadError``) that names the endpoint and says what went
wrong: refused, no answer within the timeout, an HTTP status, or a response that
is not SPARQL results. Credentials go into the ``Authorization`` header of each
request and nowhere else: not into messages, ``repr`` or any file.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict

from ..errors import LoadError
from .facts import Lit

#: Answers kept per endpoint (by query text).
CACHE_SIZE = 1024
#: The most bytes read from one response (a bounded query never needs more).
MAX_RESPONSE = 64_000_000


class EndpointError(LoadError):
    """An endpoint could not be used; ``str()`` names it and says what failed."""

    def describe(self) -> str:
        return f"SPARQL endpoint {self.source}: {self.message}" if self.source else self.message


def public_url(url: str) -> str:
    """*url* without any ``user:password@`` part, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        parts = parts._replace(netloc=host)
    return urllib.parse.urlunsplit(parts)


def term(binding: dict) -> object:
    """One SPARQL JSON results binding as a term: IRI ``str``, ``"_:name"`` or ``Lit``."""
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return value
    if kind == "bnode":
        return "_:" + value
    if kind in ("literal", "typed-literal"):
        return Lit(value, (binding.get("xml:lang") or "").lower(), binding.get("datatype", ""))
    raise ValueError(f"unknown term type {kind!r}")


class SparqlClient:
    """SELECT and ASK over the SPARQL 1.1 protocol, with a timeout and an answer cache."""

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
        self._cache: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self.round_trips = 0

    def __repr__(self) -> str:  # never the credentials
        return f"SparqlClient({self.url!r}, default_graph={self.default_graph!r})"

    # --- queries --------------------------------------------------------------------
    def select(self, query: str) -> list[dict[str, object]]:
        """Rows of a SELECT query as ``{variable: term}``."""
        answer = self._ask_cached(query)
        try:
            rows = answer["results"]["bindings"]  # type: ignore[index]
            return [{k: term(v) for k, v in row.items()} for row in rows]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._error("bad response: not SPARQL JSON results") from None

    def ask(self, query: str) -> bool:
        answer = self._ask_cached(query)
        if not isinstance(answer, dict) or not isinstance(answer.get("boolean"), bool):
            raise self._error("bad response: not a SPARQL ASK result")
        return answer["boolean"]

    def _ask_cached(self, query: str) -> object:
        with self._lock:
            if query in self._cache:
                self._cache.move_to_end(query)
                return self._cache[query]
        answer = self._post(query)
        with self._lock:
            self._cache[query] = answer
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return answer

    def _post(self, query: str) -> object:
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
        self.round_trips += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(MAX_RESPONSE + 1)
        except urllib.error.HTTPError as exc:
            raise self._error(self._http_message(exc)) from None
        except urllib.error.URLError as exc:
            raise self._error(self._reason(exc.reason)) from None
        except TimeoutError:
            raise self._error(f"no answer within {self.timeout:g} s (timed out)") from None
        except (ConnectionError, OSError) as exc:
            raise self._error(self._reason(exc)) from None
        if len(body) > MAX_RESPONSE:
            raise self._error("bad response: larger than a bounded query can give")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise self._error("bad response: not SPARQL JSON results") from None

    # --- messages -------------------------------------------------------------------
    def _error(self, message: str) -> EndpointError:
        return EndpointError(message, source=self.url)

    def _reason(self, reason: object) -> str:
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused (is the server running?)"
        if isinstance(reason, TimeoutError | socket.timeout):
            return f"no answer within {self.timeout:g} s (timed out)"
        if isinstance(reason, socket.gaierror):
            return "unknown host"
        if isinstance(reason, ConnectionResetError):
            return "the connection was closed by the server"
        return f"cannot connect ({reason})"

    @staticmethod
    def _http_message(exc: urllib.error.HTTPError) -> str:
        detail = ""
        try:
            detail = exc.read(300).decode("utf-8", errors="replace").strip().splitlines()[0]
        except (OSError, IndexError):
            pass
        status = f"HTTP {exc.code} {exc.reason or ''}".strip()
        if exc.code in (401, 403):
            return f"{status}: the user name or password was not accepted"
        return f"{status}: {detail[:200]}" if detail else status
