import { randomUUID } from 'node:crypto'
import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import { LIVE_CLIENT_EVENTS, type LiveEventName } from '../../app/protocol/live.ts'
import { MEDIA_REQUEST_SCHEMAS, type MediaRequestName } from '../../app/protocol/media.ts'
import { mintGuestCookie } from '../../app/utils/guest-key.server.ts'
import { ACTORS, type Actor, LIVE_EVENT_MATRIX, MEDIA_EVENT_MATRIX } from './authorization-matrix.ts'

// Plays every cell of server/realtime/authorization-matrix.ts against the production wiring of both
// namespaces (one real mediasoup worker) on in-memory PGlite.

let node: RealtimeNode
const opened: ClientSocket[] = []
type World = Awaited<ReturnType<typeof buildWorld>>
let world: World

const unique = () => randomUUID().slice(0, 8)

async function buildWorld() {
  const prisma = await getPrisma()
  const owner = await createExporter()
  const member = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: owner.company.id, role: 'MEMBER' } })
  const product = await createProduct(owner.company.id)
  const fairOrganizer = await createUser('ORGANIZER')
  const otherOrganizer = await createUser('ORGANIZER')
  const fair = (organizerId: string) => ({
    slug: `fair-${unique()}`,
    name: 'Fair',
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 86_400_000),
    timeZone: 'Asia/Seoul',
    status: 'OPEN' as const,
    organizerId,
  })
  const fairF = await prisma.tradeFair.create({ data: fair(fairOrganizer.user.id) })
  await prisma.tradeFair.create({ data: fair(otherOrganizer.user.id) })
  const target = await createBuyer()
  // An export agency that C granted SHOWCASES (ADR 026): its member runs C's showcases.
  const agency = await prisma.exportAgency.create({ data: { slug: `matrix-agency-${unique()}`, name: 'Matrix Agency', region: 'Gangwon' } })
  const agent = await createUser('AGENCY')
  await prisma.agencyMember.create({ data: { userId: agent.user.id, agencyId: agency.id } })
  await prisma.agencyGrant.create({ data: { companyId: owner.company.id, agencyId: agency.id, scopes: ['SHOWCASES'], grantedById: owner.user.id } })
  const cookies: Record<Actor, string> = {
    guest: mintGuestCookie().setCookie.split(';')[0]!,
    buyer: (await createBuyer()).cookie,
    owner: owner.cookie,
    member: member.cookie,
    otherExporter: (await createExporter()).cookie,
    fairOrganizer: fairOrganizer.cookie,
    otherOrganizer: otherOrganizer.cookie,
    admin: (await createUser('ADMIN')).cookie,
    agency: agent.cookie,
  }
  return { owner, member, product, fairF, target, cookies }
}

/** A fresh public LIVE showcase of the owner's company on fair F, hosted by the owner, with a buyer's message. */
async function freshShowcase() {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.create({
    data: {
      title: 'Matrix showcase',
      status: 'LIVE',
      startedAt: new Date(),
      hostId: world.owner.user.id,
      companyId: world.owner.company.id,
      fairId: world.fairF.id,
      approvedAt: new Date(),
      scheduledStartAt: new Date(),
      scheduledEndAt: new Date(Date.now() + 3_600_000),
    },
  })
  const message = await prisma.chatMessage.create({ data: { sessionId: session.id, authorId: world.target.user.id, body: 'MOQ?' } })
  return { sessionId: session.id, messageId: message.id }
}

type Answer = { ok: true } | { ok: false; error: { code: string } }
const outcome = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code)

async function open(url: string, actor: Actor, mine: ClientSocket[]) {
  const socket = await connectLive(url, world.cookies[actor], opened)
  mine.push(socket)
  return socket
}

// ---- /live ----------------------------------------------------------------------------------------

