"""Players on real libvlc and real streams come and go without a trace: page flips leave
exactly the shown players alive, and a player wedged in ``stop()`` never plays again, is
released once the call returns, and says nothing to its replacement."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterator

import pytest
import vlc

from console.video.frames import FrameExchange
from console.video.picture_memory import shared_pool
from console.video.source import SourceEvent
from console.video.vlc_source import PlayerController, VlcSource, waiting_abandoned_players
from tests.support.live_stream import LiveStream
from tests.support.polling import wait_for

pytestmark = [pytest.mark.media, pytest.mark.slow]

PAGE = 16
FLIPS = 3
TILE = (160, 90)
FIRST_PICTURE_S = 30.0


class Tracked:
    """Weak references to every player object a test makes, by kind."""

    def __init__(self) -> None:
        self.refs: dict[type, list[weakref.ref[object]]] = {}

    def add(self, obj: object) -> None:
        self.refs.setdefault(type(obj), []).append(weakref.ref(obj))

    def alive(self, kind: type) -> set[int]:
        gc.collect()
        return {id(obj) for ref in self.refs.get(kind, []) if (obj := ref()) is not None}


def _exchange_of(source: VlcSource) -> FrameExchange:
    # Found the way a leak hunt finds it: among the objects the source refers to.
    (exchange,) = (o for o in gc.get_referents(vars(source)) if isinstance(o, FrameExchange))
    return exchange


def _live_controllers(prefix: str) -> list[PlayerController]:
    gc.collect()
    return [
        obj
        for obj in gc.get_objects()
        if type(obj) is PlayerController and obj.name.startswith(prefix)
    ]


@pytest.fixture
def sources() -> Iterator[list[VlcSource]]:
    made: list[VlcSource] = []
    yield made
    for source in made:
        source.dispose()


def test_page_flips_leave_exactly_the_shown_players_alive(
    live_stream: LiveStream, sources: list[VlcSource]
) -> None:
    tracked = Tracked()
    pool_before = shared_pool().figures()
    shown: list[VlcSource] = []
    retired: list[PlayerController] = []
    for flip in range(FLIPS):
        for source in shown:
            assert source.controller is not None
            retired.append(source.controller)
            source.dispose()
        wait_for(
            lambda: all(controller.released for controller in retired),
            FIRST_PICTURE_S,
            "the retired players to be released",
        )
        shown = []
        for tile in range(PAGE):
            source = VlcSource(f"flip{flip}-{tile}")
            source.request_size(*TILE)
            source.open(live_stream.http_url)
            shown.append(source)
            sources.append(source)
            tracked.add(source)
            tracked.add(source.controller)
            tracked.add(_exchange_of(source))
        wait_for(
            lambda page=shown: all(source.frame_counter > 0 for source in page),
            FIRST_PICTURE_S,
            f"page {flip}'s first pictures",
        )
    retired.clear()
    del source
    sources[:] = shown  # the fixture disposes what is shown; the rest is gone already

    assert tracked.alive(VlcSource) == {id(source) for source in shown}
    assert tracked.alive(PlayerController) == {id(source.controller) for source in shown}
    assert tracked.alive(FrameExchange) == {id(_exchange_of(source)) for source in shown}
    assert len(_live_controllers("flip")) == PAGE, "counted over every object in the process"
    pool = shared_pool().figures()
    # Every page after the first decodes into the buffers the page before it left.
    assert pool.blocks_made - pool_before.blocks_made <= 3 * PAGE
    assert pool.reuses - pool_before.reuses >= 3 * PAGE * (FLIPS - 1)


def _hold_stop(
    gate: threading.Event, entered: threading.Event, players: list[object]
) -> Callable[[object], None]:
    """Make the player's ``stop()`` wait for ``gate`` before it runs (libvlc's stop on a dead
    network stream can take that long); the real libvlc stop follows. The player goes to
    ``players``."""

    def install(player: object) -> None:
        players.append(player)
        real_stop = player.stop  # type: ignore[attr-defined]

        def held_stop() -> object:
            entered.set()
            gate.wait()
            return real_stop()

        # An instance attribute shadows the method for this one player.
        player.stop = held_stop  # type: ignore[attr-defined]

    return install


def test_a_player_wedged_in_stop_never_plays_again_and_goes_once_stop_returns(
    live_stream: LiveStream, sources: list[VlcSource]
) -> None:
    source = VlcSource("wedged-stop", stuck_after_s=0.5)
    sources.append(source)
    source.open(live_stream.http_url)
    wait_for(lambda: source.frame_counter > 0, FIRST_PICTURE_S, "the first pictures")
    first = source.controller
    assert first is not None
    waiting_before = waiting_abandoned_players()
    source.take_events()  # the first player's start
    gate, entered = threading.Event(), threading.Event()
    players: list[object] = []
    first.call("hold stop", _hold_stop(gate, entered, players))
    try:
        # Opening again stops the current stream first: that stop() hangs.
        source.open(live_stream.http_url)
        wait_for(entered.is_set, 10.0, "the held stop() to be called")
        wait_for(
            lambda old=first: (source.poll(), source.controller is not old)[1],
            10.0,
            "the wedged player to be replaced",
        )
        assert first.abandoned
        assert waiting_abandoned_players() == waiting_before + 1, "kept alive while stuck"
        starts = [operation for operation, _ in first.calls].count("start")
        counter = source.frame_counter
        wait_for(lambda: source.frame_counter > counter + 5, FIRST_PICTURE_S, "the replacement")
        events = source.take_events()
        assert events[0] is SourceEvent.ERROR, "the wedge is reported first"
        assert SourceEvent.PLAYING in events, "then the replacement's own events"
    finally:
        gate.set()

    assert first.join(10.0), "the abandoned thread ends once its stop() has returned"
    assert first.released
    operations = [operation for operation, _ in first.calls]
    assert operations.count("start") == starts, "it never started playing again"
    assert operations[-1] == "release"
    assert waiting_abandoned_players() == waiting_before
    # The late stop() did make libvlc report the stop, into the old player's own inbox only.
    assert SourceEvent.CLOSED in first.take_events()
    assert source.take_events() == []
    counter = source.frame_counter
    wait_for(lambda: source.frame_counter > counter + 5, 10.0, "the replacement to go on")
    # Released means gone: nothing (python-vlc's event manager cache included) keeps it.
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None
    (player,) = players
    assert player not in vlc.MediaPlayer.__dict__["event_manager"]._cache
