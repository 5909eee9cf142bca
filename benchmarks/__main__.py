"""``python -m benchmarks``: every benchmark, one Markdown report (not pass/fail).

``--quick`` uses the 10k and 100k files only (the search and view figures then
come from the 100k file); ``--10m`` adds the 10M-triple file to the open-path
table; ``--out FILE`` also writes the report there.
Generated data lives in ``benchmarks/data/`` (git-ignored) and is reused.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import sys
import time
from pathlib import Path

from . import bench_article, bench_open, bench_scale, bench_search, bench_views
from .common import machine, table


def _app_report(result: object) -> str:
    """bench_app's result as Markdown: a string as is, a list of dicts as a table."""
    if isinstance(result, list) and result and all(isinstance(r, dict) for r in result):
        headers = list(dict.fromkeys(k for r in result for k in r))
        rows = [[r.get(h, "") for h in headers] for r in result]
        return "### The desktop app\n\n" + table(headers, rows)
    return str(result or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10k and 100k triples only")
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    parser.add_argument("--repeat", type=int, default=3, help="runs per open-time figure")
    parser.add_argument(
        "--10m",
        dest="ten_million",
        action="store_true",
        help="also the 10M-triple file (387 MB; several minutes) in the open-path table",
    )
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    biggest = sizes[-1]
    started = time.perf_counter()
    parts: list[str] = []

    def section(text: str) -> None:
        parts.append(text)
        print(text.strip() + "\n", flush=True)  # each table as soon as it is measured

    section("## Performance\n")
    section(f"Measured on: {machine()}.\n")
    section(bench_article.run(repeat=args.repeat))
    section(bench_scale.run(sizes, repeat=args.repeat))
    section(bench_search.run(biggest))
    section(bench_views.run(biggest, 100_000 if not args.quick else 10_000))
    section(importlib.import_module(f"{__package__}.bench_organigram").run())
    section(importlib.import_module(f"{__package__}.bench_sparql_memory").run())
    open_sizes = [100_000] if args.quick else [100_000, 1_000_000]
    section(bench_open.run(open_sizes + [10_000_000] * args.ten_million, repeat=2))
    if importlib.util.find_spec(f"{__package__}.bench_app") is not None:
        app = importlib.import_module(f"{__package__}.bench_app")
        takes_quick = "quick" in inspect.signature(app.run).parameters
        section(_app_report(app.run(quick=args.quick) if takes_quick else app.run()))
    parts.append(f"_The whole run took {time.perf_counter() - started:.0f} s._")
    report = "\n\n".join(p.strip() for p in parts if p) + "\n"
    print(parts[-1])
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
