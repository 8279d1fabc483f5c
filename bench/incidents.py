"""Incident list benchmark: filter and sort over 100,000 incidents, and an alert burst.

A real store (SQLite on disk, the console's schema) is filled through ``IncidentCache.upsert``
with 100,000 realistic incidents: the demo city's 13 towns and 209 villages, the six linked
units, thirty operators, the category catalogue with its time limits, states as a busy centre
has them, hotline callers. Then, as the list asks for them:

* ``incidents_filter_100k_ms``: every filter the bar offers (mine, overdue, awaiting
  verification, town, unit, major category, state, text) alone and in a few combinations,
  each as the list's first page of 200 rows with the count, in the default order;
* ``incidents_sort_100k_ms``: every sortable column in both directions, over everything and
  over the open incidents;
* ``incidents_shown_100k_ms``: the same filters through the Qt model, from asking on the GUI
  thread to the first page shown (the store lane's hop included).

Each is given as p50 and max over all its cases and repeats (wall time), with the CPU time of
the same work beside it (a loaded machine inflates it less). Side by side, the ``naive_*``
figures run the same cases as one plain query each (filter, ORDER BY, LIMIT, and a separate
count), leaving the plan to SQLite: what choosing the plan buys. The alert burst figures come
from ``bench/_alert_burst.py`` when it is there. The machine's load average is printed before
and after, so a noisy run shows itself.

    .venv/bin/python bench/incidents.py [--quick] [--no-alerts]
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import emit, parse_args  # noqa: E402
from console.domain.categories import CATEGORIES  # noqa: E402
from console.domain.incident import TERMINAL_STATES, IncidentState  # noqa: E402
from console.store import Store, open_store  # noqa: E402
from console.store.cache_schema import IncidentRow  # noqa: E402
from console.store.incidents import (  # noqa: E402
    IncidentFilter,
    IncidentSort,
    Mine,
    _count,
    _filtered,
    _ordered,
)
from tests.integration.store.incident_world import NOW, make_incident_world  # noqa: E402

COUNT = 100_000
PAGE = 200


def filter_cases(towns: list[str]) -> dict[str, IncidentFilter]:
    traffic = frozenset(c.code for c in CATEGORIES if c.major == "traffic")
    safety = frozenset(c.code for c in CATEGORIES if c.major == "public_safety")
    open_states = frozenset(set(IncidentState) - TERMINAL_STATES)
    mine = Mine("user-op3", "unit-fire")
    return {
        "mine": IncidentFilter(mine=mine),
        "overdue": IncidentFilter(overdue_at=NOW),
        "awaiting_verification": IncidentFilter(awaiting_verification=True),
        "town": IncidentFilter(region_id=towns[3]),
        "unit": IncidentFilter(unit_id="unit-police"),
        "major_category": IncidentFilter(categories=traffic),
        "state": IncidentFilter(states=frozenset({IncidentState.IN_PROGRESS})),
        "open": IncidentFilter(states=open_states),
        "text": IncidentFilter(text="金海路1"),
        "text_rare": IncidentFilter(text="金海路299号"),
        "mine_overdue": IncidentFilter(mine=mine, overdue_at=NOW),
        "town_category_open": IncidentFilter(
            region_id=towns[0], categories=safety, states=open_states
        ),
        "town_overdue_text": IncidentFilter(region_id=towns[5], overdue_at=NOW, text="路"),
    }


def sort_cases() -> list[tuple[IncidentFilter, IncidentSort, bool]]:
    open_states = frozenset(set(IncidentState) - TERMINAL_STATES)
    cases = []
    for where in (IncidentFilter(), IncidentFilter(states=open_states)):
        for sort in IncidentSort:
            for descending in (True, False):
                cases.append((where, sort, descending))
    return cases


def timed(work: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus


def naive_page(store: Store, where: IncidentFilter, sort: IncidentSort, descending: bool) -> Any:
    """The plain plan: one filtered, ordered, limited query and a separate count."""
    from sqlalchemy import select

    database = store.incidents._db
    with database.read() as session:
        query = _ordered(_filtered(select(IncidentRow.id), where), sort, descending)
        ids = list(session.scalars(query.limit(PAGE)))
        return ids, _count(session, where)


def report(name: str, walls: list[float], cpus: list[float]) -> None:
    emit(f"{name}_p50", statistics.median(walls), "ms", 1)
    emit(f"{name}_max", max(walls), "ms", 1)
    emit(f"{name}_cpu_p50", statistics.median(cpus), "ms", 1)
    emit(f"{name}_cpu_max", max(cpus), "ms", 1)


def measure_store(store: Store, towns: list[str], repeat: int) -> None:
    filters = filter_cases(towns)
    sorts = sort_cases()
    ours: dict[str, tuple[list[float], list[float]]] = {"filter": ([], []), "sort": ([], [])}
    naive: dict[str, tuple[list[float], list[float]]] = {"filter": ([], []), "sort": ([], [])}
    work: list[tuple[str, IncidentFilter, IncidentSort, bool]] = [
        ("filter", where, IncidentSort.UPDATED, True) for where in filters.values()
    ] + [("sort", where, sort, descending) for where, sort, descending in sorts]
    gc.disable()
    try:
        for kind, where, sort, descending in work:
            ours_page = partial(
                store.incidents.list_page, where, sort=sort, descending=descending, limit=PAGE
            )
            walls, cpus = timed(ours_page, repeat)
            ours[kind][0].extend(walls)
            ours[kind][1].extend(cpus)
            walls, cpus = timed(partial(naive_page, store, where, sort, descending), repeat)
            naive[kind][0].extend(walls)
            naive[kind][1].extend(cpus)
    finally:
        gc.enable()
    for kind in ("filter", "sort"):
        report(f"incidents_{kind}_100k_ms", *ours[kind])
    for kind in ("filter", "sort"):
        report(f"incidents_{kind}_100k_naive_ms", *naive[kind])
    for kind in ("filter", "sort"):
        emit(
            f"incidents_{kind}_100k_max_vs_naive",
            max(ours[kind][0]) / max(naive[kind][0]),
            "x",
        )
    emit("incidents_filter_cases", len(filters))
    emit("incidents_sort_cases", len(sorts))


def measure_model(store: Store, towns: list[str], repeat: int) -> None:
    """The same filters through the list's Qt model, as the panel asks for them."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.gui.incidents.list_model import IncidentListModel, ListQuery
    from console.tasks import TaskRunner

    # A widget application: the alert burst that follows runs a whole console in it.
    app = QApplication.instance() or QApplication([sys.argv[0]])
    runner = TaskRunner()
    model = IncidentListModel(runner, store.incidents, now=lambda: NOW)
    shown: list[float] = []
    loop = QEventLoop()

    def on_shown(_total: int, milliseconds: float) -> None:
        shown.append(milliseconds)
        loop.quit()

    model.query_shown.connect(on_shown)
    try:
        for where in filter_cases(towns).values():
            for _ in range(repeat):
                model.set_query(ListQuery(where))
                QTimer.singleShot(10_000, loop.quit)
                loop.exec()
    finally:
        runner.shutdown()
        model.deleteLater()
    assert app is not None
    if shown:
        emit("incidents_shown_100k_ms_p50", statistics.median(shown), "ms", 1)
        emit("incidents_shown_100k_ms_max", max(shown), "ms", 1)


