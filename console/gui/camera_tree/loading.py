"""Getting the camera catalogue from the server, as the operator sees it: loading, failed
(with the reason, a countdown and "Retry now"), or retrying by itself with backoff.

``CatalogueRetry`` decides when to ask again (1 s doubling to 30 s, spread so that consoles
cut off together do not return together); ``CatalogueProblemBar`` shows a failure and the
countdown; ``CatalogueStatusPanel`` stands in the cameras' dock until a catalogue arrives.
The camera tree panel shows the same bar above a tree it already has.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.client.errors import AnswerProblem, BackendError, ErrorKind, MalformedResponseError
from console.client.events import backoff_s
from console.gui.plain_text import plain_label, set_plain_tooltip
from console.text import fill

FIRST_RETRY_S = 1.0
LAST_RETRY_S = 30.0
_COUNTDOWN_MS = 1000


def catalogue_problem_text(error: BaseException) -> str:
    """Why the catalogue could not be loaded, in one sentence."""
    if not isinstance(error, BackendError):
        return QCoreApplication.translate(
            "CameraTree", "The camera catalogue could not be stored on this workstation."
        )
    if error.kind in (ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT):
        return QCoreApplication.translate(
            "CameraTree",
            "The server cannot be reached, so the camera catalogue could not be loaded.",
        )
    if isinstance(error, MalformedResponseError):
        if error.problem is AnswerProblem.TOO_LARGE:
            return QCoreApplication.translate(
                "CameraTree", "The server's camera catalogue answer is too large to be read."
            )
        return QCoreApplication.translate(
            "CameraTree",
            "The server sent a camera catalogue the console cannot read (damaged or in an "
            "unknown form).",
        )
    if error.kind is ErrorKind.SERVER_ERROR:
        return QCoreApplication.translate(
            "CameraTree", "The server failed while sending the camera catalogue."
        )
    if error.kind in (ErrorKind.UNAUTHORIZED, ErrorKind.FORBIDDEN):
        return QCoreApplication.translate(
            "CameraTree", "The server refused to send the camera catalogue to this account."
        )
    return QCoreApplication.translate("CameraTree", "The camera catalogue could not be loaded.")


class CatalogueRetry(QObject):
    """When to ask for the catalogue again after a failure.

    ``failed(error)`` schedules the next try (and emits ``changed``); ``succeeded()`` forgets
    the failures; ``retry_now()`` asks at once. ``retry_due`` is emitted when a try is due.

    Signals:
        retry_due(): ask the server for the catalogue now.
        changed(): the problem or the time of the next try changed.
    """

    retry_due = Signal()
    changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        first_s: float = FIRST_RETRY_S,
        last_s: float = LAST_RETRY_S,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._first_s = first_s
        self._last_s = last_s
        self._rng = rng or random.Random()
        self._clock = clock
        self._failures = 0
        self._error: BaseException | None = None
        self._due_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def failures(self) -> int:
        return self._failures

    @property
    def problem(self) -> str:
        """The last failure's sentence (in the current language); empty while none."""
        return catalogue_problem_text(self._error) if self._error is not None else ""

    def seconds_left(self) -> int | None:
        """Whole seconds until the next try (None: none is scheduled)."""
        if self._due_at is None:
            return None
        return max(0, math.ceil(self._due_at - self._clock()))

    def failed(self, error: BaseException) -> float:
        """Note a failure; returns the seconds until the next try."""
        self._failures += 1
        self._error = error
        delay = backoff_s(self._failures, base_s=self._first_s, cap_s=self._last_s, rng=self._rng)
        self._due_at = self._clock() + delay
        self._timer.start(max(1, round(delay * 1000)))
        self.changed.emit()
        return delay

    def succeeded(self) -> None:
        self._timer.stop()
        changed = self._error is not None
        self._failures = 0
        self._error = None
        self._due_at = None
        if changed:
            self.changed.emit()

    def retry_now(self) -> None:
        self._timer.stop()
        self._due_at = None
        self.changed.emit()
        self.retry_due.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._due_at = None

    def _on_timer_timeout(self) -> None:
        self._due_at = None
        self.changed.emit()
        self.retry_due.emit()


class CatalogueProblemBar(QWidget):
    """The reason the catalogue could not be loaded, when the next try comes, and a
    "Retry now" button. Hidden while ``retry`` reports no problem."""

    def __init__(self, retry: CatalogueRetry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogue_problem_bar")
        self._retry = retry
        self.message_label = plain_label(QLabel(self))
        self.message_label.setObjectName("catalogue_problem_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #c62828;")
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("catalogue_retry_button")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self._countdown = QTimer(self)
        self._countdown.setInterval(_COUNTDOWN_MS)
        self._countdown.timeout.connect(self.refresh)
        self.retry_button.clicked.connect(retry.retry_now)
        retry.changed.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        return self.message_label.text()

    def refresh(self) -> None:
        self.retry_button.setText(QCoreApplication.translate("CameraTree", "Retry now"))
        problem = self._retry.problem
        if not problem:
            self._countdown.stop()
            self.hide()
            return
        left = self._retry.seconds_left()
        if left is None:
            text = problem + " " + QCoreApplication.translate("CameraTree", "Trying again…")
            self._countdown.stop()
        else:
            text = (
                problem
                + " "
                + fill(QCoreApplication.translate("CameraTree", "Next try in %1 s."), left)
            )
            self._countdown.start()
        self.message_label.setText(text)
        set_plain_tooltip(self.message_label, text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class CatalogueStatusPanel(QWidget):
    """Stands in the cameras' dock until the first catalogue is shown: "Loading…", or the
    problem bar after a failure."""

    def __init__(self, retry: CatalogueRetry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogue_status_panel")
        self._retry = retry
        self.loading_label = plain_label(QLabel(self))
        self.loading_label.setObjectName("catalogue_loading_label")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        self.loading_label.setEnabled(False)
        self.problem_bar = CatalogueProblemBar(retry, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_bar)
        layout.addWidget(self.loading_label, 1)
        retry.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.loading_label.setText(
            QCoreApplication.translate("CameraTree", "Loading the camera catalogue…")
        )
        self.loading_label.setVisible(not self._retry.problem)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
