"""The patrol panel follows a change of language while it is open: its buttons, the plan list
and the end-of-patrol summary come back in the new language (and back again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.model import PatrolPlan
from console.gui.patrol.panel import PatrolPanel
from console.gui.patrol.runner import PatrolRunner
from console.gui.wall.streams import WallStreams
from console.gui.wall.wall_view import WallView
from console.i18n import install_translator, remove_translators
from console.tasks import TaskRunner
from console.wall.layout import LayoutLibrary, preset
from console.wall.model import Wall, WallPage
from console.wall.patrol import Coverage

PLAN = PatrolPlan("plan-1", "交接班巡检", ("cam-1", "cam-2", "cam-3"), dwell_s=20)


@pytest.fixture
def panel(qtbot: QtBot, runner: TaskRunner) -> Iterator[PatrolPanel]:
    wall = Wall([WallPage(preset("4"))])
    view = WallView(wall, LayoutLibrary(), WallStreams(runner, lambda _c: (None, None)), runner)
    qtbot.addWidget(view)
    patrol = PatrolRunner(view, runner, lambda _body: None)
    made = PatrolPanel(patrol, runner, lambda: [PLAN])
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    patrol.stop()
    view.dispose()


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    yield
    remove_translators(qapp)
    QLocale.setDefault(locale)


def test_the_panel_follows_the_language_at_run_time(
    qtbot: QtBot, qapp: QApplication, panel: PatrolPanel, language: None
) -> None:
    panel.refresh()
    qtbot.waitUntil(lambda: panel.plan_list.count() == 1, timeout=5_000)
    panel.patrol.finished.emit(
        Coverage(planned=3, seen=3, ok=2, abnormal=1, dead=0, unjudged=0, not_reached=0)
    )
    panel.patrol.record_failed.emit("disk full")
    assert panel.start_button.text() == "Start patrol"
    assert panel.plan_list.item(0).text() == "交接班巡检 — 3 cameras, 20 s each"
    assert panel.summary.text().startswith("Patrol finished: 3 of 3 cameras seen (100%).")

    assert install_translator(qapp, "zh_CN") == "zh_CN"
    qtbot.waitUntil(lambda: panel.start_button.text() == "开始巡检", timeout=5_000)
    assert panel.refresh_button.text() == "刷新"
    assert panel.ok_button.text() == "正常（空格）"
    assert panel.tiles_box.prefix() == "每页摄像机数："
    assert panel.plan_list.item(0).text() == "交接班巡检 — 3 路摄像机，每页 20 秒"
    summary = panel.summary.text().split("\n")
    assert summary[0].startswith("巡检结束：已查看 3/3 路摄像机（100%）")
    assert summary[1] == "巡检记录未能放入待发送队列：disk full"

    assert install_translator(qapp, "en") == "en"
    qtbot.waitUntil(lambda: panel.start_button.text() == "Start patrol", timeout=5_000)
    assert panel.plan_list.item(0).text() == "交接班巡检 — 3 cameras, 20 s each"
    assert panel.summary.text().split("\n") == [
        "Patrol finished: 3 of 3 cameras seen (100%). Normal 2, abnormal 1, no picture 0, "
        "not judged 0, not reached 0.",
        "The patrol record could not be queued: disk full",
    ]
