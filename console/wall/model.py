"""The wall: pages of tiles, which camera is on which tile, and which screen shows each page.

A page is a layout plus a camera (or nothing) per cell. Cameras beyond the layout's cell
count are remembered, not shown: going from 16 tiles to 4 and back brings the twelve back.
A page is either in the main window (``screen`` is None) or detached, full screen, on a
monitor named by ``ScreenRef``. ``current`` is the page the main window shows.

Every change is told to listeners as a ``WallEvent`` after it is made, on the caller's
thread; a Qt adapter re-emits them as signals. Pages marked ``transient`` (a running patrol's)
are shown like any other but never saved.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from console.wall.layout import Layout, preset

logger = logging.getLogger(__name__)


class WallChange(enum.Enum):
    PAGES = "pages"  # pages added, removed or reordered: every page index may have changed
    LAYOUT = "layout"  # one page's layout
    CAMERAS = "cameras"  # cameras on some cells of one page
    SCREEN = "screen"  # a page detached to a screen, or back in the main window
    CURRENT = "current"  # the main window shows another page


@dataclass(frozen=True, slots=True)
class WallEvent:
    """What changed: ``page`` is the page index (-1 for PAGES), ``cells`` the cells touched
    by a CAMERAS change."""

    change: WallChange
    page: int = -1
    cells: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreenRef:
    """A monitor, by the name the windowing system gives it and its position in the screen
    list (used when the name is gone after a restart, e.g. a different port)."""

    name: str
    index: int


@dataclass
class WallPage:
    """One page (see the module docstring)."""

    layout: Layout
    cameras: list[str | None] = field(default_factory=list)
    name: str = ""
    screen: ScreenRef | None = None
    transient: bool = False

    def camera_at(self, cell: int) -> str | None:
        return self.cameras[cell] if 0 <= cell < len(self.cameras) else None

    def visible_cameras(self) -> list[str | None]:
        """One entry per cell of the layout."""
        shown = self.cameras[: self.layout.size]
        return shown + [None] * (self.layout.size - len(shown))

    def cell_of(self, camera_id: str) -> int | None:
        for index, camera in enumerate(self.visible_cameras()):
            if camera == camera_id:
                return index
        return None


Listener = Callable[[WallEvent], None]


class Wall:
    """Pages, the current page, and change events; see the module docstring."""

    def __init__(self, pages: Iterable[WallPage] = (), current: int = 0):
        self._pages = list(pages) or [WallPage(preset("4"))]
        self._current = current if 0 <= current < len(self._pages) else 0
        self._listeners: list[Listener] = []

    # ---------------------------------------------------------------- listening

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: WallEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                logger.exception("a wall listener failed on %s", event)

    # ---------------------------------------------------------------- reading

    @property
    def pages(self) -> Sequence[WallPage]:
        return tuple(self._pages)

    def page(self, index: int) -> WallPage:
        return self._pages[index]

    @property
    def current(self) -> int:
        return self._current

    def index_of(self, page: WallPage) -> int:
        """The index of this very page object (pages are told apart by identity)."""
        for index, candidate in enumerate(self._pages):
            if candidate is page:
                return index
        raise ValueError("the page is not on this wall")

    def main_window_pages(self) -> list[int]:
        """Indexes of the pages the main window pages through (the ones not detached)."""
        return [i for i, page in enumerate(self._pages) if page.screen is None]

    # ---------------------------------------------------------------- pages

    def add_page(self, page: WallPage | None = None) -> int:
        self._pages.append(page or WallPage(preset("4")))
        self._emit(WallEvent(WallChange.PAGES))
        return len(self._pages) - 1

    def remove_page(self, index: int) -> None:
        if len(self._pages) == 1:
            raise ValueError("the wall keeps at least one page")
        del self._pages[index]
        if self._current >= len(self._pages) or self._current == index:
            self._current = self._nearest_main_page(min(index, len(self._pages) - 1))
        elif self._current > index:
            self._current -= 1
        self._emit(WallEvent(WallChange.PAGES))

    def set_current(self, index: int) -> None:
        if not 0 <= index < len(self._pages):
            raise IndexError(index)
        if index != self._current:
            self._current = index
            self._emit(WallEvent(WallChange.CURRENT, index))

    def step_page(self, step: int) -> None:
        """The main window's next (+1) or previous (-1) page, wrapping around."""
        pages = self.main_window_pages()
        if not pages:
            return
        position = pages.index(self._current) if self._current in pages else 0
        self.set_current(pages[(position + step) % len(pages)])

    def _nearest_main_page(self, around: int) -> int:
        pages = self.main_window_pages()
        if not pages:
            return around
        return min(pages, key=lambda i: abs(i - around))

    # ---------------------------------------------------------------- one page

    def set_layout(self, index: int, layout: Layout) -> None:
        page = self._pages[index]
        if layout == page.layout:
            return
        page.layout = layout
        self._emit(WallEvent(WallChange.LAYOUT, index))

    def set_name(self, index: int, name: str) -> None:
        self._pages[index].name = name
        self._emit(WallEvent(WallChange.LAYOUT, index))

    def assign(self, index: int, cell: int, camera_id: str | None) -> None:
        self.place(index, cell, [camera_id])

    def place(self, index: int, cell: int, camera_ids: Sequence[str | None]) -> list[int]:
        """Put cameras on consecutive cells from ``cell`` (as many as fit); a camera already
        elsewhere on the page moves rather than showing twice. Returns the cells changed."""
        page = self._pages[index]
        size = page.layout.size
        if not 0 <= cell < size:
            raise IndexError(cell)
        incoming = list(camera_ids)[: size - cell]
        cameras = page.visible_cameras() + page.cameras[size:]
        touched: set[int] = set()
        for camera_id in incoming:
            if camera_id is None:
                continue
            for where, existing in enumerate(cameras[:size]):
                if existing == camera_id and not cell <= where < cell + len(incoming):
                    cameras[where] = None
                    touched.add(where)
        for offset, camera_id in enumerate(incoming):
            if cameras[cell + offset] != camera_id:
                cameras[cell + offset] = camera_id
                touched.add(cell + offset)
        page.cameras = _trimmed(cameras)
        if touched:
            self._emit(WallEvent(WallChange.CAMERAS, index, tuple(sorted(touched))))
        return sorted(touched)

    def swap(self, index: int, a: int, b: int) -> None:
        if a == b:
            return
        page = self._pages[index]
        cameras = page.visible_cameras() + page.cameras[page.layout.size :]
        cameras[a], cameras[b] = cameras[b], cameras[a]
        page.cameras = _trimmed(cameras)
        self._emit(WallEvent(WallChange.CAMERAS, index, tuple(sorted((a, b)))))

    def fill(self, index: int, camera_ids: Sequence[str | None]) -> None:
        """Replace every camera on the page (remembered ones too)."""
        page = self._pages[index]
        before = page.visible_cameras()
        page.cameras = _trimmed(list(camera_ids))
        after = page.visible_cameras()
        changed = tuple(
            i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new
        )
        if changed:
            self._emit(WallEvent(WallChange.CAMERAS, index, changed))

    def set_screen(self, index: int, screen: ScreenRef | None) -> None:
        page = self._pages[index]
        if page.screen == screen:
            return
        page.screen = screen
        if screen is not None and self._current == index:
            others = self.main_window_pages()
            if others:
                self._current = min(others, key=lambda i: abs(i - index))
                self._emit(WallEvent(WallChange.CURRENT, self._current))
        self._emit(WallEvent(WallChange.SCREEN, index))

    def page_on_screen(self, screen: ScreenRef) -> int | None:
        for index, page in enumerate(self._pages):
            if page.screen is not None and page.screen.name == screen.name:
                return index
        return None


def _trimmed(cameras: list[str | None]) -> list[str | None]:
    while cameras and cameras[-1] is None:
        cameras.pop()
    return cameras
