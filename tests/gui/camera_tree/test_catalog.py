"""CameraCatalog: structure, counts, search and changes, checked against brute force."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from console.catalog.cameras import CameraCatalog, CatalogObserver, NodeKind
from console.domain.model import CameraStatus

CITY_ID = "469002000000"


def brute_force_search(world, query: str) -> set[str]:
    needle = unicodedata.normalize("NFKC", query.strip()).lower()
    return {
        c.id
        for c in world.cameras
        if needle in unicodedata.normalize("NFKC", c.name).lower() or needle in c.id.lower()
    }


def tree_order(catalog: CameraCatalog) -> list[str]:
    """Camera ids by walking the node tree depth-first (independent of the search index)."""
    order: list[str] = []

    def walk(nodes):
        for node in nodes:
            if node.kind is NodeKind.CAMERA:
                order.append(node.item_id)
            else:
                walk(node.children)

    walk(catalog.roots)
    return order


def brute_force_counts(world, catalog: CameraCatalog, region_id: str) -> tuple[int, int]:
    online = total = 0
    for camera in world.cameras:
        path_ids = {r.id for r in catalog.region_path(camera.id)}
        if region_id in path_ids:
            total += 1
            online += camera.status is CameraStatus.ONLINE
    return online, total


def test_every_camera_hangs_once_under_its_region(world_7500, catalog_7500):
    assert len(catalog_7500) == 7_500
    order = tree_order(catalog_7500)
    assert sorted(order) == sorted(c.id for c in world_7500.cameras)
    for camera in world_7500.cameras[:500]:
        node = catalog_7500.camera_node(camera.id)
        assert node.parent is not None
        assert node.parent.item_id == camera.region_id
        assert node.parent.children[node.row] is node


def test_some_cameras_hang_directly_on_a_town(world_7500, catalog_7500):
    town_ids = {r.id for r in world_7500.regions if r.kind == "town"}
    assert any(c.region_id in town_ids for c in world_7500.cameras)
    town = catalog_7500.region_node(next(iter(town_ids)))
    kinds = [child.kind for child in town.children]
    # villages first, then the town's own cameras
    assert kinds == sorted(kinds, key=lambda k: k is NodeKind.CAMERA)


def test_cameras_sort_in_natural_order_within_a_region(world_7500):
    village_id = world_7500.regions[20].id
    template = world_7500.cameras[0]
    names = ["摄像头10", "摄像头2", "摄像头1", "Camera b", "camera A"]
    cameras = [
        replace(template, id=f"id{i}", name=name, region_id=village_id)
        for i, name in enumerate(names)
    ]
    catalog = CameraCatalog(world_7500.regions, cameras)
    village = catalog.region_node(village_id)
    shown = [catalog.camera(n.item_id).name for n in village.children]
    assert shown == ["camera A", "Camera b", "摄像头1", "摄像头2", "摄像头10"]


def test_counts_match_brute_force(world_7500, catalog_7500):
    assert catalog_7500.counts(CITY_ID) == brute_force_counts(world_7500, catalog_7500, CITY_ID)
    for region in world_7500.regions[1:20]:
        expected = brute_force_counts(world_7500, catalog_7500, region.id)
        assert catalog_7500.counts(region.id) == expected


@pytest.mark.parametrize(
    "query",
    [
        "路口",
        "路口1",
        "博鳌",
        "t1",
        "T1",
        "ｔ１",
        "4690020",
        "  卫生院 ",
        "号",
        "不存在的名字",
        "00001",
    ],
)
def test_search_matches_brute_force_in_tree_order(world_7500, catalog_7500, query):
    found = catalog_7500.search(query)
    assert set(found) == brute_force_search(world_7500, query)
    order = tree_order(catalog_7500)
    position = {cid: i for i, cid in enumerate(order)}
    assert found == sorted(found, key=position.__getitem__)


def test_search_while_typing_agrees_with_fresh_searches(world_7500, catalog_7500):
    typed = ""
    for char in "路口12号":
        typed += char
        assert set(catalog_7500.search(typed)) == brute_force_search(world_7500, typed)
    for query in ["路口12号", "路口1", "路", "4", "46", "469", "博鳌镇"]:
        assert set(catalog_7500.search(query)) == brute_force_search(world_7500, query)


def test_blank_query_matches_nothing(catalog_7500):
    assert catalog_7500.search("") == []
    assert catalog_7500.search("   ") == []


def test_status_change_moves_counts_up_the_tree(world_7500, catalog_7500):
    camera = next(c for c in world_7500.cameras if c.status is CameraStatus.ONLINE)
    path = [r.id for r in catalog_7500.region_path(camera.id)]
    before = {rid: catalog_7500.counts(rid) for rid in path}
    assert catalog_7500.set_status(camera.id, CameraStatus.OFFLINE)
    for rid in path:
        online, total = before[rid]
        assert catalog_7500.counts(rid) == (online - 1, total)
    assert not catalog_7500.set_status(camera.id, CameraStatus.OFFLINE)
    assert catalog_7500.set_status(camera.id, CameraStatus.ONLINE)
    assert {rid: catalog_7500.counts(rid) for rid in path} == before


class RecordingObserver(CatalogObserver):
    def __init__(self, catalog: CameraCatalog) -> None:
        self.catalog = catalog
        self.events: list[tuple] = []

    def camera_will_be_added(self, parent, row):
        self.events.append(("will_add", parent.item_id, row, len(parent.children)))

    def camera_was_added(self, node):
        self.events.append(("added", node.item_id, node.row))

    def camera_will_be_removed(self, node):
        present = node.item_id in self.catalog
        self.events.append(("will_remove", node.item_id, node.row, present))

    def camera_was_removed(self, camera_id):
        self.events.append(("removed", camera_id, camera_id in self.catalog))

    def cameras_changed(self, camera_ids):
        self.events.append(("changed", tuple(camera_ids)))

    def favourites_changed(self, camera_ids):
        self.events.append(("favourites", tuple(camera_ids)))


def test_add_and_remove_without_rebuild(world_7500, catalog_7500):
    observer = RecordingObserver(catalog_7500)
    catalog_7500.add_observer(observer)
    template = world_7500.cameras[42]
    new = replace(
        template, id="46900209991320999999", name="新建路口0号", status=CameraStatus.ONLINE
    )
    parent = catalog_7500.region_node(template.region_id)
    size_before = len(parent.children)
    city_before = catalog_7500.counts(CITY_ID)

    catalog_7500.add_camera(new)

    will_add, added = observer.events
    assert will_add[:2] == ("will_add", template.region_id)
    assert will_add[3] == size_before  # told before the insertion happened
    assert added == ("added", new.id, will_add[2])
    assert catalog_7500.counts(CITY_ID) == (city_before[0] + 1, city_before[1] + 1)
    assert tree_order(catalog_7500) == catalog_7500.camera_ids()
    assert new.id in catalog_7500.search("新建路口")
    keys = [n.sort_key for n in parent.children if n.kind is NodeKind.CAMERA]
    assert keys == sorted(keys)

    observer.events.clear()
    catalog_7500.remove_camera(new.id)
    assert observer.events == [
        ("will_remove", new.id, will_add[2], True),
        ("removed", new.id, False),
    ]
    assert catalog_7500.counts(CITY_ID) == city_before
    assert catalog_7500.search("新建路口") == []
    assert tree_order(catalog_7500) == catalog_7500.camera_ids()
    assert [n.row for n in parent.children] == list(range(len(parent.children)))


def test_camera_added_last_in_the_tree_goes_last_in_search_order(world_7500, catalog_7500):
    last_region = catalog_7500.roots[-1]
    while last_region.children and last_region.children[-1].kind is NodeKind.REGION:
        last_region = last_region.children[-1]
    template = world_7500.cameras[0]
    new = replace(
        template, id="46900209991320999998", name="龘龘最后", region_id=last_region.item_id
    )
    catalog_7500.add_camera(new)
    assert catalog_7500.camera_ids()[-1] == new.id
    assert tree_order(catalog_7500) == catalog_7500.camera_ids()


def test_add_camera_to_unknown_region_is_refused(world_7500, catalog_7500):
    stray = replace(world_7500.cameras[0], id="x", region_id="nowhere")
    with pytest.raises(KeyError):
        catalog_7500.add_camera(stray)


def test_favourites_keep_their_order_and_notify(world_7500):
    ids = [c.id for c in world_7500.cameras[:3]]
    catalog = CameraCatalog(
        world_7500.regions, world_7500.cameras, favourites=[ids[2], ids[0], "unknown"]
    )
    assert catalog.favourites() == [ids[2], ids[0]]
    observer = RecordingObserver(catalog)
    catalog.add_observer(observer)
    assert catalog.set_favourite(ids[1], True)
    assert not catalog.set_favourite(ids[1], True)
    assert observer.events == [("changed", (ids[1],)), ("favourites", (ids[2], ids[0], ids[1]))]
    catalog.remove_camera(ids[0])
    assert catalog.favourites() == [ids[2], ids[1]]


def test_observers_are_held_weakly(catalog_7500, world_7500):
    observer = RecordingObserver(catalog_7500)
    catalog_7500.add_observer(observer)
    del observer
    catalog_7500.set_status(world_7500.cameras[0].id, CameraStatus.OFFLINE)
    assert catalog_7500._live_observers() == []


def test_duplicate_camera_ids_keep_the_first(world_7500):
    first = world_7500.cameras[0]
    twin = replace(first, name="重复的名字")
    catalog = CameraCatalog(world_7500.regions, [first, twin, world_7500.cameras[1]])
    assert len(catalog) == 2
    assert catalog.camera(first.id).name == first.name
    assert tree_order(catalog) == catalog.camera_ids()
    assert len(tree_order(catalog)) == 2


def test_unknown_region_cameras_are_left_out(world_7500):
    stray = replace(world_7500.cameras[0], id="stray", region_id="nowhere")
    catalog = CameraCatalog(world_7500.regions, [*world_7500.cameras[1:10], stray])
    assert "stray" not in catalog
    assert len(catalog) == 9
