"""Raising an event from the console: dialog -> outbox -> delivery -> the server, once."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from console.client import BackendClient, OutboxDelivery
from console.domain.incident import IncidentSource, Priority
from console.domain.model import GeoPoint
from console.gui.incidents.categories import CATEGORIES, category
from console.gui.incidents.raise_dialog import (
    KIND,
    TITLE_MAX,
    RaiseEventDialog,
    RaiseRequest,
    raise_event_from_camera,
)
from console.i18n import install_translator, remove_translators
from console.store import Store
from console.store.outbox import Encoding, OutboxItem, OutboxState
from console.tasks import TaskRunner
from console.wire import IncidentOut, IncidentPage
from tests.gui.incidents.conftest import Backend
from tests.integration.server.conftest import TIMEOUT
from tests.integration.server.world import PASSWORDS

HOSTILE_TITLE = '<script>alert("天目")</script> \u202eevil\u202c 🔥🚒 <b>bold</b> &amp; %1 %s'


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _deliver_all(qtbot: QtBot, backend: Backend, store: Store) -> None:
    """Run the console's real delivery worker until the outbox has nothing pending."""
    client = BackendClient(backend.url, timeout=(2.0, 10.0))
    client.login("op", PASSWORDS["op"])
    delivery = OutboxDelivery(
        client, store.outbox, backoff_base_s=0.1, backoff_cap_s=1.0, idle_check_s=0.5
    )
    delivery.start()
    try:
        qtbot.waitUntil(lambda: store.outbox.pending_count() == 0, timeout=20_000)
    finally:
        delivery.stop()
        client.close()


def _only_item(store: Store) -> OutboxItem:
    [item] = store.outbox.list()
    return item


def _titled(backend: Backend, title: str) -> list[IncidentOut]:
    answer = backend.get("/incidents", params={"q": title, "limit": 100})
    assert answer.status_code == 200, answer.text
    return [i for i in IncidentPage.model_validate(answer.json()).items if i.title == title]


