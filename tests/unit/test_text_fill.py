"""Filling numbered placeholders in one pass, whatever the values contain."""

from __future__ import annotations

import pytest

from console.text import fill


def test_each_marker_takes_its_value_in_any_order() -> None:
    assert fill("%1 of %2", 3, 7) == "3 of 7"
    # Translations move markers around; the numbers, not the positions, decide.
    assert fill("共%2个中的%1个", 3, 7) == "共7个中的3个"
    assert fill("%1 and %1 again", "x") == "x and x again"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Plan %2", "Plan %2 — 5 cameras, 10 s each"),
        ("%1%2%3", "%1%2%3 — 5 cameras, 10 s each"),
        ("100%", "100% — 5 cameras, 10 s each"),
        ("%%1", "%%1 — 5 cameras, 10 s each"),
    ],
)
def test_a_value_holding_markers_is_left_as_written(name: str, expected: str) -> None:
    assert fill("%1 — %2 cameras, %3 s each", name, 5, 10) == expected


def test_a_later_value_cannot_reach_into_an_earlier_one() -> None:
    # Chained replace() would turn the first value's "%2" into the second value.
    assert fill("%1 (%2)", "Gate %2 north", "Operator") == "Gate %2 north (Operator)"
    assert fill("%2: %1", "%1", "%2") == "%2: %1"


def test_markers_without_a_value_and_a_lone_percent_stay() -> None:
    assert fill("%1 and %3", "a") == "a and %3"
    assert fill("50% done, %1 left", 4) == "50% done, 4 left"
    assert fill("no markers", "unused") == "no markers"


def test_values_are_shown_as_text() -> None:
    assert fill("%1|%2|%3", None, 2.5, ["a"]) == "None|2.5|['a']"
