"""The verification view (核查): the reported pictures and the unit's feedback photos beside
live pictures of the cameras nearest the place, a before/after comparison, snapshots taken as
proof, and the verdict.

The view never talks to the server itself: pictures come through the task runner's network
lane, snapshots are written on the store lane, and the verdict leaves as outbox actions
(``plan.verdict_steps``) queued one after the other through ``Session.queue_action``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console import paths
from console.client import BackendClient
from console.domain.incident import VERIFIABLE_STATES, Incident, VerificationVerdict
from console.domain.model import MediaRef
from console.gui.camera_view import CameraView
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_verification import Ui_VerificationDialog
from console.gui.incidents.categories import category_label
from console.gui.incidents.labels import state_label
from console.gui.plain_text import plain_message_box, plain_tooltip, set_plain_text
from console.gui.session import Session
from console.gui.verification.nearby import NearbyCamera, nearby_cameras
from console.gui.verification.pictures import PictureView, WipeView
from console.gui.verification.plan import (
    Step,
    Verdict,
    VerdictRefused,
    start_waiting,
    verdict_steps,
)
from console.gui.wall.snapshot import now_utc
from console.store.outbox import UNFINISHED, OutboxState
from console.tasks import NET, STORE
from console.text import fill

logger = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)

#: Live cameras shown at once (a 2 x 2 grid).
CAMERAS_SHOWN = 4
#: How often the comparison takes the selected camera's latest picture.
COMPARE_EVERY_MS = 500
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")
_ERROR = QColor(190, 30, 30)
# Where a start of this verification round may be: not delivered yet, or delivered already.
_STARTS_SEEN = UNFINISHED | {OutboxState.DELIVERED}


@dataclass(frozen=True, slots=True)
class Original:
    """A picture from before the verification: the report's, an alert's, or the unit's."""

    kind: str  # "report", "alert" or "feedback"
    media: MediaRef


@dataclass(frozen=True, slots=True)
class Capture:
    """A verification snapshot on disk, of one camera at one moment."""

    path: Path
    camera_id: str
    captured_at: datetime


def fetch_picture(client: BackendClient, media_id: str) -> QImage:
    """A stored picture's bytes from the server, decoded (a network-lane job)."""
    _content_type, data = client.media(media_id)
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("the file is not a picture")
    return image


def originals_of(incident: Incident, alert_snapshots: list[MediaRef]) -> list[Original]:
    """The report's pictures, then alert snapshots, then the latest feedback's photos."""
    items = [Original("report", media) for media in incident.attachments]
    items += [Original("alert", media) for media in alert_snapshots]
    feedback = incident.latest_feedback
    if feedback is not None:
        items += [Original("feedback", media) for media in feedback.photos]
    return items


def captures_folder(incident_id: str) -> Path:
    """Where this incident's verification snapshots are kept (with the other evidence)."""
    return paths.evidence_dir(create=False) / "verification" / _UNSAFE.sub("_", incident_id)


