import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { acceptMeeting, requestMeeting } from './meetings.server'
import { DomainError } from '~/domain/errors'
import { admitToMeetingRoom, isMeetingSession } from './room-access.server'

// The meeting video room (`/media` join as a participant): seats only, inside the room window.
// Monday 2026-03-09 08:00–08:30 UTC is the one common hour of a Berlin buyer and a Seoul exporter.
const NOW = new Date('2026-03-09T00:00:00Z')
const SLOT = '2026-03-09T08:00:00.000Z'

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('meeting room admission', () => {
  it('admits seated participants inside the window and refuses everyone else', async () => {
    const prisma = await getPrisma()
    const buyer = await createBuyer({ country: 'DE' })
    await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Europe/Berlin', interests: ['processed-food'], languages: ['en'] } })
    const exporter = await createExporter()
    await createProduct(exporter.company.id, { categorySlug: 'processed-food', hsCode: '190230' })
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: exporter.company.id } })
    const stranger = await createUser('BUYER')

    const meetingId = await requestMeeting(
      await sessionUserOf(buyer.cookie),
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: SLOT, agenda: '' },
      NOW,
    )
    await acceptMeeting(await sessionUserOf(exporter.cookie), meetingId, NOW)
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })
    const sessionId = liveSessionId!
    expect(await isMeetingSession(sessionId)).toBe(true)

    const atStart = new Date(SLOT)
    expect(await admitToMeetingRoom(sessionId, buyer.user.id, atStart)).toMatchObject({ meetingId, userId: buyer.user.id, role: 'BUYER' })
    expect(await admitToMeetingRoom(sessionId, exporter.user.id, new Date('2026-03-09T07:50:00Z'))).toMatchObject({ role: 'EXPORTER' })

    // Not seated: a colleague of the exporter company and an unrelated buyer.
    for (const outsider of [colleague.user.id, stranger.user.id]) {
      expect(await caught(() => admitToMeetingRoom(sessionId, outsider, atStart))).toMatchObject({ code: 'forbidden' })
    }
    // Outside the window (opens 10 min before, closes 30 min after the end).
    const early = await caught(() => admitToMeetingRoom(sessionId, buyer.user.id, new Date('2026-03-09T07:49:59Z')))
    expect(early).toBeInstanceOf(DomainError)
    expect(early).toMatchObject({ code: 'early' })
    expect(await caught(() => admitToMeetingRoom(sessionId, buyer.user.id, new Date('2026-03-09T09:00:00Z')))).toMatchObject({ code: 'closed' })
    // Not a meeting session, or no such session.
    expect(await caught(() => admitToMeetingRoom('no-such-session', buyer.user.id, atStart))).toMatchObject({ code: 'not-found' })
    // A cancelled meeting's room is closed even inside the window.
    await prisma.meeting.update({ where: { id: meetingId }, data: { status: 'CANCELLED' } })
    expect(await caught(() => admitToMeetingRoom(sessionId, buyer.user.id, atStart))).toMatchObject({ code: 'closed' })
  })
})
