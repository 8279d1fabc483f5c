"""Wall-clock times as the review window shows them, and speeds as the operator reads them."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction


def wall_text(moment: datetime | None) -> str:
    """Local date and time to the millisecond (the recording's wall clock, not a file
    offset)."""
    if moment is None:
        return "--:--:--"
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S.") + f"{local.microsecond // 1000:03d}"


def rate_text(rate: float) -> str:
    """``1/8×`` … ``16×``."""
    fraction = Fraction(rate).limit_denominator(16)
    if fraction.denominator == 1:
        return f"{fraction.numerator}×"
    return f"{fraction.numerator}/{fraction.denominator}×"
