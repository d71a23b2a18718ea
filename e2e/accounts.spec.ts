import type { Page } from '@playwright/test'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'

test('the landing page says what Tradecast is and shows the demo data', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Korean makers')
  await expect(page.getByRole('heading', { name: 'Upcoming live showcases' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Exporters from Gangwon' })).toBeVisible()
  const response = await page.request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ status: 'ok' })
})

test('a visitor signs up as a buyer and lands on the buyer dashboard', async ({ page }) => {
  const email = `e2e-buyer-${Date.now()}@example.test`
  await page.goto('/signup')
  await page.getByLabel('A buyer').check()
  await page.getByLabel('Your name').fill('Emma Importer')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('short')
  await page.getByLabel('Company name').fill('Lakeside Foods GmbH')
  await page.getByLabel('Country').selectOption('DE')
  await page.getByLabel('Business type').selectOption('DISTRIBUTOR')
  await page.getByLabel('Time zone').selectOption('Europe/Berlin')
  await page.getByRole('button', { name: 'Create account' }).click()
  // Too short: the form says so and keeps what was typed.
  await expect(page.getByText('The password must be at least 10 characters.')).toBeVisible()
  await expect(page.getByLabel('Company name')).toHaveValue('Lakeside Foods GmbH')
  await page.getByLabel('Password').fill('a-much-longer-password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/buyer$/)
  await expect(page.getByRole('heading', { name: 'Buyer dashboard' })).toBeVisible()
  await expect(page.getByText('Lakeside Foods GmbH')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
})

test('a seeded exporter signs in and sees their dashboard, in English and Korean', async ({ page }) => {
  await signIn(page, 'exporter@tradecast.dev')
  await expect(page).toHaveURL(/\/exporter$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('exporter dashboard')
  await expect(page.getByRole('term').filter({ hasText: /^Products$/ })).toBeVisible()
  await chooseLanguage(page, 'ko')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('수출기업 대시보드')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await chooseLanguage(page, 'en')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('exporter dashboard')
})

test('a buyer is refused on an exporter page with a 403 page', async ({ page }) => {
  await signIn(page, 'buyer@tradecast.dev')
  await expect(page).toHaveURL(/\/buyer$/)
  const response = await page.goto('/exporter')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible()
  await expect(page.getByText('Your account (Buyer) cannot open this page.')).toBeVisible()
})

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, 'exporter@tradecast.dev', 'not-the-password', { expectFailure: true })
  await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.')
  await expect(page.getByLabel('Email')).toHaveValue('exporter@tradecast.dev')
})

test('a person changes their password in settings, sees their sessions and signs out the other device', async ({ page, browser }) => {
  const email = `e2e-settings-${Date.now()}@example.test`
  const first = 'first-password-2026'
  const second = 'second-password-2026'
  await page.goto('/signup')
  await page.getByLabel('A buyer').check()
  await page.getByLabel('Your name').fill('Sam Settings')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(first)
  await page.getByLabel('Company name').fill('Settings Trading Ltd')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Business type').selectOption('IMPORTER')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/buyer$/)

  // A second device signs in to the same account.
  const elsewhere = await browser.newContext()
  const otherPage = await elsewhere.newPage()
  await signIn(otherPage, email, first)

  await page.goto('/settings')
  const sessions = page.getByRole('region', { name: 'Where you are signed in' })
  await expect(sessions.getByRole('listitem')).toHaveCount(2)
  await expect(sessions.getByText('This device')).toBeVisible()
  await expect(sessions.getByText(/^Chrome on /).first()).toBeVisible()

  const password = page.getByRole('region', { name: 'Password' })
  await password.getByLabel('Current password').fill('not-my-password')
  await password.getByLabel('New password', { exact: true }).fill(second)
  await password.getByLabel('Repeat the new password').fill(second)
  await password.getByRole('button', { name: 'Change password' }).click()
  await expect(password.getByText('The current password is wrong.')).toBeVisible()

  await password.getByLabel('Current password').fill(first)
  await password.getByLabel('New password', { exact: true }).fill(second)
  await password.getByLabel('Repeat the new password').fill(second)
  await password.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Your password is changed. Every other device was signed out.')).toBeVisible()
  // Still signed in here, on a new session; the other device is out.
  await expect(sessions.getByRole('listitem')).toHaveCount(1)
  await expect(sessions.getByText('You are not signed in anywhere else.')).toBeVisible()
  await otherPage.goto('/settings')
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Fsettings$/)

  // The other device signs in again with the new password and is then signed out from here.
  await signIn(otherPage, email, second)
  await page.reload()
  await expect(sessions.getByRole('listitem')).toHaveCount(2)
  await sessions.getByRole('button', { name: 'Sign out everywhere else' }).click()
  await expect(page.getByText('You are signed out everywhere else.')).toBeVisible()
  await expect(sessions.getByRole('listitem')).toHaveCount(1)
  await otherPage.goto('/buyer')
  await expect(otherPage).toHaveURL(/\/login/)
  await elsewhere.close()
})

