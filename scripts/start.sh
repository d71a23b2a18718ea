#!/usr/bin/env bash
# Quick start (1): install everything, then serve Tradecast with demo data on embedded PGlite.
source "$(dirname "$0")/lib.sh"
install_all
log "starting on http://localhost:${PORT:-3000} (Ctrl+C to stop)"
exec npm start --silent
