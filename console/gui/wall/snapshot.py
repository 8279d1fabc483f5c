"""Snapshots of a tile for the evidence folder: a PNG with the camera and time inside it.

The camera id, its name and the capture time travel as PNG text chunks (``QImage.setText``),
so a snapshot stays identifiable after it is renamed or attached to an event. The picture is
the decoded frame, not the painted tile (no overlays, no zoom crop).

Tiles hold pictures at the size they show them, so evidence is asked of the video source at
the stream's own size (``FullPictureCapture``): the source takes it on its own thread and a
``SnapshotRequest`` brings it back to the GUI thread by a queued signal, then has it tagged
and written on a worker. A source that cannot, or does not answer within
``FULL_PICTURE_TIMEOUT_MS``, leaves the tile's own picture (copied when the snapshot was asked
for, scaled to the stream's size on the worker), and the log says so. The GUI thread never
waits for any of it.
"""

from __future__ import annotations

import logging
import os
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from console.tasks import STORE, TaskRunner
from console.video.source import FullPicture, FullPictureCapture, VideoSource

logger = logging.getLogger(__name__)

#: How long a source may take to hand over a full-size picture before the tile's is used.
FULL_PICTURE_TIMEOUT_MS = 3_000

SOFTWARE = "Tianmu"
KEY_CAMERA_ID = "CameraId"
KEY_CAMERA_NAME = "CameraName"
KEY_CAPTURED_AT = "CapturedAt"
KEY_SOFTWARE = "Software"

_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


class SnapshotError(RuntimeError):
    """There was no picture to keep, or it could not be written."""


def tag_snapshot(image: QImage, camera_id: str, camera_name: str, when: datetime) -> QImage:
    """A copy of ``image`` carrying the camera and the (UTC) capture time."""
    if image.isNull():
        raise SnapshotError("the tile has no picture yet")
    tagged = image.copy()
    tagged.setText(KEY_CAMERA_ID, camera_id)
    tagged.setText(KEY_CAMERA_NAME, camera_name)
    tagged.setText(KEY_CAPTURED_AT, when.astimezone(UTC).isoformat(timespec="milliseconds"))
    tagged.setText(KEY_SOFTWARE, SOFTWARE)
    return tagged


def snapshot_file_name(camera_id: str, when: datetime) -> str:
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S_%f")[:-3]
    return f"{_UNSAFE.sub('_', camera_id)}_{stamp}Z.png"


