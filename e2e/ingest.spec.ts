import { type ChildProcess, spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'

// Encoder ingest (issue 17): an OBS-like WHIP client (a Chromium page on another origin with the fake
// camera: fetch POST offer, apply the answer) and an RTMP encoder (ffmpeg) feed a showcase; a buyer's
// viewer page decodes the video; wrong tokens are refused. Needs the mediasoup worker and ffmpeg.
test.use(FAKE_MEDIA_BROWSER)

const RTMP_PORT = Number(process.env.E2E_RTMP_INGEST_PORT ?? 19350)

type PanelData = { whipUrl: string; rtmpUrl: string | null; credential: { token: string } | null; status: { kind: string; state: string } | null }

async function panel(host: Page, sessionId: string): Promise<PanelData> {
  const response = await host.request.get(`/studio/${sessionId}/ingest`)
  expect(response.status()).toBe(200)
  return (await response.json()) as PanelData
}

/** The encoder's own web page, on another origin: a blank page from a server the test starts and stops. */
let encoderSite: Server
let encoderOrigin = ''
test.beforeAll(async () => {
  encoderSite = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Encoder</title>'))
  await new Promise<void>((resolve) => encoderSite.listen(0, '127.0.0.1', resolve))
  encoderOrigin = `http://127.0.0.1:${(encoderSite.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  await new Promise((resolve) => encoderSite.close(resolve))
})

/** A page on another origin playing the encoder: WHIP over fetch (CORS) + RTCPeerConnection with the fake camera. */
async function encoderPage(browser: Browser) {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] })
  const page = await context.newPage()
  await page.goto(`${encoderOrigin}/`)
  return { context, page }
}

/**
 * The WHIP exchange in the page; answers the POST's status and, on success, waits for ICE + DTLS.
 * `h264Only`: the video offers only H.264 constrained baseline 42e01f, packetization mode 1 (what OBS's WHIP output sends).
 */
async function whipPublish(
  page: Page,
  whipUrl: string,
  token: string,
  { h264Only = false } = {},
): Promise<{ status: number; location: string | null; body: string; offer: string }> {
  return page.evaluate(
    async ({ whipUrl, token, h264Only }) => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true })
      const pc = new RTCPeerConnection()
      for (const track of stream.getTracks()) {
        const transceiver = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] })
        if (h264Only && track.kind === 'video') {
          const codecs = (RTCRtpSender.getCapabilities('video')?.codecs ?? []).filter(
            (codec) =>
              codec.mimeType.toLowerCase() === 'video/h264' &&
              (codec.sdpFmtpLine ?? '').includes('profile-level-id=42e01f') &&
              (codec.sdpFmtpLine ?? '').includes('packetization-mode=1'),
          )
          if (codecs.length === 0) throw new Error('this Chromium cannot send H.264 42e01f')
          transceiver.setCodecPreferences(codecs)
        }
      }
      const offer = await pc.createOffer()
      await pc.setLocalDescription(offer)
      const response = await fetch(whipUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/sdp', authorization: `Bearer ${token}` },
        body: offer.sdp,
      })
      const body = await response.text()
      if (response.status !== 201) {
        pc.close()
        for (const track of stream.getTracks()) track.stop()
        return { status: response.status, location: null, body, offer: offer.sdp ?? '' }
      }
      await pc.setRemoteDescription({ type: 'answer', sdp: body })
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not connected: ${pc.connectionState}`)), 15_000)
        const check = () => {
          if (pc.connectionState === 'connected') {
            clearTimeout(timer)
            resolve()
          }
        }
        pc.addEventListener('connectionstatechange', check)
        check()
      })
      ;(window as unknown as { __whip: RTCPeerConnection }).__whip = pc
      return { status: response.status, location: response.headers.get('location'), body, offer: offer.sdp ?? '' }
    },
    { whipUrl, token, h264Only },
  )
}

/** The video codec the viewer's consumer uses (app/media/stats.ts publishes it once a second). */
async function viewerVideoCodec(viewer: Page): Promise<string | null> {
  return viewer.evaluate(() => (window as unknown as { __tradecastStats?: { videoCodec: string | null } }).__tradecastStats?.videoCodec ?? null)
}

