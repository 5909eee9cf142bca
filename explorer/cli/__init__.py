"""The ``kg-explorer`` command line: the desktop app, or one subcommand.

``kg-explorer`` or ``kg-explorer FILE`` opens the app; ``kg-explorer SUBCOMMAND ...``
runs a query and prints the answer. Exit codes: 0 success, 1 nothing found,
2 bad input or usage (message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .common import common_parser, fail

#: Modules that each add subcommands: ``register(subparsers, common)`` and ``run(args)``.
COMMAND_MODULES = ["commands", "export_cmd", "cache_cmd"]


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
        try:
            return int(args.run(args) or 0)
        except KeyboardInterrupt:
            return 130
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


if __name__ == "__main__":
    sys.exit(main())
