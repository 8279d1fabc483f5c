"""Number plates: one canonical spelling for every way people type them, clear refusals."""

from __future__ import annotations

import pytest

from console.domain.vehicles import Compass, PlateError, compass, normalize_plate


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("琼C·12345", "琼C·12345"),
        ("琼c12345", "琼C·12345"),
        ("琼 C 1 2 3 4 5", "琼C·12345"),
        ("琼C・12345", "琼C·12345"),  # katakana middle dot (full-width)
        ("琼C･12345", "琼C·12345"),  # half-width katakana middle dot
        ("琼C•12345", "琼C·12345"),
        ("琼Ｃ１２３４５", "琼C·12345"),  # full-width letters and digits
        ("琼Ｃ\u300012345", "琼C·12345"),  # ideographic space
        ("琼a·88888", "琼A·88888"),
        ("琼C·D12345", "琼C·D12345"),  # new-energy: six serial characters
        ("粤B·1234学", "粤B·1234学"),
        ("京A-F0236", "京A·F0236"),
    ],
)
def test_spellings_normalise_to_one_plate(typed: str, canonical: str) -> None:
    assert normalize_plate(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        (" · ", "empty"),
        ("AB12345", "province"),
        ("琼12345", "letter A–Z"),
        ("琼C·1234", "5 characters"),
        ("琼C·1234567", "5 characters"),
        ("琼C·12O45", "except I and O"),
        ("琼C·12I45", "except I and O"),
        ("琼C·12#45", "digits and letters"),
    ],
)
def test_impossible_plates_are_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(PlateError, match=reason):
        normalize_plate(typed)


def test_a_plate_error_is_a_value_error() -> None:
    assert issubclass(PlateError, ValueError)


@pytest.mark.parametrize(
    ("bearing", "wind"),
    [
        (0, Compass.N),
        (22.4, Compass.N),
        (22.6, Compass.NE),
        (90, Compass.E),
        (181, Compass.S),
        (270, Compass.W),
        (337.6, Compass.N),
        (359.9, Compass.N),
        (-45, Compass.NW),
        (405, Compass.NE),
    ],
)
def test_compass_winds(bearing: float, wind: Compass) -> None:
    assert compass(bearing) is wind
