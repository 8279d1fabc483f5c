"""Wall-clock times as the review window shows them, and speeds as the operator reads them."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

from PySide6.QtCore import QDateTime


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


def to_qdatetime(moment: datetime) -> QDateTime:
    """``moment`` as a date-time edit shows it (the workstation's time zone)."""
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """What a date-time edit holds, as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


def size_text(size: int) -> str:
    """Bytes as an operator reads them (MB with one decimal, KB below that)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size <= 0:
        return "0 KB"
    return f"{max(1, size // 1024)} KB"
