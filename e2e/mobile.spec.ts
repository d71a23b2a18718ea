import type { Locator, Page } from '@playwright/test'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { FAKE_MEDIA_BROWSER, chatMessages, scheduleShowcase, sendChat } from './live-helpers'

// A phone (375 × 812, touch): the host runs a showcase from the studio and a buyer watches it, chats and
// requests a quote for a pinned product, without the page ever scrolling sideways. Video on top, chat and
// products in tabs below it.

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }
test.use({ ...FAKE_MEDIA_BROWSER, ...PHONE })

const PRODUCT = 'Makguksu Cold Noodle Meal Kit' // Soyang Buckwheat Foods (exporter@tradecast.dev)

/** Nothing on the page is wider than the phone: the document does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const width = page.viewportSize()!.width
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth)
  expect(scrollWidth, `${where}: page width at ${width} px`).toBeLessThanOrEqual(width)
}

/** A tap target at least 44 × 44 CSS pixels (WCAG 2.5.5), inside the screen. */
async function expectTappable(target: Locator, name: string) {
  const box = await target.boundingBox()
  expect(box, `${name} is laid out`).not.toBeNull()
  expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(44)
  expect(box!.width, `${name} width`).toBeGreaterThanOrEqual(44)
  expect(box!.x, `${name} left edge`).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width, `${name} right edge`).toBeLessThanOrEqual(375)
}

async function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __tradecastStats?: { framesDecoded: number } }).__tradecastStats?.framesDecoded ?? 0)
}

