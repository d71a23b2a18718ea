import { spawn, type ChildProcess } from 'node:child_process'

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null; ms: number }

/**
 * A production `server/index.ts` that a spec stops (SIGTERM or SIGKILL) and starts again on the same
 * port, environment and database. Node runs the server itself (`node --import tsx`), not the `tsx` CLI:
 * the CLI runs the server in a child process, so a SIGKILL would kill the CLI and leave the server running.
 */
export class RestartableServer {
  #process: ChildProcess | null = null

  constructor(private readonly options: { port: number; env: Record<string, string | undefined> }) {}

  get baseUrl(): string {
    return `http://localhost:${this.options.port}`
  }

  /** Starts the server and waits until /healthz answers (the first start migrates and seeds). */
  async start(): Promise<void> {
    if (this.#process) throw new Error('the server is already running')
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    this.#process = server
    const deadline = Date.now() + 200_000
    for (;;) {
      const ok = await fetch(`${this.baseUrl}/healthz`)
        .then((response) => response.ok)
        .catch(() => false)
      if (ok) return
      if (server.exitCode !== null || server.signalCode !== null) {
        this.#process = null
        throw new Error(`server on port ${this.options.port} exited with ${server.exitCode ?? server.signalCode}`)
      }
      if (Date.now() > deadline) throw new Error(`server on port ${this.options.port} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  /**
   * Sends `signal` and waits for the process to exit (a SIGTERM'd server shuts down gracefully within
   * close-with-grace's 10 s); the answer says how it ended and how long it took.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 20_000): Promise<ServerExit> {
    const server = this.#process
    if (!server) throw new Error('the server is not running')
    const started = Date.now()
    const exited = new Promise<ServerExit>((resolve) =>
      server.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal, ms: Date.now() - started })),
    )
    server.kill(signal)
    const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
    const result = await Promise.race([exited, timer])
    if (!result) {
      server.kill('SIGKILL')
      await exited
      this.#process = null
      throw new Error(`server on port ${this.options.port} did not exit within ${timeoutMs} ms of ${signal}`)
    }
    this.#process = null
    return result
  }

  /** For afterAll: ends a server still running, whatever happened in the test. */
  async dispose(): Promise<void> {
    if (this.#process) await this.stop('SIGKILL').catch(() => undefined)
  }
}
