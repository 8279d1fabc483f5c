"""The raise-event dialog (上报事件): from a camera tile with its snapshot, from a patrol's
"abnormal" verdict, or by hand.

The dialog never talks to the server. On Report it checks the fields, builds the
``POST /incidents`` request (multipart with the snapshot when one is attached, JSON
otherwise) and hands it to ``enqueue`` — the outbox's, so the report is on disk before the
dialog closes and survives network faults and crashes; the host shows it as pending until
the delivery worker has sent it.

Everything the operator types is data: titles such as ``<script>`` or with right-to-left
overrides go to the server verbatim, and nothing here renders them as markup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractSpinBox, QDialog, QWidget

from console.domain.incident import IncidentSource, Priority
from console.domain.model import Camera, GeoPoint
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_raise_event import Ui_RaiseEventDialog
from console.gui.incidents.categories import (
    CATEGORIES,
    OTHER,
    REPORT_SOURCES,
    category,
    priority_label,
    source_label,
)
from console.gui.plain_text import plain_tooltip
from console.tasks import STORE, Task, TaskRunner
from console.text import fill

logger = logging.getLogger(__name__)

KIND = "incident.raise"
METHOD = "POST"
PATH = "/incidents"
SNAPSHOT_FIELD = "snapshots"
TITLE_MAX = 200
TEXT_MAX = 10_000
# Where a hand-raised event starts when nothing better is known: Jiaji, the city seat.
CITY_CENTRE = GeoPoint(19.2466, 110.4665)
THUMBNAIL_SIZE = QSize(240, 135)

_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_ERROR_STYLE = "color: #c62828;"

FileSpec = tuple[str, str, str, Path]
"""One multipart file for the outbox: (form field, file name, content type, path)."""

Enqueue = Callable[..., Any]
"""``enqueue(kind, method, path, body, files=[FileSpec, ...], summary=str)``, as
``console.store.Outbox.enqueue``. It may do the work itself or hand it to the store lane; if it
raises, the dialog stays open and says why."""


@dataclass(frozen=True, slots=True)
class RaiseRequest:
    """The queued report: the ``POST /incidents`` body, its snapshot files, and the one-line
    ``summary`` the host shows while it is pending."""

    body: dict[str, Any]
    files: tuple[FileSpec, ...]
    summary: str

    @property
    def title(self) -> str:
        return str(self.body["title"])


def snapshot_content_type(path: Path) -> str | None:
    """The content type the server accepts for a snapshot file, or None for other files."""
    return _IMAGE_TYPES.get(path.suffix.lower())


def load_thumbnail(path: str, size: QSize) -> QImage:
    """The picture at ``path`` scaled to fit ``size`` (a null image when it cannot be read).

    Runs on a worker: it reads the file. QImage, unlike QPixmap, may be made off the GUI
    thread.
    """
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        logger.info("snapshot %s unreadable: %s", path, reader.errorString())
        return image
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class RaiseEventDialog(QDialog):
    """Asks what happened, where and how urgent, shows the attached snapshot, and queues the
    report in the outbox (see the module docstring).

    ``camera`` fixes the location to that camera (its name, id and position); without one the
    operator gives a position. ``runner`` (when given) reads the snapshot's thumbnail off the
    GUI thread. After ``accept()``, ``request`` holds what was queued and ``queued`` what
    ``enqueue`` returned.

    Signals:
        event_queued(object): the ``RaiseRequest`` handed to the outbox.
    """

    event_queued = Signal(object)

    def __init__(
        self,
        enqueue: Enqueue,
        *,
        camera: Camera | None = None,
        snapshot_path: Path | str | None = None,
        position: GeoPoint | None = None,
        source: IncidentSource = IncidentSource.OPERATOR,
        category_code: str = OTHER,
        alert_ids: Sequence[str] = (),
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RaiseEventDialog()
        setup_form(self.ui, self)
        self._enqueue = enqueue
        self._runner = runner
        self._camera = camera
        self._alert_ids = tuple(alert_ids)
        self._snapshot: Path | None = None
        self._thumbnail_task: Task | None = None
        self._priority_chosen = False
        self.request: RaiseRequest | None = None
        self.queued: Any = None

        self._fill_choices(source)
        self.ui.message_label.hide()
        self.ui.category_combo.currentIndexChanged.connect(self._on_category_combo_changed)
        self.ui.priority_combo.activated.connect(self._on_priority_combo_activated)
        self.ui.remove_snapshot_button.clicked.connect(self._on_remove_snapshot_button_clicked)
        self.ui.report_button.clicked.connect(self._on_report_button_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)

        self.set_category(category_code)
        self._show_location(camera, position)
        self.set_snapshot(snapshot_path)
        self.ui.title_edit.setFocus()

    # ------------------------------------------------------------------ public API

    def camera(self) -> Camera | None:
        return self._camera

    def snapshot_path(self) -> Path | None:
        """The snapshot that will be attached (None once removed, or when there is none)."""
        return self._snapshot

    def set_snapshot(self, path: Path | str | None) -> None:
        """Attach the picture at ``path`` (None or "" attaches nothing)."""
        if self._thumbnail_task is not None:
            self._thumbnail_task.cancel()
            self._thumbnail_task = None
        self._snapshot = Path(path) if path else None
        self.ui.snapshot_label.setPixmap(QPixmap())
        if self._snapshot is None:
            self._show_no_snapshot()
            return
        if snapshot_content_type(self._snapshot) is None:
            self._drop_snapshot(self.tr("Only PNG or JPEG snapshots can be attached."))
            return
        self.ui.remove_snapshot_button.setEnabled(True)
        self.ui.snapshot_label.setText(self.tr("Loading the snapshot…"))
        if self._runner is None:
            image = load_thumbnail(str(self._snapshot), THUMBNAIL_SIZE)
            self._on_thumbnail_loaded(self._snapshot, image)
            return
        wanted = self._snapshot
        self._thumbnail_task = self._runner.run(
            STORE,
            load_thumbnail,
            str(wanted),
            THUMBNAIL_SIZE,
            on_done=lambda image: self._on_thumbnail_loaded(wanted, image),
            on_error=lambda error: self._on_thumbnail_failed(wanted, error),
        )

    def remove_snapshot(self) -> None:
        self.set_snapshot(None)

    def has_thumbnail(self) -> bool:
        """Whether the attached snapshot is shown as a picture (it loads in the background)."""
        pixmap = self.ui.snapshot_label.pixmap()
        return self._snapshot is not None and not pixmap.isNull()

    def set_category(self, code: str) -> None:
        index = self.ui.category_combo.findData(category(code).code)
        self.ui.category_combo.setCurrentIndex(index)

    def category_code(self) -> str:
        return str(self.ui.category_combo.currentData())

    def set_priority(self, priority: Priority) -> None:
        """Choose the priority as the operator would: it no longer follows the category."""
        self.ui.priority_combo.setCurrentIndex(self.ui.priority_combo.findData(int(priority)))
        self._priority_chosen = True

    def priority(self) -> Priority:
        return Priority(int(self.ui.priority_combo.currentData()))

    def set_source(self, source: IncidentSource) -> None:
        index = self.ui.source_combo.findData(source.value)
        if index < 0:
            self.ui.source_combo.addItem(source_label(source), source.value)
            index = self.ui.source_combo.count() - 1
        self.ui.source_combo.setCurrentIndex(index)

    def source(self) -> IncidentSource:
        return IncidentSource(str(self.ui.source_combo.currentData()))

    def message(self) -> str:
        """The error shown under the fields (empty when none)."""
        return self.ui.message_label.text() if not self.ui.message_label.isHidden() else ""

    def build_request(self) -> RaiseRequest | None:
        """The request the fields describe, or None after showing what needs fixing."""
        title = self.ui.title_edit.text().strip()
        description = self.ui.description_edit.toPlainText()
        address = self.ui.address_edit.text().strip()
        problem = self._check(title, description, address)
        if problem is not None:
            text, field = problem
            self._show_error(text)
            field.setFocus()
            return None
        body: dict[str, Any] = {
            "title": title,
            "category": self.category_code(),
            "priority": int(self.priority()),
            "source": self.source().value,
            "lat": self.ui.lat_spin.value(),
            "lon": self.ui.lon_spin.value(),
            "description": description,
            "address": address,
            "camera_ids": [self._camera.id] if self._camera is not None else [],
            "alert_ids": list(self._alert_ids),
        }
        files: tuple[FileSpec, ...] = ()
        if self._snapshot is not None:
            content_type = snapshot_content_type(self._snapshot) or "application/octet-stream"
            files = ((SNAPSHOT_FIELD, self._snapshot.name, content_type, self._snapshot),)
        summary = fill(self.tr("Raise event: %1"), title)
        return RaiseRequest(body=body, files=files, summary=summary)

    def submit(self) -> bool:
        """Check, queue and close (the Report button does this); False if it stayed open."""
        request = self.build_request()
        if request is None:
            return False
        try:
            self.queued = self._enqueue(
                KIND,
                METHOD,
                PATH,
                request.body,
                files=list(request.files),
                summary=request.summary,
            )
        except Exception as error:
            logger.exception("could not queue the event")
            self._show_error(fill(self.tr("Could not queue the event: %1"), error))
            return False
        self.request = request
        logger.info("event queued for reporting (%d snapshot(s))", len(request.files))
        self.event_queued.emit(request)
        self.accept()
        return True

    # ------------------------------------------------------------------ internals

    def _fill_choices(self, source: IncidentSource) -> None:
        for item in CATEGORIES:
            self.ui.category_combo.addItem(item.label(), item.code)
        for priority in Priority:
            self.ui.priority_combo.addItem(priority_label(priority), int(priority))
        for choice in REPORT_SOURCES:
            self.ui.source_combo.addItem(source_label(choice), choice.value)
        self.set_source(source)

    def _show_location(self, camera: Camera | None, position: GeoPoint | None) -> None:
        where = camera.position if camera is not None else position or CITY_CENTRE
        self.ui.lat_spin.setValue(where.lat)
        self.ui.lon_spin.setValue(where.lon)
        self.ui.form_layout.setRowVisible(self.ui.camera_value_label, camera is not None)
        if camera is None:
            return
        self.ui.camera_value_label.setText(fill(self.tr("%1 (%2)"), camera.name, camera.id))
        # The camera is where the event is; its position is not the operator's to move.
        for spin in (self.ui.lat_spin, self.ui.lon_spin):
            spin.setReadOnly(True)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.ui.address_edit.setText(camera.name)

    def _check(self, title: str, description: str, address: str) -> tuple[str, QWidget] | None:
        ui = self.ui
        if not title:
            return self.tr("Enter a title: what is happening, in a few words."), ui.title_edit
        fields = (
            (title, TITLE_MAX, ui.title_edit,
             self.tr("The title is too long (%1 characters); keep it to %2.")),
            (description, TEXT_MAX, ui.description_edit,
             self.tr("The description is too long (%1 characters); keep it to %2.")),
            (address, TEXT_MAX, ui.address_edit,
             self.tr("The address is too long (%1 characters); keep it to %2.")),
        )  # fmt: skip
        for value, limit, field, too_long in fields:
            if len(value) > limit:
                return fill(too_long, len(value), limit), field
        # NUL cannot be stored by the server; everything else is kept as typed.
        for value, _limit, field, _too_long in fields:
            if "\x00" in value:
                return self.tr("The text contains a NUL character; remove it."), field
        return None

    def _show_error(self, text: str) -> None:
        self.ui.message_label.setStyleSheet(_ERROR_STYLE)
        self.ui.message_label.setText(text)
        self.ui.message_label.show()

    def _show_no_snapshot(self) -> None:
        self.ui.snapshot_label.setPixmap(QPixmap())
        self.ui.snapshot_label.setText(self.tr("No snapshot attached"))
        self.ui.remove_snapshot_button.setEnabled(False)

    def _drop_snapshot(self, reason: str) -> None:
        self._snapshot = None
        self._show_no_snapshot()
        self._show_error(reason)

    def _on_thumbnail_loaded(self, path: Path, image: QImage) -> None:
        self._thumbnail_task = None
        if path != self._snapshot:
            return
        if image.isNull():
            self._drop_snapshot(
                fill(self.tr("The snapshot %1 could not be read; it is not attached."), path.name)
            )
            return
        self.ui.snapshot_label.setText("")
        self.ui.snapshot_label.setPixmap(QPixmap.fromImage(image))
        self.ui.snapshot_label.setToolTip(plain_tooltip(str(path)))

    def _on_thumbnail_failed(self, path: Path, error: BaseException) -> None:
        logger.warning("could not load the snapshot %s: %s", path, error)
        self._on_thumbnail_loaded(path, QImage())

    def _on_category_combo_changed(self, _index: int) -> None:
        if not self._priority_chosen:
            default = category(self.category_code()).default_priority
            self.ui.priority_combo.setCurrentIndex(self.ui.priority_combo.findData(int(default)))

    def _on_priority_combo_activated(self, _index: int) -> None:
        self._priority_chosen = True

    def _on_remove_snapshot_button_clicked(self) -> None:
        self.remove_snapshot()

    def _on_report_button_clicked(self) -> None:
        self.submit()

    def done(self, result: int) -> None:
        if self._thumbnail_task is not None:
            self._thumbnail_task.cancel()
            self._thumbnail_task = None
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        retranslate_form(self.ui, self)
        for index, item in enumerate(CATEGORIES):
            self.ui.category_combo.setItemText(index, item.label())
        for index in range(self.ui.priority_combo.count()):
            priority = Priority(int(self.ui.priority_combo.itemData(index)))
            self.ui.priority_combo.setItemText(index, priority_label(priority))
        for index in range(self.ui.source_combo.count()):
            source = IncidentSource(str(self.ui.source_combo.itemData(index)))
            self.ui.source_combo.setItemText(index, source_label(source))
        if self._camera is not None:
            self.ui.camera_value_label.setText(
                fill(self.tr("%1 (%2)"), self._camera.name, self._camera.id)
            )
        if self._snapshot is None:
            self.ui.snapshot_label.setText(self.tr("No snapshot attached"))


def raise_event_from_camera(
    parent: QWidget | None,
    camera: Camera,
    snapshot_path: Path | str | None,
    enqueue: Enqueue,
    *,
    source: IncidentSource = IncidentSource.OPERATOR,
    runner: TaskRunner | None = None,
) -> RaiseEventDialog:
    """Open the raise-event dialog for ``camera`` with its snapshot (``""`` or None: none).

    For the tile's "Raise event" action (``source`` operator) and the patrol runner's
    ``raise_event_requested`` (``source=IncidentSource.PATROL``). The dialog is shown
    non-modally over ``parent``, deletes itself when closed, and is returned so the caller
    can connect ``event_queued`` (or a test can fill it in).
    """
    dialog = RaiseEventDialog(
        enqueue,
        camera=camera,
        snapshot_path=snapshot_path,
        source=source,
        runner=runner,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
