"""The ``kg-explorer`` command line: the desktop app, or one subcommand.

``kg-explorer SUBCOMMAND ...`` runs a query and prints the answer; ``kg-explorer``
or ``kg-explorer FILE`` opens the app, through the launcher in ``ui.launch``.
Exit codes: 0 success, 1 nothing found, 2 bad input or usage (message on stderr,
never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from functools import cache

from ..model import set_interface_language
from .common import common_parser, fail

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


HELP = ("-h", "--help", "--help-commands")


def is_command_line(argv: list[str]) -> bool:
    """Whether *argv* asks for a subcommand or for help (else the launcher opens the app)."""
    return bool(argv) and (argv[0] in HELP or argv[0] in _command_names())


@cache
def _command_names() -> frozenset[str]:
    return frozenset(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


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
    # the CLI speaks English: its own words (types, relations) too, unless labels are zh only
    set_interface_language("zh" if getattr(args, "lang", "both") == "zh" else "en")
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
