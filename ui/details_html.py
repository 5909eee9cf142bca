"""The details of one entity as HTML for a QTextBrowser; every piece of data is escaped.

Relations become links ``#e<n>`` whose number indexes ``Details.targets``, so no
IRI from the file ever ends up inside an ``href``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from explorer.categories import category
from explorer.graph import KnowledgeGraph
from explorer.model import Edge, Evidence, Lang


@dataclass
class Details:
    html: str
    title: str
    targets: list[str] = field(default_factory=list)


def _evidence_html(ev: Evidence, tr: Callable[[str], str], section: str) -> str:
    quote = f"“{escape(ev.quote)}”" if ev.quote else ""
    parts = [f"<blockquote style='margin:2px 0 2px 12px'>{quote}"]
    where = []
    if section:
        where.append(f"{tr('Section')}: {escape(section)}")
    if ev.source:
        where.append(escape(ev.source))
    if ev.note:
        where.append(f"<i>{escape(ev.note)}</i>")
    if where:
        parts.append(f"<br><small style='color:#555'>{' · '.join(where)}</small>")
    parts.append("</blockquote>")
    return "".join(parts)


def details_html(kg: KnowledgeGraph, node_id: str, lang: Lang, tr: Callable[[str], str]) -> Details:
    """Labels, type, description, attributes, figures, relations and evidence of *node_id*."""
    node = kg.node(node_id)
    targets: list[str] = []

    def ev_html(ev: Evidence) -> str:  # the section heading in the chosen language
        section = kg.label(ev.section_id, lang) if ev.section_id else ev.section
        return _evidence_html(ev, tr, section)

    def link(target: str) -> str:
        targets.append(target)
        return f"<a href='#e{len(targets) - 1}'>{escape(kg.label(target, lang))}</a>"

    title = node.label(lang)
    cat = category(node.category)
    out = [f"<h2 style='margin:0'>{escape(title)}</h2>"]
    other = node.label("en" if lang == "zh" else "zh")
    if other != title and lang != "both":
        out.append(f"<div style='font-size:large'>{escape(other)}</div>")
    out.append(
        f"<p><span style='color:{cat.colour}'>■</span> {escape(cat.label(lang))}"
        + (
            f" · {escape(node.type_label)}"
            if node.type_label and node.type_label != cat.label(lang)
            else ""
        )
        + f"<br><small style='color:#666'>{escape(node_id)}</small></p>"
    )
    description = node.description(lang if lang != "both" else "zh")
    if description:
        out.append(f"<p>{escape(description)}</p>")
    if node.aliases:
        out.append(f"<p><b>{tr('Also called')}:</b> {escape('、'.join(node.aliases))}</p>")
    attributes = kg.attributes(node_id)
    if attributes:
        rows = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in attributes)
        out.append(f"<table cellspacing='4'>{rows}</table>")
    figures = kg.figures_of(node_id)
    if figures:
        out.append(f"<h3>{tr('Figures')}</h3><ul>")
        for f in figures:
            value = f"{f.value:g} {f.unit_label(lang)}".strip()
            out.append(f"<li><b>{escape(value)}</b> {escape(f.counts_label(lang))}")
            out.extend(ev_html(ev) for ev in f.evidence)
            out.append("</li>")
        out.append("</ul>")
    for heading, edges, outward in (
        (tr("Relations"), kg.out_edges(node_id), True),
        (tr("Referred to by"), kg.in_edges(node_id), False),
    ):
        if edges:
            out.append(f"<h3>{heading}</h3><ul>")
            out.extend(_edge_html(e, outward, lang, link, ev_html) for e in edges)
            out.append("</ul>")
    evidence = kg.evidence(node_id)
    if evidence:
        out.append(f"<h3>{tr('Evidence in the article')}</h3>")
        out.extend(ev_html(ev) for ev in evidence)
    fixes = kg.ocr_corrections(node_id)
    if fixes:
        out.append(f"<h3>{tr('OCR corrections')}</h3><ul>")
        for printed, corrected, comment in fixes:
            note = f" ({escape(comment)})" if comment else ""
            out.append(f"<li>{escape(printed)} → {escape(corrected)}{note}</li>")
        out.append("</ul>")
    return Details("".join(out), title, targets)


def _edge_html(edge: Edge, outward: bool, lang: Lang, link, ev_html) -> str:
    other = edge.target if outward else edge.source
    text = f"<li>{escape(edge.label(lang))} {link(other)}"
    if not outward:
        text = f"<li>{link(other)} {escape(edge.label(lang))}"
    return text + "".join(ev_html(ev) for ev in edge.evidence) + "</li>"
