import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createLiveShowcase, createUser } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { emitIdentityEvent } from '../../app/domain/accounts/identity-events.server.ts'
import { readSessionId } from '../../app/domain/accounts/session.server.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import type { JoinState } from '../../app/protocol/live.ts'
import { resetEnvCache } from '../../app/utils/env.server.ts'
import { GUEST_IDENTITY_BUDGET } from './handshake-guard.ts'

// The Socket.io handshake of both namespaces: Origin check (issue 13 item 7), the per-network budget
// of new guests and network bans (item 8), identity changes reaching open and recovered sockets
// (item 13). Addresses come from X-Forwarded-For, as behind one production proxy (TRUST_PROXY=1).

let node: RealtimeNode
const opened: ClientSocket[] = []
const hasMedia = mediaWorkerBinary() !== null
const savedTrustProxy = process.env.TRUST_PROXY
const savedAppUrl = process.env.APP_URL

beforeAll(async () => {
  process.env.TRUST_PROXY = '1'
  resetEnvCache()
  await getPrisma()
  node = await startRealtimeNode(undefined, { media: hasMedia, sessionRecheckMs: 300 })
})

afterEach(() => {
  if (savedAppUrl === undefined) delete process.env.APP_URL
  else process.env.APP_URL = savedAppUrl
})

afterAll(async () => {
  for (const socket of opened) socket.disconnect()
  await stopRealtimeNode(node)
  await disconnectPrisma()
  if (savedTrustProxy === undefined) delete process.env.TRUST_PROXY
  else process.env.TRUST_PROXY = savedTrustProxy
  resetEnvCache()
})

const from = (ip: string, extra: Record<string, string> = {}) => ({ 'X-Forwarded-For': ip, ...extra })
const live = (cookie?: string, headers: Record<string, string> = {}) => connectLive(node.url, cookie, opened, headers)
const refused = (promise: Promise<ClientSocket>) =>
  promise.then(
    () => 'connected',
    () => 'refused',
  )

const liveShowcase = () => createLiveShowcase('Handshake showcase')

/** A client that reconnects by itself (and tries connection-state recovery), as browsers do. */
async function reconnectingClient(cookie: string): Promise<ClientSocket> {
  const socket = connect(node.url, {
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie },
    reconnectionDelay: 50,
    reconnectionDelayMax: 50,
    forceNew: true,
  })
  opened.push(socket)
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  return socket
}
const reconnected = (socket: ClientSocket) => new Promise<void>((resolve) => socket.once('disconnect', () => socket.once('connect', () => resolve())))

describe('Origin check at the Socket.io handshake (item 7)', () => {
  it.each([['/live'], ['/media']])('refuses a browser on another origin with a user’s cookie on %s; same origin and no Origin pass', async (namespace) => {
    if (namespace === '/media' && !hasMedia) return
    const buyer = await createBuyer()
    const url = namespace === '/live' ? node.url : node.mediaUrl
    const own = new URL(node.url).origin
    expect(await refused(connectLive(url, buyer.cookie, opened, { Origin: 'https://evil.example' }))).toBe('refused')
    expect(await refused(connectLive(url, buyer.cookie, opened, { Origin: 'null' }))).toBe('refused')
    expect(await refused(connectLive(url, buyer.cookie, opened, { Origin: own }))).toBe('connected')
    // Non-browser clients send no Origin, and carry no victim's cookies.
    expect(await refused(connectLive(url, buyer.cookie, opened))).toBe('connected')
    // The public origin of the deployment (APP_URL) is the app's too, as for forms.
    process.env.APP_URL = 'https://tradecast.example'
    resetEnvCache()
    expect(await refused(connectLive(url, buyer.cookie, opened, { Origin: 'https://tradecast.example' }))).toBe('connected')
    expect(await refused(connectLive(url, buyer.cookie, opened, { Origin: 'https://tradecast.example.evil.example' }))).toBe('refused')
  })
})

