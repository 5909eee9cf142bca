"""The graph page as one self-contained HTML file, rendered by pyvis with our template.

pyvis's ``Network`` is filled with the vis-network node and edge records as lists
(``add_node`` one by one is quadratic) and renders ``templates/graph.html.j2``
through its own template mechanism, inlining vis-network from its bundled copy
(``cdn_resources="in_line"``), so the page needs no network. The app's page and
the HTML export come from this one template: the export carries its data inline;
the app loads a data-less *shell* once and sends each view through the bridge.

Importing pyvis costs ~0.25 s, so the app's shell is rendered once per template
version and kept on disk (:func:`shell_page`); a warm start never imports pyvis.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
import threading
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..model import GraphView, Lang
from .page import ASSETS, FONT_FACE, options, page_data, script_json

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "graph.html.j2"
#: Qt's channel script: only the app's page loads it (an export has no Qt to talk to).
QWEBCHANNEL = "qrc:///qtwebchannel/qwebchannel.js"

_render_lock = threading.Lock()  # template globals are set per render


def html_lang(lang: Lang) -> str:
    return "zh-Hans" if lang == "zh" else "en"


def _pyvis_templates() -> Path:
    """pyvis's template folder (its ``lib/`` holds the vis-network copy it inlines)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: it renders the graph page")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> Any:
    """One jinja2 environment (its compiled templates are reused): ours first, then pyvis's."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from markupsafe import Markup

    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(_pyvis_templates()))]
        ),
        autoescape=True,
    )
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    env.filters["inert_json"] = lambda text: Markup(script_json(json.loads(text)))
    env.globals["asset"] = lambda name: Markup(_asset(name))
    env.globals["font_face"] = FONT_FACE
    return env


class _PageTemplates:
    """What pyvis asks for its template (``templateEnv.get_template``), with this page's
    globals: the page language and whether Qt's channel script is loaded."""

    def __init__(self, page_globals: dict[str, Any]) -> None:
        self._globals = page_globals

    def get_template(self, name: str) -> Any:
        return _environment().get_template(name, globals=self._globals)


def render_page(
    view: GraphView | None,
    positions: dict[str, tuple[float, float]],
    *,
    lang: Lang = "zh",
    edge_labels: bool = True,
    title: str | None = None,
    channel_script: str | None = None,
) -> str:
    """The page drawing *view* at *positions*; ``view=None`` gives the data-less shell."""
    from pyvis.network import Network

    data = page_data(view, positions, lang) if view is not None else {"nodes": [], "edges": []}
    net = Network(cdn_resources="in_line", heading=title or "KG Explorer")
    net.nodes, net.edges = data["nodes"], data["edges"]
    net.options = options(edge_labels=edge_labels)
    net.path = TEMPLATE
    net.templateEnv = _PageTemplates(
        {"html_lang": html_lang(lang), "channel_script": channel_script}
    )
    with _render_lock:
        return net.generate_html()


def _shell_key(lang: Lang, edge_labels: bool) -> str:
    """Changes whenever the shell would: template, bridge, pyvis version, options, language."""
    h = hashlib.sha256()
    for part in (
        (TEMPLATES / TEMPLATE).read_bytes(),
        (ASSETS / "bridge.js").read_bytes(),
        (_pyvis_templates().parent / "_version.py").read_bytes(),  # no importlib.metadata
        json.dumps(options(edge_labels=edge_labels), sort_keys=True).encode(),
        lang.encode(),
    ):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()[:24]


def shell_page(directory: str | Path, *, lang: Lang = "zh", edge_labels: bool = True) -> Path:
    """The app's data-less page, rendered once and kept in *directory*; its path.

    A file that is there under the current key is complete (written whole, then
    renamed), so it is used as it is; otherwise pyvis renders it now.
    """
    directory = Path(directory)
    path = directory / f"graph-{_shell_key(lang, edge_labels)}.html"
    if path.is_file():
        return path
    html = render_page(None, {}, lang=lang, edge_labels=edge_labels, channel_script=QWEBCHANNEL)
    return write_page(html, directory, path.name)


def write_page(html: str, directory: str | Path, name: str) -> Path:
    """Write *html* to *directory*/*name* atomically (QWebEngineView loads it from there;
    ``setHtml`` fails past ~1 MB)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(html)
        os.replace(tmp, directory / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return directory / name
