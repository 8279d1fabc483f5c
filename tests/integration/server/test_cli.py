"""``tianmu server --demo`` as a user runs it: starts, serves, prints credentials, stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_demo_server_starts_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "console",
                "server",
                "--demo",
                "--no-media",
                "--port",
                str(port),
                "--data-dir",
                str(tmp_path / "data"),
                "--alert-rate",
                "120",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[3],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if requests.get(f"{base}/health", timeout=2).json()["demo"] is True:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        while "Demo credentials" not in log.read_text():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        login = requests.post(
            f"{base}/auth/login",
            json={"username": "operator-1", "password": "demo-operator-1"},
            timeout=10,
        )
        assert login.status_code == 200
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        assert (
            requests.get(f"{base}/cameras?limit=1", headers=headers, timeout=10).json()["total"]
            > 7000
        )
        # The field simulator raises alerts through the API.
        while not requests.get(f"{base}/alerts", headers=headers, timeout=10).json()["items"]:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        streams = requests.get(
            f"{base}/cameras/{requests.get(f'{base}/cameras?limit=1&status=online', headers=headers, timeout=10).json()['items'][0]['id']}/streams",
            headers=headers,
            timeout=10,
        )
        assert streams.status_code == 503
        assert streams.json()["error"]["code"] == "no_media"
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    assert code == 0, log.read_text()
    assert "field simulator stopped" in log.read_text()
