"""Reports as HTML for the app's panels, from jinja2 templates with autoescaping on.

Every piece of data is escaped by the template engine. Links carry numbers only
(``#e<n>`` indexes ``ReportHtml.targets``, ``#n<i>`` a path's nodes), so no IRI
from a file ever ends up inside an ``href``. Headings go through *tr*, the
caller's translation function, so the interface's language is the caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..categories import category
from ..reports import EntityDetails, PathReport, Quote


@dataclass(frozen=True, slots=True)
class ReportHtml:
    html: str
    title: str = ""
    targets: tuple[str, ...] = field(default_factory=tuple)  # ids behind #e<n> / #n<i>


def _same(text: str) -> str:
    return text


@cache
def _environment():
    import jinja2  # only when a panel first shows a report: keeps the cold start lean

    return jinja2.Environment(
        loader=jinja2.PackageLoader("explorer", "render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(template: str, pairs: tuple[tuple[str, str], ...], **context) -> str:
    numbers = {pair: i for i, pair in enumerate(pairs, start=1)}

    def cite(q: Quote) -> int | None:
        return numbers.get(q.cited)

    return _environment().get_template(template).render(citations=pairs, cite=cite, **context)


def details_html(d: EntityDetails, tr: Callable[[str], str] = _same) -> ReportHtml:
    """The details panel's page: one citation block per section, quotes as read."""
    html = _render("details.html.j2", d.citations(), d=d, tr=tr, colour=category(d.category).colour)
    return ReportHtml(html, d.label, d.link_targets)


def path_html(
    p: PathReport, tr: Callable[[str], str] = _same, *, hops_heading: str = ""
) -> ReportHtml:
    """The path finder's page: From first, each hop with its quotes, citations once."""
    heading = hops_heading or f"{len(p.hops)} hop(s)"
    html = _render("path.html.j2", p.citations(), p=p, tr=tr, hops_heading=heading)
    return ReportHtml(html, f"{p.start.label} → {p.end.label}", tuple(n.id for n in p.nodes))
