#!/usr/bin/env bash
# Obtain a mediasoup-worker binary without GitHub/PyPI access (Debian 12).
#
#   tools/mediasoup-worker/build.sh        -> prints the binary's path (last
#                                             line of stdout); progress on stderr
#
# 1. $MEDIASOUP_WORKER_BIN set and executable -> print it, done.
# 2. Cached binary for the installed mediasoup version that starts -> print it.
#    Cache: ${TRADECAST_CACHE_DIR:-$HOME/.cache/tradecast}/mediasoup-worker/<version>/
# 3. Otherwise build it from node_modules/mediasoup/worker against Debian's
#    libraries (see README.md for the shims and the kTLS fix), then cache it.
#
# Environment knobs:
#   MEDIASOUP_WORKER_BIN   use this binary, never build
#   TRADECAST_CACHE_DIR    cache root (default $HOME/.cache/tradecast)
#   MEDIASOUP_PKG_DIR      mediasoup package dir (default <repo>/node_modules/mediasoup)
#   MEDIASOUP_BUILD_JOBS   parallel compile jobs (default: nproc)
#   MEDIASOUP_KEEP_BUILD_DIR=1  keep the temporary build dir (always kept on failure)
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd)"

log() { printf '[mediasoup-worker +%ss] %s\n' "$SECONDS" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A worker that starts prints "you don't seem to be my real father!" and exits
# with 41 when MEDIASOUP_VERSION is unset. Any other code (127: missing shared
# library, 126: not executable, 139: crash) means it is unusable here.
worker_runs() {
  local rc=0
  env -u MEDIASOUP_VERSION "$1" </dev/null >/dev/null 2>&1 || rc=$?
  [[ $rc -eq 41 ]]
}

# --- 1. explicit binary -------------------------------------------------------
if [[ -n "${MEDIASOUP_WORKER_BIN:-}" ]]; then
  if [[ -f "$MEDIASOUP_WORKER_BIN" && -x "$MEDIASOUP_WORKER_BIN" ]]; then
    printf '%s\n' "$MEDIASOUP_WORKER_BIN"
    exit 0
  fi
  log "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN is not an executable file; ignoring it"
fi

# --- 2. cache -----------------------------------------------------------------
MEDIASOUP_DIR="${MEDIASOUP_PKG_DIR:-$REPO_ROOT/node_modules/mediasoup}"
[[ -f "$MEDIASOUP_DIR/package.json" ]] ||
  die "$MEDIASOUP_DIR/package.json not found (run npm ci first, or set MEDIASOUP_PKG_DIR)"

# Top-level "version" of mediasoup's package.json (the first one in the file).
MEDIASOUP_VERSION_STR="$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' \
  "$MEDIASOUP_DIR/package.json" | head -n 1)"
[[ -n "$MEDIASOUP_VERSION_STR" ]] || die "cannot read version from $MEDIASOUP_DIR/package.json"

CACHE_ROOT="${TRADECAST_CACHE_DIR:-${HOME:?HOME is not set}/.cache/tradecast}"
CACHE_DIR="$CACHE_ROOT/mediasoup-worker/$MEDIASOUP_VERSION_STR"
CACHED_BIN="$CACHE_DIR/mediasoup-worker"

if [[ -x "$CACHED_BIN" ]] && worker_runs "$CACHED_BIN"; then
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

# --- 3. build -----------------------------------------------------------------
START_TS=$(date +%s)
mkdir -p "$CACHE_DIR"

# Serialise concurrent builds of the same version (e.g. two test runners).
exec 9>"$CACHE_DIR/.build.lock"
if ! flock -n 9; then
  log "another build of mediasoup-worker $MEDIASOUP_VERSION_STR is running; waiting for it"
  flock 9
fi
if [[ -x "$CACHED_BIN" ]] && worker_runs "$CACHED_BIN"; then
  printf '%s\n' "$CACHED_BIN"
  exit 0
fi

[[ -d "$MEDIASOUP_DIR/worker/src" ]] || die "$MEDIASOUP_DIR/worker has no sources"
log "building mediasoup-worker $MEDIASOUP_VERSION_STR (no cached binary in $CACHE_DIR)"

# --- 3a. Debian packages (apt only when something is missing) ----------------
MIN_MESON=1.1.0
APT_PKGS=(
  build-essential pkg-config python3 ninja-build patch
  libssl-dev libuv1-dev libsrtp2-dev libabsl-dev
  libflatbuffers-dev flatbuffers-compiler
)

if [[ $EUID -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  SUDO=(__no_root__)
fi

as_root() {
  [[ "${SUDO[*]-}" != "__no_root__" ]] || die "need root (or sudo) to run: $*"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive "$@"
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

meson_ok() {
  command -v meson >/dev/null 2>&1 || return 1
  local v
  v="$(meson --version 2>/dev/null)" || return 1
  dpkg --compare-versions "$v" ge "$MIN_MESON"
}

APT_UPDATED=0
apt_update() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    as_root apt-get update -qq >&2
    APT_UPDATED=1
  fi
}

# Adds "<codename>-backports" of the mirror already used for "<codename>".
ensure_backports_source() {
  local codename="$1" mirror="" f
  if grep -Rqs -- "${codename}-backports" /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
    return 0
  fi
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    # deb822: take the URIs of the stanza that lists "<codename>" as a suite.
    mirror="$(awk -v c="$codename" '
      BEGIN { RS=""; FS="\n" }
      {
        uris=""; hit=0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); uris=u[1] }
          if ($i ~ /^Suites:/ && (" " $i " ") ~ (" " c " ")) hit=1
        }
        if (hit && uris != "") { print uris; exit }
      }' "$f")"
    [[ -n "$mirror" ]] && break
  done
  if [[ -z "$mirror" ]]; then
    mirror="$(grep -hE "^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^[:space:]]+[[:space:]]+${codename}[[:space:]]" \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/' | head -n 1 || true)"
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  log "adding ${codename}-backports from $mirror to apt sources (for meson >= $MIN_MESON)"
  printf 'Types: deb\nURIs: %s\nSuites: %s-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" "$codename" | as_root tee /etc/apt/sources.list.d/tradecast-backports.sources >/dev/null
  APT_UPDATED=0
}

