import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from '@playwright/test'
import QRCode from 'qrcode'
import { expectNoSeriousViolations } from './axe'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'

// Hybrid fairs on site (issue 23, docs/fair-on-site.md): the demo buyer's badge, read from its badge page,
// is rendered as a QR code into a video file that a separate Chromium uses as its camera
// (--use-file-for-fake-video-capture). The organizer scans it at the check-in desk and the demo exporter at
// its booth; the lead appears for the exporter and the fair KPIs count the on-site check-in. The offline
// queue: the exporter's own badge number typed at the desk twice while the browser is offline is queued,
// then sent when it is back online and counted once.

const FAIR = 'gti-expo-2026'
const BUYER = 'buyer@tradecast.dev'
const EXPORTER = 'exporter@tradecast.dev'
const ORGANIZER = 'organizer@tradecast.dev'

/** The QR code of `text` as a Y4M video (white 640×480 frames with the code in the middle), for Chromium's fake camera. */
async function qrVideo(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-badge-'))
  const png = join(dir, 'badge.png')
  const video = join(dir, 'badge.y4m')
  // Whole pixels per module (scale, not width): a code resampled to uneven modules is not found by zxing.
  writeFileSync(png, await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 8 }))
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-loop',
    '1',
    '-i',
    png,
    '-vf',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    '-r',
    '10',
    '-t',
    '1',
    video,
  ])
  return video
}

