#!/usr/bin/env bash
# Start the demo backend (demo world, camera simulator, field simulator) and the console on it.
# Without a display the console runs on a virtual screen (Xvfb) and this script says which.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${TIANMU_DEMO_PORT:-8000}
url="http://127.0.0.1:$port"
state_dir=${TIANMU_DEMO_DIR:-var/demo}
mkdir -p "$state_dir"

children=()
cleanup() {
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Starting the demo backend on $url (log: $state_dir/server.log)"
.venv/bin/tianmu server --demo --port "$port" --data-dir "$state_dir/server" >"$state_dir/server.log" 2>&1 &
children+=($!)
for _ in $(seq 120); do
  curl -fsS "$url/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "${children[0]}" 2>/dev/null || { echo "The backend stopped; see $state_dir/server.log" >&2; tail -n 20 "$state_dir/server.log" >&2; exit 1; }
  sleep 0.5
done
sed -n '/Demo credentials/,/^$/p' "$state_dir/server.log"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  d=90; while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
  Xvfb ":$d" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  children+=($!)
  export DISPLAY=":$d"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$d" ] && break; sleep 0.1; done
  echo "No display found: the console runs on the virtual screen $DISPLAY."
  echo "  See it with:  DISPLAY=$DISPLAY import -window root console.png"
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-xcb}
.venv/bin/tianmu --server "$url"
