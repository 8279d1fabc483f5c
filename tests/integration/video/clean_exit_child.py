"""A process that plays live streams in libvlc players made through the engine, disposes them
and returns from ``main`` (no ``os._exit``), driven by test_clean_exit.py. Not a test module.

    python clean_exit_child.py dispose|keep|stuck URL PLAYERS

``dispose`` disposes every player before returning (the normal path); ``keep`` returns with
the players still playing (the engine's exit-time shutdown must stop them); ``stuck`` disposes
them but leaves a command thread busy for ever (as a libvlc call that never returns would),
so the engine must leave libvlc alone at exit. Prints one line ``RESULT {json}`` with the
pictures each player showed; the engine's log goes to stderr.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time

from console.video.vlc_source import VlcSource
from console.video.worker import CommandThread

DEADLINE_S = 30.0
PICTURES = 5


def main() -> None:
    mode, url, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    logging.basicConfig(stream=sys.stderr, format="%(name)s %(levelname)s %(message)s")
    logging.getLogger("console.video.engine").setLevel(logging.DEBUG)
    sources = [VlcSource(f"exit-{n}") for n in range(count)]
    for source in sources:
        source.request_size(320, 180)
        source.open(url)
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if all(source.frame_counter >= PICTURES for source in sources):
            break
        time.sleep(0.02)
    result = {"pictures": [source.frame_counter for source in sources]}
    if mode in ("dispose", "stuck"):
        for source in sources:
            source.dispose()
    if mode == "stuck":
        never = threading.Event()
        CommandThread("vlc-stuck").submit("wait for ever", never.wait)
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
