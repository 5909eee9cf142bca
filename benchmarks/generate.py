"""Deterministic org-hierarchy-like Turtle with zh/en labels, for scale benchmarks and tests.

``python -m benchmarks.generate 1000000`` writes ``benchmarks/data/org-1000000.ttl``
(about that many triples). The same size and seed always give the same bytes.

Shape, per entity (~5 triples on average): a type, a Chinese and an English
``skos:prefLabel``, the parent in the organization tree (``org:subOrganizationOf``)
or a relation to another entity; some entities carry an alias or a description.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
TRIPLES_PER_ENTITY = 5

_PREFIXES = """\
@prefix kgx: <https://w3id.org/kg-explorer/vocab#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix g: <https://example.org/gen/> .

"""
_CHARS = (
    "兰州城关七里河安宁西固红古永登皋兰榆中新区东西南北中华民和平"
    "建设人民幸福光明团结友谊长江黄河山水林田湖草金银铜铁花园"
)
_SYLLABLES = "lan zhou cheng guan qi li he an ning xi gu hong yong deng gao yu zhong xin".split()
_ORG_KINDS = [
    ("委员会", "Committee"),
    ("工作委员会", "Working Committee"),
    ("办公室", "Office"),
    ("局", "Bureau"),
    ("街道", "Subdistrict"),
    ("社区", "Community"),
    ("支部", "Branch"),
]
_OTHER_KINDS = [
    ("kgx:Mechanism", "工作法", "Work Method"),
    ("kgx:Initiative", "行动", "Campaign"),
    ("kgx:Person", "同志", "Comrade"),
]
_RELATIONS = ["kgx:implements", "kgx:participatesIn", "kgx:coordinates", "kgx:relatedTo"]


def _names(rng: random.Random) -> tuple[str, str]:
    n = rng.randint(2, 4)
    zh = "".join(rng.choice(_CHARS) for _ in range(n))
    en = " ".join(rng.choice(_SYLLABLES).capitalize() for _ in range(rng.randint(1, 3)))
    return zh, en


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(triples: int, *, seed: int = 7) -> str:
    """Turtle text of about *triples* triples (deterministic for *triples* and *seed*)."""
    rng = random.Random(seed)
    entities = max(10, triples // TRIPLES_PER_ENTITY)
    out = [_PREFIXES]
    count = 0
    i = 0
    while count < triples:
        subject = f"g:e{i}"
        zh, en = _names(rng)
        if i % 5 == 4:
            kind, zh_suffix, en_suffix = _OTHER_KINDS[i % 3]
            lines = [f"{subject} a {kind}"]
        else:
            zh_suffix, en_suffix = _ORG_KINDS[i % len(_ORG_KINDS)]
            lines = [f"{subject} a org:OrganizationalUnit"]
        lines.append(
            f"    skos:prefLabel {_quote(zh + zh_suffix)}@zh, {_quote(en + ' ' + en_suffix)}@en"
        )
        count += 3
        if i > 0 and i % 5 != 4:
            parent = rng.randrange(max(1, i // 3)) if i > 3 else 0
            lines.append(f"    org:subOrganizationOf g:e{parent}")
            count += 1
        else:
            target = rng.randrange(entities)
            lines.append(f"    {_RELATIONS[i % len(_RELATIONS)]} g:e{target}")
            count += 1
        if i % 7 == 0:
            lines.append(f"    skos:altLabel {_quote(zh[:2] + '办')}@zh")
            count += 1
        if i % 11 == 0:
            lines.append(
                f"    dcterms:description {_quote(f'{en} {en_suffix}, unit number {i}.')}@en"
            )
            count += 1
        out.append(" ;\n".join(lines) + " .\n")
        i += 1
    return "".join(out)


def path_for(triples: int) -> Path:
    return DATA_DIR / f"org-{triples}.ttl"


def ensure(triples: int) -> Path:
    """The generated file of this size, written once and reused."""
    path = path_for(triples)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(generate(triples), encoding="utf-8")
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triples", nargs="*", default=list(SIZES), help="e.g. 10k 100k 1M 50000")
    parser.add_argument("--out", type=Path, help="write here instead of benchmarks/data/")
    args = parser.parse_args(argv)
    for spec in args.triples:
        n = SIZES.get(spec) or int(spec)
        if args.out:
            args.out.write_text(generate(n), encoding="utf-8")
            print(args.out)
        else:
            print(ensure(n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
