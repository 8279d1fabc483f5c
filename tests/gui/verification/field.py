"""The other people in a verification story, over plain HTTP to the demo server: the duty
operator's colleague who raised and dispatched the event, and the unit that reports back."""

from __future__ import annotations

from typing import Any

import requests
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tests.support.live_server import TIMEOUT_S, LiveDemoServer

URBAN_MANAGEMENT = "unit-urban_management"
#: The colour of the report snapshot ``raise_street_vendor`` attaches.
REPORT_COLOUR = "#8d6e63"


def png_bytes(colour: str, text: str) -> bytes:
    """A small PNG (a painted stand-in for a photo or a report snapshot)."""
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


class Person:
    """One demo user signed in over HTTP."""

    def __init__(self, server: LiveDemoServer, username: str) -> None:
        self.username = username
        self._http = requests.Session()
        self._http.headers["Authorization"] = f"Bearer {server.token(username)}"
        self._api = server.api

    def get(self, path: str) -> Any:
        response = self._http.get(self._api + path, timeout=TIMEOUT_S)
        response.raise_for_status()
        return response.json()

    def post(self, path: str, **kwargs: Any) -> Any:
        response = self._http.post(self._api + path, timeout=TIMEOUT_S, **kwargs)
        if not response.ok:
            raise AssertionError(f"POST {path}: {response.status_code} {response.text}")
        return response.json()

    def act(self, incident_id: str, action: str, **fields: Any) -> Any:
        return self.post(f"/incidents/{incident_id}/actions", json={"action": action, **fields})

    def close(self) -> None:
        self._http.close()


def raise_street_vendor(operator: Person, camera_id: str, lat: float, lon: float) -> str:
    """A street-vendor event with a report snapshot, accepted and filed; returns its id."""
    fields = {
        "title": "占道经营",
        "category": "street_vendor",
        "priority": "3",
        "source": "operator",
        "lat": str(lat),
        "lon": str(lon),
        "address": "嘉积镇 银海路",
        "camera_ids": camera_id,
    }
    snapshot = png_bytes(REPORT_COLOUR, "")
    created = operator.post(
        "/incidents", data=fields, files=[("snapshots", ("report.png", snapshot, "image/png"))]
    )
    incident_id = str(created["id"])
    operator.act(incident_id, "accept")
    operator.act(incident_id, "file", category="street_vendor", priority=3)
    return incident_id


def report_back(unit: Person, incident_id: str, text: str = "已清理，现场恢复正常") -> Any:
    """The unit signs, starts and reports the problem fixed, with a photo."""
    unit.act(incident_id, "sign")
    unit.act(incident_id, "start")
    photo = png_bytes("#2e7d32", "after")
    return unit.post(
        f"/incidents/{incident_id}/feedback",
        data={"result": "fixed", "text": text},
        files=[("photos", ("after.png", photo, "image/png"))],
    )
