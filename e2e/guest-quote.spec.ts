import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { scheduleShowcase } from './live-helpers'

// A guest watching a showcase asks for a quote on a pinned product: the button leads to sign-up (or
// sign-in) and back to the show with the quote form open for that product. Pins work before the host goes
// live, so no camera is needed.

const PRODUCT = 'Makguksu Cold Noodle Meal Kit' // Soyang Buckwheat Foods (exporter@tradecast.dev)
const OTHER_COMPANY_PRODUCT = 'Gyeongpo Unpasteurised Makgeolli 6%'

test('a guest requests a quote from a pinned product: signs up as a buyer, comes back with the form open, and sends it', async ({ page: host, browser }) => {
  test.setTimeout(120_000)
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E guest quote ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title)
  await expect(host.getByTestId('chat-connection')).toHaveText('Connected')
  const pin = host.getByRole('checkbox', { name: PRODUCT })
  await pin.click()
  await expect(pin).toBeChecked()

  const guestContext = await browser.newContext({ locale: 'en-US' })
  const guest = await guestContext.newPage()
  const errors = trackConsoleErrors(guest)
  await guest.goto(`/live/${sessionId}`)
  const card = guest.getByTestId('pinned-product').filter({ hasText: PRODUCT })
  await expect(card).toBeVisible()
  const productId = (await card.getByRole('link', { name: PRODUCT }).getAttribute('href'))?.split('/').pop() ?? ''
  expect(productId).not.toBe('')

  await test.step('"Request quote" explains and offers both sign-up and sign-in', async () => {
    const requestQuote = card.getByRole('button', { name: 'Request quote' })
    await expect(requestQuote).toHaveAttribute('aria-expanded', 'false')
    await requestQuote.click()
    await expect(requestQuote).toHaveAttribute('aria-expanded', 'true')
    await expect(card.getByText(`Sign in or create a buyer account to ask for a quote on ${PRODUCT}.`, { exact: false })).toBeVisible()
    await expect(card.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/login?${new URLSearchParams({ redirectTo: `/live/${sessionId}?rfq=${productId}` })}`,
    )
    await card.getByRole('link', { name: 'Create a buyer account' }).click()
    await expect(guest).toHaveURL(/\/signup\?redirectTo=/)
  })

  const email = `e2e-guest-quote-${Date.now()}@example.test`
  await test.step('signing up as a buyer lands back on the show with the quote form open for that product', async () => {
    await guest.getByLabel('A buyer').check()
    await guest.getByLabel('Your name').fill('Gina Guest')
    await guest.getByLabel('Email').fill(email)
    await guest.getByLabel('Password').fill('guest-quote-2026')
    await guest.getByLabel('Company name').fill('Guest Foods BV')
    await guest.getByLabel('Country').selectOption('NL')
    await guest.getByLabel('Business type').selectOption('IMPORTER')
    await guest.getByRole('button', { name: 'Create account' }).click()
    await expect(guest).toHaveURL(new RegExp(`/live/${sessionId}\\?rfq=${productId}$`))
    await expect(guest.getByRole('dialog', { name: `Request quote: ${PRODUCT}` })).toBeVisible()
    // Focus is in the dialog, so a keyboard or screen-reader user starts there.
    await expect(guest.getByRole('dialog', { name: `Request quote: ${PRODUCT}` })).toBeFocused()
  })

  const note = `Guest asked live ${Date.now()}`
  await test.step('the request is sent, linked to the show, and reaches the exporter', async () => {
    const dialog = guest.getByRole('dialog', { name: `Request quote: ${PRODUCT}` })
    await dialog.getByLabel('Quantity').fill('500')
    await dialog.getByLabel('Message to the exporter').fill(note)
    await dialog.getByRole('button', { name: 'Send request' }).click()
    await expect(dialog.getByText('Your request was sent.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(guest.getByRole('dialog')).toHaveCount(0)
    // Closed stays closed: the address no longer asks for the form.
    await expect(guest).toHaveURL(new RegExp(`/live/${sessionId}$`))

    await host.goto('/inquiries')
    const row = host.getByRole('link').filter({ hasText: PRODUCT }).filter({ hasText: 'from a live session' }).first()
    await expect(row).toBeVisible()
    await row.click()
    await expect(host.getByText(note)).toBeVisible()
    await expect(host.getByText(`Asked during the live session “${title}”`)).toBeVisible()
  })

  await test.step('hostile: another company’s product in ?rfq= opens nothing; an off-site redirectTo goes to the dashboard', async () => {
    await guest.goto(`/catalog?${new URLSearchParams({ q: 'Gyeongpo Makgeolli' })}`)
    const otherHref = await guest.getByRole('link', { name: OTHER_COMPANY_PRODUCT }).first().getAttribute('href')
    const otherId = otherHref?.split('/').pop() ?? ''
    expect(otherId).not.toBe('')
    await guest.goto(`/live/${sessionId}?rfq=${otherId}`)
    await expect(guest.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
    await expect(guest.getByRole('dialog')).toHaveCount(0)
    await guest.goto(`/live/${sessionId}?rfq=${encodeURIComponent('"><script>alert(1)</script>')}`)
    await expect(guest.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
    await expect(guest.getByRole('dialog')).toHaveCount(0)

    await guest.getByRole('button', { name: 'Sign out' }).click()
    await expect(guest.getByRole('link', { name: 'Sign in' })).toBeVisible()
    await guest.goto(`/login?${new URLSearchParams({ redirectTo: '//evil.example' })}`)
    await guest.getByLabel('Email').fill(email)
    await guest.getByLabel('Password').fill('guest-quote-2026')
    await guest.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(guest).toHaveURL(/^http:\/\/localhost:\d+\/buyer$/)
  })

  expect(errors, 'guest console errors').toEqual([])
  await guestContext.close()
})
