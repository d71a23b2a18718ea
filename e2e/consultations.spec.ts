import { expectNoSeriousViolations } from './axe'
import { expect, pinClock, signIn, test, watchErrors } from './fixtures'
import { expectReceiving, FAKE_MEDIA_BROWSER } from './live-helpers'

// Trade-officer consultations (docs/consultations.md). The seeded exporter (Seoul, UTC+9) books the seeded
// KOTRA Ulaanbaatar officer (UTC+8, weekdays 09:00–17:00 Ulaanbaatar time) about the Mongolian market; the
// slot is shown in both zones; the officer confirms; both open the room at the slot time (server clock
// pinned per browser context by the tc_test_now cookie, honoured because the e2e server runs with
// ENABLE_TEST_HOOKS=1) and each decodes the other's fake camera through mediasoup; then notes, a task,
// "held", and the exporter ticks the task.

test.use(FAKE_MEDIA_BROWSER)

const OFFICE = 'KOTRA Ulaanbaatar'
const EXPORTER_ZONE = 'Asia/Seoul'
const OFFICER_ZONE = 'Asia/Ulaanbaatar'

/** The app's slot label (formatSlotInZone) for an English reader. */
function slotIn(start: Date, end: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).formatRange(start, end)
}

test('an exporter books a trade officer for the Mongolian market in both zones, both meet in the room and see each other', async ({ browser, baseURL }) => {
  test.setTimeout(180_000)
  const errors: string[] = []
  const exporterContext = await browser.newContext({ permissions: ['camera', 'microphone'], timezoneId: EXPORTER_ZONE })
  const officerContext = await browser.newContext({ permissions: ['camera', 'microphone'], timezoneId: OFFICER_ZONE })
  const exporter = await exporterContext.newPage()
  const officer = await officerContext.newPage()
  watchErrors(exporter, errors)
  watchErrors(officer, errors)

  // The exporter finds officers advising on Mongolia.
  await signIn(exporter, 'exporter@tradecast.dev')
  await expect(exporter.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await exporter.getByRole('link', { name: 'Consultations', exact: true }).click()
  await expect(exporter.getByRole('heading', { level: 1, name: 'Trade-officer consultations' })).toBeVisible()
  await expectNoSeriousViolations(exporter)
  await exporter.getByLabel('Market', { exact: true }).selectOption('MN')
  await exporter.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(exporter).toHaveURL(/market=MN/)
  const card = exporter.getByRole('listitem').filter({ has: exporter.getByRole('heading', { name: OFFICE, exact: true }) })
  await expect(card).toContainText('Advises on: Mongolia')
  await card.getByRole('link', { name: `Book a consultation with ${OFFICE}` }).click()
  await expect(exporter.getByRole('heading', { level: 1, name: `Book a consultation with ${OFFICE}` })).toBeVisible()
  await expectNoSeriousViolations(exporter)

  // The first free slot: inside the officer's hours in Ulaanbaatar, labelled in both zones (GMT+9 and GMT+8).
  const slot = exporter.getByTestId('consultation-slot').first()
  const start = new Date((await slot.getAttribute('data-start'))!)
  const end = new Date(start.getTime() + 30 * 60_000)
  const officerHour = Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: OFFICER_ZONE }).format(start))
  expect(officerHour).toBeGreaterThanOrEqual(9)
  expect(officerHour).toBeLessThan(17)
  await expect(slot.getByTestId('slot-mine')).toHaveText(`Your time (${EXPORTER_ZONE}): ${slotIn(start, end, EXPORTER_ZONE)}`)
  await expect(slot.getByTestId('slot-officer')).toHaveText(`${OFFICE} (${OFFICER_ZONE}): ${slotIn(start, end, OFFICER_ZONE)}`)
  expect(slotIn(start, end, EXPORTER_ZONE)).toContain('GMT+9')
  expect(slotIn(start, end, OFFICER_ZONE)).toContain('GMT+8')

  // Book it: topic, question and one product attached.
  await exporter.getByRole('radio').first().check()
  await expect(exporter.getByLabel('Market', { exact: true })).toHaveValue('MN')
  await exporter.getByLabel('Topic').selectOption('MARKET_ENTRY')
  await exporter.getByLabel('Your question').fill('E2E: which importers in Ulaanbaatar carry Korean buckwheat noodles?')
  await exporter.getByRole('group', { name: 'Products to discuss (optional)' }).getByRole('checkbox').first().check()
  await exporter.getByRole('button', { name: 'Book consultation', exact: true }).click()
  await expect(exporter).toHaveURL(/\/consultations\/[\w-]+$/)
  await expect(exporter.getByRole('status').filter({ hasText: 'Consultation booked' })).toHaveText('Consultation booked. The trade officer will confirm it.')
  const path = new URL(exporter.url()).pathname
  await expect(exporter.getByTestId('consultation-status')).toHaveText('Awaiting confirmation')
  await expect(exporter.getByTestId('consultation-market')).toHaveText('Mongolia')
  await expect(exporter.getByTestId('consultation-products').getByRole('listitem')).toHaveCount(1)
  await expect(exporter.getByTestId('consultation-time-exporter')).toContainText(EXPORTER_ZONE)
  await expect(exporter.getByTestId('consultation-time-exporter')).toContainText(slotIn(start, end, EXPORTER_ZONE))
  await expect(exporter.getByTestId('consultation-time-officer')).toContainText(`${OFFICE} · ${OFFICER_ZONE}`)
  await expect(exporter.getByTestId('consultation-time-officer')).toContainText(slotIn(start, end, OFFICER_ZONE))
  await expectNoSeriousViolations(exporter)

  // The officer sees it on the advisor page and confirms it.
  await signIn(officer, 'officer@tradecast.dev')
  await expect(officer).toHaveURL(/\/advisor$/)
  await expect(officer.getByRole('heading', { level: 1, name: 'Your consultations' })).toBeVisible()
  await expect(officer.getByTestId('consultation-list').first()).toContainText('Soyang Buckwheat Foods')
  await expectNoSeriousViolations(officer)
  await officer.goto('/advisor/profile')
  await expect(officer.getByLabel('Office name')).toHaveValue(OFFICE)
  await expectNoSeriousViolations(officer)
  await officer.goto(path)
  await officer.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(officer.getByRole('status').filter({ hasText: 'Consultation confirmed' })).toBeVisible()
  await expect(officer.getByTestId('consultation-status')).toHaveText('Confirmed')
  await expect(officer.getByTestId('consultation-time-viewer')).toContainText(OFFICER_ZONE)
  await expectNoSeriousViolations(officer)

  // Before the window the room says when it opens.
  await exporter.goto(`${path}/room`)
  await expect(exporter.getByText(/The room opens at/)).toBeVisible()
  await expect(exporter.getByTestId('meeting-video')).toHaveCount(0)

  // At the slot time both are let in, and each decodes the other's camera and hears the microphone.
  for (const [context, page] of [
    [exporterContext, exporter],
    [officerContext, officer],
  ] as const) {
    await pinClock(context, baseURL!, start.toISOString())
    await page.goto(`${path}/room`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${OFFICE} × Soyang Buckwheat Foods`)
    await expect(page.getByTestId('meeting-video')).toBeVisible()
    await expect(page.getByTestId('room-time-officer')).toContainText(slotIn(start, end, OFFICER_ZONE))
    await expect(page.getByTestId('room-time-exporter')).toContainText(slotIn(start, end, EXPORTER_ZONE))
  }
  for (const page of [exporter, officer]) await expect(page.getByTestId('meeting-state')).toHaveText('Connected')
  await expectReceiving(exporter, 'ADVISOR', 'exporter sees the trade officer')
  await expectReceiving(officer, 'EXPORTER', 'trade officer sees the exporter')
  await expect(exporter.locator('[data-testid="meeting-tile-remote"]')).toContainText('Trade officer')
  await expectNoSeriousViolations(exporter, { exclude: ['video'] })
  await exporter.getByRole('button', { name: 'Leave' }).click()
  await expect(exporter.getByTestId('meeting-state')).toHaveText('You left')
  await expect(officer.locator('[data-testid="meeting-tile-remote"]')).toHaveCount(0)

  // Afterwards: the officer's notes and a follow-up task, marked held; the exporter reads and ticks it.
  await officer.goto(path)
  await officer.locator('#advisor-notes').fill('E2E: register with MASM first; two distributors to call.')
  await officer.getByRole('button', { name: 'Save notes' }).click()
  await expect(officer.getByRole('status').filter({ hasText: 'Notes saved.' })).toBeVisible()
  await officer.getByLabel('New task').fill('E2E: send the label draft')
  await officer.getByRole('button', { name: 'Add task' }).click()
  await expect(officer.getByRole('status').filter({ hasText: 'Task added.' })).toBeVisible()
  await officer.getByRole('button', { name: 'Mark held' }).click()
  await expect(officer.getByTestId('consultation-status')).toHaveText('Held')

  await exporter.goto(path)
  await expect(exporter.getByTestId('advisor-notes')).toHaveText('E2E: register with MASM first; two distributors to call.')
  await exporter.getByRole('button', { name: 'Mark “E2E: send the label draft” done' }).click()
  await expect(exporter.getByRole('status').filter({ hasText: 'Task marked done.' })).toBeVisible()
  await expect(exporter.getByRole('button', { name: 'Reopen “E2E: send the label draft”' })).toBeVisible()

  expect(errors, 'console errors').toEqual([])
  await exporterContext.close()
  await officerContext.close()
})
