"""The camera drag payload shared with the wall and the map."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from console.gui.mime import (
    CAMERA_IDS_MIME,
    camera_ids_from_bytes,
    camera_ids_to_bytes,
    decode_camera_ids,
    encode_camera_ids,
    has_camera_ids,
)


def test_round_trip_keeps_order_and_drops_duplicates(qapp):
    mime = encode_camera_ids(["b", "a", "b", "中文"])
    assert mime.formats()[:1] == [CAMERA_IDS_MIME]
    assert has_camera_ids(mime)
    assert decode_camera_ids(mime) == ["b", "a", "中文"]
    assert mime.text() == "b\na\n中文"


def test_wire_form_is_utf8_json():
    assert camera_ids_to_bytes(["x", "摄像头"]) == '["x", "摄像头"]'.encode()
    assert camera_ids_from_bytes(b'["1", "2"]') == ["1", "2"]


def test_garbage_decodes_to_nothing(qapp):
    for payload in [b"not json", b'{"a": 1}', b"[1, 2]", b"\xff\xfe"]:
        assert camera_ids_from_bytes(payload) == []
        mime = QMimeData()
        mime.setData(CAMERA_IDS_MIME, payload)
        assert decode_camera_ids(mime) == []
    plain = QMimeData()
    plain.setText("46900200001320000001")
    assert not has_camera_ids(plain)
    assert decode_camera_ids(plain) == []
    assert decode_camera_ids(None) == []
