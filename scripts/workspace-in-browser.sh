#!/usr/bin/env bash
# Drives the planner's workspace (onestop serve) in a real browser: headless Chromium
# through chromium-driver and selenium (installed when missing, from Debian and PyPI).
#
# A planner's path: open the workspace, open the default scenario, change the counter
# staff, run, read the result, check its figures equal the CLI's for the same scenario
# and seed, compare a change with the scenario as saved (paired differences equal the
# CLI's), follow a long run's live progress and cancel it, switch to Vietnamese. Then a
# load test on loopback: pages stay responsive while a study runs. Screenshots of each
# page go to docs/workspace-*.png (or $SCREENSHOTS).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "workspace-in-browser: installing chromium and chromium-driver" >&2
  apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null; }
fi
python3 -c "import selenium" 2>/dev/null || pip install --quiet selenium >&2

onestop="${ONESTOP_BIN:-$root/.build/release/onestop}"  # ONESTOP_BIN: another build to drive
[ -x "$onestop" ] || swift build -c release --product onestop >&2

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$onestop" serve --port "$port" --workspace "$work/workspace" --jobs 2 --quiet >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.2
done

status=0
ONESTOP="$onestop" WORK="$work" SCREENSHOTS="${SCREENSHOTS:-$root/docs}" \
  python3 scripts/workspace_browser.py "http://127.0.0.1:$port" || status=$?
if ! kill -0 $server 2>/dev/null; then
  echo "workspace-in-browser: FAILED: the server died" >&2
  cat "$work/serve.log" >&2
  status=1
fi
[ $status -eq 0 ] && echo "workspace-in-browser: OK"
exit $status
