"""Pictures at the size a tile shows them: the size asked of the decoder, the last picture
kept across a change of size, and which pictures are compared to catch libvlc's redraws."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.video.frames import FrameExchange, close_enough, guess_visible, output_size
from tests.unit.video.exchange_support import Clock, fill


@pytest.mark.parametrize(
    ("coded", "visible"),
    [
        ((640, 368), (640, 360)),  # padded to whole macroblocks
        ((640, 386), (640, 360)),  # padded further by the decoder
        ((1920, 1088), (1920, 1080)),
        ((320, 192), (320, 180)),
        ((1280, 720), (1280, 720)),  # nothing to take off
        ((640, 480), (640, 480)),  # 4:3 sizes are not padded
        ((352, 288), (352, 288)),
    ],
)
def test_the_visible_picture_is_guessed_inside_a_padded_buffer(
    coded: tuple[int, int], visible: tuple[int, int]
) -> None:
    assert guess_visible(coded) == visible


def test_the_decoder_is_asked_for_the_picture_fitted_into_the_tile() -> None:
    assert output_size((640, 368), None, (480, 270)) == (480, 270)
    # A taller tile: the width limits, the aspect ratio is kept, sizes stay even.
    assert output_size((640, 368), (640, 360), (480, 400)) == (480, 270)
    # A wider tile: the height limits.
    assert output_size((640, 368), (640, 360), (1000, 270)) == (480, 270)
    assert output_size((640, 368), (640, 360), (473, 265)) == (470, 264)
    # Bigger than the stream: libvlc scales up too, on its own thread.
    assert output_size((640, 368), (640, 360), (1280, 720)) == (1280, 720)
    # The true size, once known, wins over the guess.
    assert output_size((352, 288), (352, 264), (480, 270)) == (360, 270)


def test_without_a_tile_size_the_decoder_keeps_its_own() -> None:
    assert output_size((640, 368), (640, 360), None) == (640, 368)
    assert output_size((640, 368), (640, 360), (0, 0)) == (640, 368)


def test_a_picture_a_few_pixels_off_is_drawn_unscaled() -> None:
    assert close_enough((480, 270), (478.0, 268.9))
    assert not close_enough((480, 270), (470.0, 270.0))


def test_the_exchange_plans_from_the_size_the_painter_asked_for(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    exchange = new_exchange()
    assert exchange.planned_size((640, 368)) == (640, 368)
    exchange.request_size(480, 270)
    assert exchange.planned_size((640, 368)) == (480, 270)
    exchange.set_display_size(640, 480)
    assert exchange.planned_size((640, 480)) == (360, 270)


def test_the_last_picture_stays_until_the_first_one_at_a_new_size(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    exchange = new_exchange()
    exchange.configure(4, 2)
    fill(exchange, 7)
    exchange.configure(8, 4)  # the video starts over at another size
    assert exchange.size == (8, 4)
    with exchange.hold() as frame:
        assert frame is not None
        assert (frame.width, frame.height) == (4, 2)
        assert bytes(frame.data) == bytes([7]) * 32
    fill(exchange, 9)
    with exchange.hold() as frame:
        assert frame is not None
        assert (frame.width, frame.height) == (8, 4)
        assert bytes(frame.data)[0] == 9


def test_a_replacement_exchange_keeps_the_last_picture_and_the_sizes(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    exchange = new_exchange()
    exchange.request_size(480, 270)
    exchange.set_display_size(640, 360)
    exchange.configure(4, 2)
    fill(exchange, 5)
    fresh = exchange.successor()
    assert fresh.counter == exchange.counter
    assert fresh.box == (480, 270)
    assert fresh.display_size == (640, 360)
    with fresh.hold() as frame:
        assert frame is not None
        assert bytes(frame.data) == bytes([5]) * 32


def test_a_late_redraw_of_the_same_picture_is_not_new(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    clock = Clock()
    exchange = new_exchange(clock=clock)
    exchange.configure(4, 2)
    fill(exchange, 1)
    clock.now += 0.04
    fill(exchange, 2)
    assert exchange.counter == 2
    for _ in range(5):  # libvlc redraws every 80 ms while nothing new comes
        clock.now += 0.08
        fill(exchange, 2)
    assert exchange.counter == 2


def test_redraws_are_caught_even_when_they_come_quickly(
    new_exchange: Callable[..., FrameExchange],
) -> None:
    clock = Clock()
    exchange = new_exchange(clock=clock)
    exchange.configure(4, 2)
    fill(exchange, 1)
    clock.now += 0.04
    fill(exchange, 2)
    for _ in range(40):  # faster than libvlc redraws: most are not compared
        clock.now += 0.01
        fill(exchange, 2)
    counted = exchange.counter
    assert counted < 2 + 40, "a periodic comparison caught the redraws"
    for _ in range(10):  # from then on every picture is compared
        clock.now += 0.01
        fill(exchange, 2)
    assert exchange.counter == counted
    clock.now += 0.01
    fill(exchange, 3)
    assert exchange.counter == counted + 1
