"""Masking a hotline caller's name and phone number for lists, logs and audit lines.

The full values are kept and shown only where the incident itself is read; everywhere an
incident is merely listed or recorded, the masked forms stand in: the family name and the
last character of the given name stay (``张*明``), a mobile number keeps its first three and
last four digits (``138****5678``).
"""

from __future__ import annotations

_MASK = "*"


def mask_name(name: str) -> str:
    """``"张三明"`` → ``"张*明"``, ``"张三"`` → ``"张*"``; a single character stays as is."""
    text = name.strip()
    if len(text) <= 1:
        return text
    if len(text) == 2:
        return text[0] + _MASK
    return text[0] + _MASK * (len(text) - 2) + text[-1]


def mask_phone(phone: str) -> str:
    """``"13812345678"`` → ``"138****5678"``; short numbers keep only their last two digits."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if not digits:
        return ""
    if len(digits) >= 7:
        return digits[:3] + _MASK * (len(digits) - 7) + digits[-4:]
    return _MASK * max(len(digits) - 2, 0) + digits[-2:]
