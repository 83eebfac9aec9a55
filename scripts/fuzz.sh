#!/usr/bin/env bash
# Fuzzes the scenario loader with libFuzzer for SECONDS (default 300). See Fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
# Builds Fuzz/ (the ScenarioFuzzer target, with -sanitize=fuzzer,address), seeds a working
# corpus (Fuzz/corpus/) from scenarios/*.yaml and the regression corpus Tests/FuzzCorpus/,
# runs one fuzzing process, prints the executions, and exits non-zero when libFuzzer found
# a crash, a timeout (an input taking over 5 s), an out-of-memory (over 2 GB) or a leak;
# the input is then in Fuzz/artifacts/. Reproduce one with
#   Fuzz/.build/debug/ScenarioFuzzer Fuzz/artifacts/crash-...
# (SCENARIO_FUZZER_VERBOSE=1 prints what the loader says), minimise it with
#   Fuzz/.build/debug/ScenarioFuzzer -minimize_crash=1 -runs=20000 Fuzz/artifacts/crash-...
# FUZZ_CONFIGURATION=release builds with -O instead (about three times the executions per
# second; stack traces are less exact).
set -euo pipefail

SECONDS_TO_RUN="${1:-300}"
shift || true
case "$SECONDS_TO_RUN" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [libFuzzer flags...]" >&2; exit 2 ;;
esac

CONFIGURATION="${FUZZ_CONFIGURATION:-debug}"
case "$CONFIGURATION" in debug | release) ;; *) echo "fuzz: FUZZ_CONFIGURATION is debug or release" >&2; exit 2 ;; esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/Fuzz"
CORPUS="$FUZZ/corpus"
ARTIFACTS="$FUZZ/artifacts"
cd "$ROOT"

# --- What the build needs -------------------------------------------------------------
# Swift itself, GSL and pkg-config (scripts/setup.sh installs those with apt when missing).
"$ROOT/scripts/setup.sh"
SWIFT_BIN="$(dirname "$(readlink -f "$(command -v swift)")")"
# libFuzzer and ASan ship with the Swift toolchain for Linux (its own clang's runtime);
# nothing from Debian is needed as long as they are there.
if ! ls "$SWIFT_BIN"/../lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 \
  && ! ls "$SWIFT_BIN"/../lib/swift/clang/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
  echo "fuzz: this Swift toolchain has no libFuzzer runtime (libclang_rt.fuzzer); use the swift.org toolchain for Linux" >&2
  exit 1
fi
# The toolchain's lld links the instrumented binary quietly (gold prints thousands of
# warnings about ASan's local symbols, and is slower); fall back to the default linker.
LINKER=()
if [ -x "$SWIFT_BIN/ld.lld" ] || command -v ld.lld >/dev/null 2>&1; then LINKER=(-Xswiftc -use-ld=lld); fi

# --- Build ----------------------------------------------------------------------------
echo "fuzz: building Fuzz/ ($CONFIGURATION, -sanitize=fuzzer,address)" >&2
# -parse-as-library: the target has no main.swift (libFuzzer's driver is the entry point);
# -Xcc ...: instrument libyaml (C, inside Yams) for coverage and ASan too.
if ! swift build --package-path "$FUZZ" -c "$CONFIGURATION" --scratch-path "$FUZZ/.build" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xcc -fsanitize=fuzzer-no-link,address "${LINKER[@]}" >"$FUZZ/.build-log.txt" 2>&1; then
  grep -v "Cannot export local symbol" "$FUZZ/.build-log.txt" | tail -40 >&2
  echo "fuzz: build failed (full log: Fuzz/.build-log.txt)" >&2
  exit 1
fi
BINARY="$FUZZ/.build/$CONFIGURATION/ScenarioFuzzer"

# --- Corpus ---------------------------------------------------------------------------
mkdir -p "$CORPUS" "$ARTIFACTS"
cp -n "$ROOT"/scenarios/*.yaml "$CORPUS"/ 2>/dev/null || true
if [ -d "$ROOT/Tests/FuzzCorpus" ]; then cp -n "$ROOT"/Tests/FuzzCorpus/* "$CORPUS"/ 2>/dev/null || true; fi
before=$(find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)

# --- Run ------------------------------------------------------------------------------
LOG="$ARTIFACTS/fuzz-$(date +%Y%m%d-%H%M%S).log"
echo "fuzz: running for ${SECONDS_TO_RUN}s on one core; log in ${LOG#"$ROOT"/}" >&2
started=$(date +%s)
set +e
# The Swift runtime's own crash reporter would hold the process up after a trap; let
# libFuzzer and ASan report instead. Inputs are read from the corpus, never from stdin.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:handle_abort=1}" \
  "$BINARY" "$CORPUS" \
  -dict="$FUZZ/yaml.dict" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 "$@" \
  </dev/null 2>&1 | tee "$LOG" | grep --line-buffered -E "^#[0-9]+.*(INITED|REDUCE|NEW|pulse|DONE)" | awk 'NR % 20 == 1 || /INITED|DONE/' >&2
status=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - started))

# --- Report ---------------------------------------------------------------------------
stat() { grep -E "^stat::$1:" "$LOG" | tail -1 | awk '{print $2}'; }
last=$(grep -E "^#[0-9]+" "$LOG" | tail -1)
echo "fuzz: executions: $(stat number_of_executed_units) in ${elapsed} s," \
  "$(stat average_exec_per_sec) exec/s, peak RSS $(stat peak_rss_mb) MB, new units $(stat new_units_added)"
echo "fuzz: last status: $last"
echo "fuzz: corpus: $(find "$CORPUS" -type f | wc -l) inputs in ${CORPUS#"$ROOT"/}"
after=$(find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
  echo "fuzz: FOUND A PROBLEM (libFuzzer exit $status); see ${LOG#"$ROOT"/} and:" >&2
  find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) -newer "$BINARY" >&2
  exit 1
fi
echo "fuzz: no crash, timeout or out-of-memory"
