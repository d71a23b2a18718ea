#!/usr/bin/env bash
# Three network namespaces on one bridge, for tests that need three machines on one
# (e2e/media-cascade.spec.ts: one server process per namespace, WebRTC over the bridge).
#
#   scripts/netns.sh up <prefix>     bridge <prefix>br = 10.77.0.254/24 in the root namespace;
#                                    namespaces <prefix>-a, -b, -c = 10.77.0.1, .2, .3 (veth to the bridge, lo up)
#   scripts/netns.sh down <prefix>   kills what still runs in them, removes them and the bridge
#
# Both are idempotent. Needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) and iproute2; exits 1 with a message
# saying what is missing. The prefix is short (lowercase letters and digits, at most 10) because
# Linux interface names stop at 15 characters.
set -euo pipefail

SUBNET=10.77.0
BRIDGE_ADDRESS="$SUBNET.254/24"
NODES=(a b c)

fail() {
  printf 'netns.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  fail "usage: scripts/netns.sh up|down <prefix> (prefix: 1-10 lowercase letters or digits)"
}

[ "$#" -eq 2 ] || usage
action="$1"
prefix="$2"
[[ "$prefix" =~ ^[a-z0-9]{1,10}$ ]] || usage

bridge="${prefix}br"
namespace() { printf '%s-%s' "$prefix" "$1"; }
# The veth pair of node $1: the bridge's end (root namespace) and the node's end (inside its namespace).
bridge_end() { printf '%sv%s' "$prefix" "$1"; }
node_end() { printf '%sn%s' "$prefix" "$1"; }
address_of() {
  case "$1" in
    a) echo "$SUBNET.1" ;;
    b) echo "$SUBNET.2" ;;
    c) echo "$SUBNET.3" ;;
  esac
}

command -v ip >/dev/null 2>&1 || fail "iproute2 is not installed (the 'ip' command): apt-get install iproute2"
[ "$(id -u)" -eq 0 ] || fail "network namespaces need root (CAP_NET_ADMIN): run as root"

link_exists() { ip link show "$1" >/dev/null 2>&1; }
namespace_exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

down() {
  for node in "${NODES[@]}"; do
    local ns
    ns="$(namespace "$node")"
    namespace_exists "$ns" || continue
    # Whatever a test left running in it (by pid): a namespace with processes in it outlives `ip netns del`.
    local pids
    pids="$(ip netns pids "$ns" 2>/dev/null || true)"
    if [ -n "$pids" ]; then
      # shellcheck disable=SC2086 # one pid per word
      kill -KILL $pids 2>/dev/null || true
      for _ in $(seq 50); do
        [ -z "$(ip netns pids "$ns" 2>/dev/null || true)" ] && break
        sleep 0.1
      done
    fi
    ip netns del "$ns"
  done
  # A deleted namespace takes its veth ends with it, asynchronously: the bridge's end may vanish meanwhile.
  for node in "${NODES[@]}"; do
    ip link del "$(bridge_end "$node")" 2>/dev/null || true
  done
  if link_exists "$bridge"; then ip link del "$bridge"; fi
}

subnet_is_free() {
  # Another bridge holding the subnet (an earlier run under another prefix) would make routes ambiguous.
  local holder
  holder="$(ip -o -4 addr show | awk -v address="$BRIDGE_ADDRESS" '$4 == address {print $2}' | grep -vx "$bridge" || true)"
  [ -z "$holder" ] || fail "$BRIDGE_ADDRESS is already on interface $holder (another run? scripts/netns.sh down <its prefix>)"
}

# A half-made set (no permission for one step) is removed again, so a failed `up` leaves nothing behind.
undo_failed_up() {
  local status=$?
  [ "$status" -eq 0 ] && return
  (down) >/dev/null 2>&1 || true
  printf 'netns.sh: could not create the network namespaces (needs CAP_NET_ADMIN and CAP_SYS_ADMIN; see the error above)\n' >&2
  exit 1
}

up() {
  link_exists "$bridge" || ip link add "$bridge" type bridge
  ip addr replace "$BRIDGE_ADDRESS" dev "$bridge"
  ip link set "$bridge" up
  for node in "${NODES[@]}"; do
    local ns outer inner
    ns="$(namespace "$node")"
    outer="$(bridge_end "$node")"
    inner="$(node_end "$node")"
    namespace_exists "$ns" || ip netns add "$ns"
    link_exists "$outer" || ip link add "$outer" type veth peer name "$inner" netns "$ns"
    ip link set "$outer" master "$bridge" up
    ip -n "$ns" addr replace "$(address_of "$node")/24" dev "$inner"
    ip -n "$ns" link set "$inner" up
    ip -n "$ns" link set lo up
  done
}

case "$action" in
  up)
    subnet_is_free
    trap undo_failed_up EXIT
    up
    trap - EXIT
    ;;
  down)
    down
    ;;
  *)
    usage
    ;;
esac
