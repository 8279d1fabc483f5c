"""The console side of ``bench/idle.py``: the signed-in main window (``bench/wall.py``'s window
side) with nothing on its wall, left alone.

Commands (one JSON line each, on ``bench/wall.py``'s child protocol), beside the window
side's own (``sign_in``, ``layout``, ...): ``at_rest`` (the default docks shown, an empty
16-tile page), ``map_dock`` (the map's dock closed or shown as the operator does it),
``threads`` (the Python threads' names by kernel thread id, which ``/proc`` does not know)
and ``alerts`` (how many alerts the Alerts dock lists).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

TILES = 16


def make_idle_side(
    send: Callable[[dict[str, Any]], None],
    spin: Callable[[float], None],
    wait_until: Callable[..., bool],
) -> Any:
    """The side object for ``bench.wall._child_main`` (called in the child, after Qt is up)."""
    from bench.wall import _console_side_class, _window_side_class
    from console.gui.docks import DockId

    window_side = _window_side_class(_console_side_class(send, spin, wait_until))

    class IdleSide(window_side):  # type: ignore[misc, valid-type]
        """See the module docstring."""

        def at_rest(self) -> dict[str, Any]:
            """The window as a duty console idles: wall, map and alerts docks shown, the
            wall's page empty."""
            assert self.session is not None
            window = self.session.window
            for dock_id in (DockId.WALL, DockId.MAP, DockId.ALERTS):
                window.show_dock(dock_id)
            sizes = self.layout(TILES)["sizes"]
            return {
                "docks": [d.value for d in DockId if window.dock(d).isVisible()],
                "tiles": len(sizes),
                "playing": sum(1 for t in self.tiles if t.supervisor is not None),
            }

        def map_dock(self, shown: bool) -> dict[str, Any]:
            """Close the map's dock (its title bar's close button) or show it again."""
            assert self.session is not None
            window = self.session.window
            if shown:
                window.show_dock(DockId.MAP)
            else:
                window.dock(DockId.MAP).close()
            self.pause(0.2)
            return {"visible": window.dock(DockId.MAP).isVisible()}

        def threads(self) -> dict[str, Any]:
            main = threading.main_thread()
            return {
                "threads": {
                    str(t.native_id): "GUI thread" if t is main else t.name
                    for t in threading.enumerate()
                    if t.native_id is not None
                }
            }

        def alerts(self) -> dict[str, Any]:
            assert self.session is not None
            return {"listed": self.session.alerts.model.rowCount()}

    return IdleSide()
