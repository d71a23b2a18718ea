import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createLiveShowcase } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import { CHAT_MAX_CODE_UNITS, type ChatMessageView, type JoinState } from '../../app/protocol/live.ts'
import { mintGuestCookie } from '../../app/utils/guest-key.server.ts'
import { MEDIA_PEER_QUOTA } from './media-handlers/peer-quota.ts'
import { MEDIA_EVENT_BUDGET } from './media-namespace.ts'

// Hostile socket input on both namespaces: wrong types, oversize values, hidden characters,
// markup, prototype-pollution keys, unknown events and floods. Each gets a clear error, nothing is
// stored, and the server goes on serving.

let node: RealtimeNode
const opened: ClientSocket[] = []
const hasMedia = mediaWorkerBinary() !== null

beforeAll(async () => {
  await getPrisma()
  node = await startRealtimeNode(undefined, { media: hasMedia })
})

afterAll(async () => {
  for (const socket of opened) socket.disconnect()
  await stopRealtimeNode(node)
  await disconnectPrisma()
})

const live = (cookie?: string) => connectLive(node.url, cookie, opened)
const media = (cookie?: string) => connectLive(node.mediaUrl, cookie, opened)
type Answer = { ok: true } | { ok: false; error: { code: string } }
const code = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code)

const liveShowcase = () => createLiveShowcase('Hostile showcase')

