#!/usr/bin/env bash
# Opens onestop's HTML reports in a real browser (headless Chromium from Debian's
# packages, installed when missing) and checks that they render without errors; saves a
# screenshot of the default scenario's report as results/report-screenshot.png.
#
# Checks, for a run, a comparison and a sweep report: Chromium loads the page (its DOM
# holds the last section), logs no error for it (console or resource), every inline SVG
# is well-formed XML, and the page asks for nothing over the network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v chromium >/dev/null; then
  echo "report-in-browser: installing chromium" >&2
  apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null; }
fi
onestop="$root/.build/release/onestop"
[ -x "$onestop" ] || swift build -c release --product onestop >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
quick=(--set horizon.days=28 --replications 4 --quiet)
"$onestop" run scenarios/default.yaml --out "$work/run" "${quick[@]}"
"$onestop" compare scenarios/hadong-pooled.yaml scenarios/hadong-separate-certification.yaml --out "$work/compare" "${quick[@]}"
"$onestop" sweep scenarios/default.yaml --vary centre.counter_staff=2,3 --vary centre.back_office_staff=4,5 --out "$work/sweep" "${quick[@]}"

browse() {  # browse FILE OUTPUT...: headless Chromium with a throwaway profile
  local file=$1; shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 "$@" "file://$file" 2>>"$work/chromium.log"
}

status=0
for report in run compare sweep; do
  page="$work/$report/report.html"
  [ -s "$page" ] || { echo "report-in-browser: FAILED: no $page" >&2; status=1; continue; }
  : >"$work/chromium.log"
  browse "$page" --dump-dom >"$work/$report.dom"
  if ! grep -q "Made by onestop" "$work/$report.dom"; then
    echo "report-in-browser: FAILED: Chromium did not render $report/report.html completely" >&2
    status=1
  fi
  if grep -E "CONSOLE|Uncaught|Failed to load|ERR_" "$work/chromium.log" | grep -v -E "dbus|gcm|GPU|gpu|Fontconfig" >&2; then
    echo "report-in-browser: FAILED: errors while rendering $report/report.html" >&2
    status=1
  fi
  if grep -E "(src|href)=\"(https?:)?//" "$page" >/dev/null; then
    echo "report-in-browser: FAILED: $report/report.html refers to the network" >&2
    status=1
  fi
  python3 - "$page" <<'PY' || status=1
import re, sys, xml.dom.minidom
html = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg.*?</svg>", html, re.S)
for svg in svgs:
    xml.dom.minidom.parseString(svg)
if not svgs:
    raise SystemExit(f"report-in-browser: FAILED: no chart in {sys.argv[1]}")
print(f"report-in-browser: {sys.argv[1].split('/')[-2]}: {len(svgs)} charts, well-formed", file=sys.stderr)
PY
done
mkdir -p results
browse "$work/run/report.html" --hide-scrollbars --window-size=1100,2600 --screenshot="$root/results/report-screenshot.png" >/dev/null
[ -s results/report-screenshot.png ] || { echo "report-in-browser: FAILED: no screenshot" >&2; status=1; }
[ $status -eq 0 ] && echo "report-in-browser: OK: run, comparison and sweep reports render in Chromium; screenshot in results/report-screenshot.png"
exit $status
