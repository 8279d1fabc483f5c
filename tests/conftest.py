"""Suite-wide guards: headless Qt, an isolated home for everything the console writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, logs, caches and evidence folder."""
    home = tmp_path / "tianmu-home"
    home.mkdir()
    monkeypatch.setenv("TIANMU_HOME", str(home))
    return home
