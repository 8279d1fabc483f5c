"""Camera tree benchmark: build and search-as-you-type at 7,500 and 50,000 cameras.

Every filter figure is end to end: set the search text, apply it (the debounce is a
deliberate wait, not work, so it is skipped), then let Qt lay out and paint (offscreen).
The tree is fully expanded first, the worst case for a tree. Side by side, at a small size,
the naive approach: a recursive QSortFilterProxyModel filtering an expanded QTreeView.

Prints one figure per line as ``name: value unit``. ``--quick`` finishes in under a minute.
``*_cpu_*`` figures are this process's CPU time for the same work: on a shared, loaded
machine they show what the code costs when wall time mostly shows the neighbours.

    .venv/bin/python bench/tree.py [--quick]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView  # noqa: E402

from console.catalog import CameraCatalog  # noqa: E402
from console.gui.camera_tree import CameraTreeModel, CameraTreePanel  # noqa: E402

BROAD_QUERY = "路口"  # road junctions: about a fifth of the synthetic cameras
TYPED_SEQUENCE = ["路", "路口", "路口1", "路口12", "路口12号"]


def load_factory() -> ModuleType:
    # tests/ is not an importable package; load the shared generator by path.
    path = Path(__file__).resolve().parents[1] / "tests" / "support" / "catalog_factory.py"
    spec = importlib.util.spec_from_file_location("tianmu_bench_catalog_factory", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


def settle() -> None:
    """Run the event loop until layout and paint requests are done."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


_cpu_ms: list[float] = []  # process CPU time of each timed_ms call, for a loaded machine


def timed_ms(action: Callable[[], object]) -> float:
    """Wall time of ``action`` plus the event processing it causes; CPU time goes to _cpu_ms."""
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    settle()
    _cpu_ms.append((time.process_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def report(name: str, value: float, unit: str = "ms") -> None:
    print(f"{name}: {value:.1f} {unit}", flush=True)


def expand_everything(view: QTreeView) -> None:
    view.expandAll()
    settle()


def bench_size(factory: ModuleType, count: int, label: str, repeats: int) -> None:
    world = factory.make_world(count)
    gc.collect()

    start = time.perf_counter()
    catalog = CameraCatalog(world.regions, world.cameras, not_shared=world.not_shared)
    catalog_ms = (time.perf_counter() - start) * 1000
    panel = CameraTreePanel(catalog)
    panel.resize(360, 800)
    panel.show()
    settle()
    build_ms = (time.perf_counter() - start) * 1000
    report(f"catalog_build_{label}_ms", catalog_ms)
    report(f"tree_build_{label}_ms", build_ms)

    start = time.perf_counter()
    expand_everything(panel.tree_view)
    report(f"tree_expand_all_{label}_ms", (time.perf_counter() - start) * 1000)

    narrow_query = world.cameras[count // 2].id
    broad, broad_cpu, narrow, clear = [], [], [], []
    for _ in range(repeats):
        broad.append(timed_ms(lambda: panel.set_search_text(BROAD_QUERY)))
        broad_cpu.append(_cpu_ms[-1])
        clear.append(timed_ms(panel.clear_search))
        narrow.append(timed_ms(lambda: panel.set_search_text(narrow_query)))
        clear.append(timed_ms(panel.clear_search))
    broad_matches = len(catalog.search(BROAD_QUERY))
    report(f"tree_filter_broad_{label}_ms", statistics.median(broad))
    report(f"tree_filter_broad_max_{label}_ms", max(broad))
    report(f"tree_filter_broad_cpu_{label}_ms", statistics.median(broad_cpu))
    report(f"tree_filter_broad_matches_{label}", broad_matches, "cameras")
    report(f"tree_filter_narrow_{label}_ms", statistics.median(narrow))
    report(f"tree_filter_narrow_max_{label}_ms", max(narrow))
    report(f"tree_filter_clear_max_{label}_ms", max(clear))

    keystrokes, keystrokes_cpu = [], []
    for _ in range(repeats):
        for typed in TYPED_SEQUENCE:
            keystrokes.append(timed_ms(lambda typed=typed: panel.set_search_text(typed)))
            keystrokes_cpu.append(_cpu_ms[-1])
        clear.append(timed_ms(panel.clear_search))
    report(f"tree_filter_keystroke_max_{label}_ms", max(keystrokes))
    report(f"tree_filter_keystroke_cpu_max_{label}_ms", max(keystrokes_cpu))

    start = time.perf_counter()
    search_runs = 0
    while search_runs < repeats * 5:
        catalog._last_search = None  # measure the full scan, not the narrowing shortcut
        catalog.search(BROAD_QUERY)
        search_runs += 1
    report(f"catalog_search_broad_{label}_ms", (time.perf_counter() - start) * 1000 / search_runs)

    panel.close()
    panel.deleteLater()
    settle()


def naive_filter_ms(catalog: CameraCatalog, query: str) -> tuple[float, float]:
    """Recursive QSortFilterProxyModel on an expanded QTreeView: filter, then clear."""
    model = CameraTreeModel(catalog)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setRecursiveFilteringEnabled(True)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setHeaderHidden(True)
    view.setModel(proxy)
    view.resize(360, 800)
    view.show()
    expand_everything(view)
    filter_ms = timed_ms(lambda: proxy.setFilterFixedString(query))
    clear_ms = timed_ms(lambda: proxy.setFilterFixedString(""))
    view.close()
    view.deleteLater()
    settle()
    return filter_ms, clear_ms


def ours_filter_ms(catalog: CameraCatalog, query: str) -> tuple[float, float]:
    panel = CameraTreePanel(catalog)
    panel.resize(360, 800)
    panel.show()
    expand_everything(panel.tree_view)
    filter_ms = timed_ms(lambda: panel.set_search_text(query))
    clear_ms = timed_ms(panel.clear_search)
    panel.close()
    panel.deleteLater()
    settle()
    return filter_ms, clear_ms


def bench_side_by_side(factory: ModuleType, count: int) -> None:
    world = factory.make_world(count)
    catalog = CameraCatalog(world.regions, world.cameras, not_shared=world.not_shared)
    label = f"{count // 1000}k" if count % 1000 == 0 else str(count)
    narrow_query = world.cameras[count // 2].id
    for kind, query in (("broad", BROAD_QUERY), ("narrow", narrow_query)):
        naive, naive_clear = naive_filter_ms(catalog, query)
        ours, ours_clear = ours_filter_ms(catalog, query)
        report(f"naive_filter_{kind}_{label}_ms", naive)
        report(f"ours_filter_{kind}_{label}_ms", ours)
        report(f"naive_over_ours_filter_{kind}_{label}", naive / ours, "x")
        report(f"naive_clear_{kind}_{label}_ms", naive_clear)
        report(f"ours_clear_{kind}_{label}_ms", ours_clear)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; under a minute")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    factory = load_factory()
    repeats = 3 if args.quick else 9
    began = time.perf_counter()

    bench_size(factory, 7_500, "7k5", repeats)
    bench_size(factory, 50_000, "50k", repeats)
    for count in (2_000,) if args.quick else (2_000, 5_000):
        bench_side_by_side(factory, count)

    report("bench_wall_s", time.perf_counter() - began, "s")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
