"""A server-sent events parser that takes the stream in chunks of any size.

It follows the event-stream format of the HTML standard: lines end in CR, LF or CRLF (a CR
at the end of one chunk and the LF at the start of the next are one line end); ``:`` starts a
comment; ``data`` lines accumulate with newlines between them; ``id`` sets the last event id
(unless it contains NUL); ``retry`` takes digits only; a blank line dispatches; bytes are
UTF-8 (invalid sequences become U+FFFD) and one leading BOM is dropped.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SseEvent:
    """One dispatched event. ``id`` is the last event id in force when it was dispatched."""

    event: str
    data: str
    id: str | None


class SseParser:
    """Feed bytes with ``feed``; it returns the events completed by them, in order.

    ``comments`` counts comment lines seen (the server's heartbeats); ``retry_ms`` is the
    last reconnection delay the server asked for. ``position`` is the last event id in force
    at the most recent blank line, whether or not an event was dispatched there (as the
    standard sets an event source's last event id): an ``id`` line on its own, in a block
    that ends, moves it; an ``id`` line whose block has not ended yet does not.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._after_cr = False
        self._started = False
        self._data: list[str] = []
        self._has_data = False
        self._event = ""
        self.last_id: str | None = None
        self.retry_ms: int | None = None
        self.comments = 0
        self.position: str | None = None

    def feed(self, chunk: bytes) -> list[SseEvent]:
        text = self._decoder.decode(chunk)
        if not self._started and text:
            self._started = True
            if text.startswith("\ufeff"):
                text = text[1:]
        return self._take(text)

    def _take(self, text: str) -> list[SseEvent]:
        events: list[SseEvent] = []
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        if text:
            self._after_cr = False
        buffer = self._buffer + text
        start = 0
        length = len(buffer)
        while start < length:
            cr = buffer.find("\r", start)
            lf = buffer.find("\n", start)
            ends = [i for i in (cr, lf) if i >= 0]
            if not ends:
                break
            end = min(ends)
            line = buffer[start:end]
            if buffer[end] == "\r":
                if end + 1 < length:
                    start = end + 2 if buffer[end + 1] == "\n" else end + 1
                else:
                    # The LF of a CRLF may be the first byte of the next chunk.
                    self._after_cr = True
                    start = end + 1
            else:
                start = end + 1
            event = self._line(line)
            if event is not None:
                events.append(event)
        self._buffer = buffer[start:]
        return events

    def _line(self, line: str) -> SseEvent | None:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            self.comments += 1
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._has_data = True
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\x00" not in value:
                self.last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SseEvent | None:
        self.position = self.last_id
        has_data, data, event = self._has_data, self._data, self._event
        self._data, self._has_data, self._event = [], False, ""
        if not has_data:
            return None
        return SseEvent(event=event or "message", data="\n".join(data), id=self.last_id)


__all__ = ["SseEvent", "SseParser"]