type LiveCell = { socket: ClientSocket; sessionId: string; messageId: string }
const LIVE_SCENARIOS: Record<LiveEventName, (cell: LiveCell) => Promise<Answer>> = {
  'live:join': ({ socket, sessionId }) => emitAck(socket, 'live:join', { sessionId }),
  'live:leave': ({ socket, sessionId }) => emitAck(socket, 'live:leave', { sessionId }),
  'chat:send': ({ socket, sessionId }) => emitAck(socket, 'chat:send', { sessionId, body: 'Hello from the matrix' }),
  'room:react': ({ socket, sessionId }) => emitAck(socket, 'room:react', { sessionId, emoji: '👍' }),
  'chat:delete': ({ socket, sessionId, messageId }) => emitAck(socket, 'chat:delete', { sessionId, messageId }),
  'chat:pin': ({ socket, sessionId, messageId }) => emitAck(socket, 'chat:pin', { sessionId, messageId }),
  'mod:sanction': ({ socket, sessionId }) => emitAck(socket, 'mod:sanction', { sessionId, target: { userId: world.target.user.id }, kind: 'MUTE', minutes: 5 }),
  'mod:unban': ({ socket, sessionId }) => emitAck(socket, 'mod:unban', { sessionId, target: { userId: world.target.user.id } }),
  'mod:slow-mode': ({ socket, sessionId }) => emitAck(socket, 'mod:slow-mode', { sessionId, seconds: 10 }),
  'mod:participants': ({ socket, sessionId }) => emitAck(socket, 'mod:participants', { sessionId }),
  'mod:blocked-words': ({ socket, sessionId }) => emitAck(socket, 'mod:blocked-words', { sessionId, words: ['cheap'] }),
  'products:pin': ({ socket, sessionId }) => emitAck(socket, 'products:pin', { sessionId, productId: world.product.id, pinned: true }),
}

async function playLive(event: LiveEventName, actor: Actor): Promise<string> {
  const { sessionId, messageId } = await freshShowcase()
  const mine: ClientSocket[] = []
  try {
    const socket = await open(node.url, actor, mine)
    if (event !== 'live:join') {
      const joined = await emitAck(socket, 'live:join', { sessionId })
      if (!joined.ok) return `join refused: ${joined.error.code}`
    }
    return outcome(await LIVE_SCENARIOS[event]({ socket, sessionId, messageId }))
  } finally {
    for (const socket of mine) socket.disconnect()
  }
}

// ---- /media ---------------------------------------------------------------------------------------

const vp8 = (ssrc: number) => ({
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }],
  encodings: [{ ssrc }, { ssrc: ssrc + 1 }, { ssrc: ssrc + 2 }],
})
const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }] }

type Joined = { socket: ClientSocket; role: 'host' | 'viewer'; caps: unknown }
type MediaCell = { sessionId: string; actor: Actor; mine: ClientSocket[] }

async function ask<T extends object = Record<string, never>>(socket: ClientSocket, event: string, payload: unknown = {}) {
  return (await emitAck<T>(socket, event, payload)) as ({ ok: true } & T) | { ok: false; error: { code: string; message: string } }
}
function must<T>(answer: ({ ok: true } & T) | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!answer.ok) throw new Error(`${what}: ${answer.error.code} ${answer.error.message}`)
  return answer
}

/** Joins as host when the person may, else as viewer; then media:ready. */
async function joinStrongest(cell: MediaCell, options: { ready?: boolean } = {}): Promise<Joined> {
  const socket = await open(node.mediaUrl, cell.actor, cell.mine)
  let role: 'host' | 'viewer' = 'host'
  let join = await ask<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId: cell.sessionId, role })
  if (!join.ok) {
    role = 'viewer'
    join = await ask<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId: cell.sessionId, role })
  }
  const caps = must(join, 'join').routerRtpCapabilities
  if (options.ready !== false) must(await ask(socket, 'media:ready', { rtpCapabilities: caps }), 'ready')
  return { socket, role, caps }
}

/** The owner's studio in a second connection, sending a simulcast camera: what viewers consume. */
async function studioProducer(cell: MediaCell): Promise<string> {
  const socket = await open(node.mediaUrl, 'owner', cell.mine)
  const caps = must(
    await ask<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId: cell.sessionId, role: 'host' }),
    'studio join',
  ).routerRtpCapabilities
  must(await ask(socket, 'media:ready', { rtpCapabilities: caps }), 'studio ready')
  const { transport } = must(await ask<{ transport: { id: string } }>(socket, 'media:create-transport', { direction: 'send' }), 'studio transport')
  return must(
    await ask<{ producerId: string }>(socket, 'media:produce', { transportId: transport.id, kind: 'video', rtpParameters: vp8(5000), source: 'camera' }),
    'studio produce',
  ).producerId
}