/** The viewer's video decodes: a size, and the playback position moving. */
async function expectDecoding(viewer: Page, label: string) {
  const video = viewer.locator('video').first()
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth), { message: `${label}: video size`, timeout: 25_000 })
    .toBeGreaterThan(0)
  const before = await video.evaluate((element: HTMLVideoElement) => element.currentTime)
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { message: `${label}: playback advances`, timeout: 10_000 })
    .toBeGreaterThan(before + 0.5)
}

/** An RTMP encoder: H.264 High by default (transcoded to VP8 for the room), or Main (copied into the room as H.264). */
function startFfmpeg(url: string, profile: 'high' | 'main' = 'high'): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=30', '-re', '-f', 'lavfi', '-i', 'sine'],
      ...[
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-tune',
        'zerolatency',
        '-pix_fmt',
        'yuv420p',
        '-profile:v',
        profile,
        '-g',
        '30',
        '-c:a',
        'aac',
        '-t',
        '60',
        '-f',
        'flv',
        url,
      ],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
}

test('an encoder feeds the showcase over WHIP, then over RTMP; the buyer watches; wrong tokens are refused', async ({ page: host, browser }) => {
  test.setTimeout(180_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E ingest ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 3, hour: 11 })

  // The studio switches to the encoder source and makes a stream key.
  await host.getByRole('radio', { name: 'Encoder (OBS, hardware)' }).check()
  await expect(host.getByTestId('ingest-state')).toHaveText('No encoder connected')
  await host.getByRole('button', { name: 'Create stream key' }).click()
  await expect(host.getByTestId('ingest-key')).toHaveText(/^•+.{4}$/)
  const settings = await panel(host, sessionId)
  const token = settings.credential?.token ?? ''
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  await expect(host.getByTestId('ingest-whip-url')).toHaveText(settings.whipUrl)

  const encoder = await encoderPage(browser)
  const whipUrl = settings.whipUrl
  let location = ''

  await test.step('a wrong token gets 401 and no media', async () => {
    const refused = await whipPublish(encoder.page, whipUrl, 'A'.repeat(43))
    expect(refused.status).toBe(401)
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'unauthorized' } })
    await expect(host.getByTestId('ingest-state')).toHaveText('No encoder connected')
  })

  await test.step('WHIP: the studio previews the feed with its health; go live; the buyer decodes it', async () => {
    const published = await whipPublish(encoder.page, whipUrl, token)
    expect(published.status).toBe(201)
    location = published.location ?? ''
    expect(location).toMatch(new RegExp(`^/whip/${sessionId}/`))
    await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'receiving', { timeout: 15_000 })
    await expect(host.getByTestId('ingest-state')).toContainText('WHIP')
    await expect(host.getByTestId('ingest-bitrate')).toHaveText(/[1-9]\d* kbit\/s/, { timeout: 10_000 })
    await expect(host.getByTestId('ingest-resolution')).toHaveText(/\d+×\d+/, { timeout: 15_000 })

    // A second encoder is refused while this one feeds the show.
    const second = await encoderPage(browser)
    const busy = await whipPublish(second.page, whipUrl, token)
    expect(busy.status).toBe(409)
    await second.context.close()

    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' }).first()).toBeVisible()

    const buyerContext = await browser.newContext()
    const buyer = await buyerContext.newPage()
    await signIn(buyer, 'buyer@tradecast.dev')
    await buyer.goto(`/live/${sessionId}`)
    await expectDecoding(buyer, 'buyer (WHIP)')
    // Chromium's offer lists VP8 first: the router takes it (H.264 comes after VP8 on the router).
    await expect.poll(() => viewerVideoCodec(buyer)).toBe('video/VP8')
    await buyerContext.close()
  })

  await test.step('WHIP DELETE stops the ingest', async () => {
    const status = await encoder.page.evaluate(
      async ({ url, token }) => (await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status,
      { url: `${new URL(whipUrl).origin}${location}`, token },
    )
    expect(status).toBe(200)
    await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'none', { timeout: 10_000 })
    await encoder.context.close()
  })

  await test.step('RTMP: a wrong key is refused; ffmpeg with the key feeds the show and the buyer decodes it', async () => {
    expect(settings.rtmpUrl).toBe(`rtmp://localhost:${RTMP_PORT}/live`)
    const wrong = startFfmpeg(`rtmp://127.0.0.1:${RTMP_PORT}/live/${'B'.repeat(43)}`)
    const wrongExit = await new Promise<number | null>((resolve) => wrong.once('exit', resolve))
    expect(wrongExit).not.toBe(0)
    await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'none')

    const ffmpeg = startFfmpeg(`rtmp://127.0.0.1:${RTMP_PORT}/live/${token}`)
    try {
      await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'receiving', { timeout: 30_000 })
      await expect(host.getByTestId('ingest-state')).toContainText('RTMP')
      await expect(host.getByTestId('ingest-resolution')).toHaveText('1280×720', { timeout: 15_000 })
      const buyerContext = await browser.newContext()
      const buyer = await buyerContext.newPage()
      await signIn(buyer, 'buyer@tradecast.dev')
      await buyer.goto(`/live/${sessionId}`)
      await expectDecoding(buyer, 'buyer (RTMP)')
      // H.264 High cannot go to viewers as it is: transcoded to VP8.
      await expect.poll(() => viewerVideoCodec(buyer)).toBe('video/VP8')
      await buyerContext.close()
    } finally {
      ffmpeg.kill('SIGTERM')
    }
  })
})

