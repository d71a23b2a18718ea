import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { startStripeMock, type StripeMock } from '../tests/mocks/stripe-server'
import { expect, signIn, test } from './fixtures'
import { chatMessages, FAKE_MEDIA_BROWSER, scheduleShowcase, sendChat } from './live-helpers'
import { createScratchDatabase, dropScratchDatabase, postgresAnswers } from './own-server'
import { RestartableServer } from './restartable-server'

// A full server restart in the middle of a live showcase, on the embedded PGlite and on PostgreSQL.
// SIGTERM: the host (broadcasting again without a click) and two viewers (a buyer and a guest) come back by
// themselves, video plays again, the chat is complete without duplicates, the pins hold, and the viewer
// figures count two people. SIGKILL: what was acknowledged before the kill (chat messages, an RFQ, a paid
// sample order, an accepted meeting) is there afterwards. Each variant runs its own production server
// (own port, fresh database, own Stripe fake posting its webhooks to it). Needs the mediasoup worker.
test.use(FAKE_MEDIA_BROWSER)

const PORT_BASE = Number(process.env.E2E_RESTART_PORT ?? 3120)
const PRODUCT = 'Makguksu Cold Noodle Meal Kit'
const EXPORTER_SLUG = 'soyang-buckwheat-foods'
const WEBHOOK_SECRET = 'whsec_e2e_restart_local_only'
// What Chromium logs while the server is down (the sockets retry, a send races the closing socket); only
// then, and nothing else, may reach the console.
const OUTAGE_NOISE =
  /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|WebSocket connection to .* failed|WebSocket is already in CLOSING or CLOSED state/

type Stats = { framesDecoded: number; audioPacketsReceived: number }

const stats = (page: Page): Promise<Stats> =>
  page.evaluate(() => (window as unknown as { __tradecastStats?: Stats }).__tradecastStats ?? { framesDecoded: 0, audioPacketsReceived: 0 })

/**
 * Video frames are decoded and keep coming, and audio packets arrive. Counted as growth between samples:
 * a consumer replaced meanwhile (the studio publishing again after a slow answer on a busy machine)
 * starts again from zero, which is recovery, not a stall.
 */
async function expectPlaying(page: Page, label: string) {
  await expect(page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'live', { timeout: 30_000 })
  let last: number | null = null
  let grown = 0
  await expect
    .poll(
      async () => {
        const frames = (await stats(page)).framesDecoded
        if (last !== null && frames > last) grown += frames - last
        last = frames
        return grown
      },
      { message: `${label}: frames decoded and coming`, timeout: 30_000 },
    )
    .toBeGreaterThan(10)
  await expect.poll(async () => (await stats(page)).audioPacketsReceived, { message: `${label}: audio packets`, timeout: 10_000 }).toBeGreaterThan(0)
}

