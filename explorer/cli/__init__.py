"""The ``kg-explorer`` command line: the desktop app, or one subcommand.

``kg-explorer`` or ``kg-explorer FILE`` opens the app; ``kg-explorer SUBCOMMAND ...``
runs a query and prints the answer. Exit codes: 0 success, 1 nothing found,
2 bad input or usage (message on stderr, never a traceback), 130 on Ctrl-C,
143 on SIGTERM (temporary files removed either way).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from ..export.atomic import remove_pending
from .common import Terminated, common_parser, fail, guarded

#: Modules that each add subcommands: ``register(subparsers, common)`` and ``run(args)``.
COMMAND_MODULES = ["commands", "export_cmd"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg-explorer",
        description="Explore a knowledge graph of organizations, mechanisms and initiatives.",
        epilog="Run without a subcommand to open the desktop app: kg-explorer [FILE]",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    common = common_parser()
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers, common)
    return parser


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg-explorer",
        description="Open the desktop app (subcommands: run kg-explorer --help-commands).",
    )
    parser.add_argument("file", nargs="?", help="an RDF file to open (default: the article graph)")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the window offscreen, save, exit"
    )
    parser.add_argument("--select", metavar="ENTITY", help="with --screenshot: select this entity")
    parser.add_argument("--lang", choices=("zh", "en", "both"), help="label language")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if argv and argv[0] in ("--help-commands",):
        parser.print_help()
        return 0
    if argv and (argv[0] in commands or argv[0] in ("-h", "--help")):
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):  # e.g. "provenance" without its action
            parser.parse_args([*argv, "--help"])
        configure_logging(getattr(args, "verbose", 0))
        with sigterm_unwinds():
            try:
                return guarded(args.run, args)
            except KeyboardInterrupt:
                remove_pending()
                return fail("interrupted", code=130)
            except Terminated:
                remove_pending()
                return fail("terminated", code=143)
            except BrokenPipeError:
                return 0
    args = app_parser().parse_args(argv)
    if args.file and not Path(args.file).is_file():
        return fail(f"{args.file}: no such file")
    try:
        from ui.app import run_app
    except ImportError as exc:
        return fail(f"the desktop app is not available ({exc})")
    return run_app(
        [sys.argv[0], *argv],
        path=args.file,
        screenshot=args.screenshot,
        select=args.select,
        lang=args.lang,
    )


def configure_logging(verbosity: int) -> None:
    """Diagnostics through ``logging`` on stderr: warnings only, -v steps, -vv everything."""
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, stream=sys.stderr, format="kg-explorer: %(levelname)s: %(name)s: %(message)s"
    )


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While a subcommand runs, SIGTERM raises ``Terminated`` so ``finally`` blocks (and
    with them the removal of temporary export files) run as they do on Ctrl-C."""

    def on_sigterm(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
