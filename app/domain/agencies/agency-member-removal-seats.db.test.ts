import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { clockAt, createAgency, createAgencyMember, createBerlinBuyer, unique } from '../../../tests/agency-fixtures'
import { getRequest, postAction } from '../../../tests/http'
import { onIdentityEvent, type IdentityEvent } from '~/domain/accounts/identity-events.server'
import { getPrisma } from '~/domain/db.server'
import type { MeetingStatus } from '~/generated/prisma/client'
import { acceptMeeting, requestMeeting, seatAcceptedMeeting } from '~/domain/meetings/meetings.server'
import { admitToMeetingRoom } from '~/domain/meetings/room-access.server'
import { action as adminAgenciesAction } from '~/routes/admin/agencies'
import { action as teamAction } from '~/routes/agency/team'
import { loader as roomLoader } from '~/routes/meetings/room'
import { agencyActingFor, recordAgencyAction } from './actor.server'
import { grantAgency, revokeGrant } from './grants.server'
import type { AgencyScopeName } from './scopes'
import { gate, waitForBlockedOn } from '../../../tests/lock-waits'

// Removing an agency member (docs/export-agencies.md, Meetings) passes their exporter seats in meetings that
// still have a room on, in the removal's transaction: to the lead removing them while the company's grant holds
// MEETINGS, otherwise (an admin's removal, a grant without MEETINGS) back to the company's owner.

// Monday 2027-03-08 00:00 UTC; the buyer (Berlin) and the exporters (Seoul) share 08:00–09:00 UTC.
const NOW = new Date('2027-03-08T00:00:00Z')
const SLOT = '2027-03-08T08:00:00.000Z'
const IN_ROOM = new Date('2027-03-08T08:01:00Z')

/** A company granting `scopes` to an agency of a lead and an agent, and a buyer in Berlin. */
async function world(scopes: AgencyScopeName[] = ['MEETINGS']) {
  const granting = await createExporter({ companyName: `Granting ${unique()}` })
  const agency = await createAgency()
  const lead = await createAgencyMember(agency.id, 'LEAD')
  const agent = await createAgencyMember(agency.id, 'AGENT')
  const agentMember = agent.membership
  await grantAgency(granting.user, granting.company.id, agency.id, scopes, NOW)
  const buyer = await createBerlinBuyer()
  return { granting, agency, lead, agent, agentMember, buyer }
}
type World = Awaited<ReturnType<typeof world>>

/** The buyer asks for SLOT and the agent accepts for the company (the product path). */
async function acceptedByAgent(w: World) {
  const meetingId = await requestMeeting(
    await sessionUserOf(w.buyer.cookie),
    { companyId: w.granting.company.id },
    { intent: 'request', slotStart: SLOT, agenda: 'Noodles' },
    NOW,
  )
  const agent = await sessionUserOf(w.agent.cookie)
  await acceptMeeting(agent, meetingId, NOW, await agencyActingFor(agent, w.granting.company.id, 'MEETINGS'))
  return meetingId
}

/** A meeting in some state whose exporter seat the agent holds (as an accept seats it). */
async function seatedMeeting(w: World, { startsAt, status = 'ACCEPTED' }: { startsAt: string; status?: MeetingStatus }) {
  const prisma = await getPrisma()
  const start = new Date(startsAt)
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        buyerId: w.buyer.profile.id,
        companyId: w.granting.company.id,
        status,
        startsAt: start,
        endsAt: new Date(start.getTime() + 30 * 60_000),
        requestedById: w.buyer.user.id,
      },
      select: { id: true, buyerId: true, companyId: true, fairId: true, startsAt: true, endsAt: true, interpreterLanguage: true },
    })
    await seatAcceptedMeeting(tx, meeting, { buyerUserId: w.buyer.user.id, exporterUserId: w.agent.user.id, title: 'Seeded' })
    return meeting.id
  })
}

