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

* Items go out in ``seq`` order (the order the operator acted in), and on one entity strictly
  so: an item is *free* once no earlier item on its entity is still pending or undecided.
  The next item sent is the lowest-numbered free item that is due.
* When the server is away (no connection, timeout), the failed item waits with the whole
  queue behind it (``mark_failed_retryable``): nothing else is sent until its retry time,
  so a recovering server sees the actions in the order they were made and is not hit by
  the whole queue at once. When the server fails on one item (a 5xx answer, ``alone=True``),
  only that item and later ones on its entity wait (backoff per entity); other entities
  go on.
* A rejected item (409/422) leaves the flow and waits for the operator, who fixes it
  (``edit_and_retry``) or drops it (``discard``). It holds back only the later items on the
  *same entity* (same ``/incidents/<id>``, ``/alerts/<id>``, ...), which were decided on top
  of it; everything else keeps flowing.
* A kept item was rescued from an outbox that could not be opened (damaged, or written by a
  newer version; see ``console.store.kept``). It is not sent until the operator delivers it
  (``deliver_kept``, with its original idempotency key, so the server applies it at most
  once) or drops it (``discard``); like a rejection it holds back later items on its entity.
* ``entity`` is derived from the request path (its first two segments) unless given.
  Creating requests (``POST /incidents``) have no entity and hold nothing back, unless they
  name the record they create with a local id (``creates="local-..."``): then their entity
  is that record (``/incidents/local-...``), and requests queued on it wait behind the
  creation. When the creation is delivered, the server's id is stored (``outbox_local_ids``)
  and every unfinished request naming the local id, in its path or in any body value (a
  ``merged_into``, say), is rewritten to the server's id in the same transaction; requests
  queued later are rewritten as they are queued. A restart anywhere in between loses
  nothing.

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

from sqlalchemy import Select, and_, bindparam, delete, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from console.store.attachments import remove_files, store_file, sweep_orphans
from console.store.outbox_schema import OutboxFileRow, OutboxItemRow, OutboxLocalIdRow
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
# Any of these ahead of an item on its entity keeps the item waiting (per-entity order).
_AHEAD = (OutboxState.PENDING.value, *_UNDECIDED)
_UNFINISHED_VALUES = tuple(state.value for state in UNFINISHED)
# ``waits`` of an item whose own failure (the server failed on it) holds back its entity only.
_ENTITY_WAIT = "entity"

LOCAL_ID_PREFIX = "local-"


def new_local_id() -> str:
    """A fresh id for a record the server has not created yet (``local-<32 hex digits>``)."""
    return LOCAL_ID_PREFIX + uuid.uuid4().hex


def is_local_id(value: str) -> bool:
    """Whether ``value`` names a record only this console knows (not yet on the server)."""
    return value.startswith(LOCAL_ID_PREFIX)


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
    creates: str | None = None  # the local id of the record this request creates


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


def _free_items() -> Select[OutboxItemRow]:
    """Pending items with nothing ahead of them on their entity (pending or undecided), and
    naming no record whose creation is still ahead of them."""
    earlier = aliased(OutboxItemRow)
    behind = exists().where(
        and_(
            earlier.entity == OutboxItemRow.entity,
            earlier.state.in_(_AHEAD),
            earlier.seq < OutboxItemRow.seq,
        )
    )
    # A request naming another record by its local id (a ``merged_into``) waits for that
    # record's creation too: sent before it, it would name nothing the server knows.
    creation = aliased(OutboxItemRow)
    names_uncreated = exists().where(
        and_(
            creation.creates.is_not(None),
            creation.state.in_(_AHEAD),
            creation.seq < OutboxItemRow.seq,
            func.instr(OutboxItemRow.body, creation.creates) > 0,
        )
    )
    return (
        select(OutboxItemRow)
        .where(OutboxItemRow.state == OutboxState.PENDING.value)
        .where(~(OutboxItemRow.entity.is_not(None) & behind))
        .where(~names_uncreated)
    )


def _free_ids() -> Select[Any]:
    return _free_items().with_only_columns(OutboxItemRow.seq)


