"""The demo world: deterministic by seed, the right size, and internally consistent."""

from __future__ import annotations

from collections import Counter

import pytest

from console.domain import gbcode
from console.domain.geo import QIONGHAI_BBOX
from console.domain.model import (
    CameraKind,
    CameraStatus,
    RegionKind,
    Role,
    UnitKind,
)
from console.server.demo.world import World, build_world, demo_credentials, is_visible_to

TOWN_NAMES = {
    "嘉积镇",
    "万泉镇",
    "石壁镇",
    "中原镇",
    "博鳌镇",
    "阳江镇",
    "龙江镇",
    "潭门镇",
    "塔洋镇",
    "长坡镇",
    "大路镇",
    "会山镇",
    "彬村山华侨经济区",
}
LINKED_UNIT_NAMES = {
    "公安局",
    "综合行政执法局",
    "交通运输局",
    "消防救援支队",
    "武警中队",
    "应急管理局",
}


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(7)


def test_same_seed_builds_an_identical_world(world: World) -> None:
    assert build_world(7) == world


def test_another_seed_builds_another_world(world: World) -> None:
    other = build_world(8)
    assert other != world
    assert [c.position for c in other.cameras] != [c.position for c in world.cameras]
    assert [r.name for r in other.regions] != [r.name for r in world.regions]


def test_counts(world: World) -> None:
    stats = world.stats()
    assert stats["departments"] == 22
    assert stats["towns"] == 13
    assert stats["villages"] == 209
    assert stats["cameras"] == 7_500
    assert stats["linked_units"] == 6
    assert stats["town_teams"] == 13
    assert len(world.cameras) == 7_500
    assert sum(stats[f"cameras_{kind.value}"] for kind in CameraKind) == 7_500


def test_regions_form_a_city_town_village_tree(world: World) -> None:
    by_id = world.regions_by_id
    (city,) = [r for r in world.regions if r.kind is RegionKind.CITY]
    assert city.code == "469002"
    towns = [r for r in world.regions if r.kind is RegionKind.TOWN]
    assert {t.name for t in towns} == TOWN_NAMES
    for town in towns:
        assert town.parent_id == city.id
        assert len(town.code) == 9
        assert town.code.startswith("469002")
    for village in (r for r in world.regions if r.kind is RegionKind.VILLAGE):
        parent = by_id[village.parent_id or ""]
        assert parent.kind is RegionKind.TOWN
        assert len(village.code) == 12
        assert village.code.startswith(parent.code)
    assert len({r.code for r in world.regions}) == len(world.regions)


def test_village_names_are_unique_within_each_town(world: World) -> None:
    by_town = Counter((r.parent_id, r.name) for r in world.regions if r.kind is RegionKind.VILLAGE)
    assert max(by_town.values()) == 1


def test_jiaji_is_the_urban_core(world: World) -> None:
    towns = {r.name: r for r in world.regions if r.kind is RegionKind.TOWN}
    jiaji = towns["嘉积镇"]
    assert abs(jiaji.center.lat - 19.24) < 0.02
    assert abs(jiaji.center.lon - 110.47) < 0.02
    per_town = Counter(world.town_of(c.region_id).name for c in world.cameras)  # type: ignore[union-attr]
    assert per_town.most_common(1)[0][0] == "嘉积镇"
    assert per_town["嘉积镇"] > 2 * per_town["博鳌镇"] > 0


def test_every_camera_id_is_a_unique_gb28181_code(world: World) -> None:
    ids = [c.id for c in world.cameras]
    assert len(set(ids)) == len(ids)
    for camera_id in ids:
        code = gbcode.parse(camera_id)
        assert code.civil_code == "469002"
        assert code.is_channel


def test_everything_lies_inside_the_city_box(world: World) -> None:
    points = [c.position for c in world.cameras]
    points += [r.center for r in world.regions]
    points += [u.position for u in world.units if u.position is not None]
    outside = [p for p in points if not QIONGHAI_BBOX.contains(p)]
    assert outside == []


def test_every_camera_sits_in_a_town_or_village(world: World) -> None:
    kinds = {world.regions_by_id[c.region_id].kind for c in world.cameras}
    assert kinds <= {RegionKind.TOWN, RegionKind.VILLAGE}
    assert kinds == {RegionKind.TOWN, RegionKind.VILLAGE}


def test_camera_names_are_unique_and_say_where(world: World) -> None:
    names = [c.name for c in world.cameras]
    assert len(set(names)) == len(names)
    airport = [c for c in world.cameras if c.kind is CameraKind.AIRPORT]
    assert airport
    assert all(c.name.startswith("博鳌机场 ") for c in airport)
    town_names = tuple(TOWN_NAMES)
    roads = [c for c in world.cameras if c.kind is CameraKind.ROAD]
    assert all(c.name.startswith(town_names) for c in roads)