def write_snapshot(image: QImage, folder: Path, file_name: str) -> Path:
    """Write the PNG (on a worker: QImage may be saved off the GUI thread)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise SnapshotError(f"could not write {path}")
    logger.info("snapshot saved to %s", path)
    return path


def read_snapshot_tags(path: Path) -> dict[str, str]:
    image = QImage(str(path))
    return {key: image.text(key) for key in image.textKeys()}


def now_utc() -> datetime:
    return datetime.now(UTC)


# ------------------------------------------------------------------ full-size evidence


@dataclass(frozen=True)
class SnapshotLabel:
    """What a snapshot is of: the camera and the moment it was asked for."""

    camera_id: str
    camera_name: str
    when: datetime


@dataclass(frozen=True)
class HeldPicture:
    """A copy of the picture a tile holds (at the tile's size, perhaps) and the size the
    stream shows it at."""

    image: QImage
    display_size: tuple[int, int]


def copy_held_picture(source: VideoSource | None) -> HeldPicture | None:
    """The source's latest picture, copied unscaled (cheap enough for the GUI thread); None
    before the first picture."""
    if source is None:
        return None
    with source.hold_frame() as frame:
        if frame is None:
            return None
        image = QImage(
            frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32
        )
        return HeldPicture(image.copy(), frame.display_size)


def image_of(picture: FullPicture | HeldPicture) -> QImage:
    """The picture as an image at the stream's size (a worker's job: it reads a file or
    scales). A decoder's PNG file is deleted once read."""
    if isinstance(picture, HeldPicture):
        width, height = picture.display_size
        image = picture.image
        if image.isNull() or (width, height) == (image.width(), image.height()):
            return image
        return image.scaled(
            width,
            height,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if picture.path is not None:
        try:
            return QImage(picture.path)
        finally:
            discard_picture(picture)
    image = QImage(
        picture.data, picture.width, picture.height, picture.stride, QImage.Format.Format_RGB32
    )
    return image.copy()


def discard_picture(picture: FullPicture | None) -> None:
    """Delete the file behind a full-size picture nobody will use."""
    if picture is not None and picture.path is not None:
        try:
            os.unlink(picture.path)
        except FileNotFoundError:
            pass
        except OSError as error:
            logger.warning("could not delete %s: %s", picture.path, error)


def save_evidence(
    picture: FullPicture | HeldPicture,
    label: SnapshotLabel,
    folder: Path,
    fallback: HeldPicture | None = None,
) -> Path:
    """Tag and write a snapshot (on a worker); returns the file written. ``fallback`` stands
    in for a full-size picture that cannot be read."""
    image = image_of(picture)
    if image.isNull() and fallback is not None:
        logger.info(
            "snapshot of camera %s taken from the tile's picture: the full-size one is unreadable",
            label.camera_id,
        )
        image = image_of(fallback)
    image = tag_snapshot(image, label.camera_id, label.camera_name, label.when)
    return write_snapshot(image, folder, snapshot_file_name(label.camera_id, label.when))


class _PictureRelay(QObject):
    """Carries full-size pictures from sources' threads to the GUI thread (one per
    application; requests are plain objects that may outlive whoever asked)."""

    arrived = Signal(object, object)

    _shared: weakref.WeakValueDictionary[int, _PictureRelay] = weakref.WeakValueDictionary()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        # Requests whose timer runs: a timer's connection does not keep its Python receiver
        # alive, and nothing else may hold a request once it is started.
        self._waiting: set[SnapshotRequest] = set()

    def wait_for(self, request: SnapshotRequest) -> None:
        self._waiting.add(request)

    def done_waiting(self, request: SnapshotRequest) -> None:
        self._waiting.discard(request)

    @classmethod
    def shared(cls) -> _PictureRelay:
        app = QCoreApplication.instance()
        key = id(app)
        relay = cls._shared.get(key)
        if relay is None:
            relay = cls(parent=app)
            cls._shared[key] = relay
        return relay

    @Slot(object, object)
    def _on_arrived(self, request: SnapshotRequest, picture: FullPicture | None) -> None:
        request.picture_arrived(picture)


class SnapshotRequest:
    """One evidence snapshot on its way (see the module docstring); made and driven on the
    GUI thread.

    ``on_saved(path)`` or ``on_failed(message)`` is called once, on the GUI thread, unless
    ``owner`` (the widget that asked) is gone by then.
    """

    def __init__(
        self,
        runner: TaskRunner,
        owner: QObject,
        source: VideoSource | None,
        held: HeldPicture,
        label: SnapshotLabel,
        folder: Path,
        *,
        on_saved: Callable[[str], None],
        on_failed: Callable[[str], None],
        timeout_ms: int = FULL_PICTURE_TIMEOUT_MS,
    ):
        self._runner = runner
        self._owner = owner
        self._source = source
        self._held = held
        self._label = label
        self._folder = folder
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._timeout_ms = timeout_ms
        self._answered = False
        self._timer: QTimer | None = None
        self._relay: _PictureRelay | None = None
        #: "full" once the stream-sized picture was saved, "tile" when the tile's was
        self.kind = ""

    def start(self) -> None:
        source = self._source
        if not isinstance(source, FullPictureCapture):
            self._save_held("the video source cannot take full-size pictures")
            return
        relay = _PictureRelay.shared()
        timer = QTimer(relay)
        timer.setSingleShot(True)
        timer.setInterval(self._timeout_ms)
        timer.timeout.connect(self._on_timeout)
        self._timer, self._relay = timer, relay
        relay.wait_for(self)
        timer.start()
        # The closure keeps this request alive until the source answers, however late.
        source.capture_full_picture(lambda picture: relay.arrived.emit(self, picture))

    def picture_arrived(self, picture: FullPicture | None) -> None:
        """The source's answer, on the GUI thread."""
        if self._answered:
            # Too late: the tile's picture went to the folder instead.
            self._run(discard_picture, picture)
            return
        self._stop_waiting()
        if picture is None:
            self._save_held("the decoder had no picture to give")
            return
        self.kind = "full"
        self._run(save_evidence, picture, self._label, self._folder, self._held)

    def _on_timeout(self) -> None:
        if self._answered:
            return
        self._stop_waiting()
        self._save_held(f"no full-size picture within {self._timeout_ms / 1000:.1f} s")

    def _stop_waiting(self) -> None:
        self._answered = True
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        if self._relay is not None:
            self._relay.done_waiting(self)

    def _save_held(self, reason: str) -> None:
        self._answered = True
        self.kind = "tile"
        logger.info(
            "snapshot of camera %s taken from the tile's picture: %s",
            self._label.camera_id,
            reason,
        )
        self._run(save_evidence, self._held, self._label, self._folder)

    def _run(self, function: Callable[..., object], *args: object) -> None:
        saving = function is save_evidence
        try:
            self._runner.run(
                STORE,
                function,
                *args,
                on_done=self._saved if saving else None,
                on_error=self._failed if saving else _log_discard_error,
            )
        except RuntimeError as error:  # the console is closing: its task runner is shut
            if saving:
                self._failed(error)
            else:
                logger.info("a late snapshot file stays behind: %s", error)

    def _saved(self, path: object) -> None:
        if shiboken6.isValid(self._owner):
            self._on_saved(str(path))

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self._owner):
            self._on_failed(str(error))


def _log_discard_error(error: BaseException) -> None:
    logger.warning("a late snapshot file could not be deleted: %s", error)
