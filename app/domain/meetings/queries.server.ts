import { DomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { actingCompanies, activeAgencyGrant, agencyActingFor, type AgencyActing } from '~/domain/agencies/actor.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { toVerifiedBadge, VERIFIED_BADGE_SELECT } from '~/domain/buyers/verification.server'
import { meetingInviteIcs } from '~/domain/matchmaking/ics'
import { contentLanguageOf } from '~/lib/languages'
import { ATTENDANCE_SELECT, attendanceView } from './attendance'
import { type MeetingSide, proposerSide, sideOf } from './sides'

export type MeetingViewerSide = MeetingSide | 'organizer' | 'interpreter'

/**
 * Who may see a meeting: its buyer, the exporter company's members, an export agency's member whose agency
 * holds the company's active MEETINGS grant (read now, so a revoke holds at once; `agency` says for whom they
 * act, on the exporter side), its seated interpreter and (read-only apart from seating the interpreter) the
 * organizer of its fair or an admin. Everyone else gets a 404 so meeting ids reveal nothing.
 */
export async function requireMeetingAccess(user: SessionUser, meetingId: string): Promise<{ side: MeetingViewerSide; agency: AgencyActing | null }> {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      buyerId: true,
      companyId: true,
      fair: { select: { organizerId: true } },
      participants: { where: { userId: user.id, role: 'INTERPRETER' }, select: { role: true } },
    },
  })
  if (meeting) {
    const side = sideOf(user, meeting)
    if (side) return { side, agency: null }
    if (user.role === 'AGENCY') {
      const agency = await agencyActingFor(user, meeting.companyId, 'MEETINGS')
      if (agency) return { side: 'exporter', agency }
    }
    if (user.role === 'ADMIN' || (user.role === 'ORGANIZER' && meeting.fair?.organizerId === user.id)) return { side: 'organizer', agency: null }
    if (meeting.participants.length > 0) return { side: 'interpreter', agency: null }
  }
  throw new DomainError('not-found', { status: 404 })
}

/**
 * Room and calendar file: only seated participants of an accepted (or held) meeting; others 404. An agency
 * member seated for the company keeps the seat only while the company's MEETINGS grant holds.
 */
export async function requireMeetingParticipant(user: SessionUser, meetingId: string) {
  const prisma = await getPrisma()
  const seat = await prisma.meetingParticipant.findUnique({
    where: { meetingId_userId: { meetingId, userId: user.id } },
    select: { role: true, meeting: { select: { status: true, companyId: true } } },
  })
  if (!seat || !['ACCEPTED', 'HELD', 'NO_SHOW'].includes(seat.meeting.status)) throw new DomainError('not-found', { status: 404 })
  if (user.role === 'AGENCY' && seat.role === 'EXPORTER' && !(await activeAgencyGrant(prisma, user.id, seat.meeting.companyId, 'MEETINGS'))) {
    throw new DomainError('not-found', { status: 404 })
  }
  return seat
}

/** Everything the meeting page and the room show, with each party's zone for "their local time". */
export async function getMeetingView(meetingId: string, { locale, viewer }: { locale: string; viewer: SessionUser }) {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      requestedById: true,
      interpreterLanguage: true,
      agenda: true,
      buyerId: true,
      companyId: true,
      liveSessionId: true,
      publishedAt: true,
      consultationValueUsdCents: true,
      expectedContractValueUsdCents: true,
      contractValueUsdCents: true,
      nextStep: true,
      outcomeNotes: true,
      ...ATTENDANCE_SELECT,
      fair: { select: { name: true, nameI18n: true, slug: true } },
      buyer: { select: { userId: true, companyName: true, country: true, timeZone: true, ...VERIFIED_BADGE_SELECT } },
      company: { select: { name: true, nameI18n: true, slug: true, timeZone: true } },
      participants: { select: { userId: true, role: true, user: { select: { name: true } } } },
    },
  })
  const side = sideOf(viewer, meeting)
  return {
    id: meeting.id,
    buyerId: meeting.buyerId,
    companyId: meeting.companyId,
    status: meeting.status,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    proposer: proposerSide(meeting),
    interpreterLanguage: meeting.interpreterLanguage,
    agenda: meeting.agenda,
    liveSessionId: meeting.liveSessionId,
    published: meeting.publishedAt !== null,
    attendance: attendanceView(meeting),
    fair: meeting.fair ? { name: pickLocalized(meeting.fair.name, meeting.fair.nameI18n, locale), slug: meeting.fair.slug } : null,
    buyer: { companyName: meeting.buyer.companyName, country: meeting.buyer.country, timeZone: meeting.buyer.timeZone },
    buyerVerified: toVerifiedBadge(meeting.buyer),
    company: { name: pickLocalized(meeting.company.name, meeting.company.nameI18n, locale), slug: meeting.company.slug, timeZone: meeting.company.timeZone },
    /** The other party's zone, for "their local time" next to the viewer's */
    otherTimeZone: side === 'buyer' ? meeting.company.timeZone : meeting.buyer.timeZone,
    isParticipant: meeting.participants.some((participant) => participant.userId === viewer.id),
    participants: meeting.participants.map((participant) => ({ role: participant.role, name: participant.user.name })),
    outcome: {
      consultationValueUsdCents: meeting.consultationValueUsdCents === null ? null : Number(meeting.consultationValueUsdCents),
      expectedContractValueUsdCents: meeting.expectedContractValueUsdCents === null ? null : Number(meeting.expectedContractValueUsdCents),
      contractValueUsdCents: meeting.contractValueUsdCents === null ? null : Number(meeting.contractValueUsdCents),
      nextStep: meeting.nextStep,
      outcomeNotes: meeting.outcomeNotes,
    },
  }
}

