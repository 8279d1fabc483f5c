"""Pictures of an incident's evidence (report snapshots, feedback photos, verification
captures), fetched once from the server and kept for the session.

Bytes come through the task runner's network lane (``client.media`` checks each file's
SHA-256) and are decoded there too, so the GUI thread only receives ready images. Each file
is fetched at most once at a time; a failure is remembered, so a broken file is not asked
for again on every refresh, until ``forget_failures`` (when the operator opens an
incident). The cache forgets the oldest pictures past ``MAX_PICTURES``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from console.client import BackendClient
from console.tasks import NET, TaskRunner

logger = logging.getLogger(__name__)

MAX_PICTURES = 200
THUMBNAIL = QSize(160, 90)


@dataclass(frozen=True, slots=True)
class Picture:
    """A fetched file: the full image and its thumbnail (null images for a non-picture)."""

    media_id: str
    content_type: str
    image: QImage
    thumbnail: QImage


def fetch_picture(client: BackendClient, media_id: str) -> Picture:
    """Network lane: download and decode one file."""
    content_type, data = client.media(media_id)
    image = QImage()
    if content_type.startswith("image/"):
        image.loadFromData(data)
    thumbnail = (
        image.scaled(
            THUMBNAIL,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        if not image.isNull()
        else QImage()
    )
    return Picture(media_id, content_type, image, thumbnail)


class MediaCache(QObject):
    """Pictures by media id, fetched on demand; ``ended()`` true drops late answers (the
    session is over).

    Signals:
        picture_ready(str): the media id whose picture (or failure) is now known.
    """

    picture_ready = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        client: BackendClient,
        parent: QObject | None = None,
        *,
        ended: Callable[[], bool] = lambda: False,
    ):
        super().__init__(parent)
        self._runner = runner
        self._client = client
        self._ended = ended
        self._pictures: OrderedDict[str, Picture] = OrderedDict()
        self._failed: dict[str, str] = {}
        self._in_flight: set[str] = set()
        self.closed = False

    def picture(self, media_id: str) -> Picture | None:
        """The picture if it is here; otherwise None, and it is fetched."""
        found = self._pictures.get(media_id)
        if found is not None:
            self._pictures.move_to_end(media_id)
            return found
        self.request(media_id)
        return None

    def failure(self, media_id: str) -> str | None:
        """Why the file could not be fetched, when it could not."""
        return self._failed.get(media_id)

    def request(self, media_id: str) -> None:
        if media_id in self._pictures or media_id in self._in_flight or media_id in self._failed:
            return
        self._in_flight.add(media_id)
        self._runner.run(
            NET,
            fetch_picture,
            self._client,
            media_id,
            on_done=self._on_fetched,
            on_error=lambda error: self._on_failed(media_id, error),
            title=self.tr("Fetching evidence"),
        )

    def forget_failures(self) -> None:
        """Let files that could not be fetched be asked for again (the next look)."""
        self._failed.clear()

    def _on_fetched(self, picture: Picture) -> None:
        self._in_flight.discard(picture.media_id)
        if self.closed or self._ended():
            return
        if picture.content_type.startswith("image/") and picture.image.isNull():
            self._on_failed(picture.media_id, ValueError("the picture could not be decoded"))
            return
        self._pictures[picture.media_id] = picture
        while len(self._pictures) > MAX_PICTURES:
            self._pictures.popitem(last=False)
        self.picture_ready.emit(picture.media_id)

    def _on_failed(self, media_id: str, error: BaseException) -> None:
        self._in_flight.discard(media_id)
        if self.closed or self._ended():
            return
        logger.warning("evidence %s could not be fetched: %s", media_id, error)
        self._failed[media_id] = str(error)
        self.picture_ready.emit(media_id)