async function exporterSeatOf(meetingId: string) {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      updatedAt: true,
      liveSession: { select: { hostId: true } },
      participants: { where: { role: 'EXPORTER' }, select: { userId: true, joinedAt: true } },
    },
  })
  return { holders: meeting.participants, host: meeting.liveSession?.hostId, updatedAt: meeting.updatedAt }
}

async function passedOn(userId: string) {
  const prisma = await getPrisma()
  return prisma.notification.findMany({ where: { userId, kind: 'meeting.seatPassedOn' }, select: { link: true, data: true } })
}

const removeOnTeamPage = (w: World, at: Date) =>
  postAction(teamAction, '/agency/team', [w.lead.cookie, clockAt(at)], { intent: 'remove-member', memberId: w.agentMember.id }) as Promise<Response>

async function removeAsAdmin(w: World, at: Date) {
  const admin = await createUser('ADMIN')
  return postAction(adminAgenciesAction, '/admin/agencies', [admin.cookie, clockAt(at)], {
    intent: 'remove-member',
    memberId: w.agentMember.id,
  }) as Promise<Response>
}

useTestHooksAndDatabase()

let events: IdentityEvent[] = []
let stopListening = () => {}
beforeEach(() => {
  events = []
  stopListening = onIdentityEvent((event) => events.push(event))
})
afterEach(() => stopListening())

