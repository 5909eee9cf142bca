"""Entity categories: what kind of thing a node is, and how every view draws it.

One table serves the graph page, the legend, the SVG/PDF writer and the type
filters, so the screen and the exported images always agree.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .labels import local_name
from .model import interface_language
from .vocab import FOAF, KGX, ORG, OWL, RDFS, SDO, VCARD


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    zh: str
    en: str
    colour: str  # fill, as #rrggbb
    border: str
    shape: str  # vis-network shape: dot, box, diamond, triangle, star, square, ellipse, hexagon

    def label(self, lang: str = "zh") -> str:
        """The category's name: an interface word, so in the interface's language."""
        lang = interface_language(lang)
        if lang == "both":
            return f"{self.zh} / {self.en}"
        return self.zh if lang == "zh" else self.en


CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category("organization", "组织", "Organization", "#d9534f", "#a52a2a", "dot"),
        Category("mechanism", "机制", "Mechanism", "#3a7bd5", "#1f4e8c", "box"),
        Category("initiative", "战略与举措", "Initiative", "#2e9e5b", "#1d6b3c", "diamond"),
        Category("goal", "目标", "Goal", "#8fbc3f", "#5f7f26", "triangle"),
        Category("honour", "荣誉", "Honour", "#e0a800", "#9c7500", "star"),
        Category("problem", "问题", "Problem", "#8c6d62", "#5b463f", "triangleDown"),
        Category("document", "文件", "Document", "#7b61c9", "#4f3d8a", "square"),
        Category("event", "事件", "Event", "#e67e22", "#a85a14", "hexagon"),
        Category("place", "地点", "Place", "#16a2b8", "#0d6b7a", "ellipse"),
        Category("person", "人物", "Person", "#c2185b", "#880e4f", "dot"),
        Category("level", "层级", "Level", "#607d8b", "#37474f", "square"),
        Category("role", "职责", "Role", "#9e9e9e", "#616161", "box"),
        Category("class", "类", "Class", "#5c6bc0", "#303f9f", "ellipse"),
        Category("other", "其他", "Other", "#b0bec5", "#78909c", "dot"),
    )
}

#: The ORG classes of organizations; a class declared ``rdfs:subClassOf*`` one is one too.
ORGANIZATION_CLASSES: tuple[str, ...] = (
    str(ORG.Organization),
    str(ORG.OrganizationalUnit),
    str(ORG.FormalOrganization),
    str(ORG.OrganizationalCollaboration),
)

_BY_IRI: dict[str, str] = {
    **dict.fromkeys(ORGANIZATION_CLASSES, "organization"),
    str(VCARD.Individual): "person",
    str(FOAF.Person): "person",
    str(SDO.Person): "person",
    "http://schema.org/Person": "person",
    str(ORG.Post): "role",
    str(ORG.Role): "role",
    str(ORG.Membership): "role",
    str(ORG.Site): "place",
    str(VCARD.Address): "place",
    str(KGX.Mechanism): "mechanism",
    str(KGX.Initiative): "initiative",
    str(KGX.Goal): "goal",
    str(KGX.Honour): "honour",
    str(KGX.Problem): "problem",
    str(KGX.Document): "document",
    str(KGX.Event): "event",
    str(KGX.Place): "place",
    str(KGX.Person): "person",
    str(KGX.AdministrativeLevel): "level",
    str(KGX.Role): "role",
    str(OWL.Class): "class",
    str(RDFS.Class): "class",
}

# For other vocabularies: keywords in a type's local name, checked in order.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("organigram", "document"),  # a chart of an organization, before "organi"
    ("organogram", "document"),
    ("organi", "organization"),
    ("committee", "organization"),
    ("company", "organization"),
    ("agency", "organization"),
    ("mechanism", "mechanism"),
    ("method", "mechanism"),
    ("system", "mechanism"),
    ("institution", "mechanism"),
    ("initiative", "initiative"),
    ("strategy", "initiative"),
    ("programme", "initiative"),
    ("program", "initiative"),
    ("project", "initiative"),
    ("goal", "goal"),
    ("honour", "honour"),
    ("honor", "honour"),
    ("award", "honour"),
    ("problem", "problem"),
    ("issue", "problem"),
    ("document", "document"),
    ("article", "document"),
    ("creativework", "document"),
    ("book", "document"),
    ("event", "event"),
    ("place", "place"),
    ("location", "place"),
    ("city", "place"),
    ("country", "place"),
    ("region", "place"),
    ("person", "person"),
    ("agent", "person"),
    ("level", "level"),
    ("role", "role"),
    ("post", "role"),
    ("class", "class"),
)


def category_of(
    type_ids: tuple[str, ...] | list[str], organization_classes: Collection[str] = ()
) -> str:
    """The category of an entity with these rdf:type IRIs (``other`` if none fits).

    *organization_classes* are the data's own classes known to be ``rdfs:subClassOf*``
    an ORG organization class (see :func:`organigram.organization_classes`).
    """
    for t in type_ids:
        if t in organization_classes:
            return "organization"
    for t in type_ids:
        hit = _BY_IRI.get(t)
        if hit:
            return hit
    for t in type_ids:
        name = local_name(t).casefold()
        for word, key in _KEYWORDS:
            if word in name:
                return key
    return "other"


def category(key: str) -> Category:
    return CATEGORIES.get(key, CATEGORIES["other"])
