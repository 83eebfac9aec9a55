#!/usr/bin/env bash
# Fuzzes every reader of outside input with libFuzzer, one target after another, for
# SECONDS in all (default 300). See Fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
#   FUZZ_TARGETS="loader vary"   the targets to run (default: all, as listed below)
#   FUZZ_TARGET_SECONDS=180      seconds per target (default: SECONDS / number of targets)
#   FUZZ_CONFIGURATION=debug     build with -Onone instead of -O (exact stack traces; the
#                                loader runs about 25x slower)
#   FUZZ_SANITIZER=none          libFuzzer without AddressSanitizer (Fuzz/.build-nosan/):
#                                about twice the executions per second; crashes, traps,
#                                hangs and memory limits are still caught, memory errors
#                                in C (libyaml, zlib) are not
#   FUZZ_KEEP=1                  afterwards, merge into Tests/FuzzCorpus/<target>/ the
#                                inputs of the working corpus that add coverage (for the
#                                loader: to Tests/FuzzCorpus/loader/, those of at most
#                                FUZZ_KEEP_LOADER_BYTES (4096) that add coverage to its
#                                seeds, the smallest first, at most FUZZ_KEEP_LOADER_FILES
#                                (200) files there in all)
#
# Builds Fuzz/ (OnestopFuzzer, with -sanitize=fuzzer,address), seeds a working corpus per
# target (Fuzz/corpus/<target>/) from scenarios/*.yaml, Tests/FuzzCorpus/ and
# Tests/FuzzCorpus/loader/ (the loader)
# or Tests/FuzzCorpus/<target>/, runs one fuzzing process at a time, prints each target's
# executions and executions per second, and exits non-zero when libFuzzer found a crash
# (a trap, or a property of the target that does not hold), a timeout (an input taking
# over 5 s), an out-of-memory (over 2 GB) or a leak; the input is then in
# Fuzz/artifacts/<target>/. Reproduce one with
#   FUZZ_TARGET=<target> Fuzz/.build/release/OnestopFuzzer Fuzz/artifacts/<target>/crash-...
# (FUZZ_VERBOSE=1 prints what the reader says), minimise it with
#   FUZZ_TARGET=<target> Fuzz/.build/release/OnestopFuzzer -minimize_crash=1 -runs=20000 Fuzz/artifacts/<target>/crash-...
set -euo pipefail

ALL_TARGETS="loader document override vary staffing-target calibration-target arrivals-csv backlog-csv centres-csv dossier-log xlsx form"
SECONDS_TO_RUN="${1:-300}"
shift || true
case "$SECONDS_TO_RUN" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [libFuzzer flags...]" >&2; exit 2 ;;
esac
TARGETS="${FUZZ_TARGETS:-$ALL_TARGETS}"
for target in $TARGETS; do
  case " $ALL_TARGETS " in *" $target "*) ;; *) echo "fuzz: no target '$target' (targets: $ALL_TARGETS)" >&2; exit 2 ;; esac
done
count=$(echo $TARGETS | wc -w)
PER_TARGET="${FUZZ_TARGET_SECONDS:-$((SECONDS_TO_RUN / count))}"
case "$PER_TARGET" in '' | *[!0-9]* | 0) echo "fuzz: FUZZ_TARGET_SECONDS (or SECONDS / $count) must be a whole number above 0" >&2; exit 2 ;; esac

CONFIGURATION="${FUZZ_CONFIGURATION:-release}"
case "$CONFIGURATION" in debug | release) ;; *) echo "fuzz: FUZZ_CONFIGURATION is debug or release" >&2; exit 2 ;; esac
SANITIZER="${FUZZ_SANITIZER:-address}"
case "$SANITIZER" in
  address) SANITIZE=fuzzer,address; SANITIZE_C=fuzzer-no-link,address; SCRATCH=.build ;;
  none) SANITIZE=fuzzer; SANITIZE_C=fuzzer-no-link; SCRATCH=.build-nosan ;;
  *) echo "fuzz: FUZZ_SANITIZER is address or none" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/Fuzz"
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
echo "fuzz: building Fuzz/ ($CONFIGURATION, -sanitize=$SANITIZE)" >&2
# -parse-as-library: the target has no main.swift (libFuzzer's driver is the entry point);
# -Xcc ...: instrument libyaml (C, inside Yams) for coverage and ASan too.
if ! swift build --package-path "$FUZZ" -c "$CONFIGURATION" --scratch-path "$FUZZ/$SCRATCH" \
  -Xswiftc -sanitize="$SANITIZE" -Xswiftc -parse-as-library \
  -Xcc -fsanitize="$SANITIZE_C" "${LINKER[@]}" >"$FUZZ/.build-log.txt" 2>&1; then
  grep -v "Cannot export local symbol" "$FUZZ/.build-log.txt" | tail -40 >&2
  echo "fuzz: build failed (full log: Fuzz/.build-log.txt)" >&2
  exit 1