/** Every message of `texts` shown exactly once, nothing else, and no message id twice. */
async function expectChatExactly(page: Page, texts: string[], label: string) {
  await expect(chatMessages(page), `${label}: number of chat messages`).toHaveCount(texts.length, { timeout: 20_000 })
  for (const text of texts) await expect(chatMessages(page).filter({ hasText: text }), `${label}: "${text}" once`).toHaveCount(1)
  const ids = await chatMessages(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-message-id')))
  expect(new Set(ids).size, `${label}: distinct message ids`).toBe(texts.length)
}

/** Console errors of every page of the context; `duringOutage` says whether the server is down (or coming back) now. */
async function newPage(browser: Browser, baseURL: string, errors: string[], duringOutage: () => boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', permissions: ['camera', 'microphone'] })
  const page = await context.newPage()
  context.on('console', (message) => {
    if (message.type() !== 'error' || (duringOutage() && OUTAGE_NOISE.test(message.text()))) return
    errors.push(`${message.text()} (${message.page()?.url() ?? '?'})`)
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page }
}

const VARIANTS = [
  { name: 'PGlite', database: 'pglite', port: PORT_BASE },
  { name: 'PostgreSQL', database: 'postgres', port: PORT_BASE + 1 },
] as const

for (const variant of VARIANTS) {
  test.describe(`restart mid-show on ${variant.name}`, () => {
    let server: RestartableServer | null = null
    let stripe: StripeMock | null = null
    let scratch: string | null = null
    let skipReason: string | null = null
    const dbName = `tradecast_e2e_restart_${process.pid}`

    test.beforeAll(async () => {
      test.setTimeout(240_000)
      scratch = await mkdtemp(path.join(tmpdir(), `tradecast-restart-${variant.database}-`))
      const env: Record<string, string | undefined> = { ...process.env }
      // The default deployment: no Redis, and the database this variant names.
      delete env.REDIS_URL
      delete env.DATABASE_URL
      if (variant.database === 'postgres') {
        if (!(await postgresAnswers())) {
          skipReason = 'needs PostgreSQL (E2E_POSTGRES_URL or 127.0.0.1:5432)'
          return
        }
        env.DATABASE_URL = await createScratchDatabase(dbName)
      } else {
        env.PGLITE_DATA_DIR = path.join(scratch, 'pglite')
      }
      const base = `http://localhost:${variant.port}`
      stripe = await startStripeMock({ port: variant.port + 100, webhookUrl: `${base}/webhooks/stripe`, webhookSecret: WEBHOOK_SECRET })
      server = new RestartableServer({
        port: variant.port,
        env: {
          ...env,
          NODE_ENV: 'production',
          APP_URL: base,
          // Same secrets at every start: sessions and guest cookies stay valid across the restart.
          SESSION_SECRET: 'e2e-restart-session-secret-0123456789abcdef',
          SECRETS_ENCRYPTION_KEY: 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
          SEED_DEMO_DATA: 'true',
          LOG_LEVEL: 'warn',
          LOGIN_ATTEMPTS_PER_IP: '1000',
          STRIPE_SECRET_KEY: 'sk_test_e2e_restart',
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          STRIPE_API_BASE: stripe.url,
          RTC_LISTEN_IP: '127.0.0.1',
          RTC_MIN_PORT: String(43000 + (variant.port % 10) * 100),
          RTC_MAX_PORT: String(43099 + (variant.port % 10) * 100),
          MEDIASOUP_WORKERS: '1',
          RECORDINGS_DIR: path.join(scratch, 'recordings'),
          RTMP_INGEST_PORT: undefined,
        },
      })
      await server.start()
    })

    test.afterAll(async () => {
      await server?.dispose()
      await stripe?.close()
      if (variant.database === 'postgres' && !skipReason) await dropScratchDatabase(dbName)
      // A recorder ffmpeg orphaned by the SIGKILL may still close its last segment here for a moment.
      if (scratch) await rm(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 })
    })

    test(`SIGTERM and SIGKILL mid-show: everyone comes back, nothing acknowledged is lost (${variant.name})`, async ({ browser }) => {
      test.skip(skipReason !== null, skipReason ?? '')
      test.setTimeout(360_000)
      const live = server!
      const errors: string[] = []
      let outage = false
      const duringOutage = () => outage
      const host = await newPage(browser, live.baseUrl, errors, duringOutage)
      const buyer = await newPage(browser, live.baseUrl, errors, duringOutage)
      const guest = await newPage(browser, live.baseUrl, errors, duringOutage)
      const everyone = [
        { label: 'host', page: host.page },
        { label: 'buyer', page: buyer.page },
        { label: 'guest', page: guest.page },
      ]
      const viewers = everyone.slice(1)
      const said: string[] = []
      const say = async (page: Page, text: string) => {
        await sendChat(page, text)
        said.push(text)
      }
      const title = `Restart showcase ${variant.name} ${Date.now()}`

      /** The server is down: every page says it is reconnecting. */
      const expectReconnecting = async () => {
        await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'reconnecting')
        await expect(host.page.getByText('Connection lost. Reconnecting…')).toBeVisible()
        for (const { page } of viewers) {
          await expect(page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'reconnecting')
          await expect(page.locator('[role="status"][data-phase]')).toHaveText('Reconnecting…')
        }
        for (const { page } of everyone) await expect(page.getByTestId('chat-connection')).toHaveText('Reconnecting…')
      }

      /** Back up: the host broadcasts again by itself, both viewers play again, the audience is two. */
      const expectBackLive = async () => {
        for (const { page } of everyone) await expect(page.getByTestId('chat-connection')).toHaveText('Connected', { timeout: 30_000 })
        // The studio was broadcasting: it broadcasts again by itself, no "Resume broadcast" click.
        await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'live', { timeout: 30_000 })
        await expect(host.page.getByRole('button', { name: 'Resume broadcast' })).toHaveCount(0)
        for (const { page, label } of viewers) await expectPlaying(page, `${label} after the restart`)
        await expect(host.page.getByTestId('viewer-count')).toHaveText('2 viewers')
        for (const { page } of viewers) await expect(page.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
      }

      /** Stops the server with `signal`, checks every page notices, starts it again and waits until the show is back. */
      let outageMs = 0
      const restart = async (signal: 'SIGTERM' | 'SIGKILL') => {
        const stopped = Date.now()
        outage = true
        const exit = await live.stop(signal)
        if (signal === 'SIGTERM') expect(exit, 'the server shuts down by itself, in time').toMatchObject({ code: 0, signal: null })
        else expect(exit.signal).toBe('SIGKILL')
        await expectReconnecting()
        const starting = Date.now()
        await live.start()
        const booted = Date.now()
        await expectBackLive()
        outage = false
        outageMs += Date.now() - stopped
        // Figures of this machine for the report (shown with the test's annotations).
        test.info().annotations.push({
          type: `${signal} (${variant.name})`,
          description: `exit ${exit.ms} ms · boot ${booted - starting} ms · viewers playing again ${Date.now() - booted} ms after boot`,
        })
      }
      let liveSince = 0

      await test.step('a live showcase: host, a signed-in buyer and a guest, chatting, a product pinned', async () => {
        await signIn(host.page, 'exporter@tradecast.dev')
        const sessionId = await scheduleShowcase(host.page, title)
        await expect(host.page.getByTestId('chat-connection')).toHaveText('Connected')
        await signIn(buyer.page, 'buyer@tradecast.dev')
        await buyer.page.goto(`/live/${sessionId}`)
        await guest.page.goto(`/live/${sessionId}`)
        await guest.page.getByLabel('Your name (shown in the chat)').fill('Guest Restart')
        await guest.page.getByRole('button', { name: 'Join the chat' }).click()
        await expect(guest.page.getByLabel('Chat message')).toBeEnabled()

        await expect(host.page.getByRole('button', { name: 'Go live' })).toBeEnabled()
        await host.page.getByRole('button', { name: 'Go live' }).click()
        liveSince = Date.now()
        await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'live')
        for (const { page, label } of viewers) await expectPlaying(page, label)
        await expect(host.page.getByTestId('viewer-count')).toHaveText('2 viewers')

        const pin = host.page.getByRole('checkbox', { name: PRODUCT })
        await pin.click()
        await expect(pin).toBeChecked()
        for (const { page } of viewers) await expect(page.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()

        await say(buyer.page, 'Before SIGTERM: buyer asks about MOQ')
        await say(guest.page, 'Before SIGTERM: guest says hello')
        await say(host.page, 'Before SIGTERM: host answers 200 cartons')
        for (const { page, label } of everyone) await expectChatExactly(page, said, label)
      })

      await test.step('SIGTERM: a clean shutdown; everyone reconnects, the chat is whole, the show goes on', async () => {
        await restart('SIGTERM')
        for (const { page, label } of everyone) await expectChatExactly(page, said, `${label} after SIGTERM`)
        await say(buyer.page, 'After SIGTERM: buyer is back')
        for (const { page, label } of everyone) await expectChatExactly(page, said, `${label} after SIGTERM, new message`)
      })

      // Acknowledged before the kill: each is confirmed on screen (the server answered) before SIGKILL.
      const buyerDesk = await buyer.context.newPage()
      const exporterDesk = await host.context.newPage()
      const rfqNote = `Restart RFQ ${variant.name} ${Date.now()}: 3 pallets to Hamburg`
      let inquiryPath = ''
      let orderPath = ''
      let meetingPath = ''

      await test.step('acknowledged work: an RFQ, a paid sample order, an accepted meeting, chat messages', async () => {
        await buyerDesk.goto(`/exporters/${EXPORTER_SLUG}`)
        await buyerDesk.getByRole('link', { name: PRODUCT }).first().click()
        await expect(buyerDesk.getByRole('heading', { level: 1, name: PRODUCT })).toBeVisible()
        await buyerDesk.getByLabel('Quantity').fill('300')
        await buyerDesk.getByLabel('Message to the exporter').fill(rfqNote)
        await buyerDesk.getByRole('button', { name: 'Send request' }).click()
        await expect(buyerDesk).toHaveURL(/\/inquiries\/[\w-]+$/)
        await expect(buyerDesk.getByRole('status')).toHaveText('Your request was sent to the exporter.')
        inquiryPath = new URL(buyerDesk.url()).pathname

        await buyerDesk.goBack()
        await expect(buyerDesk.getByRole('heading', { level: 1, name: PRODUCT })).toBeVisible()
        const samples = buyerDesk.getByRole('region', { name: 'Buy samples' })
        await samples.getByLabel('Number of samples').fill('2')
        await samples.getByLabel('Ship to').selectOption('DE')
        await samples.getByRole('button', { name: 'Buy samples' }).click()
        await buyerDesk.getByRole('button', { name: 'Pay $70.00' }).click()
        await expect(buyerDesk).toHaveURL(/\/orders\/[^/?]+\?checkout=success$/)
        await expect(buyerDesk.getByTestId('order-status')).toHaveText('Paid')
        orderPath = new URL(buyerDesk.url()).pathname

        // New York and Seoul office hours never overlap: the buyer opens an evening window first.
        await buyerDesk.goto('/buyer/profile')
        await buyerDesk.getByLabel('Business hours from').fill('18:00')
        await buyerDesk.getByLabel('Business hours until').fill('23:00')
        await buyerDesk.getByRole('button', { name: 'Save', exact: true }).click()
        await expect(buyerDesk.getByRole('status')).toHaveText('Your buyer profile is saved.')
        await buyerDesk.goto(`/meetings/new?company=${EXPORTER_SLUG}`)
        await buyerDesk.getByRole('radio').first().check()
        await buyerDesk.getByRole('button', { name: 'Send meeting request' }).click()
        await expect(buyerDesk).toHaveURL(/\/meetings\/[\w-]+$/)
        meetingPath = new URL(buyerDesk.url()).pathname
        await exporterDesk.goto(meetingPath)
        await exporterDesk.getByRole('button', { name: 'Accept' }).click()
        await expect(exporterDesk.getByRole('status')).toHaveText('Meeting accepted.')

        await say(buyer.page, 'Before SIGKILL: buyer confirms the order')
        await say(guest.page, 'Before SIGKILL: guest asks for a catalogue')
        await say(host.page, 'Before SIGKILL: host thanks everyone')
      })

      await test.step('SIGKILL: no shutdown at all; everything acknowledged is there after the restart', async () => {
        await restart('SIGKILL')
        for (const { page, label } of everyone) await expectChatExactly(page, said, `${label} after SIGKILL`)

        await buyerDesk.goto(inquiryPath)
        await expect(buyerDesk.getByText(rfqNote)).toBeVisible()
        await exporterDesk.goto(inquiryPath)
        await expect(exporterDesk.getByText(rfqNote)).toBeVisible()
        await buyerDesk.goto(orderPath)
        await expect(buyerDesk.getByTestId('order-status')).toHaveText('Paid')
        await exporterDesk.goto(meetingPath)
        await expect(exporterDesk.getByRole('link', { name: 'Open meeting room' })).toBeVisible()
        await expect(exporterDesk.getByRole('button', { name: 'Accept' })).toHaveCount(0)
      })

      await test.step('the host ends: two viewers, peak two, across both restarts', async () => {
        host.page.once('dialog', (dialog) => void dialog.accept())
        await host.page.getByRole('button', { name: 'End showcase' }).click()
        const liveMs = Date.now() - liveSince
        await expect(host.page.locator('[role="status"][data-phase]')).toHaveAttribute('data-phase', 'ended')
        for (const { page } of viewers) await expect(page.getByText('This showcase has ended. Thank you for watching!')).toBeVisible()
        await host.page.goto('/exporter/sessions')
        const row = host.page.getByRole('listitem').filter({ hasText: title })
        await expect(row).toContainText('2 viewers · peak 2')
        // Watch time: both viewers for the whole show except the outages (a crash loses at most one 5 s
        // heartbeat per viewer; joins take a moment), never more than two viewers' worth of the show.
        const minutes = Number(/peak 2 · (\d+) min watched/.exec((await row.textContent()) ?? '')?.[1])
        expect(minutes).toBeGreaterThanOrEqual(Math.round((2 * (liveMs - outageMs - 15_000)) / 60_000))
        expect(minutes).toBeLessThanOrEqual(Math.round((2 * liveMs) / 60_000))
      })

      for (const { context } of [host, buyer, guest]) await context.close()
      expect(errors, 'console errors').toEqual([])
    })
  })
}