describe('hostile input on /live', () => {
  it('strips control and bidi characters from chat and guest names, keeps markup as text', async () => {
    const { session } = await liveShowcase()
    const prisma = await getPrisma()
    const guest = await live()
    // "Trojan Source": U+202E makes "gnp.exe" read as "exe.png"; a bell, a NUL and a line break try the log and the list.
    const joined = await emitAck<{ state: JoinState }>(guest, 'live:join', {
      sessionId: session.id,
      guestName: '<img src=x onerror=alert(1)>\u202Egnp.exe\u0000\n\u2067x',
    })
    expect(joined.ok && joined.state.you.name).toBe('<img src=x onerror=alert(1)>gnp.exe x')
    const sent = await emitAck<{ message: ChatMessageView }>(guest, 'chat:send', {
      sessionId: session.id,
      body: 'price\u202E 01 $\u0007 <script>alert(1)</script>',
    })
    expect(sent.ok && sent.message.body).toBe('price 01 $ <script>alert(1)</script>')
    expect(sent.ok && sent.message.author.name).toBe('<img src=x onerror=alert(1)>gnp.exe x')
    const stored = await prisma.chatMessage.findFirstOrThrow({ where: { sessionId: session.id } })
    // eslint-disable-next-line no-control-regex -- control and bidi characters are what must be gone
    const hidden = /[\u0000-\u001F\u202A-\u202E\u2066-\u2069]/
    expect(stored.body).not.toMatch(hidden)
    expect(stored.guestName).not.toMatch(hidden)

    // Nothing but hidden characters: empty once stripped, refused, nothing stored.
    expect(await emitAck(guest, 'chat:send', { sessionId: session.id, body: '\u202E\u2066\u0008 ' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(await emitAck(await live(), 'live:join', { sessionId: session.id, guestName: '\u202E\u0000' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    })
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(1)
  })

  it('refuses wrong types, oversize values, unknown keys (__proto__ too) and unknown events with a clear error, storing nothing', async () => {
    const { exporter, session } = await liveShowcase()
    const prisma = await getPrisma()
    const buyer = await createBuyer()
    const viewer = await live(buyer.cookie)
    expect((await emitAck(viewer, 'live:join', { sessionId: session.id })).ok).toBe(true)
    const attempts: Array<[string, unknown]> = [
      ['chat:send', null],
      ['chat:send', 42],
      ['chat:send', { sessionId: session.id, body: ['an', 'array'] }],
      ['chat:send', { sessionId: 12345, body: 'number as id' }],
      ['chat:send', { sessionId: session.id, body: 'x'.repeat(CHAT_MAX_CODE_UNITS + 1) }],
      ['live:join', { sessionId: session.id, locale: 'xx' }],
      ['live:join', { sessionId: session.id, locale: { toString: 'ko' } }],
      ['chat:send', JSON.parse(`{"sessionId":"${session.id}","body":"hi","__proto__":{"isAdmin":true}}`)],
      ['chat:send', { sessionId: session.id, body: 'hi', constructor: { prototype: { isAdmin: true } } }],
      ['chat:send', { sessionId: session.id, body: 'hi', authorId: exporter.user.id }],
      ['live:join', { sessionId: session.id, guestName: 'n'.repeat(10_000) }],
      ['mod:sanction', { sessionId: session.id, target: { userId: exporter.user.id, guestKey: 'both' }, kind: 'BAN' }],
      ['mod:blocked-words', { sessionId: session.id, words: Array(201).fill('spam') }],
      ['room:react', { sessionId: session.id, emoji: '<b>' }],
    ]
    for (const [event, payload] of attempts) expect([event, code(await emitAck(viewer, event, payload))]).toEqual([event, 'invalid'])
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    // Within the edge's bound but over the limit people see: refused with its reason.
    expect(code(await emitAck(viewer, 'chat:send', { sessionId: session.id, body: 'x'.repeat(501) }))).toBe('too-long')

    // An event the catalogue does not know: answered, with or without an acknowledgement callback.
    expect(await emitAck(viewer, 'admin:grant', { role: 'ADMIN' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const refusal = nextEvent<{ event: string; code: string }>(viewer, 'live:error')
    viewer.emit('__proto__', { polluted: true })
    expect(await refusal).toMatchObject({ event: '__proto__', code: 'invalid' })

    expect(await prisma.chatMessage.count({ where: { sessionId: session.id } })).toBe(0)
    expect(await prisma.liveSessionSanction.count({ where: { sessionId: session.id } })).toBe(0)
    // Still serving this connection and others.
    expect((await emitAck(viewer, 'chat:send', { sessionId: session.id, body: 'still here' })).ok).toBe(true)
    expect((await emitAck(await live(), 'live:join', { sessionId: session.id })).ok).toBe(true)
  })

  it('counts unknown events against the connection’s budget', async () => {
    const flooder = await live()
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => emitAck(flooder, `made:up:${i}`, {})))
    expect(answers.map(code).filter((c) => c === 'invalid')).toHaveLength(30)
    expect(answers.map(code).filter((c) => c === 'rate-limited')).toHaveLength(10)
  })
})

describe.skipIf(!hasMedia)('hostile input on /media', () => {
  async function joinedViewer(sessionId: string) {
    const socket = await media()
    const join = await emitAck<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId, role: 'viewer' })
    if (!join.ok) throw new Error(join.error.code)
    expect((await emitAck(socket, 'media:ready', { rtpCapabilities: join.routerRtpCapabilities })).ok).toBe(true)
    return socket
  }

  it('gives a guest two receive transports of the 30 it asks for, and no send transport (item 6)', async () => {
    const { session } = await liveShowcase()
    const guest = await joinedViewer(session.id)
    const answers = await Promise.all(Array.from({ length: 30 }, () => emitAck(guest, 'media:create-transport', { direction: 'recv' })))
    expect(answers.map(code).filter((c) => c === 'ok')).toHaveLength(2)
    expect(answers.map(code).filter((c) => c === 'too-many')).toHaveLength(28)
    expect(await emitAck(guest, 'media:create-transport', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(node.media!.room(session.id)!.peers.get(guest.id!)?.transports.size).toBe(2)
  })

  it('lets one person hold only a few media peers at once, however many connections they open', async () => {
    const { session } = await liveShowcase()
    const cookie = mintGuestCookie().setCookie.split(';')[0]!
    const sockets = await Promise.all(Array.from({ length: MEDIA_PEER_QUOTA.perIdentity + 2 }, () => media(cookie)))
    const answers: Answer[] = []
    for (const socket of sockets) answers.push(await emitAck(socket, 'media:join', { sessionId: session.id, role: 'viewer' }))
    expect(answers.map(code)).toEqual([...Array<string>(MEDIA_PEER_QUOTA.perIdentity).fill('ok'), 'too-many', 'too-many'])
    // Leaving gives the place back.
    expect(code(await emitAck(sockets[0]!, 'media:leave', {}))).toBe('ok')
    expect(code(await emitAck(sockets.at(-1)!, 'media:join', { sessionId: session.id, role: 'viewer' }))).toBe('ok')
  })

  it('keeps one peer per connection when joins race (no orphaned peer, transports or counted viewer)', async () => {
    const first = await liveShowcase()
    const second = await liveShowcase()
    const socket = await media()
    const answers = await Promise.all([
      emitAck(socket, 'media:join', { sessionId: first.session.id, role: 'viewer' }),
      emitAck(socket, 'media:join', { sessionId: second.session.id, role: 'viewer' }),
    ])
    expect(answers.map(code)).toEqual(['ok', 'ok'])
    // The later join wins; the earlier room holds no peer of this connection.
    expect(node.media!.room(first.session.id)?.peers.has(socket.id!) ?? false).toBe(false)
    expect(node.media!.room(second.session.id)!.peers.has(socket.id!)).toBe(true)
  })

  it('limits how many requests one connection may send, valid or not, and answers unknown ones', async () => {
    const flooder = await media()
    const answers = await Promise.all(
      Array.from({ length: MEDIA_EVENT_BUDGET.points + 10 }, (_, i) => emitAck(flooder, i % 2 ? 'media:leave' : 'media:mystery', { sessionId: 1 })),
    )
    expect(answers.map(code).filter((c) => c === 'invalid')).toHaveLength(MEDIA_EVENT_BUDGET.points)
    expect(answers.map(code).filter((c) => c === 'rate-limited')).toHaveLength(10)
    // Others are served as usual.
    const { session } = await liveShowcase()
    await joinedViewer(session.id)
  })

  it('refuses wrong types and smuggled keys with a clear error', async () => {
    const { session } = await liveShowcase()
    const socket = await media()
    const attempts: Array<[string, unknown]> = [
      ['media:join', 'not an object'],
      ['media:join', { sessionId: session.id, role: 'admin' }],
      ['media:join', { sessionId: [session.id], role: 'viewer' }],
      ['media:join', JSON.parse(`{"sessionId":"${session.id}","role":"viewer","__proto__":{"isHost":true}}`)],
      ['media:create-transport', { direction: 'send', role: 'host' }],
      ['media:consume', { transportId: 'x'.repeat(65), producerId: 'p' }],
    ]
    for (const [event, payload] of attempts) expect([event, code(await emitAck(socket, event, payload))]).toEqual([event, 'invalid'])
    expect(({} as Record<string, unknown>).isHost).toBeUndefined()
    expect(node.media!.room(session.id)).toBeUndefined()
  })
})
