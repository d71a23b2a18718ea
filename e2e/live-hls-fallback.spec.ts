import type { BrowserContext, Page } from '@playwright/test'
import { io, type Socket } from 'socket.io-client'
import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'

// A viewer whose browser has no WebRTC (as in some locked-down corporate browsers) watches the live HLS
// rendition that the server-side recorder writes (ffmpeg), a few seconds behind. The host publishes
// Chromium's fake camera + microphone through mediasoup on 127.0.0.1.
test.use(FAKE_MEDIA_BROWSER)

/** Removes WebRTC from every page of the context before the app's scripts run. */
async function withoutWebRtc(page: Page) {
  await page.addInitScript(() => {
    for (const name of [
      'RTCPeerConnection',
      'webkitRTCPeerConnection',
      'RTCSessionDescription',
      'RTCIceCandidate',
      'RTCRtpSender',
      'RTCRtpReceiver',
      'RTCRtpTransceiver',
      'RTCDataChannel',
      'RTCDtlsTransport',
      'RTCIceTransport',
      'RTCSctpTransport',
      'RTCCertificate',
      'RTCEncodedVideoFrame',
      'RTCEncodedAudioFrame',
    ]) {
      Reflect.deleteProperty(window, name)
    }
  })
}

const player = (page: Page) => page.getByTestId('player')
const numberOf = async (page: Page, attribute: string) => Number((await player(page).getAttribute(attribute)) ?? 0)

test('a viewer without WebRTC falls back to the live HLS rendition and sees video, a few seconds behind', async ({ page: host, browser }) => {
  test.setTimeout(120_000)
  const viewerErrors: string[] = []

  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E HLS fallback ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 3, hour: 11 })

  const context = await browser.newContext()
  const viewer = await context.newPage()
  viewer.on('pageerror', (error) => viewerErrors.push(error.message))
  viewer.on('console', (message) => {
    // The live playlist is 404 until the recorder has written a first segment.
    if (message.type() === 'error' && !message.text().includes('status of 404')) viewerErrors.push(message.text())
  })
  await withoutWebRtc(viewer)
  await signIn(viewer, 'buyer@tradecast.dev')
  expect(await viewer.evaluate(() => typeof (window as unknown as { RTCPeerConnection?: unknown }).RTCPeerConnection)).toBe('undefined')
  await viewer.goto(`/live/${sessionId}`)

  await test.step('before the show: the fallback is shown, the viewer is in the room and waits', async () => {
    await expect(player(viewer)).toHaveAttribute('data-transport', 'hls')
    await expect(viewer.getByTestId('hls-badge')).toHaveText('HLS fallback')
    await expect(viewer.getByText('Your browser cannot receive real-time video, so you are watching the standard live stream.')).toBeVisible()
    await expect(viewer.getByRole('status').filter({ hasText: 'Waiting for the host' })).toBeVisible()
    // No button to retry WebRTC: it is not a full room.
    await expect(viewer.getByRole('button', { name: 'Try live video again' })).toHaveCount(0)
  })

  await test.step('go live: the viewer counts, and the HLS video plays and advances', async () => {
    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    // Watching HLS is watching: the host counts them (the audience is the people in the room, app/domain/live/audience.ts).
    await expect(host.getByTestId('viewer-count')).toHaveText('1 viewer')
    // The first 2-s segments take a few seconds to be written; the page retries every few seconds.
    await expect.poll(() => numberOf(viewer, 'data-frames-decoded'), { message: 'HLS frames decoded', timeout: 45_000 }).toBeGreaterThan(0)
    const frames = await numberOf(viewer, 'data-frames-decoded')
    const time = await numberOf(viewer, 'data-current-time-ms')
    await expect.poll(() => numberOf(viewer, 'data-frames-decoded'), { message: 'HLS frames keep coming', timeout: 15_000 }).toBeGreaterThan(frames + 10)
    await expect.poll(() => numberOf(viewer, 'data-current-time-ms'), { message: 'playback time advances', timeout: 15_000 }).toBeGreaterThan(time + 1000)
    await expect(viewer.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    const video = await viewer.locator('video').evaluate((element: HTMLVideoElement) => ({
      width: element.videoWidth,
      paused: element.paused,
      blob: element.src.startsWith('blob:'),
    }))
    // hls.js plays through Media Source Extensions (a blob: URL, allowed by media-src).
    expect(video.blob).toBe(true)
    expect(video.paused).toBe(false)
    expect(video.width).toBeGreaterThan(0)
  })

  await test.step('the viewer is told how far behind the live stream they are', async () => {
    await expect(viewer.getByTestId('hls-latency')).toHaveText(/^You are about \d+ s behind the live stream$/, { timeout: 15_000 })
    const latency = Number(await player(viewer).getAttribute('data-latency-seconds'))
    // Capture instant → segment written → playlist → player buffer: a few segments of 2 s.
    expect(latency).toBeGreaterThan(0)
    expect(latency).toBeLessThan(30)
    test.info().annotations.push({ type: 'live HLS latency (s)', description: String(latency) })
  })

  await test.step('the host ends: the fallback stops and the viewer sees the end', async () => {
    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByRole('button', { name: 'End showcase' }).click()
    await expect(viewer.getByText('This showcase has ended. Thank you for watching!')).toBeVisible({ timeout: 15_000 })
    await expect(viewer.getByTestId('hls-fallback')).toHaveCount(0)
  })

  await context.close()
  expect(viewerErrors, 'viewer console errors').toEqual([])
})

