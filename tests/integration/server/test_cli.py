"""``tianmu server --demo`` as a user runs it: starts, serves, prints credentials, stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_cli_server(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[bytes], Path, str]:
    """``tianmu server`` with ``options`` on a free port: the process, its log, the API URL."""
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "console",
                "server",
                *options,
                "--port",
                str(port),
                "--data-dir",
                str(tmp_path / "data"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[3],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    return process, log, f"http://127.0.0.1:{port}/api/v1"


def wait_for(
    process: subprocess.Popen[bytes], log: Path, ready: Callable[[], bool], deadline: float
) -> None:
    """Poll ``ready`` (connection refusals count as not ready) while the server lives."""
    while True:
        assert process.poll() is None, log.read_text()
        try:
            if ready():
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def test_demo_server_starts_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    process, log, base = start_cli_server(tmp_path, "--demo", "--no-media", "--alert-rate", "120")
    try:
        deadline = time.monotonic() + 60
        wait_for(
            process,
            log,
            lambda: requests.get(f"{base}/health", timeout=2).json()["demo"] is True,
            deadline,
        )
        wait_for(process, log, lambda: "Demo credentials" in log.read_text(), deadline)
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
        wait_for(
            process,
            log,
            lambda: bool(
                requests.get(f"{base}/alerts", headers=headers, timeout=10).json()["items"]
            ),
            deadline,
        )
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


FORGED = "2026-12-04 09:00:00,000 INFO console.server.services.auth: admin signed in"


def test_a_user_name_cannot_forge_lines_in_the_server_log(tmp_path: Path) -> None:
    process, log, base = start_cli_server(tmp_path, "--no-media", "--no-field")
    username = f"mallory\r\n{FORGED}\n\x1b[2J\x1b[31mred\u2028{FORGED}"
    try:
        deadline = time.monotonic() + 60
        wait_for(process, log, lambda: requests.get(f"{base}/health", timeout=2).ok, deadline)
        refused = requests.post(
            f"{base}/auth/login", json={"username": username, "password": "x"}, timeout=10
        )
        assert refused.status_code == 401
        wait_for(process, log, lambda: "failed sign-in" in log.read_text(), deadline)
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = log.read_bytes().decode("utf-8")
    for raw in ("\x1b", "\r", "\u2028"):
        assert raw not in text
    lines = text.split("\n")
    assert not [line for line in lines if line.startswith(FORGED)]
    (line,) = [line for line in lines if "failed sign-in" in line]
    assert line.endswith(
        "failed sign-in for mallory\\r\\n" + FORGED + "\\n\\x1b[2J\\x1b[31mred\\u2028" + FORGED
    )
