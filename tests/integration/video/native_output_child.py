"""Child process for test_native_output: a tile on a real X server whose camera libvlc draws
into a native window. Prints one ``RESULT {json}`` line."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from console.gui.video_tile import VideoTile
from console.video.output import VideoOutput, set_preferred_output
from console.video.supervisor import StreamState, SupervisorConfig


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        spin(0.05)
    return True


def picture_of(tile: VideoTile) -> QImage:
    """What the X server shows in the tile's picture area (libvlc's window included)."""
    area = tile.native_area().toRect()
    origin = tile.mapToGlobal(area.topLeft())
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, origin.x(), origin.y(), area.width(), area.height()).toImage()


def colours(image: QImage, step: int = 16) -> set[int]:
    return {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def badge_pixel(tile: VideoTile) -> int:
    """A pixel of the state badge in the top strip (right-hand side)."""
    image = tile.grab().toImage()
    return image.pixel(image.width() - 12, 12) & 0xFFFFFF


def main() -> int:
    url, stop_file = sys.argv[1], sys.argv[2]
    app = QApplication([sys.argv[0]])
    set_preferred_output(VideoOutput.NATIVE)
    tile = VideoTile("Native camera")
    tile.resize(640, 420)
    tile.show()
    spin(0.3)
    supervisor = tile.play(url, config=SupervisorConfig(stale_after_s=2.5))
    result: dict[str, object] = {"platform": app.platformName()}
    result["live"] = wait_until(lambda: supervisor.state is StreamState.LIVE, 30)
    result["shows_native"] = tile.shows_native()
    spin(1.0)
    first = picture_of(tile)
    spin(1.2)
    second = picture_of(tile)
    result["size"] = [first.width(), first.height()]
    result["colours"] = len(colours(first))
    result["changed"] = first != second
    result["in_memory_picture"] = not tile.grab_frame().isNull()
    result["badge_live"] = badge_pixel(tile)
    # The camera stops: the tile must say so although the console never sees a picture.
    with open(stop_file, "w", encoding="utf-8") as flag:
        flag.write("stop")
    stopped_at = time.monotonic()
    result["stale"] = wait_until(
        lambda: supervisor.state in (StreamState.STALE, StreamState.RECONNECTING), 20
    )
    result["stale_after_s"] = time.monotonic() - stopped_at
    tile.stop()
    spin(0.5)
    print("RESULT " + json.dumps(result), flush=True)
    tile.close()
    del tile
    spin(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
