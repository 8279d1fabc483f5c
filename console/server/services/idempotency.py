"""``Idempotency-Key``: a repeated request gets the first answer and changes nothing.

The key's row is inserted at the start of the same transaction that carries the effect and
is completed with the answer before commit, so effect and record commit together or not at
all. A concurrent duplicate waits on the row (SQLite: the write lock taken at BEGIN;
PostgreSQL: the primary-key index) and then replays the stored answer. Only successful
answers are stored: a refused request changed nothing and may be retried with the same key.
A key reused for a different request is refused (422 ``idempotency_key_reused``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.server.db.database import Database
from console.server.db.tables import IdempotencyRow
from console.server.services.caller import Caller
from console.server.services.clock import utcnow
from console.server.services.errors import Invalid

Work = Callable[[Session], tuple[int, BaseModel]]


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: str
    replayed: bool = False


class _Raced(Exception):
    """Another request with the same key committed first."""


def fingerprint(method: str, path: str, payload: str) -> str:
    """What identifies "the same request" for a key: method, path and the parsed payload."""
    return hashlib.sha256(f"{method}\n{path}\n{payload}".encode()).hexdigest()


def _replay(row: IdempotencyRow, request_hash: str) -> Answer:
    if row.request_hash != request_hash:
        raise Invalid(
            "Idempotency-Key",
            "this key was already used for a different request",
            code="idempotency_key_reused",
        )
    return Answer(row.status_code, row.body, replayed=True)


def run(
    db: Database,
    caller: Caller,
    key: str | None,
    method: str,
    request_hash: str,
    work: Work,
) -> Answer:
    """Do ``work`` in one write transaction, at most once per (caller, key)."""
    if key is None:
        with db.write() as session:
            status, model = work(session)
            return Answer(status, model.model_dump_json())
    for _attempt in range(3):
        try:
            with db.write() as session:
                existing = session.get(IdempotencyRow, (caller.user_id, key))
                if existing is not None:
                    return _replay(existing, request_hash)
                row = IdempotencyRow(
                    user_id=caller.user_id,
                    key=key,
                    method=method,
                    request_hash=request_hash,
                    status_code=0,
                    body="",
                    created_at=utcnow(),
                )
                session.add(row)
                try:
                    session.flush()
                except IntegrityError:
                    raise _Raced from None
                status, model = work(session)
                body = model.model_dump_json()
                row.status_code = status
                row.body = body
                return Answer(status, body)
        except _Raced:
            continue
    with db.read() as session:
        existing = session.get(IdempotencyRow, (caller.user_id, key))
        if existing is None:  # pragma: no cover - the racing request rolled back thrice
            raise RuntimeError("idempotency race did not settle")
        return _replay(existing, request_hash)
