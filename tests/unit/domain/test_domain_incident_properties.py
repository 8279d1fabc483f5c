"""Properties of the incident state machine over random sequences of steps.

Hypothesis draws a walk: a list of steps, each one of

- ``progress``: an action some actor is allowed to take, with suitable evidence and a
  random disposition, or, awaiting verification, the operator's video check (this is
  what gets incidents deep into the workflow);
- ``verify``: a video verification by a random actor, PASS or FAIL, captured just before,
  at, or after the latest feedback, sometimes for another incident;
- ``noise``: any action by anyone with random, often unsuitable, evidence.

A step is drawn as plain numbers and only interpreted against the incident as it stands
when the step runs, so walks shrink well. After every step the test checks that:

(a) an incident is never CLOSED as RESOLVED without a PASS verification captured after
    its latest feedback;
(b) a successful transition adds exactly 1 to the version and one record to the history
    (a verification adds 1 to the version and nothing to the history), and a refused step
    changes nothing;
(c) terminal states accept no action from anyone;
(d) ``allowed_actions`` is exactly the set of actions ``transition`` accepts for that
    actor when given suitable evidence;
(e) an operator never closes from VERIFYING unless someone verified after the latest
    feedback (closing without looking is a supervisor's decision).
"""

from __future__ import annotations

import dataclasses
import enum
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.incident import (
    TERMINAL_STATES,
    Action,
    Actor,
    Disposition,
    Evidence,
    Feedback,
    FeedbackResult,
    IllegalTransition,
    Incident,
    IncidentSource,
    IncidentState,
    Priority,
    TransitionError,
    Verification,
    VerificationVerdict,
    allowed_actions,
    attach_verification,
    transition,
)
from console.domain.model import GeoPoint, Role

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
UNITS = ("unit-police", "unit-town-boao")
OPERATOR = Actor("u-op", Role.OPERATOR)
SUPERVISOR = Actor("u-sup", Role.SUPERVISOR)
ACTORS = (
    OPERATOR,
    SUPERVISOR,
    Actor("u-admin", Role.ADMIN),
    Actor("u-police", Role.UNIT, UNITS[0]),
    Actor("u-boao", Role.UNIT, UNITS[1]),
)
ACTIONS = tuple(Action)
# Side exits and loops: taken only now and then, so that walks also get to the end.
DETOURS = frozenset(
    {
        Action.REJECT,
        Action.CANCEL,
        Action.MERGE,
        Action.RETURN,
        Action.REQUEST_DELAY,
        Action.SUSPEND,
        Action.REOPEN,
    }
)
# Weighted towards RESOLVED so that walks often try the closure property (a) guards.
PROGRESS_DISPOSITIONS: tuple[Disposition | None, ...] = (
    Disposition.RESOLVED,
    Disposition.RESOLVED,
    Disposition.RESOLVED,
    None,
    Disposition.INVALID,
    Disposition.DUPLICATE,
    Disposition.TRANSFERRED,
    Disposition.BACKLOGGED,
)
NOISE_DISPOSITIONS: tuple[Disposition | None, ...] = (None, *Disposition)
NOISE_TEXTS = ("", "  ", "caller says it is still there")
NOISE_UNITS: tuple[str | None, ...] = (None, "", *UNITS)
NOISE_ASSIGNMENT_IDS: tuple[str | None, ...] = (None, "asg-a", "asg-b")
NOISE_CATEGORIES: tuple[str | None, ...] = (None, "", "garbage")
NOISE_PRIORITIES: tuple[Priority | None, ...] = (None, *Priority)


T = TypeVar("T")


class Kind(enum.Enum):
    PROGRESS = "progress"
    VERIFY = "verify"
    NOISE = "noise"


CHOICES_PER_STEP = 10
KINDS = (Kind.PROGRESS,) * 6 + (Kind.VERIFY,) * 2 + (Kind.NOISE,) * 2


@dataclasses.dataclass(frozen=True)
class Step:
    """One step of a walk, drawn as bytes: the first picks the kind, the rest pick choices.

    One draw per step keeps generation cheap; shrinking towards zero bytes gives the
    plainest step.
    """

    raw: bytes

    @property
    def kind(self) -> Kind:
        return KINDS[self.raw[0] % len(KINDS)]

    def pick(self, index: int, options: Sequence[T]) -> T:
        return options[self.raw[1 + index] % len(options)]


steps = st.binary(min_size=1 + CHOICES_PER_STEP, max_size=1 + CHOICES_PER_STEP).map(Step)
walks = st.lists(steps, min_size=30, max_size=60)


def new_incident() -> Incident:
    return Incident(
        id="inc-1",
        number="QH-20260301-0001",
        title="Smoke near Wanquan river",
        category="smoke_fire",
        priority=Priority.P1,
        source=IncidentSource.ALERT,
        state=IncidentState.REPORTED,
        position=GeoPoint(lat=19.21, lon=110.41),
        created_by=OPERATOR.user_id,
        created_at=T0,
        updated_at=T0,
    )


