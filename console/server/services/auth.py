"""Sign-in and sign-out, and turning a bearer token back into a ``Caller``."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.model import Role, User
from console.server.db.tables import TokenRow, UserRow
from console.server.services import audit
from console.server.services.caller import Caller
from console.server.services.clock import utcnow
from console.server.services.errors import Unauthenticated
from console.server.services.passwords import (
    DUMMY_HASH,
    new_token,
    token_digest,
    verify_password,
)

logger = logging.getLogger(__name__)


def user_of(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        department_id=row.department_id,
        unit_id=row.unit_id,
    )


def caller_of(row: UserRow) -> Caller:
    return Caller(
        user_id=row.id,
        username=row.username,
        role=Role(row.role),
        department_id=row.department_id,
        unit_id=row.unit_id,
    )


def login(
    session: Session, username: str, password: str, *, ttl: timedelta, client: str = ""
) -> tuple[str, datetime, User] | None:
    """A fresh token for the user, or None; both outcomes are audited.

    A refusal returns instead of raising so that its audit line is committed.
    """
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    valid = verify_password(password, row.password_hash if row else DUMMY_HASH)
    if row is None or not valid or not row.active:
        audit.record(
            session,
            None,
            "auth.login_failed",
            entity_type="user",
            entity_id=row.id if row else None,
            detail={"username": username[:200], "client": client},
        )
        logger.info("failed sign-in for %s", username[:200])
        return None
    token = new_token()
    now = utcnow()
    expires_at = now + ttl
    session.add(
        TokenRow(
            token_hash=token_digest(token), user_id=row.id, created_at=now, expires_at=expires_at
        )
    )
    caller = caller_of(row)
    audit.record(
        session,
        caller,
        "auth.login",
        entity_type="user",
        entity_id=row.id,
        detail={"client": client},
    )
    return token, expires_at, user_of(row)


def authenticate(session: Session, token: str) -> Caller:
    found = session.execute(
        select(TokenRow, UserRow)
        .join(UserRow, UserRow.id == TokenRow.user_id)
        .where(TokenRow.token_hash == token_digest(token))
    ).first()
    if found is None:
        raise Unauthenticated("unknown token")
    token_row, user_row = found
    if token_row.revoked_at is not None or token_row.expires_at <= utcnow() or not user_row.active:
        raise Unauthenticated("the token has expired or was revoked")
    return caller_of(user_row)


def logout(session: Session, caller: Caller, token: str) -> None:
    row = session.get(TokenRow, token_digest(token))
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
    audit.record(session, caller, "auth.logout", entity_type="user", entity_id=caller.user_id)


def get_user(session: Session, user_id: str) -> User | None:
    row = session.get(UserRow, user_id)
    return user_of(row) if row else None
