"""The live event stream cut everywhere: does every event reach the console's store once?

A demo server runs in this process; a console's ``EventStream`` reads it through a proxy
that cuts every connection at a stage of its own (before any byte, inside the response head,
before or inside the greeting, before or inside an event frame, ...) while incidents are
written. Events and the refreshes the stream asks for go into a real local store. Prints::

    sse_events_lost: 0 events          incidents that never reached the store
    sse_events_duplicated: 0 events    events handed to the store more than once
    sse_stream_gaps: 0 events          held by the server, skipped by the stream
    sse_cuts: N cuts
    sse_refreshes: N refreshes

``run(quick)`` returns the same figures by name (``bench/server.py`` prints them too).
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import emit, parse_args  # noqa: E402

UNITS = {
    "sse_events_lost": "events",
    "sse_events_duplicated": "events",
    "sse_stream_gaps": "events",
    "sse_cuts": "cuts",
    "sse_refreshes": "refreshes",
}


def run(quick: bool) -> dict[str, float]:
    """One cut-everywhere run (about 300 incidents and 100 cuts with ``quick``)."""
    from tests.support.live_server import start_demo_server
    from tests.support.sse_cuts import run_cut_everywhere

    events, min_cuts = (300, 100) if quick else (2000, 600)
    # asyncio warns once per write to a socket the proxy has cut: that is the point here.
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="tianmu-sse-cuts-") as scratch:
        folder = Path(scratch)
        server = start_demo_server(folder / "server", camera_count=200)
        try:
            token = server.token("operator-1")
            result = run_cut_everywhere(
                server.url, token, folder / "store", events=events, min_cuts=min_cuts
            )
        finally:
            server.close()
    return {
        "sse_events_lost": float(result.lost),
        "sse_events_duplicated": float(result.duplicated),
        "sse_stream_gaps": float(result.gaps),
        "sse_cuts": float(len(result.cuts)),
        "sse_refreshes": float(len(result.refreshes)),
    }


def main() -> None:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "")
    for name, value in run(args.quick).items():
        emit(name, int(value), UNITS[name])


if __name__ == "__main__":
    main()
