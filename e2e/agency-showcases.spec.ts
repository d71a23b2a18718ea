import { AGENCY, grantAgencyScopes } from './agency-helpers'
import { expectNoSeriousViolations } from './axe'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'
import { FAKE_MEDIA_BROWSER } from './live-helpers'

// The SHOWCASES scope (docs/export-agencies.md, ADR 026): the demo exporter's owner lets the Gangwon Export
// Agency run the company's showcases; the agency's lead acts for the company, schedules a showcase on the
// company's /exporter/sessions, lands in its studio (joined as the host: "Go live" offered), the agency's
// action log shows it; the owner revokes in another browser and the studio page is refused at once.

test.use(FAKE_MEDIA_BROWSER)

const COMPANY = 'Soyang Buckwheat Foods'

test('an agency member schedules a granting company’s showcase, opens its studio, and is refused once the owner revokes', async ({ browser }) => {
  test.setTimeout(150_000)
  const contexts = await Promise.all([browser.newContext(), browser.newContext()])
  const [owner, agent] = await Promise.all(contexts.map((context) => context.newPage()))
  if (!owner || !agent) throw new Error('no pages')
  const consoleErrors = [owner, agent].map((page) => trackConsoleErrors(page))
  const title = `E2E agency showcase ${Date.now()}`

  await signIn(owner, 'exporter@tradecast.dev')
  await chooseLanguage(owner, 'en')
  await grantAgencyScopes(owner, { showcases: true })

  // The lead acts for the company (a second demo company grants showcases too: the choice says which).
  await signIn(agent, 'agency@tradecast.dev')
  await agent.waitForURL(/\/agency$/)
  await chooseLanguage(agent, 'en')
  await agent.goto('/agency')
  const companyRow = agent.getByRole('region', { name: 'Companies you represent' }).getByRole('row').filter({ hasText: COMPANY })
  await expect(companyRow).toContainText('Showcases')
  await companyRow.getByRole('button', { name: `Act for ${COMPANY}`, exact: true }).click()
  await expect(agent.getByRole('status')).toHaveText('You now act for this company.')

  // The company's showcases page, from the agency's navigation: schedule one, land in its studio.
  await agent.getByRole('navigation', { name: 'Agency' }).getByRole('link', { name: 'Live showcases', exact: true }).click()
  await agent.waitForURL(/\/exporter\/sessions$/)
  await expect(agent.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoSeriousViolations(agent)
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
  await agent.getByLabel('Title').fill(title)
  await agent.getByLabel('Starts').fill(`${day}T10:00`)
  await agent.getByLabel('Ends').fill(`${day}T11:00`)
  await agent.getByRole('button', { name: 'Schedule' }).click()
  await expect(agent).toHaveURL(/\/studio\/[\w-]+$/)
  const studioPath = new URL(agent.url()).pathname
  await expect(agent.getByRole('status').filter({ hasText: 'Showcase scheduled. Your studio is ready.' })).toBeVisible()
  await expect(agent.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // Joined the showcase's media room as its host (the socket gateway's rule, assertShowcaseManagement).
  await expect(agent.getByRole('button', { name: 'Go live' })).toBeEnabled({ timeout: 30_000 })

  // The agency's log and the company's log show who scheduled it.
  await agent.goto('/agency')
  await expect(agent.getByRole('region', { name: 'What your agency did' }).first()).toContainText('Scheduled a showcase')
  await owner.goto('/exporter/agencies')
  await expect(owner.getByRole('region', { name: 'What agencies did for your company' }).first()).toContainText('Scheduled a showcase')

  // The owner revokes; the lead's studio page is refused on the very next request.
  await owner.getByRole('button', { name: `Revoke access of ${AGENCY}`, exact: true }).click()
  await expect(owner.getByRole('status')).toHaveText('Access revoked. The agency is refused from its next request.')
  const refused = await agent.goto(studioPath)
  expect(refused?.status()).toBe(403)

  for (const errors of consoleErrors) expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})
