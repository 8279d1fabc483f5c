"""Real clips from the camera simulator's recorder (H.264 MP4, wall clock burned in)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.server.media.clips import Clip, make_clips

RECORDED_AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def real_clips(tmp_path_factory: pytest.TempPathFactory) -> list[Clip]:
    folder = tmp_path_factory.mktemp("review-clips")
    return make_clips(
        folder, ["东门路口", "西门广场"], start=RECORDED_AT, seconds=6, size=(320, 180), fps=10
    )
