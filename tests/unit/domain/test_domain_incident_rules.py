"""Row-by-row tests of the incident state machine: targets, roles, evidence, effects.

The expected table below is written out from the workflow specification, independently
of ``console.domain.incident``; the first test checks the two agree exactly.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.incident import (
    TERMINAL_STATES,
    TRANSITIONS,
    Action,
    Actor,
    Assignment,
    Disposition,
    Evidence,
    EvidenceMissing,
    Feedback,
    FeedbackResult,
    IllegalTransition,
    Incident,
    IncidentSource,
    IncidentState,
    NotPermitted,
    Priority,
    TransitionError,
    Verification,
    VerificationVerdict,
    allowed_actions,
    attach_verification,
    transition,
)
from console.domain.model import GeoPoint, Role

S = IncidentState
A = Action
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
LEAD_UNIT = "unit-police-jiaji"
OTHER_UNIT = "unit-urban-boao"

OPERATOR = Actor("u-op", Role.OPERATOR)
SUPERVISOR = Actor("u-sup", Role.SUPERVISOR)
ADMIN = Actor("u-admin", Role.ADMIN)
LEAD_UNIT_USER = Actor("u-police", Role.UNIT, LEAD_UNIT)
OTHER_UNIT_USER = Actor("u-urban", Role.UNIT, OTHER_UNIT)
UNIT_USER_WITHOUT_UNIT = Actor("u-nobody", Role.UNIT, None)
ALL_ACTORS = (
    OPERATOR,
    SUPERVISOR,
    ADMIN,
    LEAD_UNIT_USER,
    OTHER_UNIT_USER,
    UNIT_USER_WITHOUT_UNIT,
)

# Who may act, by the contract: OP = operator or supervisor, SUP = supervisor only,
# UNIT = a unit user acting for the unit of the active assignment. Closing from VERIFYING
# is SUP here because ``incident_in`` has no verification since the feedback; an operator
# joins once there is one (see the close tests below).
OP = frozenset({OPERATOR, SUPERVISOR})
SUP = frozenset({SUPERVISOR})
UNIT = frozenset({LEAD_UNIT_USER})

EXPECTED_TABLE: dict[tuple[IncidentState, Action], tuple[IncidentState, frozenset[Actor]]] = {
    (S.REPORTED, A.ACCEPT): (S.ACCEPTED, OP),
    (S.REPORTED, A.REJECT): (S.REJECTED, OP),
    (S.REPORTED, A.MERGE): (S.MERGED, OP),
    (S.REPORTED, A.CANCEL): (S.CANCELLED, OP),
    (S.ACCEPTED, A.FILE): (S.FILED, OP),
    (S.ACCEPTED, A.REJECT): (S.REJECTED, OP),
    (S.ACCEPTED, A.MERGE): (S.MERGED, OP),
    (S.ACCEPTED, A.CANCEL): (S.CANCELLED, OP),
    (S.FILED, A.DISPATCH): (S.DISPATCHED, OP),
    (S.FILED, A.CANCEL): (S.CANCELLED, OP),
    (S.DISPATCHED, A.SIGN): (S.SIGNED, UNIT),
    (S.DISPATCHED, A.RETURN): (S.RETURNED, UNIT),
    (S.SIGNED, A.START): (S.IN_PROGRESS, UNIT),
    (S.SIGNED, A.RETURN): (S.RETURNED, UNIT),
    (S.IN_PROGRESS, A.REPORT_FEEDBACK): (S.FEEDBACK, UNIT),
    (S.IN_PROGRESS, A.REQUEST_DELAY): (S.DELAY_REQUESTED, UNIT),
    (S.IN_PROGRESS, A.SUSPEND): (S.SUSPENDED, SUP),
    (S.DELAY_REQUESTED, A.APPROVE_DELAY): (S.IN_PROGRESS, SUP),
    (S.DELAY_REQUESTED, A.DENY_DELAY): (S.IN_PROGRESS, SUP),
    (S.SUSPENDED, A.RESUME): (S.IN_PROGRESS, SUP),
    (S.SUSPENDED, A.CLOSE): (S.CLOSED, SUP),
    (S.RETURNED, A.FILE): (S.FILED, OP),
    (S.RETURNED, A.DISPATCH): (S.DISPATCHED, OP),
    (S.RETURNED, A.CANCEL): (S.CANCELLED, OP),
    (S.FEEDBACK, A.START_VERIFICATION): (S.VERIFYING, OP),
    (S.VERIFYING, A.CLOSE): (S.CLOSED, SUP),
    (S.VERIFYING, A.REOPEN): (S.REOPENED, OP),
    (S.REOPENED, A.DISPATCH): (S.DISPATCHED, OP),
}

ROWS = sorted(EXPECTED_TABLE, key=lambda key: (list(S).index(key[0]), list(A).index(key[1])))
NON_ROWS = [(state, action) for state in S for action in A if (state, action) not in EXPECTED_TABLE]


def row_id(key: tuple[IncidentState, Action]) -> str:
    return f"{key[0].value}-{key[1].value}"


# ----------------------------------------------------------------------------- builders


def feedback_from(unit_id: str, at: datetime, incident_id: str = "inc-1") -> Feedback:
    return Feedback(
        id=f"fb-{at:%H%M%S}",
        incident_id=incident_id,
        unit_id=unit_id,
        author_id="u-police",
        reported_at=at,
        result=FeedbackResult.FIXED,
        text="vendor moved off the carriageway",
    )


def verification(
    verdict: VerificationVerdict, captured_at: datetime, vid: str = "ver-1"
) -> Verification:
    return Verification(
        id=vid,
        incident_id="inc-1",
        verifier_id=OPERATOR.user_id,
        captured_at=captured_at,
        verdict=verdict,
        camera_ids=("46900200001310000001",),
    )


def incident_in(state: IncidentState) -> Incident:
    """An incident standing in ``state``, with what that state implies already recorded.

    From DISPATCHED on there is an active assignment to LEAD_UNIT; from FEEDBACK on there
    is a feedback one hour after T0.
    """
    base = Incident(
        id="inc-1",
        number="QH-20260301-0001",
        title="Street vendor on Yinhai Road",
        category="street_vendor",
        priority=Priority.P3,
        source=IncidentSource.ALERT,
        state=state,
        position=GeoPoint(lat=19.246, lon=110.466),
        created_by=OPERATOR.user_id,
        created_at=T0,
        updated_at=T0,
        version=7,
    )
    with_unit = {
        S.DISPATCHED,
        S.SIGNED,
        S.IN_PROGRESS,
        S.DELAY_REQUESTED,
        S.SUSPENDED,
        S.FEEDBACK,
        S.VERIFYING,
        S.REOPENED,
    }
    if state in with_unit:
        base = dataclasses.replace(
            base,
            assignments=(
                Assignment(
                    id="asg-1",
                    incident_id="inc-1",
                    unit_id=LEAD_UNIT,
                    dispatched_by=OPERATOR.user_id,
                    dispatched_at=T0,
                    due_at=T0 + timedelta(hours=4),
                ),
            ),
            due_at=T0 + timedelta(hours=4),
        )
    if state in {S.FEEDBACK, S.VERIFYING, S.REOPENED}:
        base = dataclasses.replace(
            base, feedbacks=(feedback_from(LEAD_UNIT, T0 + timedelta(hours=1)),)
        )
    if state is S.DELAY_REQUESTED:
        base = dataclasses.replace(base, requested_due_at=T0 + timedelta(hours=8))
    return base


def suitable_evidence(state: IncidentState, action: Action, at: datetime) -> Evidence:
    """Evidence that satisfies every rule of the (state, action) row."""
    disposition = Disposition.BACKLOGGED if state is S.SUSPENDED else Disposition.INVALID
    return Evidence(
        reason="not our remit",
        unit_id=OTHER_UNIT,
        assignment_id="asg-new",
        instructions="clear the lane",
        due_at=T0 + timedelta(days=1),
        category="garbage",
        priority=Priority.P2,
        feedback=feedback_from(LEAD_UNIT, at),
        disposition=disposition,
        merged_into="inc-0",
    )


AT = T0 + timedelta(hours=2)


# ----------------------------------------------------------------------------- the table


def test_table_is_exactly_the_specified_workflow() -> None:
    actual = {
        key: (
            rule.target,
            frozenset(a for a in ALL_ACTORS if rule.who.admits(incident_in(key[0]), a)),
        )
        for key, rule in TRANSITIONS.items()
    }
    assert actual == EXPECTED_TABLE


def test_terminal_states_are_the_four_ends() -> None:
    assert frozenset({S.CLOSED, S.MERGED, S.CANCELLED, S.REJECTED}) == TERMINAL_STATES
    assert not any(state in TERMINAL_STATES for state, _ in TRANSITIONS)


@pytest.mark.parametrize("key", ROWS, ids=row_id)
def test_row_moves_to_its_target_for_every_permitted_actor(
    key: tuple[IncidentState, Action],
) -> None:
    state, action = key
    target, permitted = EXPECTED_TABLE[key]
    before = incident_in(state)
    for actor in permitted:
        after = transition(before, action, actor, suitable_evidence(state, action, AT), at=AT)
        assert after.state is target
        assert after.version == before.version + 1
        assert after.updated_at == AT
        assert len(after.history) == len(before.history) + 1
        record = after.history[-1]
        assert (record.action, record.actor_id, record.from_state, record.to_state, record.at) == (
            action,
            actor.user_id,
            state,
            target,
            AT,
        )
        assert (after.disposition is not None) == (target is S.CLOSED)


@pytest.mark.parametrize("key", ROWS, ids=row_id)
def test_row_refuses_every_other_actor(key: tuple[IncidentState, Action]) -> None:
    state, action = key
    _, permitted = EXPECTED_TABLE[key]
    incident = incident_in(state)
    for actor in set(ALL_ACTORS) - permitted:
        with pytest.raises(NotPermitted) as refused:
            transition(incident, action, actor, suitable_evidence(state, action, AT), at=AT)
        assert refused.value.role is actor.role
        assert refused.value.action is action
        assert refused.value.current_state is state
        assert action not in refused.value.allowed


@pytest.mark.parametrize("key", NON_ROWS, ids=row_id)
def test_actions_outside_the_table_are_illegal(key: tuple[IncidentState, Action]) -> None:
    state, action = key
    incident = incident_in(state)
    for actor in ALL_ACTORS:
        with pytest.raises(IllegalTransition) as refused:
            transition(incident, action, actor, suitable_evidence(state, action, AT), at=AT)
        assert refused.value.current_state is state
        assert refused.value.action is action
        assert refused.value.allowed == allowed_actions(incident, actor)


@pytest.mark.parametrize("state", list(S), ids=str)
def test_allowed_actions_lists_exactly_the_permitted_rows(state: IncidentState) -> None:
    incident = incident_in(state)
    for actor in ALL_ACTORS:
        expected = [
            a for a in A if (state, a) in EXPECTED_TABLE and actor in EXPECTED_TABLE[(state, a)][1]
        ]
        assert list(allowed_actions(incident, actor)) == expected


def test_admin_takes_no_part_anywhere() -> None:
    for state in S:
        assert allowed_actions(incident_in(state), ADMIN) == ()


def test_a_unit_user_acts_only_for_the_active_assignment() -> None:
    returned = transition(
        incident_in(S.DISPATCHED), A.RETURN, LEAD_UNIT_USER, Evidence(reason="wrong town"), at=AT
    )
    # The assignment is no longer active, so its unit has nothing left to do here.
    assert returned.lead_assignment is None
    assert allowed_actions(returned, LEAD_UNIT_USER) == ()


# ----------------------------------------------------------------------------- evidence rules

REASON_ROWS = [
    (S.REPORTED, A.REJECT, OPERATOR),
    (S.ACCEPTED, A.REJECT, OPERATOR),
    (S.REPORTED, A.CANCEL, OPERATOR),
    (S.ACCEPTED, A.CANCEL, OPERATOR),
    (S.FILED, A.CANCEL, OPERATOR),
    (S.RETURNED, A.CANCEL, OPERATOR),
    (S.DISPATCHED, A.RETURN, LEAD_UNIT_USER),
    (S.SIGNED, A.RETURN, LEAD_UNIT_USER),
    (S.VERIFYING, A.REOPEN, OPERATOR),
    (S.IN_PROGRESS, A.SUSPEND, SUPERVISOR),
    (S.DELAY_REQUESTED, A.DENY_DELAY, SUPERVISOR),
    (S.IN_PROGRESS, A.REQUEST_DELAY, LEAD_UNIT_USER),
]


@pytest.mark.parametrize(("state", "action", "actor"), REASON_ROWS, ids=lambda v: str(v))
@pytest.mark.parametrize("reason", ["", "   ", "\t\n"], ids=["empty", "spaces", "whitespace"])
def test_reason_is_required(
    state: IncidentState, action: Action, actor: Actor, reason: str
) -> None:
    evidence = dataclasses.replace(suitable_evidence(state, action, AT), reason=reason)
    with pytest.raises(EvidenceMissing) as refused:
        transition(incident_in(state), action, actor, evidence, at=AT)
    assert refused.value.field == "reason"
    assert refused.value.action is action


MISSING_FIELD_CASES = [
    # (state, action, actor, evidence changes, field the error must name)
    (S.ACCEPTED, A.FILE, OPERATOR, {"category": None}, "category"),
    (S.ACCEPTED, A.FILE, OPERATOR, {"category": "  "}, "category"),
    (S.ACCEPTED, A.FILE, OPERATOR, {"priority": None}, "priority"),
    (S.RETURNED, A.FILE, OPERATOR, {"priority": None}, "priority"),
    (S.FILED, A.DISPATCH, OPERATOR, {"unit_id": None}, "unit_id"),
    (S.FILED, A.DISPATCH, OPERATOR, {"unit_id": ""}, "unit_id"),
    (S.FILED, A.DISPATCH, OPERATOR, {"assignment_id": None}, "assignment_id"),
    (S.RETURNED, A.DISPATCH, OPERATOR, {"assignment_id": None}, "assignment_id"),
    (S.REOPENED, A.DISPATCH, OPERATOR, {"assignment_id": "asg-1"}, "assignment_id"),
    (S.REOPENED, A.DISPATCH, OPERATOR, {"unit_id": None}, "unit_id"),
    (S.REPORTED, A.MERGE, OPERATOR, {"merged_into": None}, "merged_into"),
    (S.ACCEPTED, A.MERGE, OPERATOR, {"merged_into": "inc-1"}, "merged_into"),
    (S.IN_PROGRESS, A.REQUEST_DELAY, LEAD_UNIT_USER, {"due_at": None}, "due_at"),
    (S.IN_PROGRESS, A.REQUEST_DELAY, LEAD_UNIT_USER, {"due_at": T0 + timedelta(hours=1)}, "due_at"),
    (S.IN_PROGRESS, A.REPORT_FEEDBACK, LEAD_UNIT_USER, {"feedback": None}, "feedback"),
    (
        S.IN_PROGRESS,
        A.REPORT_FEEDBACK,
        LEAD_UNIT_USER,
        {"feedback": feedback_from(OTHER_UNIT, AT)},
        "feedback",
    ),
    (
        S.IN_PROGRESS,
        A.REPORT_FEEDBACK,
        LEAD_UNIT_USER,
        {"feedback": feedback_from(LEAD_UNIT, AT, incident_id="inc-2")},
        "feedback",
    ),
    (
        S.IN_PROGRESS,
        A.REPORT_FEEDBACK,
        LEAD_UNIT_USER,
        {"feedback": dataclasses.replace(feedback_from(LEAD_UNIT, AT), text=" ")},
        "feedback",
    ),
    (S.VERIFYING, A.CLOSE, SUPERVISOR, {"disposition": None}, "disposition"),
    (S.VERIFYING, A.CLOSE, SUPERVISOR, {"disposition": Disposition.BACKLOGGED}, "disposition"),
    (S.VERIFYING, A.CLOSE, SUPERVISOR, {"disposition": Disposition.RESOLVED}, "verification"),
    (
        S.VERIFYING,
        A.CLOSE,
        SUPERVISOR,
        {"disposition": Disposition.INVALID, "reason": ""},
        "reason",
    ),
    (
        S.VERIFYING,
        A.CLOSE,
        SUPERVISOR,
        {"disposition": Disposition.DUPLICATE, "reason": " "},
        "reason",
    ),
    (
        S.VERIFYING,
        A.CLOSE,
        SUPERVISOR,
        {"disposition": Disposition.TRANSFERRED, "reason": ""},
        "reason",
    ),
    (S.SUSPENDED, A.CLOSE, SUPERVISOR, {"disposition": None}, "disposition"),
    (S.SUSPENDED, A.CLOSE, SUPERVISOR, {"disposition": Disposition.RESOLVED}, "disposition"),
    (S.SUSPENDED, A.CLOSE, SUPERVISOR, {"disposition": Disposition.INVALID}, "disposition"),
    (S.SUSPENDED, A.CLOSE, SUPERVISOR, {"reason": ""}, "reason"),
]


@pytest.mark.parametrize(
    ("state", "action", "actor", "changes", "field"),
    MISSING_FIELD_CASES,
    ids=[f"{c[0].value}-{c[1].value}-{c[4]}-{i}" for i, c in enumerate(MISSING_FIELD_CASES)],
)
def test_evidence_rule_names_the_missing_field(
    state: IncidentState,
    action: Action,
    actor: Actor,
    changes: dict[str, object],
    field: str,
) -> None:
    evidence = dataclasses.replace(suitable_evidence(state, action, AT), **changes)  # type: ignore[arg-type]
    incident = incident_in(state)
    with pytest.raises(EvidenceMissing) as refused:
        transition(incident, action, actor, evidence, at=AT)
    assert refused.value.field == field
    assert refused.value.current_state is state
    assert refused.value.allowed == allowed_actions(incident, actor)


def test_refusals_are_checked_in_order_state_then_role_then_evidence() -> None:
    # No evidence at all: the state and the role still decide first.
    with pytest.raises(IllegalTransition):
        transition(incident_in(S.CLOSED), A.REOPEN, ADMIN, Evidence(), at=AT)
    with pytest.raises(NotPermitted):
        transition(incident_in(S.REPORTED), A.REJECT, ADMIN, Evidence(), at=AT)
    with pytest.raises(EvidenceMissing):
        transition(incident_in(S.REPORTED), A.REJECT, OPERATOR, Evidence(), at=AT)


# ----------------------------------------------------------------------------- close(resolved)

FEEDBACK_AT = T0 + timedelta(hours=1)


@pytest.mark.parametrize(
    ("verifications", "closes"),
    [
        ((), False),
        ((verification(VerificationVerdict.FAIL, FEEDBACK_AT + timedelta(minutes=5)),), False),
        ((verification(VerificationVerdict.PASS, FEEDBACK_AT - timedelta(minutes=5)),), False),
        ((verification(VerificationVerdict.PASS, FEEDBACK_AT),), False),
        ((verification(VerificationVerdict.PASS, FEEDBACK_AT + timedelta(seconds=1)),), True),
        (
            (
                verification(VerificationVerdict.FAIL, FEEDBACK_AT + timedelta(minutes=1), "v1"),
                verification(VerificationVerdict.PASS, FEEDBACK_AT + timedelta(minutes=2), "v2"),
            ),
            True,
        ),
    ],
    ids=["none", "fail-after", "pass-before", "pass-same-instant", "pass-after", "fail-then-pass"],
)
def test_closing_as_resolved_needs_a_pass_captured_after_the_latest_feedback(
    verifications: tuple[Verification, ...], closes: bool
) -> None:
    # A supervisor may close without looking, so only the evidence rule decides here.
    incident = dataclasses.replace(incident_in(S.VERIFYING), verifications=verifications)
    evidence = Evidence(disposition=Disposition.RESOLVED)
    if closes:
        closed = transition(incident, A.CLOSE, SUPERVISOR, evidence, at=AT)
        assert (closed.state, closed.disposition) == (S.CLOSED, Disposition.RESOLVED)
    else:
        with pytest.raises(EvidenceMissing) as refused:
            transition(incident, A.CLOSE, SUPERVISOR, evidence, at=AT)
        assert refused.value.field == "verification"


def test_a_pass_from_before_the_rework_does_not_close_the_second_round() -> None:
    first_pass = verification(VerificationVerdict.PASS, FEEDBACK_AT + timedelta(minutes=5))
    second_feedback = feedback_from(LEAD_UNIT, FEEDBACK_AT + timedelta(hours=3))
    incident = dataclasses.replace(
        incident_in(S.VERIFYING),
        feedbacks=(*incident_in(S.VERIFYING).feedbacks, second_feedback),
        verifications=(first_pass,),
    )
    with pytest.raises(EvidenceMissing):
        transition(incident, A.CLOSE, SUPERVISOR, Evidence(disposition=Disposition.RESOLVED), at=AT)
    # Nobody has looked since the second feedback, so the operator may not close at all.
    with pytest.raises(NotPermitted):
        transition(incident, A.CLOSE, OPERATOR, Evidence(disposition=Disposition.RESOLVED), at=AT)


OTHER_DISPOSITIONS = [Disposition.INVALID, Disposition.DUPLICATE, Disposition.TRANSFERRED]


@pytest.mark.parametrize("disposition", OTHER_DISPOSITIONS)
def test_a_supervisor_closes_other_dispositions_with_a_reason_and_no_verification(
    disposition: Disposition,
) -> None:
    closed = transition(
        incident_in(S.VERIFYING),
        A.CLOSE,
        SUPERVISOR,
        Evidence(disposition=disposition, reason="handled by the county"),
        at=AT,
    )
    assert closed.disposition is disposition
    assert closed.history[-1].actor_id == SUPERVISOR.user_id


@pytest.mark.parametrize("disposition", [Disposition.RESOLVED, *OTHER_DISPOSITIONS])
@pytest.mark.parametrize(
    "verifications",
    [
        (),
        (verification(VerificationVerdict.PASS, FEEDBACK_AT - timedelta(minutes=5)),),
        (verification(VerificationVerdict.FAIL, FEEDBACK_AT),),
    ],
    ids=["none", "pass-before-feedback", "fail-same-instant"],
)
def test_an_operator_does_not_close_without_a_verification_since_the_feedback(
    verifications: tuple[Verification, ...], disposition: Disposition
) -> None:
    incident = dataclasses.replace(incident_in(S.VERIFYING), verifications=verifications)
    evidence = Evidence(disposition=disposition, reason="handled by the county")
    assert A.CLOSE not in allowed_actions(incident, OPERATOR)
    with pytest.raises(NotPermitted) as refused:
        transition(incident, A.CLOSE, OPERATOR, evidence, at=AT)
    assert refused.value.required == "verified_operator"
    assert "verification since the latest feedback" in refused.value.message
    assert refused.value.allowed == (A.REOPEN,)


@pytest.mark.parametrize("disposition", OTHER_DISPOSITIONS)
@pytest.mark.parametrize("verdict", list(VerificationVerdict), ids=str)
def test_an_operator_who_looked_since_the_feedback_closes_with_a_reason(
    verdict: VerificationVerdict, disposition: Disposition
) -> None:
    looked = verification(verdict, FEEDBACK_AT + timedelta(minutes=3))
    incident = dataclasses.replace(incident_in(S.VERIFYING), verifications=(looked,))
    assert A.CLOSE in allowed_actions(incident, OPERATOR)
    closed = transition(
        incident,
        A.CLOSE,
        OPERATOR,
        Evidence(disposition=disposition, reason="belongs to the county"),
        at=AT,
    )
    assert (closed.state, closed.disposition) == (S.CLOSED, disposition)
    with pytest.raises(EvidenceMissing) as refused:
        transition(incident, A.CLOSE, OPERATOR, Evidence(disposition=disposition), at=AT)
    assert refused.value.field == "reason"


def test_backlogged_closure_only_by_a_supervisor_from_suspended() -> None:
    evidence = Evidence(disposition=Disposition.BACKLOGGED, reason="needs a budget line")
    closed = transition(incident_in(S.SUSPENDED), A.CLOSE, SUPERVISOR, evidence, at=AT)
    assert closed.disposition is Disposition.BACKLOGGED
    with pytest.raises(NotPermitted):
        transition(incident_in(S.SUSPENDED), A.CLOSE, OPERATOR, evidence, at=AT)
    with pytest.raises(EvidenceMissing):
        transition(incident_in(S.VERIFYING), A.CLOSE, SUPERVISOR, evidence, at=AT)


# ----------------------------------------------------------------------------- effects


def test_file_sets_category_priority_and_optional_deadline() -> None:
    due = T0 + timedelta(hours=24)
    filed = transition(
        incident_in(S.ACCEPTED),
        A.FILE,
        OPERATOR,
        Evidence(category=" garbage ", priority=Priority.P1, due_at=due),
        at=AT,
    )
    assert (filed.category, filed.priority, filed.due_at) == ("garbage", Priority.P1, due)


def test_dispatch_creates_the_assignment_the_caller_named() -> None:
    due = T0 + timedelta(hours=6)
    dispatched = transition(
        incident_in(S.FILED),
        A.DISPATCH,
        OPERATOR,
        Evidence(
            unit_id=LEAD_UNIT, assignment_id="asg-9", instructions="bring a truck", due_at=due
        ),
        at=AT,
    )
    assert dispatched.lead_assignment == Assignment(
        id="asg-9",
        incident_id="inc-1",
        unit_id=LEAD_UNIT,
        dispatched_by=OPERATOR.user_id,
        dispatched_at=AT,
        instructions="bring a truck",
        due_at=due,
    )


def test_redispatch_after_reopen_retires_the_old_assignment() -> None:
    reopened = transition(
        incident_in(S.VERIFYING), A.REOPEN, OPERATOR, Evidence(reason="still there"), at=AT
    )
    assert reopened.rework_count == 1
    redispatched = transition(
        reopened,
        A.DISPATCH,
        OPERATOR,
        Evidence(unit_id=OTHER_UNIT, assignment_id="asg-2"),
        at=AT + timedelta(minutes=1),
    )
    assert [(a.id, a.active) for a in redispatched.assignments] == [
        ("asg-1", False),
        ("asg-2", True),
    ]
    assert redispatched.lead_assignment is not None
    assert redispatched.lead_assignment.unit_id == OTHER_UNIT
    assert allowed_actions(redispatched, LEAD_UNIT_USER) == ()
    assert allowed_actions(redispatched, OTHER_UNIT_USER) == (A.SIGN, A.RETURN)


def test_sign_stamps_the_assignment() -> None:
    signed = transition(incident_in(S.DISPATCHED), A.SIGN, LEAD_UNIT_USER, at=AT)
    assert signed.lead_assignment is not None
    assert signed.lead_assignment.signed_at == AT


def test_return_deactivates_the_assignment_with_its_reason() -> None:
    returned = transition(
        incident_in(S.SIGNED), A.RETURN, LEAD_UNIT_USER, Evidence(reason=" wrong town "), at=AT
    )
    (assignment,) = returned.assignments
    assert (assignment.active, assignment.returned_reason) == (False, "wrong town")
    assert returned.history[-1].reason == "wrong town"


def test_feedback_is_recorded_and_stamped_on_the_assignment() -> None:
    report = feedback_from(LEAD_UNIT, AT)
    with_feedback = transition(
        incident_in(S.IN_PROGRESS),
        A.REPORT_FEEDBACK,
        LEAD_UNIT_USER,
        Evidence(feedback=report),
        at=AT,
    )
    assert with_feedback.feedbacks == (report,)
    assert with_feedback.latest_feedback == report
    assert with_feedback.lead_assignment is not None
    assert with_feedback.lead_assignment.feedback_at == AT


def test_delay_request_then_approval_moves_both_deadlines() -> None:
    asked = T0 + timedelta(hours=10)
    requested = transition(
        incident_in(S.IN_PROGRESS),
        A.REQUEST_DELAY,
        LEAD_UNIT_USER,
        Evidence(reason="parts on order", due_at=asked),
        at=AT,
    )
    assert requested.requested_due_at == asked
    approved = transition(requested, A.APPROVE_DELAY, SUPERVISOR, at=AT)
    assert approved.due_at == asked
    assert approved.requested_due_at is None
    assert approved.lead_assignment is not None
    assert approved.lead_assignment.due_at == asked


def test_supervisor_may_approve_a_different_deadline() -> None:
    granted = T0 + timedelta(hours=6)
    approved = transition(
        incident_in(S.DELAY_REQUESTED), A.APPROVE_DELAY, SUPERVISOR, Evidence(due_at=granted), at=AT
    )
    assert approved.due_at == granted


def test_denied_delay_keeps_the_deadline() -> None:
    before = incident_in(S.DELAY_REQUESTED)
    denied = transition(before, A.DENY_DELAY, SUPERVISOR, Evidence(reason="no"), at=AT)
    assert denied.due_at == before.due_at
    assert denied.requested_due_at is None


def test_merge_records_the_surviving_incident() -> None:
    merged = transition(
        incident_in(S.REPORTED), A.MERGE, OPERATOR, Evidence(merged_into="inc-0"), at=AT
    )
    assert merged.merged_into == "inc-0"
    assert merged.disposition is None


def test_disposition_is_ignored_unless_closing() -> None:
    cancelled = transition(
        incident_in(S.FILED),
        A.CANCEL,
        OPERATOR,
        Evidence(reason="caller withdrew", disposition=Disposition.RESOLVED),
        at=AT,
    )
    assert cancelled.disposition is None


def test_transition_is_pure_and_deterministic() -> None:
    before = incident_in(S.IN_PROGRESS)
    snapshot = dataclasses.replace(before)
    evidence = Evidence(feedback=feedback_from(LEAD_UNIT, AT))
    first = transition(before, A.REPORT_FEEDBACK, LEAD_UNIT_USER, evidence, at=AT)
    second = transition(before, A.REPORT_FEEDBACK, LEAD_UNIT_USER, evidence, at=AT)
    assert first == second
    assert before == snapshot


# ----------------------------------------------------------------------------- verification


def test_attach_verification_appends_and_bumps_the_version() -> None:
    incident = incident_in(S.FEEDBACK)
    check = verification(VerificationVerdict.PASS, AT)
    attached = attach_verification(incident, check, OPERATOR, at=AT)
    assert attached.verifications == (check,)
    assert attached.version == incident.version + 1
    assert attached.updated_at == AT
    assert attached.state is S.FEEDBACK
    assert attached.history == incident.history


@pytest.mark.parametrize("state", [s for s in S if s not in (S.FEEDBACK, S.VERIFYING)], ids=str)
def test_attach_verification_is_illegal_outside_feedback_and_verifying(
    state: IncidentState,
) -> None:
    with pytest.raises(IllegalTransition) as refused:
        attach_verification(
            incident_in(state), verification(VerificationVerdict.PASS, AT), OPERATOR
        )
    assert refused.value.operation == "attach_verification"
    assert refused.value.action is None


@pytest.mark.parametrize("actor", [ADMIN, LEAD_UNIT_USER, OTHER_UNIT_USER], ids=lambda a: a.user_id)
def test_only_operators_and_supervisors_attach_verifications(actor: Actor) -> None:
    check = dataclasses.replace(
        verification(VerificationVerdict.PASS, AT), verifier_id=actor.user_id
    )
    with pytest.raises(NotPermitted):
        attach_verification(incident_in(S.VERIFYING), check, actor)


def test_supervisor_attaches_verification() -> None:
    check = dataclasses.replace(verification(VerificationVerdict.FAIL, AT), verifier_id="u-sup")
    attached = attach_verification(incident_in(S.VERIFYING), check, SUPERVISOR)
    assert attached.verifications == (check,)
    assert attached.updated_at == incident_in(S.VERIFYING).updated_at


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"incident_id": "inc-2"}, "verification.incident_id"),
        ({"verifier_id": "u-someone-else"}, "verification.verifier_id"),
    ],
)
def test_attach_verification_checks_what_it_is_given(changes: dict[str, str], field: str) -> None:
    check = dataclasses.replace(verification(VerificationVerdict.PASS, AT), **changes)  # type: ignore[arg-type]
    with pytest.raises(EvidenceMissing) as refused:
        attach_verification(incident_in(S.VERIFYING), check, OPERATOR)
    assert refused.value.field == field


def test_attaching_the_same_verification_twice_is_refused() -> None:
    check = verification(VerificationVerdict.PASS, AT)
    once = attach_verification(incident_in(S.VERIFYING), check, OPERATOR)
    with pytest.raises(EvidenceMissing) as refused:
        attach_verification(once, check, OPERATOR)
    assert refused.value.field == "verification.id"


# ----------------------------------------------------------------------------- error bodies


def test_errors_serialise_to_machine_readable_bodies() -> None:
    with pytest.raises(TransitionError) as illegal:
        transition(incident_in(S.CLOSED), A.REOPEN, OPERATOR, Evidence(reason="x"), at=AT)
    assert illegal.value.to_dict() == {
        "code": "illegal_transition",
        "message": "cannot reopen an incident that is closed",
        "current_state": "closed",
        "action": "reopen",
        "allowed": [],
    }

    with pytest.raises(TransitionError) as forbidden:
        transition(incident_in(S.IN_PROGRESS), A.SUSPEND, OPERATOR, Evidence(reason="x"), at=AT)
    body = forbidden.value.to_dict()
    assert body["code"] == "not_permitted"
    assert body["role"] == "operator"
    assert body["required"] == "supervisor"
    assert body["allowed"] == []

    with pytest.raises(TransitionError) as missing:
        transition(incident_in(S.VERIFYING), A.REOPEN, OPERATOR, Evidence(), at=AT)
    body = missing.value.to_dict()
    assert (body["code"], body["field"], body["allowed"]) == (
        "evidence_missing",
        "reason",
        ["reopen"],
    )
