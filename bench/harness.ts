// What the media benchmarks share: waiting, a scratch app environment, the SFU test page and the browser.
import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { type AddressInfo, createServer as createTcpServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A TCP port free on loopback right now (the OS picks it; a listener opened later may still race for it). */
export async function freePort(): Promise<number> {
  const server = createTcpServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

/**
 * A throw-away data folder and the environment of a production-like app process on it (PGlite, no demo
 * data, quiet logs). The app's modules read the environment and open the database on first use: call this
 * before importing them.
 */
export async function useScratchApp(name: string, extra: Record<string, string> = {}): Promise<string> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), `tradecast-bench-${name}-`))
  Object.assign(process.env, {
    PGLITE_DATA_DIR: path.join(scratch, 'db'),
    RECORDINGS_DIR: path.join(scratch, 'recordings'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    ...extra,
  })
  delete process.env.DATABASE_URL
  return scratch
}

/** A browser page script bundled (IIFE, Chromium): by default bench/sfu-page.ts, the mediasoup-client page the benchmarks drive. */
export async function bundleSfuPage(entryPoint = fileURLToPath(new URL('./sfu-page.ts', import.meta.url))): Promise<string> {
  const bundle = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  })
  const output = bundle.outputFiles[0]
  if (!output) throw new Error(`${path.basename(entryPoint)} did not bundle`)
  return output.text
}

/** Debian's Chromium, headless, allowed WebRTC on loopback and never throttled in the background. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  })
}
