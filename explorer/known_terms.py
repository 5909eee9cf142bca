"""Chinese and English names of common standard terms, for files that don't label them.

A user's file rarely labels ``org:subOrganizationOf`` or ``rdfs:subClassOf``; the
edges still deserve readable names in both languages.
"""

from __future__ import annotations

from .vocab import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, VCARD

KNOWN_LABELS: dict[str, tuple[tuple[str, str], ...]] = {
    str(term): (("zh", zh), ("en", en))
    for term, zh, en in (
        (ORG.subOrganizationOf, "隶属于", "sub-organization of"),
        (ORG.hasSubOrganization, "下设", "has sub-organization"),
        (ORG.unitOf, "是…的单位", "unit of"),
        (ORG.hasUnit, "设有单位", "has unit"),
        (ORG.memberOf, "成员", "member of"),
        (ORG.headOf, "负责人", "head of"),
        (ORG.linkedTo, "关联", "linked to"),
        (ORG.Organization, "组织", "Organization"),
        (ORG.OrganizationalUnit, "组织单元", "Organizational unit"),
        (ORG.FormalOrganization, "正式组织", "Formal organization"),
        (ORG.OrganizationalCollaboration, "协作组织", "Organizational collaboration"),
        (ORG.hasMember, "有成员", "has member"),
        (ORG.hasPost, "设有职位", "has post"),
        (ORG.postIn, "职位属于", "post in"),
        (ORG.holds, "担任", "holds"),
        (ORG.heldBy, "任职者", "held by"),
        (ORG.role, "角色", "role"),
        (ORG.member, "成员", "member"),
        (ORG.organization, "所在组织", "organization"),
        (ORG.purpose, "职能", "purpose"),
        (ORG.hasSite, "设有场所", "has site"),
        (ORG.siteAddress, "地址", "site address"),
        (ORG.Post, "职位", "Post"),
        (ORG.Role, "角色", "Role"),
        (ORG.Membership, "成员关系", "Membership"),
        (ORG.Site, "场所", "Site"),
        (VCARD.Individual, "个人", "Individual"),
        (VCARD.Address, "地址", "Address"),
        (SKOS.broader, "上位", "broader"),
        (SKOS.narrower, "下位", "narrower"),
        (SKOS.related, "相关", "related"),
        (RDFS.subClassOf, "子类", "subclass of"),
        (RDFS.seeAlso, "参见", "see also"),
        (RDF.type, "类型", "type"),
        (OWL.sameAs, "等同", "same as"),
        (OWL.Class, "类", "Class"),
        (DCTERMS.creator, "作者", "creator"),
        (DCTERMS.isPartOf, "属于", "is part of"),
        (DCTERMS.hasPart, "包含", "has part"),
        (DCTERMS.subject, "主题", "subject"),
        (DCTERMS.references, "引用", "references"),
        (FOAF.knows, "认识", "knows"),
        (FOAF.member, "成员", "member"),
        (PROV.wasDerivedFrom, "来源于", "derived from"),
        (PROV.wasAttributedTo, "归属于", "attributed to"),
        (SDO.author, "作者", "author"),
        (SDO.memberOf, "成员", "member of"),
        (SDO.location, "位置", "location"),
        (SDO.containedInPlace, "位于", "contained in place"),
        (SDO.parentOrganization, "上级组织", "parent organization"),
        (SDO.subOrganization, "下级组织", "sub-organization"),
    )
}
