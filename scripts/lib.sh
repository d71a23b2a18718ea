# Shared helpers for the install/start/test scripts (sourced, not executed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1;34m[tradecast]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# Installs Debian packages that are missing; does nothing (and no network) when all are present.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# npm >= 11 honours package.json "allowScripts", which keeps mediasoup's downloading postinstall off.
ensure_node_and_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_ensure nodejs npm
  fi
  local npm_major
  npm_major="$(npm --version | cut -d. -f1)"
  if [ "$npm_major" -lt 11 ]; then
    log "upgrading npm $(npm --version) to 11 from the npm registry"
    as_root npm install -g npm@11 --no-fund --no-audit
    hash -r
  fi
}

# Everything the platform needs to run; idempotent and fast when nothing changed.
install_all() {
  local started=$SECONDS
  ensure_node_and_npm
  # ffmpeg (with ffprobe, same package) records showcases, serves the live HLS fallback and cuts clips;
  # without it live works and recording is off.
  apt_ensure ca-certificates git ffmpeg
  # pg_dump/pg_restore for `npm run backup`/`restore` on PostgreSQL (Debian 12: client 15, which dumps servers up to 15).
  apt_ensure postgresql-client
  # ip netns for scripts/netns.sh (the media-cascade e2e runs three server processes in three network namespaces).
  apt_ensure iproute2
  local lock_stamp="node_modules/.tradecast-lock-hash"
  local lock_hash
  lock_hash="$(sha256sum package-lock.json package.json | sha256sum | cut -c1-16)"
  if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_hash" ]; then
    log "installing npm packages (npm ci)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit --loglevel=error
    echo "$lock_hash" > "$lock_stamp"
  fi
  log "node $(node_modules/.bin/node --version) (pinned in the project)"
  if [ -x tools/mediasoup-worker/build.sh ]; then
    MEDIASOUP_WORKER_BIN="$(tools/mediasoup-worker/build.sh | tail -n 1)"
    export MEDIASOUP_WORKER_BIN
    log "mediasoup worker: $MEDIASOUP_WORKER_BIN"
  fi
  log "generating the Prisma client"
  npx --no-install prisma generate >/dev/null
  log "building the app"
  npx --no-install react-router build >/dev/null
  log "install finished in $((SECONDS - started)) s"
}
