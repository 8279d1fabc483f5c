"""Problems drawn into the live feeds: libvlc plays the real streams and the pixels are read."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from PIL import Image

from console.server.media import CIF, CameraSimulator
from console.server.media.problem_art import (
    ART_KINDS,
    LAYER_BOX,
    art_for,
    layer_png,
    problem_score,
    problem_visible,
)
from console.server.media.scenes import CANVAS
from tests.integration.media.conftest import FrameGrabber

pytestmark = pytest.mark.media

Grab = Callable[[str, int, int], FrameGrabber]
CATEGORY_OF = {
    "stall": "street_vendor",
    "smoke": "smoke_fire",
    "debris": "road_hazard",
    "crowd": "crowd",
    "marker": "illegal_parking",
}


def wait_until_seen(grab: FrameGrabber, category: str, shown: bool, timeout_s: float) -> float:
    """Seconds until ``grab``'s live picture shows (or no longer shows) ``category``."""
    started = time.monotonic()
    while problem_visible(grab.frame(), category, bgr=True) is not shown:
        waited = time.monotonic() - started
        assert waited < timeout_s, (
            f"{category} still {'absent' if shown else 'visible'} after {waited:.1f} s "
            f"(score {problem_score(grab.frame(), category, bgr=True):.2f})"
        )
        time.sleep(0.05)
    return time.monotonic() - started


def frames_for(grab: FrameGrabber, seconds: float) -> Iterator[np.ndarray]:
    """Every picture libvlc showed for ``seconds`` (sampled as they arrive)."""
    deadline = time.monotonic() + seconds
    seen = grab.pictures
    while time.monotonic() < deadline:
        if grab.pictures != seen:
            seen = grab.pictures
            yield grab.frame()
        time.sleep(0.02)


@pytest.fixture
def clear_feeds(simulator: CameraSimulator) -> Iterator[CameraSimulator]:
    for feed in simulator.feeds:
        simulator.show_problems(feed.index, ())
    yield simulator
    for feed in simulator.feeds:
        simulator.show_problems(feed.index, ())


def test_a_problem_shows_on_its_feed_alone_and_goes_when_cleared(
    clear_feeds: CameraSimulator, grabber: Grab
) -> None:
    simulator = clear_feeds
    feeds = simulator.feeds
    near = grabber(feeds[0].sub.http, 640, 360)
    near_main = grabber(feeds[0].main.http, 1280, 720)
    far = grabber(feeds[1].sub.http, 640, 360)
    for grab in (near, near_main, far):
        grab.wait_for_pictures(10, timeout=15)
    for kind in ART_KINDS:  # the check can fail: nothing is drawn yet
        assert not problem_visible(near.frame(), CATEGORY_OF[kind], bgr=True), kind

    simulator.show_problems(0, ["stall"])
    appeared = wait_until_seen(near, "street_vendor", True, timeout_s=8)
    wait_until_seen(near_main, "street_vendor", True, timeout_s=8)
    for picture in frames_for(far, 1.0):
        assert not problem_visible(picture, "street_vendor", bgr=True)
    for picture in frames_for(near, 1.0):  # steady, and nothing else is drawn
        assert problem_visible(picture, "street_vendor", bgr=True)
        assert not problem_visible(picture, "smoke_fire", bgr=True)
        assert not problem_visible(picture, "crowd", bgr=True)

    simulator.show_problems(0, ["stall", "smoke"])  # a second problem keeps the first
    wait_until_seen(near, "smoke_fire", True, timeout_s=8)
    assert problem_visible(near.frame(), "street_vendor", bgr=True)

    simulator.show_problems(0, ())
    gone = wait_until_seen(near, "street_vendor", False, timeout_s=8)
    wait_until_seen(near, "smoke_fire", False, timeout_s=8)
    # libvlc's network caching (300 ms) is part of both figures.
    assert appeared < 3.0, f"the stall took {appeared:.1f} s to appear"
    assert gone < 3.0, f"the stall took {gone:.1f} s to go"


def test_every_drawing_is_told_apart_after_jpeg_at_every_stream_shape() -> None:
    """The check maps the canvas onto any picture shape, the way the encoder crops and scales."""
    rng = np.random.default_rng(3)
    background = rng.integers(0, 255, (CANVAS[1], CANVAS[0], 3), dtype=np.uint8)
    for kind in ART_KINDS:
        canvas = Image.fromarray(background).convert("RGBA")
        layer = Image.open(io.BytesIO(layer_png([kind])))
        canvas.alpha_composite(layer, (LAYER_BOX[0], LAYER_BOX[1]))
        for width, height in ((1280, 720), (640, 360), CIF):
            shown = canvas.convert("RGB")
            if (width, height) == CIF:
                crop = round(CANVAS[1] * width / height / 2) * 2
                left = (CANVAS[0] - crop) // 2
                shown = shown.crop((left, 0, left + crop, CANVAS[1]))
            shown = shown.resize((width, height))
            encoded = io.BytesIO()
            shown.save(encoded, "JPEG", quality=60)
            for other in ART_KINDS:
                category = CATEGORY_OF[other]
                assert art_for(category) == other
                expected = other == kind
                assert problem_visible(encoded.getvalue(), category) is expected, (
                    kind,
                    other,
                    (width, height),
                    problem_score(encoded.getvalue(), category),
                )


def test_unknown_drawings_and_odd_pictures_are_refused() -> None:
    with pytest.raises(ValueError, match="no drawing"):
        layer_png(["fireworks"])
    with pytest.raises(ValueError, match="height x width"):
        problem_visible(np.zeros((10, 10)), "crowd")