/**
 * The viewer's meetings (as buyer, through their company, for the companies whose MEETINGS grant their agency
 * holds now, or as seated interpreter), upcoming first, then the rest.
 */
export async function listMeetings(user: SessionUser, { locale }: { locale: string }) {
  const actingFor = new Set(user.role === 'AGENCY' ? (await actingCompanies(user.id, 'MEETINGS')).map((grant) => grant.company.id) : [])
  const own = user.buyerProfile
    ? { buyerId: user.buyerProfile.id }
    : user.exporterMember
      ? { companyId: user.exporterMember.company.id }
      : actingFor.size > 0
        ? { companyId: { in: [...actingFor] } }
        : null
  const interpreting = { participants: { some: { userId: user.id, role: 'INTERPRETER' as const } } }
  const prisma = await getPrisma()
  const rows = await prisma.meeting.findMany({
    where: own ? { OR: [own, interpreting] } : interpreting,
    orderBy: { startsAt: 'asc' },
    take: 200,
    select: {
      id: true,
      status: true,
      startsAt: true,
      requestedById: true,
      interpreterLanguage: true,
      buyerId: true,
      companyId: true,
      ...ATTENDANCE_SELECT,
      buyer: { select: { userId: true, companyName: true, timeZone: true, ...VERIFIED_BADGE_SELECT } },
      company: { select: { name: true, nameI18n: true, timeZone: true } },
      // On site: the venue table of a fair meeting (docs/fair-on-site.md); none = online.
      table: { select: { tableNumber: true } },
    },
  })
  return rows.map((row) => {
    const proposer = proposerSide(row)
    // An agency member acting for the company is on its side (sideOf knows only the parties themselves).
    const side = sideOf(user, row) ?? (actingFor.has(row.companyId) ? 'exporter' : null)
    if (!side) {
      // Seated as interpreter: both parties are the counterpart; nothing awaits their answer.
      return {
        id: row.id,
        status: row.status,
        startsAt: row.startsAt.toISOString(),
        interpreterLanguage: row.interpreterLanguage,
        counterpart: `${row.buyer.companyName} × ${pickLocalized(row.company.name, row.company.nameI18n, locale)}`,
        counterpartTimeZone: row.buyer.timeZone,
        buyerVerified: toVerifiedBadge(row.buyer),
        attendance: attendanceView(row),
        tableNumber: row.table?.tableNumber ?? null,
        side: null,
        awaitingMe: false,
      }
    }
    return {
      id: row.id,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      interpreterLanguage: row.interpreterLanguage,
      // An agency acts for several companies: its rows name the company too.
      counterpart:
        side === 'buyer'
          ? pickLocalized(row.company.name, row.company.nameI18n, locale)
          : user.role === 'AGENCY'
            ? `${row.buyer.companyName} × ${pickLocalized(row.company.name, row.company.nameI18n, locale)}`
            : row.buyer.companyName,
      counterpartTimeZone: side === 'buyer' ? row.company.timeZone : row.buyer.timeZone,
      /** The buyer's verification, shown to the exporter side (the buyer sees their own company's state nowhere here). */
      buyerVerified: side === 'buyer' ? null : toVerifiedBadge(row.buyer),
      attendance: attendanceView(row),
      tableNumber: row.table?.tableNumber ?? null,
      side,
      awaitingMe: (row.status === 'REQUESTED' || row.status === 'RESCHEDULE_PROPOSED') && proposer !== side,
    }
  })
}

/** The calendar file of an accepted meeting, for one of its participants. */
export async function meetingIcs(meetingId: string, { now, appUrl, locale }: { now: Date; appUrl: string; locale: string }) {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      agenda: true,
      updatedAt: true,
      buyer: { select: { companyName: true, timeZone: true, user: { select: { name: true, email: true } } } },
      company: { select: { name: true, nameI18n: true, timeZone: true } },
      participants: { select: { role: true, user: { select: { name: true, email: true, timeZone: true } } } },
    },
  })
  // The company as the reader knows it (its name in their language when it has one).
  const companyName = pickLocalized(meeting.company.name, meeting.company.nameI18n, contentLanguageOf(locale))
  const exporterSeat = meeting.participants.find((participant) => participant.role === 'EXPORTER')
  const organizer = exporterSeat
    ? { name: exporterSeat.user.name, email: exporterSeat.user.email, company: companyName, timeZone: meeting.company.timeZone }
    : { name: companyName, email: 'meetings@tradecast.app', company: companyName, timeZone: meeting.company.timeZone }
  return meetingInviteIcs({
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    title: `${meeting.buyer.companyName} × ${companyName}`,
    agenda: meeting.agenda || undefined,
    joinUrl: `${appUrl}/meetings/${meeting.id}/room`,
    organizer,
    attendees: [{ name: meeting.buyer.user.name, email: meeting.buyer.user.email, company: meeting.buyer.companyName, timeZone: meeting.buyer.timeZone }],
    now,
    // Seconds since epoch of the last change: grows with every update, so calendars replace older copies.
    sequence: Math.floor(meeting.updatedAt.getTime() / 1000) % 2_147_483_647,
    locale,
  })
}
