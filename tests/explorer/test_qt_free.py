"""The core never imports Qt: importing every explorer module with PySide6 blocked works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

BLOCKER = """
import importlib.abc, importlib.util, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "ui"):
            raise ImportError(f"explorer must not import {name}")
sys.meta_path.insert(0, Block())
import explorer
for mod in pkgutil.walk_packages(explorer.__path__, "explorer."):
    if not mod.name.endswith("__main__"):
        importlib.import_module(mod.name)
print("ok")
"""


def test_explorer_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
