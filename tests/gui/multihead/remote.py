"""The test's side of ``console_child.py`` (and of ``patrol_keys_child.py``, which answers
the same way): start a console as a child process on a given X display and drive it one
command at a time."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.support.backend_process import die_with_parent

CHILD = Path(__file__).with_name("console_child.py")
ROOT = Path(__file__).resolve().parents[3]
REPLY_TIMEOUT_S = 90.0


class ConsoleDied(AssertionError):
    pass


class RemoteConsole:
    """One console process. Use as a context manager: leaving it always ends the process."""

    def __init__(
        self, env: dict[str, str], setup: dict[str, Any], log: Path, child: Path = CHILD
    ) -> None:
        """Start ``child`` (a script answering commands as ``console_child.py`` does) with
        ``setup`` as its argument, on the display ``env`` names; stderr goes to ``log``."""
        self.log = log
        self._pending = b""
        self._log_file = open(log, "ab")  # noqa: SIM115 (closed in close())
        self.process = subprocess.Popen(
            [sys.executable, str(child), json.dumps(setup)],
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            preexec_fn=die_with_parent,
        )
        try:
            self.first_report = self._reply()
        except BaseException:
            self.close()
            raise

    def do(self, command: str, **args: Any) -> dict[str, Any]:
        """Send one command (see ``console_child.Console.COMMANDS``); its reply."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write((json.dumps({"do": command, **args}) + "\n").encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            raise ConsoleDied(self._death(f"before {command}")) from None
        return self._reply()

    def quit(self) -> int:
        """A normal exit, with the console's own teardown; its exit status."""
        self.do("quit")
        return self.process.wait(30)

    def kill(self) -> None:
        """``kill -9``: no teardown of any kind."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self._log_file.close()

    def __enter__(self) -> RemoteConsole:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _reply(self) -> dict[str, Any]:
        """The next ``REPLY`` line; other output (there should be none) is skipped."""
        stdout = self.process.stdout
        assert stdout is not None
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while True:
            while b"\n" in self._pending:
                first, _, self._pending = self._pending.partition(b"\n")
                text = first.decode("utf-8", "replace")
                if text.startswith("REPLY "):
                    return json.loads(text.removeprefix("REPLY "))  # type: ignore[no-any-return]
            ready, _, _ = select.select([stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise ConsoleDied(self._death("timed out waiting for a reply"))
            chunk = os.read(stdout.fileno(), 4096)
            if not chunk:
                raise ConsoleDied(self._death("exited"))
            self._pending += chunk

    def _death(self, what: str) -> str:
        self._log_file.flush()
        tail = self.log.read_text("utf-8", "replace")[-3000:]
        return f"the console {what} (exit status {self.process.poll()}); its stderr:\n{tail}"