fi
BINARY="$FUZZ/$SCRATCH/$CONFIGURATION/OnestopFuzzer"

# --- Each target ----------------------------------------------------------------------
# dictionary and largest input of a target
dictionary() {
  case "$1" in
    loader) echo "$FUZZ/yaml.dict" ;;
    override | document)  # key paths and operators, then YAML values
      cat "$FUZZ/args.dict" "$FUZZ/yaml.dict" >"$FUZZ/.build/override.dict"; echo "$FUZZ/.build/override.dict" ;;
    vary | staffing-target | calibration-target) echo "$FUZZ/args.dict" ;;
    arrivals-csv | backlog-csv | centres-csv | dossier-log) echo "$FUZZ/csv.dict" ;;
    xlsx) echo "$FUZZ/xlsx.dict" ;;
    form) echo "$FUZZ/form.dict" ;;
  esac
}
max_len() {
  case "$1" in
    loader) echo 16384 ;;  # scenarios/ are at most 11 KB
    xlsx) echo 65536 ;;
    override | document | arrivals-csv | backlog-csv | centres-csv | dossier-log | form) echo 8192 ;;
    *) echo 1024 ;;
  esac
}
# Flags of one target. xlsx: no leak check after each input. Reading a workbook leaves
# some allocation to be freed after the input returns (LeakSanitizer finds no leak, RSS
# grew 100 -> 117 MB over 12,000 inputs as the corpus grew, no descriptor stays open),
# so libFuzzer, seeing more
# mallocs than frees, ran LeakSanitizer over the whole heap after nearly every input:
# 42 executions per second instead of 702 (30 s each, December 2026).
extra_flags() {
  case "$1" in
    xlsx) echo "-detect_leaks=0" ;;
  esac
}
problems() { find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l; }

