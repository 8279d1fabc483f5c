"""An incident's timeline: what happened to it, oldest first, with its evidence.

``timeline_entries`` turns an ``Incident`` into entries: the report (with its snapshots),
every transition of its history with the reason given, and the details that belong to a
transition — the unit and instructions of a dispatch, the result, text and photos of a
feedback — plus every video verification (verdict, comment, captures), which is not a
transition of its own. ``TimelineView`` shows them with thumbnails of the pictures, fetched
through a ``MediaCache``; a click on a thumbnail asks for the full picture.

Everything from the server or an operator (reasons, instructions, feedback text, names) is
shown as plain text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.incident import Action, Incident
from console.domain.model import MediaRef
from console.domain.sla import SlaStepKind
from console.gui.incidents.categories import source_label
from console.gui.incidents.labels import (
    disposition_label,
    done_label,
    grid_level_label,
    ladder_label,
    result_label,
    sla_level_label,
    state_label,
    verdict_label,
)
from console.gui.incidents.media_cache import THUMBNAIL, MediaCache
from console.gui.plain_text import plain_label, plain_tooltip
from console.text import fill

Names = Callable[[str], str]


class EntryKind(enum.StrEnum):
    REPORT = "report"
    TRANSITION = "transition"
    VERIFICATION = "verification"
    TIME_LIMIT = "time_limit"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline: when, what (translated), who, and the details as written."""

    at: datetime
    kind: EntryKind
    title: str
    actor: str
    details: tuple[str, ...] = ()
    media: tuple[MediaRef, ...] = ()


