"""The server's clock: what time it is there, and (tests and demo only) moving it forward."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from console.wire.common import RequestModel, WireModel


class ClockOut(WireModel):
    """``now`` on the server's clock; ``offset_s``: how far it runs ahead of real time;
    ``controllable``: whether ``POST /clock`` may move it."""

    now: datetime
    offset_s: float
    controllable: bool


class ClockIn(RequestModel):
    """Move the server's clock forward by ``advance_s`` seconds (at most a year)."""

    advance_s: float = Field(gt=0, le=366 * 24 * 3600)
