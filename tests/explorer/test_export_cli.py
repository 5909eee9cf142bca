"""``kg-explorer export`` through the real entry point: files written, exit codes 0 and 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explorer.export import EXPORTERS

ROOT = Path(__file__).parents[2]
SMALL = ROOT / "tests" / "data" / "export" / "small.ttl"


def kgx(*args: str, data: Path | None = SMALL) -> subprocess.CompletedProcess:
    extra = ["--data", str(data)] if data else []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "explorer.cli", "export", *args, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_png_of_a_neighbourhood(tmp_path):
    from PIL import Image

    out = tmp_path / "n.png"
    done = kgx(
        "--format",
        "png",
        "--out",
        str(out),
        "--view",
        "neighbourhood:兰州市委",
        "--depth",
        "2",
        "--scale",
        "2",
        "--lang",
        "zh",
    )
    assert done.returncode == 0, done.stderr
    image = Image.open(out)
    assert image.width > 600 and image.getextrema() != ((255, 255), (255, 255), (255, 255))


def test_svg_of_a_path_and_csv_folder(tmp_path):
    out = tmp_path / "p.svg"
    done = kgx("--format", "svg", "--out", str(out), "--view", "path:实施意见,共建共治共享")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "实施意见" in text and "共建共治共享" in text
    folder = tmp_path / "tables"
    done = kgx("--format", "csv", "--out", str(folder), "--view", "hierarchy", "--json")
    assert done.returncode == 0, done.stderr
    assert (folder / "nodes.csv").exists() and (folder / "edges.csv").exists()
    assert '"files"' in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--view", "neighbourhood:不存在的实体"), "no entity"),
        (("--view", "sideways"), "unknown view"),
        (("--scale", "9"), "scale"),
        (("--layout", "spiral"), "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_a_plain_message(tmp_path, args, message):
    out = tmp_path / "x.png"
    done = kgx("--format", "png", "--out", str(out), *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_failed_write_exits_2_and_keeps_the_old_file(tmp_path):
    missing = tmp_path / "no" / "g.ttl"
    done = kgx("--format", "ttl", "--out", str(missing))
    assert done.returncode == 2 and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    blocked = tmp_path / "g.pdf"
    blocked.mkdir()
    done = kgx("--format", "pdf", "--out", str(blocked))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert blocked.is_dir()


def test_article_smoke(tmp_path):
    try:
        from explorer.graph import KnowledgeGraph

        KnowledgeGraph.article()
    except Exception as exc:  # the bundled data is built separately
        pytest.skip(f"article graph not available: {exc}")
    out = tmp_path / "article.svg"
    done = kgx("--format", "svg", "--out", str(out), "--lang", "zh", data=None)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


@pytest.mark.parametrize(("lang", "expected"), [("zh", "兰州市委"), ("en", "Lanzhou")])
def test_the_default_title_follows_the_label_language(tmp_path, lang, expected):
    import xml.etree.ElementTree as ET

    out = tmp_path / "n.svg"
    done = kgx(
        "--format", "svg", "--out", str(out), "--view", "neighbourhood:兰州市委", "--lang", lang
    )
    assert done.returncode == 0, done.stderr
    title = ET.parse(out).getroot().find("{http://www.w3.org/2000/svg}title").text
    assert title.startswith(expected)


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_of_the_table_exports_from_the_cli(tmp_path, fmt):
    exporter = EXPORTERS[fmt]
    out = tmp_path / f"view{exporter.extension or '-folder'}"
    done = kgx("--format", fmt, "--out", str(out), "--view", "neighbourhood:兰州市委", "--json")
    assert done.returncode == 0, done.stderr
    files = [Path(p) for p in json.loads(done.stdout)["files"]]
    assert files and all(p.stat().st_size > 0 for p in files)
    assert len(files) > 1 if exporter.multi_file else files == [out]


def test_the_cli_png_defaults_to_twice_the_svg_size(tmp_path):
    from PIL import Image

    svg, png = tmp_path / "a.svg", tmp_path / "a.png"
    assert kgx("--format", "svg", "--out", str(svg)).returncode == 0
    assert kgx("--format", "png", "--out", str(png)).returncode == 0
    width = float(ET.fromstring(svg.read_bytes()).get("width"))
    assert abs(Image.open(png).width / width - 2) < 0.02  # fonts may differ by a few px
