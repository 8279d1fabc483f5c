"""A video tile: paints the latest picture of a ``VideoSource`` and says honestly how it is.

Tiles do not own timers. One ``RepaintClock`` per application ticks every tile's supervisor
(the watchdog) and repaints only tiles with something new to show: a new picture, a changed
state, or a changed second in the "last picture n s ago" / "next try in n s" overlays.

A wall repaints hundreds of pictures a second on the GUI thread, so a paint does little: the
source hands over pictures already at the tile's size (``PictureSizing``), which are copied
unscaled; the overlays (name, badge, age, figures) are drawn into small images only when
their text changes and then copied too; the image wrapping each picture buffer is made once.
When only the picture changed (a live stream's next picture, nothing else), only the
picture's rectangle is repainted: the black bars beside a picture of another shape stay as
they are in the window (writing them again cost a third of the memory traffic of a CIF
picture's paint on a 16:9 tile), the overlays that lie over the picture are copied onto it
again, and the watchdog looks at the stream at its own pace rather than at every picture.
Every Qt call gives the interpreter lock up and must win it back from the decoder threads,
so fewer calls per paint also means less waiting.

A source that draws its pictures itself (native output, ``console.video.output``) gets a
``NativeSurface`` between a strip at the top and one at the bottom, which carry the overlays:
nothing can be painted over a native window.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from console.gui.native_surface import NativeSurface, native_windows_available
from console.text import fill
from console.video.frames import PictureSizing, close_enough, fit
from console.video.output import VideoOutput, WindowOutput, preferred_output
from console.video.schemes import factory_for, scheme_of
from console.video.source import FrameView, VideoSource
from console.video.supervisor import (
    StreamState,
    StreamStatus,
    StreamSupervisor,
    SupervisorConfig,
)

logger = logging.getLogger(__name__)

_BADGE_COLOURS = {
    StreamState.CONNECTING: QColor(70, 110, 170),
    StreamState.LIVE: QColor(30, 140, 70),
    StreamState.STALE: QColor(200, 130, 20),
    StreamState.RECONNECTING: QColor(200, 130, 20),
    StreamState.OFFLINE: QColor(120, 120, 120),
    StreamState.NOT_SHARED: QColor(120, 120, 120),
    StreamState.ERROR: QColor(180, 40, 40),
}
_MARGIN = 6
_WATCH_INTERVAL_S = 0.1
_AGE_SHOWN_AFTER_S = 1.0
_DIMMED = QColor(0, 0, 0, 90)
_BACKDROP = QColor(0, 0, 0, 150)
_IMAGE_CACHE = 4  # picture buffers a tile keeps images of (three plus one being replaced)
# Overlay items on one edge further apart than this are drawn as separate images.
_SPRITE_GAP = 24.0
# A retired native window is destroyed this long after its source was told to stop, when the
# decoder has long let go of it.
_SURFACE_RETIRE_MS = 15_000

Sprite = tuple[QPointF, QImage]


class RepaintClock(QObject):
    """The one timer that drives every tile (50 Hz by default).

    Each tick calls ``advance(now)`` on every registered tile and ``refresh()`` only on tiles
    that answer True. A tile is registered while it shows a stream, so the clock stops when
    no tile plays (an idle console's wall). Tiles are held weakly. The clock ticks at twice
    the frame rate of a 25 fps camera: at the frame rate itself, clock and camera drift in
    and out of step, and a tick that sees two new pictures paints only the second (a visible
    stutter). A tick without new pictures costs a few microseconds per tile.
    """

    _shared: weakref.WeakValueDictionary[int, RepaintClock] = weakref.WeakValueDictionary()

    def __init__(self, interval_ms: int = 20, parent: QObject | None = None):
        super().__init__(parent)
        self._tiles: weakref.WeakSet[VideoTile] = weakref.WeakSet()
        # What a tick walks: weak references made when the tiles change, not at every tick.
        # Iterating the WeakSet itself guards it against changes each time: with 36 tiles at
        # 50 Hz that was a third of the clock's own time in a profile of the CIF wall.
        self._walk: tuple[weakref.ref[VideoTile], ...] = ()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.ticks = 0
        self.repaints = 0

    @classmethod
    def shared(cls) -> RepaintClock:
        """The application's clock, created on first use and parented to the application."""
        app = QApplication.instance()
        key = id(app)
        clock = cls._shared.get(key)
        if clock is None:
            clock = cls(parent=app)
            cls._shared[key] = clock
        return clock

    def register(self, tile: VideoTile) -> None:
        if tile in self._tiles:
            return
        self._tiles.add(tile)
        self._walk = tuple(weakref.ref(each) for each in self._tiles)
        if not self._timer.isActive():
            self._timer.start()

    def unregister(self, tile: VideoTile) -> None:
        if tile not in self._tiles:
            return
        self._tiles.discard(tile)
        self._walk = tuple(weakref.ref(each) for each in self._tiles)
        if not self._tiles:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        self.ticks += 1
        gone = False
        for ref in self._walk:
            tile = ref()
            if tile is None:
                gone = True  # collected without unregistering
            elif tile.advance(now):
                self.repaints += 1
                tile.refresh()
        if gone:
            self._walk = tuple(weakref.ref(each) for each in self._tiles)
            if not self._tiles:
                self._timer.stop()


def make_source(url: str, name: str) -> VideoSource | None:
    """The source this machine has for ``url``'s scheme, drawing into a native window when
    that is the application's preference and the platform allows it; None if none can play
    it."""
    factory = factory_for(url)
    if factory is None:
        return None
    if (
        preferred_output() is VideoOutput.NATIVE
        and native_windows_available()
        and getattr(factory, "can_draw_into_window", False)
    ):
        return factory(name, native=True)  # type: ignore[call-arg]
    return factory(name)


def draws_into_window(source: object) -> bool:
    return isinstance(source, WindowOutput) and source.draws_into_window


def _image_of(frame: FrameView) -> QImage:
    """A QImage over the frame's memory (no copy): valid only while the frame is held."""
    return QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)


