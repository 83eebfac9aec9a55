#!/usr/bin/env bash
# Runs every shipped scenario, the `mmc` workload and one replication of `city-year`, and
# compares what they write with a reference folder byte for byte: the check behind
# "outputs are byte-identical" for a change to the engine or the model.
#
#   scripts/identical-outputs.sh record BIN_DIR REF_DIR   # with the build before the change
#   scripts/identical-outputs.sh check  BIN_DIR REF_DIR   # with the build after it
#
# BIN_DIR holds `onestop` and `onestop-mmc` (e.g. .build/release). Each scenario runs 2
# replications on one worker (its files do not depend on --jobs), with replication 0's
# dossier timelines traced (`--trace`, every event of every dossier); city-year runs 1.
# Nothing else is excluded from the scenarios' files: none records a wall time; the
# build's name in the version they carry is taken out. From `onestop-mmc`'s JSON line the
# wall time and the peak memory are dropped.
set -euo pipefail

mode=${1:?usage: $0 record|check BIN_DIR REF_DIR}
bin=${2:?usage: $0 record|check BIN_DIR REF_DIR}
ref=${3:?usage: $0 record|check BIN_DIR REF_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)

case $mode in
  record) out=$ref ;;
  check) out=$(mktemp -d /tmp/identical-outputs.XXXXXX) ;;
  *) echo "usage: $0 record|check BIN_DIR REF_DIR" >&2; exit 64 ;;
esac
mkdir -p "$out"

for scenario in "$root"/scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  rm -rf "${out:?}/$name"
  "$bin/onestop" run "$scenario" --replications 2 --jobs 1 --quiet --out "$out/$name" \
    --trace "$out/$name.trace.csv"
done
rm -rf "${out:?}/city-year"
"$bin/onestop" run "$root/bench/city-year.yaml" --replications 1 --jobs 1 --quiet --out "$out/city-year"
"$bin/onestop-mmc" 200000 | sed -E 's/"(wall_seconds|peak_rss_kib)": [0-9.e+-]+, //g' > "$out/mmc.json"

# The build's name ("0.1.0 (a1b2c3d)") differs from build to build by design: it is
# taken out of every file before comparing.
build=$("$bin/onestop" --version | sed -n 's/^[^ ]* (\(.*\))$/\1/p')
if [ -n "$build" ]; then
  grep -rlF " ($build)" "$out" | while IFS= read -r file; do sed -i "s/ ($build)//g" "$file"; done
fi
# A result's manifest.json lists its files' sizes, which count the build's name: the
# sizes are taken out (the files themselves are compared byte for byte).
find "$out" -name manifest.json -exec sed -i '/"bytes":/d' {} +

if [ "$mode" = record ]; then
  echo "reference outputs recorded in $out"
  exit 0
fi
failed=0
for item in "$ref"/*; do
  name=$(basename "$item")
  if diff -r -q "$item" "$out/$name" > /dev/null; then
    echo "identical  $name"
  else
    echo "DIFFERENT  $name"
    failed=1
  fi
done
if [ $failed -eq 0 ]; then
  rm -rf "$out"
  echo "all outputs byte-identical"
else
  echo "outputs differ; this run's files are in $out" >&2
fi
exit $failed