type Ack = { ok: boolean; error?: { code: string } }

/** Media connections of the same person (other tabs, as the server sees them): joined viewers that receive nothing. */
async function holdMediaSeats(context: BrowserContext, baseURL: string, sessionId: string, count: number): Promise<Socket[]> {
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
  const sockets: Socket[] = []
  for (let index = 0; index < count; index += 1) {
    const socket = io(`${baseURL}/media`, { extraHeaders: { cookie }, transports: ['websocket'] })
    sockets.push(socket)
    const emit = (event: string, payload: unknown) => new Promise<Ack>((resolve) => socket.emit(event, payload, resolve))
    expect(await emit('media:join', { sessionId, role: 'viewer' })).toMatchObject({ ok: true })
    expect(await emit('media:ready', { rtpCapabilities: {} })).toMatchObject({ ok: true })
  }
  return sockets
}

test('a viewer refused by a full media room watches HLS, and gets live video back when a seat frees up', async ({ page: host, browser }) => {
  test.setTimeout(120_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const sessionId = await scheduleShowcase(host, `E2E full room ${Date.now()}`, { daysAhead: 4, hour: 12 })
  await host.getByRole('button', { name: 'Go live' }).click()
  await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

  const context = await browser.newContext()
  const viewer = await context.newPage()
  await signIn(viewer, 'buyer@tradecast.dev')
  // The buyer already holds every media connection one person may (server/realtime/media-handlers/peer-quota.ts).
  const seats = await holdMediaSeats(context, new URL(host.url()).origin, sessionId, 5)
  try {
    await viewer.goto(`/live/${sessionId}`)
    await expect(player(viewer)).toHaveAttribute('data-transport', 'hls')
    await expect(viewer.getByTestId('hls-badge')).toHaveText('HLS fallback')
    await expect(viewer.getByText('The real-time video room is full, so you are watching the standard live stream.')).toBeVisible()
    await expect.poll(() => numberOf(viewer, 'data-frames-decoded'), { message: 'HLS frames decoded', timeout: 45_000 }).toBeGreaterThan(0)
    await expect(viewer.getByTestId('hls-latency')).toBeVisible({ timeout: 15_000 })

    // The audience is people, not connections: the buyer's five seats and their page are one viewer.
    await expect(host.getByTestId('viewer-count')).toHaveText('1 viewer')
    // A seat frees up (the server drops it a moment after the close); the viewer asks for live video again and gets WebRTC.
    seats.pop()?.close()
    await expect(async () => {
      await viewer.getByRole('button', { name: 'Try live video again' }).click({ timeout: 3000 })
      await expect(player(viewer)).toHaveAttribute('data-transport', 'webrtc', { timeout: 3000 })
    }).toPass({ timeout: 20_000 })
    await expect(viewer.getByTestId('hls-badge')).toHaveCount(0)
    await expect.poll(() => numberOf(viewer, 'data-frames-decoded'), { message: 'WebRTC frames decoded', timeout: 20_000 }).toBeGreaterThan(0)
  } finally {
    for (const socket of seats) socket.close()
    await context.close()
  }
})

test('a viewer whose WebRTC cannot connect (ICE never completes) falls back to HLS after a few seconds', async ({ page: host, browser }) => {
  test.setTimeout(120_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const sessionId = await scheduleShowcase(host, `E2E ICE blocked ${Date.now()}`, { daysAhead: 5, hour: 13 })
  await host.getByRole('button', { name: 'Go live' }).click()
  await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

  const context = await browser.newContext()
  const viewer = await context.newPage()
  // As behind a firewall that blocks UDP: the SFU's ICE candidates never reach the browser, so the
  // receive transport keeps checking and never connects.
  await viewer.addInitScript(() => {
    type SetRemote = (this: RTCPeerConnection, description: RTCSessionDescriptionInit) => Promise<void>
    const prototype = RTCPeerConnection.prototype
    const setRemote = Object.getOwnPropertyDescriptor(prototype, 'setRemoteDescription')?.value as SetRemote
    const withoutCandidates: SetRemote = function (description) {
      const sdp = description.sdp
        ?.split('\r\n')
        .filter((line) => !line.startsWith('a=candidate:'))
        .join('\r\n')
      return setRemote.call(this, { type: description.type, sdp })
    }
    Object.defineProperty(prototype, 'setRemoteDescription', { value: withoutCandidates, configurable: true, writable: true })
  })
  try {
    await signIn(viewer, 'buyer@tradecast.dev')
    await viewer.goto(`/live/${sessionId}`)
    await expect(player(viewer)).toHaveAttribute('data-transport', 'hls', { timeout: 20_000 })
    await expect(viewer.getByText('Your network blocks real-time video, so you are watching the standard live stream.')).toBeVisible()
    await expect.poll(() => numberOf(viewer, 'data-frames-decoded'), { message: 'HLS frames decoded', timeout: 45_000 }).toBeGreaterThan(0)
    // Falling back left the media room's receive transport behind: the viewer counts once, without receiving.
    await expect(host.getByTestId('viewer-count')).toHaveText('1 viewer')
  } finally {
    await context.close()
  }
})
