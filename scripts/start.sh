#!/usr/bin/env bash
# Quick start (1): install everything, then serve Tradecast with demo data (SEED_DEMO_DATA=true) on embedded PGlite.
source "$(dirname "$0")/lib.sh"
install_all
# Demo data is opt-in outside development; the quick start is a demo, so it opts in (unless told not to).
export SEED_DEMO_DATA="${SEED_DEMO_DATA:-true}"
if [ "$SEED_DEMO_DATA" = "true" ]; then
  log "SEED_DEMO_DATA=true: demo deployment, demo accounts share a published password (SEED_DEMO_DATA=false for real use)"
fi
log "starting on http://localhost:${PORT:-3000} (Ctrl+C to stop)"
exec npm start --silent
