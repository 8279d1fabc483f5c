"""Plate searches over the real server: passes in time order at visible checkpoints only,
spellings of one plate agree, bad plates are refused with the reason, snapshots follow the
camera rule, and every search is audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.domain.model import CameraKind
from console.domain.vehicles import Compass
from console.server.demo.plate_snapshot import snapshot_png
from console.server.demo.traffic import LOCAL_TIME
from tests.integration.server.conftest import Client, Server
from tests.integration.server.world import CENTRE, POLICE

PLATE = "琼C·12345"
# One fixed week, so every search below asks the same question.
UNTIL = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
SINCE = UNTIL - timedelta(days=7)
WINDOW = {"since": SINCE.isoformat(), "until": UNTIL.isoformat()}


def _passes(client: Client, plate: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/vehicle-passes", params={"plate": plate, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.fixture(scope="module")
def admin_week(clients: Callable[[str], Client]) -> list[dict[str, Any]]:
    return _passes(clients("admin"), PLATE, **WINDOW)


def test_passes_are_checkpoint_sightings_in_time_order(
    server: Server, admin_week: list[dict[str, Any]]
) -> None:
    assert len(admin_week) >= 3
    times = [datetime.fromisoformat(p["time"]) for p in admin_week]
    assert times == sorted(times)
    assert all(SINCE <= t <= UNTIL for t in times)
    cameras = {c.id: c for c in server.world.cameras}
    for item in admin_week:
        camera = cameras[item["camera_id"]]
        assert camera.kind is CameraKind.CHECKPOINT
        assert item["checkpoint_id"] == camera.id
        assert item["checkpoint_name"] == camera.name
        assert (item["lat"], item["lon"]) == (camera.position.lat, camera.position.lon)
        assert item["plate"] == PLATE
        assert Compass(item["direction"])
        assert item["snapshot_media_id"]
    assert len({p["id"] for p in admin_week}) == len(admin_week)


@pytest.mark.parametrize(
    "spelling",
    ["琼c12345", " 琼C 12345 ", "琼C・12345", "琼C･12345", "琼Ｃ１２３４５", "琼C-12345"],
)
def test_every_spelling_of_a_plate_finds_the_same_passes(
    clients: Callable[[str], Client], admin_week: list[dict[str, Any]], spelling: str
) -> None:
    response = clients("admin").get("/vehicle-passes", params={"plate": spelling, **WINDOW})
    assert response.status_code == 200, response.text
    assert response.json()["plate"] == PLATE
    assert response.json()["items"] == admin_week


def test_the_same_question_gets_the_same_answer_and_other_plates_differ(
    clients: Callable[[str], Client], admin_week: list[dict[str, Any]]
) -> None:
    admin = clients("admin")
    assert _passes(admin, PLATE, **WINDOW) == admin_week
    other = _passes(admin, "琼A·88888", **WINDOW)
    assert other
    assert [p["time"] for p in other] != [p["time"] for p in admin_week]


def test_a_narrower_window_gives_the_passes_inside_it(
    clients: Callable[[str], Client], admin_week: list[dict[str, Any]]
) -> None:
    middle = SINCE + timedelta(days=3)
    narrow = _passes(clients("admin"), PLATE, since=middle.isoformat(), until=UNTIL.isoformat())
    expected = [p for p in admin_week if datetime.fromisoformat(p["time"]) >= middle]
    assert narrow == expected


@pytest.mark.parametrize(
    ("plate", "reason"),
    [
        ("XC12345", "province"),
        ("琼12345", "letter"),
        ("琼C·123", "5 characters"),
        ("琼C·1234O", "except I and O"),
        ("   ", "empty"),
    ],
)
def test_a_bad_plate_is_refused_with_the_reason(
    clients: Callable[[str], Client], plate: str, reason: str
) -> None:
    response = clients("op").get("/vehicle-passes", params={"plate": plate})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    (field,) = error["fields"]
    assert field["field"] == "plate"
    assert reason in field["message"]


def test_a_plate_from_another_province_has_no_passes(clients: Callable[[str], Client]) -> None:
    response = clients("admin").get("/vehicle-passes", params={"plate": "粤B·12345", **WINDOW})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_the_window_is_checked(clients: Callable[[str], Client]) -> None:
    op = clients("op")
    backwards = {"since": UNTIL.isoformat(), "until": SINCE.isoformat()}
    assert op.get("/vehicle-passes", params={"plate": PLATE, **backwards}).status_code == 422
    too_long = {"since": (UNTIL - timedelta(days=40)).isoformat(), "until": UNTIL.isoformat()}
    answer = op.get("/vehicle-passes", params={"plate": PLATE, **too_long})
    assert answer.status_code == 422
    assert "31 days" in answer.text
    naive = {"since": SINCE.replace(tzinfo=None).isoformat()}
    assert op.get("/vehicle-passes", params={"plate": PLATE, **naive}).status_code == 422


def test_the_default_window_is_the_last_day(clients: Callable[[str], Client]) -> None:
    body = clients("admin").get("/vehicle-passes", params={"plate": PLATE}).json()
    since, until = datetime.fromisoformat(body["since"]), datetime.fromisoformat(body["until"])
    assert until - since == timedelta(hours=24)
    assert abs(until - datetime.now(UTC)) < timedelta(minutes=5)
    assert all(since <= datetime.fromisoformat(p["time"]) <= until for p in body["items"])


@pytest.mark.parametrize(("username", "department"), [("op", CENTRE), ("op2", POLICE)])
def test_a_user_sees_only_passes_at_checkpoints_it_may_see(
    server: Server,
    clients: Callable[[str], Client],
    admin_week: list[dict[str, Any]],
    username: str,
    department: str,
) -> None:
    visible = server.world.cameras_visible_to(department)
    mine = _passes(clients(username), PLATE, **WINDOW)
    assert mine == [p for p in admin_week if p["camera_id"] in visible]
    assert len(mine) < len(admin_week)


def test_the_snapshot_shows_the_plate_and_follows_the_camera_rule(
    server: Server, clients: Callable[[str], Client]
) -> None:
    op_passes = _passes(clients("op"), PLATE, **WINDOW)
    assert op_passes, "the operator's visible checkpoint saw no pass this week"
    item = op_passes[0]
    answer = clients("op").get(f"/media/{item['snapshot_media_id']}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/png"
    taken = datetime.fromisoformat(item["time"]).astimezone(LOCAL_TIME)
    drawn = snapshot_png(PLATE, taken, item["checkpoint_name"], shade=int(item["id"][:4], 16))
    assert answer.content == drawn
    visible_to_urban = server.world.cameras_visible_to("dept-urban")
    assert item["camera_id"] not in visible_to_urban
    assert clients("urban").get(f"/media/{item['snapshot_media_id']}").status_code == 404


def test_every_search_is_audited(clients: Callable[[str], Client]) -> None:
    op = clients("op")
    found = _passes(op, "琼A·66666", **WINDOW)
    _passes(op, "粤B·00001", **WINDOW)
    lines = clients("sup").get(
        "/audit", params={"action": "vehicle_pass.search", "actor_id": "user-op", "limit": 100}
    )
    assert lines.status_code == 200, lines.text
    by_plate = {line["entity_id"]: line for line in lines.json()["items"]}
    assert by_plate["琼A·66666"]["detail"]["passes"] == len(found)
    assert by_plate["粤B·00001"]["detail"]["passes"] == 0
    assert by_plate["琼A·66666"]["entity_type"] == "plate"
