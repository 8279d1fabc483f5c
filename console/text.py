"""Filling ``%1``, ``%2`` ... placeholders in translated strings, as Qt's ``QString.arg`` does.

Translations move placeholders around (Chinese often reverses the order), so strings carry
numbered markers rather than Python formatting. All markers are replaced in one pass, so a
value that itself contains ``%2`` is left alone.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1`` replaced by ``values[0]``, ``%2`` by ``values[1]``, and so on."""

    def substitute(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _MARKER.sub(substitute, template)
