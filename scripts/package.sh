#!/usr/bin/env bash
# Builds onestop as a self-contained Linux binary for planners, who have neither Swift
# nor GSL: dist/onestop-<version>-linux-<arch>/ (the binary, scenarios/ with its data,
# README.md, README-package.txt, VERSION) and dist/onestop-<version>-linux-<arch>.tar.gz.
#
#   scripts/package.sh            build and assemble the package
#   scripts/package.sh --check    the same, then check the package (below); exits 0 only
#                                 when every check passes
#   scripts/package.sh --chroot   --check, plus a run inside a minimal Debian 12 that
#                                 debootstrap makes in <scratch>/debian-bookworm (a
#                                 download the first time; kept for the next run)
#   --scratch-path DIR            SwiftPM build folder (default .build-package: the
#                                 static link never replaces .build's dynamic binaries)
#
# Linking: `swift build -c release --static-swift-stdlib` links the Swift runtime,
# Foundation (with its ICU data) and Dispatch from /opt/swift's swift_static archives.
# GSL: the CGSL system library target takes its linker flags from pkg-config "gsl", and
# SwiftPM puts them first on the link line (`-L/usr/lib/<triple> -lgsl -lgslcblas -lm`).
# This script hands SwiftPM (--pkg-config-path) its own gsl.pc whose -L names a folder
# holding only libgsl.a and libgslcblas.a (symlinks to libgsl-dev's archives): ld takes
# the first folder in -L order that has libgsl.so or libgsl.a, so -lgsl (and the module
# map's autolinked -lgsl) resolves to the archive and libgsl.so is never NEEDED.
# zlib (ZIPFoundation's CZLib target, for XLSX files, takes -lz from pkg-config "zlib") the
# same way: a zlib.pc in that folder whose -L names it, beside libz.a (from zlib1g-dev),
# and the folder handed to the linker too (-Xlinker -L), so that every -lz finds libz.a
# before libz.so.
# libstdc++ stays dynamic on purpose: its static archive (gcc 12) calls arc4random,
# which would raise the glibc floor from 2.35 (Ubuntu 22.04) to 2.36.
#
# Why a scratch folder of its own: SwiftPM passes -static-stdlib to every compile, not
# only to the link, so sharing .build recompiles every module both ways (measured: 4 min
# for the static build in .build, then 6 min for the next normal release build) and
# saves nothing. From a clean clone the static build takes 4 to 6 minutes on 2 cores
# (about 4.5 min of CPU); a second run with nothing changed, and the check, seconds.
#
# The check (--check): readelf -d NEEDED holds only the C library family listed in
# `allowed_needed` below (and RUNPATH at most $ORIGIN); a copy of the package in a
# temporary folder runs under `env -i` with an empty LD_LIBRARY_PATH, in a private mount
# namespace where /opt/swift is an empty folder and every libgsl*/libgslcblas* shared
# object is hidden (when unshare can do that; else without the hiding), under strace:
# no file under /opt/swift and no libswift*/libFoundation*/libgsl*/libdispatch*/libicu*
# is opened, and every shared object opened is an allowed one. It runs `onestop
# --version` and `onestop run scenarios/default.yaml --replications 2 --out <tmp>`, and
# when a normal build's .build/release/onestop exists, compares that run's files byte
# for byte with the same run of the dynamic binary (same seed, same GSL: same bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

check=0
chroot_check=0
scratch=".build-package"
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --chroot) check=1; chroot_check=1 ;;
    --scratch-path) scratch=${2:?--scratch-path needs a folder}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package: unknown option $1 (see scripts/package.sh --help)" >&2; exit 64 ;;
  esac
  shift