/** The person's own camera when they may send; a made-up id otherwise (refused before any lookup). */
async function ownProducer(joined: Joined): Promise<string> {
  if (joined.role !== 'host') return 'not-yours'
  const { transport } = must(await ask<{ transport: { id: string } }>(joined.socket, 'media:create-transport', { direction: 'send' }), 'send transport')
  return must(
    await ask<{ producerId: string }>(joined.socket, 'media:produce', { transportId: transport.id, kind: 'video', rtpParameters: vp8(7000), source: 'camera' }),
    'produce',
  ).producerId
}

async function consumer(cell: MediaCell): Promise<{ joined: Joined; consumerId: string }> {
  const producerId = await studioProducer(cell)
  const joined = await joinStrongest(cell)
  const { transport } = must(await ask<{ transport: { id: string } }>(joined.socket, 'media:create-transport', { direction: 'recv' }), 'recv transport')
  const { consumer: created } = must(
    await ask<{ consumer: { id: string } }>(joined.socket, 'media:consume', { transportId: transport.id, producerId }),
    'consume',
  )
  return { joined, consumerId: created.id }
}

const MEDIA_SCENARIOS: Record<MediaRequestName, (cell: MediaCell) => Promise<Answer>> = {
  'media:join': async (cell) => ask(await open(node.mediaUrl, cell.actor, cell.mine), 'media:join', { sessionId: cell.sessionId, role: 'host' }),
  'media:ready': async (cell) => {
    const joined = await joinStrongest(cell, { ready: false })
    return ask(joined.socket, 'media:ready', { rtpCapabilities: joined.caps })
  },
  'media:create-transport': async (cell) => ask((await joinStrongest(cell)).socket, 'media:create-transport', { direction: 'send' }),
  'media:connect-transport': async (cell) => {
    const { socket } = await joinStrongest(cell)
    const { transport } = must(await ask<{ transport: { id: string } }>(socket, 'media:create-transport', { direction: 'recv' }), 'recv transport')
    return ask(socket, 'media:connect-transport', { transportId: transport.id, dtlsParameters })
  },
  'media:produce': async (cell) => {
    const joined = await joinStrongest(cell)
    const transport =
      joined.role === 'host'
        ? must(await ask<{ transport: { id: string } }>(joined.socket, 'media:create-transport', { direction: 'send' }), 'send').transport.id
        : 'not-yours'
    return ask(joined.socket, 'media:produce', { transportId: transport, kind: 'video', rtpParameters: vp8(9000), source: 'camera' })
  },
  'media:pause-producer': async (cell) => {
    const joined = await joinStrongest(cell)
    return ask(joined.socket, 'media:pause-producer', { producerId: await ownProducer(joined) })
  },
  'media:resume-producer': async (cell) => {
    const joined = await joinStrongest(cell)
    return ask(joined.socket, 'media:resume-producer', { producerId: await ownProducer(joined) })
  },
  'media:close-producer': async (cell) => {
    const joined = await joinStrongest(cell)
    return ask(joined.socket, 'media:close-producer', { producerId: await ownProducer(joined) })
  },
  'media:set-source': async (cell) => {
    const joined = await joinStrongest(cell)
    return ask(joined.socket, 'media:set-source', { producerId: await ownProducer(joined), source: 'screen' })
  },
  'media:consume': async (cell) => {
    const producerId = await studioProducer(cell)
    const { socket } = await joinStrongest(cell)
    const { transport } = must(await ask<{ transport: { id: string } }>(socket, 'media:create-transport', { direction: 'recv' }), 'recv transport')
    return ask(socket, 'media:consume', { transportId: transport.id, producerId })
  },
  'media:resume-consumer': async (cell) => {
    const { joined, consumerId } = await consumer(cell)
    return ask(joined.socket, 'media:resume-consumer', { consumerId })
  },
  'media:set-quality': async (cell) => {
    const { joined, consumerId } = await consumer(cell)
    return ask(joined.socket, 'media:set-quality', { consumerId, quality: 'low' })
  },
  'media:go-live': async (cell) => ask((await joinStrongest(cell)).socket, 'media:go-live'),
  'media:end': async (cell) => ask((await joinStrongest(cell)).socket, 'media:end'),
  'media:leave': async (cell) => ask((await joinStrongest(cell)).socket, 'media:leave'),
  'media:restream-retry': async (cell) => ask((await joinStrongest(cell)).socket, 'media:restream-retry', { destinationId: 'not-a-destination' }),
  'test:kill-worker': async (cell) => ask((await joinStrongest(cell)).socket, 'test:kill-worker', { sessionId: cell.sessionId }),
}

