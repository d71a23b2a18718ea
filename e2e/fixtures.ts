import { type BrowserContext, expect, type Page, test as base } from '@playwright/test'

export const DEMO_PASSWORD = 'Tradecast-demo-2026'

/** Signs in and waits until the app has left the sign-in page (unless the sign-in is meant to fail). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  if (!expectFailure) await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/**
 * The header's language switch: pick the language (by its code, the option's value) and apply it. The
 * button's name is in the language shown, so it is found as the only button of the switch's form.
 */
export async function chooseLanguage(page: Page, locale: 'en' | 'ko' | 'zh-Hans' | 'ja' | 'ru' | 'mn') {
  const header = page.getByRole('banner')
  await header.getByRole('combobox').selectOption(locale)
  // `has` is matched inside each form, so the inner locator starts from the page, not the banner.
  await header
    .locator('form')
    .filter({ has: page.getByRole('combobox') })
    .getByRole('button')
    .click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

// Chromium logs every 4xx/5xx response as a console error; tests assert those statuses themselves.
const EXPECTED_NETWORK_NOISE = /^Failed to load resource: the server responded with a status of (400|401|403|404|409|429)/

/** Collects console errors and uncaught page errors (hydration mismatches included) of a page. */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_NETWORK_NOISE.test(message.text())) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** Adds every console error and uncaught page error of a page to `errors` (several pages may share one list). */
export function watchErrors(page: Page, errors: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
}

/** Pins the server's clock for this browser context (the tc_test_now cookie, honoured only with ENABLE_TEST_HOOKS=1). */
export async function pinClock(context: BrowserContext, baseURL: string, at: string) {
  await context.addCookies([{ name: 'tc_test_now', value: encodeURIComponent(at), url: baseURL }])
}

// What Chromium logs when it blocks something under the Content-Security-Policy or Permissions-Policy
// (errors for blocked scripts, warnings/verbose "[Violation]" lines for refused features).
const POLICY_CONSOLE = /Content[- ]Security[- ]Policy|Permissions[- ]Policy|permissions policy violation/i

/** Collects every CSP / Permissions-Policy complaint of every page of a browser context. */
async function watchPolicies(context: BrowserContext, violations: string[]): Promise<void> {
  context.on('console', (message) => {
    if (POLICY_CONSOLE.test(message.text())) violations.push(`${message.type()}: ${message.text()}`)
  })
  await context.exposeBinding('__tradecastCspViolation', (_source, text: string) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tradecastCspViolation?: (text: string) => void }).__tradecastCspViolation
      report?.(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
}

/**
 * Fails the test on any console error of the default page, and on any policy violation of any page
 * the test opens: its own context and every context it creates with browser.newContext().
 */
export const test = base.extend<{ consoleErrors: string[]; policyViolations: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = trackConsoleErrors(page)
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
  policyViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = []
      await watchPolicies(context, violations)
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const created = await newContext(...args)
        await watchPolicies(created, violations)
        return created
      }
      try {
        await use(violations)
      } finally {
        browser.newContext = newContext
      }
      expect(violations, 'Content-Security-Policy / Permissions-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
