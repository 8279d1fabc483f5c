"""The stream host: one child process that runs the encoders and serves their streams.

``python -m console.server.media.host SPEC.json`` starts one ffmpeg encoder per feed (main
and sub stream as MPEG-TS over loopback UDP) and serves every stream over HTTP (MPEG-TS) and
RTSP (one port for all, RTP over UDP, from libvlc's stream output, which works as root
unlike the ``vlc`` program).

HTTP comes from one of two servers, chosen by the spec's ``http_relay``:

* ``gop`` (default): the ``GopRelay`` on a thread of this process reads the encoders' UDP
  output, serves every stream on one port with a GOP cache (a new viewer starts at the
  newest keyframe) and forwards each datagram to libvlc's input for RTSP;
* ``libvlc``: libvlc reads the encoders' output itself and serves HTTP as well, one port
  per stream; a new viewer waits for the next keyframe.

Commands arrive on stdin, one per line: ``stop N``, ``start N``, ``quit``; each is answered on
stdout (``ok stop N`` or ``error ...``). The host exits when stdin reaches end of file or its
parent dies, and takes its encoders with it (they get SIGKILL when the host dies).
"""

from __future__ import annotations

import json
import logging
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.server.media.encoder import (
    PROBLEM_LAYER_FILE,
    StreamShape,
    live_feed_command,
    write_problem_layer,
)
from console.server.media.relay import GopRelay, RelayedStream
from console.server.media.scenes import scene_for

logger = logging.getLogger(__name__)

# A crashed encoder is restarted after this pause (only if the feed should be running).
RESPAWN_DELAY = 2.0


def die_with_parent() -> None:
    """preexec_fn: the kernel sends SIGKILL to this child when its parent thread exits."""
    import ctypes

    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def orphan_guard_prefix() -> list[str]:
    """A command prefix giving the child a parent-death signal without a preexec_fn.

    The host has libvlc threads running, where ``preexec_fn`` is unsafe; setpriv does the
    same prctl in the child before it executes ffmpeg.
    """
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL"] if setpriv else []


@dataclass
class _FeedProcess:
    """One feed's encoder and whether it is meant to be running."""

    index: int
    folder: Path
    spec: dict[str, Any]
    wanted: bool = True
    process: subprocess.Popen[bytes] | None = None
    died_at: float | None = None


