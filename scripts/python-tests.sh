#!/usr/bin/env bash
# The Python package's tests: installs python/ (with pytest) into a virtual environment
# in .build-python and runs python/tests against the release build's onestop.
#
#   scripts/python-tests.sh            # builds onestop (release) first when it is missing
#
# On a fresh Debian/Ubuntu machine it installs python3-venv when venv is missing. pandas
# and pytest come from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .build/release/onestop ]; then swift build -c release --product onestop; fi
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv python3-pip
fi
if [ ! -x .build-python/bin/python ]; then python3 -m venv .build-python; fi
.build-python/bin/python -m pip install --quiet --disable-pip-version-check "./python[test]"
ONESTOP_BIN="$PWD/.build/release/onestop" .build-python/bin/python -m pytest -q python/tests