async function playMedia(event: MediaRequestName, actor: Actor): Promise<string> {
  const { sessionId } = await freshShowcase()
  const cell: MediaCell = { sessionId, actor, mine: [] }
  try {
    return outcome(await MEDIA_SCENARIOS[event](cell))
  } catch (error) {
    return `setup failed: ${(error as Error).message}`
  } finally {
    for (const socket of cell.mine) socket.disconnect()
  }
}

// ---------------------------------------------------------------------------------------------------

const hasMedia = mediaWorkerBinary() !== null

beforeAll(async () => {
  await getPrisma()
  node = await startRealtimeNode(undefined, { media: hasMedia })
  world = await buildWorld()
})

afterAll(async () => {
  for (const socket of opened) socket.disconnect()
  await stopRealtimeNode(node)
  await disconnectPrisma()
})

describe('Socket.io authorization matrix', () => {
  it('has a row for every client → server event of both catalogues, and a column for every person', () => {
    expect(Object.keys(LIVE_EVENT_MATRIX).sort()).toEqual([...LIVE_CLIENT_EVENTS].sort())
    expect(Object.keys(MEDIA_EVENT_MATRIX).sort()).toEqual(Object.keys(MEDIA_REQUEST_SCHEMAS).sort())
    for (const row of [...Object.values(LIVE_EVENT_MATRIX), ...Object.values(MEDIA_EVENT_MATRIX)]) expect(Object.keys(row).sort()).toEqual([...ACTORS].sort())
  })

  it.each(LIVE_CLIENT_EVENTS)('/live %s', async (event) => {
    const played = Object.fromEntries(await Promise.all(ACTORS.map(async (actor) => [actor, await playLive(event, actor)] as const)))
    expect(played).toEqual(LIVE_EVENT_MATRIX[event])
  })

  it.skipIf(!hasMedia).each(Object.keys(MEDIA_REQUEST_SCHEMAS) as MediaRequestName[])('/media %s', async (event) => {
    // One person after another: every cell opens the owner's studio, and one person may hold only a few
    // media peers at once (MEDIA_PEER_QUOTA), as in real life.
    const played: Record<string, string> = {}
    for (const actor of ACTORS) played[actor] = await playMedia(event, actor)
    expect(played).toEqual(MEDIA_EVENT_MATRIX[event])
  })
})

describe('a broadcast after the grant lost SHOWCASES', () => {
  it.skipIf(!hasMedia)('media:produce re-checks management: an agency member already joined as host is refused after a revoke', async () => {
    const prisma = await getPrisma()
    const agency = await prisma.exportAgency.create({ data: { slug: `revoked-agency-${unique()}`, name: 'Revoked Agency', region: 'Gangwon' } })
    const agent = await createUser('AGENCY')
    await prisma.agencyMember.create({ data: { userId: agent.user.id, agencyId: agency.id } })
    const grant = await prisma.agencyGrant.create({
      data: { companyId: world.owner.company.id, agencyId: agency.id, scopes: ['SHOWCASES'], grantedById: world.owner.user.id },
    })
    const { sessionId } = await freshShowcase()
    const mine: ClientSocket[] = []
    try {
      const socket = await connectLive(node.mediaUrl, agent.cookie, opened)
      mine.push(socket)
      const caps = must(await ask<{ routerRtpCapabilities: unknown }>(socket, 'media:join', { sessionId, role: 'host' }), 'join').routerRtpCapabilities
      must(await ask(socket, 'media:ready', { rtpCapabilities: caps }), 'ready')
      const { transport } = must(await ask<{ transport: { id: string } }>(socket, 'media:create-transport', { direction: 'send' }), 'send')
      const produce = (ssrc: number) => ask(socket, 'media:produce', { transportId: transport.id, kind: 'video', rtpParameters: vp8(ssrc), source: 'camera' })
      expect(outcome(await produce(11000))).toBe('ok')
      // Revoked in the database only: the connection is not dropped here, so the produce check alone refuses.
      await prisma.agencyGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date(), revokedById: world.owner.user.id } })
      expect(outcome(await produce(12000))).toBe('forbidden')
    } finally {
      for (const socket of mine) socket.disconnect()
    }
  })
})
