"""The real reference server with the full demo world, on loopback, for console tests.

``start_demo_server(folder)`` builds the deterministic demo world (7,500 cameras, demo users
with their public ``demo-<username>`` passwords), loads it into a fresh SQLite file under
``folder`` and serves it with uvicorn in a background thread of this process. ``extra_users``
adds sign-ins (a canary password, say) by giving a demo username a password of your choosing.

``stop()`` takes the server away (the console then sees connection refused, as in an outage)
and ``restart()`` brings it back on the same port with the same data.

By default the server hands out no stream addresses (``GET /cameras/{id}/streams`` answers
503 ``no_media``), which keeps it cheap. ``live_feeds=N`` starts the real camera simulator
(ffmpeg encoders behind the stream host, as ``tianmu server --demo`` does) with N feeds and
serves camera ``k``'s streams from feed ``k % N``; ``feed_options`` go to ``CameraSimulator``
(``main_fps``, ``main_size``, ...; a low main frame rate saves CPU). ``close()`` stops it.
With live feeds, ``problems`` is the demo world's ``ProblemStage``: problems placed there (or
at an incident's place when it is raised) show in the pictures of the nearest cameras until
``problems.fix(incident_id)``; pass it to a ``FieldSimulator(problems=...)``.

Load it by path, since tests/ is not a package on sys.path::

    spec = importlib.util.spec_from_file_location("tianmu_tests_live_server", PATH)

Typical use is one server per test session (building the world takes a few seconds).
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from console.server.app import create_app
from console.server.demo.incident_watch import IncidentWatch
from console.server.demo.problems import ProblemStage
from console.server.demo.world import World, build_world
from console.server.live import LiveServer
from console.server.media import CameraSimulator
from console.server.services.cameras import StreamResolver, StreamUrls
from console.server.services.world import load_world
from console.server.settings import ServerSettings

logger = logging.getLogger(__name__)

TIMEOUT_S = 10.0
# Demo passwords are public; hashing them at full strength only slows the tests down.
_TEST_PASSWORD_COST = 2**10


@dataclass
class LiveDemoServer:
    """A running demo server: its base ``url`` (``http://127.0.0.1:PORT``) and ``api`` root."""

    app: Any
    world: World
    passwords: dict[str, str]
    _live: LiveServer | None = field(default=None, repr=False)
    port: int = 0
    simulator: CameraSimulator | None = field(default=None, repr=False)
    problems: ProblemStage | None = field(default=None, repr=False)
    _watch: IncidentWatch | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return f"{self.url}/api/v1"

    def password(self, username: str) -> str:
        return self.passwords[username]

    def token(self, username: str) -> str:
        """Sign in over HTTP (as a second workstation would) and return the token."""
        response = requests.post(
            f"{self.api}/auth/login",
            json={"username": username, "password": self.passwords[username]},
            timeout=TIMEOUT_S,
        )
        response.raise_for_status()
        return str(response.json()["token"])

    def visible_camera_count(self, username: str) -> int:
        response = requests.get(
            f"{self.api}/cameras",
            params={"limit": 1},
            headers={"Authorization": f"Bearer {self.token(username)}"},
            timeout=TIMEOUT_S,
        )
        response.raise_for_status()
        return int(response.json()["total"])

    @property
    def running(self) -> bool:
        return self._live is not None

    def stop(self) -> None:
        """Stop serving (connections are refused until ``restart``)."""
        if self._live is not None:
            self._live.stop()
            self._live = None

    def restart(self) -> None:
        """Serve again on the same port, with the same database."""
        if self._live is not None:
            return
        deadline = time.monotonic() + 10.0
        while True:
            try:
                self._live = LiveServer(self.app, port=self.port).start()
                return
            except (OSError, RuntimeError):
                # The old socket may linger for a moment after stop().
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def close(self) -> None:
        self.stop()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None
        self.app.state.tianmu.db.dispose()


def _feed_resolver(simulator: CameraSimulator) -> StreamResolver:
    feeds = simulator.feeds

    def resolve(camera_id: str, ordinal: int) -> StreamUrls:
        feed = feeds[ordinal % len(feeds)]
        return StreamUrls(
            main_http=feed.main.http,
            main_rtsp=feed.main.rtsp,
            sub_http=feed.sub.http,
            sub_rtsp=feed.sub.rtsp,
        )

    return resolve


def start_demo_server(
    folder: Path,
    *,
    extra_users: Mapping[str, str] | None = None,
    camera_count: int | None = None,
    world: World | None = None,
    live_feeds: int = 0,
    feed_options: Mapping[str, Any] | None = None,
) -> LiveDemoServer:
    """Build (or reuse ``world``), load and serve the demo world; see the module docstring.

    ``extra_users`` maps existing demo usernames to replacement passwords; ``live_feeds``
    (with ``feed_options``) starts the camera simulator.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if world is None:
        world = build_world() if camera_count is None else build_world(camera_count=camera_count)
    credentials = tuple(
        dataclasses.replace(c, password=(extra_users or {}).get(c.username, c.password))
        for c in world.credentials
    )
    world = dataclasses.replace(world, credentials=credentials)
    simulator: CameraSimulator | None = None
    if live_feeds > 0:
        simulator = CameraSimulator(
            folder / "feeds", world.feed_names(live_feeds), **dict(feed_options or {})
        )
        simulator.start(timeout=60)
    try:
        settings = ServerSettings(
            database_url=f"sqlite:///{folder / 'server.db'}",
            media_dir=folder / "media",
            demo=True,
            heartbeat_s=1.0,
            event_poll_s=0.5,
            stream_resolver=_feed_resolver(simulator) if simulator is not None else None,
        )
        app = create_app(settings)
        with app.state.tianmu.db.write() as session:
            load_world(session, world, password_cost=_TEST_PASSWORD_COST)
        problems = watch = None
        if simulator is not None:
            problems = ProblemStage(
                world, feed_count=len(simulator.feeds), show=simulator.show_problems
            )
            watch = IncidentWatch(app.state.tianmu.db, problems).start()
        live = LiveServer(app).start()
    except BaseException:
        if simulator is not None:
            simulator.stop()
        raise
    server = LiveDemoServer(
        app=app,
        world=world,
        passwords={c.username: c.password for c in credentials},
        _live=live,
        port=live.port,
        simulator=simulator,
        problems=problems,
        _watch=watch,
    )
    logger.info("demo server for tests at %s", server.url)
    return server


# Feeds kept cheap for GUI tests that need live video: small main streams at a low rate.
CHEAP_FEED_OPTIONS: Mapping[str, Any] = {
    "main_fps": 5,
    "main_size": (640, 360),
    "sub_fps": 12.5,
    "sub_size": (480, 270),
}


def serve_live_demo(folder: Path, feeds: int, purpose: str) -> Iterator[LiveDemoServer]:
    """A module fixture's body: the demo world of 300 cameras with ``feeds`` cheap live
    feeds, closed at the end. ``purpose`` names the tests in the failure without ffmpeg."""
    if shutil.which("ffmpeg") is None:
        raise RuntimeError(f"ffmpeg is needed for the {purpose}")
    server = start_demo_server(
        folder, camera_count=300, live_feeds=feeds, feed_options=CHEAP_FEED_OPTIONS
    )
    try:
        yield server
    finally:
        server.close()
