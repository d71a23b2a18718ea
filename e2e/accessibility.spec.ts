import type { Page } from '@playwright/test'
import { expectNoSeriousViolations, switchAccountLanguage, useGuestLanguage } from './axe'
import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER } from './live-helpers'

// axe-core (WCAG 2.0/2.1 A and AA) on every public page and the main signed-in pages, in English and in
// Korean: no critical or serious violation. Every page is checked (soft assertions) before the test fails,
// so one run lists all of them. The studio opens the camera: Chromium's fake devices.
test.use(FAKE_MEDIA_BROWSER)

const LOCALES = ['en', 'ko'] as const

/** The href of the first link on the page matching `selector` (the seed's data, found as a visitor would). */
async function firstHref(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path)
  const href = await page.locator(selector).first().getAttribute('href')
  expect(href, `a link ${selector} on ${path}`).toBeTruthy()
  return href!
}

/** Signed in as `email` with the account in `locale`, runs `body`; the account's language is restored after. */
async function asAccount(page: Page, email: string, locale: 'en' | 'ko', body: () => Promise<void>) {
  await signIn(page, email)
  const saved = await switchAccountLanguage(page, locale)
  try {
    await body()
  } finally {
    // Other specs sign in with the same seeded accounts and expect their language.
    await page.goto('/settings')
    await switchAccountLanguage(page, saved)
  }
}

/** Opens each path in the UI language and runs axe on it. */
async function checkPages(page: Page, locale: string, paths: readonly string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      const response = await page.goto(path)
      expect.soft(response?.status(), `${path} status`).toBeLessThan(400)
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      await expectNoSeriousViolations(page, { soft: true })
    })
  }
}

for (const locale of LOCALES) {
  test.describe(`in ${locale === 'en' ? 'English' : 'Korean'}`, () => {
    test(`public pages (${locale})`, async ({ page, context, baseURL }) => {
      test.setTimeout(120_000)
      const product = await firstHref(page, '/catalog', 'main a[href^="/catalog/"]')
      const booth = await firstHref(page, '/fairs/gti-expo-2026', 'main a[href*="/booths/"]')
      const showcase = await firstHref(page, '/', 'main a[href^="/live/"]')
      await useGuestLanguage(context, baseURL!, locale)
      await checkPages(page, locale, [
        '/',
        '/live',
        '/fairs',
        '/catalog',
        product,
        '/exporters/soyang-buckwheat-foods',
        '/fairs/gti-expo-2026',
        booth,
        showcase,
        '/login',
        '/signup',
        '/forgot-password',
      ])
    })

    test(`buyer pages (${locale})`, async ({ page }) => {
      test.setTimeout(90_000)
      await asAccount(page, 'buyer@tradecast.dev', locale, () =>
        checkPages(page, locale, [
          '/buyer',
          '/buyer/profile',
          '/meetings',
          '/inquiries',
          '/orders',
          '/settings',
          '/notifications',
          '/catalog?readyFor=US',
          // Follow buttons and RSVP toggles in their signed-in state (the demo buyer follows and has RSVPs).
          '/buyer/following',
          '/exporters/soyang-buckwheat-foods',
          '/fairs/gti-expo-2026',
          '/live',
        ]),
      )
    })

    test(`exporter pages (${locale})`, async ({ page }) => {
      test.setTimeout(90_000)
      await asAccount(page, 'exporter@tradecast.dev', locale, async () => {
        const studio = await firstHref(page, '/exporter/sessions', 'main a[href^="/studio/"]')
        const product = await firstHref(page, '/exporter/products', 'main a[href^="/exporter/products/"]:not([href$="/new"])')
        // An inquiry thread with the outcome-stage form (issue 21).
        const thread = await firstHref(page, '/inquiries', 'main a[href^="/inquiries/"]')
        await checkPages(page, locale, [
          '/exporter',
          '/exporter/products',
          `${product}?market=CN`,
          '/exporter/readiness',
          '/exporter/certifications',
          '/exporter/sessions',
          studio,
          '/meetings',
          '/inquiries',
          thread,
          '/exporter/results',
          '/exporter/orders',
        ])
      })
    })

    test(`organizer pages (${locale})`, async ({ page }) => {
      test.setTimeout(90_000)
      await asAccount(page, 'organizer@tradecast.dev', locale, async () => {
        const fair = await firstHref(page, '/organizer/fairs', 'main a[href^="/organizer/fairs/"]:not([href$="/new"])')
        // The fair's KPI page: charts, tables and the outcome stages (issue 21).
        await checkPages(page, locale, ['/organizer', '/organizer/fairs', fair, `${fair}/dashboard`, '/notifications', '/settings'])
      })
    })

    test(`admin pages (${locale})`, async ({ page }) => {
      test.setTimeout(90_000)
      await asAccount(page, 'admin@tradecast.dev', locale, () =>
        checkPages(page, locale, [
          '/admin',
          '/admin/requirements',
          '/admin/requirements?hs=190230',
          '/admin/requirements/US-FDA-FFR',
          '/admin/requirements/new',
        ]),
      )
    })
  })
}
