"""What every subcommand shares: the common options, loading the graph, output, failure."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..errors import LoadError
from ..resolve import AmbiguousName
from ..sources.protocol import GraphSource

#: Environment variables holding endpoint credentials (never taken from the command line,
#: where other users could read them in the process list).
ENDPOINT_USER = "KG_EXPLORER_ENDPOINT_USER"
ENDPOINT_PASSWORD = "KG_EXPLORER_ENDPOINT_PASSWORD"


class UsageError(Exception):
    """Bad input or usage: exit code 2 with the message on stderr."""


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
        help="with --endpoint: give up on a query after this long (default: 10)",
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
    """The entity *text* names (``explorer.resolve``), or LookupError with suggestions."""
    from ..resolve import resolve_entity

    return resolve_entity(kg, text)


def fail(message: str, code: int = 2) -> int:
    print(f"kg-explorer: {message}", file=sys.stderr)
    return code


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def handle_errors(func):
    """Run a subcommand; turn known failures into exit codes with a plain message."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except LoadError as exc:
            return fail(str(exc))
        except UsageError as exc:
            return fail(str(exc))
        except AmbiguousName as exc:  # the user must pick: bad input, with the candidates
            return fail(str(exc))
        except LookupError as exc:
            return fail(exc.args[0] if exc.args else str(exc), code=1)
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # a bug of ours: say so plainly, traceback only on request
            if os.environ.get("KG_EXPLORER_DEBUG"):
                raise
            return fail(f"internal error: {type(exc).__name__}: {exc} (set KG_EXPLORER_DEBUG=1)")

    return wrapper
