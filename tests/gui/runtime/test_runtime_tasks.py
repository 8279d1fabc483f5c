"""The task runner and the update batchers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from console.tasks import NET, STORE, Coalescer, Debouncer, TaskRunner


def _runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(("tianmu-store", "tianmu-net"))]


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(net_workers=3)
    yield task_runner
    assert task_runner.shutdown(timeout=10)
    assert _runner_threads() == []


def test_results_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner, qapp: Any) -> None:
    seen: list[dict[str, Any]] = []

    def work(x: int) -> dict[str, int]:
        return {"double": 2 * x, "worker": threading.get_ident()}

    def done(result: dict[str, int]) -> None:
        seen.append(
            {
                **result,
                "on_gui_thread": QThread.currentThread() is qapp.thread(),
                "callback_thread": threading.get_ident(),
            }
        )

    for lane in (STORE, NET):
        runner.run(lane, work, 21, on_done=done)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    for entry in seen:
        assert entry["double"] == 42
        assert entry["on_gui_thread"]
        assert entry["callback_thread"] == threading.main_thread().ident
        assert entry["worker"] != threading.main_thread().ident


def test_errors_reach_the_sink_scrubbed(qtbot: QtBot, runner: TaskRunner) -> None:
    def fetch() -> None:
        raise ConnectionError("cannot reach rtsp://admin:canary-pw@10.0.0.7/ch1")

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as failure:
        runner.run(NET, fetch, on_done=lambda _r: pytest.fail("no result expected"))
    title, detail = failure.args
    assert title == "A background task failed"
    assert "ConnectionError" in detail
    assert "rtsp://admin:***@10.0.0.7/ch1" in detail
    assert "canary-pw" not in detail


def test_a_given_title_is_used(qtbot: QtBot, runner: TaskRunner) -> None:
    with qtbot.waitSignal(runner.task_failed, timeout=5000) as failure:
        runner.run(STORE, int, "not a number", title="Saving the incident failed")
    assert failure.args[0] == "Saving the incident failed"
    assert "ValueError" in failure.args[1]


def test_on_error_replaces_the_sink(qtbot: QtBot, runner: TaskRunner) -> None:
    sink: list[tuple[str, str]] = []
    runner.task_failed.connect(lambda title, detail: sink.append((title, detail)))
    errors: list[BaseException] = []
    runner.run(STORE, int, "x", on_error=errors.append)
    # A later task on the same serial lane proves the first one's outcome was delivered.
    finished: list[int] = []
    runner.run(STORE, int, "7", on_done=finished.append)
    qtbot.waitUntil(lambda: finished == [7], timeout=5000)
    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)
    assert sink == []


def test_a_failing_callback_reaches_the_sink(qtbot: QtBot, runner: TaskRunner) -> None:
    def broken_callback(_result: int) -> None:
        raise KeyError("widget gone")

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as failure:
        runner.run(NET, int, "5", on_done=broken_callback)
    assert "KeyError" in failure.args[1]


def test_the_store_lane_is_strictly_serial(qtbot: QtBot, runner: TaskRunner) -> None:
    lock = threading.Lock()
    state = {"running": 0, "most": 0}
    started: list[int] = []

    def write(n: int) -> int:
        with lock:
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
            started.append(n)
        time.sleep(0.002)  # widens the window in which an overlap would show
        with lock:
            state["running"] -= 1
        return n

    finished: list[int] = []
    for n in range(40):
        runner.run(STORE, write, n, on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 40, timeout=10000)
    assert state["most"] == 1
    assert started == list(range(40))
    assert finished == list(range(40))


def test_two_store_tasks_never_meet_but_net_tasks_do(qtbot: QtBot, runner: TaskRunner) -> None:
    def meet(barrier: threading.Barrier) -> str:
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            return "alone"
        return "met"

    outcomes: dict[str, list[str]] = {STORE: [], NET: []}
    for lane, timeout in ((NET, 10.0), (STORE, 0.3)):
        barrier = threading.Barrier(2, timeout=timeout)
        for _ in range(2):
            runner.run(lane, meet, barrier, on_done=outcomes[lane].append)
    qtbot.waitUntil(lambda: len(outcomes[STORE]) == 2 and len(outcomes[NET]) == 2, timeout=10000)
    assert outcomes[NET] == ["met", "met"]
    assert outcomes[STORE] == ["alone", "alone"]


def test_a_cancelled_task_neither_runs_nor_calls_back(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    ran: list[str] = []
    runner.run(STORE, release.wait, 10)
    cancelled = runner.run(STORE, ran.append, "cancelled", on_done=lambda _r: ran.append("cb"))
    cancelled.cancel()
    finished: list[None] = []
    runner.run(STORE, ran.append, "after", on_done=finished.append)
    release.set()
    qtbot.waitUntil(lambda: finished == [None], timeout=5000)
    assert ran == ["after"]


def test_stats_show_queued_and_running_work(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    runner.run(STORE, release.wait, 10)
    runner.run(STORE, int, "1")
    qtbot.waitUntil(lambda: runner.stats()[STORE] == {"queued": 1, "running": 1}, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.stats()[STORE] == {"queued": 0, "running": 0}, timeout=5000)


def test_shutdown_finishes_store_work_and_refuses_more(qapp: Any) -> None:
    task_runner = TaskRunner()
    written: list[int] = []
    release = threading.Event()
    task_runner.run(STORE, release.wait, 10)
    for n in range(5):
        task_runner.run(STORE, written.append, n)
    release.set()
    assert task_runner.shutdown(timeout=10)
    assert written == [0, 1, 2, 3, 4]
    assert _runner_threads() == []
    with pytest.raises(RuntimeError, match="shut down"):
        task_runner.run(STORE, int, "1")


def test_unknown_lane_is_refused(runner: TaskRunner) -> None:
    with pytest.raises(ValueError, match="unknown lane 'disk'"):
        runner.run("disk", int, "1")


def test_coalescer_batches_a_burst_into_one_callback(qtbot: QtBot) -> None:
    batches: list[list[int]] = []
    coalescer: Coalescer[int] = Coalescer(20, batches.append)
    for n in range(100):
        coalescer.add(n)
    assert batches == []
    qtbot.waitUntil(lambda: len(batches) == 1, timeout=5000)
    assert batches[0] == list(range(100))
    assert coalescer.pending() == 0


def test_coalescer_keeps_the_latest_item_per_key(qtbot: QtBot) -> None:
    batches: list[list[tuple[str, int]]] = []
    coalescer: Coalescer[tuple[str, int]] = Coalescer(20, batches.append, key=lambda p: p[0])
    coalescer.add_many(
        (unit, step) for step in range(50) for unit in ("巡逻1组", "巡逻2组", "特警")
    )
    qtbot.waitUntil(lambda: len(batches) == 1, timeout=5000)
    assert sorted(batches[0]) == [("巡逻1组", 49), ("巡逻2组", 49), ("特警", 49)]


def test_coalescer_flush_delivers_at_once() -> None:
    batches: list[list[str]] = []
    coalescer: Coalescer[str] = Coalescer(10_000, batches.append)
    coalescer.add("alert-1")
    coalescer.flush()
    coalescer.flush()
    assert batches == [["alert-1"]]


def test_debouncer_fires_once_after_the_calls_stop(qtbot: QtBot) -> None:
    calls: list[None] = []
    debouncer = Debouncer(30, lambda: calls.append(None))
    for _ in range(20):
        debouncer.trigger()
    assert debouncer.is_pending()
    qtbot.waitUntil(lambda: calls == [None], timeout=5000)
    assert not debouncer.is_pending()  # nothing else is scheduled, so no second call can come
