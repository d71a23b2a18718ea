import type { MediaNode } from './node-registry.ts'

/** Two loads closer than this are a tie (floating-point noise must not decide between two idle nodes). */
const TIE = 1e-9

/**
 * The node a new viewer's media goes to, or null when no node has room (the caller refuses with
 * 'too-many' and the browser falls back to HLS). Pure: the caller passes the registry's view.
 *
 * `need` is the consumers the viewer takes (audio + video: 2). A node qualifies when it is not draining
 * and its consumers, plus those placed on it since its last heartbeat (`pending`), plus `need` fit its
 * capacity; capacity 0 (an origin-only node) never qualifies. The least loaded wins, load being the
 * higher of its consumer share and its CPU share, so a node busy with something else (an origin's
 * producers, a recording) is spared although its consumer count is low. Ties go to this node (no extra
 * hop through a pipe), then to the lowest id, so two processes deciding at once agree.
 */
export function placeViewer(nodes: readonly MediaNode[], options: { selfId: string; need: number; pending: ReadonlyMap<string, number> }): string | null {
  let best: { id: string; score: number } | null = null
  for (const node of nodes) {
    if (node.draining || node.capacity <= 0) continue
    const committed = node.consumers + (options.pending.get(node.id) ?? 0)
    if (committed + options.need > node.capacity) continue
    const score = Math.max(committed / node.capacity, node.cpu)
    if (best === null || isBetter({ id: node.id, score }, best, options.selfId)) best = { id: node.id, score }
  }
  return best?.id ?? null
}

function isBetter(candidate: { id: string; score: number }, best: { id: string; score: number }, selfId: string): boolean {
  if (candidate.score < best.score - TIE) return true
  if (candidate.score > best.score + TIE) return false
  if (candidate.id === selfId) return true
  if (best.id === selfId) return false
  return candidate.id < best.id
}

/**
 * Consumers placed on each node since that node's last heartbeat: its published `consumers` does not
 * count them yet, and without them a burst of joins between two heartbeats would all land on the node
 * that looked emptiest. `settle(nodeId)` when a new heartbeat from it arrives (the registry's
 * `heartbeat` event) or when it goes down.
 */
export class PendingPlacements {
  readonly #counts = new Map<string, number>()

  add(nodeId: string, consumers: number): void {
    this.#counts.set(nodeId, (this.#counts.get(nodeId) ?? 0) + consumers)
  }

  settle(nodeId: string): void {
    this.#counts.delete(nodeId)
  }

  /** The live counts, for placeViewer's `pending`. */
  get view(): ReadonlyMap<string, number> {
    return this.#counts
  }
}
