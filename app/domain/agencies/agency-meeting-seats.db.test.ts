import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { clockAt, createAgency, createAgencyMember, createBerlinBuyer, unique } from '../../../tests/agency-fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import type { MeetingStatus } from '~/generated/prisma/client'
import { acceptMeeting, requestMeeting, seatAcceptedMeeting } from '~/domain/meetings/meetings.server'
import { requireMeetingParticipant } from '~/domain/meetings/queries.server'
import { admitToMeetingRoom } from '~/domain/meetings/room-access.server'
import { formatDateTime } from '~/lib/time'
import { action as agenciesAction } from '~/routes/exporter/agencies'
import { loader as icsLoader } from '~/routes/meetings/invite-ics'
import { loader as roomLoader } from '~/routes/meetings/room'
import { agencyActingFor } from './actor.server'
import { grantAgency, revokeGrant, updateGrantScopes } from './grants.server'
import type { AgencyScopeName } from './scopes'

// Taking MEETINGS back from an agency (docs/export-agencies.md, Meetings): a revoke, or new scopes without it,
// hands the agency members' exporter seats in the company's meetings that still have a room to the owner who
// made the change, in the same transaction, and tells them; held meetings keep their seats as history.

// Monday 2027-03-08 00:00 UTC. Buyers work 09:00–18:00 in Berlin (UTC+1), the exporters 09:00–18:00 in Seoul
// (UTC+9): the common hour is 08:00–09:00 UTC.
const NOW = new Date('2027-03-08T00:00:00Z')
const SLOT = '2027-03-08T08:00:00.000Z'
const IN_ROOM = new Date('2027-03-08T08:01:00Z')

async function agencyWithMember(name = `Agency ${unique()}`) {
  const agency = await createAgency({ name, nameI18n: { ko: `${name} 센터` } })
  const member = await createAgencyMember(agency.id)
  return { agency, member }
}

/** A company granting an agency `scopes`, and a buyer in Berlin. */
async function world(scopes: AgencyScopeName[] = ['MEETINGS']) {
  const granting = await createExporter({ companyName: `Granting ${unique()}` })
  const { agency, member } = await agencyWithMember()
  const grantId = await grantAgency(granting.user, granting.company.id, agency.id, scopes, NOW)
  const buyer = await createBerlinBuyer()
  return { granting, agency, member, grantId, buyer }
}
type World = Awaited<ReturnType<typeof world>>

/** The buyer asks for SLOT and the agency member accepts for the company (the product path). */
async function acceptedByAgency(w: World) {
  const buyerSession = await sessionUserOf(w.buyer.cookie)
  const meetingId = await requestMeeting(buyerSession, { companyId: w.granting.company.id }, { intent: 'request', slotStart: SLOT, agenda: 'Noodles' }, NOW)
  const memberSession = await sessionUserOf(w.member.cookie)
  await acceptMeeting(memberSession, meetingId, NOW, await agencyActingFor(memberSession, w.granting.company.id, 'MEETINGS'))
  return meetingId
}

/** A meeting already in some state, its exporter seat taken by `exporterUserId` (as an accept or the schedule seats it). */
async function seatedMeeting(
  w: Pick<World, 'buyer'>,
  companyId: string,
  exporterUserId: string,
  { startsAt, status = 'ACCEPTED' }: { startsAt: string; status?: MeetingStatus },
) {
  const prisma = await getPrisma()
  const start = new Date(startsAt)
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        buyerId: w.buyer.profile.id,
        companyId,
        status,
        startsAt: start,
        endsAt: new Date(start.getTime() + 30 * 60_000),
        requestedById: w.buyer.user.id,
      },
      select: { id: true, buyerId: true, companyId: true, fairId: true, startsAt: true, endsAt: true, interpreterLanguage: true },
    })
    await seatAcceptedMeeting(tx, meeting, { buyerUserId: w.buyer.user.id, exporterUserId, title: 'Seeded' })
    return meeting.id
  })
}

async function seatsOf(meetingId: string) {
  const prisma = await getPrisma()
  const seats = await prisma.meetingParticipant.findMany({ where: { meetingId }, select: { userId: true, role: true, joinedAt: true } })
  return seats.sort((a, b) => `${a.role}${a.userId}`.localeCompare(`${b.role}${b.userId}`))
}

