"""The patrol panel: the plans from the server, start/pause/next/stop, the verdict keys, how
the wall's screens step, each screen's progress and the coverage summary at the end.

Plans are read and saved through ``load_plans`` / ``save_plan`` (blocking calls to the
backend, run on the task runner's network lane). Verdict keys work on the screen that has the
focus (the main window's wall, or a detached page's monitor): Space marks the selected camera
normal, X abnormal, Shift+Space every camera of that screen not judged yet normal. "Next page"
turns every screen's page when the screens step together, and only the page of the screen the
operator works on (the one that had the focus last) when each has its own dwell. Every text
follows a change of language at run time, the plan list and the summary included.

Signals: ``step_mode_chosen(str)`` when the operator picks how screens step (a
``StepMode`` value; the composition root keeps it in the ``patrol.step_mode`` setting).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
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
from console.gui.patrol.runner import ABNORMAL_KEY, OK_KEY, REST_OK_KEY, PatrolRunner
from console.gui.plain_text import plain_label, plain_tooltip
from console.tasks import NET, TaskRunner
from console.text import fill
from console.wall.patrol import Coverage, PatrolState, ScreenProgress, StepMode

logger = logging.getLogger(__name__)

PlanLoader = Callable[[], list[PatrolPlan]]
PlanSaver = Callable[[PatrolPlan], PatrolPlan]
__all__ = ["ABNORMAL_KEY", "OK_KEY", "REST_OK_KEY", "PatrolPanel"]
STEP_MODES = (StepMode.TOGETHER, StepMode.OWN_DWELL)


class PatrolPanel(QWidget):
    """See the module docstring."""

    step_mode_chosen = Signal(str)

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
        self.rest_ok_button = QPushButton(self)
        self.rest_ok_button.setObjectName("patrol_rest_ok_button")
        self.step_mode_box = QComboBox(self)
        self.step_mode_box.setObjectName("patrol_step_mode_box")
        for mode in STEP_MODES:
            self.step_mode_box.addItem("", mode.value)
        self._show_step_mode(patrol.step_mode)
        # Monitor names come from the windowing system: shown as written.
        self.progress = plain_label(QLabel(self))
        # One line per screen: in a narrow dock they wrap rather than run off the edge.
        self.progress.setWordWrap(True)
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
        column.addWidget(self.step_mode_box)
        column.addLayout(controls)
        column.addLayout(verdicts)
        column.addWidget(self.rest_ok_button)
        column.addWidget(self.progress)
        column.addWidget(self.summary)

        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.pause_button.toggled.connect(self._on_pause_button_toggled)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.stop_button.clicked.connect(patrol.stop)
        self.ok_button.clicked.connect(lambda: patrol.mark_selected(PatrolVerdict.OK))
        self.abnormal_button.clicked.connect(lambda: patrol.mark_selected(PatrolVerdict.ABNORMAL))
        self.rest_ok_button.clicked.connect(lambda: patrol.mark_rest_ok())
        self.step_mode_box.activated.connect(self._on_step_mode_box_activated)
        patrol.page_shown.connect(self._on_patrol_page_shown)
        patrol.progress_changed.connect(self._show_progress)
        patrol.finished.connect(self._on_patrol_finished)
        patrol.screen_lost.connect(self._on_patrol_screen_lost)
        patrol.record_failed.connect(self._on_patrol_record_failed)

        # The keys act where the operator looks: the wall (a detached screen's window gets
        # its own from the runner while a patrol is on it).
        for key, action in (
            (OK_KEY, lambda: patrol.mark_selected(PatrolVerdict.OK)),
            (ABNORMAL_KEY, lambda: patrol.mark_selected(PatrolVerdict.ABNORMAL)),
            (REST_OK_KEY, lambda: patrol.mark_rest_ok()),
        ):
            shortcut = QShortcut(QKeySequence(key), patrol.wall_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
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
        self._show_next_tooltip()
        self.stop_button.setText(self.tr("Stop"))
        self.ok_button.setText(self.tr("Normal (Space)"))
        self.abnormal_button.setText(self.tr("Abnormal (X)"))
        self.rest_ok_button.setText(self.tr("Rest normal (Shift+Space)"))
        self.ok_button.setToolTip(
            self.tr("Marks the selected camera of the screen you work on as normal (Space).")
        )
        self.abnormal_button.setToolTip(
            self.tr(
                "Marks the selected camera of the screen you work on as abnormal (X) and "
                "opens the event dialog on that screen with a snapshot."
            )
        )
        self.rest_ok_button.setToolTip(
            self.tr(
                "Marks every camera of the screen you work on that has no verdict yet as "
                "normal (Shift+Space)."
            )
        )
        self.step_mode_box.setItemText(0, self.tr("All screens step together"))
        self.step_mode_box.setItemText(1, self.tr("Each screen on its own dwell"))
        self.step_mode_box.setToolTip(
            self.tr(
                "With pages detached to other monitors, the patrol uses every screen of the "
                "wall. Together: all screens turn the page at once. Own dwell: each screen "
                "turns its page when its dwell is up or its cameras are judged."
            )
        )
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

    def set_step_mode(self, mode: str) -> None:
        """How the screens of the next patrol step (the saved setting, say)."""
        try:
            chosen = StepMode(mode)
        except ValueError:
            logger.warning("unknown patrol step mode %r; stepping together", mode)
            chosen = StepMode.TOGETHER
        self.patrol.step_mode = chosen
        self._show_step_mode(chosen)

    def _show_step_mode(self, mode: StepMode) -> None:
        self.step_mode_box.setCurrentIndex(max(0, self.step_mode_box.findData(mode.value)))
        self._show_next_tooltip()

    def _step_mode(self) -> StepMode:
        """How the screens step: the running patrol's way, else the next one's."""
        run = self.patrol.run
        return run.step_mode if run is not None and self.patrol.running else self.patrol.step_mode

    def _show_next_tooltip(self) -> None:
        if self._step_mode() is StepMode.OWN_DWELL:
            text = self.tr(
                "Shows the next page of the screen you work on (the one you last clicked or "
                "gave a verdict on); the other screens keep theirs."
            )
        else:
            text = self.tr("Shows the next page on every screen of the patrol.")
        self.next_button.setToolTip(text)

    def _on_next_button_clicked(self) -> None:
        # The click took the focus to this panel; the runner remembers the screen before.
        if self._step_mode() is StepMode.OWN_DWELL:
            self.patrol.next_page_on(self.patrol.focused_screen())
        else:
            self.patrol.next_page()

    def _on_step_mode_box_activated(self, row: int) -> None:
        mode = StepMode(str(self.step_mode_box.itemData(row)))
        self.patrol.step_mode = mode
        self._show_next_tooltip()
        self.step_mode_chosen.emit(mode.value)

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
        self.step_mode_box.setEnabled(not running)
        for button in (
            self.pause_button,
            self.next_button,
            self.stop_button,
            self.ok_button,
            self.abnormal_button,
            self.rest_ok_button,
        ):
            button.setEnabled(running)
        self._show_next_tooltip()
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
        if run is None or not self.patrol.running:
            return
        if run.screens == 1:
            if run.current is None:
                return
            text = fill(
                self.tr("Page %1 of %2 · %3 s left"),
                run.current.number + 1,
                len(run.pages),
                int(run.remaining_s() + 0.999),
            )
        else:
            text = "\n".join(self.screen_progress_text(row) for row in run.progress())
        if run.state is PatrolState.PAUSED:
            text += " · " + self.tr("paused")
        self.progress.setText(text)

    def screen_progress_text(self, row: ScreenProgress) -> str:
        """One screen's line of the progress (several screens)."""
        where = (
            self.tr("Main window")
            if row.screen == 0
            else fill(self.tr("Detached screen %1"), row.screen)
        )
        if row.monitor:
            where = fill(self.tr("%1 (%2)"), where, row.monitor)
        if row.lost:
            return fill(self.tr("%1: monitor gone, its pages go on on the other screens"), where)
        if row.finished:
            return fill(self.tr("%1: done, %2 pages"), where, row.steps)
        return fill(
            self.tr("%1: page %2 of %3 · %4 s left · %5 of %6 judged"),
            where,
            row.step + 1,
            row.steps,
            int(row.remaining_s + 0.999),
            row.judged,
            row.cameras,
        )

    def _on_patrol_screen_lost(self, _screen: int) -> None:
        self._show_progress()

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
