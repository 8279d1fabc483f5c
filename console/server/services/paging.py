"""Opaque keyset cursors: a JSON list of sort-key values, URL-safe base64 encoded."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from console.server.services.errors import Invalid


def encode_cursor(*values: Any) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        raise Invalid("cursor", "not a cursor this server issued") from None
    if (
        not isinstance(values, list)
        or len(values) != arity
        or not all(isinstance(v, str | int) for v in values)
    ):
        raise Invalid("cursor", "not a cursor this server issued")
    return values
