import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { ChildProcess } from 'node:child_process'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createClient } from 'redis'
import { z } from 'zod'
import { stopServer } from '../tests/server-process'
import { TcpProxy } from '../tests/tcp-proxy'
import { expect, signIn, test } from './fixtures'
import { chatMessages, FAKE_MEDIA_BROWSER, scheduleShowcase, sendChat } from './live-helpers'
import { createScratchDatabase, dropScratchDatabase, POSTGRES_ADMIN_URL, postgresAnswers, redisAnswers, startOwnServer } from './own-server'

// A showcase cascading across three media nodes, each a server process in its own network namespace
// (scripts/netns.sh: 10.77.0.1-3 on a bridge), sharing one PostgreSQL database and one Redis. A takes
// no viewers (origin only): the host broadcasts from A's studio, viewers are placed on B and C, whose
// SFUs receive the show from A through PipeTransports over the bridge. Chromium reaches each node's pages
// through a loopback proxy (http://localhost is a secure context: camera, Secure cookies) and its media
// directly at 10.77.0.x, as a browser reaches a remote SFU. Then C is killed (its viewer moves to B) and
// B drains for a deploy (its viewer moves back to C before B exits). Needs root (network namespaces),
// PostgreSQL, Redis and the production build; skipped with the reason when one is missing.
test.use(FAKE_MEDIA_BROWSER)

const NETNS_PREFIX = process.env.E2E_NETNS_PREFIX ?? 'tcc'
const PORT_BASE = Number(process.env.E2E_CASCADE_PORT ?? 3140)
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379'
const BRIDGE_ADDRESS = '10.77.0.254'
const DB_NAME = `tradecast_e2e_cascade_${process.pid}`
const REDIS_CHANNEL = `tradecast-e2e-cascade-${randomUUID().slice(0, 8)}`
const PRODUCT = 'Makguksu Cold Noodle Meal Kit'
// Viewers an edge takes: room for both viewers on one node (after C dies), small enough that one viewer's
// consumers outweigh an idle worker's CPU share in the placement score.
const EDGE_MAX_VIEWERS = 4
// How long a moved viewer may take to play again (C's death is declared after ~4 s).
const MOVE_TIMEOUT_MS = 20_000

type NodeName = 'a' | 'b' | 'c'
const NODE_ADDRESS: Record<NodeName, string> = { a: '10.77.0.1', b: '10.77.0.2', c: '10.77.0.3' }

type PlaybackStats = {
  framesDecoded: number
  audioPacketsReceived: number
  audioSamplesReceived: number
  audioEnergy: number
  mediaNode: string | null
}

/** What a viewer's page showed, and when: every change of its phase badge, media node or playback. */
type TimelineEntry = { at: number; phase: string | null; mediaNode: string | null; playing: boolean }

/** One media node: a production server in network namespace `<prefix>-<name>`, its log in a file. */
class CascadeNode {
  #process: ChildProcess | null = null

  constructor(
    readonly name: NodeName,
    readonly port: number,
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  get id(): string {
    return `node-${this.name}`
  }

  /** The origin Chromium loads its pages from: the loopback proxy to this node. */
  get pageUrl(): string {
    return `http://localhost:${this.port}`
  }

  get running(): boolean {
    return this.#process !== null
  }

  /** Starts the server in its namespace and waits until /healthz answers through the loopback proxy. */
  async start(databaseUrl: string): Promise<void> {
    appendFileSync(this.logFile, `--- ${new Date().toISOString()} starting ${this.id}\n`)
    try {
      this.#process = await startOwnServer({
        port: this.port,
        databaseUrl,
        env: this.env,
        commandPrefix: ['ip', 'netns', 'exec', `${NETNS_PREFIX}-${this.name}`],
        onOutput: (chunk) => appendFileSync(this.logFile, chunk),
      })
    } catch (error) {
      const tail = readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n')
      throw new Error(`${this.id}: ${error instanceof Error ? error.message : String(error)}\n--- end of ${this.logFile}:\n${tail}`, { cause: error })
    }
  }

  /** Sends `signal`; resolves when the process has exited, with the instant it exited. */
  async stop(signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 30_000) {
    const server = this.#process
    if (!server) throw new Error(`${this.id} is not running`)
    const sentAt = Date.now()
    appendFileSync(this.logFile, `--- ${new Date(sentAt).toISOString()} test sends ${signal}\n`)
    const exit = await stopServer(server, signal, timeoutMs)
    this.#process = null
    return { ...exit, sentAt, exitedAt: sentAt + exit.ms }
  }
}

