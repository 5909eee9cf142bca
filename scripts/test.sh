#!/usr/bin/env bash
# The whole test suite: lint, the layer contracts (lint-imports: the core never
# imports the GUI nor Qt except its PNG/PDF renderer; graph_data is resources;
# see [tool.importlinter] in pyproject.toml), the provenance check against the
# article (when the article is beside the checkout), and pytest (core, data, CLI
# and the real Qt app offscreen; tests/conftest.py sets the offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

ruff check explorer graph_data ui tests benchmarks
ruff format --check explorer graph_data ui tests benchmarks
lint-imports --no-cache

article=../shared/source/000_77d3a71f4cfa9fbc.txt
if [ -f "$article" ]; then
  kg-explorer provenance check --source "$article"
fi

exec python -m pytest -q -p no:cacheprovider "$@"
