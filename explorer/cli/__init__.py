"""The ``kg-explorer`` command line: the desktop app, or one subcommand.

``kg-explorer SUBCOMMAND ...`` runs a query and prints the answer; ``kg-explorer``
or ``kg-explorer FILE`` opens the app, through the launcher in ``ui.launch``.
Exit codes: 0 success, 1 nothing found, 2 bad input or usage (message on stderr,
never a traceback), 130 on Ctrl-C, 143 on SIGTERM (temporary files removed either way).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import signal
import sys
from collections.abc import Iterator

from ..export.atomic import remove_pending
from ..model import speaking
from .common import Terminated, common_parser, fail, guarded

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


HELP = ("-h", "--help", "--help-commands")
#: Every subcommand's name, so that telling a subcommand from a file to open imports none
#: of the modules that define them (building the parser took ~0.09 s before the app's
#: file could start loading); a test keeps it equal to the parser's.
COMMAND_NAMES = frozenset(
    {"cache", "export", "path", "provenance", "search", "show", "stats", "tree", "validate"}
)


def is_command_line(argv: list[str]) -> bool:
    """Whether *argv* asks for a subcommand or for help (else the launcher opens the app)."""
    return bool(argv) and (argv[0] in HELP or argv[0] in COMMAND_NAMES)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand. The desktop app is started by ``ui.launch`` (the core never
    imports the GUI)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and argv[0] == "--help-commands":
        parser.print_help()
        return 0
    if not is_command_line(argv):
        parser.print_usage(sys.stderr)
        return fail("a subcommand is needed (the desktop app is `kg-explorer [FILE]`)")
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):  # e.g. "provenance" without its action
        parser.parse_args([*argv, "--help"])
    configure_logging(getattr(args, "verbose", 0))
    # the CLI speaks English: its own words (types, relations) too, unless labels are zh only
    own_words = "zh" if getattr(args, "lang", "both") == "zh" else "en"
    with sigterm_unwinds(), speaking(own_words):
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
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the cleanup
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
