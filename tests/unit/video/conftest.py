"""Every frame-exchange test runs on both cores (C and Python, see console.video.framecore)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from console.video import framecore
from console.video.frames import FrameExchange


@pytest.fixture(params=["C", "Python"])
def new_exchange(request: pytest.FixtureRequest) -> Callable[..., FrameExchange]:
    use_c = request.param == "C"
    if use_c and framecore.core_kind() != "C":
        pytest.fail("the C core is not built: run scripts/build_framecore.py (make does)")

    def make(**options: Any) -> FrameExchange:
        exchange = FrameExchange(prefer_c_core=use_c, **options)
        assert isinstance(exchange._core, framecore.CCore if use_c else framecore.PyCore)
        return exchange

    return make
