"""A real server on loopback per test module, backed by SQLite (and PostgreSQL when asked).

``TIANMU_TEST_PG_URL`` (e.g. ``postgresql+psycopg://tianmu:tianmu@127.0.0.1:5432/tianmu_test``)
adds a PostgreSQL run of every test that uses the ``server`` fixture, marked ``postgres``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from console.server.app import create_app
from console.server.live import LiveServer
from console.server.services.cameras import StreamUrls
from console.server.services.world import load_world
from console.server.settings import ServerSettings
from console.wire import IncidentOut
from tests.integration.server.world import PASSWORDS, SmallWorld, small_world

TIMEOUT = 10.0


@dataclass
class Server:
    """A running test server and helpers to call it."""

    live: LiveServer
    app: Any
    world: SmallWorld
    base: str
    media_dir: Path

    def url(self, path: str) -> str:
        return self.base + path

    def token(self, username: str) -> str:
        response = requests.post(
            self.url("/auth/login"),
            json={"username": username, "password": PASSWORDS[username]},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        return str(response.json()["token"])

    def client(self, username: str) -> Client:
        return Client(self, self.token(username))


class Client:
    """A requests session signed in as one user; every call has a timeout."""

    def __init__(self, server: Server, token: str) -> None:
        self.server = server
        self.token = token
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.server.url(path), timeout=TIMEOUT, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.post(self.server.url(path), timeout=TIMEOUT, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.put(self.server.url(path), timeout=TIMEOUT, **kwargs)


def act(client: Client, incident_id: str, **body: object) -> IncidentOut:
    """One life-cycle action that has to succeed; the incident as it stands afterwards."""
    response = client.post(f"/incidents/{incident_id}/actions", json=body)
    assert response.status_code == 200, response.text
    return IncidentOut.model_validate(response.json())


def dispatch(op: Client, incident_id: str, unit_id: str) -> IncidentOut:
    """Accept, file and dispatch a reported incident to ``unit_id``."""
    act(op, incident_id, action="accept")
    act(op, incident_id, action="file", category="garbage", priority=3)
    return act(op, incident_id, action="dispatch", unit_id=unit_id)


def take_to_work(op: Client, unit: Client, incident_id: str, unit_id: str) -> IncidentOut:
    """Dispatch to ``unit_id``, whose desk ``unit`` signs and starts: in progress."""
    dispatch(op, incident_id, unit_id)
    act(unit, incident_id, action="sign")
    return act(unit, incident_id, action="start")


def _resolver(camera_id: str, ordinal: int) -> StreamUrls:
    feed = ordinal % 3
    return StreamUrls(
        main_http=f"http://127.0.0.1:9/feed{feed}/main.ts",
        main_rtsp=f"rtsp://127.0.0.1:9/feed{feed}/main",
        sub_http=f"http://127.0.0.1:9/feed{feed}/sub.ts",
        sub_rtsp=f"rtsp://127.0.0.1:9/feed{feed}/sub",
    )


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _backends() -> list[Any]:
    params: list[Any] = [pytest.param("sqlite", id="sqlite")]
    params.append(
        pytest.param(
            "postgres",
            id="postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not os.environ.get("TIANMU_TEST_PG_URL"), reason="TIANMU_TEST_PG_URL not set"
                ),
            ],
        )
    )
    return params


def start_server(
    tmp: Path, backend: str, **overrides: Any
) -> tuple[LiveServer, Any, SmallWorld, Path]:
    if backend == "postgres":
        url = os.environ["TIANMU_TEST_PG_URL"]
        _reset_postgres(url)
    else:
        url = f"sqlite:///{tmp / 'server.db'}"
    media_dir = tmp / "media"
    settings = ServerSettings(
        database_url=url,
        media_dir=media_dir,
        stream_resolver=_resolver,
        heartbeat_s=1.0,
        event_poll_s=0.5,
        **overrides,
    )
    app = create_app(settings)
    world = small_world()
    with app.state.tianmu.db.write() as session:
        load_world(session, world, password_cost=2**10)
    live = LiveServer(app).start()
    return live, app, world, media_dir


@pytest.fixture(scope="module", params=_backends())
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("server")
    live, app, world, media_dir = start_server(tmp, request.param)
    try:
        yield Server(live, app, world, live.url + "/api/v1", media_dir)
    finally:
        live.stop()
        app.state.tianmu.db.dispose()


@pytest.fixture(scope="module")
def clients(server: Server) -> Callable[[str], Client]:
    cache: dict[str, Client] = {}

    def get(username: str) -> Client:
        if username not in cache:
            cache[username] = server.client(username)
        return cache[username]

    return get


@dataclass(frozen=True)
class SampleMedia:
    jpeg: bytes
    png: bytes
    mp4: bytes


@pytest.fixture(scope="session")
def sample_media(tmp_path_factory: pytest.TempPathFactory) -> SampleMedia:
    """A real JPEG, PNG and MP4 made by ffmpeg from its test pattern."""
    import subprocess

    folder = tmp_path_factory.mktemp("media-samples")
    outputs = {"jpeg": "still.jpg", "png": "still.png", "mp4": "clip.mp4"}
    source = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10"]
    commands = {
        "jpeg": [*source, "-frames:v", "1"],
        "png": [*source, "-frames:v", "1"],
        "mp4": [*source, "-t", "1", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-g", "10"],
    }
    for name, args in commands.items():
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", *args, str(folder / outputs[name])],
            check=True,
            timeout=60,
        )
    return SampleMedia(
        jpeg=(folder / outputs["jpeg"]).read_bytes(),
        png=(folder / outputs["png"]).read_bytes(),
        mp4=(folder / outputs["mp4"]).read_bytes(),
    )


@dataclass(frozen=True)
class Frame:
    """One SSE frame: an event (``id``/``type``/``data``) or a comment (``comment``)."""

    id: int | None = None
    type: str | None = None
    data: str | None = None
    comment: str | None = None


class EventStream:
    """Reads ``GET /events`` on a background thread into ``frames``."""

    def __init__(self, server: Server, token: str, last_event_id: int | None = None) -> None:
        import threading

        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.response = requests.get(
            server.url("/events"), headers=headers, stream=True, timeout=(5, 30)
        )
        self.status = self.response.status_code
        self.frames: list[Frame] = []
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        fields: dict[str, str] = {}
        try:
            for raw in self.response.iter_lines(chunk_size=4096, decode_unicode=True):
                line = raw if isinstance(raw, str) else raw.decode()
                if line == "":
                    if "data" in fields or "event" in fields:
                        frame = Frame(
                            id=int(fields["id"]) if "id" in fields else None,
                            type=fields.get("event"),
                            data=fields.get("data"),
                        )
                        with self._lock:
                            self.frames.append(frame)
                    fields = {}
                elif line.startswith(":"):
                    with self._lock:
                        self.frames.append(Frame(comment=line[1:].strip()))
                else:
                    name, _, value = line.partition(":")
                    fields[name] = value[1:] if value.startswith(" ") else value
        except Exception:
            if not self._closed:
                raise

    def events(self) -> list[Frame]:
        with self._lock:
            return [f for f in self.frames if f.comment is None]

    def comments(self) -> list[str]:
        with self._lock:
            return [f.comment for f in self.frames if f.comment is not None]

    def wait_until(self, predicate: Callable[[EventStream], bool], timeout_s: float = 20) -> None:
        import time

        deadline = time.monotonic() + timeout_s
        while not predicate(self):
            if time.monotonic() > deadline:
                raise AssertionError(f"stream condition not met; {len(self.frames)} frames seen")
            time.sleep(0.02)

    def close(self) -> None:
        self._closed = True
        self.response.close()
        self._thread.join(5)
