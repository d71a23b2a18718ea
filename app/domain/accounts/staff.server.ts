import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { Prisma } from '~/generated/prisma/client'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { issuePasswordLink } from './credentials.server'
import { STAFF_ROLES, type StaffRole } from './staff-schema'

// Hub staff accounts (docs/hub-staff.md): an admin creates them; the person sets a password from the
// invitation mail, through the same single-use link as a password reset, valid longer.

/** How long an invitation's set-password link works: a colleague may not read mail the same day. */
export const STAFF_INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export const STAFF_ERRORS = ['email-taken', 'not-invitable'] as const

function invitationMail(locale: string, role: StaffRole, invitedBy: string) {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  return {
    subject: t('staff.mail.subject'),
    intro: t('staff.mail.body', { role: t(`roles.${role}`), admin: invitedBy, days: STAFF_INVITE_TTL_MS / 86_400_000 }),
    outro: t('staff.mail.ignore'),
  }
}

type StaffAccountInput = { name: string; email: string; role: StaffRole; locale: string }

/**
 * Creates the account (no password yet) and queues its invitation mail in the caller's transaction: the one
 * place that creates staff accounts (the agency admin page adds members through it). The caller flushes
 * the returned e-mail after commit; a taken address fails with P2002 (see createStaffAccount).
 */
export async function createStaffAccountIn(
  tx: Prisma.TransactionClient,
  input: StaffAccountInput,
  invitedBy: { name: string },
  now: Date,
): Promise<{ userId: string; emailId: string }> {
  const user = await tx.user.create({
    data: { email: input.email, name: input.name, role: input.role, locale: input.locale },
    select: { id: true, email: true },
  })
  const emailId = await issuePasswordLink(tx, user, { ttlMs: STAFF_INVITE_TTL_MS, now, mail: invitationMail(input.locale, input.role, invitedBy.name) })
  return { userId: user.id, emailId }
}

/** Creates the account (no password yet) and mails its set-password link. */
export async function createStaffAccount(input: StaffAccountInput, invitedBy: { name: string }, now: Date): Promise<{ userId: string }> {
  const prisma = await getPrisma()
  try {
    const { userId, emailId } = await prisma.$transaction((tx) => createStaffAccountIn(tx, input, invitedBy, now))
    await flushNotificationEmails([emailId])
    return { userId }
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('email-taken', { field: 'email', messageKey: 'staff.errors.emailTaken' })
    throw error
  }
}

/** A new link for a staff account whose person has not set a password yet (the old link stops working). */
export async function resendStaffInvitation(userId: string, invitedBy: { name: string }, now: Date): Promise<void> {
  const prisma = await getPrisma()
  const emailId = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, locale: true, password: { select: { userId: true } } },
    })
    if (!user || !isStaffRole(user.role) || user.password) {
      throw new DomainError('not-invitable', { status: 404, messageKey: 'staff.errors.notInvitable' })
    }
    return issuePasswordLink(tx, user, { ttlMs: STAFF_INVITE_TTL_MS, now, mail: invitationMail(user.locale, user.role, invitedBy.name) })
  })
  await flushNotificationEmails([emailId])
}

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role)
}

export type StaffAccount = { id: string; name: string; email: string; role: StaffRole; createdAt: Date; state: 'active' | 'invited' | 'invitation-expired' }

/** Every staff account by role, with whether its person has set a password (or the link has lapsed). */
export async function listStaffAccounts(now: Date): Promise<StaffAccount[]> {
  const prisma = await getPrisma()
  const users = await prisma.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      password: { select: { userId: true } },
      passwordResets: { where: { usedAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 },
    },
  })
  return users.flatMap((user) =>
    isStaffRole(user.role)
      ? [
          {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            createdAt: user.createdAt,
            state: user.password ? ('active' as const) : user.passwordResets.length > 0 ? ('invited' as const) : ('invitation-expired' as const),
          },
        ]
      : [],
  )
}
