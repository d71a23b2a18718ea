import pino from 'pino'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { Server } from 'socket.io'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChatMessageView, PinnedProductView } from '../../../app/protocol/live.ts'
import { RoomBatcher } from '../room-batcher.ts'
import { createLiveContext, type LiveNamespace, readerRoomName } from './context.ts'

const { listPinnedProductsByLocale } = vi.hoisted(() => ({
  listPinnedProductsByLocale: vi.fn(
    async (_sessionId: string, locales: readonly string[]) => new Map(locales.map((locale) => [locale, [] as PinnedProductView[]])),
  ),
}))
vi.mock('../../../app/domain/live/pinned-products.server.ts', () => ({ listPinnedProductsByLocale }))

describe('pinned products on one server process', () => {
  let nsp: LiveNamespace

  beforeEach(() => {
    listPinnedProductsByLocale.mockClear()
    // Not listening: the namespace's rooms are all these tests need.
    nsp = new Server().of('/live')
  })

  function contextFor(namespace: LiveNamespace) {
    const chat = new RoomBatcher<ChatMessageView>({ roomSize: () => 0, send: () => undefined })
    const chatLimiter = new RateLimiterMemory({ points: 5, duration: 10 })
    return createLiveContext(namespace, { chat, chatLimiter, cluster: false, logger: pino({ level: 'silent' }) })
  }

  it('reads no pins when no socket of this process watches the show (another process pinned)', async () => {
    const context = contextFor(nsp)
    // What the Redis adapter delivers when a pin is made on another process.
    for (const listener of nsp.listeners('products:changed')) listener('session-without-viewers-here')
    // Pins of one session run in order: once this one is through, the delivered one is too.
    await context.productsChanged('session-without-viewers-here')
    expect(listPinnedProductsByLocale).not.toHaveBeenCalled()
  })

  it('resolves with no cards and reads nothing when the pin is made here without local readers', async () => {
    const byLocale = await contextFor(nsp).productsChanged('empty-session')
    expect(byLocale.size).toBe(0)
    expect(listPinnedProductsByLocale).not.toHaveBeenCalled()
  })

  it('reads the pins once, for just the languages read here, when readers are present', async () => {
    await nsp.adapter.addAll('reader-socket', new Set([readerRoomName('watched-session', 'ko')]))
    const byLocale = await contextFor(nsp).productsChanged('watched-session')
    expect(listPinnedProductsByLocale).toHaveBeenCalledTimes(1)
    expect(listPinnedProductsByLocale).toHaveBeenCalledWith('watched-session', ['ko'])
    expect([...byLocale.keys()]).toEqual(['ko'])
  })
})
