"""The command thread's wedge detection and the frame exchange's buffer discipline."""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable

from console.video.frames import FrameExchange
from console.video.worker import CommandThread


def _wait(condition, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_commands_run_in_order_on_the_thread() -> None:
    ran: list[tuple[str, int]] = []
    worker = CommandThread("t")
    for label in "abc":
        worker.submit(label, lambda label=label: ran.append((label, threading.get_ident())))
    worker.finish()
    assert worker.join(5.0)
    assert [label for label, _ in ran] == ["a", "b", "c"]
    assert {thread for _, thread in ran} == {worker.ident} != {threading.get_ident()}


def test_a_hung_call_is_seen_and_abandoning_drops_what_was_queued() -> None:
    release = threading.Event()
    ran: list[str] = []
    worker = CommandThread("t")
    worker.submit("stop", release.wait)
    worker.submit("after", lambda: ran.append("after"))
    assert _wait(lambda: worker.stuck_for()[1] > 0.2)
    assert worker.stuck_for()[0] == "stop"
    worker.abandon()
    worker.submit("late", lambda: ran.append("late"))
    release.set()
    assert worker.join(5.0)
    assert ran == []


def test_an_abandoned_thread_cleans_up_on_itself_once_its_hung_call_returns() -> None:
    release = threading.Event()
    ran: list[tuple[str, int | None]] = []
    worker = CommandThread("t")
    worker.submit("stop", release.wait)
    worker.submit("queued", lambda: ran.append(("queued", threading.get_ident())))
    assert _wait(lambda: worker.stuck_for()[0] == "stop")
    worker.abandon(then=lambda: ran.append(("clean-up", threading.get_ident())))
    assert ran == [], "nothing runs while the call hangs"
    release.set()
    assert worker.join(5.0)
    assert ran == [("clean-up", worker.ident)], "only the clean-up, on the thread itself"


def test_nothing_submitted_after_finish_runs_or_stays_queued() -> None:
    ran: list[str] = []
    worker = CommandThread("t")
    worker.submit("last", lambda: ran.append("last"))
    worker.finish()
    worker.submit("late", lambda: ran.append("late"))
    assert worker.join(5.0)
    assert ran == ["last"]


def test_a_failing_command_does_not_stop_the_thread() -> None:
    ran: list[str] = []
    worker = CommandThread("t")
    worker.submit("boom", lambda: 1 / 0)
    worker.submit("next", lambda: ran.append("next"))
    worker.finish()
    assert worker.join(5.0)
    assert ran == ["next"]


def _fill(exchange: FrameExchange, value: int) -> None:
    index, address = exchange.acquire_for_writing()
    picture = bytes([value]) * (4 * 4 * 2)
    ctypes.memmove(address, picture, len(picture))
    exchange.publish(index)


def test_the_writer_never_touches_the_latest_or_a_held_picture(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    exchange = new_exchange()
    assert exchange.configure(4, 2) == 16
    with exchange.hold() as nothing:
        assert nothing is None
    _fill(exchange, 1)
    with exchange.hold() as frame:
        assert frame is not None
        held = bytes(frame.data)
        for value in range(2, 8):
            _fill(exchange, value)
        assert bytes(frame.data) == held, "the held picture is intact"
    with exchange.hold() as frame:
        assert frame is not None
        assert bytes(frame.data)[0] == 7


def test_an_identical_picture_is_not_counted_as_new(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    exchange = new_exchange()
    exchange.configure(4, 2)
    _fill(exchange, 1)
    _fill(exchange, 1)
    assert exchange.counter == 1
    _fill(exchange, 2)
    assert exchange.counter == 2
    exchange.touch()
    assert exchange.counter == 3
