"""The patrol panel: the plans from the server, start/pause/next/stop, the verdict keys and
the coverage summary at the end.

Plans are read and saved through ``load_plans`` / ``save_plan`` (blocking calls to the
backend, run on the task runner's network lane). Verdict keys work while the wall has the
focus: Space marks the selected camera normal, X abnormal. Every text follows a change of
language at run time, the plan list and the summary included.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.model import PatrolPlan, PatrolVerdict
from console.gui.patrol.plan_editor import PlanEditor
from console.gui.patrol.runner import PatrolRunner
from console.gui.plain_text import plain_label, plain_tooltip
from console.tasks import NET, TaskRunner
from console.text import fill
from console.wall.patrol import Coverage, PatrolState

logger = logging.getLogger(__name__)

PlanLoader = Callable[[], list[PatrolPlan]]
PlanSaver = Callable[[PatrolPlan], PatrolPlan]
OK_KEY = "Space"
ABNORMAL_KEY = "X"


class PatrolPanel(QWidget):
    """See the module docstring. Signals: none of its own (see ``PatrolRunner``)."""

    def __init__(
        self,
        patrol: PatrolRunner,
        runner: TaskRunner,
        load_plans: PlanLoader,
        save_plan: PlanSaver | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.patrol = patrol
        self._runner = runner
        self._load_plans = load_plans
        self._save_plan = save_plan
        self._plans: list[PatrolPlan] = []
        # The summary's lines, each made anew in the current language when it changes.
        self._summary_lines: list[Callable[[], str]] = []

        self.plan_list = QListWidget(self)
        self.plan_list.setObjectName("patrol_plan_list")
        self.refresh_button = QPushButton(self)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.tiles_box = QSpinBox(self)
        self.tiles_box.setRange(1, 16)
        self.tiles_box.setValue(4)
        self.start_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.next_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.ok_button = QPushButton(self)
        self.abnormal_button = QPushButton(self)
        self.progress = plain_label(QLabel(self))
        # Plan names and the server's reasons appear here: shown as written.
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        plan_buttons = QHBoxLayout()
        for button in (self.refresh_button, self.new_button, self.edit_button):
            plan_buttons.addWidget(button)
        controls = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.next_button, self.stop_button):
            controls.addWidget(button)
        verdicts = QHBoxLayout()
        verdicts.addWidget(self.ok_button)
        verdicts.addWidget(self.abnormal_button)
        column = QVBoxLayout(self)
        column.addWidget(self.plan_list, 1)
        column.addLayout(plan_buttons)
        column.addWidget(self.tiles_box)
        column.addLayout(controls)
        column.addLayout(verdicts)
        column.addWidget(self.progress)
        column.addWidget(self.summary)

        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.pause_button.toggled.connect(self._on_pause_button_toggled)
        self.next_button.clicked.connect(patrol.next_page)
        self.stop_button.clicked.connect(patrol.stop)
        self.ok_button.clicked.connect(lambda: patrol.mark_selected(PatrolVerdict.OK))
        self.abnormal_button.clicked.connect(lambda: patrol.mark_selected(PatrolVerdict.ABNORMAL))
        patrol.page_shown.connect(self._on_patrol_page_shown)
        patrol.finished.connect(self._on_patrol_finished)
        patrol.record_failed.connect(self._on_patrol_record_failed)

        # The keys act where the operator looks: the wall.
        for key, verdict in ((OK_KEY, PatrolVerdict.OK), (ABNORMAL_KEY, PatrolVerdict.ABNORMAL)):
            shortcut = QShortcut(QKeySequence(key), patrol.wall_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda v=verdict: patrol.mark_selected(v))
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._show_progress)
        self._retranslate()
        self._set_running(False)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.new_button.setText(self.tr("New plan…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.tiles_box.setPrefix(self.tr("Cameras per page: "))
        self.start_button.setText(self.tr("Start patrol"))
        self.pause_button.setText(self.tr("Pause"))
        self.next_button.setText(self.tr("Next page"))
        self.stop_button.setText(self.tr("Stop"))
        self.ok_button.setText(self.tr("Normal (Space)"))
        self.abnormal_button.setText(self.tr("Abnormal (X)"))
        for row, plan in enumerate(self._plans):
            item = self.plan_list.item(row)
            if item is not None:
                item.setText(self._plan_text(plan))
                item.setToolTip(plain_tooltip(self._plan_text(plan)))
        self._show_summary()
        if self.patrol.running:
            self._show_progress()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- plans

    @property
    def plans(self) -> list[PatrolPlan]:
        return list(self._plans)

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self._runner.run(
            NET,
            self._load_plans,
            on_done=self._on_plans_loaded,
            on_error=self._on_plans_failed,
            title=self.tr("Loading patrol plans"),
        )

    def _on_plans_loaded(self, plans: list[PatrolPlan]) -> None:
        self.refresh_button.setEnabled(True)
        self._plans = list(plans)
        self.plan_list.clear()
        for plan in self._plans:
            item = QListWidgetItem(self._plan_text(plan))
            item.setToolTip(plain_tooltip(self._plan_text(plan)))
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            self.plan_list.addItem(item)
        if self._plans:
            self.plan_list.setCurrentRow(0)

    def _plan_text(self, plan: PatrolPlan) -> str:
        return fill(
            self.tr("%1 — %2 cameras, %3 s each"), plan.name, len(plan.camera_ids), plan.dwell_s
        )

    def _on_plans_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self._set_summary(partial(self._plans_failed_text, str(exc)))

    def _plans_failed_text(self, message: str) -> str:
        return fill(self.tr("Could not load the patrol plans: %1"), message)

    def selected_plan(self) -> PatrolPlan | None:
        row = self.plan_list.currentRow()
        return self._plans[row] if 0 <= row < len(self._plans) else None

    def _on_edit_button_clicked(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self._edit(plan)

    def _edit(self, plan: PatrolPlan | None) -> None:
        if self._save_plan is None:
            return
        editor = PlanEditor(plan, self)
        if editor.exec() != PlanEditor.DialogCode.Accepted:
            return
        edited = editor.plan()
        self._runner.run(
            NET,
            self._save_plan,
            edited,
            on_done=lambda _saved: self.refresh(),
            on_error=lambda exc: self._set_summary(partial(self._save_failed_text, str(exc))),
        )

    def _save_failed_text(self, message: str) -> str:
        return fill(self.tr("Could not save the plan: %1"), message)

    # ---------------------------------------------------------------- running

    def _on_start_button_clicked(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        self._set_summary()
        self.patrol.start(plan, tiles_per_page=self.tiles_box.value())
        if self.patrol.running:
            self._set_running(True)

    def _on_pause_button_toggled(self, paused: bool) -> None:
        if paused:
            self.patrol.pause()
        else:
            self.patrol.resume()
        self._show_progress()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.plan_list.setEnabled(not running)
        for button in (
            self.pause_button,
            self.next_button,
            self.stop_button,
            self.ok_button,
            self.abnormal_button,
        ):
            button.setEnabled(running)
        if running:
            self._countdown.start()
        else:
            self._countdown.stop()
            self.pause_button.setChecked(False)
            self.progress.clear()

    def _on_patrol_page_shown(self, number: int, total: int) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        run = self.patrol.run
        if run is None or run.current is None:
            return
        text = fill(
            self.tr("Page %1 of %2 · %3 s left"),
            run.current.number + 1,
            len(run.pages),
            int(run.remaining_s() + 0.999),
        )
        if run.state is PatrolState.PAUSED:
            text += " · " + self.tr("paused")
        self.progress.setText(text)

    def _on_patrol_finished(self, coverage: Coverage) -> None:
        self._set_running(False)
        self._set_summary(partial(self.coverage_text, coverage))

    def _on_patrol_record_failed(self, message: str) -> None:
        self._summary_lines.append(partial(self._record_failed_text, message))
        self._show_summary()

    def _record_failed_text(self, message: str) -> str:
        return fill(self.tr("The patrol record could not be queued: %1"), message)

    def _set_summary(self, *lines: Callable[[], str]) -> None:
        self._summary_lines = list(lines)
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.setText("\n".join(line() for line in self._summary_lines))

    def coverage_text(self, coverage: Coverage) -> str:
        return fill(
            self.tr(
                "Patrol finished: %1 of %2 cameras seen (%3%). Normal %4, abnormal %5, "
                "no picture %6, not judged %7, not reached %8."
            ),
            coverage.seen,
            coverage.planned,
            f"{coverage.seen_ratio * 100:.0f}",
            coverage.ok,
            coverage.abnormal,
            coverage.dead,
            coverage.unjudged,
            coverage.not_reached,
        )
