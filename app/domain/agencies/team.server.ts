import { DomainError, isDomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { addAgencyMember, removeAgencyMember } from './admin.server'
import { requireAgencyMembership } from './dashboard.server'

// The agency's own team (/agency/team, docs/export-agencies.md): every member sees who works for the agency;
// its LEADs add agents (or other leads) and remove members, as an admin can at /admin/agencies, but only in
// their own agency. A lead cannot remove themselves, and an agency keeps at least one lead (removeAgencyMember).

export async function loadAgencyTeam(userId: string, locale: string) {
  const prisma = await getPrisma()
  const member = await requireAgencyMembership(userId)
  const members = await prisma.agencyMember.findMany({
    where: { agencyId: member.agency.id },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true, password: { select: { userId: true } } } } },
  })
  return {
    agency: { id: member.agency.id, name: pickLocalized(member.agency.name, member.agency.nameI18n, locale) },
    canManage: member.role === 'LEAD',
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      name: m.user.name,
      email: m.user.email,
      self: m.userId === userId,
      // A new account has no password until its invitation link is used.
      invited: m.user.password === null,
    })),
  }
}

/** The user's membership when they lead their agency; 403 for an agent (checked before any form is read). */
export async function requireAgencyLead(userId: string) {
  const member = await requireAgencyMembership(userId)
  if (member.role !== 'LEAD') throw new DomainError('forbidden', { status: 403, messageKey: 'agency.errors.leadOnly' })
  return member
}

export async function addAgencyTeamMember(
  lead: { id: string; name: string },
  input: { email: string; name?: string | undefined; role: 'LEAD' | 'AGENT'; locale: string },
  now = new Date(),
): Promise<void> {
  const member = await requireAgencyLead(lead.id)
  try {
    await addAgencyMember({ ...input, agencyId: member.agency.id }, lead, now)
  } catch (error) {
    // One answer for every existing account a lead cannot add (another role, another agency's member): a lead
    // must not learn from this form whether an address has an account, or what it is. An admin sees the cause.
    if (isDomainError(error) && (error.code === 'not-agency-account' || error.code === 'already-member'))
      throw new DomainError('cannot-add', { status: 400, field: 'email', messageKey: 'agency.errors.cannotAdd' })
    throw error
  }
}

/** The removed member's seats in meetings still to be held pass to the lead while the company's grant allows (removeAgencyMember). */
export async function removeAgencyTeamMember(lead: { id: string; name: string }, memberId: string, now = new Date()): Promise<void> {
  const member = await requireAgencyLead(lead.id)
  if (memberId === member.id) throw new DomainError('remove-self', { status: 409, messageKey: 'agency.errors.removeSelf' })
  await removeAgencyMember(memberId, { agencyId: member.agency.id, lead }, now)
}
