"""Suite-wide guards: headless Qt, an isolated home for everything the console writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No per-example deadline: a deadline is a timing assertion, and on a shared machine a slow
# example says nothing about the code (timings belong in bench/).
settings.register_profile("tianmu", deadline=None)
settings.load_profile("tianmu")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

# QtWebEngine must be loaded, and the map's URL scheme declared, before the QApplication
# exists (the console's main() does the same); pytest-qt makes the application later.
from PySide6 import QtWebEngineWidgets  # noqa: E402, F401
from PySide6.QtWidgets import QApplication  # noqa: E402

from console.gui.map.scheme import register_map_scheme  # noqa: E402

if QApplication.instance() is None:
    register_map_scheme()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, logs, caches and evidence folder."""
    home = tmp_path / "tianmu-home"
    home.mkdir()
    monkeypatch.setenv("TIANMU_HOME", str(home))
    return home
