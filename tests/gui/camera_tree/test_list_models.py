"""Search results and favourites: flat camera lists over the catalog."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from console.domain.model import CameraStatus
from console.gui.camera_tree.list_models import CameraSearchResultsModel, FavouriteCamerasModel
from console.gui.camera_tree.roles import CAMERA_ID_ROLE, STATUS_ROLE
from console.gui.mime import decode_camera_ids


def attach_tester(model):
    return QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning, model
    )


def test_results_model_passes_model_tester(qapp, qtmodeltester, small_catalog):
    model = CameraSearchResultsModel(small_catalog)
    model.set_query("路口")
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_query("卫生院")
    model.set_query("")
    assert model.rowCount() == 0


def test_results_are_the_matching_cameras_in_tree_order(qapp, world_7500, catalog_7500):
    model = CameraSearchResultsModel(catalog_7500)
    model.set_query("博鳌")
    shown = [model.index(row).data(CAMERA_ID_ROLE) for row in range(model.rowCount())]
    expected = [cid for cid in catalog_7500.camera_ids() if "博鳌" in catalog_7500.camera(cid).name]
    assert shown == expected
    assert model.index(0).data().startswith(catalog_7500.camera(shown[0]).name)


def test_results_follow_status_changes_and_removals(qtbot, small_catalog):
    model = CameraSearchResultsModel(small_catalog, coalesce_ms=10)
    attach_tester(model)
    model.set_query("路口")
    first, second = model.camera_id_at(0), model.camera_id_at(1)
    new_status = (
        CameraStatus.OFFLINE
        if small_catalog.camera(first).status is CameraStatus.ONLINE
        else CameraStatus.ONLINE
    )
    with qtbot.waitSignal(model.dataChanged) as blocker:
        small_catalog.set_status(first, new_status)
    top, bottom, _roles = blocker.args
    assert (top.row(), bottom.row()) == (0, 0)
    assert model.index(0).data(STATUS_ROLE) == new_status.value

    count = model.rowCount()
    small_catalog.remove_camera(first)
    assert model.rowCount() == count - 1
    assert model.camera_id_at(0) == second


def test_results_take_in_a_matching_new_camera(qapp, small_world, small_catalog):
    model = CameraSearchResultsModel(small_catalog)
    attach_tester(model)
    model.set_query("路口")
    count = model.rowCount()
    template = small_world.cameras[0]
    small_catalog.add_camera(replace(template, id="new-a", name="新增路口1号"))
    small_catalog.add_camera(replace(template, id="new-b", name="新增菜市场1号"))
    assert model.rowCount() == count + 1
    assert model.camera_ids() == small_catalog.search("路口")


def test_results_drag_skips_cameras_not_shared(qapp, small_world, small_catalog):
    model = CameraSearchResultsModel(small_catalog)
    model.set_query("号")
    rows = range(model.rowCount())
    hidden_rows = [r for r in rows if model.camera_id_at(r) in small_world.not_shared]
    shared_rows = [r for r in rows if model.camera_id_at(r) not in small_world.not_shared][:4]
    assert hidden_rows
    assert shared_rows
    mime = model.mimeData([model.index(r) for r in [*shared_rows, hidden_rows[0]]])
    assert decode_camera_ids(mime) == [model.camera_id_at(r) for r in shared_rows]
    assert not model.flags(model.index(hidden_rows[0])) & Qt.ItemFlag.ItemIsDragEnabled


def test_favourites_model_follows_the_catalog(qapp, qtmodeltester, small_catalog):
    ids = small_catalog.camera_ids()[:3]
    model = FavouriteCamerasModel(small_catalog)
    qtmodeltester.check(model)
    assert model.rowCount(QModelIndex()) == 0
    for camera_id in ids:
        small_catalog.set_favourite(camera_id, True)
    small_catalog.set_favourite(ids[1], False)
    assert model.camera_ids() == [ids[0], ids[2]]
    small_catalog.remove_camera(ids[0])
    assert model.camera_ids() == [ids[2]]
