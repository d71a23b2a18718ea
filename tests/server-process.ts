import { type ChildProcess, spawn } from 'node:child_process'

// One way for e2e specs and benches to run a production `server/index.ts` of their own and stop it.

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null; ms: number }

/**
 * Spawns `server/index.ts` with exactly `env`. Node runs the server itself (`node --import tsx`), not
 * the `tsx` CLI: the CLI runs the server in a child process, so a SIGKILL would kill the CLI and leave
 * the server running (and the pid would not be the server's). The server logs (pino JSON) to stdout,
 * ignored unless `options.stdout` is 'pipe'. `options.commandPrefix` runs node through a command that
 * execs it in its own place, e.g. `['ip', 'netns', 'exec', 'ns-a']` (the pid and signals stay the server's).
 */
export function spawnServer(
  env: NodeJS.ProcessEnv,
  stderr: 'inherit' | 'pipe' = 'inherit',
  options: { commandPrefix?: readonly string[]; stdout?: 'ignore' | 'pipe' } = {},
): ChildProcess {
  const command = [...(options.commandPrefix ?? []), process.execPath, '--import', 'tsx', 'server/index.ts']
  return spawn(command[0]!, command.slice(1), { env, stdio: ['ignore', options.stdout ?? 'ignore', stderr] })
}

/**
 * Waits until `baseUrl`/healthz answers. If the server exits first, or does not answer within
 * `timeoutMs` (then it is killed, so no server outlives a failed start), throws; `detail` adds to the error.
 */
export async function untilServerAnswers(
  server: ChildProcess,
  options: { baseUrl: string; label: string; timeoutMs: number; pollMs?: number; detail?: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs
  const failure = (what: string) => new Error(options.detail ? `${options.label} ${what}:\n${options.detail()}` : `${options.label} ${what}`)
  for (;;) {
    const ok = await fetch(`${options.baseUrl}/healthz`)
      .then((response) => response.ok)
      .catch(() => false)
    if (ok) return
    if (server.exitCode !== null || server.signalCode !== null) throw failure(`exited with ${server.exitCode ?? server.signalCode}`)
    if (Date.now() > deadline) {
      await stopServer(server, 'SIGKILL')
      throw failure(`did not start within ${options.timeoutMs / 1000} s`)
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500))
  }
}

/**
 * Sends `signal` and waits for the exit (a SIGTERM'd server shuts down gracefully within
 * close-with-grace's 10 s). Still running after `timeoutMs`: killed, and `forced` says so.
 */
export async function stopServer(
  server: ChildProcess,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
  timeoutMs = 20_000,
): Promise<ServerExit & { forced: boolean }> {
  const started = Date.now()
  if (server.exitCode !== null || server.signalCode !== null) return { code: server.exitCode, signal: server.signalCode, ms: 0, forced: false }
  const exited = new Promise<ServerExit>((resolve) =>
    server.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal, ms: Date.now() - started })),
  )
  server.kill(signal)
  let timer: NodeJS.Timeout | undefined
  const result = await Promise.race([exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))])
  clearTimeout(timer)
  if (result) return { ...result, forced: false }
  server.kill('SIGKILL')
  return { ...(await exited), forced: true }
}