describe('new guest identities per network (item 8)', () => {
  it('gives a network 20 new guests an hour; the next ones watch without a chat identity and are not counted', async () => {
    const { exporter, session } = await liveShowcase()
    const host = await live(exporter.cookie)
    await emitAck(host, 'live:join', { sessionId: session.id })
    const counts: number[] = []
    host.on('room:viewers', ({ count }: { count: number }) => counts.push(count))

    const guests = await Promise.all(Array.from({ length: GUEST_IDENTITY_BUDGET.points }, (_, i) => live(undefined, from(`198.51.100.${i + 1}`))))
    // Another address of the same /24 has its own budget (IPv4 budgets are per address).
    const neighbour = await live(undefined, from('198.51.100.200'))
    for (const guest of guests.slice(0, 3)) expect((await emitAck(guest, 'live:join', { sessionId: session.id, guestName: 'Fair visitor' })).ok).toBe(true)

    const budgetSpent = await Promise.all(Array.from({ length: GUEST_IDENTITY_BUDGET.points }, () => live(undefined, from('203.0.113.7'))))
    const churn = await live(undefined, from('203.0.113.7'))
    const joined = await emitAck<{ state: JoinState }>(churn, 'live:join', { sessionId: session.id, guestName: 'Script' })
    expect(joined.ok && joined.state.you).toMatchObject({ canChat: false })
    expect(await emitAck(churn, 'chat:send', { sessionId: session.id, body: 'spam' })).toMatchObject({ ok: false, error: { code: 'guest-limit' } })
    expect((await emitAck(budgetSpent[0]!, 'live:join', { sessionId: session.id })).ok).toBe(true)
    expect((await emitAck(budgetSpent[0]!, 'chat:send', { sessionId: session.id, body: 'within the budget' })).ok).toBe(true)
    expect((await emitAck(neighbour, 'live:join', { sessionId: session.id })).ok).toBe(true)
    expect((await emitAck(neighbour, 'chat:send', { sessionId: session.id, body: 'neighbour' })).ok).toBe(true)
    const prisma = await getPrisma()
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id, body: 'spam' } })).toBe(0)

    // An IPv6 subscriber's /64 is one budget, whatever address of it a script rotates through.
    const v6 = await Promise.all(Array.from({ length: GUEST_IDENTITY_BUDGET.points }, (_, i) => live(undefined, from(`2001:db8:5:6::${(i + 1).toString(16)}`))))
    const rotated = await live(undefined, from('2001:db8:5:6:ffff::9'))
    expect(await emitAck(rotated, 'live:join', { sessionId: session.id })).toMatchObject({ ok: true, state: { you: { canChat: false } } })
    expect(v6).toHaveLength(GUEST_IDENTITY_BUDGET.points)

    // Viewers counted: 3 + 1 + 1 guests = 5; neither the host's company member (app/domain/live/audience.ts) nor the churn.
    await expect.poll(() => counts.at(-1), { timeout: 6000 }).toBe(5)
  })

  it.skipIf(!hasMedia)('writes no view span for a guest minted over the budget (kept out of the viewer KPIs)', async () => {
    const { session } = await liveShowcase()
    const prisma = await getPrisma()
    const watch = async (ip: string) => {
      const socket = await connectLive(node.mediaUrl, undefined, opened, from(ip))
      const join = await emitAck<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId: session.id, role: 'viewer' })
      if (!join.ok) throw new Error(join.error.code)
      expect((await emitAck(socket, 'media:ready', { rtpCapabilities: join.routerRtpCapabilities })).ok).toBe(true)
    }
    await Promise.all(Array.from({ length: GUEST_IDENTITY_BUDGET.points }, () => live(undefined, from('192.0.2.44'))))
    await watch('192.0.2.44')
    await watch('192.0.2.45')
    expect(await prisma.liveSessionView.count({ where: { sessionId: session.id } })).toBe(1)
    // Nor in the live count viewers see.
    expect(node.media!.room(session.id)!.viewerCount()).toBe(1)
  })
})

