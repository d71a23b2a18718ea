import type { Page, Response } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

// Security headers as Chromium receives them (issue 13 item 9). Every other spec fails on a policy
// violation through e2e/fixtures.ts, so the whole suite checks that no page it visits breaks the CSP.

function nonceOf(response: Response | null): string {
  const csp = response?.headers()['content-security-policy'] ?? ''
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
  expect(nonce, `CSP: ${csp}`).toBeTruthy()
  return nonce!
}

/** The nonce of every script element of the page (the attribute is hidden from the DOM, the property is not). */
const scriptNonces = (page: Page) => page.evaluate(() => [...document.scripts].map((script) => script.nonce))

/** What the document's policy says about the camera (Chromium's document.featurePolicy). */
const canUseCamera = (page: Page) =>
  page.evaluate(() => {
    const policy = (document as unknown as { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy
    return policy ? policy.allowsFeature('camera') : null
  })

test('the CSP carries a fresh nonce that every inline script of the page has', async ({ page }) => {
  const first = await page.goto('/')
  const nonce = nonceOf(first)
  const csp = first!.headers()['content-security-policy']
  for (const directive of ["default-src 'self'", "frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'", "img-src 'self' data: blob:"]) {
    expect(csp).toContain(directive)
  }
  const nonces = await scriptNonces(page)
  expect(nonces.length).toBeGreaterThan(0)
  expect(new Set(nonces)).toEqual(new Set([nonce]))

  const second = await page.goto('/catalog')
  expect(nonceOf(second)).not.toBe(nonce)
  expect(new Set(await scriptNonces(page))).toEqual(new Set([nonceOf(second)]))
})

test('a script without the nonce is blocked, and the suite notices', async ({ page, policyViolations, consoleErrors }) => {
  await page.goto('/')
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.append(script)
  })
  await expect.poll(() => policyViolations.some((v) => v.includes('securitypolicyviolation: script-src'))).toBe(true)
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
  // Expected here only: clear them so the fixtures do not fail this test.
  policyViolations.length = 0
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/Content Security Policy/i.test(e)))
})

test('camera, microphone and screen capture: only the studio and the meeting room may ask', async ({ page }) => {
  const home = await page.goto('/')
  expect(home!.headers()['permissions-policy']).toContain('camera=(), microphone=(), display-capture=()')
  expect(await canUseCamera(page)).toBe(false)

  await signIn(page, 'exporter@tradecast.dev')
  await page.goto('/exporter/sessions')
  const studioLink = page.locator('a[href^="/studio/"]').first()
  // Following a link into the studio loads a new document, which brings the studio's policy.
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true))
  const studioResponse = page.waitForResponse((r) => /\/studio\/[^/.]+$/.test(new URL(r.url()).pathname) && r.request().resourceType() === 'document')
  await studioLink.click()
  const studio = await studioResponse
  expect(studio.headers()['permissions-policy']).toContain('camera=(self), microphone=(self), display-capture=(self)')
  await expect(page).toHaveURL(/\/studio\/[\w-]+$/)
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined()
  expect(await canUseCamera(page)).toBe(true)

  const room = await page.request.get('/meetings/any-meeting/room', { maxRedirects: 0 })
  expect(room.headers()['permissions-policy']).toContain('camera=(self), microphone=(self), display-capture=(self)')
  const meeting = await page.request.get('/meetings/any-meeting', { maxRedirects: 0 })
  expect(meeting.headers()['permissions-policy']).toContain('camera=(), microphone=(), display-capture=()')
})

test('signed-in pages and data requests are no-store; static assets stay cacheable', async ({ page }) => {
  const anonymous = await page.goto('/catalog')
  expect(anonymous!.headers()['cache-control'] ?? '').not.toContain('no-store')

  await signIn(page, 'buyer@tradecast.dev')
  const signedIn = await page.goto('/catalog')
  expect(signedIn!.headers()['cache-control']).toBe('no-store')
  const dataRequest = await page.request.get('/catalog.data')
  expect(dataRequest.headers()['cache-control']).toBe('no-store')

  const asset = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href^="/assets/"]')?.href)
  expect(asset).toBeTruthy()
  const assetResponse = await page.request.get(asset!)
  expect(assetResponse.headers()['cache-control']).toContain('immutable')
})