MISSING=()
for p in "${APT_PKGS[@]}"; do
  pkg_installed "$p" || MISSING+=("$p")
done

if [[ ${#MISSING[@]} -gt 0 ]] || ! meson_ok; then
  command -v apt-get >/dev/null 2>&1 ||
    die "missing build tools/libraries (${MISSING[*]:-meson>=$MIN_MESON}) and no apt-get"
  apt_update
  if [[ ${#MISSING[@]} -gt 0 ]]; then
    log "installing Debian packages: ${MISSING[*]}"
    as_root apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >&2
  fi
  if ! meson_ok; then
    candidate="$(apt-cache policy meson 2>/dev/null | awk '/Candidate:/ { print $2 }')"
    if [[ -n "$candidate" && "$candidate" != "(none)" ]] &&
      dpkg --compare-versions "$candidate" ge "$MIN_MESON"; then
      log "installing meson $candidate"
      as_root apt-get install -y -qq --no-install-recommends meson >&2
    else
      # shellcheck disable=SC1091
      codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
      [[ -n "$codename" ]] || die "cannot determine the Debian codename for backports"
      ensure_backports_source "$codename"
      apt_update
      log "installing meson from ${codename}-backports"
      as_root apt-get install -y -qq --no-install-recommends -t "${codename}-backports" meson >&2
    fi
    meson_ok || die "meson >= $MIN_MESON still not available"
  fi
fi
log "toolchain: meson $(meson --version), ninja $(ninja --version), $(flatc --version 2>&1 | head -n 1)"

# --- 3b. prepare the source tree outside the checkout -------------------------
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tradecast-mediasoup-worker.XXXXXX")"
BUILD_OK=0
cleanup() {
  if [[ $BUILD_OK -eq 1 && "${MEDIASOUP_KEEP_BUILD_DIR:-0}" != "1" ]]; then
    rm -rf -- "$WORK_DIR"
  else
    log "build directory kept: $WORK_DIR"
  fi
}
trap cleanup EXIT

SRC="$WORK_DIR/worker"
BUILD="$WORK_DIR/build"
cp -R -- "$MEDIASOUP_DIR/worker" "$SRC"
chmod -R u+w "$SRC"

# Replace every downloading .wrap with the local shim subprojects.
rm -f -- "$SRC"/subprojects/*.wrap
rm -rf -- "$SRC/subprojects/packagefiles"
cp -R -- "$SCRIPT_DIR/shims/." "$SRC/subprojects/"

# Fix the DTLS crash with Debian's kTLS-enabled OpenSSL (see README.md).
patch -d "$SRC" -p1 --forward --batch --no-backup-if-mismatch \
  <"$SCRIPT_DIR/patches/dtls-bio-ktls.patch" >&2 ||
  die "patches/dtls-bio-ktls.patch does not apply to mediasoup $MEDIASOUP_VERSION_STR; update it"

# --- 3c. configure and compile ------------------------------------------------
JOBS="${MEDIASOUP_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"
log "meson setup ($WORK_DIR)"
(cd "$SRC" && meson setup --wrap-mode=nodownload --buildtype release -Db_ndebug=true "$BUILD") >&2
# The generated FBS/*.h headers must exist before any worker source compiles.
log "compiling flatbuffers-generator"
meson compile -C "$BUILD" flatbuffers-generator >&2
log "compiling mediasoup-worker with $JOBS jobs"
ninja -C "$BUILD" -j "$JOBS" mediasoup-worker >&2

NEW_BIN="$BUILD/mediasoup-worker"
[[ -x "$NEW_BIN" ]] || die "build finished but $NEW_BIN is missing"
worker_runs "$NEW_BIN" || die "the freshly built $NEW_BIN does not start"

# --- 3d. install into the cache atomically ------------------------------------
TMP_BIN="$CACHE_DIR/.mediasoup-worker.tmp.$$"
install -m 0755 "$NEW_BIN" "$TMP_BIN"
mv -f -- "$TMP_BIN" "$CACHED_BIN"
{
  printf 'mediasoup %s built %s on %s by %s\n' "$MEDIASOUP_VERSION_STR" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(. /etc/os-release && printf '%s' "$PRETTY_NAME")" \
    "tools/mediasoup-worker/build.sh"
  printf 'build wall time: %ss\n' "$(($(date +%s) - START_TS))"
  dpkg-query -W -f='${Package} ${Version}\n' meson libssl3 libuv1 libsrtp2-1 \
    'libabsl20220623*' flatbuffers-compiler 2>/dev/null || true
} >"$CACHE_DIR/BUILD-INFO.txt"

BUILD_OK=1
log "done in $(($(date +%s) - START_TS))s: $CACHED_BIN"
printf '%s\n' "$CACHED_BIN"
