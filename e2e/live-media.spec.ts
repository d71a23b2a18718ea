import type { Browser, BrowserContext, Page } from '@playwright/test'
import { io } from 'socket.io-client'
import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'

// The host publishes Chromium's fake camera + microphone; two viewers (the seeded buyer and a guest)
// watch through mediasoup on 127.0.0.1. Needs MEDIASOUP_WORKER_BIN (tools/mediasoup-worker/build.sh).
test.use(FAKE_MEDIA_BROWSER)

type Stats = { framesDecoded: number; frameWidth: number; frameHeight: number; audioPacketsReceived: number; source: string | null; videoCodec: string | null }

async function stats(page: Page): Promise<Stats> {
  return page.evaluate(
    () =>
      (window as unknown as { __tradecastStats?: Stats }).__tradecastStats ?? {
        framesDecoded: 0,
        frameWidth: 0,
        frameHeight: 0,
        audioPacketsReceived: 0,
        source: null,
        videoCodec: null,
      },
  )
}

/** Video frames are decoded and keep coming, and audio packets arrive. */
async function expectPlaying(page: Page, label: string) {
  await expect.poll(async () => (await stats(page)).framesDecoded, { message: `${label}: frames decoded`, timeout: 20_000 }).toBeGreaterThan(0)
  const before = (await stats(page)).framesDecoded
  await expect.poll(async () => (await stats(page)).framesDecoded, { message: `${label}: frames keep coming`, timeout: 10_000 }).toBeGreaterThan(before + 5)
  await expect.poll(async () => (await stats(page)).audioPacketsReceived, { message: `${label}: audio packets`, timeout: 10_000 }).toBeGreaterThan(0)
}

async function newPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page }
}

test('a host goes live; a buyer and a guest watch, follow screen share, survive a worker crash, and see the end', async ({ page: host, browser }) => {
  test.setTimeout(150_000)
  const viewerErrors: string[] = []

  // The exporter schedules a showcase and lands in its studio.
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E live ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 2, hour: 10 })
  await expect(host.getByRole('heading', { name: title })).toBeVisible()

  // Viewers arrive before the host starts: "waiting for the host".
  const buyer = await newPage(browser, viewerErrors)
  await signIn(buyer.page, 'buyer@tradecast.dev')
  await expect(buyer.page).toHaveURL(/\/buyer$/)
  await buyer.page.goto(`/live/${sessionId}`)
  await expect(buyer.page.getByRole('status').filter({ hasText: 'Waiting for the host' })).toBeVisible()
  const guest = await newPage(browser, viewerErrors)
  await guest.page.goto(`/live/${sessionId}`)
  await expect(guest.page.getByRole('status').filter({ hasText: 'Waiting for the host' })).toBeVisible()

  await test.step('go live: both viewers play video and audio', async () => {
    await expect(host.getByRole('button', { name: 'Go live' })).toBeEnabled()
    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    await expectPlaying(buyer.page, 'buyer')
    await expectPlaying(guest.page, 'guest')
    // The router also takes H.264 (for encoders), after VP8: a browser studio still sends VP8.
    expect((await stats(buyer.page)).videoCodec).toBe('video/VP8')
    await expect(buyer.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    // Autoplay starts muted; one tap turns the sound on.
    await buyer.page.getByRole('button', { name: 'Tap to unmute' }).click()
    await expect(buyer.page.getByRole('button', { name: 'Tap to unmute' })).toHaveCount(0)
    expect(await buyer.page.locator('video').evaluate((video: HTMLVideoElement) => video.muted)).toBe(false)
    await expect(host.getByTestId('viewer-count')).toHaveText('2 viewers')
  })

  await test.step('the viewer can force a lower quality', async () => {
    await guest.page.getByLabel('Quality').selectOption('low')
    await expect.poll(async () => (await stats(guest.page)).frameWidth, { timeout: 15_000 }).toBeLessThanOrEqual(320)
    await guest.page.getByLabel('Quality').selectOption('auto')
  })

  await test.step('screen share: viewers follow', async () => {
    const cameraWidth = (await stats(buyer.page)).frameWidth
    await host.getByRole('button', { name: 'Share screen' }).click()
    await expect(host.getByRole('button', { name: 'Stop sharing' })).toBeVisible()
    await expect(buyer.page.getByText('The host is sharing their screen')).toBeVisible()
    await expect.poll(async () => (await stats(buyer.page)).source).toBe('screen')
    await expect.poll(async () => (await stats(buyer.page)).frameWidth, { timeout: 15_000 }).not.toBe(cameraWidth)
    const framesOnScreen = (await stats(buyer.page)).framesDecoded
    await expect.poll(async () => (await stats(buyer.page)).framesDecoded, { timeout: 10_000 }).toBeGreaterThan(framesOnScreen + 3)
    await host.getByRole('button', { name: 'Stop sharing' }).click()
    await expect.poll(async () => (await stats(buyer.page)).source).toBe('camera')
  })

  await test.step('a crashed worker is replaced and viewers play again', async () => {
    // Read before the kill: the stats may reset before this line would otherwise run.
    const before = (await stats(guest.page)).framesDecoded
    const cookies = (await guest.context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
    const baseURL = new URL(host.url()).origin
    const socket = io(`${baseURL}/media`, { extraHeaders: { cookie: cookies }, transports: ['websocket'] })
    const answer = await new Promise<{ ok: boolean; pid?: number | null }>((resolve) => socket.emit('test:kill-worker' as never, { sessionId }, resolve))
    socket.close()
    expect(answer.ok).toBe(true)
    expect(answer.pid).toBeGreaterThan(0)
    // New consumers start counting from zero; playback resumes without any click from the host.
    await expect.poll(async () => (await stats(guest.page)).framesDecoded, { timeout: 30_000 }).toBeLessThan(before)
    await expectPlaying(guest.page, 'guest after crash')
    await expectPlaying(buyer.page, 'buyer after crash')
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
  })

  await test.step('the host ends: viewers see "ended" and the figures are recorded', async () => {
    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByRole('button', { name: 'End showcase' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Ended' })).toBeVisible()
    await expect(buyer.page.getByText('This showcase has ended. Thank you for watching!')).toBeVisible()
    await expect(guest.page.getByText('This showcase has ended. Thank you for watching!')).toBeVisible()
    // The chat closes for the viewers in the room at once (before the replay replaces the page).
    await expect(buyer.page.getByRole('status').filter({ hasText: 'The chat is closed.' })).toBeVisible()
    await expect(buyer.page.getByLabel('Chat message')).toBeDisabled()
    await expect(buyer.page.getByLabel('Chat message')).toHaveAccessibleDescription(/The chat is closed\./)
    await host.goto('/exporter/sessions')
    const row = host.getByRole('listitem').filter({ hasText: title })
    // Two distinct viewers, both watching at once; the reconnect after the crash does not count twice.
    await expect(row).toContainText('2 viewers · peak 2')
  })

  await buyer.context.close()
  await guest.context.close()
  expect(viewerErrors, 'viewer console errors').toEqual([])
})

test('a buyer cannot open a studio (403)', async ({ page }) => {
  await signIn(page, 'buyer@tradecast.dev')
  await expect(page).toHaveURL(/\/buyer$/)
  const response = await page.request.get('/studio/any-session')
  expect(response.status()).toBe(403)
})
