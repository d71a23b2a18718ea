import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import type { ParticipantInfo } from '../../app/protocol/media.ts'

// A trade-officer consultation's video room through the real `/media` gateway (docs/consultations.md):
// exactly its two participants join (as seats), everyone else is refused, and nobody joins it as a viewer.

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

/** A confirmed consultation starting in 5 minutes (its room is open: it opens 10 minutes before). */
async function confirmedConsultation() {
  const prisma = await getPrisma()
  const officer = await createUser('TRADE_OFFICER', { name: 'Officer Batbayar' })
  const exporter = await createExporter()
  const colleague = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: exporter.company.id } })
  const profile = await prisma.tradeOfficerProfile.create({
    data: { userId: officer.user.id, officeName: 'KOTRA Ulaanbaatar', markets: ['MN'], timeZone: 'Asia/Ulaanbaatar' },
  })
  const startsAt = new Date(Date.now() + 5 * 60_000)
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000)
  const session = await prisma.liveSession.create({
    data: {
      kind: 'MEETING',
      isPublic: false,
      title: 'KOTRA Ulaanbaatar × Test',
      scheduledStartAt: startsAt,
      scheduledEndAt: endsAt,
      hostId: officer.user.id,
      companyId: exporter.company.id,
    },
  })
  const consultation = await prisma.consultation.create({
    data: {
      officerId: profile.id,
      requesterId: exporter.user.id,
      companyId: exporter.company.id,
      market: 'MN',
      topic: 'MARKET_ENTRY',
      question: 'Gateway test',
      startsAt,
      endsAt,
      status: 'CONFIRMED',
      liveSessionId: session.id,
    },
  })
  return { officer, exporter, colleague, sessionId: session.id, consultationId: consultation.id }
}

describe.skipIf(!hasMedia)('consultation room on the /media gateway', () => {
  it('seats the officer and the exporter, and refuses a colleague, a stranger and a viewer join', async () => {
    const { officer, exporter, colleague, sessionId, consultationId } = await confirmedConsultation()
    const join = async (cookie: string, role: 'participant' | 'viewer' = 'participant') => {
      const socket = await connectLive(node.mediaUrl, cookie, opened)
      return emitAck<{ seat?: ParticipantInfo }>(socket, 'media:join', { sessionId, role })
    }
    const officerJoin = await join(officer.cookie)
    expect(officerJoin).toMatchObject({ ok: true, seat: { name: 'Officer Batbayar', role: 'ADVISOR' } })
    const exporterJoin = await join(exporter.cookie)
    expect(exporterJoin).toMatchObject({ ok: true, seat: { role: 'EXPORTER' } })
    const prisma = await getPrisma()
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id: consultationId } })
    expect(row.officerJoinedAt).not.toBeNull()
    expect(row.requesterJoinedAt).not.toBeNull()

    const stranger = await createUser('BUYER')
    for (const cookie of [colleague.cookie, stranger.cookie]) {
      expect(await join(cookie)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    // The exporter's own colleague cannot slip in as a viewer of the private session either.
    expect(await join(colleague.cookie, 'viewer')).toMatchObject({ ok: false })
    expect(await join(exporter.cookie, 'viewer')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
