"""Making and tearing down clip players in tests: every player's command thread must have
ended when a test does (the GUI conftest fails a test that leaves threads behind)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from console.video.clip_control import ClipPlayer, ClipState
from console.video.clip_info import probe_clip
from console.video.clip_sync import ClipGroup
from tests.gui.review.frame_match import wait_until


class Players:
    def __init__(self) -> None:
        self.made: list[ClipPlayer] = []

    def open(self, path: Path, *, group: ClipGroup | None = None) -> ClipPlayer:
        player = ClipPlayer(probe_clip(path), f"test-{len(self.made)}")
        # Pictures at the clip's own size, as a maximised tile would ask (frames compared).
        player.source.request_size(player.info.width, player.info.height)
        player.open()
        if group is not None:
            group.add(player)
        self.made.append(player)
        return player

    def dispose(self) -> None:
        controllers = [p.source.controller for p in self.made]
        for player in self.made:
            player.dispose()
        for controller in controllers:
            if controller is not None:
                assert controller.join(10.0), "a clip player's thread did not end"


@contextmanager
def clip_players() -> Iterator[Players]:
    players = Players()
    try:
        yield players
    finally:
        players.dispose()


def run_for(seconds: float, tick: object) -> None:
    """Let ``tick(now)`` run every 10 ms for ``seconds``, as the window's timer would."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        tick(time.monotonic())  # type: ignore[operator]
        time.sleep(0.01)


def ready(players: list[ClipPlayer], tick: object, timeout: float = 15.0) -> bool:
    return wait_until(
        lambda: all(p.state is ClipState.READY for p in players),
        timeout,
        lambda: tick(time.monotonic()),  # type: ignore[operator]
    )
