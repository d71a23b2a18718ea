import { readFileSync } from 'node:fs'
import os from 'node:os'

/** One line naming the machine a benchmark ran on, printed with every result. */
export function describeMachine(): string {
  const cpus = os.cpus()
  return [
    `cpu: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    `ram: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `os: ${os.type()} ${os.release()}`,
    `node: ${process.version}`,
    `load avg: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join(' | ')
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1))
  return sortedMs[index] ?? Number.NaN
}

export function summarize(samplesMs: readonly number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN }
}

/** Latency histogram in 0.1 ms buckets up to `maxMs`: millions of samples without millions of numbers. */
export class Histogram {
  private readonly buckets: Uint32Array
  count = 0
  constructor(maxMs: number) {
    this.buckets = new Uint32Array(maxMs * 10)
  }
  add(ms: number) {
    this.buckets[Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms * 10)))]! += 1
    this.count += 1
  }
  percentile(p: number): number {
    const target = Math.ceil((p / 100) * this.count)
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!
      if (seen >= target && target > 0) return i / 10
    }
    return Number.NaN
  }
}

export const CLK_TCK = 100

/** What the benches read from /proc/<pid>/stat: command name, parent, and CPU time (utime + stime) in clock ticks. */
export function procStat(pid: number): { comm: string; ppid: number; ticks: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces and parentheses: the numbered fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
}

/** CPU time (utime + stime, fields 14 and 15 of /proc/<pid>/stat) a process has used, in clock ticks. */
export function cpuTicks(pid: number): number {
  return procStat(pid).ticks
}

/** Cores used by each group of processes over the next `ms` (CPU time / wall time, summed over the group). */
export async function measureCores(groups: ReadonlyArray<readonly number[]>, ms: number): Promise<number[]> {
  const before = groups.map((pids) => pids.map(cpuTicks))
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const elapsed = (performance.now() - started) / 1000
  return groups.map((pids, group) => pids.reduce((sum, pid, i) => sum + cpuTicks(pid) - (before[group]?.[i] ?? 0), 0) / CLK_TCK / elapsed)
}