describe('bans of guests cover their network for a while (item 8)', () => {
  it('keeps a banned guest banned after dropping the cookie (same /24), not other networks, not signed-in users', async () => {
    const { exporter, session } = await liveShowcase()
    const host = await live(exporter.cookie)
    await emitAck(host, 'live:join', { sessionId: session.id })
    const troll = await live(undefined, from('100.64.7.10'))
    const joined = await emitAck<{ state: JoinState }>(troll, 'live:join', { sessionId: session.id, guestName: 'Troll' })
    if (!joined.ok) throw new Error('join failed')
    const guestKey = joined.state.you.key.slice(2)
    expect((await emitAck(host, 'mod:sanction', { sessionId: session.id, target: { guestKey }, kind: 'BAN' })).ok).toBe(true)
    const prisma = await getPrisma()
    const row = await prisma.liveSessionSanction.findFirstOrThrow({ where: { sessionId: session.id, guestKey } })
    expect(row.networkPrefix).toBe('100.64.7.0/24')
    expect(row.networkUntil!.getTime() - row.createdAt.getTime()).toBe(24 * 60 * 60 * 1000)

    // Back without the cookie, from another address of the same network: a new guest, still banned.
    const back = await live(undefined, from('100.64.7.99'))
    const again = await emitAck<{ state: JoinState }>(back, 'live:join', { sessionId: session.id, guestName: 'Not a troll' })
    expect(again.ok && again.state.you.key).not.toBe(joined.state.you.key)
    expect(again.ok && again.state.you).toMatchObject({ banned: true, canChat: false })
    expect(await emitAck(back, 'chat:send', { sessionId: session.id, body: 'I am back' })).toMatchObject({ ok: false, error: { code: 'banned' } })

    const elsewhere = await live(undefined, from('100.64.8.10'))
    await emitAck(elsewhere, 'live:join', { sessionId: session.id })
    expect((await emitAck(elsewhere, 'chat:send', { sessionId: session.id, body: 'hello' })).ok).toBe(true)
    const buyer = await createBuyer()
    const signedIn = await live(buyer.cookie, from('100.64.7.11'))
    await emitAck(signedIn, 'live:join', { sessionId: session.id })
    expect((await emitAck(signedIn, 'chat:send', { sessionId: session.id, body: 'signed in' })).ok).toBe(true)

    // Lifting the ban lifts the network cover with it.
    expect((await emitAck(host, 'mod:unban', { sessionId: session.id, target: { guestKey } })).ok).toBe(true)
    const later = await live(undefined, from('100.64.7.123'))
    await emitAck(later, 'live:join', { sessionId: session.id })
    expect((await emitAck(later, 'chat:send', { sessionId: session.id, body: 'welcome' })).ok).toBe(true)
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id, body: 'I am back' } })).toBe(0)
  })
})