def suitable_evidence(
    incident: Incident,
    at: datetime,
    *,
    disposition: Disposition | None = None,
    unit_id: str = UNITS[0],
) -> Evidence:
    """Evidence that satisfies whatever the incident's current state asks for.

    ``disposition`` None means "the one this state can close with without a verification".
    """
    lead = incident.lead_assignment
    if disposition is None:
        suspended = incident.state is IncidentState.SUSPENDED
        disposition = Disposition.BACKLOGGED if suspended else Disposition.INVALID
    latest_due = max(d for d in (incident.due_at, at) if d is not None)
    return Evidence(
        reason="operator's judgement",
        unit_id=unit_id,
        assignment_id=f"asg-{len(incident.assignments) + 1}-{at:%H%M%S}",
        due_at=latest_due + timedelta(hours=4),
        category="garbage",
        priority=Priority.P2,
        feedback=Feedback(
            id=f"fb-{at:%H%M%S}",
            incident_id=incident.id,
            unit_id=lead.unit_id if lead is not None else UNITS[0],
            author_id="u-field",
            reported_at=at,
            result=FeedbackResult.FIXED,
            text="cleared",
        ),
        disposition=disposition,
        merged_into="inc-0",
    )


def has_verification_after_latest_feedback(incident: Incident) -> bool:
    """Property (e)'s condition: any verdict counts as having looked."""
    last_feedback = max((f.reported_at for f in incident.feedbacks), default=None)
    return any(
        last_feedback is None or v.captured_at > last_feedback for v in incident.verifications
    )


def has_pass_after_latest_feedback(incident: Incident) -> bool:
    """Property (a)'s condition, stated on its own rather than through the module's helper."""
    last_feedback = max((f.reported_at for f in incident.feedbacks), default=None)
    return any(
        v.verdict is VerificationVerdict.PASS
        and (last_feedback is None or v.captured_at > last_feedback)
        for v in incident.verifications
    )


# ----------------------------------------------------------------------------- interpreting steps


def progress_step(
    incident: Incident, step: Step, at: datetime
) -> tuple[Callable[[], Incident], Kind] | None:
    """A step the workflow expects next: an allowed action, or the operator's video check."""
    if (
        incident.state in (IncidentState.FEEDBACK, IncidentState.VERIFYING)
        and not has_pass_after_latest_feedback(incident)
        and step.pick(5, (True, False))
    ):
        feedback_at = incident.latest_feedback.reported_at if incident.latest_feedback else at
        # Now (after the feedback, so it counts), or exactly at / just before the feedback.
        captured_at = step.pick(7, (at, at, at, feedback_at, feedback_at - timedelta(seconds=1)))
        check = Verification(
            id=f"ver-{at:%H%M%S}",
            incident_id=incident.id,
            verifier_id=OPERATOR.user_id,
            captured_at=captured_at,
            verdict=step.pick(6, (VerificationVerdict.PASS, VerificationVerdict.FAIL)),
        )
        return (lambda: attach_verification(incident, check, OPERATOR, at=at)), Kind.VERIFY
    movers = [actor for actor in ACTORS if allowed_actions(incident, actor)]
    if not movers:
        return None
    actor = step.pick(0, movers)
    choices = list(allowed_actions(incident, actor))
    onward = [a for a in choices if a not in DETOURS]
    keep_going: bool = step.pick(1, (True, True, True, True, False))
    if onward and keep_going:
        choices = onward
    action = step.pick(2, choices)
    evidence = suitable_evidence(
        incident,
        at,
        disposition=step.pick(3, PROGRESS_DISPOSITIONS),
        unit_id=step.pick(4, UNITS),
    )
    return (lambda: transition(incident, action, actor, evidence, at=at)), Kind.PROGRESS


def verify_step(incident: Incident, step: Step, at: datetime) -> Callable[[], Incident]:
    # Capture times straddle the latest feedback, where the closure rule draws its line.
    latest = incident.latest_feedback
    reference = latest.reported_at if latest is not None else at
    actor = step.pick(0, (OPERATOR, OPERATOR, SUPERVISOR, *ACTORS))
    check = Verification(
        id=f"ver-{at:%H%M%S}",
        incident_id=step.pick(1, (incident.id, incident.id, incident.id, "inc-2")),
        verifier_id=actor.user_id,
        captured_at=reference + timedelta(seconds=step.pick(2, (-60, -1, 0, 1, 30, 60))),
        verdict=step.pick(3, (VerificationVerdict.PASS, VerificationVerdict.FAIL)),
    )
    return lambda: attach_verification(incident, check, actor, at=at)


def noise_step(incident: Incident, step: Step, at: datetime) -> Callable[[], Incident]:
    action = step.pick(0, ACTIONS)
    actor = step.pick(1, ACTORS)
    feedback = Feedback(
        id=f"fb-{at:%H%M%S}",
        incident_id=step.pick(2, (incident.id, "inc-2")),
        unit_id=step.pick(3, UNITS),
        author_id=actor.user_id,
        reported_at=at,
        result=FeedbackResult.PARTIAL,
        text=step.pick(4, NOISE_TEXTS),
    )
    due_in_hours = step.pick(5, (None, -2, 0, 3, 48))
    evidence = Evidence(
        reason=step.pick(4, NOISE_TEXTS),
        unit_id=step.pick(6, NOISE_UNITS),
        assignment_id=step.pick(7, NOISE_ASSIGNMENT_IDS),
        due_at=None if due_in_hours is None else at + timedelta(hours=due_in_hours),
        category=step.pick(8, NOISE_CATEGORIES),
        priority=step.pick(9, NOISE_PRIORITIES),
        feedback=step.pick(5, (feedback, None)),
        disposition=step.pick(6, NOISE_DISPOSITIONS),
        merged_into=step.pick(7, (None, "inc-0", "inc-1")),
    )
    return lambda: transition(incident, action, actor, evidence, at=at)


