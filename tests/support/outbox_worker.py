"""A console-like process for crash tests: queue actions durably, then deliver them.

    python -m tests.support.outbox_worker STORE_DIR BASE_URL USERNAME PASSWORD \
        [--enqueue N --prefix TITLE] [--linger-s S]

With ``--enqueue`` it first queues N "raise incident" actions (titles ``PREFIX-000`` ...)
into the real outbox under STORE_DIR and prints ``queued N``. It then signs in (retrying
while the server is down), runs ``OutboxDelivery`` and prints ``delivered K`` after each
delivery; it exits 0 once nothing is pending. ``--linger-s`` waits that long after each
answer arrives and before the outbox records it, which is where a crash hurts most: the
server has the action, the outbox does not know yet.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

from console.client import BackendClient, BackendError, OutboxDelivery, RawAnswer
from console.store import open_store


class LingeringClient(BackendClient):
    """A client that holds every answer back for a moment before handing it over."""

    def __init__(self, *args: Any, linger_s: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._linger_s = linger_s

    def send(self, *args: Any, **kwargs: Any) -> RawAnswer:
        answer = super().send(*args, **kwargs)
        time.sleep(self._linger_s)
        return answer


def incident_body(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "category": "road",
        "priority": 3,
        "source": "operator",
        "lat": 19.24,
        "lon": 110.47,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("url")
    parser.add_argument("username")
    parser.add_argument("password")
    parser.add_argument("--enqueue", type=int, default=0)
    parser.add_argument("--prefix", default="crash")
    parser.add_argument("--linger-s", type=float, default=0.0)
    args = parser.parse_args()

    store = open_store(Path(args.store))
    for n in range(args.enqueue):
        title = f"{args.prefix}-{n:03d}"
        store.outbox.enqueue(
            "incident.raise", "POST", "/incidents", incident_body(title), summary=title
        )
    if args.enqueue:
        print(f"queued {args.enqueue}", flush=True)

    client = LingeringClient(args.url, linger_s=args.linger_s, timeout=(1.0, 5.0))
    while True:
        try:
            client.login(args.username, args.password)
            break
        except BackendError as error:
            print(f"login failed: {error.kind}", flush=True)
            time.sleep(0.2)

    delivered = 0
    done = threading.Event()

    def on_delivered(item: object, answer: RawAnswer) -> None:
        nonlocal delivered
        delivered += 1
        print(f"delivered {delivered}", flush=True)

    def on_pending(count: int) -> None:
        if count == 0:
            done.set()

    delivery = OutboxDelivery(
        client,
        store.outbox,
        on_delivered=on_delivered,
        on_pending=on_pending,
        backoff_base_s=0.1,
        backoff_cap_s=1.0,
        idle_check_s=0.5,
    )
    delivery.start()
    done.wait()
    delivery.stop()
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
