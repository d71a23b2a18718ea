import { DomainError } from '~/domain/errors'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { createStaffAccountIn } from '~/domain/accounts/staff.server'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { emitIdentityEvent } from '~/domain/accounts/identity-events.server'
import { lockAgencySeatedMeetings, passOnMemberSeats } from '~/domain/meetings/agency-seats.server'
import { afterShowcaseCutOff, cutOffMemberShowcases } from './showcase-revoke.server'

// Admins create export agencies and add their members (docs/export-agencies.md). A member is an account with
// the AGENCY role: an existing one, or a new one created as a hub staff account (docs/hub-staff.md: no password,
// the staff invitation mail with its 7-day set-password link).

function slugOf(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
  return base || 'agency'
}

export async function listAgenciesForAdmin(locale: string) {
  const prisma = await getPrisma()
  const agencies = await prisma.exportAgency.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      nameI18n: true,
      region: true,
      members: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, user: { select: { name: true, email: true } } } },
      _count: { select: { grants: { where: { revokedAt: null } } } },
    },
  })
  return agencies.map((a) => ({
    id: a.id,
    name: pickLocalized(a.name, a.nameI18n, locale),
    region: a.region,
    activeGrants: a._count.grants,
    members: a.members.map((m) => ({ id: m.id, role: m.role, name: m.user.name, email: m.user.email })),
  }))
}

