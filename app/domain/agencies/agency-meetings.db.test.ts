import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createExporter, sessionUserOf } from '../../../tests/fixtures'
import { agencyGrantingWorld, clockAt, createBerlinBuyer, unique } from '../../../tests/agency-fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { acceptMeeting, requestMeeting } from '~/domain/meetings/meetings.server'
import { sendConfirmationRequests } from '~/domain/meetings/attendance-jobs.server'
import { listMeetings, requireMeetingParticipant } from '~/domain/meetings/queries.server'
import { admitToMeetingRoom } from '~/domain/meetings/room-access.server'
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings/meeting'
import { loader as agencyLoader } from '~/routes/agency/dashboard'
import { agencyActingFor } from './actor.server'
import { revokeGrant } from './grants.server'
import type { AgencyScopeName } from './scopes'

// The MEETINGS scope (docs/export-agencies.md, ADR 026): an agency member answers a granting company's meeting
// requests as its exporter side, seated for it when accepting; every answer is recorded as "agency X for
// company Y"; another company's meetings, a grant without MEETINGS and a revoked grant all refuse.

// Monday 2027-03-08 00:00 UTC. Buyers work 09:00–18:00 in Berlin (UTC+1), the exporters 09:00–18:00 in Seoul
// (UTC+9): the common hour is 08:00–09:00 UTC.
const NOW = new Date('2027-03-08T00:00:00Z')
const SLOT = '2027-03-08T08:00:00.000Z'
const clock = clockAt(NOW)

async function world(scopes: AgencyScopeName[] = ['MEETINGS']) {
  const { granting, agency, member, grantId } = await agencyGrantingWorld(scopes)
  const other = await createExporter({ companyName: `Other ${unique()}` })
  const buyer = await createBerlinBuyer()
  const buyerSession = await sessionUserOf(buyer.cookie)
  const request = { intent: 'request' as const, slotStart: SLOT, agenda: 'Buckwheat noodles' }
  const meetingId = await requestMeeting(buyerSession, { companyId: granting.company.id }, request, NOW)
  const otherMeetingId = await requestMeeting(buyerSession, { companyId: other.company.id }, request, NOW)
  return { granting, other, agency, member, grantId, buyer, meetingId, otherMeetingId }
}

type MeetingPage = { side: string; canRespond: boolean; actingAgency: { agency: string; company: string } | null }
const openMeeting = async (meetingId: string, cookie: string) =>
  (await meetingLoader({ request: getRequest(`/meetings/${meetingId}`, [cookie, clock]), params: { meetingId } } as never)) as MeetingPage
const answer = async (meetingId: string, cookie: string, intent: string) =>
  postAction(meetingAction, `/meetings/${meetingId}`, [cookie, clock], { intent }, { meetingId })

useTestHooksAndDatabase()

