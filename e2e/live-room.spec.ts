import type { Browser, Page } from '@playwright/test'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { chatMessages, scheduleShowcase, sendChat } from './live-helpers'

// Two viewers (the seeded buyer and a guest) and the host in one showcase: chat, moderation, product
// pinning, request-a-quote and buy-samples from the stream. Chat works before the host goes live, so
// this test needs no camera.

const PRODUCT = 'Makguksu Cold Noodle Meal Kit' // Soyang Buckwheat Foods, samples at $35.00

async function viewer(browser: Browser, errors: string[][]): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  errors.push(trackConsoleErrors(page))
  return page
}

const chat = chatMessages

test('viewers chat with the host, who moderates and pins a product; a buyer requests a quote and buys samples without leaving the stream', async ({
  page: host,
  browser,
}) => {
  test.setTimeout(120_000)
  const errors: string[][] = []

  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const title = `E2E live room ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title)
  await expect(host.getByTestId('chat-connection')).toHaveText('Connected')

  const buyer = await viewer(browser, errors)
  await signIn(buyer, 'buyer@tradecast.dev')
  await expect(buyer).toHaveURL(/\/buyer$/)
  await buyer.goto(`/live/${sessionId}`)
  await expect(buyer.getByTestId('chat-connection')).toHaveText('Connected')

  const guest = await viewer(browser, errors)
  await guest.goto(`/live/${sessionId}`)
  await guest.getByLabel('Your name (shown in the chat)').fill('Guest Lee')
  await guest.getByRole('button', { name: 'Join the chat' }).click()
  await expect(guest.getByLabel('Chat message')).toBeEnabled()

  await test.step('viewers chat and the host sees it; script tags stay text', async () => {
    await sendChat(buyer, 'Hello from New York! What is the shelf life?')
    await sendChat(guest, '<script>window.__pwned = 1</script> spam spam')
    await expect(chat(host).filter({ hasText: 'Hello from New York!' })).toBeVisible()
    await expect(chat(host).filter({ hasText: '<script>window.__pwned = 1</script> spam spam' })).toBeVisible()
    expect(await guest.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await expect(chat(buyer).filter({ hasText: 'spam spam' })).toBeVisible()
  })

  await test.step('the host deletes a message and it disappears everywhere', async () => {
    const spam = chat(host).filter({ hasText: 'spam spam' })
    await spam.getByRole('button', { name: 'Delete' }).click()
    await expect(chat(host).filter({ hasText: 'spam spam' })).toHaveCount(0)
    await expect(chat(buyer).filter({ hasText: 'spam spam' })).toHaveCount(0)
    await expect(chat(guest).filter({ hasText: 'spam spam' })).toHaveCount(0)
    await expect(chat(buyer).filter({ hasText: 'Hello from New York!' })).toBeVisible()
  })

  await test.step('a banned viewer can no longer send', async () => {
    await sendChat(guest, 'one more time')
    await chat(host).filter({ hasText: 'one more time' }).getByRole('button', { name: 'Ban' }).click()
    await expect(guest.getByText('You were removed from this session’s chat.')).toBeVisible()
    await expect(guest.getByLabel('Chat message')).toHaveCount(0)
    // Reloading does not let them back in.
    await guest.reload()
    await expect(guest.getByText('You were removed from this session’s chat.')).toBeVisible()
  })

  await test.step('the host sees the ban in the participant list and lifts it; the guest writes again', async () => {
    const banned = host.getByTestId('participants').getByRole('listitem').filter({ hasText: 'Banned' })
    await expect(banned).toHaveCount(1)
    await banned.getByRole('button', { name: /^Lift the sanction on / }).click()
    await expect(guest.getByText('You were removed from this session’s chat.')).toHaveCount(0)
    // The reloaded page asks for the guest's name again before the first message.
    await guest.getByLabel('Your name (shown in the chat)').fill('Guest Lee')
    await guest.getByRole('button', { name: 'Join the chat' }).click()
    await sendChat(guest, 'Back again, thank you')
    await expect(chat(host).filter({ hasText: 'Back again, thank you' })).toBeVisible()
    await expect(host.getByTestId('participants').getByText('Banned')).toHaveCount(0)
  })

  await test.step('a pinned product appears on both viewers’ screens', async () => {
    // The box follows the server's answer, so click and wait for it to show the new state.
    const pin = host.getByRole('checkbox', { name: PRODUCT })
    await pin.click()
    await expect(pin).toBeChecked()
    await expect(buyer.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
    await expect(guest.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
    await expect(buyer.getByTestId('pinned-product').getByText('$35.00')).toBeVisible()
  })

  const note = `Asked live ${Date.now()}`
  await test.step('"Request quote" creates an inquiry linked to the session, in the exporter’s inbox', async () => {
    await buyer.getByTestId('pinned-product').filter({ hasText: PRODUCT }).getByRole('button', { name: 'Request quote' }).click()
    const dialog = buyer.getByRole('dialog')
    await dialog.getByLabel('Quantity').fill('300')
    await dialog.getByLabel('Message to the exporter').fill(note)
    await dialog.getByRole('button', { name: 'Send request' }).click()
    await expect(dialog.getByText('Your request was sent.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    // Still in the stream.
    await expect(buyer).toHaveURL(new RegExp(`/live/${sessionId}$`))

    const inbox = await viewer(browser, errors)
    await signIn(inbox, 'exporter@tradecast.dev')
    await inbox.goto('/inquiries')
    const row = inbox.getByRole('link').filter({ hasText: PRODUCT }).filter({ hasText: 'from a live session' }).first()
    await expect(row).toBeVisible()
    await row.click()
    await expect(inbox.getByText(note)).toBeVisible()
    await expect(inbox.getByText(`Asked during the live session “${title}”`)).toBeVisible()
  })

  await test.step('"Buy samples" on the pinned product: local checkout, signed webhook, paid order linked to the session', async () => {
    await buyer.getByTestId('pinned-product').filter({ hasText: PRODUCT }).getByRole('button', { name: 'Buy samples' }).click()
    const dialog = buyer.getByRole('dialog')
    await dialog.getByLabel('Number of samples').fill('1')
    await dialog.getByLabel('Ship to').selectOption('US')
    await expect(dialog.getByTestId('sample-total')).toHaveText('$35.00')
    await dialog.getByRole('button', { name: 'Buy samples' }).click()
    await expect(buyer.getByRole('heading', { name: 'Test checkout' })).toBeVisible()
    await buyer.getByRole('button', { name: 'Pay $35.00' }).click()
    await expect(buyer).toHaveURL(/\/orders\/[^/?]+\?checkout=success$/)
    await expect(buyer.getByTestId('order-status')).toHaveText('Paid')
    await expect(buyer.getByText('Ordered during a live session')).toBeVisible()
  })

  expect(errors.flat(), 'viewer console errors').toEqual([])
})
