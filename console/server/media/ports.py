"""Free loopback ports, picked by the kernel rather than fixed."""

from __future__ import annotations

import contextlib
import socket


def free_ports(count: int, kind: socket.SocketKind, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct ports nothing is bound to right now (all probed at once)."""
    with contextlib.ExitStack() as stack:
        ports = []
        for _ in range(count):
            probe = stack.enter_context(socket.socket(socket.AF_INET, kind))
            probe.bind((host, 0))
            ports.append(int(probe.getsockname()[1]))
        return ports
