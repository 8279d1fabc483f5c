"""Alert burst: detections at 50 a second for a minute into a signed-in console.

The reference server runs in a child process over a seeded demo database. Detectors, in a
child process of their own (they stand for other machines), post alerts through its real
ingest endpoint (``POST /alerts``, as the administrator) from two threads, 25 a second each,
without a detection time, so the server stamps the moment of ingest. The console runs in this
process as an operator uses it: services, sign-in through the login dialog, the main window
with its event stream and the Alerts dock.

``measure(quick)`` returns, and prints nothing:

* ``alert_burst_lateness_p99_ms`` / ``_max_ms``: the console's own event-loop lateness probe
  over the burst;
* ``alerts_lost``: alerts the server accepted that never got a row in the queue;
* ``alert_to_row_p50_ms`` / ``_p99_ms``: from the server's ingest stamp to the alert's row in
  the queue's model (one clock: everything runs on this machine);
* besides: ``alert_burst_sent`` and ``alert_idle_lateness_p99_ms``, the same probe in the same
  console for a few seconds before the burst, when nothing arrives (the machine's share).

Run alone it prints them as ``name: value unit`` lines (``--quick``: a 10 s burst).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RATE_PER_S = 50
POSTERS = 2
BURST_S = 60.0
QUICK_BURST_S = 10.0
CAMERAS = 300
OPERATOR = "operator-1"
DETECTOR = "admin"
KINDS = ("crowd", "garbage", "street_vendor", "smoke_fire", "illegal_parking", "intrusion")
DRAIN_S = 20.0
FOLD_EVERY_S = 5.0
IDLE_S = 5.0


def _spin(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        _spin(0.05)
    return True


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


class _Detectors:
    """The detectors, in a child process of their own (they are other machines, and their
    HTTP work must not take the console's interpreter lock): ``python -m bench._alert_burst
    --detect URL SECONDS CAMERA...`` posts, then prints the accepted ids as JSON."""

    def __init__(self, url: str, camera_ids: list[str], seconds: float) -> None:
        self._args = [url, str(seconds), *camera_ids]
        self._process: subprocess.Popen[str] | None = None
        self.posted: set[str] = set()
        self.failed = 0

    def start(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench._alert_burst", "--detect", *self._args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def join(self) -> None:
        if self._process is None:
            return
        output, _ = self._process.communicate(timeout=120)
        result = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
        self.posted = set(result.get("posted", []))
        self.failed = int(result.get("failed", 0))


def _detect(url: str, seconds: float, camera_ids: list[str]) -> None:
    """The child: POSTERS threads, RATE_PER_S alerts a second in all, for ``seconds``."""
    import requests

    from console.server.demo.field_api import ApiError, ApiSession
    from tests.support.backend_process import demo_password

    posted: list[str] = []
    failed = [0]
    lock = threading.Lock()

    def post(number: int) -> None:
        session = ApiSession(url, DETECTOR, demo_password(DETECTOR), timeout_s=10.0)
        rate = RATE_PER_S / POSTERS
        start = time.monotonic() + number / RATE_PER_S  # the posters interleave
        sent = 0
        try:
            while True:
                due = start + sent / rate
                if due - start >= seconds:
                    return
                time.sleep(max(0.0, due - time.monotonic()))
                index = sent * POSTERS + number
                data = {
                    "kind": KINDS[index % len(KINDS)],
                    "camera_id": camera_ids[index % len(camera_ids)],
                    "confidence": "0.9",
                }
                sent += 1
                try:
                    answer = session.call("POST", "/alerts", data=data)
                except (requests.RequestException, ApiError):
                    with lock:
                        failed[0] += 1
                    continue
                with lock:
                    posted.append(str(answer["id"]))
        finally:
            session.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"posted": posted, "failed": failed[0]}), flush=True)


@contextlib.contextmanager
def _environment(home: Path) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in ("TIANMU_HOME", "QT_QPA_PLATFORM")}
    os.environ["TIANMU_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _visible_cameras(url: str) -> list[str]:
    from console.server.demo.field_api import ApiSession
    from tests.support.backend_process import demo_password

    session = ApiSession(url, OPERATOR, demo_password(OPERATOR), timeout_s=30.0)
    try:
        page = session.call("GET", "/cameras", params={"limit": 60})
        return [str(camera["id"]) for camera in page["items"]]
    finally:
        session.close()


def measure(quick: bool) -> dict[str, float]:
    """Run the burst (10 s when ``quick``, else a minute); the figures, printing nothing."""
    with tempfile.TemporaryDirectory(prefix="tianmu-alert-burst-") as scratch:
        folder = Path(scratch)
        with _environment(folder / "home"), contextlib.ExitStack() as stack:
            return _run(folder, QUICK_BURST_S if quick else BURST_S, stack)


def _run(folder: Path, seconds: float, stack: contextlib.ExitStack) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from bench._shift_watch import LatenessLog
    from console.app import Console, build_services
    from console.credentials import CredentialStore
    from tests.support.backend_process import BackendProcess, demo_password, seed_demo_database

    seed_demo_database(folder / "server", camera_count=CAMERAS)
    backend = BackendProcess(folder / "server")
    stack.callback(backend.kill)
    backend.start(timeout_s=60)

    from console.app import prepare_process

    if QApplication.instance() is None:
        prepare_process()  # the signed-in window has the map: QtWebEngine first
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    services = build_services(app, log_to_file=False)
    stack.callback(services.shutdown)
    console = Console(services, server_url=backend.url, stream_backoff_s=(0.2, 1.0))

    def close_console() -> None:
        console.shutdown()
        CredentialStore().forget_token(backend.url, OPERATOR)

    stack.callback(close_console)
    console.start(try_resume=False)
    dialog = console.login_dialog
    if dialog is None:
        raise RuntimeError("no login dialog")
    dialog.ui.user_edit.setText(OPERATOR)
    dialog.ui.password_edit.setText(demo_password(OPERATOR))
    dialog.ui.sign_in_button.click()
    if not _wait_until(lambda: console.session is not None, 60):
        raise RuntimeError("signing in failed")
    session = console.session
    assert session is not None
    if not _wait_until(lambda: session.catalog is not None, 60):
        raise RuntimeError("the working set never arrived")
    feature = session.alerts
    model = feature.model

    seen: dict[str, float] = {}
    delays_ms: list[float] = []

    def on_applied(alerts: list[Any]) -> None:
        now = time.time()
        for alert in alerts:
            if alert.id in seen or model.row_of(alert.id) < 0:
                continue
            seen[alert.id] = now
            stamp: datetime = alert.detected_at
            delays_ms.append((now - stamp.timestamp()) * 1000.0)

    feature.alerts_applied.connect(on_applied)
    _spin(1.0)  # let the start-up settle before measuring
    # The same console with no alerts coming, just before: what this machine's load alone
    # costs the event loop, to read the burst's figures against.
    idle = LatenessLog(services.probe)
    idle.start()
    _spin(IDLE_S)
    idle.fold()

    detectors = _Detectors(backend.url, _visible_cameras(backend.url), seconds)
    lateness = LatenessLog(services.probe)
    lateness.start()
    detectors.start()
    try:
        while detectors.alive():
            _spin(FOLD_EVERY_S if detectors.alive() else 0.0)
            lateness.fold()
    finally:
        detectors.join()
    posted = set(detectors.posted)
    _wait_until(lambda: posted <= set(seen), DRAIN_S)
    lateness.fold()
    feature.alerts_applied.disconnect(on_applied)
    return {
        "alert_burst_lateness_p99_ms": lateness.percentile_ms(0.99),
        "alert_burst_lateness_max_ms": lateness.max_ms,
        "alerts_lost": float(len(posted - set(seen)) + detectors.failed),
        "alert_to_row_p50_ms": _percentile(delays_ms, 0.50),
        "alert_to_row_p99_ms": _percentile(delays_ms, 0.99),
        "alert_burst_sent": float(len(posted)),
        "alert_idle_lateness_p99_ms": idle.percentile_ms(0.99),
    }


def main(argv: list[str] | None = None) -> int:
    from bench._common import emit, parse_args

    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--detect"]:
        _detect(arguments[1], float(arguments[2]), arguments[3:])
        return 0

    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", argv)
    figures = measure(args.quick)
    units = {"alerts_lost": "", "alert_burst_sent": ""}
    for name, value in figures.items():
        if name in units:
            emit(name, int(value))
        else:
            emit(name, value, "ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
