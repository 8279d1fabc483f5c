"""Words for the incident life cycle: states, actions, dispositions, feedback results,
verification verdicts and SLA levels.

The domain's values are stable codes; what an operator reads is a translated label. Labels
are source strings marked with ``QT_TRANSLATE_NOOP`` and translated when shown, so a change
of language shows at the next refresh. A code this console does not know (from a newer
server) shows as itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.incident import (
    Action,
    Disposition,
    FeedbackResult,
    IncidentState,
    VerificationVerdict,
)
from console.settings import QT_TRANSLATE_NOOP

CONTEXT = "IncidentLifecycle"

_STATES: dict[str, str] = {
    IncidentState.REPORTED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reported"),
    IncidentState.ACCEPTED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Accepted"),
    IncidentState.FILED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Filed"),
    IncidentState.DISPATCHED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Dispatched"),
    IncidentState.SIGNED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Signed for"),
    IncidentState.IN_PROGRESS: QT_TRANSLATE_NOOP("IncidentLifecycle", "In progress"),
    IncidentState.FEEDBACK: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reported back"),
    IncidentState.VERIFYING: QT_TRANSLATE_NOOP("IncidentLifecycle", "Being verified"),
    IncidentState.CLOSED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Closed"),
    IncidentState.REOPENED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reopened"),
    IncidentState.RETURNED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Returned by the unit"),
    IncidentState.DELAY_REQUESTED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Delay requested"),
    IncidentState.SUSPENDED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Suspended"),
    IncidentState.MERGED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Merged"),
    IncidentState.CANCELLED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Cancelled"),
    IncidentState.REJECTED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Rejected"),
}

# What a button says: the verb, as the operator does it.
_ACTIONS: dict[str, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("IncidentLifecycle", "Accept"),
    Action.REJECT: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reject…"),
    Action.FILE: QT_TRANSLATE_NOOP("IncidentLifecycle", "File…"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("IncidentLifecycle", "Dispatch…"),
    Action.SIGN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Sign for it"),
    Action.RETURN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Return…"),
    Action.START: QT_TRANSLATE_NOOP("IncidentLifecycle", "Start handling"),
    Action.REQUEST_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Request a delay…"),
    Action.APPROVE_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Approve the delay…"),
    Action.DENY_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Deny the delay…"),
    Action.SUSPEND: QT_TRANSLATE_NOOP("IncidentLifecycle", "Suspend…"),
    Action.RESUME: QT_TRANSLATE_NOOP("IncidentLifecycle", "Resume"),
    Action.REPORT_FEEDBACK: QT_TRANSLATE_NOOP("IncidentLifecycle", "Report back…"),
    Action.START_VERIFICATION: QT_TRANSLATE_NOOP("IncidentLifecycle", "Verify by video"),
    Action.CLOSE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Close…"),
    Action.REOPEN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reopen…"),
    Action.MERGE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Merge into…"),
    Action.CANCEL: QT_TRANSLATE_NOOP("IncidentLifecycle", "Cancel the event…"),
}

# What the timeline says happened.
_DONE: dict[str, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("IncidentLifecycle", "Accepted"),
    Action.REJECT: QT_TRANSLATE_NOOP("IncidentLifecycle", "Rejected"),
    Action.FILE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Filed"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("IncidentLifecycle", "Dispatched"),
    Action.SIGN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Signed for"),
    Action.RETURN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Returned by the unit"),
    Action.START: QT_TRANSLATE_NOOP("IncidentLifecycle", "Handling started"),
    Action.REQUEST_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Delay requested"),
    Action.APPROVE_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Delay approved"),
    Action.DENY_DELAY: QT_TRANSLATE_NOOP("IncidentLifecycle", "Delay denied"),
    Action.SUSPEND: QT_TRANSLATE_NOOP("IncidentLifecycle", "Suspended"),
    Action.RESUME: QT_TRANSLATE_NOOP("IncidentLifecycle", "Resumed"),
    Action.REPORT_FEEDBACK: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reported back"),
    Action.START_VERIFICATION: QT_TRANSLATE_NOOP("IncidentLifecycle", "Verification started"),
    Action.CLOSE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Closed"),
    Action.REOPEN: QT_TRANSLATE_NOOP("IncidentLifecycle", "Reopened"),
    Action.MERGE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Merged"),
    Action.CANCEL: QT_TRANSLATE_NOOP("IncidentLifecycle", "Cancelled"),
}

_DISPOSITIONS: dict[str, str] = {
    Disposition.RESOLVED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Resolved"),
    Disposition.INVALID: QT_TRANSLATE_NOOP("IncidentLifecycle", "False report"),
    Disposition.DUPLICATE: QT_TRANSLATE_NOOP("IncidentLifecycle", "Duplicate"),
    Disposition.TRANSFERRED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Transferred elsewhere"),
    Disposition.BACKLOGGED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Backlogged"),
}

_RESULTS: dict[str, str] = {
    FeedbackResult.FIXED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Fixed"),
    FeedbackResult.PARTIAL: QT_TRANSLATE_NOOP("IncidentLifecycle", "Partly fixed"),
    FeedbackResult.NOT_FIXED: QT_TRANSLATE_NOOP("IncidentLifecycle", "Not fixed"),
}

_VERDICTS: dict[str, str] = {
    VerificationVerdict.PASS: QT_TRANSLATE_NOOP("IncidentLifecycle", "Passed"),
    VerificationVerdict.FAIL: QT_TRANSLATE_NOOP("IncidentLifecycle", "Failed"),
}

_SLA_LEVELS: dict[str, str] = {
    "normal": QT_TRANSLATE_NOOP("IncidentLifecycle", "On time"),
    "yellow": QT_TRANSLATE_NOOP("IncidentLifecycle", "Yellow"),
    "orange": QT_TRANSLATE_NOOP("IncidentLifecycle", "Orange"),
    "red": QT_TRANSLATE_NOOP("IncidentLifecycle", "Red"),
    "overdue": QT_TRANSLATE_NOOP("IncidentLifecycle", "Overdue"),
}

_LADDER: dict[str, str] = {
    "remind": QT_TRANSLATE_NOOP("IncidentLifecycle", "Reminded"),
    "supervise": QT_TRANSLATE_NOOP("IncidentLifecycle", "Under supervision"),
    "report": QT_TRANSLATE_NOOP("IncidentLifecycle", "Reported to the supervisor"),
}

_GRID_LEVELS: dict[str, str] = {
    "household": QT_TRANSLATE_NOOP("IncidentLifecycle", "Household"),
    "group": QT_TRANSLATE_NOOP("IncidentLifecycle", "Group"),
    "village": QT_TRANSLATE_NOOP("IncidentLifecycle", "Village"),
    "town": QT_TRANSLATE_NOOP("IncidentLifecycle", "Town"),
    "city": QT_TRANSLATE_NOOP("IncidentLifecycle", "City"),
}


def _label(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else code


def state_label(state: str) -> str:
    return _label(_STATES, state)


def action_label(action: str) -> str:
    """What the action's button says."""
    return _label(_ACTIONS, action)