const netnsScript = path.resolve('scripts/netns.sh')
const run = promisify(execFile)

/** Runs scripts/netns.sh; the failure's message is the script's own (what is missing). */
async function netns(action: 'up' | 'down'): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await run(netnsScript, [action, NETNS_PREFIX])
    return { ok: true }
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim()
    return { ok: false, message: stderr || (error instanceof Error ? error.message : String(error)) }
  }
}

// A media node's entry as the servers write it to Redis, at `<REDIS_CHANNEL>:media:node:<id>`
// (server/cluster/node-registry.ts, prefix from server/realtime/index.ts): only what the test waits on.
const registeredNodeSchema = z.object({ id: z.string(), consumers: z.number(), draining: z.boolean(), beat: z.number() })

/** This run's entry of node `id` in Redis, or null while it has none. */
async function registeredNode(id: string): Promise<z.infer<typeof registeredNodeSchema> | null> {
  const client = createClient({ url: REDIS_URL })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const value = await client.get(`${REDIS_CHANNEL}:media:node:${id}`)
    return value === null ? null : registeredNodeSchema.parse(JSON.parse(value))
  } finally {
    await client.quit()
  }
}

/**
 * Node `id` is in Redis with at least `consumers` consumers and has published two more heartbeats since:
 * the other nodes (which read every heartbeat) place viewers knowing its load.
 */
async function untilRegistered(id: string, { consumers = 0 } = {}): Promise<void> {
  let seenBeat: number | null = null
  await expect
    .poll(
      async () => {
        const node = await registeredNode(id)
        if (!node || node.draining || node.consumers < consumers) return false
        seenBeat ??= node.beat
        return node.beat >= seenBeat + 2
      },
      { message: `${id} registered in Redis with ≥ ${consumers} consumers`, timeout: 20_000, intervals: [250] },
    )
    .toBe(true)
}

const stats = (page: Page): Promise<PlaybackStats> =>
  page.evaluate(
    () =>
      (window as unknown as { __tradecastStats?: PlaybackStats }).__tradecastStats ?? {
        framesDecoded: 0,
        audioPacketsReceived: 0,
        audioSamplesReceived: 0,
        audioEnergy: 0,
        mediaNode: null,
      },
  )

/**
 * Receiving from media node `mediaNode`, video frames are decoded and keep coming, and audio is decoded
 * with energy (Chromium's fake microphone beeps). Counted as growth between samples: a consumer replaced
 * meanwhile starts again from zero, which is recovery, not a stall (as e2e/restart.spec.ts counts).
 */
async function expectPlaying(page: Page, label: string, mediaNode: string) {
  await expect(page.locator('[role="status"][data-phase]'), `${label}: live`).toHaveAttribute('data-phase', 'live', { timeout: 30_000 })
  await expect.poll(async () => (await stats(page)).mediaNode, { message: `${label}: media node`, timeout: 15_000 }).toBe(mediaNode)
  const growth = (field: 'framesDecoded' | 'audioPacketsReceived' | 'audioSamplesReceived' | 'audioEnergy') => {
    let last: number | null = null
    let grown = 0
    return async () => {
      const current = await stats(page)
      // A sample from another node (a move under way) counts nothing.
      if (current.mediaNode !== mediaNode) return grown
      const value = current[field]
      if (last !== null && value > last) grown += value - last
      last = value
      return grown
    }
  }
  await expect.poll(growth('framesDecoded'), { message: `${label}: video frames decoded and coming`, timeout: 30_000 }).toBeGreaterThan(10)
  await expect.poll(growth('audioPacketsReceived'), { message: `${label}: audio packets coming`, timeout: 15_000 }).toBeGreaterThan(10)
  // Samples count concealment too (they grow without packets); the energy is what was decoded from them.
  await expect.poll(growth('audioSamplesReceived'), { message: `${label}: audio samples decoded`, timeout: 15_000 }).toBeGreaterThan(4800)
  await expect.poll(growth('audioEnergy'), { message: `${label}: audio energy (not silence)`, timeout: 15_000 }).toBeGreaterThan(0)
}

/**
 * The viewer taps "unmute" once the show plays (autoplay starts muted). Chromium reports no audio energy
 * for a muted element's track, so the energy check needs the sound on; the page keeps it on across moves.
 */