async function cameraBrowser(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

async function fairIdOf(page: Page): Promise<string> {
  await page.goto(`/fairs/${FAIR}`)
  const href = await page.locator(`a[href^="/organizer/fairs/"]`).first().getAttribute('href')
  const id = /^\/organizer\/fairs\/([^/?#]+)/.exec(href ?? '')?.[1]
  if (!id) throw new Error('the organizer sees no manage link on the fair page')
  return id
}

test('a badge is scanned by camera at check-in and at a booth; the lead and the on-site KPI follow; the offline queue counts once', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000)
  // The buyer's badge: on screen with its QR code and number, printable as a PDF.
  await signIn(page, BUYER)
  await page.goto(`/fairs/${FAIR}`)
  await page.locator(`a[href="/fairs/${FAIR}/badge"]`).click()
  await expect(page).toHaveURL(new RegExp(`/fairs/${FAIR}/badge$`))
  const qr = page.getByTestId('badge').locator('img[data-badge-token]')
  const token = (await qr.getAttribute('data-badge-token')) ?? ''
  expect(token).toMatch(/^fb1:/)
  const buyerName = ((await page.getByTestId('badge').locator('p.text-2xl').textContent()) ?? '').trim()
  expect(buyerName.length).toBeGreaterThan(0)
  await expectNoSeriousViolations(page)
  const pdf = await page.request.get(`/fairs/${FAIR}/badge.pdf`)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  // The exporter's own badge number (for the offline part): typed at the desk, not scanned.
  const exporterContext = await browser.newContext({ baseURL })
  const exporterPage = await exporterContext.newPage()
  const exporterErrors = trackConsoleErrors(exporterPage)
  await signIn(exporterPage, EXPORTER)
  await exporterPage.goto(`/fairs/${FAIR}/badge`)
  const exporterNumber = ((await exporterPage.getByTestId('badge-number').textContent()) ?? '').trim().split(/\s+/).pop() ?? ''
  expect(exporterNumber).toMatch(/^[A-Za-z0-9_]{8,}-[A-Z2-7]{10}$/)

  const video = await qrVideo(token)
  const camera = await cameraBrowser(video)
  try {
    // ── Check-in desk (the organizer's UI is Korean; the scanner is found by test ids) ──
    const desk = await camera.newContext({ baseURL, permissions: ['camera'] })
    const organizer = await desk.newPage()
    const deskErrors = trackConsoleErrors(organizer)
    await signIn(organizer, ORGANIZER)
    const fairId = await fairIdOf(organizer)
    await organizer.goto(`/organizer/fairs/${fairId}/dashboard`)
    const checkedInBefore = Number(await organizer.getByTestId('kpi-checked-in').textContent())
    const onlineViewers = await organizer.getByTestId('kpi-online-viewers').textContent()
    expect(Number(onlineViewers)).toBeGreaterThanOrEqual(0)

    await organizer.goto(`/organizer/fairs/${fairId}/check-in`)
    await expectNoSeriousViolations(organizer)
    await organizer.getByTestId('start-camera').click()
    await expect(organizer.getByTestId('device-scans')).toContainText(buyerName, { timeout: 20_000 })
    await expect(organizer.getByTestId('check-in-list')).toContainText(buyerName)
    await expect(organizer.getByTestId('check-in-total')).toContainText(String(checkedInBefore + 1))

    // ── Offline: the exporter's badge number typed twice while the network is down ──
    await desk.setOffline(true)
    for (let i = 0; i < 2; i++) {
      await organizer.getByTestId('manual-code').fill(exporterNumber)
      await organizer.getByTestId('manual-submit').click()
    }
    await expect(organizer.getByTestId('scan-status')).toContainText('2')
    await expect(organizer.getByTestId('scan-status')).toHaveClass(/amber/)
    const queued = await organizer.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[]).length, `tc-scan-queue:check-in-${fairId}`)
    expect(queued).toBe(2)
    await desk.setOffline(false)
    await expect
      .poll(() => organizer.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[]).length, `tc-scan-queue:check-in-${fairId}`), {
        timeout: 20_000,
      })
      .toBe(0)
    await expect(organizer.getByTestId('check-in-total')).toContainText(String(checkedInBefore + 2))

    await organizer.goto(`/organizer/fairs/${fairId}/dashboard`)
    await expect(organizer.getByTestId('kpi-checked-in')).toHaveText(String(checkedInBefore + 2))
    await expectNoSeriousViolations(organizer)
    await organizer.goto(`/organizer/fairs/${fairId}/on-site`)
    await expectNoSeriousViolations(organizer)
    // The scans sent while offline fail as Chromium logs it; the queue keeps them (asserted above).
    expect(deskErrors.filter((error) => !error.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([])

    // ── Booth: the demo exporter scans the buyer with the same camera and notes the talk ──
    const booth = await camera.newContext({ baseURL, permissions: ['camera'] })
    const exporter = await booth.newPage()
    const boothErrors = trackConsoleErrors(exporter)
    await signIn(exporter, EXPORTER)
    await exporter.goto('/exporter/booths')
    await exporter.locator(`a[href="/exporter/fairs/${fairId}/booth-scan"]`).click()
    await expect(exporter).toHaveURL(new RegExp(`/exporter/fairs/${fairId}/booth-scan$`))
    await expectNoSeriousViolations(exporter)
    await exporter.getByTestId('start-camera').click()
    await exporter.locator('#lead-note').fill('Wants samples of the pollock snacks, 40 ft FOB quote')
    await exporter.getByTestId('save-lead').click()
    await expect(exporter.getByTestId('device-scans')).toContainText(buyerName)
    await expect(exporter.getByTestId('booth-leads')).toContainText(buyerName)
    await expect(exporter.getByTestId('booth-leads')).toContainText('Wants samples of the pollock snacks')
    const csv = await exporter.request.get(`/exporter/fairs/${fairId}/on-site-leads.csv`)
    expect(await csv.text()).toContain('Wants samples of the pollock snacks')
    expect(boothErrors).toEqual([])

    await organizer.goto(`/organizer/fairs/${fairId}/dashboard`)
    await expect(organizer.getByTestId('kpi-booth-leads')).not.toHaveText('0')
  } finally {
    await camera.close()
  }
  expect(exporterErrors).toEqual([])
  await exporterContext.close()
})
