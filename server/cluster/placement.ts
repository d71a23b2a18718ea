import type { MediaNode } from './node-registry.ts'

/** Two loads closer than this are a tie (floating-point noise must not decide between two idle nodes). */
const TIE = 1e-9
/** CPU counts in steps of this share: an idle worker's few milliseconds must not reorder equally empty nodes. */
const CPU_STEP = 0.1

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
    const score = Math.max(committed / node.capacity, Math.floor(node.cpu / CPU_STEP + TIE) * CPU_STEP)
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
 * Consumers placed on each node that its published `consumers` may not count yet: without them a burst
 * of joins between two heartbeats would all land on the node that looked emptiest. Each placement is
 * held for `ms` (long enough for the node's heartbeats, read at this node's polls, to include it) and
 * then drops by itself: a heartbeat read right after a placement may have been written before the join,
 * so none settles it early. Counting a viewer twice for that while errs on the side of spreading.
 */
export class PendingPlacements {
  readonly #counts = new Map<string, number>()

  hold(nodeId: string, consumers: number, ms: number): void {
    this.#change(nodeId, consumers)
    setTimeout(() => this.#change(nodeId, -consumers), ms).unref()
  }

  #change(nodeId: string, delta: number): void {
    const next = (this.#counts.get(nodeId) ?? 0) + delta
    if (next > 0) this.#counts.set(nodeId, next)
    else this.#counts.delete(nodeId)
  }

  /** The live counts, for placeViewer's `pending`. */
  get view(): ReadonlyMap<string, number> {
    return this.#counts
  }
}