def local_time(moment: datetime) -> str:
    """A server time in the workstation's time zone, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _report(incident: Incident) -> TimelineEntry:
    details = [
        fill(
            QCoreApplication.translate("IncidentTimeline", "Source: %1"),
            source_label(incident.source),
        )
    ]
    if incident.description.strip():
        details.append(incident.description)
    return TimelineEntry(
        incident.created_at,
        EntryKind.REPORT,
        QCoreApplication.translate("IncidentTimeline", "Reported"),
        incident.created_by,
        tuple(details),
        incident.attachments,
    )


def _transitions(incident: Incident, unit_name: Names) -> Iterator[TimelineEntry]:
    # The n-th dispatch in the history made the n-th assignment; the n-th report back made
    # the n-th feedback (in the order they were reported).
    assignments = iter(incident.assignments)
    feedbacks = iter(sorted(incident.feedbacks, key=lambda f: f.reported_at))
    for record in incident.history:
        details: list[str] = []
        media: tuple[MediaRef, ...] = ()
        if record.action is Action.DISPATCH:
            assignment = next(assignments, None)
            if assignment is not None:
                details.append(
                    fill(
                        QCoreApplication.translate("IncidentTimeline", "Lead unit: %1"),
                        unit_name(assignment.unit_id),
                    )
                )
                if assignment.instructions.strip():
                    details.append(
                        fill(
                            QCoreApplication.translate("IncidentTimeline", "Instructions: %1"),
                            assignment.instructions,
                        )
                    )
                if assignment.due_at is not None:
                    details.append(
                        fill(
                            QCoreApplication.translate("IncidentTimeline", "Due: %1"),
                            local_time(assignment.due_at),
                        )
                    )
        elif record.action is Action.REPORT_FEEDBACK:
            feedback = next(feedbacks, None)
            if feedback is not None:
                details.append(
                    fill(
                        QCoreApplication.translate("IncidentTimeline", "Result: %1"),
                        result_label(feedback.result),
                    )
                )
                if feedback.text.strip():
                    details.append(feedback.text)
                media = feedback.photos
        elif record.action is Action.CLOSE and incident.disposition is not None:
            details.append(
                fill(
                    QCoreApplication.translate("IncidentTimeline", "Disposition: %1"),
                    disposition_label(incident.disposition),
                )
            )
        elif record.action is Action.MERGE and incident.merged_into:
            details.append(
                fill(
                    QCoreApplication.translate("IncidentTimeline", "Merged into: %1"),
                    incident.merged_into,
                )
            )
        if record.reason.strip():
            details.append(
                fill(QCoreApplication.translate("IncidentTimeline", "Reason: %1"), record.reason)
            )
        title = fill(
            QCoreApplication.translate("IncidentTimeline", "%1 (%2 → %3)"),
            done_label(record.action),
            state_label(record.from_state),
            state_label(record.to_state),
        )
        yield TimelineEntry(
            record.at, EntryKind.TRANSITION, title, record.actor_id, tuple(details), media
        )


def _verifications(incident: Incident, camera_name: Names) -> Iterator[TimelineEntry]:
    for verification in incident.verifications:
        details: list[str] = []
        if verification.camera_ids:
            names = ", ".join(camera_name(c) for c in verification.camera_ids)
            details.append(
                fill(QCoreApplication.translate("IncidentTimeline", "Cameras: %1"), names)
            )
        if verification.comment.strip():
            details.append(verification.comment)
        title = fill(
            QCoreApplication.translate("IncidentTimeline", "Verified by video: %1"),
            verdict_label(verification.verdict),
        )
        yield TimelineEntry(
            verification.captured_at,
            EntryKind.VERIFICATION,
            title,
            verification.verifier_id,
            tuple(details),
            verification.media,
        )


def _time_limit(incident: Incident) -> Iterator[TimelineEntry]:
    for step in incident.sla_history:
        if step.kind is SlaStepKind.LEVEL:
            title = fill(
                QCoreApplication.translate("IncidentTimeline", "Time limit: %1"),
                sla_level_label(step.value),
            )
        elif step.kind is SlaStepKind.LADDER:
            title = fill(
                QCoreApplication.translate("IncidentTimeline", "Overdue: %1"),
                ladder_label(step.value),
            )
        else:
            title = fill(
                QCoreApplication.translate("IncidentTimeline", "Escalated to the %1 level"),
                grid_level_label(step.value),
            )
        details = (step.reason,) if step.reason.strip() else ()
        yield TimelineEntry(step.at, EntryKind.TIME_LIMIT, title, step.actor_id, details)


def timeline_entries(
    incident: Incident, *, unit_name: Names = str, camera_name: Names = str
) -> list[TimelineEntry]:
    """Everything that happened to ``incident``, oldest first (ties keep history order)."""
    entries = [
        _report(incident),
        *_transitions(incident, unit_name),
        *_verifications(incident, camera_name),
        *_time_limit(incident),
    ]
    entries.sort(key=lambda entry: entry.at)
    return entries


class _EntryWidget(QFrame):
    """One timeline entry: time and who, what happened, the details, the thumbnails."""

    def __init__(
        self,
        entry: TimelineEntry,
        media: MediaCache,
        on_picture: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"timeline_{entry.kind.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        when = plain_label(QLabel(self))
        when.setText(fill(self.tr("%1 · %2"), local_time(entry.at), entry.actor))
        when.setStyleSheet("color: palette(mid);")
        layout.addWidget(when)
        title = plain_label(QLabel(entry.title, self))
        title.setObjectName("entry_title")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        for line in entry.details:
            label = plain_label(QLabel(line, self))
            label.setObjectName("entry_detail")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.thumbnails: dict[str, QToolButton] = {}
        if entry.media:
            row = QHBoxLayout()
            row.setSpacing(4)
            for ref in entry.media:
                button = QToolButton(self)
                button.setObjectName("thumbnail")
                button.setIconSize(THUMBNAIL)
                button.setFixedSize(THUMBNAIL + QSize(8, 8))
                button.setToolTip(plain_tooltip(ref.content_type))
                button.clicked.connect(lambda _=False, media_id=ref.id: on_picture(media_id))
                self.thumbnails[ref.id] = button
                row.addWidget(button)
                self.show_picture(ref.id, media)
            row.addStretch(1)
            layout.addLayout(row)

    def show_picture(self, media_id: str, media: MediaCache) -> None:
        button = self.thumbnails.get(media_id)
        if button is None:
            return
        picture = media.picture(media_id)
        if picture is not None and not picture.thumbnail.isNull():
            button.setIcon(QIcon(QPixmap.fromImage(picture.thumbnail)))
            button.setText("")
        elif picture is not None:
            button.setText(self.tr("Not a picture"))
        elif media.failure(media_id) is not None:
            button.setText(self.tr("Unavailable"))
            button.setToolTip(plain_tooltip(media.failure(media_id) or ""))
        else:
            button.setText(self.tr("Loading…"))


class TimelineView(QScrollArea):
    """The timeline of one incident, newest at the bottom.

    Signals:
        picture_requested(str): the operator clicked a thumbnail (its media id).
    """

    picture_requested = Signal(str)

    def __init__(self, media: MediaCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._media = media
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget(self)
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(self._content)
        self.entries: list[TimelineEntry] = []
        self._widgets: list[_EntryWidget] = []
        media.picture_ready.connect(self._on_media_picture_ready)

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        if entries == self.entries:
            return
        self.entries = list(entries)
        for widget in self._widgets:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._widgets = []
        for position, entry in enumerate(entries):
            widget = _EntryWidget(entry, self._media, self.picture_requested.emit, self._content)
            self._layout.insertWidget(position, widget)
            self._widgets.append(widget)

    def entry_widgets(self) -> list[QFrame]:
        return list(self._widgets)

    def _on_media_picture_ready(self, media_id: str) -> None:
        for widget in self._widgets:
            widget.show_picture(media_id, self._media)
