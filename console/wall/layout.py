"""Wall layouts: a grid of rows x columns and the cells that cover it.

A cell has a top-left position and a span; cells never overlap and together cover the grid.
Cell order is the order tiles are numbered (the digit keys) and filled (a multi-camera drop):
the large cell of a 1+5 or 1+7 layout comes first, then reading order.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_GRID = 8  # 8 x 8 = 64 tiles, the largest preset


class LayoutError(ValueError):
    """A layout that cannot be built: out of range, overlapping, or malformed."""


class Direction(enum.Enum):
    UP = (-1, 0)
    DOWN = (1, 0)
    LEFT = (0, -1)
    RIGHT = (0, 1)


@dataclass(frozen=True, slots=True)
class Cell:
    """One tile's place: top-left ``row``/``col`` and how many rows/columns it spans."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1

    @property
    def bottom(self) -> int:
        return self.row + self.row_span

    @property
    def right(self) -> int:
        return self.col + self.col_span

    def spots(self) -> Iterator[tuple[int, int]]:
        for r in range(self.row, self.bottom):
            for c in range(self.col, self.right):
                yield r, c

    def centre(self) -> tuple[float, float]:
        return self.row + self.row_span / 2, self.col + self.col_span / 2


@dataclass(frozen=True, slots=True)
class Layout:
    """A named grid and its cells (see the module docstring). Build with ``square``,
    ``one_plus`` or ``custom``; presets by name with ``preset``."""

    name: str
    rows: int
    cols: int
    cells: tuple[Cell, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not (1 <= self.rows <= MAX_GRID and 1 <= self.cols <= MAX_GRID):
            raise LayoutError(f"a grid is 1..{MAX_GRID} rows and columns, not {self}")
        taken: set[tuple[int, int]] = set()
        for cell in self.cells:
            if cell.row_span < 1 or cell.col_span < 1:
                raise LayoutError(f"a cell spans at least one row and column: {cell}")
            if cell.row < 0 or cell.col < 0 or cell.bottom > self.rows or cell.right > self.cols:
                raise LayoutError(f"{cell} lies outside a {self.rows}x{self.cols} grid")
            spots = set(cell.spots())
            if spots & taken:
                raise LayoutError(f"{cell} overlaps another cell")
            taken |= spots
        if len(taken) != self.rows * self.cols:
            raise LayoutError("the cells leave part of the grid uncovered")

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def size(self) -> int:
        return len(self.cells)

    def neighbour(self, index: int, direction: Direction) -> int:
        """The cell next to ``index`` in ``direction`` (itself at the edge).

        The grid spot just past the cell's edge, in line with the cell's centre, decides; so
        moving right from the big cell of a 1+5 lands on the side cell level with its middle.
        """
        cell = self.cells[index]
        d_row, d_col = direction.value
        centre_row, centre_col = cell.centre()
        if d_row:
            row = cell.row - 1 if d_row < 0 else cell.bottom
            col = min(int(centre_col), self.cols - 1)
        else:
            col = cell.col - 1 if d_col < 0 else cell.right
            row = min(int(centre_row), self.rows - 1)
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return index
        return self.index_at(row, col)

    def index_at(self, row: int, col: int) -> int:
        for index, cell in enumerate(self.cells):
            if cell.row <= row < cell.bottom and cell.col <= col < cell.right:
                return index
        raise LayoutError(f"no cell at {row},{col}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "rows": self.rows,
            "cols": self.cols,
            "cells": [[c.row, c.col, c.row_span, c.col_span] for c in self.cells],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Layout:
        try:
            cells = tuple(Cell(*(int(v) for v in spec)) for spec in data["cells"])
            return cls(str(data["name"]), int(data["rows"]), int(data["cols"]), cells)
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, LayoutError):
                raise
            raise LayoutError(f"not a layout: {exc}") from exc


def square(side: int, name: str | None = None) -> Layout:
    """``side`` x ``side`` equal tiles."""
    cells = tuple(Cell(r, c) for r in range(side) for c in range(side))
    return Layout(name or str(side * side), side, side, cells)


def one_plus(side: int, name: str | None = None) -> Layout:
    """One big tile of (side-1)^2 spots in the top-left corner, small tiles along the right
    and bottom edges: ``one_plus(3)`` is 1+5, ``one_plus(4)`` is 1+7."""
    big = side - 1
    cells = [Cell(0, 0, big, big)]
    cells += [Cell(r, big) for r in range(big)]
    cells += [Cell(big, c) for c in range(side)]
    return Layout(name or str(len(cells)), side, side, tuple(cells))


def custom(
    name: str, rows: int, cols: int, spans: Iterable[Cell] = (), *, fill: bool = True
) -> Layout:
    """A grid with some cells spanning several spots; with ``fill`` the spots they leave are
    filled with single-spot cells. Cells are numbered in reading order."""
    given = list(spans)
    taken = {spot for cell in given for spot in cell.spots()}
    if fill:
        given += [Cell(r, c) for r in range(rows) for c in range(cols) if (r, c) not in taken]
    given.sort(key=lambda cell: (cell.row, cell.col))
    return Layout(name, rows, cols, tuple(given))


PRESET_NAMES = ("1", "4", "6", "8", "9", "16", "25", "36", "64")


def preset(name: str) -> Layout:
    """A built-in layout by its tile count: 1, 4, 6 (1+5), 8 (1+7), 9, 16, 25, 36, 64."""
    if name == "6":
        return one_plus(3)
    if name == "8":
        return one_plus(4)
    if name in PRESET_NAMES:
        return square(_side_of(int(name)))
    raise LayoutError(f"no preset layout {name!r}")


def _side_of(count: int) -> int:
    side = int(round(count**0.5))
    if side * side != count:
        raise LayoutError(f"{count} is not a square")
    return side


def smallest_preset_for(count: int) -> Layout:
    """The smallest square preset with at least ``count`` tiles (patrol pages use this)."""
    for name in ("1", "4", "9", "16", "25", "36", "64"):
        if int(name) >= count:
            return preset(name)
    return preset("64")


_NAME_OK = re.compile(r"\S")


class LayoutLibrary:
    """The presets plus the operator's custom layouts, saved by name.

    A custom layout may not take a preset's name; saving under an existing custom name
    replaces it.
    """

    def __init__(self, custom_layouts: Iterable[Layout] = ()):
        self._custom: dict[str, Layout] = {}
        for layout in custom_layouts:
            self.save(layout)

    def names(self) -> list[str]:
        return [*PRESET_NAMES, *self._custom]

    def custom_layouts(self) -> list[Layout]:
        return list(self._custom.values())

    def is_preset(self, name: str) -> bool:
        return name in PRESET_NAMES

    def get(self, name: str) -> Layout:
        if name in PRESET_NAMES:
            return preset(name)
        try:
            return self._custom[name]
        except KeyError:
            raise LayoutError(f"no layout named {name!r}") from None

    def save(self, layout: Layout) -> None:
        if not _NAME_OK.search(layout.name):
            raise LayoutError("a saved layout needs a name")
        if layout.name in PRESET_NAMES:
            raise LayoutError(f"{layout.name!r} is a built-in layout's name")
        self._custom[layout.name] = layout

    def remove(self, name: str) -> None:
        self._custom.pop(name, None)

    def to_list(self) -> list[dict[str, Any]]:
        return [layout.to_dict() for layout in self._custom.values()]

    @classmethod
    def from_list(cls, data: Sequence[Mapping[str, Any]]) -> LayoutLibrary:
        return cls(Layout.from_dict(item) for item in data)
