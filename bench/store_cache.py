"""Local cache benchmark: 50,000 cameras and 100,000 incidents in the store.

Figures: bulk load of cameras, reading them back as domain values, a camera search, and
every incident-list filter/sort (one page of 100, with its total) over 100,000 incidents.
Each query is timed as the median of several runs; ``*_cpu_*`` is this process's CPU time
for the same work, which a loaded machine inflates less than wall time. Side by side, the
same filters with a plain SQLite scan of the bodies (no indexed columns) show what the
indexes buy.

Prints one figure per line as ``name: value unit``.

    .venv/bin/python bench/store_cache.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from console.domain.incident import IncidentState, Priority
from console.store import IncidentFilter, IncidentSort, open_store

REPO = Path(__file__).resolve().parents[1]


def load(relative: str, name: str) -> ModuleType:
    # tests/ is not an importable package from here; load the shared generators by path.
    spec = importlib.util.spec_from_file_location(name, REPO / relative)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``work``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (under a minute)")
    args = parser.parse_args()
    cameras = 20_000 if args.quick else 50_000
    incidents = 30_000 if args.quick else 100_000
    repeat = 3 if args.quick else 7
    catalog = load("tests/support/catalog_factory.py", "catalog_factory")
    factory = load("tests/unit/store/incident_factory.py", "incident_factory")

    with tempfile.TemporaryDirectory(prefix="tianmu-bench-cache-") as scratch:
        store = open_store(Path(scratch) / "store")
        try:
            world = catalog.make_world(cameras)
            store.regions.replace_all(world.regions)
            wall, cpu = timed(lambda: store.cameras.replace_all(world.cameras), 1)
            print(f"cameras_{cameras}_bulk_load: {wall:.0f} ms")
            print(f"cameras_{cameras}_bulk_load_cpu: {cpu:.0f} ms")
            wall, cpu = timed(lambda: store.cameras.query(), repeat)
            print(f"cameras_{cameras}_read_all: {wall:.0f} ms")
            print(f"cameras_{cameras}_read_all_cpu: {cpu:.0f} ms")
            town = world.regions[1].id
            wall, _ = timed(lambda: store.cameras.query(region_id=town, text="路口"), repeat)
            print(f"cameras_{cameras}_town_text_search: {wall:.1f} ms")

            bodies = factory.make_incidents(incidents)
            wall, _ = timed(lambda: store.incidents.upsert(bodies), 1)
            print(f"incidents_{incidents}_bulk_upsert: {wall:.0f} ms")
            cases = {
                "all": IncidentFilter(),
                "states": IncidentFilter(
                    states=frozenset({IncidentState.DISPATCHED, IncidentState.IN_PROGRESS})
                ),
                "priority": IncidentFilter(priorities=frozenset({Priority.P1})),
                "unit": IncidentFilter(unit_id="unit-fire"),
                "text": IncidentFilter(text="金海路"),
                "state_text": IncidentFilter(
                    states=frozenset({IncidentState.REPORTED}), text="金海路1"
                ),
            }
            worst = 0.0
            for name, where in cases.items():
                for sort in IncidentSort:

                    def page(where: IncidentFilter = where, sort: IncidentSort = sort) -> object:
                        return store.incidents.query(where, sort=sort, limit=100)

                    wall, cpu = timed(page, repeat)
                    worst = max(worst, wall)
                    print(f"incidents_{incidents}_{name}_by_{sort.value}: {wall:.1f} ms")
                    print(f"incidents_{incidents}_{name}_by_{sort.value}_cpu: {cpu:.1f} ms")
            print(f"incidents_{incidents}_worst_filter_sort: {worst:.1f} ms")

            # The same text filter answered by scanning stored bodies, without the slim table.
            connection = sqlite3.connect(Path(scratch) / "store" / "cache.sqlite")
            try:
                scan, _ = timed(
                    lambda: connection.execute(
                        "SELECT count(*) FROM incident_bodies WHERE instr(body, ?) > 0",
                        ("金海路",),
                    ).fetchone(),
                    repeat,
                )
            finally:
                connection.close()
            indexed, _ = timed(lambda: store.incidents.query(cases["text"], limit=100), repeat)
            print(f"incidents_text_body_scan: {scan:.1f} ms")
            print(f"incidents_text_body_scan_vs_store: {scan / indexed:.2f} x")
        finally:
            store.close()


if __name__ == "__main__":
    main()