# ASan without the allocation stack of every malloc (a fifth of the loader's time: Swift
# allocates a great deal) and with a 16 MB quarantine instead of 256 MB (fewer page
# faults, a tenth of the memory). A report then lacks the allocation's stack: reproduce
# the input with ASAN_OPTIONS= (the defaults) for it.
FAST_ASAN="abort_on_error=0:handle_abort=1:malloc_context_size=0:quarantine_size_mb=16"
echo "fuzz: targets $TARGETS, ${PER_TARGET}s each, one process on one core" >&2
SUMMARY=()
FAILED=0
for target in $TARGETS; do
  corpus="$FUZZ/corpus/$target"
  artifacts="$FUZZ/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  if [ "$target" = loader ]; then
    cp -n "$ROOT"/scenarios/*.yaml "$corpus"/ 2>/dev/null || true
    # Not the stress inputs (cities of thousands of centres, floods of issues, deep
    # nesting): each takes 0.1-1 s, and their mutants as long, where a scenario of a few
    # KB takes about 1 ms; FuzzCorpusTests still checks them on every `swift test`.
    find "$ROOT/Tests/FuzzCorpus" -maxdepth 1 -type f ! -name '*.md' ! -name 'city-5000-*' ! -name 'city-list-*' \
      ! -name 'issue-flood*' ! -name 'many-*' ! -name 'deep-nesting-*' ! -name 'long-key*' -exec cp -n {} "$corpus"/ \;
    # Small inputs of earlier campaigns that added coverage (FUZZ_KEEP=1).
    if [ -d "$ROOT/Tests/FuzzCorpus/loader" ]; then
      find "$ROOT/Tests/FuzzCorpus/loader" -maxdepth 1 -type f ! -name '*.md' -exec cp -n {} "$corpus"/ \;
    fi
  elif [ -d "$ROOT/Tests/FuzzCorpus/$target" ]; then
    find "$ROOT/Tests/FuzzCorpus/$target" -maxdepth 1 -type f ! -name '*.md' -exec cp -n {} "$corpus"/ \;
  fi
  before=$(problems "$artifacts")
  log="$artifacts/fuzz-$(date +%Y%m%d-%H%M%S).log"
  echo "fuzz: $target: ${PER_TARGET}s; log in ${log#"$ROOT"/}" >&2
  started=$(date +%s)
  set +e
  # The Swift runtime's own crash reporter would hold the process up after a trap; let
  # libFuzzer and ASan report instead. Inputs are read from the corpus, never from stdin.
  FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-$FAST_ASAN}" \
    "$BINARY" "$corpus" \
    -dict="$(dictionary "$target")" \
    -max_total_time="$PER_TARGET" -timeout=5 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 $(extra_flags "$target") "$@" \
    </dev/null >"$log" 2>&1
  status=$?
  set -e
  elapsed=$(($(date +%s) - started))
  stat() { grep -E "^stat::$1:" "$log" | tail -1 | awk '{print $2}'; }
  executions=$(stat number_of_executed_units)
  executions=${executions:-$(grep -E "^#[0-9]+" "$log" | tail -1 | sed -E 's/^#([0-9]+).*/\1/')}
  executions=${executions:-0}
  rate=$((executions / (elapsed > 0 ? elapsed : 1)))
  after=$(problems "$artifacts")
  verdict="ok"
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
    verdict="PROBLEM (libFuzzer exit $status: $(grep -oE 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|Fatal error: [^:]*' "$log" | head -1))"
    FAILED=1
  fi
  line=$(printf '%-19s %12s executions %6ss %8s exec/s  peak RSS %5s MB  corpus %5s  %s' "$target" "$executions" "$elapsed" \
    "$rate" "$(stat peak_rss_mb)" "$(find "$corpus" -type f | wc -l)" "$verdict")
  echo "fuzz: $line"
  SUMMARY+=("$line")
  if [ "$verdict" != ok ]; then
    find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) -newer "$BINARY" >&2
    grep -E -A3 "Fatal error|ERROR:" "$log" | head -12 >&2
  elif [ "${FUZZ_KEEP:-0}" = 1 ] && [ "$target" = loader ]; then
    # The working corpus holds the seeds (scenarios/, the files at the top of
    # Tests/FuzzCorpus/) and thousands of finds, some large. Keep the small finds that add
    # coverage to the seeds and to what Tests/FuzzCorpus/loader/ holds already, the
    # smallest first, so that FuzzCorpusTests (which loads them all) stays fast.
    kept="$ROOT/Tests/FuzzCorpus/loader"
    base="$FUZZ/.build/loader-merge"
    rm -rf "$base" "$base-small"
    mkdir -p "$kept" "$base" "$base-small"
    cp "$ROOT"/scenarios/*.yaml "$base"/
    find "$ROOT/Tests/FuzzCorpus" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$base"/ \;
    find "$kept" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$base"/ \;
    ls "$base" >"$base.before"
    find "$corpus" -maxdepth 1 -type f -size -"$(( ${FUZZ_KEEP_LOADER_BYTES:-4096} + 1 ))"c -exec cp {} "$base-small"/ \;
    FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-$FAST_ASAN}" "$BINARY" -merge=1 \
      -max_len="$(max_len "$target")" "$base" "$base-small" >"$artifacts/merge.log" 2>&1 || true
    room=$(( ${FUZZ_KEEP_LOADER_FILES:-200} - $(find "$kept" -maxdepth 1 -type f ! -name '*.md' | wc -l) ))
    added=0
    if [ "$room" -gt 0 ]; then
      for name in $(cd "$base" && ls -S -r | grep -vxF -f "$base.before" | head -n "$room"); do
        cp "$base/$name" "$kept/$name"
        added=$((added + 1))
      done
    fi
    echo "fuzz: $target: $(grep -oE 'MERGE-OUTER: [0-9]+ new files' "$artifacts/merge.log" | tail -1) of at most ${FUZZ_KEEP_LOADER_BYTES:-4096} bytes; $added kept in Tests/FuzzCorpus/loader/"
  elif [ "${FUZZ_KEEP:-0}" = 1 ]; then
    # Only the inputs that add coverage to what the regression corpus already reaches.
    mkdir -p "$ROOT/Tests/FuzzCorpus/$target"
    FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no "$BINARY" -merge=1 -max_len="$(max_len "$target")" \
      "$ROOT/Tests/FuzzCorpus/$target" "$corpus" >"$artifacts/merge.log" 2>&1 || true
    echo "fuzz: $target: $(grep -oE 'MERGE-OUTER: [0-9]+ new files' "$artifacts/merge.log" | tail -1) kept in Tests/FuzzCorpus/$target/"
  fi
done

# --- Report ---------------------------------------------------------------------------
echo "fuzz: summary ($CONFIGURATION build, -sanitize=$SANITIZE, ${PER_TARGET}s per target)"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
if [ "$FAILED" -ne 0 ]; then
  echo "fuzz: FOUND A PROBLEM; see the logs and inputs in Fuzz/artifacts/<target>/" >&2
  exit 1
fi
echo "fuzz: no crash, timeout, out-of-memory or leak"
