"""One recorded clip under the operator's hand, on real libvlc: seeks, frame steps and speeds
land where they should. Which frame shows is read from the picture itself, compared with the
clip's own frames decoded by ffmpeg (see ``frame_match``)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from console.video.clip_control import ClipState
from console.video.clip_info import ClipError, ClipInfo, probe_clip
from tests.gui.review.frame_match import FrameWatch, shown_picture, which_frame
from tests.gui.review.players import clip_players, ready, run_for
from tests.gui.review.recorded import recorded

FRAME_MS = 40.0


def _shown(player, around_ms: float) -> float:  # type: ignore[no-untyped-def]
    picture = shown_picture(player.source)
    assert picture is not None, "no picture shown"
    at, unlike = which_frame(picture, player.info.path, around_ms)
    assert unlike < 8, f"the picture matches no frame near {around_ms} ms (difference {unlike:.1f})"
    return at


def test_a_seek_lands_within_one_frame_of_its_target() -> None:
    clip = recorded(0)
    with clip_players() as players:
        player = players.open(clip.path)
        assert ready([player], player.tick)
        for target in (6520.0, 7040.0, 12360.0, 3000.0, 17880.0, 1240.0):
            player.seek(target)
            run_for(0.5, player.tick)
            shown = _shown(player, target)
            assert abs(shown - target) < FRAME_MS, f"sought {target} ms, shows {shown} ms"
            assert player.position_ms() == target


def test_frame_steps_go_one_frame_forward_and_back() -> None:
    clip = recorded(0)
    with clip_players() as players:
        player = players.open(clip.path)
        assert ready([player], player.tick)
        player.seek(8040.0)
        run_for(0.4, player.tick)
        expected = 8040.0
        for frames in (1, 1, 1, -1, -1, -1, -1):
            player.step(frames)
            expected += frames * FRAME_MS
            run_for(0.3, player.tick)
            assert player.position_ms() == expected
            assert _shown(player, expected) == expected


@pytest.mark.parametrize("rate", [0.5, 2.0, 4.0])
def test_speeds_move_the_picture_at_the_rate(rate: float) -> None:
    clip = recorded(0)
    with clip_players() as players:
        player = players.open(clip.path)
        assert ready([player], player.tick)
        player.seek(1000.0)
        run_for(0.4, player.tick)
        player.set_rate(rate)
        player.play()
        started = time.monotonic()
        run_for(2.0, player.tick)
        player.pause()
        elapsed = time.monotonic() - started
        run_for(0.4, player.tick)
        moved = player.position_ms() - 1000.0
        # The clip moved by about the wall time times the rate (start-up takes a frame or so).
        assert moved == pytest.approx(elapsed * 1000 * rate, abs=max(160.0, 0.1 * moved))
        # And the picture shows where the player's clock says.
        assert abs(_shown(player, player.position_ms()) - player.position_ms()) < FRAME_MS
        assert player.rate == rate


def test_play_to_the_end_stops_on_the_last_picture_and_can_seek_again() -> None:
    clip = recorded(0)
    with clip_players() as players:
        player = players.open(clip.path)
        assert ready([player], player.tick)
        player.seek(player.length_ms - 1000)
        player.set_rate(4.0)
        player.play()
        run_for(1.5, player.tick)
        assert not player.playing
        assert player.state is ClipState.READY
        # libvlc stopped reading at the end of the file: the clip is opened afresh.
        player.seek(2040.0)
        run_for(1.0, player.tick)
        assert player.state is ClipState.READY
        assert _shown(player, 2040.0) == 2040.0
        player.play()
        run_for(0.6, player.tick)
        assert player.playing
        assert _shown(player, player.position_ms()) > 2040.0


def test_the_first_seek_after_the_end_lands_on_its_frame_promptly() -> None:
    clip = recorded(0)
    with clip_players() as players:
        player = players.open(clip.path)
        assert ready([player], player.tick)
        run_for(0.5, player.tick)
        usual: list[float] = []
        for target in (6520.0, 9520.0, 4520.0):
            watch = FrameWatch(clip.path, target)
            player.seek(target)
            landed = watch.wait(player.source, player.tick)
            assert landed is not None, f"the seek to {target} ms never landed"
            usual.append(landed)
            run_for(0.3, player.tick)
        for rate in (1.0, 4.0):
            player.seek(player.length_ms - 1500)
            run_for(0.3, player.tick)
            player.set_rate(rate)
            player.play()
            run_for(2.5 / rate + 0.5, player.tick)
            assert not player.playing
            run_for(0.5, player.tick)  # the operator looks at the last picture
            watch = FrameWatch(clip.path, 2520.0)
            player.seek(2520.0)
            after_end = watch.wait(player.source, player.tick)
            # It lands on its frame (at 1x it did not, at 4x it took a second): the file is
            # opened afresh, and libvlc takes 0.2-0.3 s to stop a player paused at its end.
            assert after_end is not None, f"the seek after the end at {rate}x never landed"
            assert after_end < max(usual) + 0.6, (after_end, usual)
            run_for(0.3, player.tick)
            assert abs(_shown(player, 2520.0) - 2520.0) < FRAME_MS
            assert player.position_ms() == 2520.0


def test_a_truncated_clip_plays_its_intact_part_and_says_so(tmp_path: Path) -> None:
    clip = recorded(0)
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(clip.path.read_bytes()[: clip.size // 3])
    info = probe_clip(truncated)
    assert "truncated" in info.damage
    assert 2.0 < info.duration_s < 15.0
    with clip_players() as players:
        player = players.open(truncated)
        assert ready([player], player.tick)
        target = 4520.0  # within the intact part (about 6 s here)
        assert target < info.duration_s * 1000
        player.seek(target)
        run_for(0.5, player.tick)
        assert abs(_shown(player, target) - target) < FRAME_MS


def test_random_bytes_and_a_torn_header_are_refused_with_a_reason(tmp_path: Path) -> None:
    clip = recorded(0)
    torn = tmp_path / "torn.mp4"
    torn.write_bytes(clip.path.read_bytes()[:2000])
    noise = tmp_path / "noise.mp4"
    noise.write_bytes(bytes((i * 7919) % 251 for i in range(500_000)))
    empty = tmp_path / "empty.ts"
    empty.write_bytes(b"")
    for bad in (torn, noise, empty):
        with pytest.raises(ClipError) as raised:
            probe_clip(bad)
        assert bad.name in str(raised.value)
        assert any(word in str(raised.value) for word in ("damaged", "truncated", "empty"))


def test_a_file_libvlc_cannot_decode_fails_the_player_not_the_process(tmp_path: Path) -> None:
    # Past the examination (as if ffprobe had been fooled): libvlc itself finds nothing.
    noise = tmp_path / "noise.ts"
    noise.write_bytes(bytes((i * 7919) % 251 for i in range(300_000)))
    good = probe_clip(recorded(0).path)
    fake = ClipInfo(
        path=noise,
        name="noise",
        camera_id="noise",
        start=good.start,
        duration_s=10.0,
        fps=25.0,
        width=640,
        height=360,
        start_from="sidecar",
    )
    with clip_players() as players:
        player = players.open(good.path)
        broken = players.made[0].__class__(fake, "noise")
        players.made.append(broken)
        broken.open()
        deadline = time.monotonic() + 15
        while broken.state is not ClipState.FAILED and time.monotonic() < deadline:
            broken.tick(time.monotonic())
            player.tick(time.monotonic())
            time.sleep(0.02)
        assert broken.state is ClipState.FAILED
        assert broken.message
        # The good clip next to it plays on.
        assert ready([player], player.tick)
        player.play()
        run_for(0.5, player.tick)
        assert player.position_ms() > 0
