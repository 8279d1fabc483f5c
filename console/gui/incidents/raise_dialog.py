"""The raise-event dialog (上报事件): from a camera tile with its snapshot, from a patrol's
"abnormal" verdict, or by hand for a 12345 hotline call.

The dialog never talks to the server. On Report it checks the fields, builds the
``POST /incidents`` request (multipart with the snapshot when one is attached, JSON
otherwise) and hands it to ``enqueue`` — the outbox's, so the report is on disk before the
dialog closes and survives network faults and crashes; the host shows it as pending until
the delivery worker has sent it. Each report gets a local id (``creates``), so actions on
the event can be queued before the server has created it.

Without a camera the operator says where it happened: a camera found by name in the
catalogue, a town or village, or typed WGS-84 coordinates. A hotline call also names the
caller; the phone number is checked (7 to 15 digits), and the caller appears only masked in
the pending summary and in log lines (``console.domain.privacy``).

Everything the operator types is data: titles such as ``<script>`` or with right-to-left
overrides go to the server verbatim, and nothing here renders them as markup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCompleter,
    QDialog,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from console.domain.incident import IncidentSource, Priority
from console.domain.model import Camera, GeoPoint, Region
from console.domain.privacy import mask_name, mask_phone
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
from console.gui.incidents.raise_fields import (
    FieldProblem,
    Problem,
    RegionChoice,
    find_choice,
    normalise_phone,
    parse_coordinates,
    region_choices,
)
from console.gui.plain_text import plain_tooltip
from console.store.outbox import new_local_id
from console.tasks import STORE, Task, TaskRunner
from console.text import fill

logger = logging.getLogger(__name__)

KIND = "incident.raise"
METHOD = "POST"
PATH = "/incidents"
SNAPSHOT_FIELD = "snapshots"
TITLE_MAX = 200
TEXT_MAX = 10_000
CALLER_NAME_MAX = 100
CAMERA_RESULTS_MAX = 50
# Where the location comes from when the dialog has no camera (the mode combo's order).
PICK_CAMERA, PICK_REGION, PICK_COORDINATES = range(3)
# Where a hand-raised event starts when nothing better is known: Jiaji, the city seat.
CITY_CENTRE = GeoPoint(19.2466, 110.4665)
THUMBNAIL_SIZE = QSize(240, 135)

_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_ERROR_STYLE = "color: #c62828;"

FileSpec = tuple[str, str, str, Path]
"""One multipart file for the outbox: (form field, file name, content type, path)."""

Enqueue = Callable[..., Any]
"""``enqueue(kind, method, path, body, files=[FileSpec, ...], summary=str, creates=str)``, as
``console.store.Outbox.enqueue``. It may do the work itself or hand it to the store lane; if it
raises, the dialog stays open and says why."""

FindCameras = Callable[[str], Sequence[Camera]]
"""Cameras whose name or code contains the text typed (the session's catalogue)."""


@dataclass(frozen=True, slots=True)
class PickedPlace:
    """Where the event is, as the operator picked it without a camera tile."""

    position: GeoPoint
    camera: Camera | None = None
    region: RegionChoice | None = None


@dataclass(frozen=True, slots=True)
class RaiseRequest:
    """The queued report: the ``POST /incidents`` body, its snapshot files, and the one-line
    ``summary`` the host shows while it is pending."""

    body: dict[str, Any]
    files: tuple[FileSpec, ...]
    summary: str
    local_id: str = ""  # what the console calls the event until the server has created it

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
        map_pick_requested(): "Pick on map" was pressed (see ``offer_map_pick``).
    """

    event_queued = Signal(object)
    map_pick_requested = Signal()

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
        regions: Sequence[Region] = (),
        find_cameras: FindCameras | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RaiseEventDialog()
        setup_form(self.ui, self)
        self._enqueue = enqueue
        self._runner = runner
        self._camera = camera
        self._alert_ids = tuple(alert_ids)
        self._find_cameras = find_cameras
        self._regions = region_choices(regions)
        self._found: list[Camera] = []
        self._picked: PickedPlace | None = None
        self._auto_address = ""
        self._setting_spins = False
        self._snapshot: Path | None = None
        self._thumbnail_task: Task | None = None
        self._priority_chosen = False
        self._map_button: QPushButton | None = None
        self._picking_on_map = False
        self.request: RaiseRequest | None = None
        self.queued: Any = None
        self._location_modes = QButtonGroup(self)
        for mode, radio in (
            (PICK_CAMERA, self.ui.pick_camera_radio),
            (PICK_REGION, self.ui.pick_region_radio),
            (PICK_COORDINATES, self.ui.pick_coordinates_radio),
        ):
            self._location_modes.addButton(radio, mode)
        self._region_completer = QCompleter(
            QStringListModel([choice.label for choice in self._regions], self), self
        )
        self._region_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._region_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._region_completer.setMaxVisibleItems(12)
        self.ui.region_edit.setCompleter(self._region_completer)

        self._fill_choices(source)
        self.ui.message_label.hide()
        self.ui.category_combo.currentIndexChanged.connect(self._on_category_combo_changed)
        self.ui.priority_combo.activated.connect(self._on_priority_combo_activated)
        self.ui.remove_snapshot_button.clicked.connect(self._on_remove_snapshot_button_clicked)
        self.ui.report_button.clicked.connect(self._on_report_button_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        self._location_modes.idToggled.connect(self._on_location_modes_toggled)
        self.ui.camera_search_edit.textChanged.connect(self._on_camera_search_edit_changed)
        self.ui.camera_results.currentRowChanged.connect(self._on_camera_results_row_changed)
        self.ui.region_edit.textChanged.connect(self._on_region_edit_changed)
        self._region_completer.activated.connect(self._on_region_completer_activated)
        self.ui.coordinates_edit.textChanged.connect(self._on_coordinates_edit_changed)
        self.ui.lat_spin.valueChanged.connect(self._on_position_spin_changed)
        self.ui.lon_spin.valueChanged.connect(self._on_position_spin_changed)

        self.set_category(category_code)
        self._show_location(camera, position, source)
        self.set_snapshot(snapshot_path)
        self._show_snapshot_row(camera is not None or bool(snapshot_path))
        self._show_caller_rows()
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

    def picked_place(self) -> PickedPlace | None:
        """Where the event is, as picked without a camera tile (None: not yet said)."""
        return self._picked

    def set_location_mode(self, mode: int) -> None:
        """Pick the location from a camera (``PICK_CAMERA``), a town or village
        (``PICK_REGION``) or typed coordinates (``PICK_COORDINATES``)."""
        button = self._location_modes.button(mode)
        if button is not None:
            button.setChecked(True)

    def location_mode(self) -> int:
        return self._location_modes.checkedId()

    def search_cameras(self, text: str) -> list[Camera]:
        """Type ``text`` into the camera search; returns the cameras listed."""
        self.set_location_mode(PICK_CAMERA)
        self.ui.camera_search_edit.setText(text)
        return list(self._found)

    def pick_region(self, region_id: str) -> bool:
        """Choose the town or village ``region_id`` (False when it is not in the list)."""
        self.set_location_mode(PICK_REGION)
        for choice in self._regions:
            if choice.region.id == region_id:
                self.ui.region_edit.setText(choice.label)
                return True
        return False

    def offer_map_pick(self) -> None:
        """Add "Pick on map" beside the location modes (a console with a map does)."""
        if self._map_button is not None or self._camera is not None:
            return
        self._map_button = QPushButton(self.tr("Pick on &map"), self)
        self._map_button.setObjectName("pick_on_map_button")
        self._map_button.clicked.connect(self._on_pick_on_map_button_clicked)
        self.ui.location_mode_row.addWidget(self._map_button)

    def place_picked_on_map(self, point: GeoPoint | None) -> None:
        """The map's answer to ``map_pick_requested`` (None: cancelled). A dialog that did
        not ask ignores it."""
        if not self._picking_on_map:
            return
        self._picking_on_map = False
        self.show()
        self.raise_()
        self.activateWindow()
        if point is not None:
            self.set_location_mode(PICK_COORDINATES)
            self.ui.coordinates_edit.setText(f"{point.lat:.6f}, {point.lon:.6f}")

    def message(self) -> str:
        """The error shown under the fields (empty when none)."""
        return self.ui.message_label.text() if not self.ui.message_label.isHidden() else ""

    def build_request(self) -> RaiseRequest | None:
        """The request the fields describe, or None after showing what needs fixing."""
        title = self.ui.title_edit.text().strip()
        description = self.ui.description_edit.toPlainText()
        address = self.ui.address_edit.text().strip()
        caller_name = self.ui.caller_name_edit.text().strip()
        problem = self._check(title, description, address) or self._check_caller(caller_name)
        phone = ""
        if problem is None:
            phone_or_problem = self._checked_phone()
            if isinstance(phone_or_problem, tuple):
                problem = phone_or_problem
            else:
                phone = phone_or_problem
        where = self._camera.position if self._camera is not None else None
        if problem is None and self._camera is None:
            place_or_problem = self._checked_place()
            if isinstance(place_or_problem, tuple):
                problem = place_or_problem
            else:
                where = place_or_problem.position
        if problem is not None or where is None:
            text, field = problem or (self.tr("Say where it happened."), self.ui.coordinates_edit)
            self._show_error(text)
            field.setFocus()
            return None
        cameras = [self._camera] if self._camera is not None else []
        if self._camera is None and self._picked is not None and self._picked.camera is not None:
            cameras = [self._picked.camera]
        body: dict[str, Any] = {
            "title": title,
            "category": self.category_code(),
            "priority": int(self.priority()),
            "source": self.source().value,
            "lat": round(where.lat, 6),
            "lon": round(where.lon, 6),
            "description": description,
            "address": address,
            "camera_ids": [c.id for c in cameras],
            "alert_ids": list(self._alert_ids),
        }
        if caller_name:
            body["caller_name"] = caller_name
        if phone:
            body["caller_phone"] = phone
        files: tuple[FileSpec, ...] = ()
        if self._snapshot is not None:
            content_type = snapshot_content_type(self._snapshot) or "application/octet-stream"
            files = ((SNAPSHOT_FIELD, self._snapshot.name, content_type, self._snapshot),)
        if caller_name or phone:
            # Only masked: the summary is shown in lists and written to logs.
            summary = fill(
                self.tr("Raise event: %1 (caller %2 %3)"),
                title,
                mask_name(caller_name),
                mask_phone(phone),
            )
        else:
            summary = fill(self.tr("Raise event: %1"), title)
        return RaiseRequest(body=body, files=files, summary=summary)

    def submit(self) -> bool:
        """Check, queue and close (the Report button does this); False if it stayed open."""
        request = self.build_request()
        if request is None:
            return False
        request = replace(request, local_id=new_local_id())
        try:
            self.queued = self._enqueue(
                KIND,
                METHOD,
                PATH,
                request.body,
                files=list(request.files),
                summary=request.summary,
                creates=request.local_id,
            )
        except Exception as error:
            logger.exception("could not queue the event")
            self._show_error(fill(self.tr("Could not queue the event: %1"), error))
            return False
        self.request = request
        logger.info(
            "event %s queued for reporting (%d snapshot(s), source %s, caller %s %s)",
            request.local_id,
            len(request.files),
            request.body["source"],
            mask_name(str(request.body.get("caller_name", ""))) or "-",
            mask_phone(str(request.body.get("caller_phone", ""))) or "-",
        )
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

    def _show_location(
        self, camera: Camera | None, position: GeoPoint | None, source: IncidentSource
    ) -> None:
        # The position row is typed into only in coordinates mode: a camera fixes the
        # position, and a picked camera or region sets it.
        self._set_spins_editable(False)
        self.ui.form_layout.setRowVisible(self.ui.camera_value_label, camera is not None)
        self.ui.form_layout.setRowVisible(self.ui.location_label, camera is None)
        if camera is not None:
            self._show_position(camera.position)
            self.ui.camera_value_label.setText(fill(self.tr("%1 (%2)"), camera.name, camera.id))
            self.ui.address_edit.setText(camera.name)
            return
        self._show_location_page(PICK_CAMERA)
        if position is None and source is IncidentSource.HOTLINE_12345:
            # A caller's place must be asked for, not assumed.
            self._show_position(None)
            self._show_picked_text()
            return
        self._picked = PickedPlace(position or CITY_CENTRE)
        self.set_location_mode(PICK_COORDINATES)

    def _show_location_page(self, mode: int) -> None:
        # Only the page shown claims room: the camera list's height would otherwise leave a
        # gap under the one-line pages.
        pages = self.ui.location_pages
        for index in range(pages.count()):
            page = pages.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == mode else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        pages.setCurrentIndex(mode)
        pages.updateGeometry()

    def _set_spins_editable(self, editable: bool) -> None:
        for spin in (self.ui.lat_spin, self.ui.lon_spin):
            spin.setReadOnly(not editable)
            spin.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.UpDownArrows
                if editable
                else QAbstractSpinBox.ButtonSymbols.NoButtons
            )

    def _show_position(self, where: GeoPoint | None) -> None:
        coordinates = self._camera is None and self.location_mode() == PICK_COORDINATES
        self.ui.form_layout.setRowVisible(self.ui.position_label, where is not None or coordinates)
        if where is not None:
            self._setting_spins = True
            try:
                self.ui.lat_spin.setValue(where.lat)
                self.ui.lon_spin.setValue(where.lon)
            finally:
                self._setting_spins = False

    def _show_snapshot_row(self, visible: bool) -> None:
        self.ui.form_layout.setRowVisible(self.ui.snapshot_caption, visible)

    def _show_caller_rows(self) -> None:
        """A caller is asked for on hand-raised events (a call, usually), not from a tile."""
        visible = self._camera is None or self.source() is IncidentSource.HOTLINE_12345
        self.ui.form_layout.setRowVisible(self.ui.caller_name_label, visible)
        self.ui.form_layout.setRowVisible(self.ui.caller_phone_label, visible)

    def _set_picked(self, picked: PickedPlace | None) -> None:
        self._picked = picked
        self._show_position(picked.position if picked is not None else None)
        self._show_picked_text()
        suggestion = ""
        if picked is not None and picked.camera is not None:
            suggestion = picked.camera.name
        elif picked is not None and picked.region is not None:
            suggestion = picked.region.label
        current = self.ui.address_edit.text().strip()
        # The address follows the pick until the operator writes one of their own.
        if suggestion and current in ("", self._auto_address):
            self.ui.address_edit.setText(suggestion)
            self._auto_address = suggestion

    def _show_picked_text(self) -> None:
        picked = self._picked
        label = self.ui.location_value_label
        if picked is None:
            label.setText(self.tr("Not picked yet."))
        elif picked.camera is not None:
            label.setText(fill(self.tr("At camera %1 (%2)"), picked.camera.name, picked.camera.id))
        elif picked.region is not None:
            label.setText(fill(self.tr("In %1 (its centre)"), picked.region.label))
        else:
            label.setText(
                fill(
                    self.tr("At %1, %2"),
                    f"{picked.position.lat:.6f}",
                    f"{picked.position.lon:.6f}",
                )
            )

    def _check_caller(self, caller_name: str) -> tuple[str, QWidget] | None:
        if len(caller_name) > CALLER_NAME_MAX:
            return (
                fill(
                    self.tr("The caller's name is too long (%1 characters); keep it to %2."),
                    len(caller_name),
                    CALLER_NAME_MAX,
                ),
                self.ui.caller_name_edit,
            )
        if "\x00" in caller_name:
            return self.tr(
                "The text contains a NUL character; remove it."
            ), self.ui.caller_name_edit
        return None

    def _checked_phone(self) -> str | tuple[str, QWidget]:
        edit = self.ui.caller_phone_edit
        try:
            phone = normalise_phone(edit.text())
        except FieldProblem as problem:
            if problem.problem is Problem.PHONE_CHARACTERS:
                return (
                    self.tr(
                        "The caller's phone may hold only digits (spaces and dashes are "
                        "fine, and one + in front)."
                    ),
                    edit,
                )
            return self.tr("The caller's phone must have 7 to 15 digits."), edit
        if not phone and self.source() is IncidentSource.HOTLINE_12345:
            return self.tr("Enter the caller's phone number: a hotline call has one."), edit
        return phone

    def _checked_place(self) -> PickedPlace | tuple[str, QWidget]:
        mode = self.location_mode()
        if mode == PICK_COORDINATES:
            typed = self.ui.coordinates_edit.text()
            if typed.strip():
                try:
                    return PickedPlace(parse_coordinates(typed))
                except FieldProblem as problem:
                    return self._coordinates_message(problem.problem), self.ui.coordinates_edit
            if self._picked is None:
                return self._coordinates_message(
                    Problem.COORDINATES_FORMAT
                ), self.ui.coordinates_edit
            return self._picked
        if self._picked is not None:
            return self._picked
        if mode == PICK_REGION:
            return self.tr("Choose the town or village from the list."), self.ui.region_edit
        if not self.ui.camera_search_edit.text().strip():
            return (
                self.tr(
                    "Say where it happened: search a camera, or choose a town or village "
                    "or type coordinates under Location."
                ),
                self.ui.camera_search_edit,
            )
        return self.tr("Choose one of the cameras found."), self.ui.camera_results

    def _coordinates_message(self, problem: Problem) -> str:
        if problem is Problem.COORDINATES_SWAPPED:
            return self.tr("Put the latitude first, then the longitude (e.g. 19.2466, 110.4665).")
        if problem is Problem.LATITUDE_RANGE:
            return self.tr("The latitude must lie between -90 and 90 degrees.")
        if problem is Problem.LONGITUDE_RANGE:
            return self.tr("The longitude must lie between -180 and 180 degrees.")
        return self.tr(
            "Type the coordinates as two decimal numbers, latitude then longitude "
            "(WGS-84), e.g. 19.2466, 110.4665."
        )

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

    def _on_source_combo_changed(self, _index: int) -> None:
        self._show_caller_rows()

    def _on_location_modes_toggled(self, mode: int, checked: bool) -> None:
        if checked:
            self._on_location_mode_changed(mode)

    def _on_location_mode_changed(self, mode: int) -> None:
        self._show_location_page(mode)
        self._set_spins_editable(mode == PICK_COORDINATES)
        if mode == PICK_CAMERA:
            self._on_camera_results_row_changed(self.ui.camera_results.currentRow())
        elif mode == PICK_REGION:
            self._on_region_edit_changed(self.ui.region_edit.text())
        elif self._picked is not None:
            # Coordinates start from what was picked before, as a plain point to adjust.
            self._set_picked(PickedPlace(self._picked.position))
        else:
            self._set_picked(None)

    def _on_position_spin_changed(self, _value: float) -> None:
        if self._setting_spins or self._camera is not None:
            return
        if self.location_mode() == PICK_COORDINATES:
            self._set_picked(
                PickedPlace(GeoPoint(self.ui.lat_spin.value(), self.ui.lon_spin.value()))
            )

    def _on_camera_search_edit_changed(self, text: str) -> None:
        found = list(self._find_cameras(text)) if self._find_cameras and text.strip() else []
        self._found = found[:CAMERA_RESULTS_MAX]
        results = self.ui.camera_results
        results.blockSignals(True)
        results.clear()
        for camera in self._found:
            item = QListWidgetItem(fill(self.tr("%1 (%2)"), camera.name, camera.id))
            item.setToolTip(plain_tooltip(camera.name))
            results.addItem(item)
        results.blockSignals(False)
        if len(self._found) == 1:
            results.setCurrentRow(0)
        else:
            self._on_camera_results_row_changed(-1)

    def _on_camera_results_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._found):
            camera = self._found[row]
            self._set_picked(PickedPlace(camera.position, camera=camera))
        else:
            self._set_picked(None)

    def _on_region_edit_changed(self, text: str) -> None:
        choice = find_choice(self._regions, text)
        if choice is not None:
            self._set_picked(PickedPlace(choice.region.center, region=choice))
        else:
            self._set_picked(None)

    def _on_region_completer_activated(self, label: str) -> None:
        self.ui.region_edit.setText(label)

    def _on_coordinates_edit_changed(self, text: str) -> None:
        try:
            point = parse_coordinates(text)
        except FieldProblem:
            return  # said on Report; the spins keep the last good point
        self._set_picked(PickedPlace(point))

    def _on_remove_snapshot_button_clicked(self) -> None:
        self.remove_snapshot()

    def _on_report_button_clicked(self) -> None:
        self.submit()

    def _on_pick_on_map_button_clicked(self) -> None:
        self._picking_on_map = True
        # Window-modal, the dialog would keep the clicks off the map: it steps aside until
        # the place is picked.
        self.hide()
        self.map_pick_requested.emit()

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
        self._show_picked_text()
        for row, camera in enumerate(self._found):
            found_item = self.ui.camera_results.item(row)
            if found_item is not None:
                found_item.setText(fill(self.tr("%1 (%2)"), camera.name, camera.id))
        if self._snapshot is None:
            self.ui.snapshot_label.setText(self.tr("No snapshot attached"))
        if self._map_button is not None:
            self._map_button.setText(self.tr("Pick on &map"))


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