done
case "$scratch" in /*) ;; *) scratch="$root/$scratch" ;; esac

say() { echo "package: $*" >&2; }
fail() { echo "package: FAILED: $*" >&2; exit 1; }

# --- Version and names ---------------------------------------------------------------

version=""
if command -v git >/dev/null && git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  version=$(git -C "$root" describe --always --dirty 2>/dev/null || true)
fi
if [ -z "$version" ]; then  # a source tarball without .git: the version compiled in
  version=$(sed -n 's/^public let onestopRelease = "\(.*\)"$/\1/p' Sources/Reporting/Provenance.swift)
fi
version=${version:-unknown}
arch=$(uname -m)
name="onestop-$version-linux-$arch"
dist="$root/dist"
pkg="$dist/$name"

# --- Static GSL and zlib: a folder with only the archives, and .pc files naming it ----

command -v pkg-config >/dev/null && pkg-config --exists gsl \
  || fail "GSL not found by pkg-config: run scripts/setup.sh first"
gsl_libdir=$(pkg-config --variable=libdir gsl)
for lib in libgsl.a libgslcblas.a; do
  [ -f "$gsl_libdir/$lib" ] || fail "$gsl_libdir/$lib missing (libgsl-dev ships it)"
done
pkg-config --exists zlib || fail "zlib not found by pkg-config: run scripts/setup.sh first (zlib1g-dev)"
zlib_libdir=$(pkg-config --variable=libdir zlib)
[ -f "$zlib_libdir/libz.a" ] || fail "$zlib_libdir/libz.a missing (zlib1g-dev ships it)"
static_libs="$scratch/static-libs"
mkdir -p "$static_libs/pkgconfig"
rm -f "$static_libs"/*.a "$static_libs"/*.so*  # exactly the three archives, nothing else
ln -sf "$gsl_libdir/libgsl.a" "$gsl_libdir/libgslcblas.a" "$zlib_libdir/libz.a" "$static_libs/"
# write_pc NAME: stdin as pkgconfig/NAME.pc, rewritten only when it changes, so that an
# unchanged build stays a no-op.
write_pc() {
  cat >"$static_libs/pkgconfig/$1.pc.new"
  if cmp -s "$static_libs/pkgconfig/$1.pc.new" "$static_libs/pkgconfig/$1.pc"; then
    rm "$static_libs/pkgconfig/$1.pc.new"
  else
    mv "$static_libs/pkgconfig/$1.pc.new" "$static_libs/pkgconfig/$1.pc"
  fi
}
write_pc gsl <<EOF
# Written by scripts/package.sh: GSL's archives only, so that -lgsl links statically.
Name: GSL
Description: GNU Scientific Library (static archives)
Version: $(pkg-config --modversion gsl)
Libs: -L$static_libs -lgsl -lgslcblas -lm
Cflags: $(pkg-config --cflags gsl)
EOF
write_pc zlib <<EOF
# Written by scripts/package.sh: zlib's archive only, so that -lz links statically.
Name: zlib
Description: zlib compression library (static archive)
Version: $(pkg-config --modversion zlib)
Libs: -L$static_libs -lz
Cflags: $(pkg-config --cflags zlib)
EOF

# --- Build ---------------------------------------------------------------------------

say "building $name (swift build -c release --static-swift-stdlib, static GSL and zlib) in ${scratch#"$root"/}"
swift build -c release --product onestop --static-swift-stdlib \
  --scratch-path "$scratch" --pkg-config-path "$static_libs/pkgconfig" -Xlinker -L"$static_libs" 2>&1 \
  | { grep --line-buffered -v "warning: the use of \`mktemp' is dangerous" || true; } >&2  # Foundation's, not ours
built="$scratch/release/onestop"
[ -x "$built" ] || fail "no binary at $built"

# --- Assemble ------------------------------------------------------------------------

rm -rf "$pkg" "$pkg.tar.gz"
mkdir -p "$pkg"
# Stripped: the symbol table and DWARF are a third of the size; Swift's metadata stays.
strip -o "$pkg/onestop" "$built"
cp -R scenarios "$pkg/scenarios"
cp README.md "$pkg/README.md"
glibc_floor=$(objdump -T "$pkg/onestop" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1)
{
  echo "onestop $version ($("$pkg/onestop" --version)), linux-$arch"
  echo "Built $(date -u +%Y-%m-%d) with $(swift --version 2>/dev/null | head -1)"
  echo "GSL $(pkg-config --modversion gsl), zlib $(pkg-config --modversion zlib), Swift runtime and Foundation linked statically"
  echo "Needs glibc ${glibc_floor#GLIBC_} or newer and libstdc++ from gcc 12 or newer"
} >"$pkg/VERSION"

cat >"$pkg/README-package.txt" <<EOF
onestop $version for Linux ($arch)
==================================

English
-------
onestop simulates a one-stop public administrative service centre (counters, back
office, statutory deadlines) and reports waiting times, backlog, overdue dossiers and
staff utilisation. This folder runs as it is: Swift, GSL and zlib are built into the program.
It needs a 64-bit Linux with glibc ${glibc_floor#GLIBC_} or newer (Debian 12, Ubuntu 22.04,
Fedora 36 or newer).

Unpack and run, from this folder:

    tar xzf $name.tar.gz
    cd $name
    ./onestop run scenarios/default.yaml

The results (report.html to open in a browser, CSV and JSON files) go to
results/<scenario name>/; choose another folder with --out DIR. Other examples:

    ./onestop run scenarios/campaign-end.yaml --replications 50 --out results/try1
    ./onestop compare scenarios/hadong-pooled.yaml scenarios/hadong-separate-certification.yaml
    ./onestop describe scenarios/default.yaml
    ./onestop serve              (the workspace in the browser, once this version has it)
    ./onestop --help             (every command; ./onestop run --help for one)

Copy a file under scenarios/ to describe your own centre; README.md explains the format.
Keep scenarios/data/ beside the scenarios that name files in it. (onestop bench is a
developer's tool and is not in this package.)

Tiếng Việt
----------
onestop mô phỏng một Trung tâm phục vụ hành chính công cấp xã (quầy tiếp nhận, bộ phận
giải quyết, thời hạn theo quy định) và báo cáo thời gian chờ, hồ sơ tồn, hồ sơ quá hạn
và mức sử dụng nhân sự. Thư mục này chạy được ngay: Swift, GSL và zlib đã nằm sẵn trong chương
trình. Cần Linux 64-bit với glibc ${glibc_floor#GLIBC_} trở lên (Debian 12, Ubuntu 22.04,
Fedora 36 trở lên).

Giải nén và chạy, trong thư mục này:

    tar xzf $name.tar.gz
    cd $name
    ./onestop run scenarios/default.yaml

Kết quả (report.html để mở bằng trình duyệt, các tệp CSV và JSON) được ghi vào
results/<tên kịch bản>/; chọn thư mục khác bằng --out THƯ_MỤC. Ví dụ khác:

    ./onestop run scenarios/campaign-end.yaml --replications 50 --out results/thu1
    ./onestop compare scenarios/hadong-pooled.yaml scenarios/hadong-separate-certification.yaml
    ./onestop describe scenarios/default.yaml
    ./onestop serve              (không gian làm việc trên trình duyệt, khi phiên bản này có)
    ./onestop --help             (mọi lệnh; ./onestop run --help cho từng lệnh)

Sao chép một tệp trong scenarios/ để mô tả trung tâm của mình; README.md giải thích định
dạng. Giữ thư mục scenarios/data/ bên cạnh các kịch bản dùng tệp trong đó. (Lệnh onestop
bench dành cho nhà phát triển, không có trong gói này.)
EOF

tar -C "$dist" -czf "$pkg.tar.gz.tmp" "$name"
mv "$pkg.tar.gz.tmp" "$pkg.tar.gz"
say "made ${pkg#"$root"/}/ ($(du -sh "$pkg" | cut -f1)) and ${pkg#"$root"/}.tar.gz ($(du -sh "$pkg.tar.gz" | cut -f1))"

[ "$check" = 1 ] || exit 0

# --- Check: what the binary links against ----------------------------------------------

# The C library family, the only shared objects a packaged binary may need. libstdc++ is
# the C++ runtime of the Swift runtime and ICU (see the top of this file).
allowed_needed='^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libgcc_s\.so\.1|libstdc\+\+\.so\.6|ld-linux[-a-z0-9_]*\.so\.[0-9]+)$'
forbidden='(libswift|libFoundation|lib_Foundation|libgsl|libz\.so|libdispatch|libBlocksRuntime|libicu|libxml2|libcurl|/opt/swift)'
status=0
bad() { echo "package: FAILED: $*" >&2; status=1; }

needed=$(readelf -d "$pkg/onestop" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
say "NEEDED: $(echo $needed)"
for lib in $needed; do
  [[ $lib =~ $allowed_needed ]] || bad "the binary needs $lib (allowed: the C library family only)"
done
runpath=$(readelf -d "$pkg/onestop" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')
[ -z "$runpath" ] || [ "$runpath" = '$ORIGIN' ] || bad "RPATH/RUNPATH is $runpath (allowed: none or \$ORIGIN)"

# --- Check: it runs where neither Swift nor GSL is installed ---------------------------

work=$(mktemp -d /tmp/onestop-package-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -R "$pkg" "$work/pkg"

if ! command -v strace >/dev/null; then
  say "installing strace"
  apt-get install -y --no-install-recommends strace >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends strace >/dev/null; }
fi

# Runs the packaged binary with no environment, from the copy, under strace (every
# process, every file it opens or tries to). Where root can, inside a private mount
# namespace with /opt/swift emptied and GSL's shared objects hidden.
hide=$(cat <<'EOF'
set -e
mount -t tmpfs -o ro,size=1m none /opt/swift
for f in /usr/lib/*/libgsl*.so* /usr/lib/libgsl*.so* /usr/lib/*/libswift* /usr/lib/libswift*; do
  [ -e "$f" ] && mount --bind /dev/null "$f"
done
exec "$@"
EOF
)
isolated=0
if [ "$(id -u)" = 0 ] && [ -d /opt/swift ] && unshare --mount --propagation private \
  bash -c "$hide" hide true 2>/dev/null; then
  isolated=1
fi
packaged() {  # packaged TRACE ARGS...: ./onestop ARGS in the copy
  local trace=$1; shift
  local run=(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= HOME="$work" LANG=C.UTF-8 CI=1)
  if [ "$isolated" = 1 ]; then run=(unshare --mount --propagation private bash -c "$hide" hide "${run[@]}"); fi
  (cd "$work/pkg" && "${run[@]}" strace -f -qq -e trace=open,openat,openat2,execve -o "$trace" ./onestop "$@")
}
if [ "$isolated" = 1 ]; then
  say "running the copy in ${work} with env -i, /opt/swift empty and libgsl hidden (mount namespace)"
else
  say "running the copy in ${work} with env -i (no mount namespace here: Swift and GSL stay visible)"
fi

if packaged "$work/version.trace" --version >"$work/version.out" 2>&1; then
  say "./onestop --version: $(cat "$work/version.out")"
else
  bad "./onestop --version failed: $(cat "$work/version.out")"
fi
packaged "$work/run.trace" run scenarios/default.yaml --replications 2 --quiet --out "$work/out" \
  >"$work/run.out" 2>&1 || bad "./onestop run scenarios/default.yaml failed: $(tail -5 "$work/run.out")"
[ -s "$work/out/summary.json" ] || [ -n "$(ls -A "$work/out" 2>/dev/null)" ] || bad "the run wrote nothing to $work/out"

for trace in "$work/version.trace" "$work/run.trace"; do
  if grep -E "$forbidden" "$trace" >"$work/forbidden" 2>/dev/null; then
    bad "$(basename "$trace" .trace): opened or looked for a Swift or GSL file:"; head -5 "$work/forbidden" >&2
  fi
  # Every shared object actually opened (a non-negative return) must be an allowed one.
  grep -E 'open(at2?)?\(.*\.so[.0-9]*"' "$trace" | grep -v '= -1' \
    | sed -E 's/.*"([^"]*)".*/\1/' | sort -u >"$work/opened"
  while read -r so; do
    base=$(basename "$so")
    [[ $base =~ $allowed_needed ]] || [[ $base =~ ^ld\.so\.cache$ ]] || bad "$(basename "$trace" .trace): opened $so"
  done <"$work/opened"
