"""Fixtures for the runtime foundation tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console import scrub


@pytest.fixture
def tianmu_home(_isolated_home: Path) -> Path:
    """The private TIANMU_HOME the suite's conftest gives every test."""
    return _isolated_home


@pytest.fixture(autouse=True)
def _no_registered_secrets() -> Iterator[None]:
    scrub.clear_secrets()
    yield
    scrub.clear_secrets()
