import { expect, signIn, test } from './fixtures'

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
  await page.getByRole('button', { name: '한국어' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('수출기업 대시보드')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await page.getByRole('button', { name: 'English' }).click()
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
