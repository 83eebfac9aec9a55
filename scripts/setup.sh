#!/usr/bin/env bash
# Installs what onestop needs on Debian/Ubuntu (GSL, zlib for reading XLSX files, and
# pkg-config) when it is missing.
# Swift itself must already be installed (https://www.swift.org/install/linux/).
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift is not installed; see https://www.swift.org/install/linux/" >&2
  exit 1
fi

if pkg-config --exists gsl zlib 2>/dev/null; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing libgsl-dev, zlib1g-dev and pkg-config" >&2
if ! $SUDO apt-get install -y --no-install-recommends libgsl-dev zlib1g-dev pkg-config >/dev/null 2>&1; then
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends libgsl-dev zlib1g-dev pkg-config >/dev/null
fi
pkg-config --exists gsl zlib