async function unmute(page: Page) {
  await page.getByRole('button', { name: 'Tap to unmute' }).click({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Tap to unmute' })).toHaveCount(0)
}

/** Records the viewer page's phase, media node and playback at every change (badge mutations, stats every 100 ms). */
function recordTimeline() {
  type Entry = { at: number; phase: string | null; mediaNode: string | null; playing: boolean }
  type Stats = { framesDecoded?: number; mediaNode?: string | null }
  const scope = window as unknown as { __cascadeTimeline?: Entry[]; __tradecastStats?: Stats }
  const timeline: Entry[] = []
  scope.__cascadeTimeline = timeline
  let last = ''
  const sample = () => {
    const phase = document.querySelector('[role="status"][data-phase]')?.getAttribute('data-phase') ?? null
    const current = scope.__tradecastStats
    const entry = { at: Date.now(), phase, mediaNode: current?.mediaNode ?? null, playing: (current?.framesDecoded ?? 0) > 0 }
    const key = `${entry.phase}|${entry.mediaNode}|${entry.playing}`
    if (key === last) return
    last = key
    timeline.push(entry)
  }
  new MutationObserver(sample).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] })
  setInterval(sample, 100)
}

/** What node `logFile`'s last drain reported (server/realtime/media-nodes/cluster.ts logs 'media node drained'). */
function drainReport(logFile: string): { moved: number; left: number } | null {
  const drainedSchema = z.object({ msg: z.literal('media node drained'), moved: z.number(), left: z.number() })
  const lines = readFileSync(logFile, 'utf8').split('\n').reverse()
  for (const line of lines) {
    if (!line.includes('"media node drained"')) continue
    const { moved, left } = drainedSchema.parse(JSON.parse(line))
    return { moved, left }
  }
  return null
}

const timeline = (page: Page): Promise<TimelineEntry[]> =>
  page.evaluate(() => (window as unknown as { __cascadeTimeline?: TimelineEntry[] }).__cascadeTimeline ?? [])

/** The first entry at or after `since` that matches, polled until `timeoutMs`. */
async function untilTimeline(page: Page, since: number, label: string, matches: (entry: TimelineEntry) => boolean, timeoutMs: number): Promise<TimelineEntry> {
  let found: TimelineEntry | undefined
  await expect
    .poll(
      async () => {
        found = (await timeline(page)).find((entry) => entry.at >= since && matches(entry))
        return found !== undefined
      },
      { message: label, timeout: timeoutMs, intervals: [100] },
    )
    .toBe(true)
  return found!
}

const playingOn = (mediaNode: string) => (entry: TimelineEntry) => entry.phase === 'live' && entry.playing && entry.mediaNode === mediaNode