#: Something drawn over the picture: its rectangle in the tile and how to draw it there.
OverlayItem = tuple[QRectF, Callable[[QPainter, QRectF], None]]


def compose(items: list[OverlayItem], ratio: float) -> Sprite:
    """One transparent image (at ``ratio`` device pixels per pixel) holding every item, each
    drawn by ``draw(painter, rect)`` with ``rect`` relative to the image; to be copied to the
    returned point."""
    area = QRectF(items[0][0])
    for rect, _draw in items[1:]:
        area = area.united(rect)
    image = QImage(
        max(1, round(area.width() * ratio)),
        max(1, round(area.height() * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for rect, draw in items:
            draw(painter, rect.translated(-area.topLeft()))
    finally:
        painter.end()
    return area.topLeft(), image


def _apart(items: list[OverlayItem], gap: float) -> list[list[OverlayItem]]:
    """``items`` in groups, left to right, a new group wherever more than ``gap`` pixels
    separate an item from everything left of it; each group keeps the items' order (the
    order they are drawn in)."""
    group_of: dict[int, int] = {}
    right = -gap - 1.0
    count = 0
    for index in sorted(range(len(items)), key=lambda each: items[each][0].left()):
        rect = items[index][0]
        if rect.left() - right > gap:
            count += 1
            right = rect.right()
        else:
            right = max(right, rect.right())
        group_of[index] = count - 1
    groups: list[list[OverlayItem]] = [[] for _ in range(count)]
    for index, item in enumerate(items):
        groups[group_of[index]].append(item)
    return groups


def label_item(rect: QRectF, text: str, font: QFont) -> OverlayItem:
    """White text on a dark backdrop as wide as the text, at ``rect``'s top left."""
    metrics = QFontMetricsF(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 8)
    backdrop = QRectF(rect.x(), rect.y(), metrics.horizontalAdvance(shown) + 8, rect.height())

    def draw(painter: QPainter, local: QRectF) -> None:
        painter.fillRect(local, _BACKDROP)
        painter.setFont(font)
        painter.setPen(QPen(Qt.GlobalColor.white))
        painter.drawText(
            local.adjusted(4, 0, -4, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            shown,
        )

    return backdrop, draw


def filled_text_item(rect: QRectF, text: str, font: QFont, fill: QColor) -> OverlayItem:
    """White text centred on a filled rectangle (a badge)."""

    def draw(painter: QPainter, local: QRectF) -> None:
        painter.fillRect(local, fill)
        painter.setFont(font)
        painter.setPen(QPen(Qt.GlobalColor.white))
        painter.drawText(local, Qt.AlignmentFlag.AlignCenter, text)

    return rect, draw


def centred_text_item(rect: QRectF, text: str, font: QFont) -> OverlayItem:
    """Grey text centred in ``rect`` (wrapped at word boundaries), without a backdrop."""

    def draw(painter: QPainter, local: QRectF) -> None:
        painter.setFont(font)
        painter.setPen(QPen(QColor(200, 200, 200)))
        painter.drawText(local, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    return rect, draw


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a picture goes in a tile, worked out once per size (Qt objects included): an
    unscaled copy at ``point``, or scaled into ``target``; black ``bars`` around it."""

    point: QPointF | None
    target: QRectF
    bars: tuple[QRectF, ...]


@dataclass(frozen=True, slots=True)
class _Painted:
    """How the last whole paint drew the picture: a picture-only paint draws the next one
    the same way, if it has the same ``shape`` (buffer size and display size)."""

    shape: tuple[object, ...]
    placement: Placement
    ratio: float
    smooth: bool


def place(
    tile: tuple[int, int], ratio: float, picture: tuple[int, int], display: tuple[int, int]
) -> Placement:
    """A picture of ``picture`` device pixels (showing a ``display``-sized stream) in a tile
    of ``tile`` pixels: centred, keeping the stream's aspect ratio, unscaled when it (nearly)
    fits the tile already."""
    box = (round(tile[0] * ratio), round(tile[1] * ratio))
    width, height = fit(display, box)
    point: QPointF | None = None
    if close_enough(picture, (width, height)):
        width, height = picture
        x, y = (box[0] - width) // 2 / ratio, (box[1] - height) // 2 / ratio
        point = QPointF(x, y)
    else:
        x, y = (box[0] - width) / 2 / ratio, (box[1] - height) / 2 / ratio
    target = QRectF(x, y, width / ratio, height / ratio)
    right, bottom = x + width / ratio, y + height / ratio
    bars = []
    if y > 0:
        bars.append(QRectF(0, 0, tile[0], y))
    if bottom < tile[1]:
        bars.append(QRectF(0, bottom, tile[0], tile[1] - bottom))
    if x > 0:
        bars.append(QRectF(0, y, x, height / ratio))
    if right < tile[0]:
        bars.append(QRectF(right, y, tile[0] - right, height / ratio))
    return Placement(point, target, tuple(bars))


class VideoTile(QWidget):
    """One camera's picture with its name, a state badge, the age of the last picture and,
    on demand, fps / bitrate / lost pictures.

    Signals: ``status_changed(StreamStatus)`` whenever the supervisor's state, attempt,
    schedule or detail changes (not for every new picture of a live stream, which only moves
    ``last_frame_at`` on).
    """

    status_changed = Signal(object)

    #: new pictures painted so far (diagnostics and the wall benchmark)
    pictures_painted = 0

    def __init__(
        self,
        camera_name: str = "",
        *,
        clock: RepaintClock | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        self._camera_name = camera_name
        self._clock = clock or RepaintClock.shared()
        self._supervisor: StreamSupervisor | None = None
        self._seen_counter = -1
        self._seen_status: tuple[object, ...] | None = None
        self._next_watch = 0.0
        self._seen_second = -1
        self._stats_visible = False
        # Images over the source's picture buffers, by buffer: made once, not per paint.
        self._images: dict[int, tuple[object, float, QImage]] = {}
        self._placements: dict[tuple[object, ...], Placement] = {}
        # The widget's size as plain data (the paint path avoids asking Qt for it).
        self._size = (self.width(), self.height())
        self._box = QRectF(self.rect())
        self._asked_size: tuple[int, int] | None = None
        self._overlay_key: tuple[object, ...] | None = None
        self._overlay_sprites: list[Sprite] = []
        self._painted_counter = -1
        # Repainting the picture alone (see the module docstring). ``_picture_area`` is where
        # the last whole paint put the picture when that left bars around it (None: the
        # picture covers the tile, or the tile shows no picture); the picture-only paint
        # repeats that placement and copies ``_sprites_on_picture`` over it.
        self._picture_area: QRect | None = None
        self._painted: _Painted | None = None
        self._sprites_on_picture: list[Sprite] = []
        # Set by ``advance``: the repaint it asks for concerns the picture alone.
        self._picture_only = False
        # The overlays say something that the next picture changes (the age of the last one).
        self._overlay_moves = False
        # Live, and the watchdog's last look found nothing else to tell: new pictures are
        # painted at once and reported to the watchdog at its next look.
        self._steady = False
        self._unreported = False
        self._picture_seen_at = 0.0
        # Native windows lent to sources that draw themselves, by source.
        self._surfaces: dict[int, NativeSurface] = {}
        # On the clock only while there is a stream to watch (``attach``): an empty tile
        # has nothing to tick, and a wall of them kept the clock waking the GUI thread
        # fifty times a second for nothing.

    # ---------------------------------------------------------------- wiring

    @property
    def supervisor(self) -> StreamSupervisor | None:
        return self._supervisor

    @property
    def camera_name(self) -> str:
        return self._camera_name

    def set_camera_name(self, name: str) -> None:
        self._camera_name = name
        self.update()

    def play(
        self,
        url: str,
        *,
        config: SupervisorConfig | None = None,
        source_factory: Callable[[str], object] | None = None,
    ) -> StreamSupervisor:
        """Play ``url`` with the source this machine has for its scheme, supervised."""
        name = self._camera_name or "tile"
        source = source_factory(name) if source_factory is not None else make_source(url, name)
        if source is not None:
            self.prepare_source(source)  # type: ignore[arg-type]
        reason = "" if source is not None else scheme_of(url)
        supervisor = StreamSupervisor(
            source,  # type: ignore[arg-type]
            url,
            config=config,
            unplayable_reason=reason,
        )
        self.attach(supervisor)
        supervisor.start()
        return supervisor

    def attach(self, supervisor: StreamSupervisor | None) -> None:
        """Show ``supervisor``'s stream (None: an empty tile). The previous one is stopped."""
        previous = self._supervisor
        if previous is not None and previous is not supervisor:
            previous.stop()
            self.retire_surface(previous.source)
        self._supervisor = supervisor
        self._seen_counter = -1
        self._seen_status = None
        self._next_watch = 0.0
        self._steady = False
        self._unreported = False
        self._picture_only = False
        self._picture_area = None
        self._images.clear()
        self._asked_size = None
        if supervisor is None:
            self._clock.unregister(self)
        else:
            self._clock.register(self)
        if supervisor is not None and supervisor.source is not None:
            self.prepare_source(supervisor.source)
            surface = self._surfaces.get(id(supervisor.source))
            if surface is not None:
                surface.show()
                surface.raise_()
        self.update()

    def stop(self) -> None:
        """Stop the stream; the source's threads release the decoder, never this thread."""
        self.attach(None)

    def set_stats_visible(self, visible: bool) -> None:
        self._stats_visible = visible
        self.update()

    @property
    def stats_visible(self) -> bool:
        return self._stats_visible

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._clock.unregister(self)
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- clock

    def advance(self, now: float) -> bool:
        """Tick the watchdog; True if the tile should repaint (``refresh`` then repaints
        what changed).

        A new picture is looked for on every tick. The watchdog itself runs at
        ``_WATCH_INTERVAL_S`` (it counts seconds, not frames), and also at a new picture
        while the stream is not steadily live. A steady stream's pictures are reported to it
        at its next look, with the time the latest one was first seen: it keeps the same
        time of the last picture as if it had looked at each."""
        supervisor = self._supervisor
        if supervisor is None:
            return False
        source = supervisor.source
        counter = source.frame_counter if source is not None else 0
        repaint = counter != self._seen_counter
        if repaint:
            # The supervisor reads the counter too; a picture that comes meanwhile is seen
            # at the next tick.
            self._seen_counter = counter
            self._picture_seen_at = now
            if self._steady and now < self._next_watch:
                self._unreported = True
                self._picture_only = not self._overlay_moves
                return True
        elif now < self._next_watch:
            return False
        self._next_watch = now + _WATCH_INTERVAL_S
        status = supervisor.tick(self._picture_seen_at if self._unreported else now)
        self._unreported = False
        changed = False
        seen = (status.state, status.attempt, status.next_try_at, status.detail)
        if seen != self._seen_status:
            self._seen_status = seen
            self.status_changed.emit(status)
            changed = True
        live = status.state is StreamState.LIVE
        self._steady = live and not changed
        if not live or self._stats_visible:
            second = int(now)
            if second != self._seen_second:
                self._seen_second = second
                changed = True
        self._picture_only = repaint and not changed and not self._overlay_moves
        return repaint or changed

    def refresh(self) -> None:
        """Schedule the repaint ``advance`` asked for: the picture's rectangle alone when
        nothing else changed and bars lie beside the picture, else the whole tile."""
        area = self._picture_area if self._picture_only else None
        if area is None:
            self.update()
        else:
            self.update(area)

    # ---------------------------------------------------------------- pictures

    def grab_frame(self) -> QImage:
        """A copy of the current picture at its display size (a null image before the first)."""
        source = self._supervisor.source if self._supervisor is not None else None
        if source is None:
            return QImage()
        with source.hold_frame() as frame:
            if frame is None:
                return QImage()
            image = _image_of(frame)
            width, height = frame.display_size
            if (width, height) != (frame.width, frame.height):
                return image.scaled(
                    width,
                    height,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            return image.copy()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        size = event.size()
        self._size = (size.width(), size.height())
        self._box = QRectF(0, 0, size.width(), size.height())
        self._picture_area = None
        area = self.native_area().toRect()
        for surface in self._surfaces.values():
            surface.setGeometry(area)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            area = self._picture_area
            if area is not None and event.rect() == area and self._paint_picture_only(painter):
                return
            supervisor = self._supervisor
            status = supervisor.status if supervisor is not None else None
            ratio = self.devicePixelRatioF()
            if self.shows_native():
                painter.fillRect(self._box, Qt.GlobalColor.black)
                self._picture_area = None
            else:
                self._paint_picture(painter, ratio, status)
            self._paint_overlays(painter, ratio, status)
            self._paint_decorations(painter)
        finally:
            painter.end()

    def _paint_picture_only(self, painter: QPainter) -> bool:
        """Paint the next picture where the last whole paint put one, and the overlays over
        it; False (nothing painted) when it cannot be done so: the whole tile is then
        repainted (this paint is clipped to the picture's rectangle, so that comes next)."""
        supervisor = self._supervisor
        painted = self._painted
        source = supervisor.source if supervisor is not None else None
        if (
            source is None
            or painted is None
            or supervisor is None
            or supervisor.status.state is not StreamState.LIVE
        ):
            self._picture_area = None
            self.update()
            return False
        with source.hold_frame() as frame:
            if frame is None or (frame.width, frame.height, frame.display_size) != painted.shape:
                self._picture_area = None
                self.update()
                return False
            if frame.counter != self._painted_counter:
                self._painted_counter = frame.counter
                self.pictures_painted += 1
            image = self._image(frame, painted.ratio)
            placement = painted.placement
            if placement.point is not None:
                painter.drawImage(placement.point, image)
            else:
                if painted.smooth:
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(placement.target, image)
        for point, sprite in self._sprites_on_picture:
            painter.drawImage(point, sprite)
        self._paint_decorations(painter)
        return True

    def _paint_decorations(self, painter: QPainter) -> None:
        """What a subclass draws over everything else (a selection frame, say)."""

    # ---------------------------------------------------------------- native output

    def shows_native(self) -> bool:
        """Whether the current source draws its pictures into a native window."""
        supervisor = self._supervisor
        return supervisor is not None and id(supervisor.source) in self._surfaces

    def native_area(self) -> QRectF:
        """Where a native window shows the picture: between the overlay strips."""
        line = QFontMetricsF(self._overlay_font()).height() + 4
        strip = line + 2 * _MARGIN
        return QRectF(0, strip, self._box.width(), max(0.0, self._box.height() - 2 * strip))

    def prepare_source(self, source: VideoSource) -> None:
        """Before ``source`` plays: lend it a native window if it draws itself (hidden until
        it becomes the tile's current source), else tell it the picture size."""
        if not draws_into_window(source):
            self.ask_picture_size(source)
            return
        if id(source) in self._surfaces:
            return
        surface = NativeSurface(self)
        surface.setGeometry(self.native_area().toRect())
        surface.hide()
        self._surfaces[id(source)] = surface
        source.set_window(surface.handle())  # type: ignore[attr-defined]

    def retire_surface(self, source: VideoSource | None) -> None:
        """``source`` was told to stop: hide its window and destroy it once the decoder has
        surely let go of it."""
        surface = self._surfaces.pop(id(source), None)
        if surface is not None:
            surface.hide()
            QTimer.singleShot(_SURFACE_RETIRE_MS, surface, surface.deleteLater)

    def _paint_picture(self, painter: QPainter, ratio: float, status: StreamStatus | None) -> None:
        """The picture, centred, and black around it (the tile is opaque: every pixel is
        painted, each once). Few Qt calls: each one gives the interpreter lock away."""
        self._picture_area = None
        source = self._supervisor.source if self._supervisor is not None else None
        if source is None:
            painter.fillRect(self._box, Qt.GlobalColor.black)
            return
        device_box = (round(self._size[0] * ratio), round(self._size[1] * ratio))
        if device_box != self._asked_size:
            self._ask_picture_size(source, device_box)
        with source.hold_frame() as frame:
            if frame is None:
                painter.fillRect(self._box, Qt.GlobalColor.black)
                return
            if frame.counter != self._painted_counter:
                self._painted_counter = frame.counter
                self.pictures_painted += 1
            image = self._image(frame, ratio)
            key = (self._size, ratio, frame.width, frame.height, frame.display_size)
            placement = self._placements.get(key)
            if placement is None:
                if len(self._placements) > 8:
                    self._placements.clear()
                placement = place(
                    self._size, ratio, (frame.width, frame.height), frame.display_size
                )
                self._placements[key] = placement
            crop = self._crop(frame)
            smooth = False
            if crop is None and placement.point is not None:
                painter.drawImage(placement.point, image)
            else:
                # Zoomed, or a source that cannot size its pictures: smooth scaling, the
                # dearer kind. A sized source is only scaled while it switches size, so the
                # cheap kind does for that second.
                smooth = crop is not None or not isinstance(source, PictureSizing)
                if smooth:
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                if crop is None:
                    painter.drawImage(placement.target, image)
                else:
                    painter.drawImage(placement.target, image, crop)
            for bar in placement.bars:
                painter.fillRect(bar, Qt.GlobalColor.black)
            if status is not None and status.state is not StreamState.LIVE:
                painter.fillRect(placement.target, _DIMMED)
            if crop is None and placement.bars:
                # The next pictures of this shape may be painted alone (``refresh``).
                self._painted = _Painted(
                    (frame.width, frame.height, frame.display_size), placement, ratio, smooth
                )
                self._picture_area = placement.target.toAlignedRect()

    def _crop(self, frame: FrameView) -> QRectF | None:
        """The part of the picture to show (in picture pixels); None: all of it."""
        return None

    def ask_picture_size(self, source: VideoSource) -> None:
        """Tell ``source`` the size this tile shows pictures at, before it starts playing
        (so that its first pictures already have it), once the tile has a size."""
        if self.isVisible() or self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            ratio = self.devicePixelRatioF()
            self._ask_picture_size(
                source, (round(self.width() * ratio), round(self.height() * ratio))
            )

    def _ask_picture_size(self, source: VideoSource, device_box: tuple[int, int]) -> None:
        self._asked_size = device_box
        if isinstance(source, PictureSizing):
            source.request_size(*device_box)

    def _image(self, frame: FrameView, ratio: float) -> QImage:
        key = id(frame.data)
        cached = self._images.get(key)
        if cached is not None and cached[0] is frame.data and cached[1] == ratio:
            return cached[2]
        if len(self._images) >= _IMAGE_CACHE:
            self._images.clear()
        image = _image_of(frame)
        image.setDevicePixelRatio(ratio)
        # The cache keeps the buffer alive as long as the image over it.
        self._images[key] = (frame.data, ratio, image)
        return image

    # ---------------------------------------------------------------- overlays

    def _paint_overlays(self, painter: QPainter, ratio: float, status: StreamStatus | None) -> None:
        now = time.monotonic()
        key = (ratio, *self._overlay_state(status, now))
        if key != self._overlay_key:
            self._overlay_key = key
            self._overlay_sprites = self._render_overlays(status, now, ratio)
        for point, image in self._overlay_sprites:
            painter.drawImage(point, image)
        age = status.frame_age(now) if status is not None else None
        # A live stream's age shows after a second without pictures; the next one hides it.
        self._overlay_moves = age is not None and age >= _AGE_SHOWN_AFTER_S
        area = self._picture_area
        if area is not None:
            on_picture = QRectF(area)
            self._sprites_on_picture = [
                (point, image)
                for point, image in self._overlay_sprites
                if on_picture.intersects(QRectF(point, image.deviceIndependentSize()))
            ]

    def _overlay_state(self, status: StreamStatus | None, now: float) -> tuple[object, ...]:
        """Everything the overlays show, as plain data: they are drawn again only when it
        changes."""
        if status is None:
            return (self._size, self._camera_name, None)
        age = status.frame_age(now)
        shown_age = (
            int(age)
            if age is not None
            and (status.state is not StreamState.LIVE or age >= _AGE_SHOWN_AFTER_S)
            else None
        )
        wait = status.next_try_in(now)
        figures = None
        if self._stats_visible and self._supervisor is not None:
            source = self._supervisor.source
            if source is not None:
                stats = source.stats()
                figures = (round(stats.fps, 1), round(stats.bitrate_kbps), stats.lost)
        return (
            self._size,
            self._camera_name,
            status.state,
            status.attempt,
            status.detail,
            None if wait is None else int(wait + 0.999),
            shown_age,
            figures,
        )

    def _overlay_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(11.0, self._box.height() / 22)))
        return font

    def _render_overlays(
        self, status: StreamStatus | None, now: float, ratio: float
    ) -> list[Sprite]:
        """The overlays as few images as possible: one for the top edge, one for the bottom
        edge, one for anything in between; an edge's items far apart (the name at the left,
        the badge at the right) get an image each, so that nothing is copied for the empty
        stretch between them, and one lying on a bar is not copied with picture-only
        repaints."""
        top: list[OverlayItem] = []
        bottom: list[OverlayItem] = []
        middle: list[OverlayItem] = []
        middle_line = self._box.height() / 2
        for item in self._overlay_items(status, now):
            rect = item[0]
            if rect.bottom() <= middle_line:
                top.append(item)
            elif rect.top() >= middle_line:
                bottom.append(item)
            else:
                middle.append(item)
        return [
            compose(group, ratio)
            for items in (top, middle, bottom)
            for group in _apart(items, _SPRITE_GAP)
        ]

    def _overlay_items(self, status: StreamStatus | None, now: float) -> list[OverlayItem]:
        box = self._box
        font = self._overlay_font()
        metrics = QFontMetricsF(font)
        line = metrics.height() + 4
        items: list[OverlayItem] = []
        badge_rect: QRectF | None = None
        if status is not None:
            # The state matters more than the name: the badge gets its room first (elided
            # to the tile), and the name, however long, stops short of it.
            room = max(box.width() - 2 * _MARGIN, 1.0)
            badge = metrics.elidedText(
                self.badge_text(status, now), Qt.TextElideMode.ElideRight, room - 12
            )
            badge_width = min(metrics.horizontalAdvance(badge) + 12, room)
            badge_rect = QRectF(box.right() - badge_width - _MARGIN, _MARGIN, badge_width, line)
        if self._camera_name:
            name_right = badge_rect.left() - _MARGIN if badge_rect is not None else box.right()
            name_width = min(box.width() / 2, name_right - _MARGIN)
            if name_width > metrics.horizontalAdvance("…") + 8:
                items.append(
                    label_item(QRectF(_MARGIN, _MARGIN, name_width, line), self._camera_name, font)
                )
        if status is None or badge_rect is None:
            items.append(centred_text_item(box, self.tr("No camera"), font))
            return items
        items.append(filled_text_item(badge_rect, badge, font, _BADGE_COLOURS[status.state]))
        bottom = box.bottom() - _MARGIN - line
        age = status.frame_age(now)
        if age is not None and (status.state is not StreamState.LIVE or age >= _AGE_SHOWN_AFTER_S):
            text = fill(self.tr("Last picture %1 s ago"), int(age))
            items.append(label_item(QRectF(_MARGIN, bottom, box.width() / 2, line), text, font))
        if self._stats_visible and self._supervisor is not None:
            source = self._supervisor.source
            if source is not None:
                stats = source.stats()
                text = fill(
                    self.tr("%1 fps · %2 kb/s · %3 lost"),
                    f"{stats.fps:.1f}",
                    f"{stats.bitrate_kbps:.0f}",
                    stats.lost,
                )
                width = metrics.horizontalAdvance(text) + 12
                items.append(
                    label_item(
                        QRectF(box.right() - width - _MARGIN, bottom, width, line), text, font
                    )
                )
        return items

    def badge_text(self, status: StreamStatus, now: float) -> str:
        """The state badge's words, as the operator reads them."""
        state = status.state
        if state is StreamState.CONNECTING:
            return self.tr("Connecting…")
        if state is StreamState.LIVE:
            return self.tr("Live")
        if state is StreamState.OFFLINE:
            return self.tr("Offline")
        if state is StreamState.NOT_SHARED:
            return self.tr("Not shared")
        if state is StreamState.ERROR:
            if status.detail:
                return fill(self.tr("Cannot play %1"), status.detail)
            return self.tr("Cannot play")
        wait = status.next_try_in(now)
        if state is StreamState.STALE:
            if wait is None:
                return self.tr("Stale")
            return fill(self.tr("Stale, reconnecting in %1 s"), int(wait + 0.999))
        if wait is None:
            return fill(self.tr("Reconnecting (attempt %1)"), status.attempt)
        return fill(
            self.tr("Reconnecting (attempt %1, next try in %2 s)"),
            status.attempt,
            int(wait + 0.999),
        )
