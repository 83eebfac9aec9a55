#!/usr/bin/env bash
# run-peers.sh SERVERS LAMBDA MU ARRIVALS SEED
#
# Runs the same M/M/c model three times, one after another:
#   1. bench/yardstick/mmc      (C + GSL, the speed yardstick)
#   2. bench/peers/simpy_mmc.py (SimPy)
#   3. bench/peers/ciw_mmc.py   (Ciw)
# and prints their three one-line JSON results on stdout, in that order.
# Everything else (venv creation, pip, gcc, progress) goes to stderr.
#
# First use: creates the venv bench/.venv and installs bench/peers/requirements.txt
# into it (again only when that file changes); compiles the C yardstick when the
# binary is missing or older than mmc.c, installing gcc/libgsl-dev/pkg-config
# with apt-get first if they are missing and we are root (or have sudo -n).
#
# Environment: PYTHON (default python3) picks the interpreter for the venv.
# Exits non-zero if any step or any of the three programs fails.
set -euo pipefail

usage() {
    echo "usage: $0 SERVERS LAMBDA MU ARRIVALS SEED" >&2
    echo "  e.g. $0 10 9 1 1000000 42   (c=10, lambda=9/min, mu=1/min, 1M arrivals, seed 42)" >&2
    exit 2
}
[ "$#" -eq 5 ] || usage

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$BENCH/.venv"
REQ="$BENCH/peers/requirements.txt"
YARD="$BENCH/yardstick"
PYTHON="${PYTHON:-python3}"

log() { echo "run-peers: $*" >&2; }
die() { echo "run-peers: error: $*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

# ---- 1. Python venv with the peers --------------------------------------
command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found"

if [ ! -x "$VENV/bin/python" ]; then
    log "creating venv $VENV"
    if ! "$PYTHON" -m venv "$VENV" >&2; then
        # Debian without python3-venv has no ensurepip: make the venv without
        # pip and let the system pip install into it (pip >= 22.3: --python).
        log "python -m venv failed; retrying --without-pip (system pip installs into it)"
        rm -rf "$VENV"
        "$PYTHON" -m venv --without-pip "$VENV" >&2 || die "cannot create venv $VENV"
    fi
fi

if [ -x "$VENV/bin/pip" ]; then
    PIP=("$VENV/bin/python" -m pip)
else
    PIP=("$PYTHON" -m pip --python "$VENV/bin/python")
fi

STAMP="$VENV/.requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
    log "installing $(grep -cvE '^\s*(#|$)' "$REQ") pinned packages into $VENV"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "${PIP[@]}" install -q -r "$REQ" >&2 \
        || die "pip install -r $REQ failed"
    echo "$want" > "$STAMP"
fi

# ---- 2. C yardstick ---------------------------------------------------------
gsl_flags() { pkg-config --cflags --libs gsl 2>/dev/null; }

if [ ! -x "$YARD/mmc" ] || [ "$YARD/mmc.c" -nt "$YARD/mmc" ]; then
    if ! command -v gcc >/dev/null 2>&1 || ! gsl_flags >/dev/null; then
        log "gcc, pkg-config or libgsl-dev missing; installing with apt-get"
        command -v apt-get >/dev/null 2>&1 || die "no apt-get: install gcc, pkg-config and GSL (libgsl-dev) by hand"
        { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
              apt-get install -y -qq gcc libc6-dev libgsl-dev pkg-config; } >&2 \
            || die "need root (or sudo -n) to apt-get install gcc libgsl-dev pkg-config"
    fi
    log "compiling $YARD/mmc"
    # shellcheck disable=SC2046  # word splitting of the flags is intended
    gcc -O2 -o "$YARD/mmc" "$YARD/mmc.c" $(gsl_flags) >&2 || die "compiling mmc.c failed"
fi

# ---- 3. run the three, one after another ------------------------------------
run_one() {
    local name="$1"; shift
    local out
    log "running $name $*"
    out="$(PYTHONDONTWRITEBYTECODE=1 "$@")" || die "$name failed (exit $?)"
    # Exactly one line of JSON, or it is a failure.
    printf '%s\n' "$out" | "$VENV/bin/python" -c '
import json, sys
lines = sys.stdin.read().splitlines()
if len(lines) != 1:
    sys.exit("expected one line of output, got %d" % len(lines))
json.loads(lines[0])
' || die "$name did not print one line of JSON: $out"
    printf '%s\n' "$out"
}

run_one c-yardstick "$YARD/mmc" "$@"
run_one simpy "$VENV/bin/python" "$BENCH/peers/simpy_mmc.py" "$@"
run_one ciw "$VENV/bin/python" "$BENCH/peers/ciw_mmc.py" "$@"