async function newPage(browser: Browser, node: CascadeNode, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: node.pageUrl, locale: 'en-US', permissions: ['camera', 'microphone'] })
  await context.addInitScript(recordTimeline)
  const page = await context.newPage()
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.page()?.url() ?? '?'})`)
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page }
}

let skipReason: string | null = null
let namespacesUp = false
let databaseUrl = ''
let logDir = ''
const proxies: TcpProxy[] = []
const nodes = {} as Record<NodeName, CascadeNode>

test.beforeAll(async () => {
  test.setTimeout(600_000)
  if (!(await postgresAnswers())) skipReason = `needs PostgreSQL (E2E_POSTGRES_URL or 127.0.0.1:5432)`
  else if (!(await redisAnswers(REDIS_URL))) skipReason = 'needs Redis (TEST_REDIS_URL or 127.0.0.1:6379)'
  else if (!existsSync('build/server/index.js')) skipReason = 'needs the production build (npm run build)'
  if (skipReason) return
  // A clean slate: whatever an interrupted run left under this prefix goes first.
  await netns('down')
  const made = await netns('up')
  if (!made.ok) {
    skipReason = `needs network namespaces (scripts/netns.sh up ${NETNS_PREFIX}): ${made.message}`
    return
  }
  namespacesUp = true

  logDir = path.join(test.info().project.outputDir, 'media-cascade-logs')
  mkdirSync(logDir, { recursive: true })
  console.log(`[media-cascade] node logs: ${logDir}`)
  const adminDatabaseUrl = await createScratchDatabase(DB_NAME)
  // PostgreSQL and Redis listen on the root namespace's loopback, out of the namespaces' reach: each gets
  // a proxy on the bridge address, which every namespace reaches.
  const postgres = new URL(POSTGRES_ADMIN_URL)
  const redis = new URL(REDIS_URL)
  const postgresProxy = await TcpProxy.start({ host: postgres.hostname, port: Number(postgres.port || 5432) }, { host: BRIDGE_ADDRESS })
  const redisProxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) }, { host: BRIDGE_ADDRESS })
  proxies.push(postgresProxy, redisProxy)
  databaseUrl = postgresProxy.rewrite(adminDatabaseUrl)

  const names: NodeName[] = ['a', 'b', 'c']
  for (const [index, name] of names.entries()) {
    const port = PORT_BASE + index
    // Chromium's way in: the node's pages on http://localhost:<port>, the node's own port in its namespace.
    proxies.push(await TcpProxy.start({ host: NODE_ADDRESS[name], port }, { host: '127.0.0.1', port }))
    const logFile = path.join(logDir, `node-${name}.log`)
    writeFileSync(logFile, '')
    nodes[name] = new CascadeNode(
      name,
      port,
      {
        HOST: '0.0.0.0',
        REDIS_URL: redisProxy.rewrite(REDIS_URL),
        REDIS_CHANNEL,
        MEDIA_NODE_ID: `node-${name}`,
        MEDIA_NODE_MAX_VIEWERS: String(name === 'a' ? 0 : EDGE_MAX_VIEWERS),
        RTC_LISTEN_IP: NODE_ADDRESS[name],
        MEDIA_PIPE_IP: NODE_ADDRESS[name],
        MEDIASOUP_WORKERS: '1',
        // Sessions and sealed secrets opened by any node (startOwnServer gives every node one SESSION_SECRET).
        SECRETS_ENCRYPTION_KEY: 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
        LOGIN_ATTEMPTS_PER_IP: '1000',
        // Three ffmpeg encodes of one show would crowd a 2-core machine; the cascade does not need them.
        RECORDING_ENABLED: 'false',
        LOG_LEVEL: 'info',
      },
      logFile,
    )
  }
  // One after the other: A applies the migrations and seeds, B and C find both done.
  for (const name of names) await nodes[name].start(databaseUrl)
})

test.afterEach(async () => {
  for (const node of Object.values(nodes)) {
    if (existsSync(node.logFile)) await test.info().attach(`${node.id}.log`, { path: node.logFile, contentType: 'text/plain' })
  }
})

test.afterAll(async () => {
  test.setTimeout(120_000)
  // Each teardown step on its own: a failed one must not leave the namespaces behind.
  for (const node of Object.values(nodes)) {
    if (node.running) await node.stop('SIGTERM', 15_000).catch((error: unknown) => console.error(`stopping ${node.id}:`, error))
  }
  for (const proxy of proxies.splice(0)) await proxy.close().catch(() => undefined)
  if (namespacesUp) {
    const removed = await netns('down')
    if (!removed.ok) console.error(`scripts/netns.sh down ${NETNS_PREFIX}: ${removed.message}`)
  }
  if (databaseUrl) await dropScratchDatabase(DB_NAME).catch((error: unknown) => console.error('dropping the scratch database:', error))
})

test('a showcase cascades from origin A to edges B and C in three network namespaces; viewers move when C dies and when B drains', async ({ browser }) => {
  test.skip(skipReason !== null, skipReason ?? '')
  test.setTimeout(420_000)
  const { a, b, c } = nodes
  const errors: string[] = []
  const report = (line: string) => {
    console.log(`[media-cascade] ${line}`)
    test.info().annotations.push({ type: 'media-cascade', description: line })
  }

  const host = await newPage(browser, a, errors)
  const viewer1 = await newPage(browser, b, errors)
  const viewer2 = await newPage(browser, a, errors)
  let sessionId = ''

  await test.step('the host broadcasts from A; viewer 1 (page on B) plays from B, viewer 2 (page on A) from C, video and audio', async () => {
    await signIn(host.page, 'exporter@tradecast.dev')
    sessionId = await scheduleShowcase(host.page, `Cascade showcase ${Date.now()}`)
    await expect(host.page.getByTestId('chat-connection')).toHaveText('Connected')
    await expect(host.page.getByRole('button', { name: 'Go live' })).toBeEnabled()
    await host.page.getByRole('button', { name: 'Go live' }).click()
    await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'live')

    await signIn(viewer1.page, 'buyer@tradecast.dev')
    await viewer1.page.goto(`/live/${sessionId}`)
    await unmute(viewer1.page)
    // B and C are equally idle: the tie goes to the node the socket is on.
    await expectPlaying(viewer1.page, 'viewer 1', 'node-b')

    // Viewer 2 arrives once A knows B's load (viewer 1's audio + video consumers).
    await untilRegistered('node-b', { consumers: 2 })
    await viewer2.page.goto(`/live/${sessionId}`)
    await unmute(viewer2.page)
    await expectPlaying(viewer2.page, 'viewer 2', 'node-c')
  })

  await test.step('chat and pins across the nodes', async () => {
    await sendChat(viewer1.page, 'Hello from a viewer on node B')
    await expect(chatMessages(host.page).filter({ hasText: 'Hello from a viewer on node B' })).toBeVisible()
    await expect(chatMessages(viewer2.page).filter({ hasText: 'Hello from a viewer on node B' })).toBeVisible()
    const pin = host.page.getByRole('checkbox', { name: PRODUCT })
    await pin.click()
    await expect(pin).toBeChecked()
    for (const viewer of [viewer1, viewer2]) await expect(viewer.page.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
  })

  await test.step('C is killed: viewer 2 shows reconnecting, then plays from B', async () => {
    const killed = await c.stop('SIGKILL')
    expect(killed.signal).toBe('SIGKILL')
    const reset = await untilTimeline(
      viewer2.page,
      killed.sentAt,
      'viewer 2 reconnecting after C died',
      (entry) => entry.phase === 'reconnecting',
      MOVE_TIMEOUT_MS,
    )
    const playing = await untilTimeline(viewer2.page, reset.at, 'viewer 2 playing from node-b', playingOn('node-b'), MOVE_TIMEOUT_MS)
    report(`SIGKILL node-c: viewer 2 reconnecting after ${reset.at - killed.sentAt} ms, playing from node-b after ${playing.at - killed.sentAt} ms`)
    await expectPlaying(viewer2.page, 'viewer 2 after C died', 'node-b')
    // Viewer 1 was on B all along and never stopped.
    await expectPlaying(viewer1.page, 'viewer 1 after C died', 'node-b')
  })

  await test.step('C comes back; viewer 1 leaves; B drains (SIGTERM): viewer 2 plays from C before B exits', async () => {
    await c.start(databaseUrl)
    await untilRegistered('node-c')
    await viewer1.context.close()
    await expect
      .poll(async () => (await registeredNode('node-b'))?.consumers, { message: 'node-b holds only viewer 2 (audio + video)', timeout: 15_000 })
      .toBe(2)
    const stopping = b.stop('SIGTERM', 30_000)
    const sentAt = Date.now()
    const reset = await untilTimeline(viewer2.page, sentAt, 'viewer 2 reconnecting as B drains', (entry) => entry.phase === 'reconnecting', MOVE_TIMEOUT_MS)
    const playing = await untilTimeline(viewer2.page, reset.at, 'viewer 2 playing from node-c', playingOn('node-c'), MOVE_TIMEOUT_MS)
    const exit = await stopping
    report(
      `SIGTERM node-b: viewer 2 reconnecting after ${reset.at - sentAt} ms, playing from node-c after ${playing.at - sentAt} ms, ` +
        `node-b exited (code ${exit.code}) after ${exit.exitedAt - sentAt} ms`,
    )
    expect(exit, 'B shuts down by itself once drained').toMatchObject({ code: 0, signal: null, forced: false })
    // B exits once the other nodes count viewer 2 (it joined C), not after its first frame there: the page
    // publishes playback once a second, so "playing" above is seen up to a second late, on either side of
    // B's exit. What B itself waited for is in its log.
    expect(drainReport(b.logFile), 'B moved viewer 2 to another node before exiting').toEqual({ moved: 1, left: 0 })
    await expectPlaying(viewer2.page, 'viewer 2 after B drained', 'node-c')
  })

  await test.step('the host ends the show; viewer 2 sees it end', async () => {
    host.page.once('dialog', (dialog) => void dialog.accept())
    await host.page.getByRole('button', { name: 'End showcase' }).click()
    await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'ended')
    await expect(viewer2.page.getByText('This showcase has ended. Thank you for watching!')).toBeVisible()
  })

  for (const { context } of [host, viewer2]) await context.close()
  expect(errors, 'console errors').toEqual([])
})
