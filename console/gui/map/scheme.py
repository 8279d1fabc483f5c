"""The ``tianmu-map://`` scheme: the map page, its assets and offline tiles, in-process.

One origin for everything means no open port, no ``file://`` rules, and no ``setHtml`` (which
cannot carry pages over 2 MB). ``register_map_scheme()`` must run before the QApplication
exists; ``MapSchemeHandler`` then answers on a web profile:

* ``tianmu-map://app/index.html`` — the folium-built page (kept in memory);
* ``tianmu-map://app/assets/<path>`` — files under ``resources/map/``;
* ``tianmu-map://app/tiles/{z}/{x}/{y}.png`` — tiles of an MBTiles file.

Files and tiles are read on Qt's thread pool and the answer is given on the GUI thread, so a
slow disk never stalls the window.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QObject, QThreadPool, Signal, Slot
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from console.gui.map.assets import (
    ASSETS_PREFIX,
    HOST,
    PAGE_PATH,
    SCHEME,
    TILES_PREFIX,
    asset_path,
    content_type,
)

logger = logging.getLogger(__name__)

_TILE_PATH = re.compile(r"^(\d{1,2})/(\d{1,7})/(\d{1,7})\.(png|jpg|jpeg|webp|pbf)$")
_MAX_ASSET_BYTES = 8 * 1024 * 1024
_registered = threading.Lock()
_is_registered = False


def register_map_scheme() -> None:
    """Declare ``tianmu-map`` to QtWebEngine; call once, before the QApplication is made.

    The scheme is neither local nor secure: a page on it may show ``https``/``http`` tiles of
    the configured host like any web page (the request interceptor keeps it to that host),
    and cannot read ``file://``.
    """
    global _is_registered
    with _registered:
        if _is_registered:
            return
        scheme = QWebEngineUrlScheme(SCHEME.encode("ascii"))
        scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
        scheme.setFlags(QWebEngineUrlScheme.Flag.CorsEnabled)
        QWebEngineUrlScheme.registerScheme(scheme)
        _is_registered = True


def map_scheme_registered() -> bool:
    if _is_registered:
        return True
    return bytes(QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name().data()) != b""


class TileReader:
    """Reads tiles from an MBTiles file opened on first use, on whichever thread asks."""

    def __init__(self, path: Path | None):
        self._path = path
        self._lock = threading.Lock()
        self._mbtiles: Any = None
        self._failed = False

    def read(self, z: int, x: int, y: int) -> tuple[bytes | None, str]:
        from console.map.tiles import serve_tile

        mbtiles = self._open()
        if mbtiles is None:
            return None, "image/png"
        # A stored tile, or a stored ancestor's part enlarged (always PNG) past the file's zooms.
        data = serve_tile(mbtiles, z, x, y)
        png = data is not None and data.startswith(b"\x89PNG")
        return data, "image/png" if png else mbtiles.content_type

    def close(self) -> None:
        with self._lock:
            if self._mbtiles is not None:
                self._mbtiles.close()
                self._mbtiles = None

    def _open(self) -> Any:
        with self._lock:
            if self._mbtiles is None and not self._failed and self._path is not None:
                from console.map.mbtiles import MBTiles, MBTilesError

                try:
                    self._mbtiles = MBTiles(self._path)
                except (MBTilesError, OSError) as error:
                    self._failed = True
                    logger.warning("offline map tiles unavailable: %s", error)
            return self._mbtiles


class _Answer(QObject):
    """Carries a finished read from the pool's thread back to the GUI thread."""

    ready = Signal(int, object, str)


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ``tianmu-map://app/...`` for one web profile."""

    def __init__(
        self,
        page_html: Callable[[], str],
        tiles: TileReader | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._page_html = page_html
        self._tiles = tiles
        self._jobs: dict[int, QWebEngineUrlRequestJob] = {}
        self._numbers = itertools.count(1)
        self._answer = _Answer(self)
        self._answer.ready.connect(self._on_answer_ready)
        self.served = 0

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        url = job.requestUrl()
        method = bytes(job.requestMethod().data())
        if url.host() != HOST or method not in (b"GET", b"HEAD"):
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = url.path()
        if path in ("/", PAGE_PATH):
            self._reply(job, "text/html; charset=utf-8", self._page_html().encode("utf-8"))
        elif path.startswith(ASSETS_PREFIX):
            relative = path[len(ASSETS_PREFIX) :]
            file = asset_path(relative)
            if file is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            self._read_off_thread(job, lambda: (_read_file(file), content_type(relative)))
        elif path.startswith(TILES_PREFIX) and self._tiles is not None:
            match = _TILE_PATH.match(path[len(TILES_PREFIX) :])
            if match is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            z, x, y = (int(match.group(i)) for i in (1, 2, 3))
            tiles = self._tiles
            self._read_off_thread(job, lambda: tiles.read(z, x, y))
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    # ------------------------------------------------------------------ replies

    def _read_off_thread(
        self, job: QWebEngineUrlRequestJob, read: Callable[[], tuple[bytes | None, str]]
    ) -> None:
        number = next(self._numbers)
        self._jobs[number] = job
        # The engine may drop the request (page closed, tile scrolled away) before we answer.
        job.destroyed.connect(lambda *_: self._jobs.pop(number, None))
        answer = self._answer

        def work() -> None:
            try:
                data, mime = read()
            except Exception:
                logger.exception("reading a map resource failed")
                data, mime = None, ""
            # RuntimeError: the handler is gone with its view, and nobody is waiting
            with contextlib.suppress(RuntimeError):
                answer.ready.emit(number, data, mime)

        QThreadPool.globalInstance().start(work)

    @Slot(int, object, str)
    def _on_answer_ready(self, number: int, data: bytes | None, mime: str) -> None:
        job = self._jobs.pop(number, None)
        if job is None:
            return
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
        else:
            self._reply(job, mime, data)

    def _reply(self, job: QWebEngineUrlRequestJob, mime: str, data: bytes) -> None:
        buffer = QBuffer(job)  # lives as long as the job reads it
        buffer.setData(QByteArray(data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        job.reply(mime.encode("ascii"), buffer)
        self.served += 1


def _read_file(path: Path) -> bytes | None:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_ASSET_BYTES:
            return None
        return path.read_bytes()
    except OSError as error:
        logger.warning("map asset %s unreadable: %s", path.name, error)
        return None
