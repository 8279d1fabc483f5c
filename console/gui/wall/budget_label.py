"""The status-bar figure for the main-stream budget: "Main streams 2/4 (1 waiting)"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from console.text import fill
from console.wall.stream_policy import PolicyResult


class StreamBudgetLabel(QLabel):
    """Shows a ``PolicyResult``'s budget; connect ``WallStreams.budget_changed`` to ``show_result``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.show_result(PolicyResult())

    def show_result(self, result: PolicyResult) -> None:
        text = fill(self.tr("Main streams %1/%2"), result.main_granted, result.max_main)
        if result.main_denied > 0:
            text += " " + fill(self.tr("(%1 waiting)"), result.main_denied)
        self.setText(text)
        self.setToolTip(
            self.tr(
                "Tiles that are large, maximised or zoomed play the camera's main stream, up to "
                "the limit set in Settings; the others play the sub stream."
            )
        )