describe('removing an agency member with exporter seats', () => {
  it('a lead’s removal gives the lead the seats of meetings still to be held; held ones keep the agent', async () => {
    const w = await world()
    const prisma = await getPrisma()
    // Under way: the agent accepted and joined at 08:01. Still to come: tomorrow's. History: a held meeting,
    // and an accepted one whose room closed before the attendance job marked it.
    const ongoing = await acceptedByAgent(w)
    await prisma.meetingParticipant.update({ where: { meetingId_userId: { meetingId: ongoing, userId: w.agent.user.id } }, data: { joinedAt: IN_ROOM } })
    const upcoming = await seatedMeeting(w, { startsAt: '2027-03-09T08:00:00Z' })
    const held = await seatedMeeting(w, { startsAt: '2027-03-05T08:00:00Z', status: 'HELD' })
    const roomClosed = await seatedMeeting(w, { startsAt: '2027-03-08T06:00:00Z' })
    const removeAt = new Date('2027-03-08T08:05:00Z')

    expect((await removeOnTeamPage(w, removeAt)).status).toBe(302)
    expect(await prisma.agencyMember.findUnique({ where: { id: w.agentMember.id } })).toBeNull()

    const lead = w.lead.user.id
    for (const meetingId of [upcoming, ongoing]) {
      const seat = await exporterSeatOf(meetingId)
      // The exporter side did show up: the seat keeps its first join.
      expect(seat.holders).toEqual([{ userId: lead, joinedAt: meetingId === ongoing ? IN_ROOM : null }])
      expect(seat.host).toBe(lead)
      expect(seat.updatedAt).toEqual(removeAt)
    }
    for (const meetingId of [held, roomClosed]) {
      expect(await exporterSeatOf(meetingId)).toMatchObject({ holders: [{ userId: w.agent.user.id, joinedAt: null }], host: w.agent.user.id })
    }

    // The lead acts for the company: the room page and the room open for them.
    const room = (await roomLoader({
      request: getRequest(`/meetings/${ongoing}/room`, [w.lead.cookie, clockAt(removeAt)]),
      params: { meetingId: ongoing },
    } as never)) as { role: string; room: string }
    expect(room).toMatchObject({ role: 'EXPORTER', room: 'open' })
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: ongoing }, select: { liveSessionId: true } })
    expect(await admitToMeetingRoom(liveSessionId!, lead, removeAt)).toMatchObject({ role: 'EXPORTER' })

    // Told in-app and by mail; the agency's log records the lead's takeover; the agent's sockets drop.
    expect((await passedOn(lead)).map((n) => n.link).sort()).toEqual([`/meetings/${upcoming}`, `/meetings/${ongoing}`].sort())
    expect((await passedOn(lead))[0]?.data).toMatchObject({ member: w.agent.user.name, agency: w.agency.name, with: w.buyer.profile.companyName })
    expect(await prisma.emailOutbox.count({ where: { to: w.lead.user.email, subject: `The meeting with ${w.buyer.profile.companyName} is yours now` } })).toBe(
      2,
    )
    expect(await passedOn(w.granting.user.id)).toEqual([])
    const actions = await prisma.agencyAction.findMany({
      where: { agencyId: w.agency.id, action: 'meeting.takeOver' },
      select: { actorId: true, companyId: true, targetId: true, createdAt: true },
    })
    expect(actions.map((a) => a.targetId).sort()).toEqual([upcoming, ongoing].sort())
    expect(actions.every((a) => a.actorId === lead && a.companyId === w.granting.company.id && a.createdAt.getTime() === removeAt.getTime())).toBe(true)
    expect(events).toEqual([{ kind: 'membership-changed', userId: w.agent.user.id, companyId: w.granting.company.id }])
  })

  it('an admin’s removal gives the seat back to the company’s owner, with nothing in the agency’s log', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const meetingId = await acceptedByAgent(w)

    expect((await removeAsAdmin(w, NOW)).status).toBe(302)

    const owner = w.granting.user.id
    expect(await exporterSeatOf(meetingId)).toEqual({ holders: [{ userId: owner, joinedAt: null }], host: owner, updatedAt: NOW })
    expect((await passedOn(owner)).map((n) => n.link)).toEqual([`/meetings/${meetingId}`])
    expect(await passedOn(w.lead.user.id)).toEqual([])
    expect(await prisma.agencyAction.findMany({ where: { agencyId: w.agency.id }, select: { action: true } })).toEqual([{ action: 'meeting.accept' }])
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { liveSessionId: true } })
    expect(await admitToMeetingRoom(liveSessionId!, owner, IN_ROOM)).toMatchObject({ role: 'EXPORTER' })
    expect(events).toEqual([{ kind: 'membership-changed', userId: w.agent.user.id, companyId: w.granting.company.id }])
  })

  it('a lead’s removal gives the seat to the company when its grant no longer holds MEETINGS', async () => {
    const w = await world(['CATALOGUE'])
    const prisma = await getPrisma()
    // A seat taken under an earlier grant: the lead may not act in this company's meetings.
    const meetingId = await seatedMeeting(w, { startsAt: '2027-03-09T08:00:00Z' })

    expect((await removeOnTeamPage(w, NOW)).status).toBe(302)

    const owner = w.granting.user.id
    expect(await exporterSeatOf(meetingId)).toEqual({ holders: [{ userId: owner, joinedAt: null }], host: owner, updatedAt: NOW })
    expect(await passedOn(owner)).toHaveLength(1)
    expect(await prisma.agencyAction.count({ where: { agencyId: w.agency.id } })).toBe(0)
  })

  it('a member without seats is removed as before: nothing moves, nobody is told', async () => {
    const w = await world()
    const prisma = await getPrisma()
    // The lead holds a seat of their own: not the removed member's, it stays.
    const meetingId = await seatedMeeting(w, { startsAt: '2027-03-09T08:00:00Z' })
    await prisma.meetingParticipant.update({ where: { meetingId_userId: { meetingId, userId: w.agent.user.id } }, data: { userId: w.lead.user.id } })
    const before = await exporterSeatOf(meetingId)

    expect((await removeAsAdmin(w, NOW)).status).toBe(302)

    expect(await prisma.agencyMember.findUnique({ where: { id: w.agentMember.id } })).toBeNull()
    expect(await exporterSeatOf(meetingId)).toEqual(before)
    expect(await Promise.all([w.lead.user.id, w.granting.user.id].map(passedOn))).toEqual([[], []])
    expect(events).toEqual([])
  })
})

// Two connections at once: PostgreSQL only (PGlite has one connection; its files run the rest of this file).
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL && process.env.DATABASE_URL)

