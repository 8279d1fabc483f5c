"""Which parts of a cut are copied and which are encoded again."""

from __future__ import annotations

import pytest

from console.evidence.cutting import CutError, CutPlan, VideoLayout, plan_cut

ONE_SECOND_GOPS = VideoLayout(
    keyframes=[float(s) for s in range(20)], duration_s=20.0, frame_s=0.04, timescale=12800
)


def test_edges_inside_groups_are_encoded_and_the_middle_copied() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 2.32, 6.76)
    assert plan == CutPlan(2.32, 6.76, 3.0, 6.0)
    assert plan.head == (2.32, 3.0)
    assert plan.tail == (6.0, 6.76)


def test_edges_on_keyframes_need_no_encoding() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 3.0, 7.0)
    assert (plan.head, plan.tail) == (None, None)
    assert (plan.copy_from_s, plan.copy_to_s) == (3.0, 7.0)


def test_an_edge_within_half_a_frame_of_a_keyframe_snaps_to_it() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 2.99, 7.01)
    assert (plan.start_s, plan.end_s, plan.head, plan.tail) == (3.0, 7.0, None, None)


def test_a_range_inside_one_group_is_encoded_whole() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 4.2, 4.8)
    assert plan.copy_from_s is None
    assert plan.head == (4.2, 4.8)
    assert plan.tail is None


def test_the_range_is_clipped_to_the_file() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, -5.0, 25.0)
    assert (plan.start_s, plan.end_s) == (0.0, 19.0) or (plan.start_s, plan.end_s) == (0.0, 20.0)
    assert plan.copy_from_s == 0.0


@pytest.mark.parametrize(("start", "end"), [(21.0, 22.0), (5.0, 5.01), (6.0, 5.0)])
def test_a_range_with_no_frame_is_refused(start: float, end: float) -> None:
    with pytest.raises(CutError):
        plan_cut(ONE_SECOND_GOPS, start, end)


# A stream that never reorders frames: the partial group at the end is copied too.


def test_without_reordering_only_the_start_is_encoded_again() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 2.32, 6.76, tail_copies=True)
    assert plan == CutPlan(2.32, 6.76, 3.0, 6.76)
    assert plan.head == (2.32, 3.0)
    assert plan.tail is None


def test_without_reordering_a_range_from_a_keyframe_is_copied_whole() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 4.0, 4.8, tail_copies=True)
    assert (plan.head, plan.tail) == (None, None)
    assert (plan.copy_from_s, plan.copy_to_s) == (4.0, 4.8)


def test_without_reordering_a_range_across_one_keyframe_encodes_up_to_it() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 3.5, 4.5, tail_copies=True)
    assert plan == CutPlan(3.5, 4.5, 4.0, 4.5)
    assert plan.head == (3.5, 4.0)


def test_without_reordering_a_range_with_no_keyframe_is_encoded_whole() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 4.2, 4.8, tail_copies=True)
    assert plan.copy_from_s is None
    assert plan.head == (4.2, 4.8)


def test_without_reordering_edges_within_half_a_frame_of_keyframes_snap_to_them() -> None:
    plan = plan_cut(ONE_SECOND_GOPS, 2.99, 7.01, tail_copies=True)
    assert plan == CutPlan(3.0, 7.0, 3.0, 7.0)
    assert (plan.head, plan.tail) == (None, None)
