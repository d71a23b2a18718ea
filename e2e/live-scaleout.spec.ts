import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'
import { chatMessages, scheduleShowcase, sendChat } from './live-helpers'
import { createScratchDatabase, dropScratchDatabase, postgresAnswers, redisAnswers, startOwnServer, stopOwnServer } from './own-server'

// Two server processes on one PostgreSQL database, sharing rooms through Redis: the host broadcasts
// from server A, a buyer and a guest watch through server B. Chat, deletion, bans, pinned products and
// the participant list must behave as on one server. Skipped where PostgreSQL or Redis does not answer.

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379'
const PORT_A = Number(process.env.E2E_SCALEOUT_PORT ?? 3112)
const PORT_B = PORT_A + 1
const DB_NAME = `tradecast_e2e_scaleout_${process.pid}`
const PRODUCT = 'Makguksu Cold Noodle Meal Kit'

let servers: ChildProcess[] = []
let available = true

test.beforeAll(async () => {
  test.setTimeout(300_000)
  available = (await postgresAnswers()) && (await redisAnswers(REDIS_URL))
  if (!available) return
  const databaseUrl = await createScratchDatabase(DB_NAME)
  // A channel of its own, so nothing else on this Redis joins these rooms.
  const shared = { REDIS_URL, REDIS_CHANNEL: `tradecast-e2e-${randomUUID().slice(0, 8)}`, MEDIASOUP_WORKERS: '1' }
  // One after the other: A applies the migrations and seeds, B finds both done. Both are declared demo
  // deployments (SEED_DEMO_DATA=true), or a production start would refuse the demo passwords.
  servers.push(await startOwnServer({ port: PORT_A, databaseUrl, env: shared }))
  servers.push(await startOwnServer({ port: PORT_B, databaseUrl, env: shared }))
})

test.afterAll(async () => {
  await Promise.all(servers.map((server) => stopOwnServer(server)))
  servers = []
  if (available) await dropScratchDatabase(DB_NAME)
})

async function pageOn(browser: Browser, port: number, errors: string[][]): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://localhost:${port}`, locale: 'en-US' })
  const page = await context.newPage()
  errors.push(trackConsoleErrors(page))
  return page
}

const chat = chatMessages

test('one showcase across two server processes joined by Redis: chat, moderation, pins and participants', async ({ browser }) => {
  test.skip(!available, 'needs PostgreSQL (E2E_POSTGRES_URL or 127.0.0.1:5432) and Redis (TEST_REDIS_URL or 127.0.0.1:6379)')
  test.setTimeout(180_000)
  const errors: string[][] = []

  const host = await pageOn(browser, PORT_A, errors)
  await signIn(host, 'exporter@tradecast.dev')
  const sessionId = await scheduleShowcase(host, `Scale-out showcase ${Date.now()}`)
  await expect(host.getByTestId('chat-connection')).toHaveText('Connected')

  const buyer = await pageOn(browser, PORT_B, errors)
  await signIn(buyer, 'buyer@tradecast.dev')
  await buyer.goto(`/live/${sessionId}`)
  await expect(buyer.getByTestId('chat-connection')).toHaveText('Connected')

  const guest = await pageOn(browser, PORT_B, errors)
  await guest.goto(`/live/${sessionId}`)
  await guest.getByLabel('Your name (shown in the chat)').fill('Guest Park')
  await guest.getByRole('button', { name: 'Join the chat' }).click()
  await expect(guest.getByLabel('Chat message')).toBeEnabled()

  await test.step('chat crosses the processes both ways', async () => {
    await sendChat(buyer, 'Hello from server B')
    await expect(chat(host).filter({ hasText: 'Hello from server B' })).toBeVisible()
    await sendChat(host, 'Welcome, from server A')
    await expect(chat(buyer).filter({ hasText: 'Welcome, from server A' })).toBeVisible()
    await expect(chat(guest).filter({ hasText: 'Welcome, from server A' })).toBeVisible()
  })

  await test.step('the host on A sees who is watching on B', async () => {
    const participants = host.getByTestId('participants')
    await expect(participants.getByRole('listitem')).toHaveCount(3)
    await expect(participants.getByText('Guest Park')).toBeVisible()
  })

  await test.step('a deletion on A disappears on B; a ban on A holds on B at once', async () => {
    await sendChat(guest, 'cheap replicas here')
    const spam = chat(host).filter({ hasText: 'cheap replicas here' })
    await spam.getByRole('button', { name: 'Delete' }).click()
    await expect(chat(buyer).filter({ hasText: 'cheap replicas here' })).toHaveCount(0)
    await expect(chat(guest).filter({ hasText: 'cheap replicas here' })).toHaveCount(0)
    await sendChat(guest, 'one more')
    await chat(host).filter({ hasText: 'one more' }).getByRole('button', { name: 'Ban' }).click()
    await expect(guest.getByText('You were removed from this session’s chat.')).toBeVisible()
    await expect(guest.getByLabel('Chat message')).toHaveCount(0)
  })

  await test.step('a product pinned on A appears on B', async () => {
    const pin = host.getByRole('checkbox', { name: PRODUCT })
    await pin.click()
    await expect(pin).toBeChecked()
    await expect(buyer.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
    await expect(guest.getByTestId('pinned-product').filter({ hasText: PRODUCT })).toBeVisible()
  })

  expect(errors.flat(), 'console errors').toEqual([])
})
