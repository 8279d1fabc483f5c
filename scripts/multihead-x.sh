#!/usr/bin/env bash
# A real X server with several monitors (Xorg + the dummy video driver), as the multi-monitor
# tests start it (tests/support/multihead.py).
#
#   scripts/multihead-x.sh [HEADS] [WxH]                 print DISPLAY, run until Ctrl+C
#   scripts/multihead-x.sh [HEADS] [WxH] -- COMMAND...   run COMMAND on it (DISPLAY and
#                                                        QT_QPA_PLATFORM=xcb set), then stop
#
# Needs the Debian packages xserver-xorg-core and xserver-xorg-video-dummy (make deps).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
exec "${PY:-.venv/bin/python}" -m tests.support.multihead "$@"
