import type { ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { spawnServer, stopServer, untilServerAnswers } from '../../tests/server-process.ts'
import { CLK_TCK, procStat } from '../machine.ts'

/**
 * One production server process (`server/index.ts` on the `npm run build` output, as e2e/own-server.ts
 * starts it), run by node itself so its pid is the server's and its mediasoup workers are its children.
 */
export type ServerProcess = {
  child: ChildProcess
  pid: number
  port: number
  baseUrl: string
  label: string
  stderrTail: string[]
  /** Log lines at level error or fatal (pino JSON: level 50, 60) so far. */
  errorLines: { count: number }
}

export async function startServerProcess(options: { label: string; port: number; env: Record<string, string> }): Promise<ServerProcess> {
  if (!existsSync(path.resolve('build/server/index.js'))) throw new Error('no production build: run `npm run build` first')
  const child = spawnServer(
    { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(options.port), LOG_LEVEL: 'warn', ...options.env },
    'pipe',
  )
  // The last lines of its log, printed when something goes wrong (warnings and errors only).
  const stderrTail: string[] = []
  const errorLines = { count: 0 }
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue
      stderrTail.push(line.slice(0, 400))
      if (/"level":(50|60)/.test(line)) errorLines.count += 1
    }
    stderrTail.splice(0, Math.max(0, stderrTail.length - 200))
  })
  const baseUrl = `http://127.0.0.1:${options.port}`
  await untilServerAnswers(child, { baseUrl, label: options.label, timeoutMs: 240_000, detail: () => stderrTail.slice(-20).join('\n') })
  return { child, pid: child.pid!, port: options.port, baseUrl, label: options.label, stderrTail, errorLines }
}

export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (server) await stopServer(server.child)
}

function readStat(pid: number): (ReturnType<typeof procStat> & { pid: number }) | null {
  try {
    return { pid, ...procStat(pid) }
  } catch {
    return null
  }
}

/** CPU seconds a process has used so far (0 once it is gone). */
export function cpuSecondsOf(pid: number): number {
  return (readStat(pid)?.ticks ?? 0) / CLK_TCK
}

/** The mediasoup worker processes the server process started (its children named mediasoup-worker). */
export function mediasoupWorkerPids(serverPid: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readStat(Number(entry))
    if (stat?.ppid === serverPid && stat.comm.startsWith('mediasoup-work')) pids.push(stat.pid)
  }
  return pids.sort((a, b) => a - b)
}

/** Resident memory (VmRSS) of a process in MiB, from /proc/<pid>/status; NaN once it is gone. */
export function rssMiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}