def test_sharing_and_status_exercise_the_edge_cases(world: World) -> None:
    centre = world.command_centre_id
    hidden = [c for c in world.cameras if not is_visible_to(c, centre)]
    offline = [c for c in world.cameras if c.status is CameraStatus.OFFLINE]
    assert 0.02 * 7_500 <= len(hidden) <= 0.04 * 7_500
    assert 0.03 * 7_500 <= len(offline) <= 0.05 * 7_500
    police = world.department("police").id
    visible_to_police = sum(is_visible_to(c, police) for c in world.cameras)
    assert visible_to_police == 7_500
    for camera in world.cameras:
        assert camera.owner_department_id not in camera.shared_with
    department_ids = {d.id for d in world.departments}
    assert all(c.owner_department_id in department_ids for c in world.cameras)
    assert all(c.shared_with <= department_ids for c in world.cameras)


def test_owners_follow_the_kind_of_place(world: World) -> None:
    owners: dict[CameraKind, set[str]] = {}
    for camera in world.cameras:
        owners.setdefault(camera.kind, set()).add(camera.owner_department_id)
    assert owners[CameraKind.SCHOOL] == {world.department("education").id}
    assert owners[CameraKind.RAILWAY] == {world.department("railway").id}
    assert owners[CameraKind.AIRPORT] == {world.department("airport").id}
    assert owners[CameraKind.ROAD] == {
        world.department("police").id,
        world.department("transport").id,
    }


def test_departments_have_unique_codes_and_names(world: World) -> None:
    assert len({d.code for d in world.departments}) == 22
    assert len({d.name for d in world.departments}) == 22
    assert all(d.code.isascii() for d in world.departments)
    assert any("综治" in d.name or "综合治理" in d.name for d in world.departments)


def test_unit_tree(world: World) -> None:
    roots = [u for u in world.units if u.parent_id is None]
    assert {u.name for u in roots if u.kind is UnitKind.LINKED_UNIT} == LINKED_UNIT_NAMES
    assert {u.name for u in roots if u.kind is UnitKind.TOWN} == TOWN_NAMES
    assert len(roots) == 19
    for root in roots:
        teams = world.children(root.id)
        assert 2 <= len(teams) <= 4
        for team in teams:
            assert team.kind is UnitKind.TEAM
            members = world.children(team.id)
            assert members
            assert all(m.kind is UnitKind.MEMBER and m.position is not None for m in members)
            assert world.dispatch_root(members[0].id) == root
    assert len({u.id for u in world.units}) == len(world.units)


def test_users_cover_every_role_and_dispatch_root(world: World) -> None:
    roles = Counter(u.role for u in world.users)
    assert roles[Role.ADMIN] >= 1
    assert roles[Role.OPERATOR] >= 2
    assert roles[Role.SUPERVISOR] >= 1
    roots = {u.id for u in world.units if u.parent_id is None}
    unit_users = [u for u in world.users if u.role is Role.UNIT]
    assert {u.unit_id for u in unit_users} == roots
    for root_id in roots:
        member = world.subtree(root_id)[-1]
        user = world.user_for_unit(member.id)
        assert user is not None
        assert user.unit_id == root_id
    credentials = demo_credentials(world)
    assert len(credentials) == len(world.users)
    assert {username for username, _, _ in credentials} == {u.username for u in world.users}
    assert len({password for _, password, _ in credentials}) == len(credentials)


def test_patrol_plans_use_cameras_the_command_centre_can_see(world: World) -> None:
    assert len(world.patrol_plans) >= 4
    names = {p.name for p in world.patrol_plans}
    assert {"嘉积城区主干道巡检", "博鳌机场及海滩", "学校周边", "铁路沿线"} <= names
    for plan in world.patrol_plans:
        assert 20 <= len(plan.camera_ids) <= 60
        assert 8 <= plan.dwell_s <= 15
        assert len(set(plan.camera_ids)) == len(plan.camera_ids)
        for camera_id in plan.camera_ids:
            assert is_visible_to(world.cameras_by_id[camera_id], world.command_centre_id)


def test_feed_names_are_short_and_distinct(world: World) -> None:
    names = world.feed_names(16)
    assert len(names) == 16
    assert len(set(names)) == 16
    assert all(0 < len(name) <= 16 for name in names)


def test_a_small_catalogue_keeps_the_rest_of_the_world() -> None:
    small = build_world(7, camera_count=200)
    stats = small.stats()
    assert stats["cameras"] == 200
    assert stats["villages"] == 209
    assert stats["linked_units"] == 6
    assert len({c.id for c in small.cameras}) == 200
    for plan in small.patrol_plans:
        assert plan.camera_ids
        assert set(plan.camera_ids) <= set(small.cameras_by_id)
    with pytest.raises(ValueError, match="camera_count"):
        build_world(7, camera_count=0)
