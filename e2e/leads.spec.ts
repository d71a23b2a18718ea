import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { expectNoSeriousViolations } from './axe'
import { scheduleShowcase } from './live-helpers'

// Leads (issue 21): a signed-in buyer is told what the exporter sees, opens a pinned product; the exporter's
// lead list shows them with the reason, sorted and downloadable; after the buyer opts out on their profile
// they are counted, not named. Pins work before the host goes live, so no camera is needed.

const PRODUCT = 'Makguksu Cold Noodle Meal Kit' // Soyang Buckwheat Foods (exporter@tradecast.dev)
const BUYER_COMPANY = 'Hudson Pacific Imports' // buyer@tradecast.dev

test('a buyer opens a pinned product; the exporter sees the lead with its reasons; an opted-out buyer is only counted', async ({ page: host, browser }) => {
  test.setTimeout(120_000)
  await signIn(host, 'exporter@tradecast.dev')
  const title = `E2E leads ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title)
  await expect(host.getByTestId('chat-connection')).toHaveText('Connected')
  const pin = host.getByRole('checkbox', { name: PRODUCT })
  await pin.click()
  await expect(pin).toBeChecked()

  const buyerContext = await browser.newContext({ locale: 'en-US' })
  const buyer = await buyerContext.newPage()
  const errors = trackConsoleErrors(buyer)
  await signIn(buyer, 'buyer@tradecast.dev')

  await test.step('the buyer reads what the exporter will see, and opens the pinned product', async () => {
    await buyer.goto(`/live/${sessionId}`)
    await expect(buyer.getByTestId('lead-privacy-notice')).toContainText('the exporter hosting this showcase sees you as a lead')
    const card = buyer.getByTestId('pinned-product').filter({ hasText: PRODUCT })
    const recorded = buyer.waitForResponse((response) => response.url().endsWith(`/live/${sessionId}/product-opens`) && response.request().method() === 'POST')
    await card.getByRole('button', { name: 'Request quote' }).click()
    expect((await recorded).status()).toBe(200)
    await buyer.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  })

  await test.step('the exporter finds the buyer on the showcase’s lead list with the reason, and can sort and download it', async () => {
    await host.goto(`/exporter/sessions/${sessionId}/leads`)
    await expect(host.getByRole('heading', { level: 1, name: `Leads: ${title}` })).toBeVisible()
    const row = host.getByTestId('lead-row').filter({ hasText: BUYER_COMPANY })
    await expect(row).toBeVisible()
    await expect(row.getByTestId('lead-reasons')).toContainText('opened 1 product')
    await expect(row).toContainText(PRODUCT)
    await expectNoSeriousViolations(host)
    const scoreHeader = host.getByRole('columnheader', { name: 'Sort by Score' })
    await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending')
    await host.getByRole('link', { name: 'Sort by Lead' }).click()
    await expect(host.getByRole('columnheader', { name: 'Sort by Lead' })).toHaveAttribute('aria-sort', 'ascending')
    const download = host.waitForEvent('download')
    await host.getByRole('link', { name: 'Download CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(new RegExp(`^leads-${sessionId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  })

  await test.step('after the buyer opts out, the list counts them without naming them', async () => {
    await buyer.goto('/buyer/profile')
    const setting = buyer.getByLabel('Do not list me on exporters’ lead lists')
    await setting.check()
    await buyer.getByTestId('lead-list-form').getByRole('button', { name: 'Save lead-list setting' }).click()
    await expect(buyer.getByText('Your lead-list setting was saved.')).toBeVisible()
    await host.reload()
    await expect(host.getByTestId('lead-row').filter({ hasText: BUYER_COMPANY })).toHaveCount(0)
    await expect(host.getByTestId('leads-summary')).toContainText('1 buyer opted out of lead lists')
    // Back as it was, for the other specs sharing the demo data.
    await buyer.getByLabel('Do not list me on exporters’ lead lists').uncheck()
    await buyer.getByTestId('lead-list-form').getByRole('button', { name: 'Save lead-list setting' }).click()
    await expect(buyer.getByText('Your lead-list setting was saved.')).toBeVisible()
  })
  await test.step('the CRM webhook page refuses an internal address with a clear message', async () => {
    await host.getByRole('link', { name: 'CRM webhook' }).click()
    await expect(host.getByRole('heading', { level: 1, name: 'CRM webhook for leads' })).toBeVisible()
    await expectNoSeriousViolations(host)
    await host.getByLabel('Webhook URL').fill('https://169.254.169.254/latest/meta-data/')
    await host.getByRole('button', { name: 'Save webhook' }).click()
    await expect(host.getByText('Private, internal and local network addresses are not allowed.')).toBeVisible()
    await expect(host.getByTestId('webhook-secret')).toHaveCount(0)
  })
  expect(errors).toEqual([])
  await buyerContext.close()
})
