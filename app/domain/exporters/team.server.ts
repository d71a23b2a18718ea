import { DomainError } from '~/domain/errors'
import { createHash, randomBytes } from 'node:crypto'
import { Prisma } from '~/generated/prisma/client'
import type { CompanyRoleName } from '~/domain/accounts/permissions'
import { emitIdentityEvent } from '~/domain/accounts/identity-events.server'
import { hashPassword } from '~/domain/accounts/password.server'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { requireCompanyRoleNow } from './company-access.server'
import { queueEmail } from '~/domain/notifications/email.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { appOrigin } from '~/utils/request.server'
import { nameIn } from '~/domain/notifications/localized-values'

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** Only the SHA-256 of a token is stored; the token itself exists in the link we mail. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`
}

export async function listTeam(companyId: string, now: Date) {
  const prisma = await getPrisma()
  const [members, invitations] = await Promise.all([
    prisma.exporterMember.findMany({
      where: { companyId },
      orderBy: [{ createdAt: 'asc' }],
      select: { id: true, role: true, title: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.exporterInvitation.findMany({
      where: { companyId, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
    }),
  ])
  return {
    members: members.map((m) => ({
      id: m.id,
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      title: m.title,
      joinedAt: m.createdAt.toISOString(),
    })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), invitedBy: i.invitedBy.name })),
  }
}

/** Refusals of team and invitation changes, each with the message the form shows. */
export const TEAM_ERRORS = ['already-member', 'remove-self', 'last-owner', 'invitation-invalid', 'other-company', 'account-exists'] as const
export type TeamErrorCode = (typeof TEAM_ERRORS)[number]

function teamError(code: TeamErrorCode, messageKey: string, field?: string) {
  return new DomainError<TeamErrorCode>(code, { messageKey, ...(field ? { field } : {}) })
}

/**
 * Creates an invitation (replacing an open one for the same email) and mails its link. Registered users
 * also get an in-app notification. Returns the raw token (for the caller's tests; never stored).
 */
export async function inviteMember({
  companyId,
  inviter,
  email,
  role,
  locale,
  now = new Date(),
}: {
  companyId: string
  inviter: { id: string; name: string }
  email: string
  role: CompanyRoleName
  locale: string
  now?: Date
}) {
  const prisma = await getPrisma()
  const token = randomBytes(32).toString('base64url')
  const link = invitationPath(token)
  const emailIds = await prisma.$transaction(async (tx) => {
    const company = await tx.exporterCompany.findUniqueOrThrow({ where: { id: companyId }, select: { name: true, nameI18n: true } })
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, locale: true, exporterMember: { select: { companyId: true } } } })
    if (existing?.exporterMember?.companyId === companyId) throw teamError('already-member', 'exporter.team.errors.alreadyMember', 'email')
    await tx.exporterInvitation.deleteMany({ where: { companyId, email, acceptedAt: null } })
    await tx.exporterInvitation.create({
      data: { companyId, email, role, tokenHash: hashInvitationToken(token), invitedById: inviter.id, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    })
    const messageData = { inviter: inviter.name }
    const companyName = nameIn(company.name, company.nameI18n)
    // The token lives only in the mailed link: an in-app notification (a database row anyone with read
    // access to the notifications table could use) tells a registered invitee without it.
    if (existing) await notify(tx, { userIds: [existing.id], kind: 'invitation.created', data: messageData, localized: { company: companyName }, email: false })
    // Someone with an account reads it in their own language; anyone else in the one the inviter chose.
    const mailLocale = existing && isSupportedLocale(existing.locale) ? existing.locale : isSupportedLocale(locale) ? locale : 'en'
    const { t } = createI18n(mailLocale)
    const id = await queueEmail(tx, {
      to: email,
      subject: t('notifications.invitation.created.title', { ...messageData, company: companyName(mailLocale) }),
      text: `${t('notifications.invitation.created.body', { ...messageData, company: companyName(mailLocale) })}\n\n${appOrigin()}${link}\n\n${t('exporter.team.inviteEmailExpiry')}`,
    })
    return [id]
  })
  await flushNotificationEmails(emailIds)
  return { token }
}

export async function revokeInvitation(companyId: string, invitationId: string) {
  const prisma = await getPrisma()
  const { count } = await prisma.exporterInvitation.deleteMany({ where: { id: invitationId, companyId, acceptedAt: null } })
  if (count === 0) throw new DomainError('not-found', { status: 404 })
}

/**
 * Owners only (re-checked here, fresh); nobody removes themself, and the last owner stays. The removed
 * person's seats in the company's meetings still to come pass to the owner who removed them (the
 * meeting keeps an exporter seat; the buyer is not left alone), as does hosting of the company's
 * sessions not yet started. Their open connections are told to drop (identity event).
 */
export async function removeMember(companyId: string, actorUserId: string, memberId: string, now = new Date()) {
  const prisma = await getPrisma()
  const removed = await prisma.$transaction(async (tx) => {
    // Lock the company row so two owners removing each other cannot both pass the last-owner check.
    await tx.$queryRaw`SELECT 1 FROM "ExporterCompany" WHERE "id" = ${companyId} FOR UPDATE`
    await requireCompanyRoleNow(actorUserId, companyId, 'remove:member:own', tx)
    const member = await tx.exporterMember.findFirst({ where: { id: memberId, companyId }, select: { id: true, userId: true, role: true } })
    if (!member) throw new DomainError('not-found', { status: 404 })
    if (member.userId === actorUserId) throw teamError('remove-self', 'exporter.team.errors.removeSelf')
    if (member.role === 'OWNER') {
      const owners = await tx.exporterMember.count({ where: { companyId, role: 'OWNER' } })
      if (owners <= 1) throw teamError('last-owner', 'exporter.team.errors.lastOwner')
    }
    await tx.exporterMember.delete({ where: { id: member.id } })
    const seats = await tx.meetingParticipant.findMany({
      where: { userId: member.userId, role: 'EXPORTER', meeting: { companyId, endsAt: { gt: now } } },
      select: { meetingId: true },
    })
    if (seats.length > 0) {
      const meetingIds = seats.map((seat) => seat.meetingId)
      await tx.meetingParticipant.deleteMany({ where: { userId: member.userId, meetingId: { in: meetingIds } } })
      await tx.meetingParticipant.createMany({
        data: meetingIds.map((meetingId) => ({ meetingId, userId: actorUserId, role: 'EXPORTER' as const })),
        skipDuplicates: true,
      })
    }
    await tx.liveSession.updateMany({ where: { companyId, hostId: member.userId, status: 'SCHEDULED' }, data: { hostId: actorUserId } })
    return member
  })
  // After commit: the gateway drops the person's sockets, which rejoin (if at all) without the company.
  emitIdentityEvent({ kind: 'membership-changed', userId: removed.userId, companyId })
}

export type InvitationView = {
  id: string
  email: string
  role: CompanyRoleName
  companyId: string
  companyName: string
  inviterName: string
  expiresAt: string
}

/** An open invitation for this token, or null (unknown, used or expired). */
export async function findOpenInvitation(token: string, now: Date): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const prisma = await getPrisma()
  const invitation = await prisma.exporterInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      companyId: true,
      expiresAt: true,
      acceptedAt: true,
      company: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  })
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) return null
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    companyId: invitation.companyId,
    companyName: invitation.company.name,
    inviterName: invitation.invitedBy.name,
    expiresAt: invitation.expiresAt.toISOString(),
  }
}

/** Why this signed-in user may not accept, or null when they may. */
export function acceptBlocker(
  user: { email: string; role: string; exporterMember: { company: { id: string } } | null },
  invitation: Pick<InvitationView, 'email' | 'companyId'>,
): string | null {
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) return 'exporter.invitation.errors.otherEmail'
  if (user.role !== 'EXPORTER') return 'exporter.invitation.errors.notExporter'
  if (user.exporterMember) {
    return user.exporterMember.company.id === invitation.companyId ? 'exporter.invitation.errors.alreadyHere' : 'exporter.invitation.errors.otherCompany'
  }
  return null
}

async function consume(tx: Prisma.TransactionClient, invitationId: string, now: Date) {
  // Single use, even when two tabs race: only one update sees acceptedAt still null.
  const { count } = await tx.exporterInvitation.updateMany({
    where: { id: invitationId, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  })
  if (count !== 1) throw teamError('invitation-invalid', 'exporter.invitation.errors.invalid')
}

/** A signed-in exporter without a company joins with the invited role. */
export async function acceptInvitation(userId: string, invitation: InvitationView, now = new Date()) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await consume(tx, invitation.id, now)
    try {
      await tx.exporterMember.create({ data: { userId, companyId: invitation.companyId, role: invitation.role } })
    } catch (error) {
      if (isUniqueViolation(error)) throw teamError('other-company', 'exporter.invitation.errors.otherCompany')
      throw error
    }
  })
}

/** A new account for the invited email, joined to the company, in one transaction. */
export async function signUpWithInvitation(
  invitation: InvitationView,
  input: { name: string; password: string; timeZone: string },
  { locale, now = new Date() }: { locale: string; now?: Date },
): Promise<{ id: string }> {
  const prisma = await getPrisma()
  if (await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    throw teamError('account-exists', 'exporter.invitation.errors.accountExists')
  }
  const passwordHash = await hashPassword(input.password)
  try {
    return await prisma.$transaction(async (tx) => {
      await consume(tx, invitation.id, now)
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: input.name,
          role: 'EXPORTER',
          locale,
          timeZone: input.timeZone,
          password: { create: { hash: passwordHash } },
          exporterMember: { create: { companyId: invitation.companyId, role: invitation.role } },
        },
        select: { id: true },
      })
      return user
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw teamError('account-exists', 'exporter.invitation.errors.accountExists')
    throw error
  }
}
