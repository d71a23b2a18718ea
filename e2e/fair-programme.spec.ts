import type { Browser, Page } from '@playwright/test'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'
import { FAKE_MEDIA_BROWSER } from './live-helpers'

// The way in through a fair (issue 15), on the seeded GTI Expo 2026 (live: opened two days ago, closes
// in five, Seoul time; the demo exporter has an approved booth, the demo organizer runs it):
// the exporter schedules a showcase into the fair from the schedule form, the organizer approves it, it
// appears in the fair's programme linked to its viewer page and calendar file; once it is live, a guest
// on the fair page is one click from watching it. The fair header's text keeps AA contrast on its panel.

test.use(FAKE_MEDIA_BROWSER)

const FAIR = '/fairs/gti-expo-2026'

/** A page in a context of its own; its console errors are collected into `consoles` (checked at the end). */
async function newPage(browser: Browser, consoles: string[][]): Promise<Page> {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'], locale: 'en-US' })
  const page = await context.newPage()
  consoles.push(trackConsoleErrors(page))
  return page
}

/**
 * WCAG contrast of the fair header's heading, texts and buttons against the panel they sit on. Colours
 * are read as the browser paints them (a 1×1 canvas turns any CSS colour, oklch included, into sRGB);
 * a button's own background, when it has one, is composited over the panel.
 */
async function headerContrasts(page: Page) {
  return page.getByTestId('fair-header-panel').evaluate((panel) => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 1
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    const rgba = (color: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1)
      context.fillStyle = '#000'
      context.fillStyle = color
      context.fillRect(0, 0, 1, 1)
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data
      return [r!, g!, b!, a! / 255]
    }
    const over = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!))
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (hi! + 0.05) / (lo! + 0.05)
    }
    const panelStyle = getComputedStyle(panel)
    const panelColor = rgba(panelStyle.backgroundColor)
    const checked = [...panel.querySelectorAll<HTMLElement>('h1, p, a, button')].map((element) => {
      const style = getComputedStyle(element)
      const own = rgba(style.backgroundColor)
      const background = own[3] > 0 ? over(own, panelColor) : panelColor.slice(0, 3)
      const text = over(rgba(style.color), background)
      return { element: `${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 40)}”`, ratio: ratio(text, background) }
    })
    return { panelAlpha: panelColor[3], panelImage: panelStyle.backgroundImage, checked }
  })
}

