"""Reports as plain text (what the CLI prints) and as JSON-ready values (its ``--json``).

JSON keeps every quote exactly as stored; text shows quotes as read
(``display_quote``), since the terminal is for people.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from ..reports import EntityDetails, HierarchyReport, PathReport, Quote, Ref, Relation, StaffLine


# --- JSON ----------------------------------------------------------------------------------
def quotes_json(quotes: tuple[Quote, ...]) -> list[dict]:
    return [
        {"quote": q.text, "section": q.section, "source": q.source, "note": q.note} for q in quotes
    ]


def relation_json(r: Relation) -> dict:
    return {
        "source": r.source.id,
        "source_label": r.source.label,
        "predicate": r.predicate.id,
        "predicate_label": r.predicate.label,
        "target": r.target.id,
        "target_label": r.target.label,
        "evidence": quotes_json(r.evidence),
    }


def ref_json(r: Ref | None) -> dict | None:
    return {"id": r.id, "label": r.label} if r is not None else None


def staff_json(line: StaffLine) -> dict:
    return {
        "person": ref_json(line.person),
        "post": ref_json(line.post),
        "role": ref_json(line.role),
        "head": line.head,
    }


def staff_text(line: StaffLine) -> str:
    """ "Katrin Dube — Abteilungsleitung, Abteilung II" (head marked)."""
    parts = [line.person.label] if line.person else []
    if line.post:
        parts.append(line.post.label)
    elif line.role:
        parts.append(line.role.label)
    return " — ".join(parts) + (" (head)" if line.head else "")


@singledispatch
def to_json(report) -> Any:
    """The JSON value of *report* (a dict, a list or ``None``)."""
    raise TypeError(f"no JSON rendering for {type(report).__name__}")


@to_json.register
def _(d: EntityDetails) -> dict:
    return {
        "id": d.id,
        "label": d.label,
        "labels": [{"lang": lg, "text": t} for lg, t in d.labels],
        "aliases": list(d.aliases),
        "types": [{"id": t.id, "label": t.label} for t in d.types],
        "category": d.category,
        "description": d.description,
        "hierarchy": [a.label for a in d.within],
        "parents": [ref_json(p) for p in d.parents],
        "heads": [ref_json(h) for h in d.heads],
        "people_and_posts": [staff_json(line) for line in d.people],
        "evidence": quotes_json(d.evidence),
        "ocr_corrections": [
            {"printed": f.printed, "corrected": f.corrected, "comment": f.comment}
            for f in d.ocr_corrections
        ],
        "figures": [{"value": f.value, "unit": f.unit, "counts": f.counts} for f in d.figures],
        "relations_out": [relation_json(r) for r in d.relations_out],
        "relations_in": [relation_json(r) for r in d.relations_in],
    }


@to_json.register
def _(p: PathReport) -> dict | None:
    if not p.found:
        return None
    return {
        "nodes": [{"id": n.id, "label": n.label} for n in p.nodes],
        "hops": [{**relation_json(h), "forward": h.forward} for h in p.hops],
    }


@to_json.register
def _(h: HierarchyReport) -> dict:
    return {
        "nodes": [
            {
                "id": r.id,
                "label": r.label,
                "depth": r.depth,
                "parent": r.parent,
                "also_under": [ref_json(p) for p in r.also_under],
            }
            for r in h.rows
        ],
        "cycles": [{"nodes": list(c.labels), "cut": list(c.cut)} for c in h.cycles],
    }


# --- text ----------------------------------------------------------------------------------
def quote_lines(quotes: tuple[Quote, ...], indent: str = "    ") -> list[str]:
    lines = []
    for q in quotes:
        where = f" [{q.section}]" if q.section else ""
        note = f" ({q.note})" if q.note else ""
        text = f"“{q.display}”" if q.display else "(no quote)"  # background knowledge
        lines.append(f"{indent}{text}{where}{note}")
    return lines


def quoted(line: str, quotes: tuple[Quote, ...], indent: str) -> list[str]:
    """*line*, then its quotes below it at *indent*."""
    return [line, *quote_lines(quotes, indent)]


@singledispatch
def to_text(report) -> str:
    """*report* as the lines the CLI prints (no trailing newline)."""
    raise TypeError(f"no text rendering for {type(report).__name__}")


@to_text.register
def _(d: EntityDetails) -> str:
    out = [d.label, f"  id: {d.id}"]
    out += [f"  label@{lg or '-'}: {text}" for lg, text in d.labels]
    if d.aliases:
        out.append(f"  aliases: {', '.join(d.aliases)}")
    if d.types:
        out.append(f"  types: {', '.join(t.label for t in d.types)}")
    if d.description:
        out.append(f"  description: {d.description}")
    if d.within:
        out.append(f"  within: {' > '.join(a.label for a in d.within)}")
    if len(d.parents) > 1:
        out.append(f"  parents: {'; '.join(p.label for p in d.parents)}")
    if d.heads:
        out.append(f"  head: {'; '.join(h.label for h in d.heads)}")
    if d.people:
        out.append("  people and posts:")
        out += [f"    {staff_text(line)}" for line in d.people]
    if d.evidence:
        out.append("  evidence:")
        out += quote_lines(d.evidence)
    out += [f"  OCR correction: {f.printed} -> {f.corrected}" for f in d.ocr_corrections]
    out += [f"  figure: {f.value:g} {f.unit} ({f.counts})" for f in d.figures]
    if d.relations_out:
        out.append("  relations:")
        for r in d.relations_out:
            out += quoted(f"    → {r.predicate.label}: {r.target.label}", r.evidence, "        ")
    if d.relations_in:
        out.append("  referenced by:")
        for r in d.relations_in:
            out += quoted(f"    ← {r.source.label} {r.predicate.label}", r.evidence, "        ")
    return "\n".join(out)


@to_text.register
def _(p: PathReport) -> str:
    if not p.found:
        return f"no path between {p.start.label} and {p.end.label}"
    out = [p.nodes[0].label]
    for hop in p.hops:
        label = hop.predicate.label
        arrow = f"—{label}→" if hop.forward else f"←{label}—"
        out += quoted(f"  {arrow} {hop.far_end.label}", hop.evidence, "      ")
    return "\n".join(out)


@to_text.register
def _(h: HierarchyReport) -> str:
    if not h.found:
        return "no hierarchy found"
    out = [
        f"{'  ' * r.depth}{r.label}"
        + (f"  (also under {', '.join(p.label for p in r.also_under)})" if r.also_under else "")
        for r in h.rows
    ]
    out += [f"cycle (cut, not followed): {' → '.join(c.labels)}" for c in h.cycles]
    return "\n".join(out)
