"""Real recorded clips (the server's clip maker: H.264 MP4, clock burned in) for export tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.server.media.clips import Clip, make_clips

CLIP_START = datetime(2026, 3, 14, 9, 30, 0, tzinfo=UTC)
FPS = 25


@pytest.fixture(scope="session")
def recorded_clips(tmp_path_factory: pytest.TempPathFactory) -> list[Clip]:
    """Two 12-second clips of neighbouring cameras, recorded at the same time."""
    folder = tmp_path_factory.mktemp("recorded")
    return make_clips(
        folder, ["东门 East Gate", "North Road"], start=CLIP_START, seconds=12, size=(320, 180)
    )
