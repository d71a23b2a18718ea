import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FrameLocator } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'

// The embeddable player on other sites: two tiny sites on 127.0.0.1 (free ports, started and stopped by
// this spec) frame the app on localhost. The exporter lists the first on the company profile; a live show
// (Chromium's fake camera) then plays in its <iframe> and in the <tradecast-player> web component, with
// the pinned product and "Request quote" opening Tradecast in a new tab. The second site is not listed:
// the browser refuses to render the player in its frame (CSP frame-ancestors).
test.use(FAKE_MEDIA_BROWSER)

const PRODUCT = 'Makguksu Cold Noodle Meal Kit' // a product of the seeded exporter's company

/** A one-page site on a free loopback port; `page(appOrigin)` is its HTML at every path. */
async function startSite(html: (pathname: string) => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    response.end(html(new URL(request.url ?? '/', 'http://x').pathname))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const stop = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()))

function shopPage(appOrigin: string, sessionId: string) {
  return (pathname: string) =>
    pathname === '/component'
      ? `<!doctype html><html lang="en"><head><title>Partner shop</title></head><body><h1>Our live showcase</h1>
<script src="${appOrigin}/embed.js" async></script>
<tradecast-player session="${sessionId}" lang="ko"></tradecast-player></body></html>`
      : `<!doctype html><html lang="en"><head><title>Partner shop</title></head><body><h1>Our live showcase</h1>
<iframe id="player" src="${appOrigin}/embed/${sessionId}" width="720" height="480" title="Showcase player" allow="autoplay; fullscreen"></iframe></body></html>`
}

/** The player in the frame decodes video that keeps coming (WebRTC over loopback). */
async function expectPlaying(frame: FrameLocator, label: string) {
  const player = frame.getByTestId('embed-player')
  await expect(player, `${label}: live`).toHaveAttribute('data-phase', 'live', { timeout: 20_000 })
  const frames = async () => Number(await player.getAttribute('data-frames-decoded'))
  await expect.poll(frames, { message: `${label}: frames decoded`, timeout: 20_000 }).toBeGreaterThan(0)
  const before = await frames()
  await expect.poll(frames, { message: `${label}: frames keep coming`, timeout: 10_000 }).toBeGreaterThan(before + 5)
}