async function expectReadableHeader(page: Page) {
  const { panelAlpha, panelImage, checked } = await headerContrasts(page)
  // A solid panel: nothing of the banner shows through behind the text.
  expect(panelAlpha).toBe(1)
  expect(panelImage).toBe('none')
  expect(checked.map((c) => c.element)).toEqual(expect.arrayContaining([expect.stringMatching(/^h1 /), expect.stringMatching(/^a /)]))
  for (const { element, ratio } of checked) expect(ratio, `${element}: contrast ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5)
}

test('the fair header sits on a solid panel with AA contrast; the seeded banner is artwork without text', async ({ page, browser }) => {
  await page.goto(FAIR)
  await expect(page.getByRole('heading', { level: 1, name: 'GTI Expo 2026' })).toBeVisible()
  await expect(page.getByTestId('fair-banner')).toHaveText('')
  await expectReadableHeader(page)
  const banner = await page.request.get('/demo/fairs/gti-expo-2026.svg')
  expect(banner.status()).toBe(200)
  expect(await banner.text()).not.toMatch(/<\s*(text|tspan|textPath|foreignObject)\b/i)
  // In Korean (longer and other words on the same panel): the fair's own name, the same contrast; the index too.
  await chooseLanguage(page, 'ko')
  await expect(page.getByRole('heading', { level: 1, name: 'GTI 국제무역·투자박람회 2026' })).toBeVisible()
  await expect(page.getByRole('link', { name: '무료 가입하고 참가기업 만나기' })).toBeVisible()
  await expectReadableHeader(page)
  await page.getByRole('navigation').getByRole('link', { name: '박람회' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '무역 박람회' })).toBeVisible()
  await expect(page.getByRole('region', { name: '진행 중인 박람회' }).getByRole('link', { name: 'GTI 국제무역·투자박람회 2026' })).toHaveAttribute('href', FAIR)
  await chooseLanguage(page, 'en')
  // Signed in, the buttons differ (the exhibitor's registration): the same contrast.
  const consoles: string[][] = []
  const exporter = await newPage(browser, consoles)
  await signIn(exporter, 'exporter@tradecast.dev')
  await exporter.goto(FAIR)
  await expect(exporter.getByTestId('fair-header-actions').getByRole('link')).not.toHaveCount(0)
  await expectReadableHeader(exporter)
  await exporter.context().close()
  expect(consoles.flat(), 'console errors').toEqual([])
})

test('an exporter schedules into the fair, the organizer approves, the programme links to the viewer page; live, it is one click from the fair page', async ({
  page: host,
  browser,
}) => {
  test.setTimeout(150_000)
  const consoles: string[][] = []
  const title = `E2E fair show ${Date.now()}`

  await test.step('the exporter proposes a showcase to the fair from the schedule form', async () => {
    await signIn(host, 'exporter@tradecast.dev')
    await host.goto('/exporter/sessions')
    await host.getByLabel('Title', { exact: true }).fill(title)
    // Tomorrow 10:00–11:00 in the exporter's zone: inside the fair's dates wherever that zone is.
    const day = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10)
    await host.getByLabel('Starts').fill(`${day}T10:00`)
    await host.getByLabel('Ends').fill(`${day}T11:00`)
    const fairSelect = host.getByLabel('Fair programme')
    const gti = await fairSelect.locator('option', { hasText: 'GTI Expo 2026' }).getAttribute('value')
    await fairSelect.selectOption(gti)
    await host.getByRole('button', { name: 'Schedule' }).click()
    await expect(host).toHaveURL(/\/exporter\/sessions#my-sessions$/)
    await expect(host.getByRole('listitem').filter({ hasText: title })).toContainText('GTI Expo 2026: awaiting the organizer’s approval')
  })

  // Not in the programme before the organizer approves it.
  const guest = await newPage(browser, consoles)
  await guest.goto(FAIR)
  await expect(guest.getByRole('heading', { level: 1, name: 'GTI Expo 2026' })).toBeVisible()
  await expect(guest.getByRole('link', { name: title, exact: true })).toHaveCount(0)

  await test.step('the organizer approves it (places it in the programme)', async () => {
    const organizer = await newPage(browser, consoles)
    await signIn(organizer, 'organizer@tradecast.dev')
    await chooseLanguage(organizer, 'en')
    await organizer.goto('/organizer/fairs')
    await organizer.getByRole('link', { name: 'GTI Expo 2026', exact: true }).click()
    await organizer.getByRole('button', { name: `Place ${title}` }).click()
    await expect(organizer.getByRole('button', { name: `Move ${title}` })).toBeVisible()
    await organizer.context().close()
  })

  let sessionId = ''
  await test.step('a guest finds it in the programme: its calendar file, and its link opens the viewer page', async () => {
    await guest.reload()
    const entry = guest.getByRole('region', { name: 'Programme' }).getByRole('link', { name: title, exact: true })
    await expect(entry).toBeVisible()
    const calendar = guest.getByRole('link', { name: `Add to calendar: ${title}` })
    const href = (await calendar.getAttribute('href'))!
    expect(href).toMatch(/^\/live\/[\w-]+\/calendar\.ics$/)
    const ics = await guest.request.get(href)
    expect(ics.status()).toBe(200)
    expect(ics.headers()['content-type']).toContain('text/calendar')
    const text = (await ics.text()).replace(/\r\n[ \t]/g, '')
    expect(text).toContain(`SUMMARY:${title} — `)
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/)
    await entry.click()
    await expect(guest).toHaveURL(/\/live\/[\w-]+$/)
    sessionId = new URL(guest.url()).pathname.split('/').pop()!
    expect(href).toBe(`/live/${sessionId}/calendar.ics`)
    await expect(guest.getByRole('heading', { level: 1, name: title })).toBeVisible()
    // The host's list now says it is in the programme.
    await host.reload()
    await expect(host.getByRole('listitem').filter({ hasText: title })).toContainText('In the programme of GTI Expo 2026')
  })

  await test.step('the host goes live: the fair page shows it on top, one click from the viewer page', async () => {
    await host.goto(`/studio/${sessionId}`)
    await expect(host.getByRole('button', { name: 'Go live' })).toBeEnabled()
    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

    await guest.goto(FAIR)
    const strip = guest.getByRole('region', { name: /Live now/ })
    await expect(strip).toBeVisible()
    // The strip comes before the fair's own header: the first thing under the site header.
    const [stripTop, headingTop] = await Promise.all([strip.boundingBox(), guest.getByRole('heading', { level: 1 }).boundingBox()])
    expect(stripTop!.y).toBeLessThan(headingTop!.y)
    await strip.getByRole('link', { name: `Watch live: ${title}` }).click()
    await expect(guest).toHaveURL(new RegExp(`/live/${sessionId}$`))
    await expect(guest.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect.poll(() => guest.locator('video').evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2)

    // Its booth card leads there too.
    await guest.goto(FAIR)
    const booth = guest.getByRole('listitem').filter({ has: guest.getByRole('link', { name: 'Soyang Buckwheat Foods', exact: true }) })
    await expect(booth.getByRole('link', { name: title })).toHaveAttribute('href', `/live/${sessionId}`)
  })

  await test.step('the host ends the show', async () => {
    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByRole('button', { name: 'End showcase' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Ended' })).toBeVisible()
  })
  await guest.context().close()
  expect(consoles.flat(), 'console errors').toEqual([])
})
