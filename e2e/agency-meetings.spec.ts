import { AGENCY, grantAgencyScopes } from './agency-helpers'
import { expectNoSeriousViolations } from './axe'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'

// The MEETINGS scope (docs/export-agencies.md, ADR 026): the demo exporter's company lets the Gangwon Export
// Agency handle its meetings; a buyer requests a meeting with the company; the agency's lead opens it from the
// /agency inbox, sees for whom they act, accepts it (seated as the company's exporter participant), the
// agency's action log shows it, and the company's owner sees the meeting accepted with the lead seated.

const COMPANY = 'Soyang Buckwheat Foods'
const COMPANY_SLUG = 'soyang-buckwheat-foods'
const LEAD = 'Kim Haneul'

test('an agency member opens a granting company’s meeting request from the inbox and accepts it for the company', async ({ browser }) => {
  test.setTimeout(150_000)
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  const [owner, agent, buyer] = await Promise.all(contexts.map((context) => context.newPage()))
  if (!owner || !agent || !buyer) throw new Error('no pages')
  const consoleErrors = [owner, agent, buyer].map((page) => trackConsoleErrors(page))
  const agenda = `E2E agency meeting ${Date.now()}`

  await signIn(owner, 'exporter@tradecast.dev')
  await chooseLanguage(owner, 'en')
  await grantAgencyScopes(owner, { catalogue: true, rfqs: true, meetings: true })

  // The buyer (New York) opens an evening window, so that Seoul office hours overlap, and requests a meeting.
  await signIn(buyer, 'buyer@tradecast.dev')
  await chooseLanguage(buyer, 'en')
  await buyer.goto('/buyer/profile')
  await buyer.getByLabel('Business hours from').fill('18:00')
  await buyer.getByLabel('Business hours until').fill('23:00')
  await buyer.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(buyer.getByRole('status')).toHaveText('Your buyer profile is saved.')
  await buyer.goto(`/meetings/new?company=${COMPANY_SLUG}`)
  await buyer.getByRole('radio').first().check()
  await buyer.getByLabel('Agenda (optional)').fill(agenda)
  await buyer.getByRole('button', { name: 'Send meeting request' }).click()
  await expect(buyer).toHaveURL(/\/meetings\/[\w-]+$/)
  await expect(buyer.getByRole('status')).toHaveText('Your meeting request was sent.')
  const meetingPath = new URL(buyer.url()).pathname

  // The agency's lead finds the request in the one inbox and opens it.
  await signIn(agent, 'agency@tradecast.dev')
  await agent.waitForURL(/\/agency$/)
  await chooseLanguage(agent, 'en')
  await agent.goto('/agency?kind=meeting')
  const item = agent.getByRole('region', { name: /^Inbox/ }).locator(`a[href="${meetingPath}"]`)
  await expect(item).toHaveText('Meeting request')
  await item.click()
  await agent.waitForURL(new RegExp(`${meetingPath}$`))
  await expect(agent.getByTestId('acting-agency')).toContainText(`You act here as ${AGENCY} for ${COMPANY}.`)
  await expect(agent.getByRole('region', { name: 'When' })).toContainText(agenda)
  await expectNoSeriousViolations(agent)

  // The lead accepts for the company and is seated as its exporter participant.
  await agent.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(agent.getByRole('status')).toHaveText('Meeting accepted.')
  await expect(agent.getByText(`${LEAD} (exporter)`)).toBeVisible()
  await expect(agent.getByRole('link', { name: 'Open meeting room' })).toBeVisible()

  // The agency's action log shows it.
  await agent.goto('/agency')
  const log = agent.getByRole('region', { name: 'What your agency did' })
  await expect(log.getByRole('row').filter({ hasText: 'Accepted a meeting request' }).first()).toContainText(COMPANY)

  // The company's owner sees the meeting accepted, the lead seated, and the agency's action in the company's log.
  await owner.goto(meetingPath)
  await expect(owner.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(owner.locator('header').getByText('Accepted', { exact: true })).toBeVisible()
  await expect(owner.getByText(`${LEAD} (exporter)`)).toBeVisible()
  await owner.goto('/exporter/agencies')
  await expect(owner.getByRole('region', { name: 'What agencies did for your company' }).first()).toContainText('Accepted a meeting request')

  // The buyer sees it accepted.
  await buyer.goto(meetingPath)
  await expect(buyer.locator('header').getByText('Accepted', { exact: true })).toBeVisible()

  for (const errors of consoleErrors) expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})
