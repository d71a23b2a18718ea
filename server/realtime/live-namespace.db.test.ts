import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHAT_MAX_LENGTH } from '../../app/protocol/live.ts'
import { createBuyer, createExporter, createProduct } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import { listLiveNow } from '../../app/domain/live/directory.server.ts'
import { audienceOf } from '../../app/domain/live/viewers.server.ts'
import type { ChatMessageView, JoinState, ParticipantView, PinnedProductView } from '../../app/protocol/live.ts'

// The production wiring (connection-state recovery, chat batching, the handshake's identity) on one server.
let node: RealtimeNode
const clients: ClientSocket[] = []

beforeAll(async () => {
  await getPrisma()
  node = await startRealtimeNode()
})

afterAll(async () => {
  for (const client of clients) client.disconnect()
  await stopRealtimeNode(node)
  await disconnectPrisma()
})

const client = (cookie?: string) => connectLive(node.url, cookie, clients)
const emit = <T = Record<string, never>>(socket: ClientSocket, event: string, payload: unknown) => emitAck<T>(socket, event, payload, 5000)

async function liveSession() {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const product = await createProduct(exporter.company.id, { name: 'Red ginseng extract' })
  const products = await Promise.all([1, 2, 3].map((n) => createProduct(exporter.company.id, { name: `Extra ${n}` })))
  const session = await prisma.liveSession.create({
    data: {
      title: 'Ginseng showcase',
      status: 'LIVE',
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: new Date(),
      scheduledEndAt: new Date(Date.now() + 3_600_000),
    },
  })
  await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { blockedWords: ['fake'] } })
  return { exporter, product, products, session }
}

