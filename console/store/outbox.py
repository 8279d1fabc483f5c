"""The outbox: every operator action, stored durably before anything is sent.

Each action becomes one row with a fresh idempotency key (sent as the ``Idempotency-Key``
header, so a repeat after a crash or a lost answer changes nothing on the server). A
delivery worker drains it::

    while (item := outbox.next_due()) is not None:
        answer = send(item)                      # with item.idempotency_key
        if answer.ok:            outbox.mark_delivered(item.seq, answer.status, answer.text)
        elif answer.rejected:    outbox.mark_rejected(item.seq, answer.status, answer.reason)
        else:                    outbox.mark_failed_retryable(item.seq, error, retry_at)

Ordering rules:

* Items go out in ``seq`` order (the order the operator acted in). The *head* is the
  lowest-numbered pending item that is not held; while the head waits for its retry time
  (network down, server error) nothing else is sent, so a recovering server sees the
  actions in the order they were made and is not hit by the whole queue at once.
* A rejected item (409/422) leaves the flow and waits for the operator, who fixes it
  (``edit_and_retry``) or drops it (``discard``). It holds back only the later items on the
  *same entity* (same ``/incidents/<id>``, ``/alerts/<id>``, ...), which were decided on top
  of it; everything else keeps flowing.
* A kept item was rescued from an outbox that could not be opened (damaged, or written by a
  newer version; see ``console.store.kept``). It is not sent until the operator delivers it
  (``deliver_kept``, with its original idempotency key, so the server applies it at most
  once) or drops it (``discard``); like a rejection it holds back later items on its entity.
* ``entity`` is derived from the request path (its first two segments) unless given.
  Creating requests (``POST /incidents``) have no entity and hold nothing back.

Every change is one transaction on a database opened with ``synchronous=FULL``: when a
method returns, the change survives a crash or a power cut. Listeners run after the commit,
on the calling thread; they must not block (a Qt adapter re-emits them as a signal).
"""

from __future__ import annotations

import builtins
import enum
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, delete, exists, func, select
from sqlalchemy.orm import Session, aliased

from console.store.attachments import remove_files, store_file, sweep_orphans
from console.store.outbox_schema import OutboxFileRow, OutboxItemRow
from console.store.sessions import Sessions
from console.store.types import utc_now
from console.wire import API_PREFIX

logger = logging.getLogger(__name__)


class OutboxState(enum.StrEnum):
    PENDING = "pending"  # waiting to be delivered (possibly held or backing off)
    DELIVERED = "delivered"  # the server accepted it
    REJECTED = "rejected"  # the server refused it (409/422); the operator decides
    DISCARDED = "discarded"  # the operator dropped it
    KEPT = "kept"  # rescued from an outbox that could not be opened; the operator decides


UNFINISHED = frozenset({OutboxState.PENDING, OutboxState.REJECTED, OutboxState.KEPT})
# Undecided items hold back later items on the same entity.
_UNDECIDED = (OutboxState.REJECTED.value, OutboxState.KEPT.value)


class Encoding(enum.StrEnum):
    JSON = "json"  # body sent as the JSON request body
    MULTIPART = "multipart"  # body sent as form fields, with the files


