import { randomUUID } from 'node:crypto'
import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct } from '../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import type { ChatMessageView, JoinState, ParticipantView, PinnedProductView } from '../../app/protocol/live.ts'
import { io as connect } from 'socket.io-client'
import { emitIdentityEvent } from '../../app/domain/accounts/identity-events.server.ts'
import { connectLive, emitAck, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'

// Two Socket.io servers (two HTTP ports) joined only through Redis: whatever one server emits to a
// session room must reach the sockets of the other. Both share this process's database client, so the
// suite runs on PGlite (unit project) and on PostgreSQL (db project) alike; it needs a Redis
// (TEST_REDIS_URL, exported by .ci/run when one answers) and is skipped without one.

const redisUrl = process.env.TEST_REDIS_URL

type Node = RealtimeNode

const nodes: Node[] = []
const clients: ClientSocket[] = []
const startNode = (url: string, key: string, options: Parameters<typeof startRealtimeNode>[1] = {}) => startRealtimeNode({ url, key }, options)
const client = (node: Node, cookie: string) => connectLive(node.url, cookie, clients)
const emit = emitAck

describe.skipIf(!redisUrl)('/live across two Socket.io servers sharing rooms through Redis', () => {
  beforeAll(async () => {
    await getPrisma()
    // A channel key of our own, so other suites or benchmarks on the same Redis never join in.
    const key = `tradecast-test-${randomUUID().slice(0, 8)}`
    // Server B hears no identity events of its own: what reaches its sockets came from A through Redis.
    nodes.push(await startNode(redisUrl!, key), await startNode(redisUrl!, key, { identityEvents: () => () => undefined }))
  })

  afterAll(async () => {
    for (const socket of clients) socket.disconnect()
    for (const node of nodes) {
      await stopRealtimeNode(node)
    }
    await disconnectPrisma()
  })

  it('puts a viewer on server A and the host on server B in one room: chat, deletions, pins, viewers, participants', async () => {
    const [a, b] = nodes as [Node, Node]
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const buyer = await createBuyer()
    const product = await createProduct(exporter.company.id, { name: 'Omija syrup' })
    const session = await prisma.liveSession.create({
      data: {
        title: 'Scale-out showcase',
        status: 'LIVE',
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 3_600_000),
      },
    })

    const viewer = await client(a, buyer.cookie)
    const host = await client(b, exporter.cookie)
    // Viewer counts are recounted every 2 s across both servers (fetchSockets over Redis); the audience
    // is the viewer (the host presents, app/domain/live/audience.ts), counted on B although connected to A.
    const viewerSeesOne = nextEvent<{ count: number }>(viewer, 'room:viewers', ({ count }) => count === 1)
    const hostSeesOne = nextEvent<{ count: number }>(host, 'room:viewers', ({ count }) => count === 1)
    expect((await emit<{ state: JoinState }>(host, 'live:join', { sessionId: session.id })).ok).toBe(true)
    expect((await emit<{ state: JoinState }>(viewer, 'live:join', { sessionId: session.id })).ok).toBe(true)

    // Chat sent on A reaches the host's socket on B.
    const hostReceives = nextEvent<{ messages: ChatMessageView[] }>(host, 'chat:messages')
    const sent = await emit<{ message: ChatMessageView }>(viewer, 'chat:send', { sessionId: session.id, body: 'Hello from server A' })
    if (!sent.ok) throw new Error(`send failed: ${sent.error.code}`)
    const { messages: received } = await hostReceives
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ id: sent.message.id, body: 'Hello from server A', author: { kind: 'user', id: buyer.user.id } })

    // A deletion on B reaches the viewer on A.
    const viewerSeesRemoval = nextEvent<{ messageId: string }>(viewer, 'chat:removed')
    expect((await emit(host, 'chat:delete', { sessionId: session.id, messageId: sent.message.id })).ok).toBe(true)
    expect(await viewerSeesRemoval).toEqual({ messageId: sent.message.id })

    // A product pinned on B appears on A.
    const viewerSeesPin = nextEvent<{ products: PinnedProductView[] }>(viewer, 'products:pinned')
    expect((await emit(host, 'products:pin', { sessionId: session.id, productId: product.id, pinned: true })).ok).toBe(true)
    expect((await viewerSeesPin).products.map((p) => p.name)).toEqual(['Omija syrup'])

    // A ban decided on B holds on A at once, although A cached the session's (empty) sanctions a
    // moment ago when the viewer wrote: B tells A through Redis that the session changed.
    expect((await emit(viewer, 'chat:send', { sessionId: session.id, body: 'Before the ban' })).ok).toBe(true)
    const viewerBanned = nextEvent<{ kind: string }>(viewer, 'you:sanctioned')
    expect((await emit(host, 'mod:sanction', { sessionId: session.id, target: { userId: buyer.user.id }, kind: 'BAN' })).ok).toBe(true)
    expect(await viewerBanned).toMatchObject({ kind: 'BAN' })
    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: 'still here?' })).toMatchObject({ ok: false, error: { code: 'banned' } })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id, body: 'still here?' } })).toBe(0)

    // Both servers count the viewer, and the host on B lists the viewer connected to A.
    expect(await viewerSeesOne).toEqual({ count: 1 })
    expect(await hostSeesOne).toEqual({ count: 1 })
    // Pages outside the room read the same figure, published by one of the two servers (the database row).
    await expect.poll(async () => (await prisma.liveSession.findUniqueOrThrow({ where: { id: session.id } })).audienceNow, { timeout: 8000 }).toBe(1)
    const listed = await emit<{ participants: ParticipantView[] }>(host, 'mod:participants', { sessionId: session.id })
    if (!listed.ok) throw new Error(`participants failed: ${listed.error.code}`)
    expect(listed.participants.map((p) => p.key).sort()).toEqual([`u:${buyer.user.id}`, `u:${exporter.user.id}`].sort())
    // Each socket sits on its own server: the room holds one local socket on A and one on B.
    expect(a.realtime.io.of('/live').adapter.rooms.get(`live:${session.id}`)?.size).toBe(1)
    expect(b.realtime.io.of('/live').adapter.rooms.get(`live:${session.id}`)?.size).toBe(1)
  })

  it('gives the viewers of both servers a pin made on one of them in their own language', async () => {
    const [a, b] = nodes as [Node, Node]
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id, { name: 'Omija syrup', koName: '오미자청' })
    const session = await prisma.liveSession.create({
      data: {
        title: 'Bilingual scale-out',
        status: 'LIVE',
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 3_600_000),
      },
    })
    const host = await client(b, exporter.cookie)
    // Korean and English readers on A (where the pin is not made), a Korean reader on B too.
    const readers = {
      koOnA: await client(a, (await createBuyer()).cookie),
      enOnA: await client(a, (await createBuyer()).cookie),
      koOnB: await client(b, (await createBuyer()).cookie),
    }
    expect((await emit(host, 'live:join', { sessionId: session.id, locale: 'en' })).ok).toBe(true)
    for (const [name, socket] of Object.entries(readers)) {
      expect((await emit(socket, 'live:join', { sessionId: session.id, locale: name.startsWith('ko') ? 'ko' : 'en' })).ok).toBe(true)
    }
    const seen = Object.fromEntries(
      Object.entries(readers).map(([name, socket]) => [name, nextEvent<{ products: PinnedProductView[] }>(socket, 'products:pinned')]),
    )
    const ack = await emit<{ products: PinnedProductView[] }>(host, 'products:pin', { sessionId: session.id, productId: product.id, pinned: true })
    expect(ack.ok && ack.products.map((p) => p.name)).toEqual(['Omija syrup'])
    expect((await seen.koOnA!).products.map((p) => p.name)).toEqual(['오미자청'])
    expect((await seen.enOnA!).products.map((p) => p.name)).toEqual(['Omija syrup'])
    expect((await seen.koOnB!).products.map((p) => p.name)).toEqual(['오미자청'])
  })

  it('holds one chat rate limit per person across servers (5 messages / 10 s in all)', async () => {
    const [a, b] = nodes as [Node, Node]
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const buyer = await createBuyer()
    const session = await prisma.liveSession.create({
      data: {
        title: 'Flood test',
        status: 'LIVE',
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 3_600_000),
      },
    })
    const onA = await client(a, buyer.cookie)
    const onB = await client(b, buyer.cookie)
    for (const socket of [onA, onB]) expect((await emit(socket, 'live:join', { sessionId: session.id })).ok).toBe(true)
    const results = []
    for (let n = 0; n < 6; n++) results.push(await emit(n % 2 === 0 ? onA : onB, 'chat:send', { sessionId: session.id, body: `message ${n}` }))
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true)
    expect(results[5]).toMatchObject({ ok: false, error: { code: 'rate-limited' } })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(5)
  })

  it('drops a signed-out person’s sockets on the other server too; they come back without the account', async () => {
    const buyer = await createBuyer()
    const socket = connect(nodes[1]!.url, {
      transports: ['websocket'],
      extraHeaders: { Cookie: buyer.cookie },
      reconnectionDelay: 50,
      reconnectionDelayMax: 50,
      forceNew: true,
    })
    clients.push(socket)
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const back = new Promise<void>((resolve) => socket.once('disconnect', () => socket.once('connect', () => resolve())))
    const prisma = await getPrisma()
    await prisma.session.deleteMany({ where: { userId: buyer.user.id } })
    emitIdentityEvent({ kind: 'sessions-revoked', userId: buyer.user.id })
    await back
    expect(socket.recovered).toBe(false)
  })
})