test('forgot password answers the same for any email and explains a bad link', async ({ page }) => {
  await page.goto('/login')
  // Typically one types the email, then remembers the password is gone.
  await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.test`)
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.test`)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('status')).toHaveText(/If an account uses this email, a link to reset its password is on its way/)
  await page.goto('/reset-password/not-a-real-token')
  await expect(page.getByRole('alert')).toHaveText('This reset link is invalid, already used or expired.')
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible()
})

/** Signs up a buyer through the form, in English, and signs out again. */
async function signUpBuyerInEnglish(page: Page, email: string, password: string) {
  await page.goto('/signup')
  await page.getByLabel('A buyer').check()
  await page.getByLabel('Your name').fill('Mina Lang')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByLabel('Company name').fill('Lang Trading Co')
  await page.getByLabel('Country').selectOption('US')
  await page.getByLabel('Business type').selectOption('IMPORTER')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/buyer$/)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
}

test('a language chosen before signing in is kept after signing in and saved to the account', async ({ page, browser }) => {
  const email = `e2e-lang-${Date.now()}@example.test`
  const password = 'language-kept-2026'
  const firstDevice = await browser.newContext({ locale: 'en-US' })
  await signUpBuyerInEnglish(await firstDevice.newPage(), email, password)
  await firstDevice.close()

  // A guest on an English browser switches to Korean, then signs in to the English account.
  await page.goto('/catalog')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await chooseLanguage(page, 'ko')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await page.goto('/login')
  await page.getByLabel('이메일').fill(email)
  await page.getByLabel('비밀번호').fill(password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await expect(page).toHaveURL(/\/buyer$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible()
  await page.goto('/settings')
  await expect(page.getByRole('main').getByLabel('언어')).toHaveValue('ko')

  // Another device that never chose: the account now says Korean.
  const otherDevice = await browser.newContext({ locale: 'en-US' })
  const other = await otherDevice.newPage()
  await signIn(other, email, password)
  await expect(other).toHaveURL(/\/buyer$/)
  await expect(other.locator('html')).toHaveAttribute('lang', 'ko')
  // Signing out there and in again without choosing keeps the account's language, not the browser's.
  await other.getByRole('button', { name: '로그아웃' }).click()
  await expect(other.locator('html')).toHaveAttribute('lang', 'ko')
  await otherDevice.close()
})

test('sign-up presets the browser’s time zone and offers the chosen country’s zones first', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' })
  const page = await context.newPage()
  const errors = trackConsoleErrors(page)
  await page.goto('/signup')
  const zone = page.getByLabel('Time zone')
  // A UTC browser gets UTC, not the first zone of the list (Africa/Abidjan).
  await expect(zone).toHaveValue('UTC')
  await page.getByLabel('Country').selectOption('MN')
  const mongolia = zone.locator('optgroup', { hasText: 'Ulaanbaatar' })
  await expect(mongolia).toHaveAttribute('label', 'Time zones in Mongolia')
  await expect(zone.locator('optgroup').first()).toHaveAttribute('label', 'Time zones in Mongolia')
  await expect(mongolia.locator('option').first()).toHaveAttribute('value', 'Asia/Ulaanbaatar')
  await expect(mongolia.locator('option[value="Asia/Hovd"]')).toHaveCount(1)
  // Two zones: the preset stays until the person chooses.
  await expect(zone).toHaveValue('UTC')
  // A one-zone country settles it.
  await page.getByLabel('Country').selectOption('KR')
  await expect(zone).toHaveValue('Asia/Seoul')
  await expect(zone.locator('optgroup').first()).toHaveAttribute('label', 'Time zones in South Korea')
  // A zone picked by hand is not overridden by the next country.
  await zone.selectOption('Europe/Berlin')
  await page.getByLabel('Country').selectOption('JP')
  await expect(zone).toHaveValue('Europe/Berlin')
  await expect(zone.locator('optgroup').first().locator('option').first()).toHaveAttribute('value', 'Asia/Tokyo')

  // A browser in Ulaanbaatar gets its own zone.
  const mongolian = await browser.newContext({ timezoneId: 'Asia/Ulaanbaatar', locale: 'en-US' })
  const there = await mongolian.newPage()
  const errorsThere = trackConsoleErrors(there)
  await there.goto('/signup')
  await expect(there.getByLabel('Time zone')).toHaveValue('Asia/Ulaanbaatar')
  expect([...errors, ...errorsThere], 'console errors').toEqual([])
  await mongolian.close()
  await context.close()
})
