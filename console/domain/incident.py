"""The incident (事件) and its life cycle, as one table-driven state machine.

An incident moves from report to closure through the command centre's steps
(受理 accept → 立案 file → 派遣 dispatch → 签收 sign → 处置 handle → 反馈 feedback →
核查 verify → 结案 close), with side exits (reject, merge, cancel) and loops (return,
delay, suspension, reopen). Every legal move is one row of ``TRANSITIONS``: from which
state, by which action, to which state, who may do it, which evidence it needs, and what
it changes besides the state. Nothing else decides what is legal, so the table is the
place to read (and to change) the rules.

``transition`` is a pure function: it reads no clock and invents no ids. Callers pass the
time (``at``) and the ids of anything new (``Evidence.assignment_id``), which keeps the
server, the console's offline outbox and the tests in exact agreement. Use timezone-aware
UTC datetimes throughout; naive and aware values cannot be compared.

Errors say precisely what went wrong, in fields a server can turn into a response body:
``IllegalTransition`` (409: the action does not apply in this state), ``NotPermitted``
(403: this actor may not do it) and ``EvidenceMissing`` (422: a required piece is absent
or inconsistent). Each carries the current state and the actions this actor may take now.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from console.domain.categories import category as category_of
from console.domain.model import GeoPoint, MediaRef, Role
from console.domain.sla import (
    GRID_ORDER,
    GridLevel,
    Ladder,
    SlaLevel,
    SlaStep,
    SlaStepKind,
    SlaTimes,
    automatic_escalations,
    grid_up,
    ladder_at,
    level_at,
    sla_times,
)

# ----------------------------------------------------------------------------- vocabulary


class IncidentState(enum.StrEnum):
    """Where an incident stands in its life cycle."""

    REPORTED = "reported"  # 上报
    ACCEPTED = "accepted"  # 受理
    FILED = "filed"  # 立案
    DISPATCHED = "dispatched"  # 派遣
    SIGNED = "signed"  # 签收
    IN_PROGRESS = "in_progress"  # 处置中
    FEEDBACK = "feedback"  # 反馈
    VERIFYING = "verifying"  # 核查
    CLOSED = "closed"  # 结案
    REOPENED = "reopened"  # 返工
    RETURNED = "returned"  # 退单
    DELAY_REQUESTED = "delay_requested"  # 申请延期
    SUSPENDED = "suspended"  # 挂账
    MERGED = "merged"  # 合并
    CANCELLED = "cancelled"  # 撤销
    REJECTED = "rejected"  # 不予受理


TERMINAL_STATES: frozenset[IncidentState] = frozenset(
    {
        IncidentState.CLOSED,
        IncidentState.MERGED,
        IncidentState.CANCELLED,
        IncidentState.REJECTED,
    }
)

# States in which the time limit runs. It stops once the unit has reported back (the
# centre's check is not the unit's delay), while suspended, and for good at the end.
SLA_TIMED_STATES: frozenset[IncidentState] = frozenset(
    {
        IncidentState.REPORTED,
        IncidentState.ACCEPTED,
        IncidentState.FILED,
        IncidentState.DISPATCHED,
        IncidentState.SIGNED,
        IncidentState.IN_PROGRESS,
        IncidentState.REOPENED,
        IncidentState.RETURNED,
        IncidentState.DELAY_REQUESTED,
    }
)


class Action(enum.StrEnum):
    """Something a person does to an incident; each legal use is a row of ``TRANSITIONS``."""

    ACCEPT = "accept"
    REJECT = "reject"
    FILE = "file"
    DISPATCH = "dispatch"
    SIGN = "sign"
    RETURN = "return"
    START = "start"
    REQUEST_DELAY = "request_delay"
    APPROVE_DELAY = "approve_delay"
    DENY_DELAY = "deny_delay"
    SUSPEND = "suspend"
    RESUME = "resume"
    REPORT_FEEDBACK = "report_feedback"
    START_VERIFICATION = "start_verification"
    CLOSE = "close"
    REOPEN = "reopen"
    MERGE = "merge"
    CANCEL = "cancel"


class Disposition(enum.StrEnum):
    """How a closed incident ended (结案类型). Set only when the state is CLOSED."""

    RESOLVED = "resolved"
    INVALID = "invalid"  # 误报
    DUPLICATE = "duplicate"
    TRANSFERRED = "transferred"
    BACKLOGGED = "backlogged"  # 挂账结案


class FeedbackResult(enum.StrEnum):
    FIXED = "fixed"
    NOT_FIXED = "not_fixed"
    PARTIAL = "partial"


class VerificationVerdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"


class Priority(enum.IntEnum):
    """Urgency; 1 is the most urgent (紧急)."""

    P1 = 1
    P2 = 2
    P3 = 3
    P4 = 4


class IncidentSource(enum.StrEnum):
    OPERATOR = "operator"
    ALERT = "alert"
    HOTLINE_12345 = "hotline_12345"
    PATROL = "patrol"
    GRID = "grid"
    MAP = "map"


# ----------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: a user, their role, and for unit users the unit they act for."""

    user_id: str
    role: Role
    unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    """One dispatch of an incident to a unit (派单). Only the latest active one leads."""

    id: str
    incident_id: str
    unit_id: str
    dispatched_by: str
    dispatched_at: datetime
    instructions: str = ""
    due_at: datetime | None = None
    signed_at: datetime | None = None
    feedback_at: datetime | None = None
    returned_reason: str | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class Feedback:
    """A unit's report of what it did (处置反馈), with after-photos."""

    id: str
    incident_id: str
    unit_id: str
    author_id: str
    reported_at: datetime
    result: FeedbackResult
    text: str
    photos: tuple[MediaRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Verification:
    """The duty officer's video re-check of the site (视频核查), with captured proof."""

    id: str
    incident_id: str
    verifier_id: str
    captured_at: datetime
    verdict: VerificationVerdict
    camera_ids: tuple[str, ...] = ()
    media: tuple[MediaRef, ...] = ()
    comment: str = ""


@dataclass(frozen=True, slots=True)
class TransitionRecord:
    """One line of an incident's history: who moved it from where to where, when and why."""

    action: Action
    actor_id: str
    from_state: IncidentState
    to_state: IncidentState
    at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Incident:
    """An event the command centre handles, with everything that happened to it so far.

    ``version`` starts at 1 and grows by one with every change, for optimistic locking.
    ``requested_due_at`` holds a unit's pending extension request (DELAY_REQUESTED).
    ``attachments`` is the evidence sent with the report itself (snapshots at 上报).
    ``caller_name``/``caller_phone`` identify a hotline caller (mask them with
    ``console.domain.privacy`` wherever the incident is only listed or logged).
    ``assisting_unit_ids`` are the units helping the lead unit of the latest dispatch.
    ``sla_level``, ``ladder``, ``escalation`` and ``sla_history`` are kept by the server's
    time-limit sweep (``console.domain.sla``); the state machine leaves them alone.
    """

    id: str
    number: str
    title: str
    category: str
    priority: Priority
    source: IncidentSource
    state: IncidentState
    position: GeoPoint
    created_by: str
    created_at: datetime
    updated_at: datetime
    description: str = ""
    address: str = ""
    region_id: str | None = None
    camera_ids: tuple[str, ...] = ()
    alert_ids: tuple[str, ...] = ()
    disposition: Disposition | None = None
    merged_into: str | None = None
    rework_count: int = 0
    due_at: datetime | None = None
    version: int = 1
    assignments: tuple[Assignment, ...] = ()
    feedbacks: tuple[Feedback, ...] = ()
    verifications: tuple[Verification, ...] = ()
    history: tuple[TransitionRecord, ...] = ()
    requested_due_at: datetime | None = None
    attachments: tuple[MediaRef, ...] = ()
    caller_name: str = ""
    caller_phone: str = ""
    assisting_unit_ids: tuple[str, ...] = ()
    sla_level: SlaLevel = SlaLevel.NORMAL
    ladder: Ladder = Ladder.NONE
    escalation: GridLevel | None = None
    sla_history: tuple[SlaStep, ...] = ()

    @property
    def unit_ids(self) -> tuple[str, ...]:
        """Every unit the incident was ever dispatched to, then the assisting ones."""
        seen = dict.fromkeys(a.unit_id for a in self.assignments)
        seen.update(dict.fromkeys(self.assisting_unit_ids))
        return tuple(seen)

    @property
    def lead_assignment(self) -> Assignment | None:
        """The latest active assignment: the unit currently responsible (主办)."""
        for assignment in reversed(self.assignments):
            if assignment.active:
                return assignment
        return None

    @property
    def latest_feedback(self) -> Feedback | None:
        """The most recently reported feedback, if any."""
        if not self.feedbacks:
            return None
        return max(self.feedbacks, key=lambda feedback: feedback.reported_at)

    @property
    def is_terminal(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an action carries. Each action reads only the fields it needs."""

    reason: str = ""
    unit_id: str | None = None
    assignment_id: str | None = None
    instructions: str = ""
    due_at: datetime | None = None
    category: str | None = None
    priority: Priority | None = None
    feedback: Feedback | None = None
    disposition: Disposition | None = None
    merged_into: str | None = None
    assisting_unit_ids: tuple[str, ...] = ()


NO_EVIDENCE = Evidence()


# ----------------------------------------------------------------------------- errors

# The operation named in errors raised by attach_verification, which is not an Action.
ATTACH_VERIFICATION = "attach_verification"


class TransitionError(Exception):
    """Base of every refusal. ``code`` is stable and machine-readable.

    ``operation`` is the action's value, or ``"attach_verification"``; ``allowed`` lists
    what this actor may do in the current state.
    """

    code: str = "transition_error"

    def __init__(
        self,
        message: str,
        *,
        current_state: IncidentState,
        operation: str,
        allowed: tuple[Action, ...],
    ) -> None:
        super().__init__(message)
        self.message = message
        self.current_state = current_state
        self.operation = operation
        self.allowed = allowed

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready body for an API error response."""
        return {
            "code": self.code,
            "message": self.message,
            "current_state": self.current_state.value,
            "action": self.operation,
            "allowed": [action.value for action in self.allowed],
        }


class IllegalTransition(TransitionError):
    """The action does not apply to an incident in this state (HTTP 409)."""

    code = "illegal_transition"

    def __init__(
        self,
        *,
        current_state: IncidentState,
        action: Action | None,
        allowed: tuple[Action, ...],
        operation: str | None = None,
    ) -> None:
        name = operation or (action.value if action is not None else "")
        super().__init__(
            f"cannot {name} an incident that is {current_state.value}",
            current_state=current_state,
            operation=name,
            allowed=allowed,
        )
        self.action = action


class NotPermitted(TransitionError):
    """The action applies in this state, but not for this actor (HTTP 403).

    ``role`` is the actor's role; ``required`` names who may act (``"operator"``,
    ``"supervisor"``, ``"verified_operator"`` or ``"assigned_unit"``); ``needs``, when
    given, says the same in words for the message.
    """

    code = "not_permitted"

    def __init__(
        self,
        *,
        role: Role,
        action: Action | None,
        current_state: IncidentState,
        allowed: tuple[Action, ...],
        required: str,
        operation: str | None = None,
        needs: str | None = None,
    ) -> None:
        name = operation or (action.value if action is not None else "")
        super().__init__(
            f"role {role.value} may not {name} here; needs {needs or required}",
            current_state=current_state,
            operation=name,
            allowed=allowed,
        )
        self.role = role
        self.action = action
        self.required = required

    def to_dict(self) -> dict[str, object]:
        body = TransitionError.to_dict(self)
        body["role"] = self.role.value
        body["required"] = self.required
        return body


class EvidenceMissing(TransitionError):
    """A required piece of evidence is absent or inconsistent (HTTP 422).

    ``field`` names what the caller has to supply or correct: an ``Evidence`` field;
    ``"verification"`` when closing as resolved lacks a passing verification captured
    after the latest feedback; ``"verification.<field>"`` from attach_verification.
    """

    code = "evidence_missing"

    def __init__(
        self,
        field: str,
        message: str,
        *,
        action: Action | None,
        current_state: IncidentState,
        allowed: tuple[Action, ...],
        operation: str | None = None,
    ) -> None:
        name = operation or (action.value if action is not None else "")
        super().__init__(message, current_state=current_state, operation=name, allowed=allowed)
        self.field = field
        self.action = action

    def to_dict(self) -> dict[str, object]:
        body = TransitionError.to_dict(self)
        body["field"] = self.field
        return body


class _Missing(Exception):
    """Raised by evidence checks; ``transition`` turns it into ``EvidenceMissing``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# ----------------------------------------------------------------------------- who may act


class Who(enum.Enum):
    """Who may take a row's action.

    OP: an operator or a supervisor (a supervisor may do all an operator may).
    SUP: a supervisor only.
    CHECKED_OP: a supervisor; an operator only once someone has re-checked the site on
    video since the unit's latest feedback (closing without looking is a supervisor's call).
    UNIT: a unit user acting for the unit of the incident's lead assignment.
    Administrators take no part in the workflow.
    """

    OP = "operator"
    SUP = "supervisor"
    CHECKED_OP = "verified_operator"
    UNIT = "assigned_unit"

    @property
    def description(self) -> str:
        """Who may act, in words, for refusal messages."""
        if self is Who.CHECKED_OP:
            return "a supervisor, or an operator after a verification since the latest feedback"
        return str(self.value)

    def admits(self, incident: Incident, actor: Actor) -> bool:
        if self is Who.OP:
            return actor.role in (Role.OPERATOR, Role.SUPERVISOR)
        if self is Who.SUP:
            return actor.role is Role.SUPERVISOR
        if self is Who.CHECKED_OP:
            if actor.role is Role.SUPERVISOR:
                return True
            return actor.role is Role.OPERATOR and verification_since_feedback(incident) is not None
        lead = incident.lead_assignment
        return (
            actor.role is Role.UNIT
            and lead is not None
            and actor.unit_id is not None
            and actor.unit_id == lead.unit_id
        )


# ----------------------------------------------------------------------------- evidence checks
# Each check raises _Missing(field, message) when the evidence does not do.

Check = Callable[[Incident, Evidence], None]
Effect = Callable[[Incident, Evidence, Actor, datetime], Incident]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _reason(incident: Incident, evidence: Evidence) -> None:
    if _blank(evidence.reason):
        raise _Missing("reason", "a reason is required")


def _classification(incident: Incident, evidence: Evidence) -> None:
    if _blank(evidence.category):
        raise _Missing("category", "a category is required to file an incident")
    if evidence.priority is None:
        raise _Missing("priority", "a priority is required to file an incident")


def _dispatch_target(incident: Incident, evidence: Evidence) -> None:
    if _blank(evidence.unit_id):
        raise _Missing("unit_id", "a unit to dispatch to is required")
    if _blank(evidence.assignment_id):
        raise _Missing("assignment_id", "an id for the new assignment is required")
    if any(assignment.id == evidence.assignment_id for assignment in incident.assignments):
        raise _Missing("assignment_id", "this assignment id is already used by the incident")


def _merge_target(incident: Incident, evidence: Evidence) -> None:
    if _blank(evidence.merged_into):
        raise _Missing("merged_into", "the incident to merge into is required")
    if evidence.merged_into == incident.id:
        raise _Missing("merged_into", "an incident cannot be merged into itself")


def _delay_request(incident: Incident, evidence: Evidence) -> None:
    _reason(incident, evidence)
    if evidence.due_at is None:
        raise _Missing("due_at", "the proposed new deadline is required")
    if incident.due_at is not None and evidence.due_at <= incident.due_at:
        raise _Missing("due_at", "the proposed deadline must be later than the current one")


def _feedback_from_lead_unit(incident: Incident, evidence: Evidence) -> None:
    feedback = evidence.feedback
    if feedback is None:
        raise _Missing("feedback", "the unit's feedback is required")
    if feedback.incident_id != incident.id:
        raise _Missing("feedback", "the feedback belongs to another incident")
    lead = incident.lead_assignment
    if lead is None or feedback.unit_id != lead.unit_id:
        raise _Missing("feedback", "the feedback must come from the unit of the active assignment")
    if _blank(feedback.text):
        raise _Missing("feedback", "the feedback needs a text")


def verification_since_feedback(incident: Incident) -> Verification | None:
    """The latest verification of any verdict captured after the latest feedback, if any.

    An operator may close from VERIFYING only with one: someone has looked at the site
    since the unit reported. Without it, closing is a supervisor's decision.
    """
    feedback = incident.latest_feedback
    candidates = [
        verification
        for verification in incident.verifications
        if feedback is None or verification.captured_at > feedback.reported_at
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda verification: verification.captured_at)


def passing_verification(incident: Incident) -> Verification | None:
    """The latest PASS verification captured after the latest feedback, if any.

    Closing as RESOLVED needs one: proof that someone looked at the site after the unit
    said it was handled.
    """
    feedback = incident.latest_feedback
    candidates = [
        verification
        for verification in incident.verifications
        if verification.verdict is VerificationVerdict.PASS
        and (feedback is None or verification.captured_at > feedback.reported_at)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda verification: verification.captured_at)


def _closure_after_verification(incident: Incident, evidence: Evidence) -> None:
    disposition = evidence.disposition
    if disposition is None:
        raise _Missing("disposition", "a disposition is required to close")
    if disposition is Disposition.BACKLOGGED:
        raise _Missing(
            "disposition", "backlogged closure is only possible from a suspended incident"
        )
    if disposition is Disposition.RESOLVED:
        if passing_verification(incident) is None:
            raise _Missing(
                "verification",
                "closing as resolved needs a passing verification captured after the latest feedback",
            )
    else:
        _reason(incident, evidence)


def _backlog_closure(incident: Incident, evidence: Evidence) -> None:
    if evidence.disposition is not Disposition.BACKLOGGED:
        raise _Missing("disposition", "a suspended incident can only be closed as backlogged")
    _reason(incident, evidence)


# ----------------------------------------------------------------------------- effects
# What a row changes besides state, version, updated_at and history.


def _unchanged(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    return incident


def _with_lead(incident: Incident, change: Callable[[Assignment], Assignment]) -> Incident:
    """The incident with its lead assignment replaced by ``change(lead)``."""
    lead = incident.lead_assignment
    if lead is None:
        return incident
    updated = change(lead)
    assignments = tuple(updated if a is lead else a for a in incident.assignments)
    return replace(incident, assignments=assignments)


def _classify(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    assert evidence.category is not None  # guaranteed by _classification
    assert evidence.priority is not None
    due_at = evidence.due_at if evidence.due_at is not None else incident.due_at
    category = evidence.category.strip()
    return replace(incident, category=category, priority=evidence.priority, due_at=due_at)


def _dispatch(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    assert evidence.unit_id is not None  # guaranteed by _dispatch_target
    assert evidence.assignment_id is not None
    new = Assignment(
        id=evidence.assignment_id,
        incident_id=incident.id,
        unit_id=evidence.unit_id,
        dispatched_by=actor.user_id,
        dispatched_at=at,
        instructions=evidence.instructions,
        due_at=evidence.due_at if evidence.due_at is not None else incident.due_at,
    )
    # One unit leads at a time: a new dispatch retires any earlier assignment.
    retired = tuple(replace(a, active=False) if a.active else a for a in incident.assignments)
    assisting = tuple(
        unit for unit in dict.fromkeys(evidence.assisting_unit_ids) if unit != evidence.unit_id
    )
    return replace(incident, assignments=(*retired, new), assisting_unit_ids=assisting)


def _sign(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    return _with_lead(incident, lambda lead: replace(lead, signed_at=at))


def _give_back(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    reason = evidence.reason.strip()
    return _with_lead(incident, lambda lead: replace(lead, active=False, returned_reason=reason))


def _record_delay_request(
    incident: Incident, evidence: Evidence, actor: Actor, at: datetime
) -> Incident:
    return replace(incident, requested_due_at=evidence.due_at)


def _grant_delay(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    # The supervisor may grant a different date than asked; otherwise the asked one.
    due_at = evidence.due_at if evidence.due_at is not None else incident.requested_due_at
    if due_at is None:
        return replace(incident, requested_due_at=None)
    moved = replace(incident, due_at=due_at, requested_due_at=None)
    return _with_lead(moved, lambda lead: replace(lead, due_at=due_at))


def _drop_delay_request(
    incident: Incident, evidence: Evidence, actor: Actor, at: datetime
) -> Incident:
    return replace(incident, requested_due_at=None)


def _add_feedback(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    assert evidence.feedback is not None
    with_feedback = replace(incident, feedbacks=(*incident.feedbacks, evidence.feedback))
    reported_at = evidence.feedback.reported_at
    return _with_lead(with_feedback, lambda lead: replace(lead, feedback_at=reported_at))


def _settle(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    return replace(incident, disposition=evidence.disposition, requested_due_at=None)


def _count_rework(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    return replace(incident, rework_count=incident.rework_count + 1)


def _merge(incident: Incident, evidence: Evidence, actor: Actor, at: datetime) -> Incident:
    return replace(incident, merged_into=evidence.merged_into)


# ----------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Requirement:
    """What evidence a move needs: the ``Evidence`` fields it reads and the check on them.

    ``check`` raises ``_Missing`` naming the first field that does not do.
    """

    fields: tuple[str, ...]
    check: Check


NOTHING = Requirement((), lambda incident, evidence: None)
REASON = Requirement(("reason",), _reason)
CLASSIFICATION = Requirement(("category", "priority"), _classification)
DISPATCH_TARGET = Requirement(("unit_id", "assignment_id"), _dispatch_target)
MERGE_TARGET = Requirement(("merged_into",), _merge_target)
DELAY_REQUEST = Requirement(("reason", "due_at"), _delay_request)
LEAD_UNIT_FEEDBACK = Requirement(("feedback",), _feedback_from_lead_unit)
VERIFIED_CLOSURE = Requirement(("disposition", "reason"), _closure_after_verification)
BACKLOG_CLOSURE = Requirement(("disposition", "reason"), _backlog_closure)


@dataclass(frozen=True, slots=True)
class Rule:
    """One legal move: ``action`` by ``who`` takes ``source`` to ``target``.

    ``needs`` is checked against the evidence first; ``effect`` then applies the move's
    changes besides state, version, updated_at and history.
    """

    source: IncidentState
    action: Action
    target: IncidentState
    who: Who
    needs: Requirement = NOTHING
    effect: Effect = _unchanged


S = IncidentState
A = Action

# One row per legal move. Anything not listed here is an IllegalTransition.
# fmt: off
_RULES: tuple[Rule, ...] = (
    #    from               action                  to                 who       evidence            effect
    Rule(S.REPORTED,        A.ACCEPT,               S.ACCEPTED,        Who.OP),
    Rule(S.REPORTED,        A.REJECT,               S.REJECTED,        Who.OP,   REASON),
    Rule(S.REPORTED,        A.MERGE,                S.MERGED,          Who.OP,   MERGE_TARGET,       _merge),
    Rule(S.REPORTED,        A.CANCEL,               S.CANCELLED,       Who.OP,   REASON),

    Rule(S.ACCEPTED,        A.FILE,                 S.FILED,           Who.OP,   CLASSIFICATION,     _classify),
    Rule(S.ACCEPTED,        A.REJECT,               S.REJECTED,        Who.OP,   REASON),
    Rule(S.ACCEPTED,        A.MERGE,                S.MERGED,          Who.OP,   MERGE_TARGET,       _merge),
    Rule(S.ACCEPTED,        A.CANCEL,               S.CANCELLED,       Who.OP,   REASON),

    Rule(S.FILED,           A.DISPATCH,             S.DISPATCHED,      Who.OP,   DISPATCH_TARGET,    _dispatch),
    Rule(S.FILED,           A.CANCEL,               S.CANCELLED,       Who.OP,   REASON),

    Rule(S.DISPATCHED,      A.SIGN,                 S.SIGNED,          Who.UNIT, NOTHING,            _sign),
    Rule(S.DISPATCHED,      A.RETURN,               S.RETURNED,        Who.UNIT, REASON,             _give_back),

    Rule(S.SIGNED,          A.START,                S.IN_PROGRESS,     Who.UNIT),
    Rule(S.SIGNED,          A.RETURN,               S.RETURNED,        Who.UNIT, REASON,             _give_back),

    Rule(S.IN_PROGRESS,     A.REPORT_FEEDBACK,      S.FEEDBACK,        Who.UNIT, LEAD_UNIT_FEEDBACK, _add_feedback),
    Rule(S.IN_PROGRESS,     A.REQUEST_DELAY,        S.DELAY_REQUESTED, Who.UNIT, DELAY_REQUEST,      _record_delay_request),
    Rule(S.IN_PROGRESS,     A.SUSPEND,              S.SUSPENDED,       Who.SUP,  REASON),

    Rule(S.DELAY_REQUESTED, A.APPROVE_DELAY,        S.IN_PROGRESS,     Who.SUP,  NOTHING,            _grant_delay),
    Rule(S.DELAY_REQUESTED, A.DENY_DELAY,           S.IN_PROGRESS,     Who.SUP,  REASON,             _drop_delay_request),

    Rule(S.SUSPENDED,       A.RESUME,               S.IN_PROGRESS,     Who.SUP),
    Rule(S.SUSPENDED,       A.CLOSE,                S.CLOSED,          Who.SUP,  BACKLOG_CLOSURE,    _settle),

    Rule(S.RETURNED,        A.FILE,                 S.FILED,           Who.OP,   CLASSIFICATION,     _classify),
    Rule(S.RETURNED,        A.DISPATCH,             S.DISPATCHED,      Who.OP,   DISPATCH_TARGET,    _dispatch),
    Rule(S.RETURNED,        A.CANCEL,               S.CANCELLED,       Who.OP,   REASON),

    Rule(S.FEEDBACK,        A.START_VERIFICATION,   S.VERIFYING,       Who.OP),

    Rule(S.VERIFYING,       A.CLOSE,                S.CLOSED,          Who.CHECKED_OP, VERIFIED_CLOSURE, _settle),
    Rule(S.VERIFYING,       A.REOPEN,               S.REOPENED,        Who.OP,   REASON,             _count_rework),

    Rule(S.REOPENED,        A.DISPATCH,             S.DISPATCHED,      Who.OP,   DISPATCH_TARGET,    _dispatch),
    # closed, merged, cancelled, rejected are terminal: no rows start there.
)
# fmt: on

del S, A


def _index(rules: tuple[Rule, ...]) -> Mapping[tuple[IncidentState, Action], Rule]:
    table: dict[tuple[IncidentState, Action], Rule] = {}
    for rule in rules:
        key = (rule.source, rule.action)
        if key in table:
            raise ValueError(f"two rules for {key}")
        if rule.source in TERMINAL_STATES:
            raise ValueError(f"terminal state {rule.source} cannot have a rule")
        table[key] = rule
    return table


TRANSITIONS: Mapping[tuple[IncidentState, Action], Rule] = _index(_RULES)
"""Every legal move, keyed by (current state, action)."""

VERIFIABLE_STATES: frozenset[IncidentState] = frozenset(
    {IncidentState.FEEDBACK, IncidentState.VERIFYING}
)


_RULES_FROM: Mapping[IncidentState, tuple[Rule, ...]] = {
    state: tuple(TRANSITIONS[(state, a)] for a in Action if (state, a) in TRANSITIONS)
    for state in IncidentState
}


def rules_from(state: IncidentState) -> tuple[Rule, ...]:
    """The rows that start in ``state``, in ``Action`` order."""
    return _RULES_FROM[state]


# ----------------------------------------------------------------------------- operations


def allowed_actions(incident: Incident, actor: Actor) -> tuple[Action, ...]:
    """The actions ``actor`` may take on ``incident`` now, given suitable evidence."""
    return tuple(
        rule.action for rule in rules_from(incident.state) if rule.who.admits(incident, actor)
    )


def transition(
    incident: Incident,
    action: Action,
    actor: Actor,
    evidence: Evidence = NO_EVIDENCE,
    *,
    at: datetime,
) -> Incident:
    """Apply ``action`` by ``actor`` and return the changed incident.

    The result has the row's target state, ``version + 1``, ``updated_at = at`` and one
    more history record. Raises ``IllegalTransition``, ``NotPermitted`` or
    ``EvidenceMissing``; the incident passed in is never changed.
    """
    rule = TRANSITIONS.get((incident.state, action))
    if rule is None:
        raise IllegalTransition(
            current_state=incident.state,
            action=action,
            allowed=allowed_actions(incident, actor),
        )
    if not rule.who.admits(incident, actor):
        raise NotPermitted(
            role=actor.role,
            action=action,
            current_state=incident.state,
            allowed=allowed_actions(incident, actor),
            required=rule.who.value,
            needs=rule.who.description,
        )
    try:
        rule.needs.check(incident, evidence)
    except _Missing as missing:
        raise EvidenceMissing(
            missing.field,
            missing.message,
            action=action,
            current_state=incident.state,
            allowed=allowed_actions(incident, actor),
        ) from None

    changed = rule.effect(incident, evidence, actor, at)
    record = TransitionRecord(
        action=action,
        actor_id=actor.user_id,
        from_state=incident.state,
        to_state=rule.target,
        at=at,
        reason=evidence.reason.strip(),
    )
    return replace(
        changed,
        state=rule.target,
        disposition=changed.disposition if rule.target is IncidentState.CLOSED else None,
        version=incident.version + 1,
        updated_at=at,
        history=(*incident.history, record),
    )


def attach_verification(
    incident: Incident,
    verification: Verification,
    actor: Actor,
    *,
    at: datetime | None = None,
) -> Incident:
    """Record a video re-check of the site; only operators/supervisors, in FEEDBACK or VERIFYING.

    The verification must be for this incident and by this actor. The result has the
    verification appended and ``version + 1``; ``updated_at`` becomes ``at`` when given.
    A FAIL verdict is kept too: it is evidence for a reopen.
    """
    allowed = allowed_actions(incident, actor)
    if incident.state not in VERIFIABLE_STATES:
        raise IllegalTransition(
            current_state=incident.state,
            action=None,
            allowed=allowed,
            operation=ATTACH_VERIFICATION,
        )
    if not Who.OP.admits(incident, actor):
        raise NotPermitted(
            role=actor.role,
            action=None,
            current_state=incident.state,
            allowed=allowed,
            required=Who.OP.value,
            operation=ATTACH_VERIFICATION,
        )
    problem: tuple[str, str] | None = None
    if verification.incident_id != incident.id:
        problem = ("verification.incident_id", "the verification belongs to another incident")
    elif verification.verifier_id != actor.user_id:
        problem = ("verification.verifier_id", "a verification is recorded by its own verifier")
    elif any(existing.id == verification.id for existing in incident.verifications):
        problem = ("verification.id", "this verification is already attached")
    if problem is not None:
        raise EvidenceMissing(
            problem[0],
            problem[1],
            action=None,
            current_state=incident.state,
            allowed=allowed,
            operation=ATTACH_VERIFICATION,
        )
    return replace(
        incident,
        verifications=(*incident.verifications, verification),
        version=incident.version + 1,
        updated_at=at if at is not None else incident.updated_at,
    )


# ----------------------------------------------------------------------------- time limits

# The escalation action is not a row of the table (it changes no state); errors name it so.
ESCALATE = "escalate"

_LEVEL_ORDER: tuple[SlaLevel, ...] = tuple(SlaLevel)
_LADDER_ORDER: tuple[Ladder, ...] = tuple(Ladder)


def default_due_at(category: str, started_at: datetime) -> datetime:
    """The deadline an incident of ``category`` reported at ``started_at`` gets by default."""
    return started_at + category_of(category).policy.handle


def incident_sla_times(incident: Incident) -> SlaTimes | None:
    """The time-limit instants of ``incident`` by its category; None without a deadline."""
    if incident.due_at is None:
        return None
    return sla_times(incident.created_at, incident.due_at, category_of(incident.category).policy)


def _crossed_levels(times: SlaTimes, old: SlaLevel, new: SlaLevel, now: datetime) -> list[SlaStep]:
    instants = {
        SlaLevel.YELLOW: times.yellow_at,
        SlaLevel.ORANGE: times.orange_at,
        SlaLevel.RED: times.red_at,
        SlaLevel.OVERDUE: times.due_at,
    }
    old_index, new_index = _LEVEL_ORDER.index(old), _LEVEL_ORDER.index(new)
    if new_index < old_index:
        return [SlaStep(now, SlaStepKind.LEVEL, new.value, reason="deadline moved")]
    return [
        SlaStep(instants[level], SlaStepKind.LEVEL, level.value)
        for level in _LEVEL_ORDER[old_index + 1 : new_index + 1]
    ]


def _crossed_rungs(times: SlaTimes, old: Ladder, new: Ladder, now: datetime) -> list[SlaStep]:
    instants = {
        Ladder.REMIND: times.due_at,
        Ladder.SUPERVISE: times.supervise_at,
        Ladder.REPORT: times.report_at,
    }
    old_index, new_index = _LADDER_ORDER.index(old), _LADDER_ORDER.index(new)
    if new_index < old_index:
        return [SlaStep(now, SlaStepKind.LADDER, new.value, reason="deadline moved")]
    return [
        SlaStep(instants[rung], SlaStepKind.LADDER, rung.value)
        for rung in _LADDER_ORDER[old_index + 1 : new_index + 1]
    ]


def sla_update(incident: Incident, now: datetime) -> Incident:
    """``incident`` with its time-limit state brought up to ``now``, each level, rung and
    grid level crossed since the last update appended to ``sla_history`` (stamped with the
    instant it was reached; a moved deadline that lowers the level is stamped ``now``).

    Nothing moves while the clock is stopped (states outside ``SLA_TIMED_STATES``) except
    that the first grid level is set. The version and ``updated_at`` are left alone: the
    caller stamps the change. Returns ``incident`` itself when nothing changed.
    """
    times = incident_sla_times(incident)
    start = category_of(incident.category).start_level
    if times is None or incident.state not in SLA_TIMED_STATES:
        if incident.escalation is None and not incident.is_terminal:
            return replace(incident, escalation=start)
        return incident
    level = level_at(times, now)
    ladder = ladder_at(times, now)
    automatic = grid_up(start, automatic_escalations(times, now))
    recorded = incident.escalation or start
    steps: list[SlaStep] = []
    if level is not incident.sla_level:
        steps += _crossed_levels(times, incident.sla_level, level, now)
    if ladder is not incident.ladder:
        steps += _crossed_rungs(times, incident.ladder, ladder, now)
    escalation = recorded
    if GRID_ORDER.index(automatic) > GRID_ORDER.index(recorded):
        escalation = automatic
        # The k-th automatic step falls at report_at + (k - 1) * escalate_every.
        for grid in GRID_ORDER[GRID_ORDER.index(recorded) + 1 : GRID_ORDER.index(automatic) + 1]:
            k = GRID_ORDER.index(grid) - GRID_ORDER.index(start)
            at = times.report_at + times.escalate_every * (k - 1)
            steps.append(SlaStep(at, SlaStepKind.ESCALATION, grid.value, reason="overdue"))
    if not steps and escalation is incident.escalation:
        return incident
    return replace(
        incident,
        sla_level=level,
        ladder=ladder,
        escalation=escalation,
        sla_history=(*incident.sla_history, *steps),
    )


def escalate(incident: Incident, actor: Actor, reason: str, *, at: datetime) -> Incident:
    """Move the responsibility one grid level up by hand (an operator or a supervisor).

    Raises ``IllegalTransition`` for a finished incident or one already at the city,
    ``NotPermitted`` for anyone else, ``EvidenceMissing`` without a reason. The result has
    one more ``sla_history`` entry, ``version + 1`` and ``updated_at = at``.
    """
    allowed = allowed_actions(incident, actor)
    current = incident.escalation or category_of(incident.category).start_level
    if incident.is_terminal or current is GridLevel.CITY:
        raise IllegalTransition(
            current_state=incident.state, action=None, allowed=allowed, operation=ESCALATE
        )
    if not Who.OP.admits(incident, actor):
        raise NotPermitted(
            role=actor.role,
            action=None,
            current_state=incident.state,
            allowed=allowed,
            required=Who.OP.value,
            operation=ESCALATE,
        )
    if not reason.strip():
        raise EvidenceMissing(
            "reason",
            "a reason is required",
            action=None,
            current_state=incident.state,
            allowed=allowed,
            operation=ESCALATE,
        )
    upper = grid_up(current)
    step = SlaStep(at, SlaStepKind.ESCALATION, upper.value, actor.user_id, reason.strip())
    return replace(
        incident,
        escalation=upper,
        sla_history=(*incident.sla_history, step),
        version=incident.version + 1,
        updated_at=at,
    )