def done_label(action: str) -> str:
    """What the timeline says when the action happened."""
    return _label(_DONE, action)


def disposition_label(disposition: str) -> str:
    return _label(_DISPOSITIONS, disposition)


def result_label(result: str) -> str:
    return _label(_RESULTS, result)


def verdict_label(verdict: str) -> str:
    return _label(_VERDICTS, verdict)


def sla_level_label(level: str) -> str:
    return _label(_SLA_LEVELS, level)


def ladder_label(step: str) -> str:
    return _label(_LADDER, step)


def grid_level_label(level: str) -> str:
    return _label(_GRID_LEVELS, level)


_MAJORS: dict[str, str] = {
    "public_safety": QT_TRANSLATE_NOOP("IncidentLifecycle", "Public safety"),
    "city_appearance": QT_TRANSLATE_NOOP("IncidentLifecycle", "City appearance"),
    "traffic": QT_TRANSLATE_NOOP("IncidentLifecycle", "Traffic order"),
    "facilities": QT_TRANSLATE_NOOP("IncidentLifecycle", "Public facilities"),
    "other": QT_TRANSLATE_NOOP("IncidentLifecycle", "Other"),
}


def major_label(major: str) -> str:
    """The translated name of a major category (大类) code."""
    return _label(_MAJORS, major)


_UNIT_STATUSES: dict[str, str] = {
    "available": QT_TRANSLATE_NOOP("IncidentLifecycle", "available"),
    "dispatched": QT_TRANSLATE_NOOP("IncidentLifecycle", "dispatched"),
    "acknowledged": QT_TRANSLATE_NOOP("IncidentLifecycle", "acknowledged"),
    "en_route": QT_TRANSLATE_NOOP("IncidentLifecycle", "on the way"),
    "on_scene": QT_TRANSLATE_NOOP("IncidentLifecycle", "on scene"),
    "returning": QT_TRANSLATE_NOOP("IncidentLifecycle", "returning"),
    "out_of_service": QT_TRANSLATE_NOOP("IncidentLifecycle", "out of service"),
}


def unit_status_label(status: str) -> str:
    return _label(_UNIT_STATUSES, status)