# Built once, with the time as a parameter: a statement rebuilt per call (an alias
# especially) defeats the compiled cache.
_DUE_QUERY = (
    _free_items()
    .where(OutboxItemRow.next_attempt_at <= bindparam("now"))
    .order_by(OutboxItemRow.seq)
    .limit(1)
)
_EARLIEST_FREE_QUERY = select(func.min(OutboxItemRow.next_attempt_at)).where(
    OutboxItemRow.seq.in_(_free_ids().scalar_subquery())
)
# The end of a wait that holds the whole queue (the server was away), if one is running.
_QUEUE_WAIT_QUERY = select(func.max(OutboxItemRow.next_attempt_at)).where(
    OutboxItemRow.state == OutboxState.PENDING.value,
    OutboxItemRow.waits.is_(None),
    OutboxItemRow.attempts > 0,
    OutboxItemRow.next_attempt_at > bindparam("now"),
)


def _replace_value(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        return [_replace_value(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _replace_value(item, old, new) for key, item in value.items()}
    return value


def _replace_segment(path: str, old: str, new: str) -> str:
    route, mark, query = path.partition("?")
    return "/".join(new if part == old else part for part in route.split("/")) + mark + query


def _local_ids_in(path: str, body: Any) -> set[str]:
    found = {part for part in path.split("?", 1)[0].split("/") if is_local_id(part)}
    stack = [body]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if is_local_id(value):
                found.add(value)
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return found


@dataclass(frozen=True, slots=True)
class _Rewritten:
    path: str
    body: dict[str, Any]
    entity: str | None


def _rewrite(path: str, body: dict[str, Any], entity: str | None, old: str, new: str) -> _Rewritten:
    """A request that named a local id, naming the server's id instead.

    A version the operator saw on the local record means nothing on the server's (which
    starts at 1 and may have moved on), so ``expected_version`` is dropped from requests on
    the record itself.
    """
    new_path = _replace_segment(path, old, new)
    new_body = _replace_value(body, old, new)
    if new_path != path:
        new_body.pop("expected_version", None)
    new_entity = _replace_segment(entity, old, new) if entity is not None else None
    return _Rewritten(new_path, new_body, new_entity)


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
        creates: str | None = None,
    ) -> OutboxItem:
        """Queue one action; when this returns, it is on disk and will be delivered.

        ``path`` is relative to the API base (``/incidents/7/actions``). ``multipart``
        defaults to True exactly when files are given. Files are copied into the outbox
        folder and made durable before the row commits. ``creates`` is the local id
        (``new_local_id()``) of the record a creating request makes; its entity is then that
        record. Local ids the server has already replaced are rewritten here.
        """
        encoded = _dumps(body)
        if creates is not None and not is_local_id(creates):
            raise ValueError(f"{creates!r} is not a local id")
        if entity is _Derive.FROM_PATH:
            entity = entity_of(f"{path.rstrip('/')}/{creates}" if creates else path)
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
            creates=creates,
        )
        try:
            with self._db.write() as session:
                self._name_server_ids(session, row)
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
        self,
        seq: int,
        response_status: int,
        response_body: str | Mapping[str, Any] | None,
        *,
        created_id: str | None = None,
    ) -> OutboxItem:
        """The server accepted the item (any 2xx, or the stored answer to a repeated key).

        ``created_id`` is the server's id of the record a creating item (``creates``) made:
        in the same transaction, it replaces the local id in every unfinished item.
        """
        text = response_body if isinstance(response_body, str | None) else _dumps(response_body)
        with self._db.write() as session:
            row = self._row(session, seq)
            if row.creates is not None and created_id is not None:
                self._resolve(session, row, created_id)
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

    def mark_failed_retryable(
        self, seq: int, error: str, next_attempt_at: datetime, *, alone: bool = False
    ) -> OutboxItem:
        """Sending failed in a way worth retrying (no connection, timeout, 5xx, 429).

        The whole queue waits until ``next_attempt_at`` (the server is away), or with
        ``alone`` only this item and the later ones on its entity (the server failed on it).
        """
        with self._db.write() as session:
            row = self._row(session, seq)
            self._require(row, {OutboxState.PENDING}, "retry")
            row.attempts += 1
            row.waits = _ENTITY_WAIT if alone else None
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

    def retry_waiting(self) -> int:
        """End the wait that holds the whole queue (the server is back); returns how many
        items it released. Items the server itself failed on keep their own backoff."""
        now = self._clock()
        with self._db.write() as session:
            rows = list(
                session.scalars(
                    select(OutboxItemRow).where(
                        OutboxItemRow.state == OutboxState.PENDING.value,
                        OutboxItemRow.waits.is_(None),
                        OutboxItemRow.next_attempt_at > now,
                    )
                )
            )
            for row in rows:
                row.next_attempt_at = now
                row.updated_at = now
        for row in rows:
            self._notify(row.seq, OutboxState.PENDING)
        return len(rows)

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
        """The item to send now, or None (queue empty, all held or backing off, or the whole
        queue waiting for the server)."""
        moment = now if now is not None else self._clock()
        with self._db.read() as session:
            if session.scalar(_QUEUE_WAIT_QUERY, {"now": moment}) is not None:
                return None
            row = session.scalars(_DUE_QUERY, {"now": moment}).first()
            return self._item(session, row) if row is not None else None

    def next_attempt_time(self) -> datetime | None:
        """When an item next becomes due (a worker sleeps until then); None if none waits."""
        with self._db.read() as session:
            queue_wait = session.scalar(_QUEUE_WAIT_QUERY, {"now": self._clock()})
            if queue_wait is not None:
                return queue_wait
            return session.scalar(_EARLIEST_FREE_QUERY)

    def server_id(self, local_id: str) -> str | None:
        """The server's id for a record created under ``local_id``, once it is known."""
        with self._db.read() as session:
            row = session.get(OutboxLocalIdRow, local_id)
            return row.server_id if row is not None else None

    def waiting_local_ids(self) -> set[str]:
        """Local ids of records whose creation is still unfinished (pending or undecided)."""
        with self._db.read() as session:
            return set(
                session.scalars(
                    select(OutboxItemRow.creates).where(
                        OutboxItemRow.creates.is_not(None),
                        OutboxItemRow.state.in_(_UNFINISHED_VALUES),
                    )
                )
            )

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

    def _resolve(self, session: Session, creation: OutboxItemRow, server_id: str) -> None:
        """Store ``creation``'s server id and name it in every unfinished item instead."""
        local_id = str(creation.creates)
        if session.get(OutboxLocalIdRow, local_id) is None:
            session.add(
                OutboxLocalIdRow(
                    local_id=local_id,
                    server_id=server_id,
                    created_seq=creation.seq,
                    resolved_at=self._clock(),
                )
            )
        naming = session.scalars(
            select(OutboxItemRow).where(
                OutboxItemRow.state.in_(_UNFINISHED_VALUES),
                OutboxItemRow.seq != creation.seq,
                or_(
                    OutboxItemRow.path.contains(local_id, autoescape=True),
                    OutboxItemRow.body.contains(local_id, autoescape=True),
                    OutboxItemRow.entity.contains(local_id, autoescape=True),
                ),
            )
        )
        count = 0
        for row in naming:
            rewritten = _rewrite(row.path, json.loads(row.body), row.entity, local_id, server_id)
            row.path = rewritten.path
            row.body = _dumps(rewritten.body)
            row.entity = rewritten.entity
            count += 1
        # The creating item itself now names the server's record.
        creation.entity = (
            _replace_segment(creation.entity, local_id, server_id)
            if creation.entity is not None
            else None
        )
        logger.info(
            "outbox item %d created %s as %s; %d queued item(s) rewritten",
            creation.seq,
            local_id,
            server_id,
            count,
        )

    @staticmethod
    def _name_server_ids(session: Session, row: OutboxItemRow) -> None:
        """Rewrite a new item's local ids whose records the server has already created."""
        if LOCAL_ID_PREFIX not in row.path and LOCAL_ID_PREFIX not in row.body:
            return
        body = json.loads(row.body)
        for local_id in _local_ids_in(row.path, body):
            known = session.get(OutboxLocalIdRow, local_id)
            if known is None:
                continue
            rewritten = _rewrite(row.path, body, row.entity, local_id, known.server_id)
            row.path, body, row.entity = rewritten.path, rewritten.body, rewritten.entity
        row.body = _dumps(body)

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
            creates=row.creates,
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
    "LOCAL_ID_PREFIX",
    "entity_of",
    "is_local_id",
    "new_local_id",
]