done
say "shared objects opened by the run: $(basename -a $(cat "$work/opened") | tr '\n' ' ')"

# The same run by the normal (dynamic) build, when there is one: the same bytes.
dev="$root/.build/release/onestop"
if [ -x "$dev" ] && [ "$(readelf -d "$dev" | grep -c 'libswiftCore')" != 0 ]; then
  (cd "$work/pkg" && "$dev" run scenarios/default.yaml --replications 2 --quiet --out "$work/dev-out" >/dev/null 2>&1) \
    || bad "the normal build's run failed"
  if diff -r "$work/out" "$work/dev-out" >"$work/diff" 2>&1; then
    say "the run's files equal the normal build's byte for byte ($(ls "$work/out" | wc -l) files)"
  else
    bad "the run's files differ from the normal build's:"; head -20 "$work/diff" >&2
  fi
else
  say "no normal build at .build/release/onestop: skipped the byte comparison"
fi

# --- Check (--chroot): a minimal Debian 12 with nothing but its base system -----------

if [ "$chroot_check" = 1 ]; then
  base="$scratch/debian-bookworm"  # kept between runs: the download is the slow part
  if [ ! -x "$base/bin/bash" ]; then
    command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1 \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends debootstrap >/dev/null; }
    say "debootstrap --variant=minbase bookworm into ${base#"$root"/}"
    rm -rf "$base"
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
  fi
  rm -rf "$base/pkg" && cp -R "$pkg" "$base/pkg"
  if ls "$base"/usr/lib/*/libgsl* "$base"/usr/lib/*/libswift* >/dev/null 2>&1 || [ -e "$base/opt/swift" ]; then
    bad "the chroot has Swift or GSL in it"
  fi
  # /proc is mounted in a private mount namespace: Swift reads its arguments from
  # /proc/self/cmdline (without it every command line looks empty and prints the help).
  inside='cd /pkg && ./onestop --version && ./onestop run scenarios/default.yaml --replications 2 --quiet --out /pkg/out'
  if unshare --mount --propagation private --fork sh -c \
    'mount -t proc proc "$1/proc" && exec env -i PATH=/usr/bin:/bin "$2" "$1" /bin/sh -c "$3"' \
    chroot-run "$base" "$(command -v chroot)" "$inside" >"$work/chroot.out" 2>&1; then
    say "ran in a minimal Debian 12 chroot (debootstrap minbase): ./onestop --version: $(head -1 "$work/chroot.out")"
    if diff -r "$work/out" "$base/pkg/out" >"$work/chroot.diff" 2>&1; then
      say "the chroot's run wrote the same files as the run above, byte for byte"
    else
      bad "the chroot's run differs:"; head -20 "$work/chroot.diff" >&2
    fi
  else
    bad "the run in the chroot failed:"; tail -10 "$work/chroot.out" >&2
  fi
  rm -rf "$base/pkg"
fi

if [ "$status" = 0 ]; then say "check passed"; else say "check FAILED"; fi
exit "$status"