describe('an agency member with a MEETINGS grant', () => {
  it('hears of the request, opens it from the inbox, accepts it for the company (seated, recorded) and lists it', async () => {
    const w = await world()
    const prisma = await getPrisma()
    // The request reaches the agency's members as it reaches the company's.
    for (const userId of [w.granting.user.id, w.member.user.id]) {
      expect(await prisma.notification.count({ where: { userId, kind: 'meeting.requested', link: `/meetings/${w.meetingId}` } })).toBe(1)
    }

    const inbox = (await agencyLoader({ request: getRequest('/agency', [w.member.cookie, clock]), params: {} } as never)) as {
      inbox: Array<{ kind: string; id: string; href: string }>
    }
    expect(inbox.inbox).toContainEqual(expect.objectContaining({ kind: 'meeting', id: w.meetingId, href: `/meetings/${w.meetingId}` }))

    const page = await openMeeting(w.meetingId, w.member.cookie)
    expect(page).toMatchObject({ side: 'exporter', canRespond: true, actingAgency: { agency: w.agency.name, company: w.granting.company.name } })

    const accepted = (await answer(w.meetingId, w.member.cookie, 'accept')) as Response
    expect(accepted.status).toBe(302)
    const meeting = await prisma.meeting.findUniqueOrThrow({
      where: { id: w.meetingId },
      select: { status: true, participants: { select: { userId: true, role: true } }, liveSession: { select: { hostId: true } } },
    })
    expect(meeting.status).toBe('ACCEPTED')
    // The agency member attends as the company's export window: the exporter seat and the room's host.
    expect(meeting.participants).toEqual(
      expect.arrayContaining([
        { userId: w.buyer.user.id, role: 'BUYER' },
        { userId: w.member.user.id, role: 'EXPORTER' },
      ]),
    )
    expect(meeting.liveSession?.hostId).toBe(w.member.user.id)
    expect(
      await prisma.agencyAction.findMany({
        where: { targetType: 'meeting', targetId: w.meetingId },
        select: { action: true, agencyId: true, companyId: true, actorId: true },
      }),
    ).toEqual([{ action: 'meeting.accept', agencyId: w.agency.id, companyId: w.granting.company.id, actorId: w.member.user.id }])
    expect(await prisma.notification.count({ where: { userId: w.buyer.user.id, kind: 'meeting.updated', link: `/meetings/${w.meetingId}` } })).toBe(1)

    const after = (await agencyLoader({ request: getRequest('/agency', [w.member.cookie, clock]), params: {} } as never)) as {
      kpis: { meetingActions: number; meetingsAccepted: number }
      actions: Array<{ action: string; targetId: string }>
    }
    expect(after.kpis).toMatchObject({ meetingActions: 1, meetingsAccepted: 1 })
    expect(after.actions[0]).toMatchObject({ action: 'meeting.accept', targetId: w.meetingId })

    // /meetings lists the granting company's meetings on its side, naming the company; not the other company's.
    const listed = await listMeetings(await sessionUserOf(w.member.cookie), { locale: 'en' })
    expect(listed.map((row) => row.id)).toEqual([w.meetingId])
    expect(listed[0]).toMatchObject({ side: 'exporter', counterpart: `${w.buyer.profile.companyName} × ${w.granting.company.name}` })
  })

  it('is refused another company’s meeting, and every meeting when the grant lacks MEETINGS', async () => {
    const w = await world()
    expect((await caught(() => openMeeting(w.otherMeetingId, w.member.cookie))).status).toBe(404)
    expect((await caught(() => answer(w.otherMeetingId, w.member.cookie, 'accept'))).status).toBe(404)

    const noMeetings = await world(['CATALOGUE', 'RFQS_QUOTES'])
    expect((await caught(() => openMeeting(noMeetings.meetingId, noMeetings.member.cookie))).status).toBe(404)
    expect((await caught(() => answer(noMeetings.meetingId, noMeetings.member.cookie, 'decline'))).status).toBe(404)
    expect(await listMeetings(await sessionUserOf(noMeetings.member.cookie), { locale: 'en' })).toEqual([])
    const prisma = await getPrisma()
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: noMeetings.meetingId }, select: { status: true } })).toEqual({ status: 'REQUESTED' })
    expect(await prisma.agencyAction.count({ where: { agencyId: { in: [w.agency.id, noMeetings.agency.id] } } })).toBe(0)
  })

  it('is refused at once after a revoke: the page, an answer already under way, and the seat it holds', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const memberSession = await sessionUserOf(w.member.cookie)
    // Read before the revoke, as a request already past its access check would have it.
    const acting = await agencyActingFor(memberSession, w.granting.company.id, 'MEETINGS')
    expect(acting).not.toBeNull()
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)

    expect((await caught(() => openMeeting(w.meetingId, w.member.cookie))).status).toBe(404)
    // The mutation re-reads the grant in its transaction: refused, and nothing of it stays.
    const late = await caught(() => acceptMeeting(memberSession, w.meetingId, NOW, acting))
    expect(late.status).toBe(403)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: w.meetingId }, select: { status: true, liveSessionId: true } })).toEqual({
      status: 'REQUESTED',
      liveSessionId: null,
    })
    expect(await prisma.meetingParticipant.count({ where: { meetingId: w.meetingId } })).toBe(0)
    expect(await prisma.agencyAction.count({ where: { agencyId: w.agency.id } })).toBe(0)
  })

  it('keeps the exporter seat it took only while the grant holds (page, calendar file and room)', async () => {
    const w = await world()
    const prisma = await getPrisma()
    expect(((await answer(w.meetingId, w.member.cookie, 'accept')) as Response).status).toBe(302)
    const memberSession = await sessionUserOf(w.member.cookie)
    expect(await requireMeetingParticipant(memberSession, w.meetingId)).toMatchObject({ role: 'EXPORTER' })
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: w.meetingId }, select: { liveSessionId: true } })
    const inRoom = new Date(new Date(SLOT).getTime() + 60_000)
    expect(await admitToMeetingRoom(liveSessionId!, w.member.user.id, inRoom)).toMatchObject({ role: 'EXPORTER' })

    // The 24 h confirmation: in-app to the agency member too (answered on the page, under the grant); the mail
    // with the side's signed links only to the company's own members.
    expect(await sendConfirmationRequests(w.meetingId, NOW)).toBe(true)
    for (const userId of [w.granting.user.id, w.member.user.id]) {
      expect(await prisma.notification.count({ where: { userId, kind: 'meeting.confirm', link: `/meetings/${w.meetingId}` } })).toBe(1)
    }
    const confirmMails = await prisma.emailOutbox.findMany({ where: { text: { contains: `/meetings/attend/` } }, select: { to: true, text: true } })
    const mine = confirmMails.filter((mail) => mail.text.includes(`/meetings/${w.meetingId}`)).map((mail) => mail.to)
    expect(mine.sort()).toEqual([w.buyer.user.email, w.granting.user.email].sort())

    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)
    expect((await caught(() => requireMeetingParticipant(memberSession, w.meetingId))).status).toBe(404)
    expect((await caught(() => admitToMeetingRoom(liveSessionId!, w.member.user.id, inRoom))).status).toBe(403)
    expect((await caught(() => openMeeting(w.meetingId, w.member.cookie))).status).toBe(404)
  })
})
