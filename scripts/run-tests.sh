#!/usr/bin/env bash
# Run the suite headless. If the interpreter itself dies of a signal (a segmentation fault in
# native code, say), print the native backtrace of the thread that crashed, last, so the reason
# ends the log: Python's fault handler shows only Python frames.
set -uo pipefail
py=${PY:-.venv/bin/python}
started=$(mktemp)
trap 'rm -f "$started"' EXIT
ulimit -c unlimited 2>/dev/null || true
QT_QPA_PLATFORM=offscreen "$py" -X faulthandler -m pytest "$@"
status=$?
if [ "$status" -gt 128 ]; then
  echo "== the test process died of signal $((status - 128))"
  # With the kernel's default pattern the core file lands in the working directory.
  core=$(find . -maxdepth 1 -name 'core*' -type f -newer "$started" | head -n 1)
  if [ -n "$core" ] && command -v gdb >/dev/null; then
    echo "== native backtrace of the crashing thread"
    gdb -q -batch -ex "bt 25" "$py" "$core" 2>/dev/null | grep -E "^#" | cut -c1-220
    rm -f "$core"
  else
    echo "(no core file: kernel.core_pattern is '$(cat /proc/sys/kernel/core_pattern)', or gdb is missing)"
  fi
fi
exit "$status"
