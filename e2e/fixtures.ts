import { expect, type Page, test as base } from '@playwright/test'

export const DEMO_PASSWORD = 'Tradecast-demo-2026'

/** Signs in and waits until the app has left the sign-in page (unless the sign-in is meant to fail). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  if (!expectFailure) await page.waitForURL((url) => !url.pathname.startsWith('/login'))
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

/** Fails the test on any console error of the default page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = trackConsoleErrors(page)
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
