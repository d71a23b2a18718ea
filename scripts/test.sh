#!/usr/bin/env bash
# Quick start (2): install everything, then run the whole test suite (types, unit/integration, end-to-end).
source "$(dirname "$0")/lib.sh"
install_all
apt_ensure chromium fonts-noto-cjk fonts-noto-color-emoji
log "type checking"
npm run --silent typecheck
log "lint (ESLint with the layer boundaries) and format check (Prettier)"
npm run --silent lint
log "unit and integration tests (vitest, embedded PGlite)"
npx --no-install vitest run --project unit
log "end-to-end tests (Playwright, Debian Chromium)"
npx --no-install playwright test
log "all tests passed"
