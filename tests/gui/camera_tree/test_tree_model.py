"""CameraTreeModel: model invariants, counts, status updates, dragging."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from console.catalog.cameras import CameraCatalog
from console.domain.model import CameraStatus
from console.gui.camera_tree.icons import TreeIcon, tree_icon
from console.gui.camera_tree.roles import (
    CAMERA_ID_ROLE,
    COUNTS_ROLE,
    REGION_ID_ROLE,
    SORT_KEY_ROLE,
    STATUS_ROLE,
)
from console.gui.camera_tree.tree_model import CameraTreeModel
from console.gui.mime import CAMERA_IDS_MIME, decode_camera_ids

CITY_ID = "469002000000"


def same_icon(left: QIcon, right: QIcon) -> bool:
    return left.pixmap(16, 16).toImage() == right.pixmap(16, 16).toImage()


def test_model_tester_passes(qapp, qtmodeltester, small_catalog):
    model = CameraTreeModel(small_catalog)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # Qt's own tester stays attached for the changes below
    online = next(cid for cid in small_catalog.camera_ids()
                  if small_catalog.camera(cid).status is CameraStatus.ONLINE)  # fmt: skip
    small_catalog.set_status(online, CameraStatus.OFFLINE)
    model.flush_changes()
    template = small_catalog.camera(online)
    small_catalog.add_camera(replace(template, id="new-1", name="新增路口1号"))
    small_catalog.remove_camera(online)
    small_catalog.remove_camera("new-1")


def test_regions_show_online_and_total_counts(qapp, world_7500, catalog_7500):
    model = CameraTreeModel(catalog_7500)
    assert model.rowCount() == 1
    city = model.index(0, 0)
    online, total = catalog_7500.counts(CITY_ID)
    assert total == 7_500
    assert online == sum(c.status is CameraStatus.ONLINE for c in world_7500.cameras)
    assert city.data() == f"琼海市 ({online}/{total})"
    assert city.data(COUNTS_ROLE) == (online, total)
    assert city.data(REGION_ID_ROLE) == CITY_ID
    assert model.rowCount(city) == 13
    towns = [model.index(row, 0, city) for row in range(13)]
    assert sum(t.data(COUNTS_ROLE)[1] for t in towns) == 7_500
    assert all(same_icon(t.data(Qt.ItemDataRole.DecorationRole), tree_icon(TreeIcon.REGION))
               for t in towns)  # fmt: skip


def test_every_camera_row_is_reachable(qapp, world_7500, catalog_7500):
    model = CameraTreeModel(catalog_7500)
    seen: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            camera_id = index.data(CAMERA_ID_ROLE)
            if camera_id is None:
                walk(index)
            else:
                seen.append(camera_id)
                assert index.data() == catalog_7500.camera(camera_id).name
                assert model.parent(index).data(REGION_ID_ROLE) == (
                    catalog_7500.camera(camera_id).region_id
                )

    walk(QModelIndex())
    assert sorted(seen) == sorted(c.id for c in world_7500.cameras)
    assert seen == catalog_7500.camera_ids()


def test_camera_rows_carry_icons_roles_and_tooltips(qapp, small_world, small_catalog):
    model = CameraTreeModel(small_catalog)
    online = next(c for c in small_world.cameras
                  if c.status is CameraStatus.ONLINE and c.id not in small_world.not_shared)  # fmt: skip
    offline = next(c for c in small_world.cameras
                   if c.status is CameraStatus.OFFLINE and c.id not in small_world.not_shared)  # fmt: skip
    hidden = next(iter(small_world.not_shared))
    cases = [
        (online.id, TreeIcon.CAMERA_ONLINE),
        (offline.id, TreeIcon.CAMERA_OFFLINE),
        (hidden, TreeIcon.CAMERA_NOT_SHARED),
    ]
    for camera_id, icon in cases:
        index = model.index_of_camera(camera_id)
        assert same_icon(index.data(Qt.ItemDataRole.DecorationRole), tree_icon(icon))
        assert camera_id in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data(SORT_KEY_ROLE) == small_catalog.camera_node(camera_id).sort_key
    assert model.index_of_camera(online.id).data(STATUS_ROLE) == "online"
    assert model.index_of_camera(online.id).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index_of_camera(hidden).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_status_change_updates_row_and_ancestor_counts_once(qtbot, small_world, small_catalog):
    model = CameraTreeModel(small_catalog, coalesce_ms=20)
    camera = next(c for c in small_world.cameras
                  if c.status is CameraStatus.ONLINE and c.id not in small_world.not_shared)  # fmt: skip
    index = model.index_of_camera(camera.id)
    ancestors = []
    parent = index.parent()
    while parent.isValid():
        ancestors.append((parent.data(REGION_ID_ROLE), parent.data(COUNTS_ROLE)))
        parent = parent.parent()

    changed: list[tuple[str | None, str | None]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changed.append(
            (
                top.data(CAMERA_ID_ROLE) or top.data(REGION_ID_ROLE),
                bottom.data(CAMERA_ID_ROLE) or bottom.data(REGION_ID_ROLE),
            )  # fmt: skip
        )
    )
    # A burst: off, on, off again; the model reports once, after the burst.
    small_catalog.set_status(camera.id, CameraStatus.OFFLINE)
    small_catalog.set_status(camera.id, CameraStatus.ONLINE)
    small_catalog.set_status(camera.id, CameraStatus.OFFLINE)
    assert changed == []
    qtbot.waitUntil(lambda: len(changed) >= 1 + len(ancestors))

    assert sorted(changed) == sorted(
        [(camera.id, camera.id)] + [(rid, rid) for rid, _ in ancestors]
    )
    assert same_icon(index.data(Qt.ItemDataRole.DecorationRole), tree_icon(TreeIcon.CAMERA_OFFLINE))
    for region_id, (online, total) in ancestors:
        region_index = model.index_of_region(region_id)
        assert region_index.data(COUNTS_ROLE) == (online - 1, total)
        name = small_catalog.region(region_id).name
        assert region_index.data() == f"{name} ({online - 1}/{total})"


def test_neighbouring_changes_coalesce_into_one_range(qtbot, small_catalog):
    model = CameraTreeModel(small_catalog, coalesce_ms=10_000)
    village = next(n for n in small_catalog.roots[0].children[0].children if len(n.children) >= 3)
    ids = [n.item_id for n in village.children[:3]]
    small_catalog.set_statuses(dict.fromkeys(ids, CameraStatus.OFFLINE))
    small_catalog.set_statuses(dict.fromkeys(ids, CameraStatus.ONLINE))
    small_catalog.set_statuses(dict.fromkeys(ids, CameraStatus.OFFLINE))
    ranges = []
    model.dataChanged.connect(
        lambda top, bottom, roles: ranges.append((top.row(), bottom.row(), top.parent()))
    )
    model.flush_changes()
    camera_ranges = [(a, b) for a, b, p in ranges if p.data(REGION_ID_ROLE) == village.item_id]
    assert camera_ranges == [(0, 2)]


def test_drag_payload_carries_the_selected_shared_cameras(qapp, small_world, small_catalog):
    model = CameraTreeModel(small_catalog)
    shared = [cid for cid in small_catalog.camera_ids() if cid not in small_world.not_shared][:3]
    hidden = next(iter(small_world.not_shared))
    indexes = [model.index_of_camera(cid) for cid in [*shared, hidden]]
    indexes.append(model.index(0, 0))  # a region row rides along but adds nothing

    mime = model.mimeData(indexes)

    assert model.mimeTypes() == [CAMERA_IDS_MIME, "text/plain"]
    assert decode_camera_ids(mime) == shared
    assert mime.text().splitlines() == shared
    assert model.flags(model.index_of_camera(shared[0])) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index_of_camera(hidden)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.mimeData([model.index_of_camera(hidden)]) is None


@pytest.mark.parametrize("shared", [True, False])
def test_sharing_change_toggles_dragging(qapp, small_catalog, shared):
    model = CameraTreeModel(small_catalog)
    camera_id = small_catalog.camera_ids()[0]
    small_catalog.set_shared(camera_id, not shared)
    small_catalog.set_shared(camera_id, shared)
    draggable = bool(model.flags(model.index_of_camera(camera_id)) & Qt.ItemFlag.ItemIsDragEnabled)
    assert draggable is shared


def test_model_forgets_catalog_when_deleted(qapp, small_catalog):
    model = CameraTreeModel(small_catalog)
    assert len(small_catalog._live_observers()) == 1
    del model
    gc.collect()
    assert small_catalog._live_observers() == []


def test_catalog_type_is_plain_python():
    import console.catalog.cameras as catalog_module

    assert not any(name.startswith("PySide6") for name in vars(catalog_module))
    assert CameraCatalog.__module__ == "console.catalog.cameras"
