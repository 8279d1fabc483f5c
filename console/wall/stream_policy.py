"""Which stream each tile plays: the camera's sub stream, its main stream, or none at all.

* A tile nobody can see (another page, a minimised window, a closed monitor) decodes nothing,
  unless it is being pre-rolled (the next patrol page), when it plays the sub stream.
* A tile wants the main stream when it is maximised, digitally zoomed, or larger than the sub
  stream can fill without visible upscaling (``main_above``: about a 640x360 sub stream
  shown at 1.1x).
* At most ``max_main`` tiles get the main stream. Maximised and zoomed tiles come first, then
  larger tiles; among equals a tile that already plays the main stream keeps it (so a resize
  does not make streams flap), then the order the tiles were given in.

Everything here is plain arithmetic on what the caller measured, so it is tested without Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


class StreamChoice(enum.Enum):
    NONE = "none"
    SUB = "sub"
    MAIN = "main"


@dataclass(frozen=True, slots=True)
class TileDemand:
    """What the wall knows about one tile: its size on screen in device pixels, whether anyone
    can see it, and what it plays now."""

    key: Hashable
    width: int
    height: int
    visible: bool = True
    maximised: bool = False
    zoomed: bool = False
    preroll: bool = False
    current: StreamChoice = StreamChoice.NONE
    has_main: bool = True


@dataclass(frozen=True, slots=True)
class PolicyResult:
    """The choice per tile and the main-stream budget: ``main_wanted`` tiles asked for the
    main stream, ``main_granted`` got it, ``max_main`` is the budget."""

    choices: dict[Hashable, StreamChoice] = field(default_factory=dict)
    main_wanted: int = 0
    main_granted: int = 0
    max_main: int = 0

    @property
    def main_denied(self) -> int:
        return self.main_wanted - self.main_granted


@dataclass(frozen=True, slots=True)
class StreamPolicy:
    """See the module docstring."""

    max_main: int = 4
    main_above: tuple[int, int] = (704, 396)

    def wants_main(self, demand: TileDemand) -> bool:
        if not demand.has_main:
            return False
        if demand.maximised or demand.zoomed:
            return True
        return demand.width > self.main_above[0] or demand.height > self.main_above[1]

    def decide(self, demands: Iterable[TileDemand]) -> PolicyResult:
        choices: dict[Hashable, StreamChoice] = {}
        candidates: list[tuple[tuple[int, int, int, int], TileDemand]] = []
        for order, demand in enumerate(demands):
            if not demand.visible:
                choices[demand.key] = StreamChoice.SUB if demand.preroll else StreamChoice.NONE
                continue
            choices[demand.key] = StreamChoice.SUB
            if self.wants_main(demand):
                rank = (
                    0 if (demand.maximised or demand.zoomed) else 1,
                    -(demand.width * demand.height),
                    0 if demand.current is StreamChoice.MAIN else 1,
                    order,
                )
                candidates.append((rank, demand))
        candidates.sort(key=lambda item: item[0])
        granted = 0
        for _rank, demand in candidates:
            if granted >= self.max_main:
                break
            choices[demand.key] = StreamChoice.MAIN
            granted += 1
        return PolicyResult(choices, len(candidates), granted, self.max_main)
