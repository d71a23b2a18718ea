import type { ChildProcess } from 'node:child_process'
import { type ServerExit, spawnServer, stopServer, untilServerAnswers } from '../tests/server-process'

export type { ServerExit }

/**
 * A production `server/index.ts` that a spec stops (SIGTERM or SIGKILL) and starts again on the same
 * port, environment and database.
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
    const server = spawnServer({ ...this.options.env, PORT: String(this.options.port) })
    this.#process = server
    try {
      await untilServerAnswers(server, { baseUrl: this.baseUrl, label: `server on port ${this.options.port}`, timeoutMs: 200_000, pollMs: 250 })
    } catch (error) {
      this.#process = null
      throw error
    }
  }

  /**
   * Sends `signal` and waits for the process to exit (a SIGTERM'd server shuts down gracefully within
   * close-with-grace's 10 s); the answer says how it ended and how long it took.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 20_000): Promise<ServerExit> {
    const server = this.#process
    if (!server) throw new Error('the server is not running')
    const { forced, ...exit } = await stopServer(server, signal, timeoutMs)
    this.#process = null
    if (forced) throw new Error(`server on port ${this.options.port} did not exit within ${timeoutMs} ms of ${signal}`)
    return exit
  }

  /** For afterAll: ends a server still running, whatever happened in the test. */
  async dispose(): Promise<void> {
    if (this.#process) await this.stop('SIGKILL').catch(() => undefined)
  }
}