test('a live showcase plays in an iframe and the web component on a listed site, and is refused on another site', async ({
  page: host,
  browser,
  baseURL,
  policyViolations,
}) => {
  test.setTimeout(150_000)
  const appOrigin = new URL(baseURL ?? 'http://localhost:3100').origin
  let sessionId = ''
  const shop = await startSite((pathname) => shopPage(appOrigin, sessionId)(pathname))
  const other = await startSite((pathname) => shopPage(appOrigin, sessionId)(pathname))
  try {
    await signIn(host, 'exporter@tradecast.dev')
    await test.step('the exporter lets the shop embed the player', async () => {
      await host.goto('/exporter/company')
      await host.getByLabel('Sites allowed to embed your showcase player').fill(`${shop.origin}\nhttps://*.shop.example`)
      await host.getByRole('button', { name: 'Save', exact: true }).click()
      await expect(host).toHaveURL(/\/exporter\/company$/)
      await host.reload()
      await expect(host.getByLabel('Sites allowed to embed your showcase player')).toHaveValue(`${shop.origin}\nhttps://*.shop.example`)
    })

    sessionId = await scheduleShowcase(host, `E2E embed ${Date.now()}`, { daysAhead: 3, hour: 11 })
    await test.step('go live and pin a product', async () => {
      await expect(host.getByRole('button', { name: 'Go live' })).toBeEnabled()
      await host.getByRole('button', { name: 'Go live' }).click()
      await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
      const pin = host.getByRole('checkbox', { name: PRODUCT })
      await pin.click()
      await expect(pin).toBeChecked()
    })

    // A visitor of the shop: a browser with no Tradecast cookie.
    const visitor = await browser.newContext()
    const shopVisitor = await visitor.newPage()
    // Errors of the shop's page and of the player in its frames (hydration included) fail the test.
    const visitorErrors = trackConsoleErrors(shopVisitor)

    await test.step('the iframe on the listed site plays the show with the pinned product', async () => {
      const embedResponse = shopVisitor.waitForResponse((response) => new URL(response.url()).pathname === `/embed/${sessionId}`)
      await shopVisitor.goto(`${shop.origin}/iframe`)
      const headers = (await embedResponse).headers()
      expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${shop.origin} https://*.shop.example;`)
      expect(headers['x-frame-options']).toBeUndefined()
      const frame = shopVisitor.frameLocator('#player')
      await expectPlaying(frame, 'iframe')
      const card = frame.getByTestId('embed-product').filter({ hasText: PRODUCT })
      await expect(card).toBeVisible()
      const quote = card.getByRole('link', { name: /Request quote/ })
      await expect(quote).toHaveAttribute('target', '_blank')
      await expect(quote).toHaveAttribute('rel', 'noopener')
      // "Request quote" leaves the frame: the product page with its quote form, on Tradecast, in a new tab.
      const [productTab] = await Promise.all([visitor.waitForEvent('page'), quote.click()])
      await productTab.waitForLoadState()
      expect(productTab.url()).toMatch(new RegExp(`^${appOrigin}/catalog/[\\w-]+\\?session=${sessionId}#rfq$`))
      await expect(productTab.getByRole('heading', { name: PRODUCT, level: 1 })).toBeVisible()
      await productTab.close()
      expect(visitorErrors, 'console errors of the shop page with the iframe').toEqual([])
    })

    await test.step('the web component renders the player (in Korean, as its lang asks)', async () => {
      const componentPage = await visitor.newPage()
      const componentErrors = trackConsoleErrors(componentPage)
      await componentPage.goto(`${shop.origin}/component`)
      const iframe = componentPage.locator('tradecast-player iframe')
      await expect(iframe).toHaveAttribute('src', `${appOrigin}/embed/${sessionId}?lang=ko`)
      await expect(iframe).toHaveAttribute('allow', 'autoplay; fullscreen')
      await expect(iframe).toHaveAttribute('title', 'Tradecast 쇼케이스 플레이어')
      // Responsive 16:9: as wide as the page allows.
      const box = await iframe.boundingBox()
      expect(box).not.toBeNull()
      expect(Math.abs(box!.width / box!.height - 16 / 9)).toBeLessThan(0.02)
      const frame = componentPage.frameLocator('tradecast-player iframe')
      await expectPlaying(frame, 'web component')
      // The pinned product, named in Korean, with "Request quote" in Korean.
      await expect(
        frame
          .getByTestId('embed-product')
          .first()
          .getByRole('link', { name: /견적 요청/ }),
      ).toBeVisible()
      expect(componentErrors, 'console errors with the web component').toEqual([])
      await componentPage.close()
    })

    await test.step('the player page is accessible (axe-core, WCAG 2.1 AA), also in a small frame-sized window', async () => {
      const direct = await visitor.newPage()
      const directErrors = trackConsoleErrors(direct)
      await direct.goto(`${appOrigin}/embed/${sessionId}`)
      await expect(direct.getByTestId('embed-player')).toHaveAttribute('data-phase', 'live', { timeout: 20_000 })
      await expectNoSeriousViolations(direct)
      await direct.setViewportSize({ width: 320, height: 180 })
      // All video: the product strip gives way below 16rem of height.
      await expect(direct.getByTestId('embed-product').first()).toBeHidden()
      await expectNoSeriousViolations(direct)
      expect(directErrors, 'console errors of the player page').toEqual([])
      await direct.close()
    })

    await test.step('a site that is not listed gets no player: the browser refuses the frame', async () => {
      const refused = await visitor.newPage()
      const embedResponse = refused.waitForResponse((response) => new URL(response.url()).pathname === `/embed/${sessionId}`)
      await refused.goto(`${other.origin}/iframe`)
      // The app answered (with its policy), and the browser did not render it in this site's frame.
      expect((await embedResponse).headers()['content-security-policy']).toContain(`frame-ancestors 'self' ${shop.origin} https://*.shop.example;`)
      const child = () => refused.frames().find((frame) => frame !== refused.mainFrame())
      await expect.poll(() => child()?.url() ?? '', { message: 'the blocked frame shows the browser error page' }).toMatch(/^chrome-error:/)
      expect(await child()!.locator('[data-testid="embed-player"]').count()).toBe(0)
      await refused.close()
    })
    await visitor.close()

    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByRole('button', { name: 'End showcase' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Ended' })).toBeVisible()
  } finally {
    await Promise.all([stop(shop.server), stop(other.server)])
  }
  // The refusal is the one policy complaint this test causes on purpose: frame-ancestors, on the unlisted site.
  const expected = policyViolations.filter((line) => line.includes('frame-ancestors'))
  const others = policyViolations.filter((line) => !line.includes('frame-ancestors'))
  policyViolations.length = 0
  policyViolations.push(...others)
  // Chromium says why it refused: the page's frame-ancestors, which name the listed shop only.
  expect(expected.length, 'the browser reported the refused frame').toBeGreaterThan(0)
  for (const line of expected) expect(line).toContain(`frame-ancestors 'self' ${shop.origin} https://*.shop.example`)
})