test('OBS over WHIP: an H.264-only offer (constrained baseline 42e01f, packetization mode 1) is taken; the buyer decodes H.264', async ({
  page: host,
  browser,
}) => {
  test.setTimeout(120_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const sessionId = await scheduleShowcase(host, `E2E ingest H.264 ${Date.now()}`, { daysAhead: 4, hour: 12 })
  await host.getByRole('radio', { name: 'Encoder (OBS, hardware)' }).check()
  await host.getByRole('button', { name: 'Create stream key' }).click()
  await expect(host.getByTestId('ingest-key')).toHaveText(/^•+.{4}$/)
  const settings = await panel(host, sessionId)
  const token = settings.credential?.token ?? ''

  const encoder = await encoderPage(browser)
  const published = await whipPublish(encoder.page, settings.whipUrl, token, { h264Only: true })
  // What OBS sends: the video section offers H.264 only.
  const videoSection = published.offer.slice(published.offer.indexOf('m=video'))
  expect([...videoSection.matchAll(/a=rtpmap:\d+ ([\w-]+)\//g)].map((match) => match[1])).toEqual(['H264'])
  expect(videoSection).toMatch(/a=fmtp:\d+ .*profile-level-id=42e01f/)
  expect(published.status, published.body).toBe(201)
  expect(published.body).toMatch(/a=rtpmap:\d+ H264\/90000/)
  expect(published.body).toContain('profile-level-id=42e01f')
  await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'receiving', { timeout: 15_000 })
  await expect(host.getByTestId('ingest-resolution')).toHaveText(/\d+×\d+/, { timeout: 15_000 })

  await host.getByRole('button', { name: 'Go live' }).click()
  await expect(host.getByRole('status').filter({ hasText: 'Live' }).first()).toBeVisible()
  const buyerContext = await browser.newContext()
  const buyer = await buyerContext.newPage()
  await signIn(buyer, 'buyer@tradecast.dev')
  await buyer.goto(`/live/${sessionId}`)
  await expectDecoding(buyer, 'buyer (WHIP H.264)')
  await expect.poll(() => viewerVideoCodec(buyer)).toBe('video/H264')

  // The WHIP encoder leaves; an RTMP encoder sending H.264 Main without B-frames is copied into the room.
  const stopped = await encoder.page.evaluate(
    async ({ url, token }) => (await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status,
    { url: `${new URL(settings.whipUrl).origin}${published.location ?? ''}`, token },
  )
  expect(stopped).toBe(200)
  await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'none', { timeout: 10_000 })
  const ffmpeg = startFfmpeg(`rtmp://127.0.0.1:${RTMP_PORT}/live/${token}`, 'main')
  try {
    await expect(host.getByTestId('ingest-state')).toHaveAttribute('data-state', 'receiving', { timeout: 30_000 })
    await buyer.reload()
    await expectDecoding(buyer, 'buyer (RTMP H.264 copied)')
    await expect.poll(() => viewerVideoCodec(buyer)).toBe('video/H264')
    await expect
      .poll(() =>
        buyer
          .locator('video')
          .first()
          .evaluate((element: HTMLVideoElement) => element.videoWidth),
      )
      .toBe(1280)
  } finally {
    ffmpeg.kill('SIGTERM')
  }
  await buyerContext.close()
  await encoder.context.close()
})
