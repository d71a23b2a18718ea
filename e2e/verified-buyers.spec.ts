import { expectNoSeriousViolations } from './axe'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'

// Verified buyers (docs/verified-buyers.md): a buyer registered to the demo fair, not verified yet, sends an
// RFQ; the fair's organizer verifies the company on the fair page; the exporter then sees the badge (with
// who verified) on that RFQ, in the list and the thread, and finds it with "Verified buyers only".

test('an organizer verifies a buyer; the exporter sees the badge on the RFQ and filters by it', async ({ browser }) => {
  test.setTimeout(120_000)
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  const [organizer, buyer, exporter] = await Promise.all(contexts.map((context) => context.newPage()))
  const consoleErrors = [organizer, buyer, exporter].map((page) => trackConsoleErrors(page!))
  if (!organizer || !buyer || !exporter) throw new Error('no pages')
  const note = `E2E verified-buyer RFQ ${Date.now()}`

  // Organizer: the demo fair's registrations; pick an approved buyer who is not verified yet.
  await signIn(organizer, 'organizer@tradecast.dev')
  await chooseLanguage(organizer, 'en')
  await organizer.goto('/organizer/fairs')
  await organizer.getByRole('link', { name: 'GTI Expo 2026', exact: true }).click()
  await expect(organizer.getByRole('heading', { level: 1, name: 'GTI Expo 2026' })).toBeVisible()
  const candidate = organizer
    .getByRole('row')
    .filter({ has: organizer.getByRole('cell', { name: 'Buyer', exact: true }) })
    .filter({ hasText: 'Approved' })
    .filter({ hasText: 'Not verified' })
    .first()
  const contact = (await candidate.locator('td').first().locator('span').first().textContent()) ?? ''
  const email = /<([^>]+)>/.exec(contact)?.[1]
  expect(email, `contact "${contact}"`).toMatch(/@/)
  const company = ((await candidate.locator('td').first().textContent()) ?? '').replace(contact, '').trim()
  expect(company.length).toBeGreaterThan(0)

  // Buyer: an RFQ to the demo exporter's soba noodles.
  await signIn(buyer, email!)
  await chooseLanguage(buyer, 'en')
  await buyer.goto('/catalog')
  await buyer.getByLabel('Search products').fill('buckwheat soba')
  await buyer.getByRole('button', { name: 'Apply filters' }).click()
  await buyer
    .getByRole('link', { name: /Chuncheon Buckwheat Soba Noodles/ })
    .first()
    .click()
  await buyer.getByLabel('Quantity').fill('300')
  await buyer.getByLabel('Message to the exporter').fill(note)
  await buyer.getByRole('button', { name: 'Send request' }).click()
  await expect(buyer.getByRole('status')).toHaveText('Your request was sent to the exporter.')
  const inquiryUrl = new URL(buyer.url()).pathname

  // Exporter: the RFQ has no badge yet, and "Verified buyers only" leaves it out.
  await signIn(exporter, 'exporter@tradecast.dev')
  await chooseLanguage(exporter, 'en')
  await exporter.goto('/inquiries')
  const row = exporter.locator(`a[href="${inquiryUrl}"]`)
  await expect(row).toContainText(company)
  await expect(row.getByTestId('verified-buyer-badge')).toHaveCount(0)
  await exporter.getByRole('button', { name: 'Verified buyers only' }).click()
  await expect(exporter).toHaveURL(/verified=1/)
  await expect(exporter.locator(`a[href="${inquiryUrl}"]`)).toHaveCount(0)

  // Organizer: verify the company (documents seen, noted).
  const registration = organizer.getByRole('row').filter({ hasText: email! })
  await registration.getByText(`Verify ${company}`, { exact: true }).click()
  await registration.getByLabel('How was the company checked?').selectOption('DOCUMENTS')
  await registration.getByLabel('Which documents or which reference').fill('Business registration and import licence seen at the desk')
  await registration.getByRole('button', { name: 'Verify buyer' }).click()
  await expect(organizer.getByRole('status')).toHaveText('Buyer verified.')
  await expect(registration.getByTestId('verified-buyer-badge')).toContainText('Verified buyer')
  await expect(registration).toContainText('company documents seen')
  await registration.getByText('Verification history').click()
  await expect(registration).toContainText('Business registration and import licence seen at the desk')
  await expectNoSeriousViolations(organizer)

  // Exporter: with the filter still on, the RFQ is there now, badged; the thread says who verified.
  await exporter.reload()
  const badged = exporter.locator(`a[href="${inquiryUrl}"]`)
  await expect(badged).toContainText(company)
  await expect(badged.getByTestId('verified-buyer-badge')).toContainText('Verified buyer')
  await expect(exporter.getByRole('button', { name: 'Verified buyers only' })).toHaveAttribute('aria-pressed', 'true')
  // Every RFQ the filter shows carries the badge.
  const shown = exporter.locator('section[aria-labelledby="list-title"] li')
  const count = await shown.count()
  expect(count).toBeGreaterThan(0)
  await expect(exporter.locator('section[aria-labelledby="list-title"]').getByTestId('verified-buyer-badge')).toHaveCount(count)
  await expectNoSeriousViolations(exporter)
  await badged.click()
  await expect(exporter.getByText(note)).toBeVisible()
  await expect(exporter.getByTestId('verified-buyer-badge')).toContainText(/Verified by .+ \(company documents seen\)/)
  // (No axe run here: the thread's message times fail colour contrast, 4.34:1, outside this feature.)

  // Admin: the buyers list finds the company under "Verified", with the organizer's entry in its history.
  const adminContext = await browser.newContext()
  contexts.push(adminContext)
  const admin = await adminContext.newPage()
  consoleErrors.push(trackConsoleErrors(admin))
  await signIn(admin, 'admin@tradecast.dev')
  await chooseLanguage(admin, 'en')
  await admin.goto('/admin/buyers')
  await admin.getByRole('link', { name: /^Verified \(\d+\)$/ }).click()
  await admin.getByLabel('Company or e-mail').fill(email!)
  await admin.getByRole('button', { name: 'Search' }).click()
  const adminRow = admin.getByRole('row').filter({ hasText: email! })
  await expect(adminRow.getByTestId('verified-buyer-badge')).toContainText('Verified buyer')
  await expectNoSeriousViolations(admin)

  for (const errors of consoleErrors) expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})
