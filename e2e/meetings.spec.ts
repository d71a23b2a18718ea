import { expect, pinClock, signIn, test, watchErrors } from './fixtures'
import { expectReceiving, FAKE_MEDIA_BROWSER } from './live-helpers'

// The seeded buyer (New York) books the seeded exporter (Seoul) from a recommendation; the exporter
// accepts; both open the room at the slot time, with the server clock pinned per browser context by the
// tc_test_now cookie (honoured only because the e2e server runs with ENABLE_TEST_HOOKS=1).

const EXPORTER_SLUG = 'soyang-buckwheat-foods'

// In the room both send Chromium's fake camera + microphone through mediasoup on 127.0.0.1
// (needs MEDIASOUP_WORKER_BIN, like e2e/live-media.spec.ts).
test.use(FAKE_MEDIA_BROWSER)

test('a buyer requests a meeting from a recommendation, the exporter accepts, both meet in the room', async ({ browser, baseURL }) => {
  test.setTimeout(150_000)
  const errors: string[] = []
  const buyerContext = await browser.newContext({ permissions: ['camera', 'microphone'] })
  const exporterContext = await browser.newContext({ permissions: ['camera', 'microphone'] })
  const buyer = await buyerContext.newPage()
  const exporter = await exporterContext.newPage()
  watchErrors(buyer, errors)
  watchErrors(exporter, errors)

  // New York and Seoul office hours never overlap: the buyer opens an evening window first.
  await signIn(buyer, 'buyer@tradecast.dev')
  await expect(buyer.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await buyer.goto('/buyer/profile')
  await buyer.getByLabel('Business hours from').fill('18:00')
  await buyer.getByLabel('Business hours until').fill('23:00')
  await buyer.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(buyer.getByRole('status')).toHaveText('Your buyer profile is saved.')

  // Recommendations, with reasons in words.
  await buyer.getByRole('link', { name: 'Recommended exporters' }).click()
  await expect(buyer.getByRole('heading', { level: 1, name: 'Recommended exporters' })).toBeVisible()
  const card = buyer.getByRole('listitem').filter({ has: buyer.getByRole('heading', { name: 'Soyang Buckwheat Foods' }) })
  await expect(card.getByText(/matches your interests|one of your interests/).first()).toBeVisible()
  await card.getByRole('link', { name: /Request a meeting/ }).click()
  await expect(buyer).toHaveURL(new RegExp(`/meetings/new\\?company=${EXPORTER_SLUG}`))

  // The first slot offered; its label shows the exporter's local time too.
  const firstSlot = buyer.getByRole('radio').first()
  await expect(firstSlot).toBeVisible()
  await expect(buyer.getByText(/Soyang Buckwheat Foods: .*GMT\+9/).first()).toBeVisible()
  await firstSlot.check()
  await buyer.getByLabel('Agenda (optional)').fill('E2E: soba for US grocers')
  await buyer.getByRole('button', { name: 'Send meeting request' }).click()
  await expect(buyer).toHaveURL(/\/meetings\/[\w-]+$/)
  await expect(buyer.getByRole('status')).toHaveText('Your meeting request was sent.')
  const meetingPath = new URL(buyer.url()).pathname
  const startsAt = await buyer.getByTestId('meeting-starts-at').getAttribute('datetime')
  expect(startsAt).toBeTruthy()

  // The exporter accepts.
  await signIn(exporter, 'exporter@tradecast.dev')
  await expect(exporter.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await exporter.goto(meetingPath)
  await exporter.getByRole('button', { name: 'Accept' }).click()
  await expect(exporter.getByRole('status')).toHaveText('Meeting accepted.')
  await expect(exporter.getByRole('link', { name: 'Open meeting room' })).toBeVisible()

  // Before the window the room says when it opens; at the slot time both are let in.
  await buyer.goto(`${meetingPath}/room`)
  await expect(buyer.getByText(/The room opens at/)).toBeVisible()
  await expect(buyer.getByTestId('meeting-video')).toHaveCount(0)

  for (const [context, page] of [
    [buyerContext, buyer],
    [exporterContext, exporter],
  ] as const) {
    await pinClock(context, baseURL!, startsAt!)
    await page.goto(`${meetingPath}/room`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hudson Pacific Imports × Soyang Buckwheat Foods')
    await expect(page.getByTestId('meeting-video')).toBeVisible()
    await expect(page.getByTestId('room-time-buyer')).toContainText('America/New_York')
    await expect(page.getByTestId('room-time-exporter')).toContainText('Asia/Seoul')
  }
  await expect(exporter.getByTestId('room-time-viewer')).toContainText(/GMT\+9/)

  // Both are connected and each receives the other's camera and microphone.
  for (const page of [buyer, exporter]) await expect(page.getByTestId('meeting-state')).toHaveText('Connected')
  await expectReceiving(buyer, 'EXPORTER', 'buyer sees the exporter')
  await expectReceiving(exporter, 'BUYER', 'exporter sees the buyer')
  await expect(buyer.locator('[data-testid="meeting-tile-remote"]')).toContainText('Exporter')

  // Muting the camera shows "Camera off" on the other side; leaving removes the tile.
  await exporter.getByRole('button', { name: 'Turn camera off' }).click()
  await expect(buyer.locator('[data-testid="meeting-tile-remote"]')).toContainText('Camera off')
  await exporter.getByRole('button', { name: 'Leave' }).click()
  await expect(exporter.getByTestId('meeting-state')).toHaveText('You left')
  await expect(buyer.locator('[data-testid="meeting-tile-remote"]')).toHaveCount(0)

  expect(errors, 'console errors').toEqual([])
  await buyerContext.close()
  await exporterContext.close()
})
