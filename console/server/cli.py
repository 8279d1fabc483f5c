"""``tianmu server``: run the reference backend, optionally with the demo world.

``--demo`` builds the deterministic demo world into a fresh SQLite database, starts the
camera simulator (live synthetic feeds) and the field simulator (alerts, units), prints the
demo credentials and URLs, and stops everything on SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import uvicorn

from console.domain.model import CameraStatus
from console.server import log_lines
from console.server.app import create_app
from console.server.demo.field import FieldSimulator
from console.server.demo.incident_watch import IncidentWatch
from console.server.demo.problems import ProblemStage
from console.server.demo.traffic import REGULARS
from console.server.demo.world import World, build_world
from console.server.media import CameraSimulator, make_clips
from console.server.services import recordings
from console.server.services.cameras import StreamResolver, StreamUrls
from console.server.settings import ServerSettings

logger = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    """uvicorn's server, but SIGINT/SIGTERM only ask it to stop: uvicorn itself re-raises
    the signal after shutting down, which would end the process before the simulators (and
    their child processes) are stopped."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self._on_signal) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum: int, frame: object) -> None:
        if self.should_exit and signum == signal.SIGINT:
            self.force_exit = True
        self.should_exit = True


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tianmu server", description="Tianmu reference backend")
    parser.add_argument("--demo", action="store_true", help="serve the simulated demo world")
    parser.add_argument("--seed", type=int, default=7, help="demo world seed (default 7)")
    parser.add_argument("--db", help="database URL (sqlite:///file.db or postgresql+psycopg://...)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--data-dir", type=Path, help="where the database and media live")
    parser.add_argument("--media-dir", type=Path, help="uploaded media (default DATA_DIR/media)")
    parser.add_argument(
        "--alert-rate", type=float, default=6.0, help="demo alerts per minute (default 6)"
    )
    parser.add_argument("--feeds", type=int, default=4, help="live synthetic feeds (default 4)")
    parser.add_argument("--no-media", action="store_true", help="no camera simulator")
    parser.add_argument("--no-field", action="store_true", help="no field simulator")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(list(argv))
    if args.feeds < 1:
        parser.error("--feeds must be at least 1")
    if args.alert_rate < 0:
        parser.error("--alert-rate must not be negative")
    return args


def _default_data_dir() -> Path:
    home = os.environ.get("TIANMU_HOME")
    if home:
        return Path(home) / "server"
    import platformdirs

    return Path(platformdirs.user_data_dir("tianmu")) / "server"


