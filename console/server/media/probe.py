"""Cheap liveness checks for served streams: does an HTTP stream send data, does RTSP answer."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit


def http_bytes(url: str, *, want: int, within: float) -> int:
    """How many body bytes ``url`` sends within ``within`` seconds (stopping at ``want``)."""
    parts = urlsplit(url)
    deadline = time.monotonic() + within
    received = 0
    try:
        with socket.create_connection((parts.hostname, parts.port or 80), timeout=within) as conn:
            conn.sendall(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
            head = b""
            in_body = False
            while received < want and time.monotonic() < deadline:
                conn.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = conn.recv(65536)
                if not chunk:
                    break
                if not in_body:
                    head += chunk
                    if b"\r\n\r\n" not in head:
                        continue
                    status, _, chunk = head.partition(b"\r\n\r\n")
                    if b" 200 " not in status.split(b"\r\n")[0]:
                        return 0
                    in_body = True
                received += len(chunk)
    except OSError:
        pass
    return received


def rtsp_describes(url: str, *, within: float) -> bool:
    """True if an RTSP server answers DESCRIBE for ``url`` with 200 OK."""
    parts = urlsplit(url)
    request = f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n"
    try:
        with socket.create_connection((parts.hostname, parts.port or 554), timeout=within) as conn:
            conn.sendall(request.encode())
            status = conn.recv(4096).split(b"\r\n", 1)[0]
    except OSError:
        return False
    return status.startswith(b"RTSP/1.0 200")
