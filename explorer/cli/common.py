"""What every subcommand shares: the common options, loading the graph, output, failure."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import LoadError
from ..export.atomic import ExportError
from ..resolve import AmbiguousName, UnknownEntity, resolve_entity
from ..sources.protocol import GraphSource

log = logging.getLogger("explorer.cli")

#: Environment variables holding endpoint credentials (never taken from the command line,
#: where other users could read them in the process list).
ENDPOINT_USER = "KG_EXPLORER_ENDPOINT_USER"
ENDPOINT_PASSWORD = "KG_EXPLORER_ENDPOINT_PASSWORD"


class UsageError(Exception):
    """Bad input or usage: exit code 2 with the message on stderr."""


class NotFound(LookupError):
    """Nothing matches what was asked for: exit code 1 (a ``KeyError`` is a bug, not this)."""


#: What "nothing matches" raises (exit 1); any other LookupError (KeyError, IndexError)
#: is a bug of ours and reported as one.
NOTHING_FOUND = (NotFound, UnknownEntity)


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C so every ``finally`` (temporary files) runs."""


def common_parser() -> argparse.ArgumentParser:
    """Options accepted by every subcommand (added as an argparse parent)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data", metavar="FILE", help="use this RDF file instead of the bundled article graph"
    )
    common.add_argument(
        "--lang",
        choices=("zh", "en", "both"),
        default="both",
        help="label language (default: both)",
    )
    common.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    common.add_argument(
        "--endpoint",
        metavar="URL",
        help="query this SPARQL endpoint instead of a file (credentials, if any, from "
        f"${ENDPOINT_USER} and ${ENDPOINT_PASSWORD})",
    )
    common.add_argument(
        "--default-graph", metavar="IRI", help="with --endpoint: the graph to query"
    )
    common.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="with --endpoint: the most one query may take, connecting and reading "
        "included (default: 10)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log what happens on stderr (-v: steps, -vv: every query and file)",
    )
    return common


def load_kg(args: argparse.Namespace) -> GraphSource:
    """The graph asked for: ``--endpoint URL``, ``--data FILE`` (a large file opens
    store-backed) or the bundled article. LoadError on bad input or a dead endpoint."""
    if getattr(args, "endpoint", None):
        if getattr(args, "data", None):
            raise UsageError("use either --data or --endpoint, not both")
        from ..sources.sparql import EndpointGraph

        user = os.environ.get(ENDPOINT_USER)
        auth = (user, os.environ.get(ENDPOINT_PASSWORD, "")) if user else None
        return EndpointGraph(
            args.endpoint,
            default_graph=getattr(args, "default_graph", None),
            auth=auth,
            timeout=getattr(args, "timeout", 10.0) or 10.0,
        )
    if getattr(args, "data", None):
        from ..sources import open_source

        # a search needs labels only: on a large file the store is then never built
        return open_source(args.data, preload=getattr(args, "command", None) != "search")
    from ..graph import KnowledgeGraph

    return KnowledgeGraph.article()


def resolve(kg: GraphSource, text: str) -> str:
    """The entity *text* names (``explorer.resolve``), or UnknownEntity with suggestions."""
    return resolve_entity(kg, text)


def fail(message: str, code: int = 2) -> int:
    """Say *message* on one line of stderr (a server's multi-line text included)."""
    line = " ".join(part.strip() for part in str(message).splitlines() if part.strip())
    print(f"kg-explorer: {line}", file=sys.stderr)
    return code


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def guarded(func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run one subcommand; every failure becomes an exit code and one line on stderr.

    Bad input, a dead or misbehaving endpoint, an unsupported operation or a failed
    write: exit 2. Nothing found: exit 1. A bug of ours: exit 2 with one line
    ("internal error"), the traceback only with ``KG_EXPLORER_DEBUG=1``.
    """
    try:
        return int(func(args) or 0)
    except (LoadError, UsageError, ExportError) as exc:
        return fail(str(exc))
    except AmbiguousName as exc:  # the user must pick one of the candidates it lists
        return fail(str(exc))
    except NOTHING_FOUND as exc:
        return fail(exc.args[0] if exc.args else str(exc), code=1)
    except (KeyboardInterrupt, Terminated, BrokenPipeError):
        raise
    except OSError as exc:  # a file we were told to read or write
        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}")
    except Exception as exc:  # includes MemoryError's cousins and KeyError: ours to fix
        if os.environ.get("KG_EXPLORER_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        log.debug("internal error", exc_info=True)
        first = str(exc).splitlines()[0] if str(exc) else ""
        return fail(f"internal error: {type(exc).__name__}: {first} (set KG_EXPLORER_DEBUG=1)")


def handle_errors(func: Callable[[argparse.Namespace], int | None]):
    """*func* run through :func:`guarded` (``main`` guards every subcommand as well)."""

    def wrapper(args: argparse.Namespace) -> int:
        return guarded(func, args)

    return wrapper
