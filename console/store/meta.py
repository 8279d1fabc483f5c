"""Small facts about the cache: where the event stream left off, when it was last refreshed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.store.cache_schema import MetaRow
from console.store.sessions import Sessions

LAST_EVENT_ID = "last_event_id"
LAST_FULL_REFRESH = "last_full_refresh"


class MetaStore:
    """String key-values in the cache, with typed accessors for the well-known keys."""

    def __init__(self, database: Sessions) -> None:
        self._db = database

    def get(self, key: str) -> str | None:
        with self._db.read() as session:
            return session.scalar(select(MetaRow.value).where(MetaRow.key == key))

    def set(self, key: str, value: str) -> None:
        statement = sqlite_insert(MetaRow).values(key=key, value=value)
        statement = statement.on_conflict_do_update(
            index_elements=["key"], set_={"value": statement.excluded.value}
        )
        with self._db.write() as session:
            session.execute(statement)

    def delete(self, key: str) -> None:
        with self._db.write() as session:
            session.execute(delete(MetaRow).where(MetaRow.key == key))

    @property
    def last_event_id(self) -> int | None:
        """The id of the last live event applied (sent as ``Last-Event-ID`` to resume)."""
        value = self.get(LAST_EVENT_ID)
        return int(value) if value is not None else None

    @last_event_id.setter
    def last_event_id(self, event_id: int | None) -> None:
        if event_id is None:
            self.delete(LAST_EVENT_ID)
        else:
            self.set(LAST_EVENT_ID, str(int(event_id)))

    @property
    def last_full_refresh(self) -> datetime | None:
        """When everything was last fetched from the server (None: never, or rebuilt)."""
        value = self.get(LAST_FULL_REFRESH)
        return datetime.fromisoformat(value) if value is not None else None

    @last_full_refresh.setter
    def last_full_refresh(self, moment: datetime | None) -> None:
        if moment is None:
            self.delete(LAST_FULL_REFRESH)
            return
        if moment.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC-aware values")
        self.set(LAST_FULL_REFRESH, moment.isoformat())
