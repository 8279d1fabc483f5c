"""Stream choice: sub stream for small tiles, main for big/maximised/zoomed, within a budget;
nothing for tiles nobody sees, the sub stream for pre-rolled ones."""

from __future__ import annotations

from console.wall.stream_policy import StreamChoice, StreamPolicy, TileDemand

MAIN, SUB, NONE = StreamChoice.MAIN, StreamChoice.SUB, StreamChoice.NONE


def test_small_tiles_play_the_sub_stream_and_large_ones_the_main() -> None:
    policy = StreamPolicy(max_main=4)
    result = policy.decide([TileDemand("small", 640, 360), TileDemand("large", 960, 540)])
    assert result.choices == {"small": SUB, "large": MAIN}
    assert (result.main_wanted, result.main_granted, result.max_main) == (1, 1, 4)


def test_maximised_and_zoomed_tiles_want_the_main_stream_whatever_their_size() -> None:
    policy = StreamPolicy(max_main=4)
    result = policy.decide(
        [TileDemand("zoomed", 300, 200, zoomed=True), TileDemand("max", 300, 200, maximised=True)]
    )
    assert result.choices == {"zoomed": MAIN, "max": MAIN}


def test_the_budget_goes_to_maximised_then_larger_tiles() -> None:
    policy = StreamPolicy(max_main=2)
    demands = [
        TileDemand("a", 800, 450),
        TileDemand("b", 1000, 560),
        TileDemand("c", 400, 300, maximised=True),
        TileDemand("d", 900, 500),
    ]
    result = policy.decide(demands)
    assert result.choices == {"a": SUB, "b": MAIN, "c": MAIN, "d": SUB}
    assert result.main_denied == 2


def test_a_tile_already_on_the_main_stream_keeps_it_among_equals() -> None:
    policy = StreamPolicy(max_main=1)
    demands = [TileDemand("a", 960, 540), TileDemand("b", 960, 540, current=MAIN)]
    assert policy.decide(demands).choices == {"a": SUB, "b": MAIN}


def test_hidden_tiles_decode_nothing_unless_pre_rolled() -> None:
    policy = StreamPolicy(max_main=4)
    result = policy.decide(
        [
            TileDemand("hidden", 1920, 1080, visible=False, maximised=True),
            TileDemand("next page", 640, 360, visible=False, preroll=True),
        ]
    )
    assert result.choices == {"hidden": NONE, "next page": SUB}
    assert result.main_wanted == 0


def test_cameras_without_a_main_stream_and_a_zero_budget() -> None:
    assert StreamPolicy(max_main=4).decide(
        [TileDemand("only sub", 1920, 1080, has_main=False)]
    ).choices == {"only sub": SUB}
    result = StreamPolicy(max_main=0).decide([TileDemand("big", 1920, 1080)])
    assert result.choices == {"big": SUB}
    assert result.main_denied == 1
