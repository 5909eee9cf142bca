"""The query subcommands: search, show, tree, path, stats, validate, provenance check."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import analysis, views
from ..errors import LoadError
from ..graph import KnowledgeGraph
from ..model import Edge, Evidence
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
def _evidence_json(ev: tuple[Evidence, ...]) -> list[dict]:
    return [
        {"quote": e.quote, "section": e.section, "source": e.source, "note": e.note} for e in ev
    ]


def _print_evidence(ev: tuple[Evidence, ...], indent: str = "    ") -> None:
    for line in _evidence_lines(ev, indent):
        print(line)


def _evidence_lines(ev: tuple[Evidence, ...], indent: str = "    ") -> list[str]:
    lines = []
    for e in ev:
        where = f" [{e.section}]" if e.section else ""
        note = f" ({e.note})" if e.note else ""
        quote = f"“{e.quote}”" if e.quote else "(no quote)"
        lines.append(f"{indent}{quote}{where}{note}")
    return lines


def _edge_json(kg: KnowledgeGraph, edge: Edge, lang) -> dict:
    return {
        "source": edge.source,
        "source_label": kg.label(edge.source, lang),
        "predicate": edge.predicate,
        "predicate_label": edge.label(lang),
        "target": edge.target,
        "target_label": kg.label(edge.target, lang),
        "evidence": _evidence_json(edge.evidence),
    }


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
    if args.json:
        emit_json(
            [
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
        )
    else:
        for h in hits:
            print(f"{kg.label(h.node_id, args.lang)}\t{h.category}\t{h.kind}\t{h.node_id}")
    return 0 if hits else 1


def cmd_show(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    node = kg.node(resolve(kg, args.entity))
    lang = args.lang
    out_edges, in_edges = kg.out_edges(node.id), kg.in_edges(node.id)
    breadcrumb = [kg.label(a, lang) for a in kg.hierarchy.ancestors(node.id)]
    if args.json:
        emit_json(
            {
                "id": node.id,
                "label": node.label(lang),
                "labels": [{"lang": lg, "text": t} for lg, t in node.labels],
                "aliases": list(node.aliases),
                "types": [{"id": t, "label": kg.label_of(t, lang)} for t in node.types],
                "category": node.category,
                "description": node.description(lang),
                "hierarchy": breadcrumb,
                "evidence": _evidence_json(kg.evidence(node.id)),
                "ocr_corrections": [
                    {"printed": a, "corrected": b, "comment": c}
                    for a, b, c in kg.ocr_corrections(node.id)
                ],
                "figures": [
                    {"value": f.value, "unit": f.unit_label(lang), "counts": f.counts_label(lang)}
                    for f in kg.figures_of(node.id)
                ],
                "relations_out": [_edge_json(kg, e, lang) for e in out_edges],
                "relations_in": [_edge_json(kg, e, lang) for e in in_edges],
            }
        )
        return 0
    print(node.label(lang))
    print(f"  id: {node.id}")
    for lg, text in node.labels:
        print(f"  label@{lg or '-'}: {text}")
    if node.aliases:
        print(f"  aliases: {', '.join(node.aliases)}")
    if node.types:
        print(f"  types: {', '.join(kg.label_of(t, lang) for t in node.types)}")
    if node.description(lang):
        print(f"  description: {node.description(lang)}")
    if breadcrumb:
        print(f"  within: {' > '.join(breadcrumb)}")
    evidence = kg.evidence(node.id)
    if evidence:
        print("  evidence:")
        _print_evidence(evidence)
    for printed, corrected, _c in kg.ocr_corrections(node.id):
        print(f"  OCR correction: {printed} -> {corrected}")
    for f in kg.figures_of(node.id):
        print(f"  figure: {f.value:g} {f.unit_label(lang)} ({f.counts_label(lang)})")
    if out_edges:
        print("  relations:")
        for e in out_edges:
            print(f"    → {e.label(lang)}: {kg.label(e.target, lang)}")
            _print_evidence(e.evidence, "        ")
    if in_edges:
        print("  referenced by:")
        for e in in_edges:
            print(f"    ← {kg.label(e.source, lang)} {e.label(lang)}")
            _print_evidence(e.evidence, "        ")
    return 0


def cmd_tree(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    tree = kg.hierarchy
    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    roots = [resolve(kg, args.root)] if args.root else tree.roots()
    if not roots or (args.root and not tree.contains(roots[0])):
        if args.json:
            emit_json({"roots": [], "cycles": []})
        else:
            print("no hierarchy found", flush=True)
        return 1
    rows = [(nid, d) for root in roots for nid, d in tree.descendants(root, depth=args.depth)]
    cycles = [
        {"nodes": [kg.label(n, args.lang) for n in c.node_ids], "cut": [c.cut.child, c.cut.parent]}
        for c in tree.cycles
    ]
    if args.json:
        emit_json(
            {
                "nodes": [
                    {"id": nid, "label": kg.label(nid, args.lang), "depth": d} for nid, d in rows
                ],
                "cycles": cycles,
            }
        )
        return 0
    for nid, d in rows:
        print(f"{'  ' * d}{kg.label(nid, args.lang)}")
    for c in cycles:
        print(f"cycle (cut, not followed): {' → '.join(c['nodes'])}")
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    a, b = resolve(kg, args.a), resolve(kg, args.b)
    path = views.shortest_path(kg, a, b)
    if path is None:
        if args.json:
            emit_json(None)
        else:
            print(f"no path between {kg.label(a, args.lang)} and {kg.label(b, args.lang)}")
        return 1
    if args.json:
        emit_json(
            {
                "nodes": [{"id": n, "label": kg.label(n, args.lang)} for n in path.node_ids],
                "hops": [
                    {**_edge_json(kg, s.edge, args.lang), "forward": s.forward} for s in path.steps
                ],
            }
        )
        return 0
    print(kg.label(path.node_ids[0], args.lang))
    for step in path.steps:
        e = step.edge
        nxt = e.target if step.forward else e.source
        arrow = f"—{e.label(args.lang)}→" if step.forward else f"←{e.label(args.lang)}—"
        print(f"  {arrow} {kg.label(nxt, args.lang)}")
        _print_evidence(e.evidence, "      ")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    kg = load_kg(args)
    lang = args.lang
    types = analysis.type_counts(kg, "en" if lang == "both" else lang)
    figures = kg.figures()
    top = analysis.most_connected(kg, lang=lang)
    if args.json:
        emit_json(
            {
                "entities": len(kg),
                "relations": len(kg.edges()),
                "triples": len(kg.rdf),
                "types": [{"id": t.type_id, "label": t.label, "count": t.count} for t in types],
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
                    {
                        "id": r.node_id,
                        "label": r.label,
                        "degree": r.degree,
                        "betweenness": r.centrality,
                    }
                    for r in top
                ],
            }
        )
        return 0
    print(f"{len(kg)} entities, {len(kg.edges())} relations, {len(kg.rdf)} triples")
    print("\nEntities by type:")
    for t in types:
        print(f"  {t.count:6d}  {t.label}")
    if figures:
        print("\nFigures:")
        for f in figures:
            of = f" — {kg.label(f.entity_id, lang)}" if f.entity_id else ""
            when = f" (as of {f.as_of})" if f.as_of else ""
            print(f"  {f.value:>12,g} {f.unit_label(lang)}  {f.counts_label(lang)}{of}{when}")
    print("\nMost connected:")
    for r in top:
        print(f"  {r.degree:4d}  {r.centrality:.3f}  {r.label}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from ..validate import validate_file

    report = validate_file(Path(args.file), shapes=Path(args.shapes) if args.shapes else None)
    if args.json:
        emit_json(report.as_dict())
    else:
        print(report.text())
    return 0 if report.conforms else 1


def cmd_provenance_check(args: argparse.Namespace) -> int:
    from ..provenance import check_evidence

    try:
        text = Path(args.source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read the source text ({exc})", source=args.source) from None
    kg = load_kg(args)
    missing = check_evidence(kg.rdf, text)
    if args.json:
        emit_json([{"quote": m.quote, "section": m.section, "subject": m.subject} for m in missing])
    elif missing:
        print(f"{len(missing)} evidence phrase(s) not found in {args.source}:")
        for m in missing:
            print(f"  “{m.quote}”  ({m.subject}; {m.section})")
    else:
        print(f"every evidence phrase occurs in {args.source}")
    return 1 if missing else 0
