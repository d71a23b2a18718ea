import { AGENCY, grantAgencyScopes } from './agency-helpers'
import { expectNoSeriousViolations } from './axe'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'

// Export agencies (docs/export-agencies.md, ADR 026): the demo exporter's owner grants the Gangwon Export
// Agency the catalogue and RFQs & quotes; the agency's lead acts for the company, edits a product and quotes a
// buyer's RFQ (the buyer reads "Gangwon Export Agency for Soyang Buckwheat Foods"); another company's product
// is refused; the owner revokes in another browser context and the lead's very next request is refused.

const COMPANY = 'Soyang Buckwheat Foods'

test('an agency member edits a granting company’s product and quotes its RFQ, is refused elsewhere, and loses access at once on revoke', async ({
  browser,
}) => {
  test.setTimeout(150_000)
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  const [owner, agent, buyer] = await Promise.all(contexts.map((context) => context.newPage()))
  if (!owner || !agent || !buyer) throw new Error('no pages')
  const consoleErrors = [owner, agent, buyer].map((page) => trackConsoleErrors(page))
  const note = `E2E agency RFQ ${Date.now()}`

  // The owner grants the catalogue and RFQs & quotes (no showcases, no meetings).
  await signIn(owner, 'exporter@tradecast.dev')
  await chooseLanguage(owner, 'en')
  await grantAgencyScopes(owner, { catalogue: true, showcases: false, rfqs: true, meetings: false })
  await expectNoSeriousViolations(owner)

  // A buyer's RFQ for the company's soba noodles.
  await signIn(buyer, 'buyer@tradecast.dev')
  await chooseLanguage(buyer, 'en')
  await buyer.goto('/catalog')
  await buyer.getByLabel('Search products').fill('buckwheat soba')
  await buyer.getByRole('button', { name: 'Apply filters' }).click()
  await buyer
    .getByRole('link', { name: /Chuncheon Buckwheat Soba Noodles/ })
    .first()
    .click()
  await buyer.getByLabel('Quantity').fill('400')
  await buyer.getByLabel('Message to the exporter').fill(note)
  await buyer.getByRole('button', { name: 'Send request' }).click()
  await expect(buyer.getByRole('status')).toHaveText('Your request was sent to the exporter.')
  const inquiryPath = new URL(buyer.url()).pathname

  // The agency's lead: the dashboard lists the company with its rights and the RFQ in the one inbox.
  await signIn(agent, 'agency@tradecast.dev')
  // Signed in, the account lands on its dashboard (/dashboard → /agency): switch the language once there.
  await agent.waitForURL(/\/agency$/)
  await chooseLanguage(agent, 'en')
  await agent.goto('/agency')
  await expect(agent.getByRole('heading', { level: 1, name: AGENCY })).toBeVisible()
  const companyRow = agent.getByRole('region', { name: 'Companies you represent' }).getByRole('row').filter({ hasText: COMPANY })
  await expect(companyRow).toContainText('Catalogue (products, certificates), RFQs and quotes')
  await expect(agent.getByRole('region', { name: /^Inbox/ }).locator(`a[href="${inquiryPath}"]`)).toBeVisible()
  await companyRow.getByRole('button', { name: `Act for ${COMPANY}`, exact: true }).click()
  await expect(agent.getByRole('status')).toHaveText('You now act for this company.')
  await expect(agent.getByTestId('acting-for')).toHaveText(`This session acts as ${AGENCY} for ${COMPANY}.`)
  await expectNoSeriousViolations(agent)

  // The catalogue: edit the soba noodles' lead time through the company's own editor.
  await agent.getByRole('navigation', { name: 'Agency' }).getByRole('link', { name: 'Products', exact: true }).click()
  // The inbox on /agency links the same product name (the RFQ): click only once the products page is shown.
  await agent.waitForURL(/\/exporter\/products$/)
  await agent
    .getByRole('link', { name: /Chuncheon Buckwheat Soba Noodles/ })
    .first()
    .click()
  await agent.waitForURL(/\/exporter\/products\/[A-Za-z0-9_-]+$/)
  const productPath = new URL(agent.url()).pathname
  await agent.getByLabel('Lead time (days)').fill('17')
  await agent.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(agent.getByRole('status')).toHaveText('The product is saved.')
  await expect(agent.getByLabel('Lead time (days)')).toHaveValue('17')

  // The RFQ: a quote, sent as the agency for the company.
  await agent.goto(inquiryPath)
  await expect(agent.getByTestId('acting-agency')).toContainText(`You act here as ${AGENCY} for ${COMPANY}.`)
  await agent.getByLabel('Unit price').fill('3.40')
  await agent.getByLabel('Valid until').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10))
  await agent.getByRole('button', { name: 'Send a quote', exact: true }).click()
  await expect(agent.getByRole('status')).toHaveText('Quote sent.')
  await expectNoSeriousViolations(agent)

  // The buyer reads who quoted.
  await buyer.goto(inquiryPath)
  await expect(buyer.getByRole('region', { name: 'Quotes' })).toContainText(`${AGENCY} for ${COMPANY}`)

  // The owner sees the agency's actions in the company's log.
  await owner.goto('/exporter/agencies')
  const log = owner.getByRole('region', { name: 'What agencies did for your company' }).first()
  await expect(log).toContainText('Sent a quote')
  await expect(log).toContainText('Edited a product')

  // Another company (no grant): its product is not editable, its name not offered.
  // Gyeongpo Brewery's public page (seeded) lists its products.
  await agent.goto('/exporters/gyeongpo-brewery')
  await agent
    .getByRole('link', { name: /Gyeongpo Unpasteurised Makgeolli/ })
    .first()
    .click()
  await agent.waitForURL(/\/catalog\/[A-Za-z0-9_-]+$/)
  const otherId = new URL(agent.url()).pathname.split('/').pop()!
  const refused = await agent.goto(`/exporter/products/${otherId}`)
  expect(refused?.status()).toBe(404)
  await agent.goto('/agency')
  await expect(agent.getByRole('region', { name: 'Companies you represent' }).first()).not.toContainText('Gyeongpo Brewery')

  // The owner revokes in their own browser; the lead's very next request is refused.
  await owner.getByRole('button', { name: `Revoke access of ${AGENCY}`, exact: true }).click()
  await expect(owner.getByRole('status')).toHaveText('Access revoked. The agency is refused from its next request.')
  const afterRevoke = await agent.goto(productPath)
  expect(afterRevoke?.status()).toBe(403)
  const threadAfter = await agent.goto(inquiryPath)
  expect(threadAfter?.status()).toBe(404)
  await agent.goto('/agency')
  await expect(agent.getByRole('region', { name: 'Companies you represent' }).first()).not.toContainText(COMPANY)

  for (const errors of consoleErrors) expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})