class StreamHost:
    """Encoders, the HTTP relay (if used) and libvlc stream outputs for every stream."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.epoch = time.monotonic()
        self.feeds = {
            int(f["index"]): _FeedProcess(int(f["index"]), Path(f["folder"]), f)
            for f in spec["feeds"]
        }
        self._players: list[Any] = []
        self._instance: Any = None
        self.relay: GopRelay | None = None

    @property
    def serves_http_itself(self) -> bool:
        return bool(self.spec.get("http_relay", "gop") == "gop")

    def start(self) -> None:
        import vlc

        self._instance = vlc.Instance(["--no-audio", "--verbose=0", "--no-stats"])
        host, rtsp_port = self.spec["host"], int(self.spec["rtsp_port"])
        for feed in self.feeds.values():
            for stream in feed.spec["streams"]:
                rtp = f"rtp{{sdp=rtsp://{host}:{rtsp_port}{stream['rtsp_path']}}}"
                if self.serves_http_itself:
                    sout = f"#{rtp}"
                else:
                    http = f"std{{access=http,mux=ts,dst={host}:{stream['http_port']}{stream['http_path']}}}"
                    sout = f"#duplicate{{dst={http},dst={rtp}}}"
                media = self._instance.media_new(
                    f"udp://@{host}:{stream['vlc_port']}",
                    f":sout={sout}",
                    ":no-sout-all",
                    ":network-caching=200",
                )
                player = self._instance.media_player_new()
                player.set_media(media)
                player.play()
                self._players.append(player)
        if self.serves_http_itself:
            self.relay = GopRelay(
                host,
                int(self.spec["http_port"]),
                [
                    RelayedStream(s["http_path"], int(s["udp_port"]), int(s["vlc_port"]))
                    for feed in self.feeds.values()
                    for s in feed.spec["streams"]
                ],
            )
            self.relay.start()
        for feed in self.feeds.values():
            self._spawn(feed)

    def _spawn(self, feed: _FeedProcess) -> None:
        main, sub = (StreamShape(**feed.spec[kind]) for kind in ("main", "sub"))
        ports = {s["kind"]: int(s["udp_port"]) for s in feed.spec["streams"]}
        if not (feed.folder / PROBLEM_LAYER_FILE).exists():
            write_problem_layer(feed.folder, ())  # the encoder reads the layer from its start
        command = live_feed_command(
            scene_for(feed.index),
            main=main,
            sub=sub,
            main_udp=ports["main"],
            sub_udp=ports["sub"],
            ts_offset=time.monotonic() - self.epoch,
            host=self.spec["host"],
        )
        with open(feed.folder / "encoder.log", "ab") as log:
            feed.process = subprocess.Popen(
                [*orphan_guard_prefix(), *command],
                cwd=feed.folder,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        feed.died_at = None
        logger.info("feed %s: encoder started (pid %s)", feed.index, feed.process.pid)

    def _kill(self, feed: _FeedProcess) -> None:
        if feed.process is not None and feed.process.poll() is None:
            feed.process.kill()
            feed.process.wait(5)
        feed.process = None

    def stop_feed(self, index: int) -> None:
        feed = self.feeds[index]
        feed.wanted = False
        self._kill(feed)
        if self.relay is not None:
            # New viewers of a stopped feed get nothing, not its last cached pictures.
            self.relay.forget(s["http_path"] for s in feed.spec["streams"])

    def start_feed(self, index: int) -> None:
        feed = self.feeds[index]
        feed.wanted = True
        if feed.process is None or feed.process.poll() is not None:
            self._spawn(feed)

    def supervise(self) -> None:
        """Restart encoders that died on their own while their feed should be running."""
        now = time.monotonic()
        for feed in self.feeds.values():
            if not feed.wanted or feed.process is None or feed.process.poll() is None:
                continue
            if feed.died_at is None:
                feed.died_at = now
                logger.warning(
                    "feed %s: encoder exited with %s", feed.index, feed.process.returncode
                )
            elif now - feed.died_at >= RESPAWN_DELAY:
                self._spawn(feed)

    def close(self) -> None:
        for feed in self.feeds.values():
            feed.wanted = False
            self._kill(feed)
        if self.relay is not None:
            self.relay.close()
            self.relay = None
        for player in self._players:
            player.stop()
            player.release()
        self._players.clear()
        if self._instance is not None:
            self._instance.release()
            self._instance = None


def _watch_parent(parent: int) -> None:
    # stdin closing covers most deaths of the parent; this covers a pipe held open elsewhere.
    while os.getppid() == parent:
        time.sleep(0.5)
    logger.warning("parent %s is gone; stopping", parent)
    if os.getpgrp() == os.getpid():
        os.killpg(os.getpgrp(), signal.SIGKILL)  # the host leads its group: encoders included
    os._exit(1)


def _reply(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _handle(host: StreamHost, line: str) -> bool:
    """Run one command; False once the host should stop."""
    words = line.split()
    if not words:
        return True
    if words[0] == "quit":
        return False
    try:
        verb, index = words[0], int(words[1])
        if verb == "stop":
            host.stop_feed(index)
        elif verb == "start":
            host.start_feed(index)
        else:
            raise ValueError(f"unknown command {verb!r}")
    except (IndexError, KeyError, ValueError) as error:
        _reply(f"error {error}")
    else:
        _reply(f"ok {verb} {index}")
    return True


def serve(spec_path: Path) -> None:
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    host = StreamHost(spec)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        host.start()
        _reply("ready")
        buffered = b""
        stdin = sys.stdin.buffer.raw if hasattr(sys.stdin.buffer, "raw") else sys.stdin.buffer
        while True:
            readable, _, _ = select.select([stdin], [], [], 1.0)
            host.supervise()
            if not readable:
                continue
            chunk = os.read(stdin.fileno(), 4096)
            if not chunk:
                break
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            if not all(_handle(host, line.decode()) for line in lines):
                break
    finally:
        host.close()


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    serve(Path(args[0]))


if __name__ == "__main__":
    main()
