"""Live streams for the video engine's tests: real ffmpeg encoders behind a real libvlc relay."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.support.live_stream import LiveStream


@pytest.fixture(scope="module")
def live_stream() -> Iterator[LiveStream]:
    """A camera that keeps running for the whole module (do not stop it in a test)."""
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed for the video tests")
    with LiveStream("CAM-A") as stream:
        yield stream


@pytest.fixture
def own_live_stream() -> Iterator[LiveStream]:
    """A camera this test may stop and restart."""
    with LiveStream("CAM-B") as stream:
        yield stream
