#!/usr/bin/env bash
# The project's one entry point. Each command first makes sure the set-up is done
# (virtual environment, Python packages, CJK font and Qt's system libraries).
#
#   ./run.sh app [FILE]     start the desktop app (on the bundled article graph by default)
#   ./run.sh test [ARGS]    run the whole test suite (extra ARGS go to pytest)
#   ./run.sh bench          run the benchmarks and print their table
#   ./run.sh setup          only do the set-up
set -euo pipefail
cd "$(dirname "$0")"

cmd="${1:-app}"
[ $# -gt 0 ] && shift

scripts/setup.sh

case "$cmd" in
  app)   exec .venv/bin/kg-explorer "$@" ;;
  test)  exec scripts/test.sh "$@" ;;
  bench) exec .venv/bin/python -m benchmarks "$@" ;;
  setup) ;;
  *) echo "usage: ./run.sh app|test|bench|setup" >&2; exit 2 ;;
esac
