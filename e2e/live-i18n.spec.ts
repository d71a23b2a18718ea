import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { chatMessages, scheduleShowcase } from './live-helpers'

// An English viewer and a Korean viewer of the same showcase each read the pinned products in their own
// language: on joining (a product is already pinned) and when the host pins another. Then the chat's
// rough edges: a pasted message over the limit stays whole and says why it cannot go. Pins and chat
// work before the host goes live, so no camera is needed.

// Soyang Buckwheat Foods (the seeded exporter's company), with their seeded Korean names.
const FIRST = { en: 'Makguksu Cold Noodle Meal Kit', ko: '춘천 막국수 밀키트' }
const SECOND = { en: 'Instant Buckwheat Cup Noodles — Original, 12 cups', ko: '메밀 컵라면 오리지널 12컵' }

async function viewer(browser: Browser, errors: string[][], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  errors.push(trackConsoleErrors(page))
  return page
}

const cards = (page: Page) => page.getByTestId('pinned-product')

test('an English and a Korean viewer see the pinned products in their own language, on join and on a new pin', async ({ page: host, browser }) => {
  test.setTimeout(90_000)
  const errors: string[][] = []
  await signIn(host, 'exporter@tradecast.dev')
  await expect(host).toHaveURL(/\/exporter$/)
  const sessionId = await scheduleShowcase(host, `E2E bilingual pins ${Date.now()}`, { daysAhead: 6, hour: 10 })
  await expect(host.getByTestId('chat-connection')).toHaveText('Connected')
  const first = host.getByRole('checkbox', { name: FIRST.en })
  await first.click()
  await expect(first).toBeChecked()

  // The English viewer: the seeded buyer, whose saved language is English. The Korean viewer: a guest
  // whose browser asks for Korean (the page is rendered in Korean, and the room follows the page).
  const english = await viewer(browser, errors)
  await signIn(english, 'buyer@tradecast.dev')
  await expect(english).toHaveURL(/\/buyer$/)
  await english.goto(`/live/${sessionId}`)
  const korean = await viewer(browser, errors, { locale: 'ko-KR' })
  await korean.goto(`/live/${sessionId}`)
  await expect(korean.locator('html')).toHaveAttribute('lang', 'ko')

  await test.step('on join: each reads the pinned product in their language', async () => {
    await expect(cards(english)).toHaveCount(1)
    await expect(cards(english).getByRole('link', { name: FIRST.en })).toBeVisible()
    await expect(cards(korean)).toHaveCount(1)
    await expect(cards(korean).getByRole('link', { name: FIRST.ko })).toBeVisible()
    await expect(cards(korean).filter({ hasText: FIRST.en })).toHaveCount(0)
    // The trade facts around the name are in the reader's language too.
    await expect(cards(korean).first()).toContainText('리드타임')
  })

  await test.step('on a new pin: both cards, each in the reader’s language', async () => {
    const second = host.getByRole('checkbox', { name: SECOND.en })
    await second.click()
    await expect(second).toBeChecked()
    await expect(cards(english)).toHaveCount(2)
    await expect(cards(english).getByRole('link', { name: SECOND.en })).toBeVisible()
    await expect(cards(korean)).toHaveCount(2)
    await expect(cards(korean).getByRole('link', { name: SECOND.ko })).toBeVisible()
    await expect(cards(korean).getByRole('link', { name: FIRST.ko })).toBeVisible()
    await expect(cards(korean).filter({ hasText: SECOND.en })).toHaveCount(0)
  })

  await test.step('a pasted message over the limit stays whole, and the composer says why it cannot go', async () => {
    const input = english.getByLabel('Chat message')
    const send = english.getByRole('button', { name: 'Send', exact: true })
    // 499 emoji, a flag and a thumb with its skin tone: 501 characters as people see them (1,006 UTF-16 code units).
    const long = `${'🔥'.repeat(499)}🇰🇷👍🏽`
    await input.fill(long)
    await expect(input).toHaveValue(long)
    await expect(english.getByTestId('chat-counter')).toHaveText('1 character too many')
    await expect(send).toBeDisabled()
    await expect(send).toHaveAccessibleDescription(/up to 500 characters/)
    await expect(english.getByRole('status').filter({ hasText: 'Messages can be up to 500 characters' })).toBeVisible()
    // One character fewer: 500 go through, emoji counted once each.
    await input.fill(`${'🔥'.repeat(498)}🇰🇷👍🏽`)
    await expect(english.getByTestId('chat-counter')).toHaveText('0 left')
    await expect(send).toBeEnabled()
    await send.click()
    await expect(input).toHaveValue('')
    await expect(chatMessages(host).filter({ hasText: '🇰🇷' })).toHaveCount(1)
  })

  await test.step('the Korean guest’s composer speaks Korean, and the audience figure is one, explained', async () => {
    await korean.getByLabel('이름 (채팅에 표시됨)').fill('민지')
    await korean.getByRole('button', { name: '채팅 참여' }).click()
    await korean.getByLabel('채팅 메시지').fill('안녕하세요')
    await korean.getByRole('button', { name: '보내기', exact: true }).click()
    await expect(korean.getByLabel('채팅 메시지')).toHaveValue('')
    await expect(chatMessages(host).filter({ hasText: '안녕하세요' })).toBeVisible()
    // Two viewers, the host's team not counted, the same figure in the studio's header and its chat.
    await expect(host.getByTestId('viewer-count')).toHaveText('2 viewers')
    await expect(host.getByTestId('chat-presence')).toHaveText('2 viewers')
    await expect(korean.getByTestId('chat-presence')).toHaveText('시청자 2명')
    await expect(host.getByTestId('viewer-count')).toHaveAttribute('title', /the host’s team is not counted/)
  })

  expect(errors.flat(), 'viewer console errors').toEqual([])
})
