"""Validating a file: it must parse, and conform to the SHACL shapes that apply to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

from .rdf_io import load_graph


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class ValidationReport:
    file: str
    triples: int
    shapes_applied: bool
    conforms: bool
    violations: tuple[Violation, ...] = field(default=())

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "triples": self.triples,
            "shapes_applied": self.shapes_applied,
            "conforms": self.conforms,
            "violations": [
                {"focus": v.focus, "path": v.path, "message": v.message} for v in self.violations
            ],
        }

    def text(self) -> str:
        lines = [f"{self.file}: parsed {self.triples} triples"]
        if not self.shapes_applied:
            lines.append("no SHACL shapes apply to this data (only syntax was checked)")
        elif self.conforms:
            lines.append("conforms to the SHACL shapes")
        else:
            lines.append(f"{len(self.violations)} SHACL violation(s):")
            lines += [f"  {v.focus} {v.path}: {v.message}" for v in self.violations]
        return "\n".join(lines)


def _shapes_apply(data: Graph, shapes: Graph) -> bool:
    targets = set(shapes.objects(None, SH.targetClass))
    targets |= {s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, RDF.type, None) in shapes}
    if any((None, RDF.type, t) in data for t in targets):
        return True
    return any((None, p, None) in data for p in shapes.objects(None, SH.targetSubjectsOf))


def validate_file(path: Path, *, shapes: Path | None = None) -> ValidationReport:
    """Parse *path* (LoadError if it doesn't) and check it against *shapes* (default: ours)."""
    import graph_data

    data = load_graph(path)
    shapes_graph = load_graph(shapes if shapes else graph_data.SHAPES_TTL)
    if not _shapes_apply(data, shapes_graph):
        return ValidationReport(str(path), len(data), False, True)
    from pyshacl import validate  # imported lazily: ~1 s

    conforms, results, _text = validate(
        data,
        shacl_graph=shapes_graph,
        ont_graph=load_graph(graph_data.VOCABULARY_TTL),
        inference="none",
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode) or ""),
                path=str(results.value(result, SH.resultPath) or ""),
                message=str(results.value(result, SH.resultMessage) or ""),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(str(path), len(data), True, bool(conforms), tuple(violations))
