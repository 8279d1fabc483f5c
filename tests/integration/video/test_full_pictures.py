"""Both sources hand pictures over at the size a tile shows them and, on request, one picture
at the stream's own size for evidence: libvlc writes it as a PNG on its controller's thread,
FFmpeg (PyAV) converts its next frame on the decoder thread."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from console.video.av_source import PyAvSource
from console.video.frames import PictureSizing
from console.video.source import FullPicture, FullPictureCapture, VideoSource
from console.video.vlc_source import VlcSource
from tests.support.live_stream import LiveStream, silent_tcp_server

pytestmark = [pytest.mark.media, pytest.mark.slow]

FIRST_PICTURE_MS = 20_000  # keyframe wait + buffering on a loaded 2-core machine


class Answers:
    """What ``capture_full_picture`` handed over, and on which thread."""

    def __init__(self) -> None:
        self.pictures: list[FullPicture | None] = []
        self.threads: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, picture: FullPicture | None) -> None:
        with self._lock:
            self.pictures.append(picture)
            self.threads.append(threading.get_ident())


def _picture_size(source: VideoSource) -> tuple[int, int] | None:
    with source.hold_frame() as frame:
        return None if frame is None else (frame.width, frame.height)


def _display_size(source: VideoSource) -> tuple[int, int] | None:
    with source.hold_frame() as frame:
        return None if frame is None else frame.display_size


def _image_of_pixels(picture: FullPicture) -> QImage:
    image = QImage(
        picture.data, picture.width, picture.height, picture.stride, QImage.Format.Format_RGB32
    )
    return image.copy()


def _distinct_colours(image: QImage, step: int = 16) -> int:
    return len(
        {
            image.pixel(x, y)
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        }
    )


@pytest.fixture
def av_source() -> Iterator[PyAvSource]:
    source = PyAvSource("test-av")
    yield source
    source.dispose()


@pytest.fixture
def vlc_source() -> Iterator[VlcSource]:
    source = VlcSource("test-vlc")
    yield source
    source.dispose()


# ---------------------------------------------------------------- FFmpeg (PyAV)


def test_the_ffmpeg_source_sizes_pictures_for_the_box_it_is_shown_in(
    qtbot: QtBot, av_source: PyAvSource, live_stream: LiveStream
) -> None:
    assert isinstance(av_source, PictureSizing)
    av_source.request_size(480, 270)
    av_source.open(live_stream.rtsp_url)
    qtbot.waitUntil(lambda: av_source.frame_counter > 0, timeout=FIRST_PICTURE_MS)
    assert _picture_size(av_source) == (480, 270)
    assert _display_size(av_source) == (640, 360), "the stream's own size is still known"

    # A box of another shape: the picture keeps the stream's aspect and fits inside, in even
    # pixels; a width whose rows the converter pads still makes a whole, readable picture.
    av_source.request_size(479, 400)
    qtbot.waitUntil(lambda: _picture_size(av_source) == (478, 268), timeout=5_000)
    with av_source.hold_frame() as frame:
        assert frame is not None
        assert frame.stride >= frame.width * 4
        assert len(memoryview(frame.data).cast("B")) >= frame.stride * frame.height
        image = QImage(
            frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32
        )
        assert _distinct_colours(image.copy()) > 8, "a test pattern, not garbage"


def test_the_ffmpeg_source_without_a_box_hands_over_the_streams_size(
    qtbot: QtBot, av_source: PyAvSource, live_stream: LiveStream
) -> None:
    av_source.open(live_stream.rtsp_url)
    qtbot.waitUntil(lambda: av_source.frame_counter > 0, timeout=FIRST_PICTURE_MS)
    assert _picture_size(av_source) == (640, 360)


def test_the_ffmpeg_source_converts_a_full_size_picture_on_its_decoder_thread(
    qtbot: QtBot, av_source: PyAvSource, live_stream: LiveStream
) -> None:
    assert isinstance(av_source, FullPictureCapture)
    av_source.request_size(320, 180)
    av_source.open(live_stream.rtsp_url)
    qtbot.waitUntil(lambda: _picture_size(av_source) == (320, 180), timeout=FIRST_PICTURE_MS)
    answers = Answers()
    av_source.capture_full_picture(answers)
    qtbot.waitUntil(lambda: len(answers.pictures) == 1, timeout=5_000)
    picture = answers.pictures[0]
    assert picture is not None
    assert picture.path is None
    assert (picture.width, picture.height) == (640, 360)
    assert answers.threads[0] != threading.get_ident(), "converted on the decoder thread"
    image = _image_of_pixels(picture)
    assert _distinct_colours(image) > 8
    assert _picture_size(av_source) == (320, 180), "the tile's pictures keep their size"


def test_the_ffmpeg_source_refuses_a_full_picture_when_nothing_plays(
    qtbot: QtBot, av_source: PyAvSource
) -> None:
    answers = Answers()
    av_source.capture_full_picture(answers)
    assert answers.pictures == [None]

    # Asked while the stream is still being opened, then closed: refused, not forgotten.
    server, url = silent_tcp_server()
    try:
        av_source.open(url)
        av_source.capture_full_picture(answers)
        assert len(answers.pictures) == 1, "waits for a picture while the stream opens"
        av_source.close()
        assert answers.pictures == [None, None]
    finally:
        server.close()


# ---------------------------------------------------------------- libvlc


def test_libvlc_writes_a_full_size_picture_while_the_tile_gets_small_ones(
    qtbot: QtBot, vlc_source: VlcSource, live_stream: LiveStream
) -> None:
    assert isinstance(vlc_source, FullPictureCapture)
    vlc_source.request_size(320, 180)
    vlc_source.open(live_stream.http_url)
    qtbot.waitUntil(lambda: _picture_size(vlc_source) == (320, 180), timeout=FIRST_PICTURE_MS)
    answers = Answers()
    vlc_source.capture_full_picture(answers)
    qtbot.waitUntil(lambda: len(answers.pictures) == 1, timeout=5_000)
    picture = answers.pictures[0]
    assert picture is not None
    assert picture.path is not None
    path = Path(picture.path)
    try:
        image = QImage(str(path))
        assert image.size().toTuple() == (640, 360)
        assert _distinct_colours(image) > 8
    finally:
        path.unlink()
    controller = vlc_source.controller
    assert controller is not None
    assert answers.threads[0] == controller._thread.ident, "on the controller's thread"
    assert "snapshot" in [operation for operation, _thread in controller.calls]
    assert _picture_size(vlc_source) == (320, 180), "the tile's pictures keep their size"


def test_libvlc_refuses_a_full_picture_when_nothing_plays(
    qtbot: QtBot, vlc_source: VlcSource, live_stream: LiveStream
) -> None:
    answers = Answers()
    vlc_source.capture_full_picture(answers)
    assert answers.pictures == [None], "never opened: answered at once"

    # Opened but closed again: the controller answers, and leaves no file behind.
    temporary = set(Path(tempfile.gettempdir()).glob("tianmu-snapshot-*"))
    vlc_source.open(live_stream.http_url)
    qtbot.waitUntil(lambda: vlc_source.frame_counter > 0, timeout=FIRST_PICTURE_MS)
    controller = vlc_source.controller
    assert controller is not None
    controller.stop()
    controller.take_snapshot(answers)
    qtbot.waitUntil(lambda: len(answers.pictures) == 2, timeout=10_000)
    assert answers.pictures[1] is None
    assert set(Path(tempfile.gettempdir()).glob("tianmu-snapshot-*")) <= temporary
