#!/usr/bin/env bash
# Instructions per customer and per dossier, counted by callgrind (stable from run to
# run, unlike wall times on a shared VM):
#
#   scripts/callgrind.sh [BIN_DIR]     # default .build/release (build it with -c release)
#
# - mmc: `onestop-mmc 200000` (M/M/10, 207,360 expected arrivals), the whole process's
#   instructions divided by its arrivals;
# - the C yardstick (bench/yardstick/mmc.c, built with gcc -O2) on the same arrivals;
# - city-year: `onestop run bench/city-year.yaml --replications 1 --jobs 1`, divided by
#   its dossiers (arrivals, all channels), twice: the whole command (loading, planning,
#   simulating, writing the reports) and the simulation only (`CentreRun.run`, inclusive).
#
# valgrind cannot read the DWARF 5 that Yams's C sources put in `onestop`, so a stripped
# copy is profiled. The callgrind files stay in $CALLGRIND_WORK (default /tmp/onestop-callgrind) for
# `callgrind_annotate` (counts per function).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/release}
work=${CALLGRIND_WORK:-/tmp/onestop-callgrind}
mkdir -p "$work"

# Total instructions of a callgrind file, and the inclusive count of the functions whose
# symbol contains $2.
total() { grep -m1 '^summary:' "$1" | awk '{print $2}'; }
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" > "$1.inclusive" 2> /dev/null
  awk -v want="$2" 'index($0, want) && $1 ~ /^[0-9,]+$/ { gsub(",", "", $1); print $1; exit }' "$1.inclusive"
}
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

valgrind --tool=callgrind --callgrind-out-file="$work/mmc.out" "$bin/onestop-mmc" 200000 > "$work/mmc.json" 2> /dev/null
arrivals=$(sed -E 's/.*"arrivals": ([0-9.]+).*/\1/' "$work/mmc.json")
mmc=$(total "$work/mmc.out")

gcc -O2 -o "$work/yardstick" "$root/bench/yardstick/mmc.c" $(pkg-config --cflags --libs gsl)
valgrind --tool=callgrind --callgrind-out-file="$work/yardstick.out" "$work/yardstick" 10 9 1 207360 42 > /dev/null 2>&1
yardstick=$(total "$work/yardstick.out")

strip -g -o "$work/onestop" "$bin/onestop"
rm -rf "$work/city-year"
valgrind --tool=callgrind --callgrind-out-file="$work/city-year.out" "$work/onestop" run "$root/bench/city-year.yaml" \
  --replications 1 --jobs 1 --quiet --out "$work/city-year" 2> /dev/null
dossiers=$(python3 -c "import json; print(json.load(open('$work/city-year/summary.json'))['kpis']['arrivals']['mean'])")
city=$(total "$work/city-year.out")
simulation=$(inclusive "$work/city-year.out" '0A3RunC3runAA17ReplicationResultVyF')

printf 'mmc (onestop-mmc 200000): %s instructions / %s arrivals = %s per customer\n' "$mmc" "$arrivals" "$(per "$mmc" "$arrivals")"
printf 'C yardstick (mmc.c, 207360 arrivals): %s instructions = %s per customer\n' "$yardstick" "$(per "$yardstick" 207360)"
printf 'city-year, 1 replication, whole command: %s instructions / %s dossiers = %s per dossier\n' "$city" "$dossiers" "$(per "$city" "$dossiers")"
printf 'city-year, simulation only (CentreRun.run): %s instructions = %s per dossier\n' "$simulation" "$(per "$simulation" "$dossiers")"