test('on a phone: the host goes live from the studio; a buyer watches, chats, opens the products tab and requests a quote', async ({ page: host, browser }) => {
  test.setTimeout(150_000)

  await test.step('the site header and the landing page fit the phone', async () => {
    await host.goto('/')
    await expectNoHorizontalScroll(host, 'landing page (guest)')
    const nav = host.getByRole('navigation', { name: 'Main navigation' })
    await expect(nav).toBeVisible()
    // The menu wraps: every link is on screen, none scrolled out of sight.
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!
      expect(box.x + box.width, `${await link.textContent()} is on screen`).toBeLessThanOrEqual(375)
    }
    await expectTappable(host.getByRole('link', { name: 'Create account' }), 'Create account')
    await host.goto('/live')
    await expectNoHorizontalScroll(host, 'showcase directory')
  })

  // The host schedules and runs the show on a phone too.
  await signIn(host, 'exporter@tradecast.dev')
  await expectNoHorizontalScroll(host, 'exporter dashboard')
  const title = `E2E phone showcase ${Date.now()}`
  const note = `Sent from a phone during the show ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 3, hour: 11 })
  await expect(host.getByRole('heading', { name: title })).toBeVisible()

  await test.step('studio at 375 px: chat, products and people in tabs; the host pins a product', async () => {
    await expectNoHorizontalScroll(host, 'studio')
    const tabs = host.getByRole('tablist', { name: 'Room tools' })
    await expect(tabs).toBeVisible()
    await expect(tabs.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true')
    await expect(host.getByRole('tabpanel', { name: 'Chat' }).getByLabel('Chat message')).toBeVisible()
    // Only the selected panel shows: the pin list is behind the Products tab.
    await expect(host.getByRole('checkbox', { name: PRODUCT })).toBeHidden()
    // Keyboard: arrow keys move between tabs and select them.
    await tabs.getByRole('tab', { name: 'Chat' }).focus()
    await host.keyboard.press('ArrowRight')
    await expect(tabs.getByRole('tab', { name: 'Products' })).toBeFocused()
    await expect(tabs.getByRole('tab', { name: 'Products' })).toHaveAttribute('aria-selected', 'true')
    await expect(tabs.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'false')
    await host.keyboard.press('End')
    await expect(tabs.getByRole('tab', { name: 'People' })).toHaveAttribute('aria-selected', 'true')
    await host.keyboard.press('ArrowRight')
    await expect(tabs.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true')
    await host.keyboard.press('ArrowLeft')
    await expect(tabs.getByRole('tab', { name: 'People' })).toHaveAttribute('aria-selected', 'true')

    await tabs.getByRole('tab', { name: 'Products' }).tap()
    const pin = host.getByRole('tabpanel', { name: 'Products' }).getByRole('checkbox', { name: PRODUCT })
    await pin.tap()
    await expect(pin).toBeChecked()
    await expect(tabs.getByRole('tab', { name: 'Products (1)' })).toBeVisible()
    await expectNoHorizontalScroll(host, 'studio, products tab')
    await expectTappable(host.getByRole('button', { name: 'Go live' }), 'Go live')
    await host.getByRole('button', { name: 'Go live' }).tap()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
  })

  // The buyer, on another phone.
  const buyerContext = await browser.newContext({ ...PHONE, permissions: FAKE_MEDIA_BROWSER.permissions })
  const buyer = await buyerContext.newPage()
  const buyerErrors = trackConsoleErrors(buyer)
  await signIn(buyer, 'buyer@tradecast.dev')
  await expect(buyer).toHaveURL(/\/buyer$/)
  await expectNoHorizontalScroll(buyer, 'buyer dashboard')

  await test.step('the buyer watches: video on top, playing', async () => {
    await buyer.goto(`/live/${sessionId}`)
    await expect.poll(() => framesDecoded(buyer), { message: 'frames decoded', timeout: 20_000 }).toBeGreaterThan(0)
    const before = await framesDecoded(buyer)
    await expect.poll(() => framesDecoded(buyer), { message: 'frames keep coming', timeout: 10_000 }).toBeGreaterThan(before + 5)
    const player = await buyer.getByTestId('player').boundingBox()
    const tabs = await buyer.getByRole('tablist', { name: 'Chat and products' }).boundingBox()
    expect(player!.width, 'the video spans the phone').toBeGreaterThan(300)
    expect(tabs!.y, 'the tabs sit below the video').toBeGreaterThan(player!.y + player!.height)
    await expectNoHorizontalScroll(buyer, 'viewer page')
  })

  await test.step('the buyer chats in the Chat tab', async () => {
    await expect(buyer.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true')
    await expect(buyer.getByTestId('chat-connection')).toHaveText('Connected')
    await sendChat(buyer, 'Hello from my phone — is the meal kit available with Russian labels?')
    await expect(chatMessages(buyer).filter({ hasText: 'Hello from my phone' })).toBeVisible()
    await expect(chatMessages(host).filter({ hasText: 'Hello from my phone' })).toHaveCount(1)
    await expectTappable(buyer.getByRole('button', { name: 'Send', exact: true }), 'Send')
    await expectNoHorizontalScroll(buyer, 'viewer page, chat')
  })

  await test.step('the buyer opens the products tab and requests a quote in a dialog that fits the screen', async () => {
    const productsTab = buyer.getByRole('tab', { name: 'Products (1)' })
    await expectTappable(productsTab, 'Products tab')
    await productsTab.tap()
    await expect(productsTab).toHaveAttribute('aria-selected', 'true')
    await expect(buyer.getByLabel('Chat message')).toBeHidden()
    const card = buyer.getByRole('tabpanel', { name: 'Products (1)' }).getByTestId('pinned-product').filter({ hasText: PRODUCT })
    await expect(card).toBeVisible()
    await expectNoHorizontalScroll(buyer, 'viewer page, products')
    const requestQuote = card.getByRole('button', { name: 'Request quote' })
    await expectTappable(requestQuote, 'Request quote')
    await requestQuote.tap()

    const dialog = buyer.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const box = await dialog.locator('> div').boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, 'the dialog fits the screen').toBeLessThanOrEqual(375)
    expect(box!.y + box!.height, 'the dialog fits the screen').toBeLessThanOrEqual(812)
    await expectNoHorizontalScroll(buyer, 'quote dialog')
    await dialog.getByLabel('Quantity').fill('250')
    await dialog.getByLabel('Message to the exporter').fill(note)
    const send = dialog.getByRole('button', { name: 'Send request' })
    await send.scrollIntoViewIfNeeded()
    await send.tap()
    await expect(dialog.getByText('Your request was sent.')).toBeVisible()
    await expectNoHorizontalScroll(buyer, 'quote sent')
    await dialog.getByRole('button', { name: 'Close' }).tap()
    await expect(dialog).toBeHidden()
  })

  await test.step('the inquiry is in the buyer’s list, linked to the showcase', async () => {
    await buyer.goto('/inquiries')
    await expectNoHorizontalScroll(buyer, 'inquiries')
    await buyer.getByRole('link').filter({ hasText: PRODUCT }).filter({ hasText: 'from a live session' }).first().tap()
    await expect(buyer.getByText(note)).toBeVisible()
    await expect(buyer.getByText(`Asked during the live session “${title}”`)).toBeVisible()
    await expectNoHorizontalScroll(buyer, 'inquiry thread')
  })

  host.once('dialog', (dialog) => void dialog.accept())
  await host.getByRole('button', { name: 'End showcase' }).tap()
  await expect(host.getByRole('status').filter({ hasText: 'Ended' })).toBeVisible()
  await buyerContext.close()
  expect(buyerErrors, 'buyer console errors').toEqual([])
})
