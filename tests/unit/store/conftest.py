"""Fixtures for the local store tests: a real store in a temporary folder and a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.store import Store, open_store


class ManualClock:
    """A clock the test moves by hand, so backoff times are exact."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path, clock: ManualClock) -> Iterator[Store]:
    opened = open_store(store_dir, clock=clock)
    assert opened.problems == []
    yield opened
    opened.close()
