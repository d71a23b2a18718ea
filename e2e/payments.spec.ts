import { expect, signIn, test } from './fixtures'

// Sample orders end to end: the app runs against the local Stripe fake (tests/mocks/stripe-server.ts,
// started by playwright.config.ts), whose hosted checkout page posts a signed webhook back to the app.
// The seeded "Makguksu Cold Noodle Meal Kit" belongs to Soyang Buckwheat Foods, the company of
// exporter@tradecast.dev: samples at $35.00, at most 2.

test('a buyer pays for samples, the webhook marks them paid, the exporter ships, the buyer sees it', async ({ page }) => {
  await signIn(page, 'buyer@tradecast.dev')
  await expect(page).toHaveURL(/\/buyer$/)

  await page.goto('/exporters/soyang-buckwheat-foods')
  await page.getByRole('link', { name: 'Makguksu Cold Noodle Meal Kit' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Makguksu Cold Noodle Meal Kit' })).toBeVisible()

  const samples = page.getByRole('region', { name: 'Buy samples' })
  await expect(samples.getByText('$35.00 per sample')).toBeVisible()
  await samples.getByLabel('Number of samples').fill('2')
  await samples.getByLabel('Ship to').selectOption('DE')
  await expect(samples.getByTestId('sample-total')).toHaveText('$70.00')
  await samples.getByRole('button', { name: 'Buy samples' }).click()

  // The local "Stripe Checkout" page, amount computed by the server.
  await expect(page.getByRole('heading', { name: 'Test checkout' })).toBeVisible()
  await expect(page.getByText('Total: $70.00')).toBeVisible()
  await page.getByRole('button', { name: 'Pay $70.00' }).click()

  // Back on Tradecast: the signed webhook has arrived, so the order is paid.
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?checkout=success$/)
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByText('Payment received. Thank you!')).toBeVisible()
  const heading = await page.getByRole('heading', { level: 1 }).textContent()
  const reference = /TC-[A-Z0-9]{6}/.exec(heading ?? '')?.[0]
  expect(reference).toBeTruthy()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'exporter@tradecast.dev')
  await expect(page).toHaveURL(/\/exporter$/)
  await page.getByRole('link', { name: 'Orders', exact: true }).click()
  await expect(page).toHaveURL(/\/exporter\/orders$/)
  const row = page.getByRole('listitem', { name: reference! })
  await expect(row.getByText('Paid', { exact: true })).toBeVisible()
  await row.getByRole('textbox', { name: `Tracking number for ${reference}` }).fill('EE123456789KR')
  await row.getByRole('button', { name: 'Mark shipped' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Marked as shipped.' })).toBeVisible()
  await expect(row.getByText('Shipped', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'buyer@tradecast.dev')
  await page.getByRole('link', { name: 'Orders', exact: true }).click()
  await expect(page).toHaveURL(/\/orders$/)
  const myRow = page.getByRole('row').filter({ hasText: reference! })
  await expect(myRow.getByText('Shipped', { exact: true })).toBeVisible()
  await myRow.getByRole('link', { name: reference! }).click()
  await expect(page.getByTestId('order-status')).toHaveText('Shipped')
  await expect(page.getByTestId('tracking-number')).toHaveText('EE123456789KR')
})

// Buying samples from a pinned product during a live session is covered in e2e/live-room.spec.ts.
