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


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, logs, caches and evidence folder."""
    home = tmp_path / "tianmu-home"
    home.mkdir()
    monkeypatch.setenv("TIANMU_HOME", str(home))
    return home
