import type { APIRequestContext, BrowserContext, Page } from '@playwright/test'
import { chooseLanguage, expect, signIn, test } from './fixtures'

// Meeting attendance (docs/meeting-attendance.md) with the server's job queue driven by the test hook
// POST /__test/jobs/run-due {now} (ENABLE_TEST_HOOKS=1 on the e2e server): an unanswered request expires,
// and an accepted meeting nobody joined is marked a no-show and counted on the organizer's fair KPIs.
// The seeded buyer (New York) asks the seeded exporter (Seoul) at GTI Expo 2026, where both are approved.

const NEW_MEETING = '/meetings/new?company=soyang-buckwheat-foods&fair=gti-expo-2026'

async function runJobsAt(request: APIRequestContext, now: string) {
  const response = await request.post('/__test/jobs/run-due', { data: { now } })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as { ran: number; failed: number }
}

async function pinClock(context: BrowserContext, baseURL: string, at: string) {
  await context.addCookies([{ name: 'tc_test_now', value: encodeURIComponent(at), url: baseURL }])
}

/** The buyer asks for the first common slot; returns the meeting's path and start. */
async function requestFirstSlot(buyer: Page, agenda: string) {
  await buyer.goto(NEW_MEETING)
  await buyer.getByRole('radio').first().check()
  await buyer.getByLabel('Agenda (optional)').fill(agenda)
  await buyer.getByRole('button', { name: 'Send meeting request' }).click()
  await expect(buyer.getByRole('status')).toHaveText('Your meeting request was sent.')
  const path = new URL(buyer.url()).pathname
  const startsAt = await buyer.getByTestId('meeting-starts-at').getAttribute('datetime')
  expect(startsAt).toBeTruthy()
  return { path, startsAt: startsAt! }
}

test.describe.configure({ mode: 'serial' })

test('an unanswered request expires at its answer time; both sides see it expired', async ({ page, browser, request }) => {
  // New York and Seoul office hours never overlap: the buyer opens an evening window first.
  await signIn(page, 'buyer@tradecast.dev')
  await page.goto('/buyer/profile')
  await page.getByLabel('Business hours from').fill('18:00')
  await page.getByLabel('Business hours until').fill('23:00')
  await page.locator('#buyer-profile').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status')).toHaveText('Your buyer profile is saved.')

  const { path, startsAt } = await requestFirstSlot(page, 'E2E: attendance — nobody answers')
  const attendance = page.getByTestId('meeting-attendance')
  await expect(attendance).toContainText('Waiting for an answer until')

  // Running what is due now expires nothing yet…
  await runJobsAt(request, new Date().toISOString())
  await page.reload()
  await expect(page.getByText('Requested', { exact: true }).first()).toBeVisible()
  // …and at the start at the latest the request has expired.
  await runJobsAt(request, startsAt)
  await page.reload()
  await expect(page.getByText('Expired', { exact: true }).first()).toBeVisible()
  await expect(attendance).toContainText('Nobody answered this request in time, so it expired.')
  await expect(attendance.getByRole('button', { name: 'Reschedule to the next common time' })).toBeVisible()

  // The exporter was told and can no longer accept.
  const exporterContext = await browser.newContext()
  const exporter = await exporterContext.newPage()
  await signIn(exporter, 'exporter@tradecast.dev')
  await exporter.goto('/notifications')
  await expect(exporter.getByText('Meeting request expired: Hudson Pacific Imports').first()).toBeVisible()
  await exporter.goto(path)
  await expect(exporter.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  await expect(exporter.getByTestId('meeting-attendance')).toContainText('Nobody answered this request in time')
  await exporterContext.close()
})

test('an accepted meeting nobody joined is marked a no-show and counted on the fair KPIs', async ({ page, browser, request, baseURL }) => {
  await signIn(page, 'buyer@tradecast.dev')
  const { path, startsAt } = await requestFirstSlot(page, 'E2E: attendance — nobody comes')
  const endsAt = new Date(new Date(startsAt).getTime() + 30 * 60_000)

  const exporterContext = await browser.newContext()
  const exporter = await exporterContext.newPage()
  await signIn(exporter, 'exporter@tradecast.dev')
  await exporter.goto(path)
  await exporter.getByRole('button', { name: 'Accept' }).click()
  await expect(exporter.getByRole('status')).toHaveText('Meeting accepted.')
  // Both sides' confirmations are shown, asked 24 hours before.
  await expect(exporter.getByTestId('confirmations')).toContainText('Soyang Buckwheat Foods: asked 24 hours before')

  // The organizer looks at the fair's KPIs after the meeting's end, before the room's verdict.
  const organizerContext = await browser.newContext()
  const organizer = await organizerContext.newPage()
  await signIn(organizer, 'organizer@tradecast.dev')
  await pinClock(organizerContext, baseURL!, new Date(endsAt.getTime() + 20 * 60_000).toISOString())
  await organizer.goto('/organizer/fairs')
  // The seeded organizer reads Korean; this test reads English.
  await chooseLanguage(organizer, 'en')
  await organizer.locator('a[href^="/organizer/fairs/"][href$="/dashboard"]').first().click()
  await expect(organizer).toHaveURL(/\/organizer\/fairs\/[\w-]+\/dashboard$/)
  const noShows = async () => Number((await organizer.getByTestId('kpi-no-shows').textContent())?.replace(/\D/g, '') ?? 'NaN')
  const before = await noShows()
  expect(Number.isNaN(before)).toBe(false)

  // 15 minutes after the end the room's attendance is marked: nobody joined.
  await runJobsAt(request, new Date(endsAt.getTime() + 15 * 60_000).toISOString())
  await pinClock(exporterContext, baseURL!, new Date(endsAt.getTime() + 20 * 60_000).toISOString())
  await exporter.reload()
  await expect(exporter.getByText('No-show', { exact: true }).first()).toBeVisible()
  await expect(exporter.getByTestId('meeting-attendance')).toContainText('Did not join the meeting room: Hudson Pacific Imports and Soyang Buckwheat Foods.')
  // The outcome can still be recorded by people afterwards (the form is there).
  await expect(exporter.getByRole('button', { name: 'Save outcome' })).toBeVisible()

  await organizer.reload()
  expect(await noShows()).toBeGreaterThanOrEqual(before + 1)
  await expect(organizer.getByTestId('kpi-no-show-rate')).not.toHaveText('—')
  await expect(organizer.getByRole('heading', { name: 'Meeting attendance' })).toBeVisible()
  await expect(organizer.getByTestId('attendance-by-country')).toContainText('United States')
  // The CSV has the same figures.
  const csv = await organizer.request.get(`${new URL(organizer.url()).pathname.replace('/dashboard', '')}/attendance.csv`)
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain('United States')
  await organizerContext.close()
  await exporterContext.close()
})
