"""What the server is told about an evidence export made in the review window, as outbox
requests: this workstation's key registration (once per server) and one record per export.

The record names the key by the id the server gave it. Before the registration has been
delivered that id is not known: the registration is queued under a local id (``creates``)
and the record names that local id, so the outbox sends the record only after the
registration and rewrites the id to the server's (see ``console.store.outbox``). The id is
kept beside the key (``console.evidence.records``) and resolved to the server's on a later
export. Call ``plan_export_records`` on the store lane; queue what it returns in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from console.evidence.keys import WorkstationKey
from console.evidence.records import (
    export_record_of_folder,
    forget_unrecorded,
    key_registration,
    registered_key_id,
    remember_key_id,
    unrecorded_exports,
)
from console.review.bookmarks import QueuedRequest
from console.store.outbox import is_local_id, new_local_id

REGISTER_KIND = "workstation_key.register"
RECORD_KIND = "export.record"


class LocalIds(Protocol):
    """What the plan needs of ``console.store.Outbox``."""

    def server_id(self, local_id: str) -> str | None: ...

    def waiting_local_ids(self) -> set[str]: ...


def _key_id(key: WorkstationKey, server: str, outbox: LocalIds) -> str | None:
    """The id to name the key by on ``server``: the server's, or a registration's local id
    still waiting in this outbox; None when the key must be registered (again)."""
    known = registered_key_id(key, server)
    if known is None or not is_local_id(known):
        return known
    resolved = outbox.server_id(known)
    if resolved is not None:
        remember_key_id(key, server, resolved)
        return resolved
    # A registration queued in another user's outbox (or one discarded) never arrives here.
    return known if known in outbox.waiting_local_ids() else None


def plan_export_records(
    key: WorkstationKey,
    server: str,
    outbox: LocalIds,
    folders: list[Path],
    *,
    label: str,
) -> list[QueuedRequest]:
    """Requests recording the exports in ``folders`` (and any made earlier with no server to
    tell), preceded by the key's registration when ``server`` does not know it yet."""
    requests: list[QueuedRequest] = []
    key_id = _key_id(key, server, outbox)
    if key_id is None:
        key_id = new_local_id()
        requests.append(
            QueuedRequest(
                kind=REGISTER_KIND,
                method="POST",
                path="/workstation-keys",
                body=key_registration(key, label).model_dump(mode="json"),
                summary=f"register workstation key {key.fingerprint()[:19]}",
                creates=key_id,
            )
        )
        remember_key_id(key, server, key_id)
    waiting = [f for f in unrecorded_exports(key) if f not in folders]
    for folder in [*waiting, *folders]:
        body = export_record_of_folder(folder, key_id).model_dump(mode="json")
        requests.append(
            QueuedRequest(
                kind=RECORD_KIND,
                method="POST",
                path="/exports",
                body=body,
                summary=f"evidence export {folder.name}",
            )
        )
    forget_unrecorded(key, waiting)
    return requests
