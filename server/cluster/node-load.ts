/** What the sampler needs of a mediasoup Worker: its CPU time in ms (user and system). */
export type CpuMeasurable = { getResourceUsage(): Promise<{ ru_utime: number; ru_stime: number }> }

/**
 * The CPU share (0..1) the media workers used since the previous call: ms of user + system CPU over
 * wall-clock ms × workers. Each worker is one single-threaded process, so 1 means every worker's core
 * was busy. `workers` is read at each call, so a replaced worker is picked up; a worker that is new at
 * its position, or whose counter went backwards, counts 0 for that sample (its time since the previous
 * call is unknown), and one that fails to answer (it just died) counts 0 too. The first call only sets
 * the baseline and returns 0.
 */
export function workerCpuSampler(workers: () => readonly CpuMeasurable[]): () => Promise<number> {
  let previous: { at: number; totals: Array<{ worker: CpuMeasurable; cpuMs: number } | null> } | null = null
  return async () => {
    const current = workers()
    const totals = await Promise.all(
      current.map((worker) =>
        worker.getResourceUsage().then(
          (usage) => ({ worker, cpuMs: usage.ru_utime + usage.ru_stime }),
          () => null,
        ),
      ),
    )
    const at = performance.now()
    const before = previous
    previous = { at, totals }
    if (before === null || current.length === 0) return 0
    const wallMs = at - before.at
    if (wallMs <= 0) return 0
    let usedMs = 0
    totals.forEach((total, index) => {
      const earlier = before.totals[index]
      if (!total || earlier?.worker !== total.worker || total.cpuMs < earlier.cpuMs) return
      usedMs += total.cpuMs - earlier.cpuMs
    })
    return Math.min(1, usedMs / (wallMs * current.length))
  }
}