# ----------------------------------------------------------------------------- properties


def check_refusals_and_bumps(
    before: Incident, step: Callable[[], Incident], kind: Kind
) -> Incident:
    """Property (b): run one step, returning the incident as it stands afterwards."""
    try:
        after = step()
    except TransitionError:
        return before  # frozen values: a refusal cannot have changed anything
    assert after.version == before.version + 1
    if kind is Kind.VERIFY:
        assert after.history == before.history
        assert after.verifications[:-1] == before.verifications
    else:
        assert len(after.history) == len(before.history) + 1
        assert after.history[:-1] == before.history
        assert after.history[-1].from_state is before.state
        assert after.history[-1].to_state is after.state
    return after


def check_resolved_closure(incident: Incident) -> None:
    """Property (a), plus: a disposition exists exactly when the incident is closed."""
    if incident.disposition is Disposition.RESOLVED:
        assert has_pass_after_latest_feedback(incident)
    assert (incident.disposition is not None) == (incident.state is IncidentState.CLOSED)


def check_operator_closure(incident: Incident) -> None:
    """Property (e), on the step that just closed the incident."""
    if incident.state is not IncidentState.CLOSED or not incident.history:
        return
    last = incident.history[-1]
    if last.from_state is IncidentState.VERIFYING and last.actor_id == OPERATOR.user_id:
        assert has_verification_after_latest_feedback(incident)


def check_terminal(incident: Incident, probe_at: datetime) -> None:
    """Property (c)."""
    for disposition in (Disposition.RESOLVED, None):
        evidence = suitable_evidence(incident, probe_at, disposition=disposition)
        for actor in ACTORS:
            assert allowed_actions(incident, actor) == ()
            for action in Action:
                try:
                    transition(incident, action, actor, evidence, at=probe_at)
                except IllegalTransition:
                    continue
                raise AssertionError(f"{action} accepted in terminal {incident.state}")


def check_allowed_matches_transition(incident: Incident, probe_at: datetime) -> None:
    """Property (d)."""
    evidence = suitable_evidence(incident, probe_at)
    for actor in ACTORS:
        accepted = set()
        for action in Action:
            try:
                transition(incident, action, actor, evidence, at=probe_at)
            except TransitionError:
                continue
            accepted.add(action)
        assert accepted == set(allowed_actions(incident, actor)), (incident.state, actor)


def run_walk(walk: list[Step]) -> Incident:
    incident = new_incident()
    clock = T0
    # What may be done depends only on the state, the lead assignment and whether anyone
    # has looked since the feedback, so (d) is probed once per such situation in a walk
    # rather than after every step.
    probed: set[tuple[IncidentState, str | None, bool]] = set()
    for step in walk:
        clock += timedelta(minutes=1)
        if step.kind is Kind.PROGRESS:
            planned = progress_step(incident, step, clock)
            if planned is None:
                continue
            action, kind = planned
        elif step.kind is Kind.VERIFY:
            action, kind = verify_step(incident, step, clock), Kind.VERIFY
        else:
            action, kind = noise_step(incident, step, clock), Kind.NOISE
        incident = check_refusals_and_bumps(incident, action, kind)

        check_resolved_closure(incident)
        check_operator_closure(incident)
        lead = incident.lead_assignment
        looked = has_verification_after_latest_feedback(incident)
        situation = (incident.state, lead.id if lead is not None else None, looked)
        if situation not in probed:
            probed.add(situation)
            probe_at = clock + timedelta(seconds=30)
            check_allowed_matches_transition(incident, probe_at)
            if incident.state in TERMINAL_STATES:
                check_terminal(incident, probe_at)
    return incident


@settings(max_examples=150, deadline=None)
@given(walks)
def test_random_walks_keep_every_property(walk: list[Step]) -> None:
    run_walk(walk)


def test_walks_reach_every_state_including_resolved_closure() -> None:
    """Guards against vacuous properties: the walks drawn above do get everywhere."""
    seen: Counter[tuple[IncidentState, Disposition | None]] = Counter()

    @settings(max_examples=150, deadline=None, database=None, derandomize=True)
    @given(walks)
    def explore(walk: list[Step]) -> None:
        final = run_walk(walk)
        seen[(final.state, final.disposition)] += 1
        for record in final.history:
            seen[(record.to_state, None)] += 1

    explore()
    reached = {new_incident().state} | {state for state, _ in seen}
    assert reached == set(IncidentState)
    assert seen[(IncidentState.CLOSED, Disposition.RESOLVED)] > 0
