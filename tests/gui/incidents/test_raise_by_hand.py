"""Raising an event by hand for a 12345 call: caller, place, checks, masking, the server.

The dialog runs against a real outbox and the real server (small world); the camera search
is a plain function over the world's cameras, as the session's catalogue gives it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.client import BackendClient, OutboxDelivery
from console.domain.incident import IncidentSource
from console.domain.model import Camera, Region, RegionKind
from console.gui.incidents.raise_dialog import (
    PICK_CAMERA,
    PICK_COORDINATES,
    PICK_REGION,
    RaiseEventDialog,
)
from console.i18n import install_translator, remove_translators
from console.store import Store
from console.store.outbox import OutboxItem, is_local_id
from console.wire import IncidentOut
from tests.gui.incidents.conftest import Backend
from tests.integration.server.world import PASSWORDS

# Where to keep the screenshots for a person to look at (the test's own folder otherwise).
SCREENSHOTS_ENV = "TIANMU_SCREENSHOTS"


def _finder(cameras: Sequence[Camera]):  # type: ignore[no-untyped-def]
    def find(text: str) -> list[Camera]:
        needle = text.strip().casefold()
        return [c for c in cameras if needle in c.name.casefold() or needle in c.id]

    return find


def _hotline(
    qtbot: QtBot, backend: Backend, store: Store, opened: list[QWidget]
) -> RaiseEventDialog:
    dialog = RaiseEventDialog(
        store.outbox.enqueue,
        source=IncidentSource.HOTLINE_12345,
        regions=backend.world.regions,
        find_cameras=_finder([c for c in backend.world.cameras if c.id == backend.camera().id]),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _only_item(store: Store) -> OutboxItem:
    [item] = store.outbox.list()
    return item


def test_a_hotline_call_needs_a_valid_phone_and_a_place(
    qtbot: QtBot, backend: Backend, store: Store, opened: list[QWidget]
) -> None:
    dialog = _hotline(qtbot, backend, store, opened)
    assert dialog.camera() is None
    assert dialog.source() is IncidentSource.HOTLINE_12345
    assert dialog.ui.caller_phone_edit.isVisible()
    assert dialog.picked_place() is None  # a caller's place is asked for, not assumed
    dialog.ui.title_edit.setText("井盖缺失")

    for phone, expected in (
        ("", "phone number"),
        ("138-1234-567x", "only digits"),
        ("123456", "7 to 15 digits"),
        ("1234567890123456", "7 to 15 digits"),
        ("１３８１２３４５６７８", "only digits"),  # full-width digits are not sent as typed
    ):
        dialog.ui.caller_phone_edit.setText(phone)
        assert not dialog.submit()
        assert expected in dialog.message(), (phone, dialog.message())
    dialog.ui.caller_phone_edit.setText("+86 138-1234-5678")
    assert not dialog.submit()
    assert "where it happened" in dialog.message()

    dialog.set_location_mode(PICK_COORDINATES)
    for text, expected in (
        ("19.2466", "two decimal numbers"),
        ("north, east", "two decimal numbers"),
        ("110.4665, 19.2466", "latitude first"),
        ("95, 110", "between -90 and 90"),
        ("19.2, 190", "between -180 and 180"),
    ):
        dialog.ui.coordinates_edit.setText(text)
        assert not dialog.submit()
        assert expected in dialog.message(), (text, dialog.message())
    assert store.outbox.list() == []  # nothing half-made was queued

    dialog.ui.coordinates_edit.setText("19.153400，110.581100")  # a full-width comma
    assert dialog.submit(), dialog.message()
    item = _only_item(store)
    assert (item.body["lat"], item.body["lon"]) == (19.1534, 110.5811)
    assert item.body["caller_phone"] == "+8613812345678"
    assert item.body["camera_ids"] == []
    assert item.body["source"] == "hotline_12345"
    assert item.creates is not None
    assert is_local_id(item.creates)
    assert item.entity == f"/incidents/{item.creates}"
    assert dialog.request is not None
    assert dialog.request.local_id == item.creates


def test_the_place_from_a_camera_or_a_region_and_the_caller_masked(
    qtbot: QtBot, backend: Backend, store: Store, opened: list[QWidget]
) -> None:
    camera = backend.camera()
    dialog = _hotline(qtbot, backend, store, opened)
    dialog.ui.title_edit.setText("路灯不亮")
    dialog.ui.caller_name_edit.setText("欧阳明月")
    dialog.ui.caller_phone_edit.setText("13912345678")

    assert dialog.search_cameras("no such camera") == []
    assert dialog.picked_place() is None
    [found] = dialog.search_cameras(camera.id[-4:])
    assert found.id == camera.id
    picked = dialog.picked_place()
    assert picked is not None
    assert picked.camera == camera
    assert dialog.ui.address_edit.text() == camera.name  # follows the pick until typed over
    assert camera.id in dialog.ui.location_value_label.text()

    village: Region = next(r for r in backend.world.regions if r.kind is RegionKind.VILLAGE)
    town = next(r for r in backend.world.regions if r.id == village.parent_id)
    assert dialog.pick_region(village.id)
    assert dialog.ui.address_edit.text() == f"{town.name} / {village.name}"
    dialog.ui.address_edit.setText("村口小卖部旁")
    assert dialog.pick_region(town.id)
    assert dialog.ui.address_edit.text() == "村口小卖部旁"  # the operator's own words stay
    dialog.set_location_mode(PICK_CAMERA)
    assert dialog.picked_place() == picked
    dialog.set_location_mode(PICK_REGION)
    assert dialog.submit(), dialog.message()

    item = _only_item(store)
    assert (item.body["lat"], item.body["lon"]) == (town.center.lat, town.center.lon)
    assert item.body["camera_ids"] == []
    assert item.body["caller_name"] == "欧阳明月"
    assert item.summary == "Raise event: 路灯不亮 (caller 欧**月 139****5678)"
    assert "13912345678" not in item.summary

    # The server takes the caller in full; a reader of the incident sees it.
    client = BackendClient(backend.url)
    try:
        client.login("op", PASSWORDS["op"])
        assert OutboxDelivery(client, store.outbox).run_round().delivered == 1
        created = IncidentOut.model_validate(json.loads(_only_item(store).response_body or ""))
        assert created.caller_phone == "13912345678"
        assert created.caller_name == "欧阳明月"
        assert created.address == "村口小卖部旁"
        assert store.outbox.server_id(item.creates or "") == created.id
    finally:
        client.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_hotline_dialog_screenshot(
    qtbot: QtBot,
    qapp: QApplication,
    backend: Backend,
    store: Store,
    opened: list[QWidget],
    language: str,
    tmp_path: Path,
) -> None:
    """The hotline form as the operator sees it, saved for a look (and not clipped)."""
    if language != "en":
        install_translator(qapp, language)
    try:
        dialog = _hotline(qtbot, backend, store, opened)
        dialog.ui.title_edit.setText("12345 来电：嘉积镇银海路占道经营")
        dialog.ui.caller_name_edit.setText("张三明")
        dialog.ui.caller_phone_edit.setText("138 1234 5678")
        dialog.search_cameras(backend.camera().id[-4:])
        dialog.ui.description_edit.setPlainText("市民来电反映：三辆流动摊贩占用机动车道。")
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        qtbot.wait(50)
        picture = dialog.grab()
        assert not picture.isNull()
        folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        assert picture.save(str(folder / f"raise_hotline_{language}.png"))
        for edit in (dialog.ui.caller_name_edit, dialog.ui.caller_phone_edit):
            assert edit.isVisible()
            assert edit.width() > 100
    finally:
        remove_translators(qapp)