async function hostOf(meetingId: string) {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { liveSession: { select: { hostId: true } } } })
  return meeting.liveSession?.hostId
}

const handedBack = async (userId: string) => {
  const prisma = await getPrisma()
  return prisma.notification.findMany({ where: { userId, kind: 'meeting.seatHandedBack' }, select: { link: true, data: true }, orderBy: { createdAt: 'asc' } })
}

useTestHooksAndDatabase()

describe('taking MEETINGS back from an agency', () => {
  it('hands the seat of a meeting the agency accepted to the revoking owner: room page, .ics and room are theirs, not the agency’s', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const meetingId = await acceptedByAgency(w)
    const before = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, startsAt: true, endsAt: true, buyerId: true } })
    expect(await hostOf(meetingId)).toBe(w.member.user.id)

    // The owner revokes on their page.
    const revoked = (await postAction(agenciesAction, '/exporter/agencies', [w.granting.cookie, clockAt(NOW)], {
      intent: 'revoke',
      grantId: w.grantId,
    })) as Response
    expect(revoked.status).toBe(302)

    expect(await seatsOf(meetingId)).toEqual(
      [
        { userId: w.buyer.user.id, role: 'BUYER', joinedAt: null },
        { userId: w.granting.user.id, role: 'EXPORTER', joinedAt: null },
      ].sort((a, b) => `${a.role}${a.userId}`.localeCompare(`${b.role}${b.userId}`)),
    )
    expect(await hostOf(meetingId)).toBe(w.granting.user.id)
    // The buyer side and the time are the meeting's as before; the .ics sequence moves on.
    const after = await prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { status: true, startsAt: true, endsAt: true, buyerId: true, updatedAt: true },
    })
    expect(after).toMatchObject(before)
    expect(after.updatedAt).toEqual(NOW)

    // The owner: the room page, the calendar file (they are its organizer) and the room itself.
    const owner = await sessionUserOf(w.granting.cookie)
    expect(await requireMeetingParticipant(owner, meetingId)).toMatchObject({ role: 'EXPORTER' })
    const room = (await roomLoader({
      request: getRequest(`/meetings/${meetingId}/room`, [w.granting.cookie, clockAt(IN_ROOM)]),
      params: { meetingId },
    } as never)) as {
      role: string
      room: string
    }
    expect(room).toMatchObject({ role: 'EXPORTER', room: 'open' })
    const ics = await icsLoader({
      request: getRequest(`/meetings/${meetingId}/invite.ics`, [w.granting.cookie, clockAt(NOW)]),
      params: { meetingId },
    } as never)
    expect(ics.status).toBe(200)
    const organizer = (await ics.text())
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .find((line) => line.startsWith('ORGANIZER'))
    expect(organizer).toContain(`mailto:${w.granting.user.email}`)
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { liveSessionId: true } })
    expect(await admitToMeetingRoom(liveSessionId!, w.granting.user.id, IN_ROOM)).toMatchObject({ role: 'EXPORTER' })

    // The agency's member: none of them.
    const member = await sessionUserOf(w.member.cookie)
    expect((await caught(() => requireMeetingParticipant(member, meetingId))).status).toBe(404)
    expect(
      (
        await caught(() =>
          roomLoader({ request: getRequest(`/meetings/${meetingId}/room`, [w.member.cookie, clockAt(IN_ROOM)]), params: { meetingId } } as never),
        )
      ).status,
    ).toBe(404)
    expect(
      (
        await caught(() =>
          icsLoader({ request: getRequest(`/meetings/${meetingId}/invite.ics`, [w.member.cookie, clockAt(NOW)]), params: { meetingId } } as never),
        )
      ).status,
    ).toBe(404)
    expect((await caught(() => admitToMeetingRoom(liveSessionId!, w.member.user.id, IN_ROOM))).status).toBe(403)

    // The owner is told, in-app (the agency by name, the time in the company's zone: the owner chose none) and by mail.
    expect(await handedBack(w.granting.user.id)).toEqual([
      {
        link: `/meetings/${meetingId}`,
        data: {
          with: w.buyer.profile.companyName,
          agency: w.agency.name,
          when: formatDateTime(new Date(SLOT), { locale: 'en', timeZone: 'Asia/Seoul', withZone: true }),
        },
      },
    ])
    const mails = await prisma.emailOutbox.findMany({
      where: { to: w.granting.user.email, subject: `The meeting with ${w.buyer.profile.companyName} is yours now` },
    })
    expect(mails).toHaveLength(1)
    expect(mails[0]?.text).toContain(`/meetings/${meetingId}`)
    expect(await handedBack(w.member.user.id)).toEqual([])

    // The buyer hears who hosts the meeting now, the time in their own zone (Berlin), in-app and by mail.
    expect(await prisma.notification.findMany({ where: { userId: w.buyer.user.id, kind: 'meeting.hostChanged' }, select: { link: true, data: true } })).toEqual(
      [
        {
          link: `/meetings/${meetingId}`,
          data: {
            host: w.granting.user.name,
            company: w.granting.company.name,
            when: formatDateTime(new Date(SLOT), { locale: 'en', timeZone: 'Europe/Berlin', withZone: true }),
          },
        },
      ],
    )
    expect(
      await prisma.emailOutbox.count({
        where: { to: w.buyer.user.email, subject: `${w.granting.company.name}: ${w.granting.user.name} hosts your meeting now` },
      }),
    ).toBe(1)

    // The company's act: the agency's log has its accept only; the grant stays in the history, revoked by the owner.
    expect(await prisma.agencyAction.findMany({ where: { agencyId: w.agency.id }, select: { action: true } })).toEqual([{ action: 'meeting.accept' }])
    expect(await prisma.agencyGrant.findUniqueOrThrow({ where: { id: w.grantId }, select: { revokedAt: true, revokedById: true, scopes: true } })).toEqual({
      revokedAt: NOW,
      revokedById: w.granting.user.id,
      scopes: ['MEETINGS'],
    })
  })

  it('moves only the agency’s seats, of meetings that still have a room; held ones and other companies’ keep theirs', async () => {
    const w = await world(['CATALOGUE', 'MEETINGS'])
    const prisma = await getPrisma()
    const revokeAt = new Date('2027-03-08T08:10:00Z')
    // The same agency also acts for another company, and a second agency for this one.
    const otherCompany = await createExporter({ companyName: `Other ${unique()}` })
    await grantAgency(otherCompany.user, otherCompany.company.id, w.agency.id, ['MEETINGS'], NOW)
    const second = await agencyWithMember()
    await grantAgency(w.granting.user, w.granting.company.id, second.agency.id, ['MEETINGS'], NOW)
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: w.granting.company.id, role: 'MEMBER' } })
    const interpreter = await createUser('BUYER')

    // Upcoming, with an interpreter and a colleague seated beside the agency's member.
    const upcoming = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-09T08:00:00Z' })
    await prisma.meetingParticipant.createMany({
      data: [
        { meetingId: upcoming, userId: interpreter.user.id, role: 'INTERPRETER' },
        { meetingId: upcoming, userId: colleague.user.id, role: 'EXPORTER' },
      ],
    })
    // Under way: the agency's member joined at 08:01 and the room is live.
    const ongoing = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-08T08:00:00Z' })
    await prisma.meetingParticipant.update({ where: { meetingId_userId: { meetingId: ongoing, userId: w.member.user.id } }, data: { joinedAt: IN_ROOM } })
    const { liveSessionId: ongoingSession } = await prisma.meeting.findUniqueOrThrow({ where: { id: ongoing }, select: { liveSessionId: true } })
    await prisma.liveSession.update({ where: { id: ongoingSession! }, data: { status: 'LIVE' } })
    // History and rooms gone: a held meeting, an accepted one whose room closed (attendance not marked yet), a called-off one.
    const held = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-05T08:00:00Z', status: 'HELD' })
    const roomClosed = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-08T06:00:00Z' })
    const cancelled = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-10T08:00:00Z', status: 'CANCELLED' })
    // Another company's meeting of the same agency, and this company's meeting of the second agency.
    const elsewhere = await seatedMeeting(w, otherCompany.company.id, w.member.user.id, { startsAt: '2027-03-09T09:00:00Z' })
    const secondAgency = await seatedMeeting(w, w.granting.company.id, second.member.user.id, { startsAt: '2027-03-11T08:00:00Z' })
    const untouched = [held, roomClosed, cancelled, elsewhere, secondAgency]
    const seatsBefore = await Promise.all(untouched.map(seatsOf))

    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId, revokeAt)

    const owner = w.granting.user.id
    expect(await seatsOf(upcoming)).toEqual(
      expect.arrayContaining([
        { userId: w.buyer.user.id, role: 'BUYER', joinedAt: null },
        { userId: owner, role: 'EXPORTER', joinedAt: null },
        { userId: colleague.user.id, role: 'EXPORTER', joinedAt: null },
        { userId: interpreter.user.id, role: 'INTERPRETER', joinedAt: null },
      ]),
    )
    expect(await seatsOf(upcoming)).toHaveLength(4)
    // The exporter side did show up: the seat keeps its join, so the attendance job sees it.
    expect(await seatsOf(ongoing)).toEqual(expect.arrayContaining([{ userId: owner, role: 'EXPORTER', joinedAt: IN_ROOM }]))
    expect(await seatsOf(ongoing)).toHaveLength(2)
    expect(await hostOf(ongoing)).toBe(owner)
    expect(await admitToMeetingRoom(ongoingSession!, owner, revokeAt)).toMatchObject({ role: 'EXPORTER' })

    expect(await Promise.all(untouched.map(seatsOf))).toEqual(seatsBefore)
    expect(await hostOf(held)).toBe(w.member.user.id)
    expect(await hostOf(secondAgency)).toBe(second.member.user.id)
    expect((await handedBack(owner)).map((n) => n.link).sort()).toEqual([`/meetings/${upcoming}`, `/meetings/${ongoing}`].sort())
    expect(await handedBack(colleague.user.id)).toEqual([])
  })

  it('does the same when new scopes leave MEETINGS out, on the scopes form and by granting again', async () => {
    const w = await world(['CATALOGUE', 'MEETINGS'])
    const meetingId = await acceptedByAgency(w)

    // Scopes that keep MEETINGS change nothing of the meetings.
    await updateGrantScopes(w.granting.user, w.granting.company.id, w.grantId, ['MEETINGS', 'RFQS_QUOTES'], NOW)
    expect((await seatsOf(meetingId)).find((seat) => seat.role === 'EXPORTER')?.userId).toBe(w.member.user.id)
    expect(await handedBack(w.granting.user.id)).toEqual([])

    const changed = (await postAction(agenciesAction, '/exporter/agencies', [w.granting.cookie, clockAt(NOW)], {
      intent: 'update-scopes',
      grantId: w.grantId,
      scopes: 'CATALOGUE',
    })) as Response
    expect(changed.status).toBe(302)
    expect((await seatsOf(meetingId)).filter((seat) => seat.role === 'EXPORTER')).toEqual([{ userId: w.granting.user.id, role: 'EXPORTER', joinedAt: null }])
    expect(await hostOf(meetingId)).toBe(w.granting.user.id)
    expect(await handedBack(w.granting.user.id)).toHaveLength(1)
    const prisma = await getPrisma()
    expect(await prisma.agencyAction.count({ where: { agencyId: w.agency.id, action: { not: 'meeting.accept' } } })).toBe(0)

    // Granting an active grant again replaces its scopes: the same rule.
    const again = await world(['MEETINGS'])
    const seated = await acceptedByAgency(again)
    expect(await grantAgency(again.granting.user, again.granting.company.id, again.agency.id, ['SHOWCASES'], NOW)).toBe(again.grantId)
    expect((await seatsOf(seated)).find((seat) => seat.role === 'EXPORTER')?.userId).toBe(again.granting.user.id)
    expect(await handedBack(again.granting.user.id)).toHaveLength(1)
  })

  it('touches nothing when the grant taken back never held MEETINGS', async () => {
    const w = await world(['CATALOGUE'])
    const prisma = await getPrisma()
    // A seat that grant could not have opened (taken under an earlier grant): not this change's to move.
    const meetingId = await seatedMeeting(w, w.granting.company.id, w.member.user.id, { startsAt: '2027-03-09T08:00:00Z' })
    const before = await seatsOf(meetingId)
    const { updatedAt } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { updatedAt: true } })

    await updateGrantScopes(w.granting.user, w.granting.company.id, w.grantId, ['RFQS_QUOTES'], NOW)
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId, new Date('2027-03-08T01:00:00Z'))

    expect(await seatsOf(meetingId)).toEqual(before)
    expect(await hostOf(meetingId)).toBe(w.member.user.id)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { updatedAt: true } })).toEqual({ updatedAt })
    expect(await handedBack(w.granting.user.id)).toEqual([])
  })
})
