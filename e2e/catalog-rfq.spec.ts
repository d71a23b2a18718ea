import { expect, signIn, test, trackConsoleErrors } from './fixtures'

test('a buyer finds a product with filters, sends an RFQ, and follows the exporter through the pipeline', async ({ browser }) => {
  const buyerContext = await browser.newContext()
  const exporterContext = await browser.newContext()
  const buyer = await buyerContext.newPage()
  const exporter = await exporterContext.newPage()
  const consoleErrors = [...[buyer, exporter].map(trackConsoleErrors)]
  const note = `E2E RFQ ${Date.now()}: 2 pallets to Newark, retail packs.`

  // Buyer: search with filters.
  await signIn(buyer, 'buyer@tradecast.dev')
  await buyer.getByRole('link', { name: 'Catalog' }).click()
  await buyer.getByLabel('Search products').fill('buckwheat soba')
  await buyer.getByLabel('Exporter city or region').selectOption('Chuncheon')
  await buyer.getByLabel('Incoterm').selectOption('FOB')
  await buyer.getByRole('button', { name: 'Apply filters' }).click()
  await expect(buyer).toHaveURL(/q=buckwheat\+soba/)
  await expect(buyer).toHaveURL(/incoterm=FOB/)
  const result = buyer.getByRole('link', { name: /Chuncheon Buckwheat Soba Noodles/ }).first()
  await expect(result).toBeVisible()
  await result.click()
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('Chuncheon Buckwheat Soba Noodles')
  await expect(buyer.getByText(/HS 1902\.19/)).toBeVisible()

  // Buyer: request a quote; invalid input first, kept on the form.
  await buyer.getByLabel('Quantity').fill('-3')
  await buyer.getByLabel('Message to the exporter').fill(note)
  await buyer.getByRole('button', { name: 'Send request' }).click()
  await expect(buyer.getByText('Enter a whole quantity between 1 and 100,000,000.')).toBeVisible()
  await expect(buyer.getByLabel('Message to the exporter')).toHaveValue(note)
  await buyer.getByLabel('Quantity').fill('400')
  await buyer.getByLabel('Target unit price').fill('24.50')
  await buyer.getByRole('button', { name: 'Send request' }).click()
  await expect(buyer).toHaveURL(/\/inquiries\/[\w-]+$/)
  await expect(buyer.getByRole('status')).toHaveText('Your request was sent to the exporter.')
  const inquiryUrl = new URL(buyer.url()).pathname
  await expect(buyer.getByText(note)).toBeVisible()

  // Exporter: the inquiry is in the inbox, unread.
  await signIn(exporter, 'exporter@tradecast.dev')
  await exporter.getByRole('link', { name: 'Inquiries', exact: true }).click()
  const row = exporter.locator(`a[href="${inquiryUrl}"]`)
  await expect(row).toContainText('Chuncheon Buckwheat Soba Noodles')
  await expect(row).toContainText('unread')
  await row.click()
  await expect(exporter.getByText(note)).toBeVisible()

  // Exporter: quote, then move along the pipeline with values.
  const validUntil = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10)
  await exporter.getByLabel('Unit price').fill('25.10')
  await exporter.getByLabel('Valid until').fill(validUntil)
  await exporter.getByRole('button', { name: 'Send a quote' }).click()
  await expect(exporter.getByRole('status')).toHaveText('Quote sent.')

  await buyer.reload()
  await expect(buyer.locator('#pipeline-title').locator('..').locator('..')).toContainText('Quote')
  await expect(buyer.getByText(/\$25\.10 per carton × 400/)).toBeVisible()

  // The outcome stages: a sample (no value), a letter of intent, then the signed contract, each value shown to the buyer.
  await exporter.getByLabel('Move to stage').selectOption('SAMPLE')
  await exporter.getByRole('button', { name: 'Update stage' }).click()
  await expect(exporter.getByRole('heading', { level: 1 }).locator('..')).toContainText('Sample')
  await exporter.getByLabel('Move to stage').selectOption('LOI')
  await exporter.getByRole('button', { name: 'Update stage' }).click()
  // Without its value the stage is refused, on the field.
  await expect(exporter.getByText('Enter the value of this stage.')).toBeVisible()
  await exporter.getByLabel('Move to stage').selectOption('LOI')
  await exporter.getByLabel('Letter of intent value').fill('9000')
  // Leaving the field clears its error (the form revalidates on blur) before the click.
  await exporter.getByLabel('Letter of intent value').blur()
  await expect(exporter.getByText('Enter the value of this stage.')).toBeHidden()
  await exporter.getByRole('button', { name: 'Update stage' }).click()
  await expect(exporter.getByRole('heading', { level: 1 }).locator('..')).toContainText('Letter of intent (LOI)')
  await exporter.getByLabel('Move to stage').selectOption('CONTRACT_SIGNED')
  await exporter.getByLabel('Contract value').fill('10040')
  await exporter.getByRole('button', { name: 'Update stage' }).click()
  await expect(exporter.getByRole('heading', { level: 1 }).locator('..')).toContainText('Contract signed')

  await buyer.reload()
  await expect(buyer.getByRole('heading', { level: 1 }).locator('..')).toContainText('Contract signed')
  const stages = buyer.getByTestId('deal-stages')
  await expect(stages).toContainText('$9,000.00')
  await expect(stages).toContainText('$10,040.00')
  // The buyer was notified of every change.
  await buyer.getByRole('link', { name: /Notifications/ }).click()
  await expect(buyer.getByText(/moved to “Contract signed”/).first()).toBeVisible()

  expect(consoleErrors.flat(), 'console errors').toEqual([])
  await buyerContext.close()
  await exporterContext.close()
})
