/** What a room knows about each of its routers when placing a new viewer. */
export type RouterLoad = { id: string; workerIndex: number; consumers: number }

export type Placement = { kind: 'use'; routerId: string } | { kind: 'fan-out' } | { kind: 'overflow'; routerId: string }

/**
 * Where a viewer needing `need` consumers goes: the first router (primary first) with room under
 * `capacity`; else a new router on a worker this room does not use yet, fed by pipeToRouter
 * (`fan-out`); else, every worker being used, the least loaded router (`overflow`: over capacity).
 */
export function placeConsumers(routers: readonly RouterLoad[], need: number, capacity: number, workerCount: number): Placement {
  if (routers.length === 0) throw new Error('a room always has its primary router')
  const fits = routers.find((router) => router.consumers + need <= capacity)
  if (fits) return { kind: 'use', routerId: fits.id }
  const usedWorkers = new Set(routers.map((router) => router.workerIndex))
  if (usedWorkers.size < workerCount) return { kind: 'fan-out' }
  const least = routers.reduce((best, next) => (next.consumers < best.consumers ? next : best))
  return { kind: 'overflow', routerId: least.id }
}