test('an admin creates an agency and sees its members and grants', async ({ page }) => {
  await signIn(page, 'admin@tradecast.dev')
  await chooseLanguage(page, 'en')
  await page.goto('/admin/agencies')
  await expect(page.getByRole('heading', { level: 1, name: 'Export agencies' })).toBeVisible()
  await expect(page.getByRole('region', { name: /^Gangwon Export Agency/ })).toContainText('agency@tradecast.dev')
  const name = `E2E Agency ${Date.now()}`
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Region', { exact: true }).fill('Gangwon')
  await page.getByRole('button', { name: 'Create agency', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Agency created.')
  await expect(page.getByRole('heading', { level: 2, name: `${name} · Gangwon` })).toBeVisible()
  await expectNoSeriousViolations(page)
})

test('an agency lead reads the represented companies’ consultations by market and runs the agency’s team', async ({ browser }) => {
  test.setTimeout(120_000)
  const contexts = await Promise.all([browser.newContext(), browser.newContext()])
  const [owner, lead] = await Promise.all(contexts.map((context) => context.newPage()))
  if (!owner || !lead) throw new Error('no pages')
  const consoleErrors = [owner, lead].map((page) => trackConsoleErrors(page))
  // The company must be represented (an earlier spec may have revoked the demo grant).
  await signIn(owner, 'exporter@tradecast.dev')
  await chooseLanguage(owner, 'en')
  await grantAgencyScopes(owner, { catalogue: true, showcases: false, rfqs: true, meetings: false })

  // The demo exporter's consultations (seeded: Ulaanbaatar, held) count under Mongolia for the agency.
  await signIn(lead, 'agency@tradecast.dev')
  await chooseLanguage(lead, 'en')
  await lead.goto('/agency')
  const consultations = lead.getByRole('region', { name: 'Trade-officer consultations' })
  await expect(consultations.getByTestId('consultations-by-market').getByRole('row', { name: /Mongolia/ })).toBeVisible()
  expect(Number(await consultations.getByTestId('kpi-consultations').textContent())).toBeGreaterThanOrEqual(1)
  // A period without consultations shows none; a reversed period says so and keeps the default one.
  await consultations.getByLabel('From', { exact: true }).fill('2020-01-01')
  await consultations.getByLabel('To', { exact: true }).fill('2020-01-31')
  await consultations.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(consultations.getByTestId('kpi-consultations')).toHaveText('0')
  await expect(consultations).toContainText('No consultations in this period.')
  await lead.goto('/agency?from=2026-12-31&to=2026-01-01')
  await expect(lead.getByRole('alert').filter({ hasText: 'The start date is after the end date' })).toBeVisible()

  // The lead adds an agent by a new address (an account with its invitation) and removes them again.
  await lead.getByRole('navigation', { name: 'Agency' }).getByRole('link', { name: 'Team', exact: true }).click()
  await lead.waitForURL('**/agency/team')
  await expect(lead.getByRole('heading', { level: 1, name: 'The agency’s team' })).toBeVisible()
  const name = `E2E Agent ${Date.now()}`
  await lead.getByLabel('Member e-mail', { exact: true }).fill(`e2e-agent-${Date.now()}@export.example`)
  await lead.getByLabel('Name (new account)', { exact: true }).fill(name)
  await lead.getByRole('button', { name: 'Add to the team', exact: true }).click()
  await expect(lead.getByRole('status')).toHaveText('Member added.')
  await expect(lead.getByRole('listitem').filter({ hasText: name })).toContainText('invitation sent')
  await expectNoSeriousViolations(lead)
  await lead.getByRole('button', { name: `Remove ${name}`, exact: true }).click()
  await expect(lead.getByRole('status')).toHaveText('Member removed.')
  await expect(lead.getByRole('listitem').filter({ hasText: name })).toHaveCount(0)

  for (const errors of consoleErrors) expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})
