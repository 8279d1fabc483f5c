"""The server-sent events parser: the format's corner cases, and any chunking of a stream."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from console.client.sse import SseEvent, SseParser


def parse_all(chunks: list[bytes]) -> list[SseEvent]:
    parser = SseParser()
    events: list[SseEvent] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    return events


def test_a_plain_frame_gives_its_id_type_and_data() -> None:
    events = parse_all([b'id: 7\nevent: alert.created\ndata: {"a": 1}\n\n'])
    assert events == [SseEvent(event="alert.created", data='{"a": 1}', id="7")]


def test_comments_are_counted_not_dispatched() -> None:
    parser = SseParser()
    assert parser.feed(b": connected\n\n: heartbeat\n\n") == []
    assert parser.comments == 2


def test_data_lines_join_with_newlines_and_lose_one_leading_space() -> None:
    events = parse_all([b"data:  two spaces\ndata:none\ndata\n\n"])
    assert events == [SseEvent(event="message", data=" two spaces\nnone\n", id=None)]


def test_cr_lf_and_crlf_all_end_lines() -> None:
    events = parse_all([b"id: 1\rdata: a\r\n\r\nid: 2\ndata: b\n\n"])
    assert [(e.id, e.data) for e in events] == [("1", "a"), ("2", "b")]


def test_a_crlf_split_between_chunks_is_one_line_end() -> None:
    events = parse_all([b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"])
    assert [e.data for e in events] == ["a", "b"]


def test_a_frame_without_data_is_not_dispatched_but_its_id_sticks() -> None:
    parser = SseParser()
    assert parser.feed(b"id: 5\nevent: x\n\n") == []
    assert parser.last_id == "5"
    assert parser.feed(b"data: y\n\n") == [SseEvent("message", "y", "5")]


def test_id_with_nul_is_ignored_and_retry_takes_digits_only() -> None:
    parser = SseParser()
    parser.feed(b"id: 3\nid: 4\x005\nretry: 2000\nretry: 1e3\ndata: z\n\n")
    assert parser.last_id == "3"
    assert parser.retry_ms == 2000


def test_a_leading_bom_is_dropped_and_bad_utf8_is_replaced() -> None:
    events = parse_all([b"\xef\xbb", b"\xbfdata: caf\xc3", b"\xa9 \xff\n\n"])
    assert events == [SseEvent("message", "café \ufffd", None)]


def test_an_unfinished_frame_is_held_back() -> None:
    parser = SseParser()
    assert parser.feed(b"data: half") == []
    assert parser.feed(b"\n") == []
    assert parser.feed(b"\n") == [SseEvent("message", "half", None)]


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"),
    max_size=40,
)
_frame = st.fixed_dictionaries(
    {
        "id": st.integers(min_value=0, max_value=2**62),
        "event": st.sampled_from(["alert.created", "incident.changed", "unit.moved", "reset"]),
        "data": st.lists(_text, min_size=1, max_size=3),
        "comment": st.booleans(),
    }
)
_line_end = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def stream_and_chunks(draw: st.DrawFn) -> tuple[bytes, list[dict[str, object]], list[bytes]]:
    frames = draw(st.lists(_frame, min_size=1, max_size=8))
    end = draw(_line_end)
    text = ""
    for frame in frames:
        if frame["comment"]:
            text += f": heartbeat{end}{end}"
        text += f"id: {frame['id']}{end}event: {frame['event']}{end}"
        for line in frame["data"]:  # type: ignore[attr-defined]
            text += f"data: {line}{end}"
        text += end
    raw = text.encode()
    cuts = sorted(set(draw(st.lists(st.integers(0, len(raw)), max_size=12))))
    chunks = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    return raw, frames, chunks


@settings(max_examples=300, deadline=None)
@given(stream_and_chunks())
def test_any_chunking_of_a_valid_stream_gives_the_same_events(
    case: tuple[bytes, list[dict[str, object]], list[bytes]],
) -> None:
    raw, frames, chunks = case
    whole = parse_all([raw])
    assert parse_all(chunks) == whole
    byte_by_byte = parse_all([raw[i : i + 1] for i in range(len(raw))])
    assert byte_by_byte == whole
    expected = [
        SseEvent(str(f["event"]), "\n".join(f["data"]), str(f["id"]))  # type: ignore[arg-type]
        for f in frames
    ]
    assert whole == expected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.lists(st.integers(0, 400), max_size=10))
def test_arbitrary_bytes_never_break_the_parser(raw: bytes, cuts: list[int]) -> None:
    points = sorted({c for c in cuts if c <= len(raw)})
    chunks = [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]
    events = parse_all(chunks)
    assert events == parse_all([raw])
    for event in events:
        json.dumps(event.data)  # plain text, always


def test_the_position_moves_at_a_block_end_even_without_an_event() -> None:
    parser = SseParser()
    assert parser.feed(b"retry: 2000\nid: 41\n") == []
    assert parser.position is None  # the greeting's block has not ended: not yet taken
    assert parser.feed(b": connected\n\n") == []
    assert parser.position == "41"
    assert parser.feed(b"id: 42\nevent: x\ndata: {}\n") == []
    assert parser.position == "41"  # a frame cut here was never delivered
    [event] = parser.feed(b"\n")
    assert (event.id, parser.position) == ("42", "42")