def _open_from_camera(
    qtbot: QtBot,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    snapshot: Path | None,
    runner: TaskRunner,
) -> RaiseEventDialog:
    dialog = raise_event_from_camera(
        None,
        backend.camera(),
        snapshot,
        store.outbox.enqueue,
        source=IncidentSource.PATROL,
        runner=runner,
    )
    opened.append(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_a_report_from_a_camera_reaches_the_server_once_with_its_snapshot(
    qtbot: QtBot,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    snapshot: Path,
    runner: TaskRunner,
) -> None:
    camera = backend.camera()
    dialog = _open_from_camera(qtbot, opened, backend, store, snapshot, runner)
    qtbot.waitUntil(dialog.has_thumbnail, timeout=5_000)
    assert camera.id in dialog.ui.camera_value_label.text()
    assert dialog.ui.lat_spin.isReadOnly()
    assert dialog.ui.lat_spin.value() == pytest.approx(camera.position.lat, abs=1e-6)
    assert dialog.source() is IncidentSource.PATROL

    title = "银海路口 占道经营 x3"
    # QTest types Latin-1 only; the Chinese part arrives as an input method would put it.
    dialog.ui.title_edit.setText("银海路口 占道经营")
    dialog.ui.title_edit.end(False)
    qtbot.keyClicks(dialog.ui.title_edit, " x3")
    dialog.set_category("street_vendor")
    dialog.ui.description_edit.setPlainText("三辆流动摊贩占用机动车道")
    with qtbot.waitSignal(dialog.event_queued) as queued:
        qtbot.mouseClick(dialog.ui.report_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    request = queued.args[0]
    assert isinstance(request, RaiseRequest)
    assert request.title == title

    # Queued durably, as multipart with a copy of the snapshot, before anything is sent.
    item = _only_item(store)
    assert item.state is OutboxState.PENDING
    assert (item.kind, item.method, item.path) == (KIND, "POST", "/incidents")
    assert item.encoding is Encoding.MULTIPART
    assert item.body["camera_ids"] == [camera.id]
    assert item.body["priority"] == int(Priority.P3)
    assert item.body["source"] == "patrol"
    [queued_file] = item.files
    assert queued_file.field == "snapshots"
    assert queued_file.content_type == "image/png"
    assert queued_file.sha256 == _sha256(snapshot)

    _deliver_all(qtbot, backend, store)
    delivered = _only_item(store)
    assert delivered.state is OutboxState.DELIVERED
    assert delivered.response_status == 201
    created = IncidentOut.model_validate(json.loads(delivered.response_body or "{}"))

    [incident] = _titled(backend, title)
    assert incident.id == created.id
    assert incident.state == "reported"
    assert incident.category == "street_vendor"
    assert incident.camera_ids == [camera.id]
    [attachment] = incident.attachments
    assert attachment.sha256 == _sha256(snapshot)
    media = backend.get(f"/media/{attachment.id}")
    assert media.status_code == 200
    assert hashlib.sha256(media.content).hexdigest() == _sha256(snapshot)

    # A repeat of the same queued request (a lost answer, a crash) raises nothing new.
    with queued_file.path.parent.joinpath("repeat.png").open("wb") as copy:
        copy.write(snapshot.read_bytes())
    repeat = requests.post(
        backend.api + "/incidents",
        data={k: _form_text(v) for k, v in delivered.body.items()},
        files=[("snapshots", (snapshot.name, snapshot.read_bytes(), "image/png"))],
        headers={
            "Authorization": backend.http.headers["Authorization"],
            "Idempotency-Key": delivered.idempotency_key,
        },
        timeout=TIMEOUT,
    )
    assert repeat.status_code == 201, repeat.text
    assert repeat.headers.get("Idempotent-Replayed") == "true"
    assert len(_titled(backend, title)) == 1


def _form_text(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def test_an_empty_or_overlong_title_is_refused_in_the_dialog(
    qtbot: QtBot,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    snapshot: Path,
    runner: TaskRunner,
) -> None:
    dialog = _open_from_camera(qtbot, opened, backend, store, snapshot, runner)
    qtbot.mouseClick(dialog.ui.report_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "title" in dialog.message()
    assert dialog.ui.message_label.isVisible()
    assert dialog.focusWidget() is dialog.ui.title_edit

    dialog.ui.title_edit.setText("   ")
    assert not dialog.submit()
    assert "title" in dialog.message()

    dialog.ui.title_edit.setText("x" * (TITLE_MAX + 1))
    assert not dialog.submit()
    assert str(TITLE_MAX + 1) in dialog.message()
    assert str(TITLE_MAX) in dialog.message()

    dialog.ui.description_edit.setPlainText("nul \x00 inside")
    dialog.ui.title_edit.setText("y" * TITLE_MAX)
    assert not dialog.submit()
    assert "NUL" in dialog.message()
    assert dialog.focusWidget() is dialog.ui.description_edit
    assert store.outbox.list() == []

    dialog.ui.description_edit.setPlainText("")
    assert dialog.submit()
    assert _only_item(store).body["title"] == "y" * TITLE_MAX


def test_a_hostile_title_round_trips_verbatim(qtbot: QtBot, backend: Backend, store: Store) -> None:
    description = ("<img src=x onerror=alert(1)> \u202e مرحبا 🧯 " * 300)[:10_000]
    where = GeoPoint(19.1534, 110.5811)
    dialog = RaiseEventDialog(store.outbox.enqueue, position=where)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.camera_value_label.isHidden()
    assert not dialog.ui.lat_spin.isReadOnly()
    assert dialog.snapshot_path() is None
    dialog.ui.title_edit.setText(HOSTILE_TITLE)
    dialog.ui.description_edit.setPlainText(description)
    dialog.ui.address_edit.setText("<i>博鳌</i> \u202e")
    dialog.set_category("road_hazard")
    assert dialog.submit()

    item = _only_item(store)
    assert item.encoding is Encoding.JSON
    assert item.files == ()
    assert item.body["title"] == HOSTILE_TITLE
    assert item.summary.endswith(HOSTILE_TITLE)
    assert (item.body["lat"], item.body["lon"]) == (where.lat, where.lon)
    assert item.body["source"] == "operator"
    assert item.body["camera_ids"] == []

    _deliver_all(qtbot, backend, store)
    assert _only_item(store).state is OutboxState.DELIVERED
    [incident] = _titled(backend, HOSTILE_TITLE)
    assert incident.title == HOSTILE_TITLE
    assert incident.description == description
    assert incident.address == "<i>博鳌</i> \u202e"
    assert incident.priority == Priority.P2
    assert incident.attachments == []


def test_a_removed_snapshot_is_not_sent(
    qtbot: QtBot,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    snapshot: Path,
    runner: TaskRunner,
) -> None:
    dialog = _open_from_camera(qtbot, opened, backend, store, snapshot, runner)
    qtbot.waitUntil(dialog.has_thumbnail, timeout=5_000)
    assert dialog.ui.remove_snapshot_button.isEnabled()
    qtbot.mouseClick(dialog.ui.remove_snapshot_button, Qt.MouseButton.LeftButton)
    assert dialog.snapshot_path() is None
    assert not dialog.has_thumbnail()
    assert not dialog.ui.remove_snapshot_button.isEnabled()
    dialog.ui.title_edit.setText("不带截图")
    assert dialog.submit()
    item = _only_item(store)
    assert item.encoding is Encoding.JSON
    assert item.files == ()


def test_an_unreadable_snapshot_is_dropped_with_a_message(
    qtbot: QtBot,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    tmp_path: Path,
    runner: TaskRunner,
) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"this is not a png")
    dialog = _open_from_camera(qtbot, opened, backend, store, broken, runner)
    qtbot.waitUntil(lambda: dialog.snapshot_path() is None, timeout=5_000)
    assert "broken.png" in dialog.message()
    assert not dialog.has_thumbnail()

    dialog.set_snapshot(tmp_path / "notes.txt")
    assert dialog.snapshot_path() is None
    assert "PNG" in dialog.message()


def test_the_category_sets_the_priority_until_the_operator_picks_one(
    qtbot: QtBot, store: Store
) -> None:
    dialog = RaiseEventDialog(store.outbox.enqueue)
    qtbot.addWidget(dialog)
    assert dialog.category_code() == "other"
    for item in CATEGORIES:
        dialog.set_category(item.code)
        assert dialog.priority() is item.default_priority
    assert category("smoke_fire").default_priority is Priority.P1
    dialog.set_priority(Priority.P4)
    dialog.set_category("smoke_fire")
    assert dialog.priority() is Priority.P4


def test_a_failing_enqueue_keeps_the_dialog_open_with_the_reason(qtbot: QtBot) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    dialog = RaiseEventDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.title_edit.setText("t")
    assert not dialog.submit()
    assert dialog.isVisible()
    assert "disk full" in dialog.message()
    assert dialog.request is None


def _clipped(dialog: RaiseEventDialog) -> list[str]:
    """Visible labels, buttons and combo boxes narrower than their text needs."""
    found = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton):
        if not widget.isVisible() or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        if widget.width() < widget.sizeHint().width():
            found.append(f"{widget.objectName()}: {widget.width()} < {widget.sizeHint().width()}")
    for combo in dialog.findChildren(QComboBox):
        needed = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        if combo.width() < needed:
            found.append(f"{combo.objectName()}: {combo.width()} < {needed}")
    return found


def test_the_dialog_in_chinese_fits_its_text(
    qtbot: QtBot,
    qapp: QApplication,
    opened: list[QWidget],
    backend: Backend,
    store: Store,
    snapshot: Path,
    tmp_path: Path,
) -> None:
    install_translator(qapp, "zh_CN")
    try:
        dialog = raise_event_from_camera(None, backend.camera(), snapshot, store.outbox.enqueue)
        opened.append(dialog)
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "上报事件"
        assert dialog.ui.report_button.text().startswith("上报")
        assert dialog.ui.category_combo.itemText(0) == "烟火"
        assert dialog.ui.priority_combo.itemText(0) == "P1 紧急"
        assert dialog.has_thumbnail()
        assert not dialog.submit()
        assert "标题" in dialog.message()
        assert _clipped(dialog) == []
        picture = dialog.grab()
        assert not picture.isNull()
        assert picture.save(str(tmp_path / "raise_event_zh_CN.png"))
    finally:
        remove_translators(qapp)
