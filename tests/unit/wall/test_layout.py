"""Layouts: presets, the 1+5 and 1+7 shapes, custom grids, neighbours, named layouts."""

from __future__ import annotations

import pytest

from console.wall.layout import (
    PRESET_NAMES,
    Cell,
    Direction,
    Layout,
    LayoutError,
    LayoutLibrary,
    custom,
    preset,
    smallest_preset_for,
)


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_preset_has_as_many_tiles_as_its_name(name: str) -> None:
    layout = preset(name)
    assert layout.size == int(name)
    covered = [spot for cell in layout.cells for spot in cell.spots()]
    assert len(covered) == len(set(covered)) == layout.rows * layout.cols


def test_one_plus_five_has_a_big_tile_first_then_five_along_the_edges() -> None:
    layout = preset("6")
    assert (layout.rows, layout.cols) == (3, 3)
    assert layout.cells[0] == Cell(0, 0, 2, 2)
    assert set(layout.cells[1:]) == {Cell(0, 2), Cell(1, 2), Cell(2, 0), Cell(2, 1), Cell(2, 2)}


def test_one_plus_seven_has_a_three_by_three_tile() -> None:
    layout = preset("8")
    assert (layout.rows, layout.cols) == (4, 4)
    assert layout.cells[0] == Cell(0, 0, 3, 3)
    assert len(layout.cells) == 8


def test_overlapping_or_outside_cells_are_refused() -> None:
    with pytest.raises(LayoutError, match="overlaps"):
        Layout("x", 2, 2, (Cell(0, 0, 2, 2), Cell(1, 1), Cell(0, 1)))
    with pytest.raises(LayoutError, match="outside"):
        Layout("x", 2, 2, (Cell(0, 0), Cell(0, 1), Cell(1, 0), Cell(1, 2)))
    with pytest.raises(LayoutError, match="uncovered"):
        Layout("x", 2, 2, (Cell(0, 0),))
    with pytest.raises(LayoutError):
        preset("7")


def test_custom_fills_what_the_spans_leave_in_reading_order() -> None:
    layout = custom("wide top", 3, 4, [Cell(0, 0, 1, 4)])
    assert layout.size == 1 + 8
    assert layout.cells[0] == Cell(0, 0, 1, 4)
    assert layout.cells[1:] == tuple(Cell(r, c) for r in (1, 2) for c in range(4))


def test_neighbours_follow_the_geometry() -> None:
    grid = preset("9")
    assert grid.neighbour(4, Direction.UP) == 1
    assert grid.neighbour(4, Direction.RIGHT) == 5
    assert grid.neighbour(0, Direction.LEFT) == 0, "the edge stops the move"
    one_plus_five = preset("6")
    right_of_big = one_plus_five.neighbour(0, Direction.RIGHT)
    assert one_plus_five.cells[right_of_big] == Cell(1, 2)
    below_big = one_plus_five.neighbour(0, Direction.DOWN)
    assert one_plus_five.cells[below_big] == Cell(2, 1)
    assert one_plus_five.neighbour(right_of_big, Direction.LEFT) == 0


def test_layouts_round_trip_through_plain_data() -> None:
    for layout in (preset("8"), custom("mine", 2, 3, [Cell(0, 0, 2, 2)])):
        assert Layout.from_dict(layout.to_dict()) == layout
    with pytest.raises(LayoutError):
        Layout.from_dict({"name": "x", "rows": 2})


def test_library_saves_custom_layouts_by_name_and_protects_presets() -> None:
    library = LayoutLibrary()
    mine = custom("Checkpoint row", 2, 4, [Cell(0, 0, 2, 2)])
    library.save(mine)
    assert library.get("Checkpoint row") == mine
    assert library.names()[-1] == "Checkpoint row"
    assert library.get("16") == preset("16")
    with pytest.raises(LayoutError):
        library.save(custom("9", 1, 2))
    replaced = custom("Checkpoint row", 1, 2)
    library.save(replaced)
    assert library.get("Checkpoint row") == replaced
    again = LayoutLibrary.from_list(library.to_list())
    assert again.custom_layouts() == [replaced]
    library.remove("Checkpoint row")
    with pytest.raises(LayoutError):
        library.get("Checkpoint row")


def test_smallest_preset_for_a_count() -> None:
    assert smallest_preset_for(1).size == 1
    assert smallest_preset_for(5).size == 9
    assert smallest_preset_for(100).size == 64