def measure_alert_burst(quick: bool) -> None:
    if not (ROOT / "bench" / "_alert_burst.py").exists():
        print("alert_burst: skipped (bench/_alert_burst.py not present)")
        return
    from bench._alert_burst import measure

    figures = measure(quick)
    counts = {"alerts_lost", "alert_burst_sent"}
    for name, value in figures.items():
        if name in counts:
            emit(name, int(value))
        else:
            emit(name, value, "ms", 1)


def main() -> None:
    args = parse_args(
        __doc__.splitlines()[0],
        configure=lambda parser: parser.add_argument(
            "--no-alerts", action="store_true", help="leave out the alert burst"
        ),
    )
    repeat = 3 if args.quick else 7
    emit("load_average_1min_start", os.getloadavg()[0], "", 2)
    started = time.perf_counter()
    world = make_incident_world(COUNT, seed=3)
    emit("incidents_generate_s", time.perf_counter() - started, "s", 1)
    with tempfile.TemporaryDirectory(prefix="tianmu-bench-incidents-") as scratch:
        store = open_store(Path(scratch) / "store")
        try:
            store.regions.replace_all(world.regions)
            store.units.replace_all(world.units)
            started = time.perf_counter()
            store.incidents.upsert(world.incidents)
            emit("incidents_100k_upsert_s", time.perf_counter() - started, "s", 1)
            assert store.incidents.count() == COUNT
            towns = [town.id for town in world.towns]
            del world
            measure_store(store, towns, repeat)
            measure_model(store, towns, 2 if args.quick else 5)
        finally:
            store.close()
    emit("load_average_1min_after_incidents", os.getloadavg()[0], "", 2)
    if not args.no_alerts:
        measure_alert_burst(args.quick)
    emit("load_average_1min_end", os.getloadavg()[0], "", 2)


if __name__ == "__main__":
    main()
