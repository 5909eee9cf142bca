"""The launcher: a subcommand goes to the CLI, anything else opens the app, decided
without importing what only the subcommands need (the app's file starts loading sooner)."""

from __future__ import annotations

import subprocess
import sys

from explorer import cli


def test_the_launcher_knows_every_subcommand_of_the_parser():
    choices = cli.build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert frozenset(choices) == cli.COMMAND_NAMES


def test_telling_a_file_from_a_subcommand_imports_no_command_module():
    code = (
        "import sys; from explorer import cli; "
        "print(cli.is_command_line(['graph.ttl']), cli.is_command_line(['search', 'x']), "
        "[m for m in sys.modules if m.removeprefix('explorer.cli.') in cli.COMMAND_MODULES])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "[]"]
