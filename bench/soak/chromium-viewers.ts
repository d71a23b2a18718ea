import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { bundleSfuPage, launchBenchChromium, sleep } from '../harness.ts'
import { LightSocketIoClient } from '../light-client.ts'

/** WebRTC viewers of a live showcase, whatever generates them: how many there are and how many receive media now. */
export type ViewerFleet = {
  readonly description: string
  readonly count: number
  /** Viewers whose received RTP bytes grew since the previous call (call it every few seconds). */
  receiving: () => Promise<number>
  /** Joins again after a `media:reset` (a worker died) that succeeded, and failures by code. */
  readonly rejoins: number
  readonly errors: Record<string, number>
  close: () => Promise<void>
}

type Ack = { ok: boolean; error?: { code: string; message: string } } & Record<string, unknown>

/**
 * Real WebRTC viewers in headless Chromium (until bench/webrtc-load lands): `perPage` viewers per
 * page, each with its own mediasoup-client Device and receive transport (ICE, DTLS, SRTP), and its
 * own `/media` connection made here with its own guest cookie and network (X-Forwarded-For; the
 * server trusts one proxy hop), because the server allows 5 media connections per person and 100 per
 * network. The page does the media; this process relays the signalling and follows `media:reset`
 * (a worker died) by joining again a second later, as the app's viewer does.
 */
export async function startChromiumViewers(options: {
  baseUrls: string[]
  sessionId: string
  count: number
  perPage: number
  mintCookie: () => string
  forwardedFor: (index: number) => string
}): Promise<ViewerFleet> {
  const browser: Browser = await launchBenchChromium()
  const script = await bundleSfuPage(fileURLToPath(new URL('./viewer-page.ts', import.meta.url)))
  const sockets: LightSocketIoClient[] = []
  const pages: Page[] = []
  const errors = new Map<string, number>()
  const lastBytes = new Map<number, number>()
  let rejoins = 0
  let closing = false
  const countError = (code: string) => errors.set(code, (errors.get(code) ?? 0) + 1)

  for (let first = 0; first < options.count; first += options.perPage) {
    const page = await browser.newPage()
    page.on('pageerror', (error) => countError(`page: ${error.message.slice(0, 60)}`))
    await page.exposeFunction('soakSignal', async (viewer: number, event: string, payload: unknown) => {
      const socket = sockets[viewer]
      if (!socket) throw new Error('no socket')
      const ack = (await socket.emitWithAck(event, payload, 15_000)) as Ack
      if (!ack.ok) throw new Error(`${event}: ${ack.error?.code ?? '?'}`)
      return ack
    })
    await page.setContent('<!doctype html><meta charset="utf-8"><title>soak viewers</title>')
    await page.addScriptTag({ content: script })
    pages.push(page)
  }

  const join = async (viewer: number): Promise<boolean> => {
    const page = pages[Math.floor(viewer / options.perPage)]!
    for (let attempt = 0; attempt < 20 && !closing; attempt++) {
      try {
        await page.evaluate(([v, sessionId]) => (window as unknown as { soakJoin: (v: number, s: string) => Promise<number> }).soakJoin(v, sessionId), [
          viewer,
          options.sessionId,
        ] as const)
        return true
      } catch (error) {
        const code = /media:[\w-]+: [\w-]+/.exec((error as Error).message)?.[0] ?? (error as Error).message.slice(0, 80)
        // A room restarting after a worker died answers `restarting`: try again a second later.
        if (!code.endsWith('restarting')) countError(code)
        await sleep(1000)
      }
    }
    return false
  }

  for (let first = 0; first < options.count; first += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, options.count - first) }, async (_, offset) => {
        const viewer = first + offset
        const socket = new LightSocketIoClient(options.baseUrls[viewer % options.baseUrls.length]!, '/media', {
          Cookie: options.mintCookie(),
          'X-Forwarded-For': options.forwardedFor(viewer),
        })
        sockets[viewer] = socket
        await socket.connected
        socket.onClose(() => !closing && countError('media socket closed'))
        socket.on('media:reset', () => {
          void sleep(1000)
            .then(() => join(viewer))
            .then((ok) => {
              if (ok) rejoins += 1
            })
        })
        socket.on('media:producer-added', (payload) => {
          const page = pages[Math.floor(viewer / options.perPage)]!
          void page
            .evaluate(([v, producerId]) => (window as unknown as { soakConsume: (v: number, p: string) => Promise<void> }).soakConsume(v, producerId), [
              viewer,
              (payload as { producerId: string }).producerId,
            ] as const)
            .catch((error: unknown) => countError(`consume: ${(error as Error).message.slice(0, 60)}`))
        })
        await join(viewer)
      }),
    )
  }

  return {
    description: `headless Chromium, ${pages.length} page(s) of up to ${options.perPage} viewers`,
    count: options.count,
    get rejoins() {
      return rejoins
    },
    get errors() {
      return Object.fromEntries(errors)
    },
    async receiving() {
      let growing = 0
      for (const page of pages) {
        const bytes = await page.evaluate(() => (window as unknown as { soakBytes: () => Promise<Record<number, number>> }).soakBytes())
        for (const [viewer, value] of Object.entries(bytes)) {
          // A viewer that joined again has a new transport, counting from 0.
          if (value > 0 && value !== lastBytes.get(Number(viewer))) growing += 1
          lastBytes.set(Number(viewer), value)
        }
      }
      return growing
    },
    async close() {
      closing = true
      for (const socket of sockets) socket.close()
      await browser.close()
    },
  }
}
