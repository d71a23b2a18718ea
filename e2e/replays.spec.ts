import type { Page } from '@playwright/test'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase, sendChat } from './live-helpers'

// A showcase recorded on the server becomes a shoppable replay: the host (Chromium's fake camera, then a
// screen share) goes live, pins two products and ends; the replay plays in the buyer's browser with two
// chapters where the pins were, the chat replayed in order; the host cuts a clip that plays; unpublished,
// the replay is gone for the buyer. Needs ffmpeg and the mediasoup worker (the scripts install both).
test.use(FAKE_MEDIA_BROWSER)

const FIRST = 'Makguksu Cold Noodle Meal Kit'
const SECOND = 'Gangwon Highland Potato Chips'
// The chips come in three flavours, each a product of its own.
const SECOND_PIN = `${SECOND} — Sea salt`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function playerFigures(page: Page) {
  const player = page.getByTestId('replay-player')
  return {
    frames: Number(await player.getAttribute('data-frames-decoded')),
    timeMs: Number(await player.getAttribute('data-current-time-ms')),
  }
}

test('a recorded showcase becomes a replay with product chapters, chat in order and a clip; unpublished, it is gone for buyers', async ({
  page: host,
  browser,
}) => {
  test.setTimeout(240_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E replay ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 3, hour: 11 })
  await expect(host.getByTestId('recording-setting')).toContainText('will be recorded')

  const buyerContext = await browser.newContext()
  const buyer = await buyerContext.newPage()
  const buyerErrors = trackConsoleErrors(buyer)
  await signIn(buyer, 'buyer@tradecast.dev')
  await expect(buyer).toHaveURL(/\/buyer$/)
  await buyer.goto(`/live/${sessionId}`)

  let recordingSince = 0
  await test.step('go live: the recording runs, and viewers are told', async () => {
    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    await expect(host.getByTestId('recording-badge')).toHaveAttribute('data-state', 'recording', { timeout: 20_000 })
    recordingSince = Date.now()
    await expect(buyer.getByTestId('recording-badge')).toBeVisible()
  })

  let firstPinAt = 0
  let secondPinAt = 0
  await test.step('the buyer chats, the host pins two products and shares the screen in between', async () => {
    await sendChat(buyer, 'Hello from New York')
    await sleep(3000)
    await host.getByRole('checkbox', { name: FIRST }).click()
    await expect(host.getByRole('checkbox', { name: FIRST })).toBeChecked()
    firstPinAt = Date.now()
    await sendChat(buyer, 'What is the MOQ?')
    await sleep(3000)
    await host.getByRole('button', { name: 'Share screen' }).click()
    await expect(host.getByRole('button', { name: 'Stop sharing' })).toBeVisible()
    await sleep(2000)
    await host.getByRole('checkbox', { name: SECOND_PIN }).click()
    await expect(host.getByRole('checkbox', { name: SECOND_PIN })).toBeChecked()
    secondPinAt = Date.now()
    await sleep(3000)
    await host.getByRole('button', { name: 'Stop sharing' }).click()
    await sendChat(buyer, 'Thank you!')
    await sleep(3000)
    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByRole('button', { name: 'End showcase' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Ended' })).toBeVisible()
  })

  await test.step('the replay plays, with two chapters where the pins were', async () => {
    // The last part closes and the recording is finalised in the background: the buyer, still on the page,
    // gets the replay in its place without reloading.
    await expect(buyer.getByTestId('replay-player')).toBeVisible({ timeout: 30_000 })
    await expect.poll(async () => (await playerFigures(buyer)).frames, { message: 'frames decoded', timeout: 20_000 }).toBeGreaterThan(10)
    const before = await playerFigures(buyer)
    await expect.poll(async () => (await playerFigures(buyer)).timeMs, { message: 'playback advances', timeout: 10_000 }).toBeGreaterThan(before.timeMs + 500)

    const chapters = buyer.getByTestId('replay-chapter')
    await expect(chapters).toHaveCount(2)
    const first = Number(await chapters.filter({ hasText: FIRST }).getAttribute('data-offset-ms'))
    const second = Number(await chapters.filter({ hasText: SECOND }).getAttribute('data-offset-ms'))
    // Pins map onto playback time: the first where it happened after the recording began, the second as far after it.
    expect(Math.abs(first - (firstPinAt - recordingSince))).toBeLessThanOrEqual(2000)
    expect(Math.abs(second - first - (secondPinAt - firstPinAt))).toBeLessThanOrEqual(2000)

    // Jumping to the second chapter shows its product with the trade actions, and the chat up to there, in order.
    await chapters.filter({ hasText: SECOND }).click()
    await expect.poll(async () => (await playerFigures(buyer)).timeMs, { timeout: 10_000 }).toBeGreaterThanOrEqual(second - 500)
    await expect(buyer.getByTestId('pinned-product').filter({ hasText: SECOND }).getByRole('button', { name: 'Request quote' })).toBeVisible()
    // The chat as it was there: the two messages written before this pin, in order (the third, written later,
    // appears as playback goes on).
    await expect(buyer.getByTestId('replay-chat-message').nth(0)).toHaveText(/Hello from New York/)
    await expect(buyer.getByTestId('replay-chat-message').nth(1)).toHaveText(/What is the MOQ\?/)
    await expect(buyer.getByTestId('replay-chat-message')).toHaveText([/Hello from New York/, /What is the MOQ\?/, /Thank you!/], { timeout: 20_000 })
  })

  await test.step('the host cuts a clip of the first product, and it plays', async () => {
    await host.goto(`/live/${sessionId}`)
    await expect(host.getByTestId('replay-player')).toBeVisible()
    await host.getByLabel('Start', { exact: true }).fill('0:01')
    await host.getByLabel('End', { exact: true }).fill('0:07')
    await host.getByLabel('Clip title').fill('Meal kit in 6 seconds')
    await host.getByLabel('Product', { exact: true }).selectOption({ label: FIRST })
    await host.getByRole('button', { name: 'Publish clip' }).click()
    await expect(host.getByTestId('clip-marker-status')).toHaveAttribute('data-phase', 'ready', { timeout: 30_000 })
    const clip = buyer.getByTestId('replay-clip').filter({ hasText: 'Meal kit in 6 seconds' }).locator('video')
    await buyer.reload()
    await expect(clip).toBeVisible()
    await clip.evaluate(async (video: HTMLVideoElement) => {
      video.muted = true
      await video.play()
    })
    await expect.poll(() => clip.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 10_000 }).toBeGreaterThan(1)
    const duration = await clip.evaluate((video: HTMLVideoElement) => video.duration)
    expect(duration).toBeGreaterThan(4)
    expect(duration).toBeLessThan(9)
  })

  await test.step('unpublished, the replay is 404 for the buyer', async () => {
    await host.goto('/exporter/replays')
    await host.getByRole('button', { name: `Unpublish the replay of ${title}` }).click()
    await expect(host.getByText('The replay is no longer published.')).toBeVisible()
    expect((await buyer.request.get(`/live/${sessionId}/replay.m3u8`)).status()).toBe(404)
    await buyer.goto(`/live/${sessionId}`)
    await expect(buyer.getByTestId('replay-player')).toHaveCount(0)
    expect((await host.request.get(`/live/${sessionId}/replay.m3u8`)).status()).toBe(200)
  })

  expect(buyerErrors).toEqual([])
  await buyerContext.close()
})