def _fresh_sqlite(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def _feed_resolver(simulator: CameraSimulator) -> StreamResolver:
    feeds = list(simulator.feeds)

    def resolve(camera_id: str, ordinal: int) -> StreamUrls:
        feed = feeds[ordinal % len(feeds)]
        return StreamUrls(
            main_http=feed.main.http,
            main_rtsp=feed.main.rtsp,
            sub_http=feed.sub.http,
            sub_rtsp=feed.sub.rtsp,
        )

    return resolve


def _start_camera_simulator(workdir: Path, feed_names: list[str]) -> CameraSimulator:
    simulator = CameraSimulator(workdir, feed_names)
    simulator.start()
    return simulator


def _start_field_simulator(
    base_url: str,
    world: World,
    seed: int,
    alert_rate: float,
    simulator: CameraSimulator | None,
    problems: ProblemStage | None = None,
) -> FieldSimulator:
    snapshot: Callable[[str], bytes | None] | None = None
    if simulator is not None:
        ordinals = {camera.id: index for index, camera in enumerate(world.cameras)}
        feeds = len(simulator.feeds)

        def snapshot(camera_id: str) -> bytes | None:
            return simulator.snapshot_jpeg(ordinals.get(camera_id, 0) % feeds)

    field = FieldSimulator(
        base_url,
        world,
        seed=seed,
        alert_rate_per_min=alert_rate,
        snapshot=snapshot,
        problems=problems,
    )
    field.start()
    return field


def _print_banner(world: World, base_url: str, simulator: CameraSimulator | None) -> None:
    lines = [
        "",
        f"Tianmu demo server: {base_url}/api/v1  (OpenAPI: {base_url}/api/v1/docs)",
        f"Demo world: {len(world.cameras)} cameras, {len(world.units)} units, seed {world.seed}",
    ]
    if simulator is not None:
        for index, feed in enumerate(simulator.feeds):
            lines.append(f"  feed {index}: {feed.main.http}  {feed.main.rtsp}")
    plates = ", ".join(sorted(REGULARS))
    lines.append(f"Plates on the road every day (vehicle passes): {plates}")
    lines += ["", "Demo credentials (username / password / role):"]
    lines += [f"  {c.username:<16} {c.password:<24} {c.role.value}" for c in world.credentials]
    lines.append("")
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str]) -> int:
    args = _parse(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    data_dir: Path = (args.data_dir or _default_data_dir()).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    media_dir: Path = (args.media_dir or data_dir / "media").resolve()

    world = None
    if args.demo:
        started = time.perf_counter()
        world = build_world(args.seed)
        logger.info("demo world built in %.1f s", time.perf_counter() - started)
    database_url = args.db or (
        _fresh_sqlite(data_dir / "demo.db") if args.demo else f"sqlite:///{data_dir / 'tianmu.db'}"
    )

    camera_simulator: CameraSimulator | None = None
    if args.demo and not args.no_media:
        assert world is not None
        camera_simulator = _start_camera_simulator(data_dir / "feeds", world.feed_names(args.feeds))
    field: FieldSimulator | None = None
    watch: IncidentWatch | None = None
    try:
        settings = ServerSettings(
            database_url=database_url,
            media_dir=media_dir,
            demo=args.demo,
            stream_resolver=_feed_resolver(camera_simulator) if camera_simulator else None,
            traffic_seed=args.seed,
        )
        app = create_app(settings)
        state = app.state.tianmu
        problems: ProblemStage | None = None
        if world is not None:
            _load_if_empty(state, world)
            if camera_simulator is not None:
                # Problems in the world show in the live pictures of the cameras near them.
                problems = ProblemStage(
                    world,
                    feed_count=len(camera_simulator.feeds),
                    show=camera_simulator.show_problems,
                )
                watch = IncidentWatch(state.db, problems).start()
                threading.Thread(
                    target=_record_demo_clips,
                    args=(state, world, data_dir / "clips", args.feeds),
                    name="demo-clips",
                    daemon=True,
                ).start()
        base_url = f"http://{args.host}:{args.port}"
        server = _Server(
            uvicorn.Config(
                app,
                host=args.host,
                port=args.port,
                log_level="warning",
                timeout_graceful_shutdown=3,
            )
        )
        log_lines.install()  # after uvicorn's Config, which sets up uvicorn's handlers
        if world is not None:

            def after_start() -> None:
                nonlocal field
                while not server.started and not server.should_exit:
                    time.sleep(0.05)
                if server.should_exit:
                    return
                _print_banner(world, base_url, camera_simulator)
                if not args.no_field:
                    field = _start_field_simulator(
                        base_url, world, args.seed, args.alert_rate, camera_simulator, problems
                    )

            threading.Thread(target=after_start, name="demo-start", daemon=True).start()
        # SIGINT/SIGTERM make run() return after a graceful shutdown; then we clean up.
        server.run()
        state.db.dispose()
        return 0
    finally:
        if field is not None:
            field.stop()
        if watch is not None:
            watch.stop()
        if camera_simulator is not None:
            camera_simulator.stop()


def _load_if_empty(state: Any, world: World) -> None:
    from sqlalchemy import func, select

    from console.server.db.tables import UserRow
    from console.server.services.world import load_world

    with state.db.write() as session:
        if session.scalar(select(func.count()).select_from(UserRow)):
            logger.info("the database already holds a world; not loading the demo again")
            return
        started = time.perf_counter()
        counts = load_world(session, world)
    logger.info("demo world loaded in %.1f s: %s", time.perf_counter() - started, counts)


def _record_demo_clips(state: Any, world: World, workdir: Path, count: int) -> None:
    """Record a few clips of visible online cameras and make them downloadable recordings."""
    centre = world.command_centre_id
    chosen = [
        camera
        for camera in world.cameras
        if camera.status is CameraStatus.ONLINE
        and (camera.owner_department_id == centre or centre in camera.shared_with)
    ][:count]
    start = (datetime.now(UTC) - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    try:
        clips = make_clips(workdir, [camera.name for camera in chosen], start=start)
        with state.db.write() as session:
            for camera, clip in zip(chosen, clips, strict=True):
                recordings.register(session, camera.id, clip.start, clip.end, clip.path)
    except Exception:
        logger.exception("recording the demo clips failed; no recordings")
        return
    logger.info("registered %s demo recordings", len(clips))
