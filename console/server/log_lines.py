"""One log record, one line: control characters from logged values are escaped.

A user name with CR/LF could otherwise forge whole records in the server log, and ANSI
escapes could rewrite a terminal showing it. ``install`` wraps the formatter of every
handler the server writes through (the root logger's and uvicorn's) so that the record's
line shows such characters as ``\\r``, ``\\n``, ``\\x1b``. A traceback keeps its lines, each
marked as a continuation with ``  | `` so that none can pass for a record of its own.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterable

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
CONTINUATION = "  | "

SERVER_LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access")
"""The loggers whose handlers the server writes through (root and uvicorn's own)."""


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return _CONTROLS.sub(_escaped, text)


class EscapingFormatter(logging.Formatter):
    """Formats with ``inner`` and escapes control characters in the result.

    The record's own line is escaped completely; exception and stack text keep their line
    breaks, each following line prefixed with ``CONTINUATION``.
    """

    def __init__(self, inner: logging.Formatter | None = None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()
        if hasattr(self.inner, "use_colors"):
            # uvicorn's formatters colour with ANSI escapes, which would only show escaped.
            self.inner.use_colors = False

    def format(self, record: logging.LogRecord) -> str:
        head = copy.copy(record)
        head.exc_info = None
        head.exc_text = None
        head.stack_info = None
        text = escape_controls(self.inner.format(head))
        blocks = []
        if record.exc_info:
            blocks.append(self.inner.formatException(record.exc_info))
        elif record.exc_text:
            blocks.append(record.exc_text)
        if record.stack_info:
            blocks.append(self.inner.formatStack(record.stack_info))
        for block in blocks:
            for line in block.split("\n"):
                text += "\n" + CONTINUATION + escape_controls(line)
        return text


def install(loggers: Iterable[str] = SERVER_LOGGERS) -> None:
    """Wrap the formatter of each handler of ``loggers`` (once; repeated calls are harmless).

    Call it after logging is configured: after ``logging.basicConfig`` and after uvicorn's
    ``Config`` (which installs uvicorn's handlers) is built.
    """
    for name in loggers:
        for handler in logging.getLogger(name).handlers:
            if not isinstance(handler.formatter, EscapingFormatter):
                handler.setFormatter(EscapingFormatter(handler.formatter))
