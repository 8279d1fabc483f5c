"""The console's local store: a cache of server data and the outbox of operator actions.

Two SQLite files under one folder: ``cache.sqlite`` (rebuildable; WAL, synchronous=NORMAL)
and ``outbox.sqlite`` (the operator's unsent work; WAL, synchronous=FULL). Open both with
``open_store(directory)``; read ``Store.problems`` for anything to tell the operator.
"""

from console.store.backoff import backoff_delay
from console.store.health import StoreUnavailable
from console.store.incidents import IncidentFilter, IncidentPage, IncidentSort
from console.store.kept import KeptSummary, export_actions
from console.store.migrate import StoreDatabase
from console.store.outbox import (
    Encoding,
    FileSpec,
    Outbox,
    OutboxChange,
    OutboxError,
    OutboxFile,
    OutboxItem,
    OutboxState,
    entity_of,
)
from console.store.salvage import SalvageResult
from console.store.store import ProblemKind, Store, StoreProblem, open_store

__all__ = [
    "Encoding",
    "FileSpec",
    "IncidentFilter",
    "IncidentPage",
    "IncidentSort",
    "KeptSummary",
    "Outbox",
    "OutboxChange",
    "OutboxError",
    "OutboxFile",
    "OutboxItem",
    "OutboxState",
    "ProblemKind",
    "SalvageResult",
    "Store",
    "StoreDatabase",
    "StoreProblem",
    "StoreUnavailable",
    "backoff_delay",
    "entity_of",
    "export_actions",
    "open_store",
]