describe.runIf(onPostgres)('a removal racing the member’s accept (PostgreSQL)', () => {
  /** The agent's accept as a transaction: the meeting, its seats and the agency's record (which locks the membership). */
  async function accepting(w: World, whileOpen: () => Promise<void>) {
    const prisma = await getPrisma()
    const agent = await sessionUserOf(w.agent.cookie)
    const acting = await agencyActingFor(agent, w.granting.company.id, 'MEETINGS')
    if (!acting) throw new Error('no grant')
    return prisma.$transaction(
      async (tx) => {
        const start = new Date('2027-03-09T08:00:00Z')
        const meeting = await tx.meeting.create({
          data: {
            buyerId: w.buyer.profile.id,
            companyId: w.granting.company.id,
            status: 'ACCEPTED',
            startsAt: start,
            endsAt: new Date(start.getTime() + 30 * 60_000),
            requestedById: w.buyer.user.id,
          },
          select: { id: true, buyerId: true, companyId: true, fairId: true, startsAt: true, endsAt: true, interpreterLanguage: true },
        })
        await seatAcceptedMeeting(tx, meeting, { buyerUserId: w.buyer.user.id, exporterUserId: w.agent.user.id, title: 'Raced' })
        await recordAgencyAction(tx, acting, { action: 'meeting.accept', targetType: 'meeting', targetId: meeting.id, scope: 'MEETINGS' }, NOW)
        await whileOpen()
        return meeting.id
      },
      { timeout: 20_000 },
    )
  }

  it('a removal waits for an accept holding the membership, then passes on the seat that accept wrote', async () => {
    const w = await world()
    const checked = gate()
    const finish = gate()
    const accept = accepting(w, async () => {
      checked.open()
      await finish.opened
    })
    await checked.opened
    let removed = false
    const removal = removeAsAdmin(w, NOW).then((response) => ((removed = true), response))
    await waitForBlockedOn('AgencyMember')
    expect(removed).toBe(false)
    finish.open()
    const meetingId = await accept
    expect((await removal).status).toBe(302)

    const owner = w.granting.user.id
    expect((await exporterSeatOf(meetingId)).holders).toEqual([{ userId: owner, joinedAt: null }])
    expect((await passedOn(owner)).map((n) => n.link)).toEqual([`/meetings/${meetingId}`])
    expect(events).toEqual([{ kind: 'membership-changed', userId: w.agent.user.id, companyId: w.granting.company.id }])
  })

  it('a revoke waiting for an accept hands back the seat that accept wrote, its meeting locked before the grant', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const checked = gate()
    const finish = gate()
    const accept = accepting(w, async () => {
      checked.open()
      await finish.opened
    })
    await checked.opened
    const grant = await prisma.agencyGrant.findFirstOrThrow({ where: { agencyId: w.agency.id, revokedAt: null } })
    const revoke = revokeGrant(w.granting.user, w.granting.company.id, grant.id, NOW)
    await waitForBlockedOn('AgencyGrant')
    finish.open()
    const meetingId = await accept
    await revoke
    // The seat appeared after the revoke locked the agency's meetings: the grant's write was rolled back to its
    // savepoint, the meeting locked, the write made again, and the seat handed back.
    const owner = w.granting.user.id
    expect((await exporterSeatOf(meetingId)).holders).toEqual([{ userId: owner, joinedAt: null }])
    expect((await prisma.agencyGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toEqual(NOW)
  })

  it('an accept meeting a removal not yet committed waits for it, then fails and rolls back', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const deleted = gate()
    const commit = gate()
    const removing = prisma.$transaction(
      async (tx) => {
        await tx.agencyMember.delete({ where: { id: w.agentMember.id } })
        deleted.open()
        await commit.opened
      },
      { timeout: 20_000 },
    )
    await deleted.opened
    const outcome = accepting(w, async () => {}).then(
      () => 'committed',
      (error: unknown) => error,
    )
    await waitForBlockedOn('AgencyMember')
    commit.open()
    await removing
    expect(await outcome).toMatchObject({ code: 'agency-no-grant', status: 403 })
    expect(await prisma.meetingParticipant.count({ where: { userId: w.agent.user.id } })).toBe(0)
  })
})
