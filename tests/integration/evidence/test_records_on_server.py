"""An export made here is registered and recorded on the real server through BackendClient."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.client.rest import BackendClient
from console.evidence import ClipRange, WorkstationKey, export_evidence
from console.evidence.records import (
    export_record,
    key_registration,
    registered_key_id,
    remember_key_id,
)
from console.server.media.clips import Clip
from tests.integration.evidence.conftest import CLIP_START
from tests.support.live_server import LiveDemoServer, start_demo_server

pytestmark = pytest.mark.media

OPERATOR = "operator-1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("demo"), camera_count=50)
    try:
        yield server
    finally:
        server.close()


def test_register_then_record_an_export(
    demo: LiveDemoServer, recorded_clips: list[Clip], tmp_path: Path
) -> None:
    key = WorkstationKey.load_or_create(tmp_path / "keys")
    assert key.path is not None
    assert oct(key.path.stat().st_mode & 0o777) == "0o600"
    client = BackendClient(demo.url)
    client.login(OPERATOR, demo.password(OPERATOR))
    camera = client.cameras_page(limit=1).items[0]
    registered = client.register_workstation_key(key_registration(key, "desk 3"))
    assert registered.fingerprint == key.fingerprint()
    remember_key_id(key, demo.url, registered.id)
    assert registered_key_id(key, demo.url) == registered.id

    clip = recorded_clips[0]
    result = export_evidence(
        [ClipRange(clip.path, camera.id, clip.start, CLIP_START + timedelta(seconds=1),
                   CLIP_START + timedelta(seconds=3))],
        tmp_path / "out",
        officer="op",
        incident_id=None,
        signer=key,
        camera_names={camera.id: camera.name},
    )  # fmt: skip
    recorded = client.record_export(export_record(result, registered.id))
    assert recorded.manifest_sha256 == result.manifest_sha256
    assert recorded.camera_ids == [camera.id]
    assert recorded.total_bytes == result.bytes_written
    assert recorded.id in {e.id for e in client.exports()}
