"""Shared by every test folder: Qt runs offscreen, and QtWebEngine without a sandbox.

Both variables must be set before anything imports Qt, hence at the top here.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def ui_data() -> Path:
    """Small Turtle files for the app and page tests."""
    return DATA / "ui"
