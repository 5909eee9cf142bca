"""Write ``article.ttl`` from the curated source in ``_lanzhou_b1.py``.

The graph is curated as Python data so that every relation gets its ``rdf:Statement``
and evidence by construction; this module renders it as readable Turtle, one block per
entity followed by the reifications of that entity's relations. Regenerate with::

    python -m graph_data._build            # writes graph_data/article.ttl
    python -m graph_data._build --check    # fails if article.ttl is out of date

Not imported by the loader: the product reads only the Turtle files.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "kgx": "https://w3id.org/kg-explorer/vocab#",
    "lz": "https://w3id.org/kg-explorer/lanzhou/",
}

#: Short kind names used in the source -> rdf:type terms.
KINDS = {
    "org": ("org:Organization",),
    "formal": ("org:Organization", "org:FormalOrganization"),
    "unit": ("org:OrganizationalUnit",),
    "mechanism": ("kgx:Mechanism",),
    "initiative": ("kgx:Initiative",),
    "goal": ("kgx:Goal",),
    "honour": ("kgx:Honour",),
    "problem": ("kgx:Problem",),
    "document": ("kgx:Document",),
    "event": ("kgx:Event",),
    "place": ("kgx:Place",),
    "person": ("kgx:Person",),
    "level": ("kgx:AdministrativeLevel",),
    "role": ("kgx:Role",),
}

Evidence = tuple[str, str]  # (quote as printed, section number or slug)


def lit(text: str, lang: str | None = None) -> str:
    """A Turtle string literal."""
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{esc}"' + (f"@{lang}" if lang else "")


def section_ref(section: str | int) -> str:
    return f"lz:section-{section}"


@dataclass
class Entity:
    slug: str
    kind: str
    zh: str
    en: str
    description: str
    evidence: list[Evidence]
    description_zh: str | None = None
    alt_zh: list[str] = field(default_factory=list)
    alt_en: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    ocr: list[tuple[str, str, str]] = field(default_factory=list)  # (ocr, corrected, comment)
    extra: list[tuple[str, str]] = field(default_factory=list)  # (predicate, Turtle object)
    general: list[tuple[str, str, str, str]] = field(default_factory=list)
    # general: (quote, section, comment, source) evidence marked kgx:generalKnowledge


@dataclass
class Relation:
    s: str
    p: str
    o: str
    evidence: list[Evidence]


@dataclass
class Figure:
    slug: str
    value: str  # lexical form
    datatype: str  # xsd:integer / xsd:decimal
    unit: tuple[str, str]
    counts: tuple[str, str]
    of: list[str]
    zh: str
    en: str
    evidence: list[Evidence]
    as_of: str | None = None  # Turtle object, e.g. '"2019"^^xsd:gYear'
    qualifier: tuple[str, str] | None = None


class Builder:
    """Collects entities, relations and figures, then renders them as Turtle."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.relations: list[Relation] = []
        self.figures: dict[str, Figure] = {}
        self.header: list[str] = []  # raw Turtle blocks (article, sections)

    def entity(
        self, slug: str, kind: str, zh: str, en: str, description: str, *evidence: Evidence, **kw
    ) -> str:
        if slug in self.entities:
            raise ValueError(f"duplicate entity {slug}")
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind} for {slug}")
        if not evidence:
            raise ValueError(f"{slug} has no evidence")
        entity = Entity(slug, kind, zh, en, description, list(evidence), **kw)
        for pref, alts in ((zh, entity.alt_zh), (en, entity.alt_en)):
            if pref in alts or len(set(alts)) != len(alts):
                raise ValueError(f"{slug}: altLabel repeats a label: {alts}")
        self.entities[slug] = entity
        return slug

    def rel(self, s: str, p: str, o: str, *evidence: Evidence) -> None:
        if not evidence:
            raise ValueError(f"relation {s} {p} {o} has no evidence")
        for known in self.relations:  # the same triple again: one statement, more evidence
            if (known.s, known.p, known.o) == (s, p, o):
                known.evidence += [ev for ev in evidence if ev not in known.evidence]
                return
        self.relations.append(Relation(s, p, o, list(evidence)))

    def figure(self, slug: str, value: str, datatype: str, **kw) -> str:
        slug = f"figure-{slug}"
        if slug in self.figures:
            raise ValueError(f"duplicate figure {slug}")
        self.figures[slug] = Figure(slug, value, datatype, **kw)
        return slug

    # -- checks -----------------------------------------------------------------
    def check(self) -> None:
        known = set(self.entities) | set(self.figures)
        for r in self.relations:
            for end in (r.s, r.o):
                if end not in known and end != "article":
                    raise ValueError(f"relation {r.s} {r.p} {r.o}: unknown {end}")
        for f in self.figures.values():
            for o in f.of:
                if o not in self.entities:
                    raise ValueError(f"{f.slug}: figureOf unknown {o}")

    # -- rendering ----------------------------------------------------------------
    @staticmethod
    def _evidence(ev: Evidence, indent: str) -> str:
        quote, section = ev
        return (
            f"{indent}[ a kgx:Evidence ; kgx:quote {lit(quote, 'zh')} ;"
            f" kgx:section {section_ref(section)} ]"
        )

    def _statement(self, r: Relation) -> str:
        evs = " ,\n".join(self._evidence(ev, "        ") for ev in r.evidence)
        return (
            f"[] a rdf:Statement ; rdf:subject lz:{r.s} ; rdf:predicate {r.p} ;"
            f" rdf:object lz:{r.o} ;\n    kgx:evidence\n{evs} .\n"
        )

    def _entity(self, e: Entity, out_rels: list[Relation]) -> str:
        lines = [f"lz:{e.slug} a {', '.join(KINDS[e.kind])} ;"]
        lines.append(f"    skos:prefLabel {lit(e.zh, 'zh')}, {lit(e.en, 'en')} ;")
        alts = [lit(a, "zh") for a in e.alt_zh] + [lit(a, "en") for a in e.alt_en]
        if alts:
            lines.append(f"    skos:altLabel {', '.join(alts)} ;")
        if e.hidden:
            lines.append(f"    skos:hiddenLabel {', '.join(lit(h, 'zh') for h in e.hidden)} ;")
        desc = [lit(e.description, "en")]
        if e.description_zh:
            desc.append(lit(e.description_zh, "zh"))
        lines.append(f"    dcterms:description {', '.join(desc)} ;")
        for pred, obj in e.extra:
            lines.append(f"    {pred} {obj} ;")
        for ocr, corrected, comment in e.ocr:
            lines.append(
                f"    kgx:ocrCorrection [ kgx:ocrText {lit(ocr, 'zh')} ;"
                f" kgx:correctedText {lit(corrected, 'zh')} ;\n"
                f"        rdfs:comment {lit(comment, 'en')} ] ;"
            )
        by_pred: dict[str, list[str]] = {}
        for r in out_rels:
            by_pred.setdefault(r.p, [])
            if f"lz:{r.o}" not in by_pred[r.p]:
                by_pred[r.p].append(f"lz:{r.o}")
        for pred, objs in by_pred.items():
            lines.append(f"    {pred} {', '.join(objs)} ;")
        evs = [self._evidence(ev, "        ") for ev in e.evidence]
        for quote, section, comment, source in e.general:
            evs.append(
                f"        [ a kgx:Evidence ; kgx:quote {lit(quote, 'zh')} ;"
                f" kgx:section {section_ref(section)} ;\n"
                f"          kgx:generalKnowledge true ; rdfs:comment {lit(comment, 'en')} ;\n"
                f"          dcterms:source {lit(source)} ]"
            )
        lines.append("    kgx:evidence\n" + " ,\n".join(evs) + " .")
        return "\n".join(lines) + "\n"

    def _figure(self, f: Figure) -> str:
        lines = [
            f"lz:{f.slug} a kgx:Figure ;",
            f"    skos:prefLabel {lit(f.zh, 'zh')}, {lit(f.en, 'en')} ;",
            f'    kgx:value "{f.value}"^^{f.datatype} ;',
            f"    kgx:unit {lit(f.unit[0], 'zh')}, {lit(f.unit[1], 'en')} ;",
            f"    kgx:counts {lit(f.counts[0], 'zh')}, {lit(f.counts[1], 'en')} ;",
        ]
        if f.qualifier:
            lines.append(
                f"    kgx:valueQualifier {lit(f.qualifier[0], 'zh')}, {lit(f.qualifier[1], 'en')} ;"
            )
        if f.as_of:
            lines.append(f"    kgx:asOf {f.as_of} ;")
        lines.append(f"    kgx:figureOf {', '.join(f'lz:{o}' for o in f.of)} ;")
        evs = [self._evidence(ev, "        ") for ev in f.evidence]
        lines.append("    kgx:evidence\n" + " ,\n".join(evs) + " .")
        block = "\n".join(lines) + "\n"
        for o in f.of:
            block += "\n" + self._statement(Relation(f.slug, "kgx:figureOf", o, f.evidence))
        return block

    def render(self, title: str, groups: list[tuple[str, list[str]]]) -> str:
        """Turtle for everything collected; *groups* orders entity slugs under comment headings."""
        self.check()
        placed = [slug for _, slugs in groups for slug in slugs]
        missing = set(self.entities) - set(placed)
        if missing or len(placed) != len(set(placed)):
            raise ValueError(f"entities not placed exactly once in groups: {sorted(missing)}")
        out = [f"# {title}\n# Generated by graph_data/_build.py: edit graph_data/_lanzhou_b1.py.\n"]
        out += [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()]
        out.append("")
        out += self.header
        rels_by_subject: dict[str, list[Relation]] = {}
        for r in self.relations:
            rels_by_subject.setdefault(r.s, []).append(r)
        if "article" in rels_by_subject:
            for r in rels_by_subject["article"]:
                out.append(self._statement(r))
        for heading, slugs in groups:
            out.append(f"\n# {'=' * 76}\n# {heading}\n# {'=' * 76}\n")
            for slug in slugs:
                rels = rels_by_subject.get(slug, [])
                out.append(self._entity(self.entities[slug], rels))
                for r in rels:
                    out.append(self._statement(r))
        out.append(f"\n# {'=' * 76}\n# Figures\n# {'=' * 76}\n")
        for f in self.figures.values():
            out.append(self._figure(f))
        return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from graph_data import _lanzhou_b1 as source

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if article.ttl is stale")
    args = parser.parse_args(argv)
    text = source.render()
    target = Path(__file__).with_name("article.ttl")
    if args.check:
        if target.read_text(encoding="utf-8") != text:
            print("graph_data/article.ttl is out of date; run python -m graph_data._build")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