describe('identity changes reach open and recovered sockets (item 13)', () => {
  it('a recovered connection re-reads its session: signed out meanwhile, it comes back as a fresh guest connection', async () => {
    const { exporter, session } = await liveShowcase()
    const socket = await reconnectingClient(exporter.cookie)
    const first = await emitAck<{ state: JoinState }>(socket, 'live:join', { sessionId: session.id })
    expect(first.ok && first.state.you).toMatchObject({ isHost: true, canModerate: true })
    // Something reaches the client, so recovery has an offset to resume from.
    const seen = nextEvent(socket, 'chat:messages')
    await emitAck(socket, 'chat:send', { sessionId: session.id, body: 'before' })
    await seen

    const back = reconnected(socket)
    socket.io.engine.close()
    // Signed out elsewhere while this tab was offline (the session row is gone; no event reaches it).
    const prisma = await getPrisma()
    await prisma.session.deleteMany({ where: { id: (await readSessionId(exporter.cookie))! } })
    await back
    expect(socket.recovered).toBe(false)
    expect(await emitAck(socket, 'mod:slow-mode', { sessionId: session.id, seconds: 30 })).toMatchObject({ ok: false, error: { code: 'not-joined' } })
    const rejoined = await emitAck<{ state: JoinState }>(socket, 'live:join', { sessionId: session.id })
    expect(rejoined.ok && rejoined.state.you).toMatchObject({ isHost: false, canModerate: false })
    expect(rejoined.ok && rejoined.state.you.key.startsWith('g:')).toBe(true)
  })

  it('a short drop with the identity unchanged still recovers', async () => {
    const { exporter, session } = await liveShowcase()
    const socket = await reconnectingClient(exporter.cookie)
    await emitAck(socket, 'live:join', { sessionId: session.id })
    const seen = nextEvent(socket, 'chat:messages')
    await emitAck(socket, 'chat:send', { sessionId: session.id, body: 'hello' })
    await seen
    const back = reconnected(socket)
    socket.io.engine.close()
    await back
    expect(socket.recovered).toBe(true)
    expect((await emitAck(socket, 'mod:slow-mode', { sessionId: session.id, seconds: 0 })).ok).toBe(true)
  })

  it('sign-out of one session drops only that session’s sockets; they come back without the account', async () => {
    const { exporter, session } = await liveShowcase()
    const prisma = await getPrisma()
    const otherTab = await live(exporter.cookie)
    const { createUserSession } = await import('../../app/domain/accounts/session.server.ts')
    const phoneCookie = (await createUserSession(exporter.user.id, { userAgent: 'phone' })).split(';')[0]!
    const phone = await reconnectingClient(phoneCookie)
    await emitAck(phone, 'live:join', { sessionId: session.id })
    await emitAck(otherTab, 'live:join', { sessionId: session.id })
    let otherTabDropped = false
    otherTab.on('disconnect', () => (otherTabDropped = true))

    const phoneSession = (await readSessionId(phoneCookie))!
    const back = reconnected(phone)
    await prisma.session.deleteMany({ where: { id: phoneSession } })
    emitIdentityEvent({ kind: 'sessions-revoked', userId: exporter.user.id, sessionIds: [phoneSession] })
    await back
    expect(phone.recovered).toBe(false)
    const rejoined = await emitAck<{ state: JoinState }>(phone, 'live:join', { sessionId: session.id })
    expect(rejoined.ok && rejoined.state.you).toMatchObject({ isHost: false, canModerate: false })
    expect(otherTabDropped).toBe(false)
    expect((await emitAck(otherTab, 'mod:slow-mode', { sessionId: session.id, seconds: 0 })).ok).toBe(true)
  })

  it('a session that lapses (idle timeout) while its socket is open drops that socket, with no event; live sessions are left alone', async () => {
    const { exporter, session } = await liveShowcase()
    const prisma = await getPrisma()
    const { createUserSession } = await import('../../app/domain/accounts/session.server.ts')
    const idleCookie = (await createUserSession(exporter.user.id, { userAgent: 'idle tab' })).split(';')[0]!
    const idle = await live(idleCookie)
    const active = await live(exporter.cookie)
    await emitAck(idle, 'live:join', { sessionId: session.id })
    await emitAck(active, 'live:join', { sessionId: session.id })
    let activeDropped = false
    active.on('disconnect', () => (activeDropped = true))
    const dropped = new Promise<void>((resolve) => idle.once('disconnect', () => resolve()))
    // Idle past the timeout without anyone reading it: only the periodic re-check can notice.
    const idleSession = (await readSessionId(idleCookie))!
    await prisma.session.update({ where: { id: idleSession }, data: { lastSeenAt: new Date(Date.now() - 30 * 24 * 3_600_000) } })
    await dropped
    expect(await prisma.session.count({ where: { id: idleSession } })).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(activeDropped).toBe(false)
  })

  it('a member removed from the company loses the company’s powers in the rooms at once', async () => {
    const { exporter, session } = await liveShowcase()
    const prisma = await getPrisma()
    const member = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: exporter.company.id, role: 'MEMBER' } })
    const socket = await reconnectingClient(member.cookie)
    expect((await emitAck(socket, 'live:join', { sessionId: session.id })).ok).toBe(true)
    expect((await emitAck(socket, 'mod:participants', { sessionId: session.id })).ok).toBe(true)

    const back = reconnected(socket)
    await prisma.exporterMember.delete({ where: { userId: member.user.id } })
    emitIdentityEvent({ kind: 'membership-changed', userId: member.user.id, companyId: exporter.company.id })
    await back
    expect(socket.recovered).toBe(false)
    const rejoined = await emitAck<{ state: JoinState }>(socket, 'live:join', { sessionId: session.id })
    expect(rejoined.ok && rejoined.state.you).toMatchObject({ key: `u:${member.user.id}`, isHost: false, canModerate: false })
    expect(await emitAck(socket, 'mod:participants', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
