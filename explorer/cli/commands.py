"""The query subcommands: search, show, tree, path, stats, validate, provenance check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import analysis
from ..categories import category
from ..errors import LoadError
from ..render.report_text import to_json, to_text
from ..reports import build_entity_details, build_hierarchy_report, build_path_report
from .common import UsageError, emit_json, handle_errors, load_kg, resolve


def register(subparsers, common: argparse.ArgumentParser) -> None:
    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(run=handle_errors(func))
        return sub

    p = add("search", cmd_search, "Find entities by Chinese, English, pinyin or alias.")
    p.add_argument("query")
    p.add_argument("--type", help="only this category (organization, mechanism, ...) or type IRI")
    p.add_argument("--limit", type=int, default=20)

    p = add("show", cmd_show, "Labels, types, description and relations of one entity.")
    p.add_argument("entity", help="IRI, prefixed name, id or label")

    p = add("tree", cmd_tree, "The organization hierarchy as an indented tree.")
    p.add_argument("root", nargs="?", help="start here (default: every root)")
    p.add_argument("--depth", type=int)

    p = add("path", cmd_path, "The shortest path between two entities, with evidence per hop.")
    p.add_argument("a")
    p.add_argument("b")

    add("stats", cmd_stats, "Counts by type, the source's figures, the most connected entities.")

    p = add("validate", cmd_validate, "Parse a file and SHACL-validate it where shapes apply.")
    p.add_argument("file")
    p.add_argument("--shapes", metavar="FILE", help="SHACL shapes (default: the project's)")

    prov = subparsers.add_parser("provenance", help="Check the evidence against the source text.")
    prov_sub = prov.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = prov_sub.add_parser(
        "check",
        parents=[common],
        help="Every evidence phrase must occur in the source text (whitespace ignored).",
    )
    p.add_argument("--source", required=True, metavar="FILE", help="the article's text")
    p.set_defaults(run=handle_errors(cmd_provenance_check))


# --- helpers -------------------------------------------------------------------------
def answer(args: argparse.Namespace, data: Any, text: str, found: bool = True) -> int:
    """Print *data* as JSON (``--json``) or *text*; exit code 1 when nothing was found."""
    if args.json:
        emit_json(data)
    elif text:
        print(text)
    return 0 if found else 1


def answer_report(args: argparse.Namespace, report) -> int:
    """A report from ``explorer.reports`` as JSON or text; 1 when it found nothing."""
    return answer(args, to_json(report), to_text(report), report.found)


# --- subcommands ---------------------------------------------------------------------
def cmd_search(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    categories = None
    if args.type:
        categories = {args.type}
        resolved = [n.category for n in kg.nodes() if args.type in n.types]
        if resolved:
            categories = set(resolved)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    hits = kg.search_index.search(args.query, categories=categories, limit=args.limit)
    data = [
        {
            "id": h.node_id,
            "label": kg.label(h.node_id, args.lang),
            "category": h.category,
            "match": h.kind,
            "matched": h.matched,
            "score": round(h.score, 3),
        }
        for h in hits
    ]
    text = "\n".join(f"{d['label']}\t{d['category']}\t{d['match']}\t{d['id']}" for d in data)
    return answer(args, data, text, bool(hits))


def cmd_show(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    node_id = resolve(kg, args.entity)
    return answer_report(args, build_entity_details(kg, node_id, args.lang))


def cmd_tree(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    root = resolve(kg, args.root) if args.root else None
    return answer_report(args, build_hierarchy_report(kg, root, args.lang, depth=args.depth))


def cmd_path(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    a, b = resolve(kg, args.a), resolve(kg, args.b)
    return answer_report(args, build_path_report(kg, a, b, args.lang))


def cmd_stats(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    lang = args.lang
    types = analysis.type_counts(kg, "en" if lang == "both" else lang)
    kinds = analysis.category_counts(kg)  # organizations by ORG class or a subclass of one
    figures = kg.figures()
    top = analysis.most_connected(kg, lang=lang)
    data = {
        "entities": len(kg),
        "relations": len(kg.edges()),
        "triples": len(kg.rdf),
        "types": [{"id": t.type_id, "label": t.label, "count": t.count} for t in types],
        "categories": [
            {"key": k, "label": category(k).label(lang), "count": n} for k, n in kinds.items()
        ],
        "figures": [
            {
                "value": f.value,
                "unit": f.unit_label(lang),
                "counts": f.counts_label(lang),
                "entity": f.entity_id,
                "entity_label": kg.label(f.entity_id, lang) if f.entity_id else "",
                "as_of": f.as_of,
            }
            for f in figures
        ],
        "most_connected": [
            {"id": r.node_id, "label": r.label, "degree": r.degree, "betweenness": r.centrality}
            for r in top
        ],
    }
    lines = [f"{len(kg)} entities, {len(kg.edges())} relations, {len(kg.rdf)} triples"]
    lines.append("\nEntities by kind:")
    lines += [f"  {n:6d}  {category(k).label(lang)}" for k, n in kinds.items()]
    lines.append("\nEntities by type:")
    lines += [f"  {t.count:6d}  {t.label}" for t in types]
    if figures:
        lines.append("\nFigures:")
        for f in figures:
            of = f" — {kg.label(f.entity_id, lang)}" if f.entity_id else ""
            when = f" (as of {f.as_of})" if f.as_of else ""
            lines.append(
                f"  {f.value:>12,g} {f.unit_label(lang)}  {f.counts_label(lang)}{of}{when}"
            )
    lines.append("\nMost connected:")
    lines += [f"  {r.degree:4d}  {r.centrality:.3f}  {r.label}" for r in top]
    return answer(args, data, "\n".join(lines))


def cmd_validate(args: argparse.Namespace) -> int:
    from ..validate import validate_file

    report = validate_file(Path(args.file), shapes=Path(args.shapes) if args.shapes else None)
    return answer(args, report.as_dict(), report.text(), report.conforms)


def cmd_provenance_check(args: argparse.Namespace) -> int:
    from ..provenance import check_evidence

    try:
        text = Path(args.source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read the source text ({exc})", source=args.source) from None
    kg = load_kg(args)
    missing = check_evidence(kg.rdf, text)
    data = [{"quote": m.quote, "section": m.section, "subject": m.subject} for m in missing]
    lines = [f"{len(missing)} evidence phrase(s) not found in {args.source}:"] if missing else []
    lines += [f"  “{m.quote}”  ({m.subject}; {m.section})" for m in missing]
    text = "\n".join(lines) or f"every evidence phrase occurs in {args.source}"
    return answer(args, data, text, not missing)
