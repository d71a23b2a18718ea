import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { chooseLanguage, expect, signIn, test, trackConsoleErrors } from './fixtures'
import { scheduleShowcase } from './live-helpers'

// Studio booking (docs/studio-booking.md, ADR 024): the demo exporter asks the hub's studio for a slot for
// one showcase while a second page asks for the same set at the same time for another showcase: exactly
// one request holds the set, the other is refused with a clear message. The studio operator approves the
// winner and assigns a Chinese interpreter; the booking then shows on the showcase's watch page and on the
// exporter's showcase list. Axe runs on every new page.

const OPERATOR = 'studio@tradecast.dev'
const EXPORTER = 'exporter@tradecast.dev'
const STUDIO = 'Gangwon Hub Studio'

/** A Seoul weekday about ten days ahead (not the demo's closed day, 20 days ahead), as YYYY-MM-DD. */
function studioWeekday(): string {
  const date = new Date(Date.now() + 9 * 3_600_000 + 10 * 86_400_000)
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

async function fillRequest(page: Page, sessionId: string, day: string) {
  await page.goto(`/exporter/studio?sessionId=${sessionId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Book the studio' })).toBeVisible()
  await page.getByLabel('Showcase', { exact: true }).selectOption(sessionId)
  await page.getByLabel('Set', { exact: true }).selectOption({ label: 'Set B — living room' })
  await page.getByLabel('Day (studio time)').fill(day)
  await page.getByLabel('Start (Asia/Seoul)').fill('11:00')
  await page.getByLabel('End (Asia/Seoul)').fill('12:00')
  await page.getByRole('checkbox', { name: 'Camera operator', exact: true }).check()
  await page.getByRole('checkbox', { name: 'Interpreter', exact: true }).check()
  // The show's own language (Korean) comes checked; this show is in Chinese only.
  await page.getByRole('checkbox', { name: 'Korean', exact: true }).uncheck()
  await page.getByRole('checkbox', { name: 'Chinese', exact: true }).check()
  await page.getByLabel('What you will show').fill('Gift boxes of Gangwon rice cakes, with tasting')
}

test('an exporter books the studio, a concurrent booking of the same set is refused, the operator approves with an interpreter', async ({ browser }) => {
  test.setTimeout(180_000)
  const [first, second, operator] = await Promise.all([0, 1, 2].map(async () => (await browser.newContext()).newPage()))
  if (!first || !second || !operator) throw new Error('no pages')
  const consoleErrors = [first, second, operator].map((page) => trackConsoleErrors(page))
  const stamp = Date.now()
  const day = studioWeekday()

  // Two of the exporter's showcases, from two signed-in pages.
  await signIn(first, EXPORTER)
  await chooseLanguage(first, 'en')
  await signIn(second, EXPORTER)
  const titles = [`Studio show A ${stamp}`, `Studio show B ${stamp}`]
  const sessionA = await scheduleShowcase(first, titles[0]!, { daysAhead: 10, hour: 10 })
  const sessionB = await scheduleShowcase(first, titles[1]!, { daysAhead: 11, hour: 10 })

  await fillRequest(first, sessionA, day)
  await expectNoSeriousViolations(first)
  await fillRequest(second, sessionB, day)
  // Both pages submit at the same time: the set is held by exactly one request.
  await Promise.all([first.getByRole('button', { name: 'Request this slot' }).click(), second.getByRole('button', { name: 'Request this slot' }).click()])
  const requested = 'Studio slot requested. The set is held until the studio answers.'
  const refused = 'That set or crew member is already booked at that time. Choose another time or set.'
  await expect(async () => {
    const outcomes = await Promise.all(
      [first, second].map(async (page) => {
        if (await page.getByRole('status').filter({ hasText: requested }).isVisible()) return 'requested'
        if (await page.getByRole('alert').filter({ hasText: refused }).isVisible()) return 'refused'
        return 'pending'
      }),
    )
    expect(outcomes.sort()).toEqual(['refused', 'requested'])
  }).toPass({ timeout: 20_000 })
  const winnerIsFirst = await first.getByRole('status').filter({ hasText: requested }).isVisible()
  const [winnerPage, winnerSession, winnerTitle] = winnerIsFirst ? [first, sessionA, titles[0]!] : [second, sessionB, titles[1]!]
  const loserPage = winnerIsFirst ? second : first
  await expectNoSeriousViolations(loserPage)
  await winnerPage.goto('/exporter/studio')
  const row = winnerPage.getByTestId('studio-booking-row').filter({ hasText: winnerTitle })
  await expect(row).toContainText('Requested')
  await expect(row).toContainText('Set B — living room')

  // The studio operator: the request waits in the queue; approve it with a camera operator and the Chinese interpreter.
  // The operator's account reads Korean: switch once the desk has loaded.
  await signIn(operator, OPERATOR)
  await operator.goto('/hub/studio')
  await expect(operator.getByRole('heading', { level: 1 })).toBeVisible()
  await chooseLanguage(operator, 'en')
  await expect(operator.getByRole('heading', { level: 1, name: 'Studio requests and bookings' })).toBeVisible()
  await expectNoSeriousViolations(operator)
  const request = operator.getByTestId('studio-request').filter({ hasText: winnerTitle })
  await expect(request).toHaveCount(1)
  await request.getByLabel('Camera operator for this booking').selectOption({ label: 'Eun-ji Kang' })
  const interpreter = request.getByLabel('Interpreter for this booking')
  // The Chinese interpreter is offered (the server refuses one who speaks none of the requested languages:
  // app/domain/studio/bookings.db.test.ts). The request's languages may include the exporter's own, so
  // other interpreters of that language can be listed too.
  await expect(interpreter.getByRole('option', { name: 'Li Na (Chinese, Korean)', exact: true })).toHaveCount(1)
  await interpreter.selectOption({ label: 'Li Na (Chinese, Korean)' })
  await request.getByRole('button', { name: `Approve the studio request for ${winnerTitle}` }).click()
  await expect(operator.getByRole('status')).toHaveText('Booking approved; the exporter has been told.')
  await expect(operator.getByTestId('studio-upcoming-row').filter({ hasText: winnerTitle })).toContainText('Li Na')

  // The calendar (week of the slot) shows it on the set, the camera operator and the interpreter.
  await operator.goto(`/hub/studio/calendar?view=week&date=${day}`)
  const calendar = operator.getByTestId('studio-calendar-week')
  for (const name of ['Set B — living room', 'Eun-ji Kang', 'Li Na']) {
    await expect(calendar.getByRole('row').filter({ has: operator.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })).toContainText(winnerTitle)
  }
  await expectNoSeriousViolations(operator)
  await operator.goto(`/hub/studio/calendar?view=day&date=${day}`)
  await expect(operator.getByTestId('studio-calendar-day')).toContainText(winnerTitle)
  await expectNoSeriousViolations(operator)
  await operator.goto('/hub/studio/setup')
  await expect(operator.getByRole('heading', { level: 1, name: 'Studio setup' })).toBeVisible()
  await expectNoSeriousViolations(operator)

  // The booking appears on the showcase: its watch page and the exporter's showcase list.
  await winnerPage.goto(`/live/${winnerSession}`)
  await expect(winnerPage.getByTestId('studio-credit')).toHaveText(`Produced at ${STUDIO}, interpreter Chinese`)
  await winnerPage.goto('/exporter/sessions')
  await expect(winnerPage.getByRole('listitem').filter({ hasText: winnerTitle }).getByTestId('studio-credit')).toHaveText(
    `Produced at ${STUDIO}, interpreter Chinese`,
  )
  await winnerPage.goto('/exporter/studio')
  await expect(winnerPage.getByTestId('studio-booking-row').filter({ hasText: winnerTitle })).toContainText('Approved')

  expect(consoleErrors.flat()).toEqual([])
})