class VerificationDialog(QDialog):
    """The verification view of one incident (see the module docstring).

    Signals:
        verdict_queued(str incident_id, str verdict): every action of the verdict is in the
            outbox; the view closes itself right after.
    """

    verdict_queued = Signal(str, str)

    def __init__(
        self,
        session: Session,
        incident: Incident,
        alert_snapshots: list[MediaRef] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self._session = session
        self._incident = incident
        self._alert_snapshots = list(alert_snapshots or [])
        self._originals: list[Original] = []
        self._pictures: dict[str, QImage] = {}  # media id -> picture
        self.captures: list[Capture] = []
        self._capturing = 0
        self._queuing = False
        self._before: QImage | None = None
        self._discarding = False
        self._discard_box: QMessageBox | None = None

        self.ui = Ui_VerificationDialog()
        setup_form(self.ui, self)
        self.original_view = self._host(self.ui.original_host, PictureView())
        self.before_view = PictureView()
        self.after_view = PictureView()
        # Side by side across a wide box, one above the other in a tall one.
        side = self._side_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.ui.side_host)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.before_view)
        side.addWidget(self.after_view)
        self.ui.side_host.installEventFilter(self)
        self.wipe_view = self._host(self.ui.wipe_host, WipeView())

        self.camera_views: list[CameraView] = []
        self._camera_buttons = QButtonGroup(self)
        self._nearby: list[NearbyCamera] = []
        self._build_cameras()

        self._compare_timer = QTimer(self)
        self._compare_timer.setInterval(COMPARE_EVERY_MS)
        self._compare_timer.timeout.connect(self._refresh_comparison)

        ui = self.ui
        ui.originals_list.currentRowChanged.connect(self._on_originals_list_current_row_changed)
        ui.wipe_slider.valueChanged.connect(self._on_wipe_slider_value_changed)
        ui.capture_button.clicked.connect(self.capture)
        ui.remove_capture_button.clicked.connect(self._on_remove_capture_button_clicked)
        ui.pass_button.clicked.connect(self._on_pass_button_clicked)
        ui.fail_button.clicked.connect(self._on_fail_button_clicked)
        ui.close_button.clicked.connect(self.close)
        ui.main_splitter.setStretchFactor(0, 2)
        ui.main_splitter.setStretchFactor(1, 4)
        ui.main_splitter.setStretchFactor(2, 3)
        self.wipe_view.set_split(ui.wipe_slider.value() / ui.wipe_slider.maximum())

        self._retranslate()
        self._show_incident()
        self._load_originals()
        self._size_for_screen()

    # ---------------------------------------------------------------- what tests look at

    @property
    def incident(self) -> Incident:
        return self._incident

    @property
    def selected_view(self) -> CameraView | None:
        index = self._camera_buttons.checkedId()
        return self.camera_views[index] if 0 <= index < len(self.camera_views) else None

    def select_camera(self, index: int) -> None:
        button = self._camera_buttons.button(index)
        if button is not None:
            button.setChecked(True)
            self._refresh_comparison()

    def status_text(self) -> str:
        return self.ui.status_label.text()

    # ---------------------------------------------------------------- commands

    def set_incident(self, incident: Incident) -> None:
        """A newer copy of the incident arrived (from the event stream)."""
        feedback_before = self._incident.latest_feedback
        self._incident = incident
        self._show_incident()
        if incident.latest_feedback != feedback_before:
            self._load_originals()

    def capture(self) -> bool:
        """Keep the selected camera's current picture as proof; False when there is none."""
        view = self.selected_view
        if view is None or view.camera_id is None:
            self._say(self.tr("Choose a camera first."), error=True)
            return False
        thumbnail = view.grab_picture()
        camera_id = view.camera_id
        when = now_utc()
        started = view.capture(
            captures_folder(self._incident.id),
            lambda path: self._on_captured(path, camera_id, when, thumbnail),
            self._on_capture_failed,
        )
        if not started:
            self._say(self.tr("The camera has no picture yet; wait for it to play."), error=True)
            return False
        self._capturing += 1
        self._say(self.tr("Saving the snapshot…"))
        self._update_buttons()
        return True

    def give_verdict(self, verdict: VerificationVerdict) -> bool:
        """Check the verdict and queue its actions; False (with the reason shown) if it
        cannot be given now."""
        if self._queuing:
            return False
        if self._capturing:
            self._say(self.tr("Wait until the snapshots are saved."), error=True)
            return False
        feedback = self._incident.latest_feedback
        captures = self.captures
        if feedback is not None and any(c.captured_at <= feedback.reported_at for c in captures):
            self._say(
                self.tr(
                    "The unit reported again after some of these snapshots; remove them "
                    "and capture the site again."
                ),
                error=True,
            )
            return False
        decided = Verdict(
            verdict,
            tuple(c.path for c in captures),
            tuple(dict.fromkeys(c.camera_id for c in captures)),
            max((c.captured_at for c in captures), default=now_utc()),
            self.ui.comment_edit.toPlainText(),
        )
        try:
            verdict_steps(self._incident, decided)
        except VerdictRefused as refusal:
            self._say(self._refusal_text(refusal), error=True)
            if refusal.problem == "reason":
                self.ui.comment_edit.setFocus()
            return False
        self._queuing = True
        self._update_buttons()
        self._say(self.tr("Queuing the verdict…"))
        outbox = self._session.store.outbox
        incident_id = self._incident.id
        feedback = self._incident.latest_feedback
        since = feedback.reported_at if feedback is not None else None
        self._session.runner.run(
            STORE,
            lambda: start_waiting(outbox.list(_STARTS_SEEN), incident_id, since),
            on_done=lambda waiting: self._on_outbox_read(decided, bool(waiting)),
            on_error=self._on_queue_failed,
            title=QCoreApplication.translate("VerificationDialog", "Queuing the verification"),
        )
        return True

    def _on_outbox_read(self, decided: Verdict, start_queued: bool) -> None:
        if not shiboken6.isValid(self):
            return
        try:
            steps = verdict_steps(self._incident, decided, start_queued=start_queued)
        except VerdictRefused as refusal:  # the incident moved on meanwhile
            self._queuing = False
            self._update_buttons()
            self._say(self._refusal_text(refusal), error=True)
            return
        self._queue(steps, decided.verdict)

    # ---------------------------------------------------------------- building

    @staticmethod
    def _host(host: QWidget, widget: W) -> W:
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        return widget

    def _build_cameras(self) -> None:
        catalog = self._session.cameras.catalog
        catalogue = (
            [catalog.camera(camera_id) for camera_id in catalog.camera_ids()]
            if catalog is not None
            else []
        )
        self._nearby = nearby_cameras(
            self._incident.position,
            self._incident.camera_ids,
            catalogue,
            count=CAMERAS_SHOWN,
        )
        grid = QGridLayout(self.ui.cameras_host)
        grid.setContentsMargins(0, 0, 0, 0)
        # Two cameras fit one above the other; more share two columns.
        columns = 1 if len(self._nearby) <= 2 else 2
        for index, item in enumerate(self._nearby):
            cell = QWidget()
            cell.setObjectName(f"camera_cell_{index}")
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            view = CameraView(self._session, cell)
            view.setObjectName(f"camera_view_{index}")
            view.set_camera(item.camera_id)
            view.tile.installEventFilter(self)
            button = QRadioButton(cell)
            button.setObjectName(f"camera_button_{index}")
            self._camera_buttons.addButton(button, index)
            column.addWidget(view, 1)
            column.addWidget(button)
            grid.addWidget(cell, index // columns, index % columns)
            self.camera_views.append(view)
        self._camera_buttons.idToggled.connect(self._on_camera_buttons_id_toggled)
        if self.camera_views:
            self._camera_buttons.button(0).setChecked(True)

    def _size_for_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.resize(int(area.width() * 0.9), int(area.height() * 0.9))

    # ---------------------------------------------------------------- showing

    def _show_incident(self) -> None:
        incident = self._incident
        place = incident.address or f"{incident.position.lat:.5f}, {incident.position.lon:.5f}"
        set_plain_text(
            self.ui.header_label,
            fill(
                self.tr("%1  %2 · %3 · %4 · %5"),
                incident.number,
                incident.title,
                category_label(incident.category),
                place,
                state_label(incident.state.value),
            ),
        )
        feedback = incident.latest_feedback
        if feedback is None:
            set_plain_text(self.ui.feedback_label, self.tr("The unit has not reported back yet."))
        else:
            set_plain_text(
                self.ui.feedback_label,
                fill(
                    self.tr("Unit feedback (%1): %2"),
                    feedback.reported_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    feedback.text,
                ),
            )
        self.setWindowTitle(fill(self.tr("Verify by video — %1"), incident.number))
        if incident.state not in VERIFIABLE_STATES and not self._queuing:
            self._say(
                fill(
                    self.tr("This event is %1: it is not awaiting verification."),
                    state_label(incident.state.value),
                )
            )
        self._update_buttons()

    def _camera_caption(self, item: NearbyCamera) -> str:
        name = self._session.cameras.name(item.camera_id)
        if item.named:
            return fill(self.tr("%1 (named on the event)"), name)
        if item.metres is None:
            return name
        return fill(self.tr("%1 (%2 m away)"), name, round(item.metres))

    def _original_caption(self, original: Original) -> str:
        if original.kind == "report":
            return self.tr("Reported snapshot")
        if original.kind == "alert":
            return self.tr("Alert snapshot")
        return self.tr("Feedback photo")

    def _say(self, text: str, *, error: bool = False) -> None:
        label = self.ui.status_label
        set_plain_text(label, text)
        palette = label.palette()
        palette.setColor(
            label.foregroundRole(), _ERROR if error else self.palette().windowText().color()
        )
        label.setPalette(palette)

    def _refusal_text(self, refusal: VerdictRefused) -> str:
        if refusal.problem == "snapshot":
            return self.tr("Capture at least one verification snapshot before passing.")
        if refusal.problem == "reason":
            return self.tr("Write what is still wrong: the unit reads it with the event.")
        return fill(
            self.tr("This event is %1: it is not awaiting verification."),
            state_label(self._incident.state.value),
        )

    def _update_buttons(self) -> None:
        open_for_verdict = self._incident.state in VERIFIABLE_STATES and not self._queuing
        ui = self.ui
        ui.pass_button.setEnabled(open_for_verdict)
        ui.fail_button.setEnabled(open_for_verdict)
        ui.capture_button.setEnabled(not self._queuing and bool(self.camera_views))
        ui.remove_capture_button.setEnabled(
            not self._queuing and ui.captures_list.currentRow() >= 0
        )
        ui.comment_edit.setReadOnly(self._queuing)

    # ---------------------------------------------------------------- original pictures

    def _load_originals(self) -> None:
        self._originals = originals_of(self._incident, self._alert_snapshots)
        listing = self.ui.originals_list
        listing.clear()
        for original in self._originals:
            item = QListWidgetItem(self._original_caption(original))
            picture = self._pictures.get(original.media.id)
            if picture is not None:
                item.setIcon(
                    QIcon(
                        QPixmap.fromImage(
                            picture.scaled(160, 90, Qt.AspectRatioMode.KeepAspectRatio)
                        )
                    )
                )
            listing.addItem(item)
            if picture is None:
                self._fetch(original.media)
        if not self._originals:
            self.original_view.set_placeholder(self.tr("No pictures came with the event."))
        else:
            listing.setCurrentRow(0)

    def _fetch(self, media: MediaRef) -> None:
        self._session.runner.run(
            NET,
            fetch_picture,
            self._session.client,
            media.id,
            on_done=lambda image: self._on_picture_fetched(media.id, image),
            on_error=lambda error: self._on_picture_failed(media.id, error),
            title=QCoreApplication.translate("VerificationDialog", "Fetching a picture"),
        )

    def _on_picture_fetched(self, media_id: str, image: object) -> None:
        if not shiboken6.isValid(self) or not isinstance(image, QImage):
            return
        self._pictures[media_id] = image
        icon = QIcon(QPixmap.fromImage(image.scaled(160, 90, Qt.AspectRatioMode.KeepAspectRatio)))
        for row, original in enumerate(self._originals):
            if original.media.id == media_id:
                item = self.ui.originals_list.item(row)
                if item is not None:
                    item.setIcon(icon)
        self._show_original(self.ui.originals_list.currentRow())

    def _on_picture_failed(self, media_id: str, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        logger.warning("picture %s could not be fetched: %s", media_id, error)
        for row, original in enumerate(self._originals):
            if original.media.id == media_id:
                item = self.ui.originals_list.item(row)
                if item is not None:
                    set_plain_tooltip_item(item, str(error))
        if self.ui.originals_list.currentRow() >= 0:
            current = self._originals[self.ui.originals_list.currentRow()]
            if current.media.id == media_id:
                self.original_view.set_placeholder(
                    fill(self.tr("The picture could not be fetched: %1"), error)
                )

    def _show_original(self, row: int) -> None:
        if not 0 <= row < len(self._originals):
            self.original_view.set_image(None)
            self._before = None
            return
        original = self._originals[row]
        picture = self._pictures.get(original.media.id)
        caption = self._original_caption(original)
        self.original_view.set_image(picture, caption)
        if picture is None:
            self.original_view.set_placeholder(self.tr("Fetching the picture…"))
        self._before = picture
        self.before_view.set_image(picture, caption)
        self._refresh_comparison()

    # ---------------------------------------------------------------- comparison

    def _refresh_comparison(self) -> None:
        view = self.selected_view
        live = view.current_picture() if view is not None else None
        name = (
            self._session.cameras.name(view.camera_id)
            if view is not None and view.camera_id
            else ""
        )
        live_caption = fill(self.tr("Live: %1"), name) if name else self.tr("Live")
        self.after_view.set_image(live, live_caption)
        self.after_view.set_placeholder(
            view.state_text() if view is not None else self.tr("No camera near the place")
        )
        self.before_view.set_placeholder(self.tr("No original picture"))
        self.wipe_view.set_pictures(self._before, live)
        self.wipe_view.set_labels(self.tr("Before"), self.tr("Now"))
        self.wipe_view.set_placeholder(self.tr("Waiting for pictures…"))
        if view is not None:
            set_plain_text(
                self.ui.compare_label,
                fill(self.tr("Comparing with %1 · %2"), name, view.state_text()),
            )
        else:
            set_plain_text(self.ui.compare_label, self.tr("No camera near the place"))

    # ---------------------------------------------------------------- captures

    def _on_captured(
        self, path: str, camera_id: str, when: datetime, thumbnail: QImage | None
    ) -> None:
        self._capturing -= 1
        capture = Capture(Path(path), camera_id, when)
        self.captures.append(capture)
        item = QListWidgetItem(
            fill(
                self.tr("%1\n%2"),
                self._session.cameras.name(camera_id),
                when.astimezone().strftime("%H:%M:%S"),
            )
        )
        if thumbnail is not None:
            item.setIcon(
                QIcon(
                    QPixmap.fromImage(thumbnail.scaled(160, 90, Qt.AspectRatioMode.KeepAspectRatio))
                )
            )
        set_plain_tooltip_item(item, path)
        self.ui.captures_list.addItem(item)
        self.ui.captures_list.setCurrentItem(item)
        self._say(fill(self.tr("Snapshot kept: %1"), Path(path).name))
        self._update_buttons()

    def _on_capture_failed(self, message: str) -> None:
        self._capturing -= 1
        self._say(fill(self.tr("The snapshot could not be saved: %1"), message), error=True)
        self._update_buttons()

    def _on_remove_capture_button_clicked(self) -> None:
        row = self.ui.captures_list.currentRow()
        if 0 <= row < len(self.captures):
            # The file stays with the evidence; only the verdict no longer uses it.
            del self.captures[row]
            self.ui.captures_list.takeItem(row)
        self._update_buttons()

    # ---------------------------------------------------------------- verdict

    def _summary(self, step: Step) -> str:
        number = self._incident.number or self._incident.id
        if step.purpose == "start":
            return fill(self.tr("Start verifying %1"), number)
        if step.purpose == "verification":
            if step.body.get("verdict") == VerificationVerdict.PASS.value:
                return fill(self.tr("Verification of %1: passed"), number)
            return fill(self.tr("Verification of %1: failed"), number)
        if step.purpose == "close":
            return fill(self.tr("Close %1 as resolved"), number)
        if step.purpose == "reopen":
            return fill(self.tr("Reopen %1"), number)
        return fill(self.tr("Send %1 back to the unit"), number)

    def _queue(self, steps: list[Step], verdict: VerificationVerdict) -> None:
        """Queue ``steps`` one after the other: each goes into the outbox once the one
        before it is on disk, so a failure leaves no later step queued without it. The chain
        goes on if the view is closed meanwhile: it holds nothing of the view's."""
        session = self._session
        incident_id = self._incident.id
        remaining = [(step, self._summary(step)) for step in steps]
        title = QCoreApplication.translate("VerificationDialog", "Queuing the verification")

        def next_step(_item: object = None) -> None:
            if not remaining:
                self._on_verdict_queued(incident_id, verdict)
                return
            if session.closed:
                logger.warning(
                    "session ended; %d verification step(s) of %s not queued",
                    len(remaining),
                    incident_id,
                )
                return
            step, summary = remaining.pop(0)
            session.queue_action(
                step.kind,
                step.method,
                step.path,
                step.body,
                title=title,
                on_done=next_step,
                on_error=failed,
                files=list(step.files),
                summary=summary,
            )

        def failed(error: BaseException) -> None:
            logger.error("verification of %s could not be queued: %s", incident_id, error)
            self._on_queue_failed(error)

        next_step()

    def _on_queue_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._queuing = False
            self._update_buttons()
            self._say(fill(self.tr("Could not queue the verdict: %1"), error), error=True)

    def _on_verdict_queued(self, incident_id: str, verdict: VerificationVerdict) -> None:
        logger.info("verification of %s queued: %s", incident_id, verdict.value)
        if not shiboken6.isValid(self):
            return
        self.verdict_queued.emit(incident_id, verdict.value)
        self.discard()

    def _on_pass_button_clicked(self) -> None:
        self.give_verdict(VerificationVerdict.PASS)

    def _on_fail_button_clicked(self) -> None:
        self.give_verdict(VerificationVerdict.FAIL)

    # ---------------------------------------------------------------- slots

    def _on_originals_list_current_row_changed(self, row: int) -> None:
        self._show_original(row)

    def _on_wipe_slider_value_changed(self, value: int) -> None:
        self.wipe_view.set_split(value / max(1, self.ui.wipe_slider.maximum()))

    def _on_camera_buttons_id_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._refresh_comparison()

    # ---------------------------------------------------------------- Qt

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        self._compare_timer.start()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._compare_timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def discard(self) -> None:
        """Close without asking, whatever was captured or written (the session ends)."""
        self._discarding = True
        self.close()

    def unsent_work(self) -> bool:
        """Snapshots or a comment that no verdict has taken yet."""
        return not self._queuing and bool(
            self.captures or self.ui.comment_edit.toPlainText().strip()
        )

    def reject(self) -> None:
        """Escape, the Close button and the window's close all end here (QDialog's close
        calls it): work that would be lost is asked about first. Hiding stops the cameras."""
        if self.unsent_work() and not self._discarding:
            self._ask_to_discard()
            return
        self._compare_timer.stop()
        for view in self.camera_views:
            view.stop()
        super().reject()

    def _ask_to_discard(self) -> None:
        if self._discard_box is not None and shiboken6.isValid(self._discard_box):
            self._discard_box.raise_()
            return
        box = plain_message_box(QMessageBox(self))
        box.setObjectName("discard_verification_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Verify by video"))
        box.setText(
            self.tr(
                "Close without a verdict? The snapshots stay in the evidence folder, but "
                "the comment is lost and nothing is sent."
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_discard_box_finished)
        self._discard_box = box
        box.open()

    def _on_discard_box_finished(self, result: int) -> None:
        self._discard_box = None
        if result == QMessageBox.StandardButton.Discard:
            self.discard()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.ui.side_host and event.type() == QEvent.Type.Resize:
            # Whichever arrangement shows two 16:9 pictures larger.
            width, height = self.ui.side_host.width(), self.ui.side_host.height()
            wide = min(width / 32, height / 9) >= min(width / 16, height / 18)
            self._side_layout.setDirection(
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
        # A click on a camera's picture chooses it, as its round button does.
        if event.type() == QEvent.Type.MouseButtonPress:
            for index, view in enumerate(self.camera_views):
                if watched is view.tile:
                    self.select_camera(index)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
            self._retranslate()
            self._show_incident()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        for index, item in enumerate(self._nearby):
            button = self._camera_buttons.button(index)
            if button is not None:
                button.setText(self._camera_caption(item))
        for row, original in enumerate(self._originals):
            list_item = self.ui.originals_list.item(row)
            if list_item is not None:
                list_item.setText(self._original_caption(original))
        self._refresh_comparison()


def set_plain_tooltip_item(item: QListWidgetItem, text: str) -> None:
    """A list item's tooltip shown as written (see ``console.gui.plain_text``)."""
    item.setToolTip(plain_tooltip(text))