describe('/live namespace', () => {
  it('carries chat between viewers and the host, with history on join', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    const viewer = await client(buyer.cookie)
    const hostJoin = await emit<{ state: JoinState }>(host, 'live:join', { sessionId: session.id })
    expect(hostJoin.ok && hostJoin.state.you).toMatchObject({ isHost: true, canModerate: true })
    const viewerJoin = await emit<{ state: JoinState }>(viewer, 'live:join', { sessionId: session.id })
    expect(viewerJoin.ok && viewerJoin.state.you).toMatchObject({ isHost: false, canModerate: false })

    const received = nextEvent<{ messages: ChatMessageView[] }>(host, 'chat:messages')
    const sent = await emit<{ message: ChatMessageView }>(viewer, 'chat:send', { sessionId: session.id, body: 'What is the MOQ?' })
    expect(sent.ok).toBe(true)
    expect((await received).messages.map((m) => m.body)).toEqual(['What is the MOQ?'])

    const late = await client(buyer.cookie)
    const lateJoin = await emit<{ state: JoinState }>(late, 'live:join', { sessionId: session.id })
    expect(lateJoin.ok && lateJoin.state.messages.map((m) => m.body)).toContain('What is the MOQ?')
  })

  it('counts the audience once per person (two tabs are one person), without the host, and nothing but the audience', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    const viewer = await client(buyer.cookie)
    const counts: number[] = []
    viewer.on('room:viewers', ({ count }: { count: number }) => counts.push(count))
    await emit(viewer, 'live:join', { sessionId: session.id })
    await emit(await client(buyer.cookie), 'live:join', { sessionId: session.id })
    // Counts are recounted every 2 s and sent when they change; wait for two recounts.
    await expect.poll(() => counts.length, { timeout: 6000 }).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 2500))
    // The buyer, once; the host presents and is not part of the audience (app/domain/live/audience.ts).
    expect(counts).toEqual([1])
  })

  it('publishes the room’s figure for the /live directory: the same number after people join and leave, zero once empty or ended', async () => {
    const prisma = await getPrisma()
    const { exporter, session } = await liveSession()
    await prisma.liveSession.update({ where: { id: session.id }, data: { isPublic: true } })
    const [first, second] = [await createBuyer(), await createBuyer()]
    const host = await client(exporter.cookie)
    const roomCounts: number[] = []
    host.on('room:viewers', ({ count }: { count: number }) => roomCounts.push(count))
    const onDirectory = async () => (await listLiveNow({ now: new Date(), locale: 'en', where: { id: session.id }, take: 1 }))[0]?.viewerCount
    const settled = async (count: number) => {
      await expect.poll(() => roomCounts.at(-1), { timeout: 8000 }).toBe(count)
      await expect.poll(onDirectory, { timeout: 8000 }).toBe(count)
    }
    await emit(host, 'live:join', { sessionId: session.id })
    const firstTabs = [await client(first.cookie), await client(first.cookie)]
    for (const tab of firstTabs) await emit(tab, 'live:join', { sessionId: session.id })
    const secondSocket = await client(second.cookie)
    await emit(secondSocket, 'live:join', { sessionId: session.id })
    // Two people (one in two tabs); the host presents.
    await settled(2)

    secondSocket.disconnect()
    await settled(1)
    // Closing one of two tabs leaves that person counted, once (a recount later, still one).
    firstTabs[0]!.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 2500))
    await settled(1)
    firstTabs[1]!.disconnect()
    await settled(0)

    // Everyone gone, host included: the figure is zero, as it is for a show that is not live.
    const lateViewer = await client(first.cookie)
    await emit(lateViewer, 'live:join', { sessionId: session.id })
    await settled(1)
    lateViewer.disconnect()
    host.disconnect()
    await expect.poll(async () => (await prisma.liveSession.findUniqueOrThrow({ where: { id: session.id } })).audienceNow, { timeout: 8000 }).toBe(0)
    const again = await client(second.cookie)
    await emit(again, 'live:join', { sessionId: session.id })
    await expect.poll(onDirectory, { timeout: 8000 }).toBe(1)
    await prisma.liveSession.update({ where: { id: session.id }, data: { status: 'ENDED', endedAt: new Date() } })
    expect(audienceOf(await prisma.liveSession.findUniqueOrThrow({ where: { id: session.id } }))).toBe(0)
  })

  it('catches up after a reconnect with what was missed, also messages stored earlier that arrived later', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    const prisma = await getPrisma()
    const old = new Date(Date.now() - 60_000)
    await prisma.chatMessage.create({ data: { sessionId: session.id, authorId: exporter.user.id, body: 'a minute ago', createdAt: old } })
    const seen = await emit<{ message: ChatMessageView }>(host, 'chat:send', { sessionId: session.id, body: 'seen' })
    if (!seen.ok) throw new Error('send failed')
    const seenAt = new Date(seen.message.createdAt)
    // Another process's batch: stored 2 s before the last message the viewer got, delivered after it.
    await prisma.chatMessage.create({
      data: { sessionId: session.id, authorId: exporter.user.id, body: 'late batch', createdAt: new Date(seenAt.getTime() - 2000) },
    })
    await prisma.chatMessage.create({ data: { sessionId: session.id, authorId: exporter.user.id, body: 'same millisecond', createdAt: seenAt } })
    await emit(host, 'chat:send', { sessionId: session.id, body: 'later' })
    // Removed while the viewer was away: the catch-up says so, since the viewer may hold it.
    const removed = await emit<{ message: ChatMessageView }>(host, 'chat:send', { sessionId: session.id, body: 'removed while away' })
    if (!removed.ok) throw new Error('send failed')
    expect((await emit(host, 'chat:delete', { sessionId: session.id, messageId: removed.message.id })).ok).toBe(true)
    const back = await client(buyer.cookie)
    const rejoin = await emit<{ state: JoinState }>(back, 'live:join', { sessionId: session.id, sinceMessageId: seen.message.id })
    if (!rejoin.ok) throw new Error('rejoin failed')
    const bodies = rejoin.state.messages.map((m) => m.body)
    // Everything missed is there, in stored order; what is long known is not sent again.
    expect(bodies.filter((b) => b !== 'seen' && b !== 'same millisecond')).toEqual(['late batch', 'later'])
    expect(bodies).toContain('same millisecond')
    expect(bodies).not.toContain('a minute ago')
    expect(bodies).not.toContain('removed while away')
    expect(rejoin.state.removedMessageIds).toEqual([removed.message.id])
  })

  it('recovers a short drop without a rejoin: what was sent meanwhile arrives (connection-state recovery)', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    const viewer = connect(node.url, { transports: ['websocket'], extraHeaders: { Cookie: buyer.cookie }, reconnectionDelay: 50, reconnectionDelayMax: 50 })
    clients.push(viewer)
    await new Promise<void>((resolve) => viewer.once('connect', () => resolve()))
    expect((await emit(viewer, 'live:join', { sessionId: session.id })).ok).toBe(true)
    const received: string[] = []
    viewer.on('chat:messages', ({ messages }: { messages: ChatMessageView[] }) => received.push(...messages.map((m) => m.body)))
    // Recovery resumes from the last packet the client got, so it must have got one.
    expect((await emit(host, 'chat:send', { sessionId: session.id, body: 'before the drop' })).ok).toBe(true)
    await expect.poll(() => received).toEqual(['before the drop'])

    const dropped = new Promise<void>((resolve) => viewer.once('disconnect', () => resolve()))
    viewer.io.engine.close() // the network drops; the client reconnects by itself
    await dropped
    for (const body of ['while you were away 1', 'while you were away 2'])
      expect((await emit(host, 'chat:send', { sessionId: session.id, body })).ok).toBe(true)
    // A moderator's decision during the drop reaches the person too.
    const sanctioned = nextEvent<{ kind: string | null }>(viewer, 'you:sanctioned')
    expect((await emit(host, 'mod:sanction', { sessionId: session.id, target: { userId: buyer.user.id }, kind: 'MUTE', minutes: 5 })).ok).toBe(true)
    await new Promise<void>((resolve) => viewer.once('connect', () => resolve()))
    expect(viewer.recovered).toBe(true)
    await expect.poll(() => received).toEqual(['before the drop', 'while you were away 1', 'while you were away 2'])
    const mute = (await sanctioned) as { kind: string | null; until: string | null }
    expect(mute.kind).toBe('MUTE')
    // Another tab learns the mute and when it ends at join.
    const tab = await emit<{ state: JoinState }>(await client(buyer.cookie), 'live:join', { sessionId: session.id })
    expect(tab.ok && tab.state.you).toMatchObject({ muted: true, banned: false, sanctionUntil: mute.until })
    expect(new Date(mute.until!).getTime() - Date.now()).toBeGreaterThan(4 * 60_000)
    // Still in the room, without joining again.
    expect((await emit(host, 'chat:send', { sessionId: session.id, body: 'welcome back' })).ok).toBe(true)
    await expect.poll(() => received.at(-1)).toBe('welcome back')
  })

  it('lets the host delete a message for everyone, keeping it in the database as removed', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    const viewer = await client(buyer.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(viewer, 'live:join', { sessionId: session.id })
    const sent = await emit<{ message: ChatMessageView }>(viewer, 'chat:send', { sessionId: session.id, body: 'spam spam' })
    if (!sent.ok) throw new Error('send failed')
    const removedEvent = nextEvent<{ messageId: string }>(viewer, 'chat:removed')
    expect((await emit(host, 'chat:delete', { sessionId: session.id, messageId: sent.message.id })).ok).toBe(true)
    expect((await removedEvent).messageId).toBe(sent.message.id)
    const prisma = await getPrisma()
    const row = await prisma.chatMessage.findUniqueOrThrow({ where: { id: sent.message.id } })
    expect(row.removedAt).not.toBeNull()
    expect(row.removedById).toBe(exporter.user.id)
    expect(await prisma.liveSessionEvent.count({ where: { sessionId: session.id, kind: 'MESSAGE_REMOVED' } })).toBe(1)
  })

  it('bans a viewer: they can no longer send, even after rejoining (they may still watch)', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    const viewer = await client(buyer.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(viewer, 'live:join', { sessionId: session.id })
    // Written just before, so this process holds the session's (empty) sanctions in its cache.
    expect((await emit(viewer, 'chat:send', { sessionId: session.id, body: 'before the ban' })).ok).toBe(true)
    const sanctioned = nextEvent<{ kind: string }>(viewer, 'you:sanctioned')
    expect((await emit(host, 'mod:sanction', { sessionId: session.id, target: { userId: buyer.user.id }, kind: 'BAN' })).ok).toBe(true)
    expect((await sanctioned).kind).toBe('BAN')
    const refused = await emit(viewer, 'chat:send', { sessionId: session.id, body: 'hello?' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'banned' } })
    const again = await client(buyer.cookie)
    const rejoin = await emit<{ state: JoinState }>(again, 'live:join', { sessionId: session.id })
    expect(rejoin.ok && rejoin.state.you).toMatchObject({ banned: true, canChat: false })
    expect(await emit(again, 'chat:send', { sessionId: session.id, body: 'new tab, same person' })).toMatchObject({ ok: false, error: { code: 'banned' } })

    // The host's participant list shows the ban (the person once, though two tabs are open) and
    // that the host's own company cannot be sanctioned.
    const listed = await emit<{ participants: ParticipantView[] }>(host, 'mod:participants', { sessionId: session.id })
    if (!listed.ok) throw new Error('participants failed')
    expect(listed.participants.find((p) => p.key === `u:${buyer.user.id}`)).toMatchObject({
      sanction: 'BAN',
      protected: false,
      target: { userId: buyer.user.id },
    })
    expect(listed.participants.find((p) => p.key === `u:${exporter.user.id}`)).toMatchObject({ sanction: null, protected: true })
    expect(listed.participants).toHaveLength(2)

    // A mute on top of the ban leaves them banned, and that is what they are told.
    const stillBanned = nextEvent<{ kind: string | null }>(viewer, 'you:sanctioned')
    expect((await emit(host, 'mod:sanction', { sessionId: session.id, target: { userId: buyer.user.id }, kind: 'MUTE', minutes: 5 })).ok).toBe(true)
    expect((await stillBanned).kind).toBe('BAN')

    // Lifting the ban tells both tabs at once, and they can write again.
    const lifted = Promise.all([viewer, again].map((socket) => nextEvent<{ kind: string | null }>(socket, 'you:sanctioned')))
    expect((await emit(host, 'mod:unban', { sessionId: session.id, target: { userId: buyer.user.id } })).ok).toBe(true)
    expect((await lifted).map((e) => e.kind)).toEqual([null, null])
    expect((await emit(viewer, 'chat:send', { sessionId: session.id, body: 'thanks for letting me back' })).ok).toBe(true)
  })

  it('cuts off a client that sends a packet over 128 KB (100,000 Hangul characters), storing nothing', async () => {
    const { session } = await liveSession()
    const buyer = await createBuyer()
    const viewer = await client(buyer.cookie)
    expect((await emit(viewer, 'live:join', { sessionId: session.id })).ok).toBe(true)
    const closed = nextEvent<string>(viewer, 'disconnect')
    viewer.emit('chat:send', { sessionId: session.id, body: '한'.repeat(100_000) })
    expect(await closed).toBe('transport close')
    const prisma = await getPrisma()
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(0)
  })

  it('limits how many events one connection may send, valid or not', async () => {
    const buyer = await createBuyer()
    const flooder = await client(buyer.cookie)
    const results = await Promise.all(Array.from({ length: 40 }, () => emit(flooder, 'live:leave', { sessionId: 42 })))
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c === 'invalid')).toHaveLength(30)
    expect(codes.filter((c) => c === 'rate-limited')).toHaveLength(10)
  })

  it('sends a refusal back as a live:error event when the client gave no acknowledgement callback', async () => {
    const { session } = await liveSession()
    const buyer = await createBuyer()
    const viewer = await client(buyer.cookie)
    const refused = nextEvent<{ event: string; code: string; message: string }>(viewer, 'live:error')
    viewer.emit('chat:send', { sessionId: session.id, body: '' })
    expect(await refused).toMatchObject({ event: 'chat:send', code: 'invalid' })
    const notJoined = nextEvent<{ event: string; code: string }>(viewer, 'live:error')
    viewer.emit('chat:send', { sessionId: session.id, body: 'hello' })
    expect(await notJoined).toMatchObject({ event: 'chat:send', code: 'not-joined' })
  })

  it('pins up to three of the host’s products for every viewer', async () => {
    const { exporter, product, products, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    const viewer = await client(buyer.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(viewer, 'live:join', { sessionId: session.id })
    const seen = nextEvent<{ products: PinnedProductView[] }>(viewer, 'products:pinned')
    expect((await emit(host, 'products:pin', { sessionId: session.id, productId: product.id, pinned: true })).ok).toBe(true)
    expect((await seen).products.map((p) => p.name)).toEqual(['Red ginseng extract'])
    await emit(host, 'products:pin', { sessionId: session.id, productId: products[0]!.id, pinned: true })
    await emit(host, 'products:pin', { sessionId: session.id, productId: products[1]!.id, pinned: true })
    expect(await emit(host, 'products:pin', { sessionId: session.id, productId: products[2]!.id, pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'too-many-pins' },
    })
    const lateJoin = await emit<{ state: JoinState }>(await client(buyer.cookie), 'live:join', { sessionId: session.id })
    expect(lateJoin.ok && lateJoin.state.pinnedProducts).toHaveLength(3)
    // Another exporter's product cannot be pinned.
    const other = await createExporter()
    const foreign = await createProduct(other.company.id)
    expect(await emit(host, 'products:pin', { sessionId: session.id, productId: foreign.id, pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('hostile input on /live', () => {
  it('refuses bad payloads, oversize and blocked messages, floods, foreign sessions and forged moderation — storing nothing', async () => {
    const { exporter, session } = await liveSession()
    const other = await liveSession()
    const buyer = await createBuyer()
    const prisma = await getPrisma()
    const viewer = await client(buyer.cookie)
    await emit(viewer, 'live:join', { sessionId: session.id })

    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: 'x'.repeat(100_000) })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(await emit(viewer, 'chat:send', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(await emit(viewer, 'chat:send', { sessionId: "'; DROP TABLE x", body: 'hi' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: 'this is FAKE' })).toMatchObject({ ok: false, error: { code: 'blocked-word' } })
    // Not joined to another session: refused.
    expect(await emit(viewer, 'chat:send', { sessionId: other.session.id, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not-joined' } })
    // A viewer forging moderator events.
    expect(await emit(viewer, 'mod:sanction', { sessionId: session.id, target: { userId: exporter.user.id }, kind: 'BAN' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await emit(viewer, 'mod:slow-mode', { sessionId: session.id, seconds: 300 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await emit(viewer, 'products:pin', { sessionId: session.id, productId: 'whatever', pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await emit(viewer, 'mod:participants', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(0)
    expect(await prisma.liveSessionSanction.count({ where: { sessionId: session.id } })).toBe(0)

    // Script tags are stored and sent back as text, never as markup.
    const script = await emit<{ message: ChatMessageView }>(viewer, 'chat:send', { sessionId: session.id, body: '<script>alert(1)</script>' })
    expect(script.ok && script.message.body).toBe('<script>alert(1)</script>')

    // Flood: every attempt in the window counts (the blocked one and the script one already used 2 of 5),
    // so 3 more are stored and the rest refused.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => emit(viewer, 'chat:send', { sessionId: session.id, body: `flood ${i}` })))
    const limited = results.filter((r) => !r.ok)
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate-limited' } })
    expect(limited).toHaveLength(7)
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(4)
  })

  it('applies slow mode at once to viewers already chatting', async () => {
    const { exporter, session } = await liveSession()
    const host = await client(exporter.cookie)
    const guest = await client()
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(guest, 'live:join', { sessionId: session.id, guestName: 'Early bird' })
    expect((await emit(guest, 'chat:send', { sessionId: session.id, body: 'one' })).ok).toBe(true)
    expect((await emit(host, 'mod:slow-mode', { sessionId: session.id, seconds: 30 })).ok).toBe(true)
    expect(await emit(guest, 'chat:send', { sessionId: session.id, body: 'two' })).toMatchObject({ ok: false, error: { code: 'slow-mode' } })
  })

  it('holds slow mode for one buyer sending from two tabs at the same instant', async () => {
    const { exporter, session } = await liveSession()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    expect((await emit(host, 'mod:slow-mode', { sessionId: session.id, seconds: 30 })).ok).toBe(true)
    const buyer = await createBuyer()
    const tabs = [await client(buyer.cookie), await client(buyer.cookie)]
    for (const tab of tabs) await emit(tab, 'live:join', { sessionId: session.id })
    const sent = await Promise.all(tabs.map((tab, index) => emit(tab, 'chat:send', { sessionId: session.id, body: `tab ${index}` })))
    expect(sent.filter((answer) => answer.ok)).toHaveLength(1)
    expect(sent.filter((answer) => !answer.ok)).toMatchObject([{ ok: false, error: { code: 'slow-mode' } }])
    const prisma = await getPrisma()
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id, authorId: buyer.user.id } })).toBe(1)
  })

  it('enforces slow mode and lets guests chat only in public showcases', async () => {
    const { exporter, session } = await liveSession()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    expect((await emit(host, 'mod:slow-mode', { sessionId: session.id, seconds: 30 })).ok).toBe(true)
    const guest = await client()
    const joined = await emit<{ state: JoinState }>(guest, 'live:join', { sessionId: session.id, guestName: 'Visitor from Ulaanbaatar' })
    expect(joined.ok && joined.state.slowModeSeconds).toBe(30)
    expect((await emit(guest, 'chat:send', { sessionId: session.id, body: 'first' })).ok).toBe(true)
    const second = await emit(guest, 'chat:send', { sessionId: session.id, body: 'second' })
    expect(second).toMatchObject({ ok: false, error: { code: 'slow-mode' } })
    const prisma = await getPrisma()
    await prisma.liveSession.update({ where: { id: session.id }, data: { isPublic: false } })
    expect(await emit(await client(), 'live:join', { sessionId: session.id, guestName: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})

describe('pinned products in each reader’s language', () => {
  async function bilingualShowcase() {
    const { exporter, session } = await liveSession()
    const ginseng = await createProduct(exporter.company.id, { name: 'Red ginseng tea', koName: '홍삼차' })
    const kimchi = await createProduct(exporter.company.id, { name: 'Cabbage kimchi', koName: '배추김치' })
    // Not translated: every reader gets the English name.
    const plain = await createProduct(exporter.company.id, { name: 'Rice cracker' })
    return { exporter, session, ginseng, kimchi, plain }
  }

  async function koreanUser() {
    const buyer = await createBuyer()
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: buyer.user.id }, data: { locale: 'ko' } })
    return buyer
  }

  const names = (products: PinnedProductView[]) => products.map((p) => p.name)

  it('sends each viewer the cards in their own language on join and on every pin and unpin, and the host’s ack in theirs', async () => {
    const { exporter, session, ginseng, kimchi, plain } = await bilingualShowcase()
    const english = await createBuyer()
    const korean = await koreanUser()
    const host = await client(exporter.cookie)
    const en = await client(english.cookie)
    const ko = await client(korean.cookie)
    // A guest reads the language the page was rendered in.
    const koGuest = await client()
    await emit(host, 'live:join', { sessionId: session.id })
    expect((await emit(host, 'products:pin', { sessionId: session.id, productId: ginseng.id, pinned: true })).ok).toBe(true)

    // On join: a signed-in user's saved language, a guest's page language, English by default.
    const enJoin = await emit<{ state: JoinState }>(en, 'live:join', { sessionId: session.id })
    const koJoin = await emit<{ state: JoinState }>(ko, 'live:join', { sessionId: session.id })
    const guestJoin = await emit<{ state: JoinState }>(koGuest, 'live:join', { sessionId: session.id, guestName: '민지', locale: 'ko' })
    expect(enJoin.ok && names(enJoin.state.pinnedProducts)).toEqual(['Red ginseng tea'])
    expect(koJoin.ok && names(koJoin.state.pinnedProducts)).toEqual(['홍삼차'])
    expect(guestJoin.ok && names(guestJoin.state.pinnedProducts)).toEqual(['홍삼차'])
    // The trade facts travel with the names, whatever the language.
    expect(koJoin.ok && koJoin.state.pinnedProducts[0]).toMatchObject({ hsCode: ginseng.hsCode, moq: 100, incoterms: ['FOB', 'CIF'] })

    // On a new pin: each reader in their language; the untranslated one in English for all.
    const enSees = nextEvent<{ products: PinnedProductView[] }>(en, 'products:pinned')
    const koSees = nextEvent<{ products: PinnedProductView[] }>(ko, 'products:pinned')
    const guestSees = nextEvent<{ products: PinnedProductView[] }>(koGuest, 'products:pinned')
    expect((await emit(host, 'products:pin', { sessionId: session.id, productId: kimchi.id, pinned: true })).ok).toBe(true)
    expect(names((await enSees).products)).toEqual(['Red ginseng tea', 'Cabbage kimchi'])
    expect(names((await koSees).products)).toEqual(['홍삼차', '배추김치'])
    expect(names((await guestSees).products)).toEqual(['홍삼차', '배추김치'])

    const enAfterPlain = nextEvent<{ products: PinnedProductView[] }>(en, 'products:pinned')
    const koAfterPlain = nextEvent<{ products: PinnedProductView[] }>(ko, 'products:pinned')
    const ack = await emit<{ products: PinnedProductView[] }>(host, 'products:pin', { sessionId: session.id, productId: plain.id, pinned: true })
    expect(ack.ok && names(ack.products)).toEqual(['Red ginseng tea', 'Cabbage kimchi', 'Rice cracker'])
    expect(names((await enAfterPlain).products)).toEqual(['Red ginseng tea', 'Cabbage kimchi', 'Rice cracker'])
    expect(names((await koAfterPlain).products)).toEqual(['홍삼차', '배추김치', 'Rice cracker'])

    // On an unpin, the same.
    const koAfterUnpin = nextEvent<{ products: PinnedProductView[] }>(ko, 'products:pinned')
    const enAfterUnpin = nextEvent<{ products: PinnedProductView[] }>(en, 'products:pinned')
    expect((await emit(host, 'products:pin', { sessionId: session.id, productId: ginseng.id, pinned: false })).ok).toBe(true)
    expect(names((await koAfterUnpin).products)).toEqual(['배추김치', 'Rice cracker'])
    expect(names((await enAfterUnpin).products)).toEqual(['Cabbage kimchi', 'Rice cracker'])
  })

  it('follows the page’s language over the saved one, and moves a socket that joins again in another language', async () => {
    const { exporter, session, ginseng, kimchi } = await bilingualShowcase()
    const korean = await koreanUser()
    const host = await client(exporter.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(host, 'products:pin', { sessionId: session.id, productId: ginseng.id, pinned: true })
    // Saved language Korean, page switched to English (the language cookie wins on the page, so here too).
    const reader = await client(korean.cookie)
    const inEnglish = await emit<{ state: JoinState }>(reader, 'live:join', { sessionId: session.id, locale: 'en' })
    expect(inEnglish.ok && names(inEnglish.state.pinnedProducts)).toEqual(['Red ginseng tea'])
    const inKorean = await emit<{ state: JoinState }>(reader, 'live:join', { sessionId: session.id, locale: 'ko' })
    expect(inKorean.ok && names(inKorean.state.pinnedProducts)).toEqual(['홍삼차'])
    // One pin, one message, in the language of the latest join only.
    const received: string[][] = []
    reader.on('products:pinned', ({ products }: { products: PinnedProductView[] }) => received.push(names(products)))
    await emit(host, 'products:pin', { sessionId: session.id, productId: kimchi.id, pinned: true })
    await expect.poll(() => received.length).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(received).toEqual([['홍삼차', '배추김치']])
    // A language the platform does not speak is refused at the edge.
    expect(await emit(reader, 'live:join', { sessionId: session.id, locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })
})

describe('chat refusals say why', () => {
  it('counts characters as people see them: 500 emoji or Hangul syllables go, one more is refused as too long', async () => {
    const { session } = await liveSession()
    const prisma = await getPrisma()
    const viewer = await client((await createBuyer()).cookie)
    await emit(viewer, 'live:join', { sessionId: session.id })
    const family = '👨‍👩‍👧‍👦'
    expect((await emit(viewer, 'chat:send', { sessionId: session.id, body: family.repeat(CHAT_MAX_LENGTH) })).ok).toBe(true)
    expect((await emit(viewer, 'chat:send', { sessionId: session.id, body: '한'.repeat(CHAT_MAX_LENGTH) })).ok).toBe(true)
    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: '🔥'.repeat(CHAT_MAX_LENGTH + 1) })).toMatchObject({
      ok: false,
      error: { code: 'too-long' },
    })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(2)
  })

  it('spends no chat budget on a too-long message: five of them, then a message that fits still goes', async () => {
    const { session } = await liveSession()
    const prisma = await getPrisma()
    const viewer = await client((await createBuyer()).cookie)
    await emit(viewer, 'live:join', { sessionId: session.id })
    // The limit is five messages per ten seconds per person.
    for (let i = 0; i < 5; i++) {
      expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: '가'.repeat(CHAT_MAX_LENGTH + 1) })).toMatchObject({
        ok: false,
        error: { code: 'too-long' },
      })
    }
    const accepted = await emit<{ message: ChatMessageView }>(viewer, 'chat:send', { sessionId: session.id, body: 'Short enough' })
    expect(accepted).toMatchObject({ ok: true, message: { body: 'Short enough' } })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(1)
  })

  it('says when someone writes too fast (with the seconds to wait), is muted, or uses a blocked word', async () => {
    const { exporter, session } = await liveSession()
    const buyer = await createBuyer()
    const host = await client(exporter.cookie)
    const viewer = await client(buyer.cookie)
    await emit(host, 'live:join', { sessionId: session.id })
    await emit(viewer, 'live:join', { sessionId: session.id })
    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: 'a fake one' })).toMatchObject({ ok: false, error: { code: 'blocked-word' } })
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => emit(viewer, 'chat:send', { sessionId: session.id, body: `quick ${i}` })))
    const limited = results.find((result) => !result.ok)
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate-limited' } })
    if (!limited) throw new Error('not rate-limited')
    const retryAfterMs = limited.error.retryAfterMs ?? 0
    expect(retryAfterMs).toBeGreaterThan(0)
    expect(retryAfterMs).toBeLessThanOrEqual(10_000)

    // Another person (the limit above is per person): muted by the host.
    const other = await createBuyer()
    const muted = await client(other.cookie)
    await emit(muted, 'live:join', { sessionId: session.id })
    expect((await emit(host, 'mod:sanction', { sessionId: session.id, target: { userId: other.user.id }, kind: 'MUTE', minutes: 5 })).ok).toBe(true)
    expect(await emit(muted, 'chat:send', { sessionId: session.id, body: 'hello?' })).toMatchObject({ ok: false, error: { code: 'muted' } })
  })

  it('closes the chat of an ended show: a later visitor joins read-only and a message is refused as chat-closed', async () => {
    const { session } = await liveSession()
    const prisma = await getPrisma()
    const viewer = await client((await createBuyer()).cookie)
    await emit(viewer, 'live:join', { sessionId: session.id })
    await prisma.liveSession.update({ where: { id: session.id }, data: { status: 'ENDED', endedAt: new Date() } })
    const later = await client((await createBuyer()).cookie)
    const joined = await emit<{ state: JoinState }>(later, 'live:join', { sessionId: session.id })
    expect(joined.ok && joined.state.chatClosed).toBe(true)
    expect(joined.ok && joined.state.you.canChat).toBe(false)
    expect(await emit(later, 'chat:send', { sessionId: session.id, body: 'still there?' })).toMatchObject({ ok: false, error: { code: 'chat-closed' } })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(0)
  })
})

describe.skipIf(!mediaWorkerBinary())('a show ended by its host closes the chat for the people in the room', () => {
  let mediaNode: RealtimeNode
  beforeAll(async () => {
    mediaNode = await startRealtimeNode(undefined, { media: true })
  })
  afterAll(async () => {
    await stopRealtimeNode(mediaNode)
  })

  it('tells every viewer in the room at once, and refuses their next message as chat-closed', async () => {
    const { exporter, session } = await liveSession()
    const viewer = await connectLive(mediaNode.url, (await createBuyer()).cookie, clients)
    const joined = await emit<{ state: JoinState }>(viewer, 'live:join', { sessionId: session.id })
    expect(joined.ok && joined.state.chatClosed).toBe(false)
    const closed = nextEvent(viewer, 'room:chat-closed')
    const studio = await connectLive(mediaNode.mediaUrl, exporter.cookie, clients)
    expect((await emit(studio, 'media:join', { sessionId: session.id, role: 'host' })).ok).toBe(true)
    expect((await emit(studio, 'media:end', {})).ok).toBe(true)
    await closed
    expect(await emit(viewer, 'chat:send', { sessionId: session.id, body: 'thank you!' })).toMatchObject({ ok: false, error: { code: 'chat-closed' } })
  })
})