@dataclass(frozen=True, slots=True)
class OutboxFile:
    """One attachment of a multipart item, stored in the outbox files folder."""

    field: str
    filename: str
    content_type: str
    path: Path
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One queued action, as the GUI shows it and the delivery worker sends it.

    ``held_by`` is the seq of an earlier rejected item on the same entity that keeps this
    pending item from being sent (None when it is free to go).
    """

    seq: int
    idempotency_key: str
    kind: str
    method: str
    path: str
    body: dict[str, Any]
    encoding: Encoding
    entity: str | None
    summary: str
    state: OutboxState
    attempts: int
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime
    last_error: str | None = None
    response_status: int | None = None
    response_body: str | None = None
    reason: str | None = None
    files: tuple[OutboxFile, ...] = ()
    held_by: int | None = None


@dataclass(frozen=True, slots=True)
class KeptFile:
    """An attachment of a rescued action: where its bytes are now, and how it is sent."""

    field: str
    filename: str
    content_type: str
    path: Path


@dataclass(frozen=True, slots=True)
class KeptAction:
    """An action rescued from an outbox that could not be opened, to be stored as kept.

    ``reason`` says what the operator should know about it (why it was rejected before, or
    which of its attachments could not be recovered), or is None.
    """

    idempotency_key: str
    kind: str
    method: str
    path: str
    body: dict[str, Any]
    encoding: Encoding
    entity: str | None
    summary: str
    created_at: datetime | None
    files: tuple[KeptFile, ...] = ()
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxChange:
    """Sent to listeners after a committed change: which item, and its state now."""

    seq: int
    state: OutboxState


FileSpec = tuple[str, str, str, bytes | Path]
"""A multipart file: (form field, file name, content type, the bytes or a path to copy)."""

Listener = Callable[[OutboxChange], None]


class OutboxError(Exception):
    """A request the outbox cannot carry out (unknown item, or not in a suitable state)."""


class _Derive(enum.Enum):
    FROM_PATH = enum.auto()


def entity_of(path: str) -> str | None:
    """What a request path changes: ``/incidents/7/actions`` -> ``/incidents/7``."""
    if path.startswith(API_PREFIX + "/"):
        path = path[len(API_PREFIX) :]
    segments = [segment for segment in path.split("?", 1)[0].split("/") if segment]
    if len(segments) < 2:
        return None
    return f"/{segments[0]}/{segments[1]}"


def _dumps(body: Mapping[str, Any]) -> str:
    return json.dumps(dict(body), ensure_ascii=False, allow_nan=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not queued; use UTC-aware values")
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _head_query() -> Select[OutboxItemRow]:
    """The lowest pending item not held back by an earlier undecided item on its entity."""
    earlier_rejection = aliased(OutboxItemRow)
    held = exists().where(
        and_(
            earlier_rejection.entity == OutboxItemRow.entity,
            earlier_rejection.state.in_(_UNDECIDED),
            earlier_rejection.seq < OutboxItemRow.seq,
        )
    )
    return (
        select(OutboxItemRow)
        .where(OutboxItemRow.state == OutboxState.PENDING.value)
        .where(~(OutboxItemRow.entity.is_not(None) & held))
        .order_by(OutboxItemRow.seq)
        .limit(1)
    )


# Built once: a statement rebuilt per call (an alias especially) defeats the compiled cache.
_HEAD_QUERY = _head_query()


class Outbox:
    """The durable queue of operator actions in ``outbox.sqlite`` (see the module docstring)."""

    def __init__(
        self, database: Sessions, files_dir: Path, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._db = database
        self._files_dir = files_dir
        self._clock = clock
        self._listeners: list[Listener] = []
        files_dir.mkdir(parents=True, exist_ok=True)
        sweep_orphans(files_dir, self._referenced_files())

    @property
    def files_dir(self) -> Path:
        return self._files_dir

    # ------------------------------------------------------------------ listeners

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, seq: int, state: OutboxState) -> None:
        change = OutboxChange(seq, state)
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                logger.exception("outbox listener failed on %s", change)

    # ------------------------------------------------------------------ writing

    def enqueue(
        self,
        kind: str,
        method: str,
        path: str,
        body: Mapping[str, Any],
        *,
        files: Sequence[FileSpec] = (),
        summary: str,
        entity: str | None | _Derive = _Derive.FROM_PATH,
        multipart: bool | None = None,
    ) -> OutboxItem:
        """Queue one action; when this returns, it is on disk and will be delivered.

        ``path`` is relative to the API base (``/incidents/7/actions``). ``multipart``
        defaults to True exactly when files are given. Files are copied into the outbox
        folder and made durable before the row commits.
        """
        encoded = _dumps(body)
        if entity is _Derive.FROM_PATH:
            entity = entity_of(path)
        wants_multipart = bool(files) if multipart is None else multipart
        encoding = Encoding.MULTIPART if wants_multipart else Encoding.JSON
        stored = [(spec, store_file(self._files_dir, spec[1], spec[3])) for spec in files]
        now = self._clock()
        row = OutboxItemRow(
            idempotency_key=str(uuid.uuid4()),
            kind=kind,
            method=method.upper(),
            path=path,
            body=encoded,
            encoding=encoding.value,
            entity=entity,
            summary=summary,
            state=OutboxState.PENDING.value,
            attempts=0,
            created_at=now,
            updated_at=now,
            next_attempt_at=now,
        )
        try:
            with self._db.write() as session:
                session.add(row)
                session.flush()
                file_rows = [
                    OutboxFileRow(
                        seq=row.seq,
                        position=position,
                        field=spec[0],
                        filename=spec[1],
                        content_type=spec[2],
                        stored_name=on_disk.stored_name,
                        size=on_disk.size,
                        sha256=on_disk.sha256,
                    )
                    for position, (spec, on_disk) in enumerate(stored)
                ]
                session.add_all(file_rows)
                item = self._to_item(row, tuple(self._to_file(f) for f in file_rows), None)
        except Exception:
            remove_files(self._files_dir, [on_disk.stored_name for _, on_disk in stored])
            raise
        logger.debug("queued outbox item %d (%s %s)", item.seq, item.method, item.path)
        self._notify(item.seq, item.state)
        return item

    def mark_delivered(
        self, seq: int, response_status: int, response_body: str | Mapping[str, Any] | None
    ) -> OutboxItem:
        """The server accepted the item (any 2xx, or the stored answer to a repeated key)."""
        text = response_body if isinstance(response_body, str | None) else _dumps(response_body)
        with self._db.write() as session:
            row = self._row(session, seq)
            if row.state == OutboxState.DELIVERED:
                return self._item(session, row)
            if row.state != OutboxState.PENDING:
                # Discarded or rejected while the request was in flight, yet the server
                # applied it: the record must say what really happened.
                logger.warning("outbox item %d delivered while %s", seq, row.state)
            row.state = OutboxState.DELIVERED.value
            row.attempts += 1
            row.response_status = response_status
            row.response_body = text
            row.last_error = None
            row.updated_at = self._clock()
            item = self._item(session, row)
        remove_files(self._files_dir, [f.path.name for f in item.files])
        self._notify(seq, item.state)
        return item

    def mark_failed_retryable(self, seq: int, error: str, next_attempt_at: datetime) -> OutboxItem:
        """Sending failed in a way worth retrying (no connection, timeout, 5xx, 429)."""
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.PENDING}, "retry")
            row.attempts += 1
            row.last_error = error
            row.next_attempt_at = next_attempt_at
            row.updated_at = self._clock()
            item = self._item(session, row)
        self._notify(seq, item.state)
        return item

    def mark_rejected(self, seq: int, status: int, reason: str) -> OutboxItem:
        """The server refused the item (409/422): it waits for the operator to fix or drop it."""
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.PENDING}, "reject")
            row.state = OutboxState.REJECTED.value
            row.attempts += 1
            row.response_status = status
            row.reason = reason
            row.updated_at = self._clock()
            item = self._item(session, row)
        logger.info("outbox item %d rejected (%d): %s", seq, status, reason)
        self._notify(seq, item.state)
        return item

    def edit_and_retry(self, seq: int, new_body: Mapping[str, Any] | None = None) -> OutboxItem:
        """Send a rejected item again, with ``new_body`` if given.

        A changed body is a new request, so it gets a new idempotency key (the server would
        otherwise answer with what it remembered for the old one); an unchanged body keeps
        its key. Either way the item keeps its place (``seq``) in the order.
        """
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.REJECTED}, "retry")
            if new_body is not None:
                encoded = _dumps(new_body)
                if encoded != row.body:
                    row.body = encoded
                    row.idempotency_key = str(uuid.uuid4())
            now = self._clock()
            row.state = OutboxState.PENDING.value
            row.reason = None
            row.response_status = None
            row.last_error = None
            row.next_attempt_at = now
            row.updated_at = now
            item = self._item(session, row)
        self._notify(seq, item.state)
        return item

    def retry_now(self, seq: int) -> OutboxItem:
        """Skip the rest of a pending item's backoff (the operator's "retry now")."""
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.PENDING}, "retry")
            now = self._clock()
            row.next_attempt_at = now
            row.updated_at = now
            item = self._item(session, row)
        self._notify(seq, item.state)
        return item

    def discard(self, seq: int) -> OutboxItem:
        """Drop a pending or rejected item at the operator's request; it stays in the history."""
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, UNFINISHED, "discard")
            row.state = OutboxState.DISCARDED.value
            row.updated_at = self._clock()
            item = self._item(session, row)
        remove_files(self._files_dir, [f.path.name for f in item.files])
        logger.warning(
            "outbox item %d (%s %s, key %s) discarded by the operator: %s",
            seq,
            item.method,
            item.path,
            item.idempotency_key,
            item.summary,
        )
        self._notify(seq, item.state)
        return item

    def keep(self, actions: Iterable[KeptAction]) -> builtins.list[OutboxItem]:
        """Store actions rescued from an outbox that could not be opened, as kept items.

        Each keeps its idempotency key; one whose key is already here (kept before, or
        delivered from here) is skipped, so keeping the same rescue twice changes nothing.
        Files are copied in and made durable before the rows commit, all rows in one
        transaction. Returns the items added.
        """
        added: builtins.list[OutboxItem] = []
        copied: builtins.list[str] = []
        try:
            with self._db.write() as session:
                known = set(session.scalars(select(OutboxItemRow.idempotency_key)))
                for action in actions:
                    if action.idempotency_key in known:
                        continue
                    known.add(action.idempotency_key)
                    stored = []
                    for kept_file in action.files:
                        on_disk = store_file(self._files_dir, kept_file.filename, kept_file.path)
                        copied.append(on_disk.stored_name)
                        stored.append((kept_file, on_disk))
                    now = self._clock()
                    row = OutboxItemRow(
                        idempotency_key=action.idempotency_key,
                        kind=action.kind,
                        method=action.method.upper(),
                        path=action.path,
                        body=_dumps(action.body),
                        encoding=action.encoding.value,
                        entity=action.entity,
                        summary=action.summary,
                        state=OutboxState.KEPT.value,
                        attempts=0,
                        created_at=action.created_at or now,
                        updated_at=now,
                        next_attempt_at=now,
                        reason=action.reason,
                    )
                    session.add(row)
                    session.flush()
                    file_rows = [
                        OutboxFileRow(
                            seq=row.seq,
                            position=position,
                            field=kept_file.field,
                            filename=kept_file.filename,
                            content_type=kept_file.content_type,
                            stored_name=on_disk.stored_name,
                            size=on_disk.size,
                            sha256=on_disk.sha256,
                        )
                        for position, (kept_file, on_disk) in enumerate(stored)
                    ]
                    session.add_all(file_rows)
                    added.append(
                        self._to_item(row, tuple(self._to_file(f) for f in file_rows), None)
                    )
        except Exception:
            remove_files(self._files_dir, copied)
            raise
        for item in added:
            logger.warning(
                "outbox item %d kept for the operator (%s %s, key %s): %s",
                item.seq,
                item.method,
                item.path,
                item.idempotency_key,
                item.summary,
            )
            self._notify(item.seq, item.state)
        return added

    def deliver_kept(self, seq: int) -> OutboxItem:
        """The operator chose to send a kept item: it joins the queue with its original key."""
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.KEPT}, "deliver")
            now = self._clock()
            row.state = OutboxState.PENDING.value
            row.next_attempt_at = now
            row.updated_at = now
            item = self._item(session, row)
        logger.info("kept outbox item %d released for delivery by the operator", seq)
        self._notify(seq, item.state)
        return item

    def prune(self, finished_before: datetime) -> int:
        """Forget delivered and discarded items last changed before ``finished_before``."""
        finished = [OutboxState.DELIVERED.value, OutboxState.DISCARDED.value]
        with self._db.write() as session:
            result = session.execute(
                delete(OutboxItemRow).where(
                    OutboxItemRow.state.in_(finished), OutboxItemRow.updated_at < finished_before
                )
            )
        return int(getattr(result, "rowcount", 0) or 0)

    # ------------------------------------------------------------------ reading

    def next_due(self, now: datetime | None = None) -> OutboxItem | None:
        """The item to send now, or None (queue empty, all held, or the head is backing off)."""
        moment = now if now is not None else self._clock()
        with self._db.read() as session:
            row = self._head(session)
            if row is None or row.next_attempt_at > moment:
                return None
            return self._item(session, row)

    def next_attempt_time(self) -> datetime | None:
        """When the head becomes due (a worker sleeps until then); None if nothing waits."""
        with self._db.read() as session:
            row = self._head(session)
            return row.next_attempt_at if row is not None else None

    def get(self, seq: int) -> OutboxItem | None:
        with self._db.read() as session:
            row = session.get(OutboxItemRow, seq)
            return self._item(session, row, with_hold=True) if row is not None else None

    def pending_count(self) -> int:
        """Items not yet delivered that need no decision (held ones included)."""
        return self.counts().get(OutboxState.PENDING, 0)

    def counts(self) -> dict[OutboxState, int]:
        with self._db.read() as session:
            rows = session.execute(
                select(OutboxItemRow.state, func.count()).group_by(OutboxItemRow.state)
            ).all()
        return {OutboxState(state): int(count) for state, count in rows}

    def list(
        self, states: Iterable[OutboxState] | None = None, *, limit: int | None = None
    ) -> builtins.list[OutboxItem]:
        """Items in delivery order, optionally only those in ``states``."""
        query = select(OutboxItemRow).order_by(OutboxItemRow.seq)
        if states is not None:
            query = query.where(OutboxItemRow.state.in_([OutboxState(s).value for s in states]))
        if limit is not None:
            query = query.limit(limit)
        with self._db.read() as session:
            rows = list(session.scalars(query))
            files = self._files_of(session, [row.seq for row in rows])
            rejected = self._rejected_by_entity(session)
            return [
                self._to_item(row, files.get(row.seq, ()), _held_by(row, rejected)) for row in rows
            ]

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _head(session: Session) -> OutboxItemRow | None:
        return session.scalars(_HEAD_QUERY).first()

    @staticmethod
    def _row(session: Session, seq: int) -> OutboxItemRow:
        row = session.get(OutboxItemRow, seq)
        if row is None:
            raise OutboxError(f"no outbox item {seq}")
        return row

    @staticmethod
    def _require(row: OutboxItemRow, states: Iterable[OutboxState], verb: str) -> None:
        allowed = {state.value for state in states}
        if row.state not in allowed:
            raise OutboxError(f"cannot {verb} outbox item {row.seq}: it is {row.state}")

    def _referenced_files(self) -> set[str]:
        unfinished = [state.value for state in UNFINISHED]
        with self._db.read() as session:
            names = session.scalars(
                select(OutboxFileRow.stored_name)
                .join(OutboxItemRow, OutboxItemRow.seq == OutboxFileRow.seq)
                .where(OutboxItemRow.state.in_(unfinished))
            )
            return set(names)

    def _files_of(self, session: Session, seqs: Sequence[int]) -> dict[int, tuple[OutboxFile, ...]]:
        found: dict[int, builtins.list[OutboxFile]] = {}
        if not seqs:
            return {}
        # Chunked so a long history does not exceed SQLite's bound-parameter limit.
        for start in range(0, len(seqs), 500):
            rows = session.scalars(
                select(OutboxFileRow)
                .where(OutboxFileRow.seq.in_(seqs[start : start + 500]))
                .order_by(OutboxFileRow.seq, OutboxFileRow.position)
            )
            for row in rows:
                found.setdefault(row.seq, []).append(self._to_file(row))
        return {seq: tuple(files) for seq, files in found.items()}

    @staticmethod
    def _rejected_by_entity(session: Session) -> dict[str, int]:
        rows = session.execute(
            select(OutboxItemRow.entity, func.min(OutboxItemRow.seq))
            .where(OutboxItemRow.state.in_(_UNDECIDED))
            .where(OutboxItemRow.entity.is_not(None))
            .group_by(OutboxItemRow.entity)
        ).all()
        return {str(entity): int(seq) for entity, seq in rows}

    def _item(self, session: Session, row: OutboxItemRow, *, with_hold: bool = False) -> OutboxItem:
        files = self._files_of(session, [row.seq]).get(row.seq, ())
        held_by = _held_by(row, self._rejected_by_entity(session)) if with_hold else None
        return self._to_item(row, files, held_by)

    def _to_file(self, row: OutboxFileRow) -> OutboxFile:
        return OutboxFile(
            field=row.field,
            filename=row.filename,
            content_type=row.content_type,
            path=self._files_dir / row.stored_name,
            size=row.size,
            sha256=row.sha256,
        )

    @staticmethod
    def _to_item(
        row: OutboxItemRow, files: tuple[OutboxFile, ...], held_by: int | None
    ) -> OutboxItem:
        return OutboxItem(
            seq=row.seq,
            idempotency_key=row.idempotency_key,
            kind=row.kind,
            method=row.method,
            path=row.path,
            body=json.loads(row.body),
            encoding=Encoding(row.encoding),
            entity=row.entity,
            summary=row.summary,
            state=OutboxState(row.state),
            attempts=row.attempts,
            created_at=row.created_at,
            updated_at=row.updated_at,
            next_attempt_at=row.next_attempt_at,
            last_error=row.last_error,
            response_status=row.response_status,
            response_body=row.response_body,
            reason=row.reason,
            files=files,
            held_by=held_by,
        )


def _held_by(row: OutboxItemRow, rejected_by_entity: Mapping[str, int]) -> int | None:
    if row.state != OutboxState.PENDING or row.entity is None:
        return None
    blocker = rejected_by_entity.get(row.entity)
    return blocker if blocker is not None and blocker < row.seq else None


__all__ = [
    "Encoding",
    "FileSpec",
    "KeptAction",
    "KeptFile",
    "Listener",
    "Outbox",
    "OutboxChange",
    "OutboxError",
    "OutboxFile",
    "OutboxItem",
    "OutboxState",
    "entity_of",
]
