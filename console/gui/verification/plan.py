"""What a verdict sends to the server, in order, as outbox actions (plain data, no Qt).

Pass: (start verifying) → the verification with its snapshots → close as resolved.
Fail: (start verifying) → the verification → reopen with the reason → dispatch back to the
unit that led it, the reason as its instructions.

The server closes as resolved only with a passing verification captured after the unit's
latest feedback, so the verification must be delivered before the closure: every step has
the same incident path, and the outbox delivers one entity's actions in the order queued.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from console.domain.incident import (
    VERIFIABLE_STATES,
    Action,
    Disposition,
    Incident,
    IncidentState,
    VerificationVerdict,
)
from console.store.outbox import OutboxItem, OutboxState

VERIFICATION_KIND = "incident.verification"
ACTION_KIND = "incident.action"
MEDIA_FIELD = "media"
PNG = "image/png"


class VerdictRefused(ValueError):
    """The verdict cannot be given as asked; ``problem`` is one of "state", "snapshot",
    "reason" (the view words it for the operator)."""

    def __init__(self, problem: str, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Step:
    """One outbox action: ``Outbox.enqueue(kind, method, path, body, files=..., summary=...)``."""

    kind: str
    method: str
    path: str
    body: dict[str, Any]
    files: tuple[tuple[str, str, str, Path], ...] = ()
    #: which step this is ("start", "verification", "close", "reopen", "dispatch"): the
    #: view words the outbox summary the operator reads from it
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the officer decided, with the proof."""

    verdict: VerificationVerdict
    snapshots: tuple[Path, ...]
    camera_ids: tuple[str, ...]
    captured_at: datetime
    comment: str = ""


def verdict_steps(
    incident: Incident, verdict: Verdict, *, start_queued: bool = False
) -> list[Step]:
    """The actions for ``verdict`` on ``incident``, in delivery order. Raises
    ``VerdictRefused`` when the incident is not awaiting verification, a pass has no
    snapshot, or a fail has no reason.

    ``start_queued``: a "start verification" of this incident already waits in the outbox
    (the detail pane queues one as it opens the view); a second would be refused, and a
    refused action holds back everything after it on the same incident."""
    if incident.state not in VERIFIABLE_STATES:
        raise VerdictRefused(
            "state", f"the incident is {incident.state.value}, not awaiting verification"
        )
    comment = verdict.comment.strip()
    passed = verdict.verdict is VerificationVerdict.PASS
    if passed and not verdict.snapshots:
        raise VerdictRefused("snapshot", "capture at least one verification snapshot first")
    if not passed and not comment:
        raise VerdictRefused("reason", "say what is still wrong: the unit reads it")
    base = f"/incidents/{incident.id}"
    steps: list[Step] = []
    if incident.state is IncidentState.FEEDBACK and not start_queued:
        steps.append(
            Step(
                ACTION_KIND,
                "POST",
                base + "/actions",
                {"action": Action.START_VERIFICATION.value},
                purpose="start",
            )
        )
    steps.append(
        Step(
            VERIFICATION_KIND,
            "POST",
            base + "/verifications",
            {
                "verdict": verdict.verdict.value,
                "comment": comment,
                "camera_ids": list(verdict.camera_ids),
                "captured_at": verdict.captured_at,
            },
            files=tuple((MEDIA_FIELD, path.name, PNG, path) for path in verdict.snapshots),
            purpose="verification",
        )
    )
    if passed:
        steps.append(
            Step(
                ACTION_KIND,
                "POST",
                base + "/actions",
                {
                    "action": Action.CLOSE.value,
                    "disposition": Disposition.RESOLVED.value,
                    "reason": comment,
                },
                purpose="close",
            )
        )
        return steps
    steps.append(
        Step(
            ACTION_KIND,
            "POST",
            base + "/actions",
            {"action": Action.REOPEN.value, "reason": comment},
            purpose="reopen",
        )
    )
    lead = incident.lead_assignment
    if lead is not None:
        body: dict[str, Any] = {
            "action": Action.DISPATCH.value,
            "unit_id": lead.unit_id,
            "instructions": comment,
        }
        if incident.assisting_unit_ids:
            body["assisting_unit_ids"] = list(incident.assisting_unit_ids)
        steps.append(Step(ACTION_KIND, "POST", base + "/actions", body, purpose="dispatch"))
    return steps


def start_waiting(
    items: Iterable[OutboxItem], incident_id: str, since: datetime | None = None
) -> bool:
    """Whether one of the outbox's ``items`` starts verifying ``incident_id`` in this round:
    one not delivered yet, or (with ``since``, the latest feedback's time) one delivered that
    was queued after it. The detail pane queues the start and opens the view; the start can
    reach the server before the store hears the incident is verifying, and a verdict planned
    on the store's "feedback" would start it again, be refused, and hold back the verdict."""
    entity = f"/incidents/{incident_id}"
    return any(
        item.entity == entity
        and item.body.get("action") == Action.START_VERIFICATION.value
        and (
            item.state is not OutboxState.DELIVERED
            or (since is not None and item.created_at >= since)
        )
        for item in items
    )
