"""The ``kg-explorer`` console script: a subcommand goes to the CLI, anything else opens the app.

The core (``explorer``) never imports ``ui``; this small launcher sits on the ``ui``
side and dispatches. A subcommand or ``--help`` never imports Qt, so the command
line stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer import cli


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg-explorer",
        description="Open the desktop app (subcommands: run kg-explorer --help).",
    )
    parser.add_argument("file", nargs="?", help="an RDF file to open (default: the article graph)")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the window offscreen, save, exit"
    )
    parser.add_argument("--select", metavar="ENTITY", help="with --screenshot: select this entity")
    parser.add_argument("--lang", choices=("zh", "en", "both"), help="label language")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log the steps on stderr, with when the file's view was drawn and how long "
        "the background indexing kept the window waiting",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``kg-explorer`` with *argv* (default: the process's arguments)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if cli.is_command_line(argv):
        return cli.main(argv)
    args = app_parser().parse_args(argv)
    cli.configure_logging(args.verbose)
    if args.file and not Path(args.file).is_file():
        return cli.fail(f"{args.file}: no such file")
    from .app import run_app

    return run_app(
        [sys.argv[0], *argv],
        path=args.file,
        screenshot=args.screenshot,
        select=args.select,
        lang=args.lang,
    )


if __name__ == "__main__":
    sys.exit(main())
