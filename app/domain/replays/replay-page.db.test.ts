import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, sessionUserOf } from '../../../tests/fixtures'
import { at, endedShowcase, T0 } from '../../../tests/replay-fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { listPinnedProducts } from '~/domain/live/pinned-products.server'
import { findReplay, loadReplay, REPLAY_CHAT_LIMIT, replayStartSeconds } from './replay-page.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('loadReplay', () => {
  it('puts chapters and chat on the playback time across two parts and their gap, and leaves removed messages and withdrawn products out', async () => {
    const { buyer, exporter, session, products } = await endedShowcase()
    const replay = await loadReplay(session.id, await sessionUserOf(buyer.cookie), 'en', at(3600))

    expect(replay).toMatchObject({
      sessionId: session.id,
      title: 'Noodle week',
      companyName: 'Gangwon Noodles',
      companySlug: exporter.company.slug,
      description: 'Three noodles, one broth',
      airedAt: T0.toISOString(),
      durationMs: 120_000,
      published: true,
      playlistUrl: `/live/${session.id}/replay.m3u8`,
      posterUrl: null,
      chatTruncated: false,
      clips: [],
      canManage: false,
    })
    expect(replay.parts).toEqual([
      { index: 0, startedAt: T0.toISOString(), durationMs: 60_000, offsetMs: 0 },
      { index: 1, startedAt: at(90).toISOString(), durationMs: 60_000, offsetMs: 60_000 },
    ])
    expect(replay.chapters).toEqual([
      { productId: products.kelp.id, startMs: 10_000, endMs: 70_000 },
      { productId: products.rice.id, startMs: 60_000, endMs: 120_000 },
    ])
    expect(replay.products.map((product) => [product.id, product.name])).toEqual([
      [products.kelp.id, 'Kelp noodles'],
      [products.rice.id, 'Rice cakes'],
    ])
    // The same card the live room shows for a pinned product.
    expect(replay.products[0]).toMatchObject({ moq: 100, incoterms: ['FOB', 'CIF'], priceTiers: [{ minQuantity: 100, unitPriceMinor: 250, currency: 'USD' }] })

    expect(replay.messages.map((message) => [message.body, message.offsetMs])).toEqual([
      ['Before the start', 0],
      ['Welcome!', 5_000],
      ['Is kelp gluten free?', 50_000],
      ['Price for 1000 packs?', 65_000],
    ])
    // Authors as the live chat shows them.
    expect(replay.messages[1]?.author).toEqual({ kind: 'user', id: exporter.user.id, name: exporter.user.name, role: 'EXPORTER' })
    expect(replay.messages[2]?.author).toEqual({ kind: 'guest', key: 'g-1', name: 'Mina' })
    expect(JSON.stringify(replay)).not.toContain('spam')
  })

  it('links the poster through a signed media URL when the recording has one', async () => {
    const { session } = await endedShowcase({ hasPoster: true })
    const replay = await loadReplay(session.id, null, 'en')
    const recording = await (await getPrisma()).recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    expect(replay.posterUrl).toMatch(new RegExp(`^/media/recordings/${recording.id}/poster\\.jpg\\?exp=\\d+&sig=[\\w-]{43}$`))
  })

  it('lists the published clips for viewers and every clip for those who manage the replay', async () => {
    const { buyer, exporter, session, products } = await endedShowcase()
    const prisma = await getPrisma()
    const recording = await prisma.recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    const clip = (title: string, data: { status: 'READY' | 'PROCESSING'; published: boolean }) =>
      prisma.recordingClip.create({
        data: { recordingId: recording.id, productId: products.kelp.id, title, startMs: 10_000, endMs: 25_000, createdById: exporter.user.id, ...data },
      })
    const ready = await clip('Kelp in 15 s', { status: 'READY', published: true })
    await clip('Draft cut', { status: 'READY', published: false })
    await clip('Still cutting', { status: 'PROCESSING', published: true })

    const seen = await loadReplay(session.id, await sessionUserOf(buyer.cookie), 'en')
    expect(seen.clips.map((c) => [c.title, c.productName])).toEqual([['Kelp in 15 s', 'Kelp noodles']])
    expect(seen.clips[0]?.url).toMatch(new RegExp(`^/media/recordings/${recording.id}/clip-${ready.id}\\.mp4\\?exp=`))
    const managed = await loadReplay(session.id, await sessionUserOf(exporter.cookie), 'en')
    expect(managed.clips.map((c) => c.title).sort()).toEqual(['Draft cut', 'Kelp in 15 s', 'Still cutting'])
  })

  it('an unpublished replay is 404 for a buyer and a guest, and visible (manageable) for the hosting company and the admin', async () => {
    const { buyer, exporter, session } = await endedShowcase({ published: false })
    const refusal = await loadReplay(session.id, await sessionUserOf(buyer.cookie), 'en').catch((error: unknown) => error)
    expect(isDomainError(refusal) && refusal.code === 'not-found' && refusal.status === 404).toBe(true)
    expect(await findReplay(session.id, null, 'en')).toBeNull()

    const member = await loadReplay(session.id, await sessionUserOf(exporter.cookie), 'en')
    expect(member).toMatchObject({ published: false, canManage: true })
    expect(member.chapters).toHaveLength(2)
    const admin = await createUser('ADMIN')
    expect(await loadReplay(session.id, await sessionUserOf(admin.cookie), 'en')).toMatchObject({ canManage: true })
  })

  it('keeps the first REPLAY_CHAT_LIMIT messages and says the chat is cut short', async () => {
    const { session } = await endedShowcase()
    const prisma = await getPrisma()
    const extra = REPLAY_CHAT_LIMIT - 3
    await prisma.chatMessage.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        sessionId: session.id,
        body: `m${i}`,
        guestKey: 'g-many',
        guestName: 'Many',
        createdAt: at(100 + i / 1000),
      })),
    })
    const replay = await loadReplay(session.id, null, 'en')
    expect(replay.messages).toHaveLength(REPLAY_CHAT_LIMIT)
    expect(replay.chatTruncated).toBe(true)
    expect(replay.messages.at(-1)?.body).toBe(`m${extra - 2}`)
  })
})

describe('the live room keeps its pinned cards (shared card query)', () => {
  it('lists pinned products in pin order with their trade facts', async () => {
    const prisma = await getPrisma()
    const { session, products } = await endedShowcase()
    await prisma.liveSessionProduct.createMany({
      data: [
        { sessionId: session.id, productId: products.rice.id, pinnedAt: at(1) },
        { sessionId: session.id, productId: products.kelp.id, pinnedAt: at(2) },
        { sessionId: session.id, productId: products.withdrawn.id, pinnedAt: null },
      ],
    })
    const cards = await listPinnedProducts(session.id, 'en')
    expect(cards.map((card) => card.name)).toEqual(['Rice cakes', 'Kelp noodles'])
    expect(cards[0]).toMatchObject({ hsCode: '190230', unit: expect.any(String) as unknown, sample: null, image: null, certifications: [] })
  })
})

describe('replayStartSeconds', () => {
  it('reads whole seconds from ?t= and ignores what is not a time', () => {
    const start = (query: string) => replayStartSeconds(new URL(`http://localhost/live/x${query}`))
    expect(start('?t=754')).toBe(754)
    expect(start('?t=12.9')).toBe(12)
    expect(start('')).toBe(0)
    expect(start('?t=-5')).toBe(0)
    expect(start('?t=abc')).toBe(0)
    expect(start('?t=99999999')).toBe(0)
  })
})
