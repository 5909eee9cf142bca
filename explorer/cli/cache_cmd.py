"""``kg-explorer cache info|clear``: the on-disk index of opened files."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from ..sources import cache


def register(subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "cache",
        help="Show or clear the saved indexes that make large files reopen fast.",
        description="Large files opened in the app are indexed once and saved in a cache "
        f"folder (${cache.CACHE_VARIABLE} overrides where; ${cache.LIMIT_VARIABLE} its size "
        "limit). 'info' lists the entries; 'clear' deletes them all.",
    )
    p.add_argument("action", choices=("info", "clear"), help="what to do")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "clear":
        count, freed = cache.clear()
        if args.json:
            print(json.dumps({"cleared": count, "bytes": freed}))
        else:
            print(f"cleared {count} cached index(es), {freed / 1e6:.1f} MB, in {cache.cache_dir()}")
        return 0
    found = cache.info()
    if args.json:
        print(
            json.dumps(
                {
                    "folder": found.folder,
                    "bytes": found.bytes,
                    "limit": found.limit,
                    "entries": [
                        {"source": e.source, "bytes": e.bytes, "last_used": e.last_used}
                        for e in found.entries
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(
        f"{found.folder}: {len(found.entries)} entries, {found.bytes / 1e6:.1f} MB "
        f"of {found.limit / 1e6:.0f} MB"
    )
    for e in found.entries:
        when = (
            dt.datetime.fromtimestamp(e.last_used).strftime("%Y-%m-%d %H:%M")
            if e.last_used
            else "-"
        )
        print(f"  {e.bytes / 1e6:8.1f} MB  {when}  {e.source}")
    return 0
