"""A wide organigram: one parent with 20,000 units, as `tree` and the app meet it.

The file is generated in two shapes: bare links (under 1 MB, projected in memory) and
labelled, typed units (over 1 MB, store-backed). Both must give `tree` in seconds:
time grows with the links, not with the square of a parent's children.
"""

from __future__ import annotations

import time
from pathlib import Path

from .common import SCRIPT, run_child, table
from .generate import DATA_DIR

CHILDREN = 20_000
ROOT_ID = "http://example.org/unit/root"
_HEAD = (
    "@prefix org: <http://www.w3.org/ns/org#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix u: <http://example.org/unit/> .\n"
    'u:root a org:Organization ; skos:prefLabel "Wide root"@en .\n'
)


def wide_organigram(path: Path, children: int = CHILDREN, *, labelled: bool = True) -> Path:
    """Write an organigram whose root has *children* units (labelled ones make it store-sized)."""
    if labelled:
        rows = (
            f'u:c{i} a org:OrganizationalUnit ; skos:prefLabel "Unit {i:05d}"@en ; '
            "org:subOrganizationOf u:root ."
            for i in range(children)
        )
    else:
        rows = (f"u:c{i} org:subOrganizationOf u:root ." for i in range(children))
    path.write_text(_HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def run() -> str:
    from explorer.sources import open_source

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    for labelled in (False, True):
        path = DATA_DIR / f"wide-{CHILDREN}{'-labelled' if labelled else ''}.ttl"
        if not path.exists():
            wide_organigram(path, labelled=labelled)
        start = time.perf_counter()
        graph = open_source(path)
        tree = graph.hierarchy
        roots = tree.roots()
        opened = time.perf_counter()
        printed = len(tree.outline(roots[0]))
        outlined = time.perf_counter()
        wall, peak, code = run_child([SCRIPT, "tree", "--data", str(path)])
        rows.append(
            [
                f"{path.stat().st_size / 1e6:.1f} MB, {type(graph).__name__}",
                f"{opened - start:.2f}",
                f"{outlined - opened:.2f}",
                printed,
                f"{wall:.2f}" + ("" if code == 0 else f" (exit {code})"),
                f"{peak:.0f}",
            ]
        )
    headers = ["wide organigram (1 parent, 20,000 units)", "open + roots s", "outline s"]
    headers += ["rows", "`kg-explorer tree` s", "tree peak MB"]
    return "### A parent with 20,000 units\n\n" + table(headers, rows)


if __name__ == "__main__":
    print(run())
