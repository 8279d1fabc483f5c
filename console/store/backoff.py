"""When to try a failed delivery again: exponential backoff, capped, with jitter."""

from __future__ import annotations

import random

BASE_DELAY_S = 1.0
MAX_DELAY_S = 60.0


def backoff_delay(
    attempts: int,
    *,
    base_s: float = BASE_DELAY_S,
    cap_s: float = MAX_DELAY_S,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1 = the first failure).

    The ceiling doubles per attempt up to ``cap_s``; the delay is drawn from the upper half of
    it, so consoles that lost the server together do not all come back in the same second,
    yet none retries sooner than half the ceiling.
    """
    if attempts < 1:
        return 0.0
    ceiling = min(cap_s, base_s * 2.0 ** min(attempts - 1, 62))
    draw = (rng or random).random()
    return ceiling / 2.0 + draw * ceiling / 2.0