export async function createAgency(input: { name: string; nameKo?: string | undefined; region: string }, now = new Date()): Promise<string> {
  const prisma = await getPrisma()
  const base = slugOf(input.name)
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`
    if (await prisma.exportAgency.findUnique({ where: { slug }, select: { id: true } })) continue
    const agency = await prisma.exportAgency.create({
      data: { slug, name: input.name, nameI18n: input.nameKo ? { ko: input.nameKo } : {}, region: input.region, createdAt: now },
      select: { id: true },
    })
    return agency.id
  }
  throw new DomainError('conflict', { status: 409, messageKey: 'agency.errors.conflict' })
}

/**
 * Adds the account with this e-mail to the agency. An address without an account gets a new AGENCY staff
 * account (the name is then required) and the staff invitation, created with the member row in one
 * transaction; an existing account must have the AGENCY role and no agency.
 */
export async function addAgencyMember(
  input: { agencyId: string; email: string; name?: string | undefined; role: 'LEAD' | 'AGENT'; locale: string },
  invitedBy: { name: string },
  now = new Date(),
): Promise<void> {
  const prisma = await getPrisma()
  let invitation: string | null
  try {
    invitation = await prisma.$transaction(async (tx) => {
      const agency = await tx.exportAgency.findUnique({ where: { id: input.agencyId }, select: { id: true } })
      if (!agency) throw new DomainError('not-found', { status: 404 })
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, agencyMembership: { select: { id: true } } } })
      let userId: string
      let emailId: string | null = null
      if (existing) {
        if (existing.role !== 'AGENCY')
          throw new DomainError('not-agency-account', { status: 400, field: 'email', messageKey: 'agency.errors.notAgencyAccount' })
        if (existing.agencyMembership) throw new DomainError('already-member', { status: 409, field: 'email', messageKey: 'agency.errors.alreadyMember' })
        userId = existing.id
      } else {
        if (!input.name) throw new DomainError('name-required', { status: 400, field: 'name', messageKey: 'agency.errors.nameRequired' })
        ;({ userId, emailId } = await createStaffAccountIn(tx, { name: input.name, email: input.email, role: 'AGENCY', locale: input.locale }, invitedBy, now))
      }
      await tx.agencyMember.create({ data: { userId, agencyId: agency.id, role: input.role, createdAt: now } })
      return emailId
    })
  } catch (error) {
    // The same address added twice at once: the account's (or the membership's) unique index refuses one.
    if (isUniqueViolation(error)) throw new DomainError('conflict', { status: 409, messageKey: 'agency.errors.conflict' })
    throw error
  }
  if (invitation) await flushNotificationEmails([invitation])
}

/**
 * Removes a member (of this agency only, when one is named: an agency lead's page). Their exporter seats in
 * meetings that still have a room pass on in this transaction (passOnMemberSeats): to the `lead` removing them
 * while the meeting's company still grants the agency MEETINGS, recorded in the agency's log as the lead's
 * `meeting.takeOver` (the company sees who now sits in its meeting for the agency); otherwise back to the
 * company, as a revoke does, with nothing recorded for the agency.
 */
export async function removeAgencyMember(
  memberId: string,
  within: { agencyId?: string; lead?: { id: string; name: string } } = {},
  now = new Date(),
): Promise<void> {
  const prisma = await getPrisma()
  const moved = await prisma.$transaction(async (tx) => {
    const found = await tx.agencyMember.findFirst({
      where: { id: memberId, ...(within.agencyId ? { agencyId: within.agencyId } : {}) },
      select: { agencyId: true },
    })
    if (!found) throw new DomainError('not-found', { status: 404 })
    // One removal at a time per agency (the agency row, first: agency mutations take it only FOR KEY SHARE, by
    // their foreign keys, which NO KEY UPDATE lets through): two leads removing each other, or the last two
    // leads, are decided one after the other.
    await tx.$queryRaw`SELECT "id" FROM "ExportAgency" WHERE "id" = ${found.agencyId} FOR NO KEY UPDATE`
    const member = await tx.agencyMember.findUnique({ where: { id: memberId }, select: { userId: true, agencyId: true, role: true } })
    if (member?.agencyId !== found.agencyId) throw new DomainError('not-found', { status: 404 })
    // The lead's role is read again here: a lead removed or made an agent since the page's check acts no more.
    if (within.lead) {
      const acting = await tx.agencyMember.findFirst({ where: { userId: within.lead.id, agencyId: member.agencyId, role: 'LEAD' }, select: { id: true } })
      if (!acting) throw new DomainError('forbidden', { status: 403, messageKey: 'agency.errors.leadOnly' })
    }
    if (member.role === 'LEAD' && (await tx.agencyMember.count({ where: { agencyId: member.agencyId, role: 'LEAD' } })) <= 1)
      throw new DomainError('last-lead', { status: 409, messageKey: 'agency.errors.lastLead' })
    const removal = { agencyId: member.agencyId, userId: member.userId, now }
    // Meetings before the membership, as a revoke takes them before the grant (lockAgencySeatedMeetings).
    await lockAgencySeatedMeetings(tx, removal)
    const lead = within.lead
    const passOn = (departed: boolean) =>
      passOnMemberSeats(tx, {
        ...removal,
        departed,
        ...(lead && {
          lead: {
            userId: lead.id,
            onLeadSeat: async (meetingId: string, companyId: string) => {
              await tx.agencyAction.create({
                data: {
                  agencyId: member.agencyId,
                  companyId,
                  actorId: lead.id,
                  actorName: lead.name,
                  action: 'meeting.takeOver',
                  targetType: 'meeting',
                  targetId: meetingId,
                  createdAt: now,
                },
              })
            },
          },
        }),
      })
    const result = await passOn(false)
    const removed = await tx.agencyMember.deleteMany({ where: { id: memberId } })
    if (removed.count !== 1) throw new DomainError('not-found', { status: 404 })
    // The delete waited for any agency mutation of the member's holding the row FOR SHARE (recordAgencyAction):
    // an accept committed meanwhile seated them after the pass above, so pass on once more. Its meeting is
    // locked by moveSeat's writes (that accept has committed; a mutation still waiting on the row fails).
    const late = await passOn(true)
    // The ingest keys the member could copy go with them (showcase-revoke.server.ts).
    const showcases = await cutOffMemberShowcases(tx, removal)
    return {
      showcases,
      emails: [...result.emails, ...late.emails],
      formerHolders: [
        ...result.formerHolders,
        ...late.formerHolders.filter((former) => !result.formerHolders.some((earlier) => earlier.companyId === former.companyId)),
      ],
    }
  })
  await flushNotificationEmails(moved.emails)
  // A socket already in a meeting's room reconnects and joins again as who the former member is now: without a seat.
  for (const { userId, companyId } of moved.formerHolders) emitIdentityEvent({ kind: 'membership-changed', userId, companyId })
  afterShowcaseCutOff(moved.showcases)
}
