import { createHash, randomBytes } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { queueEmail } from '~/domain/notifications/email.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { appOrigin } from '~/utils/request.server'
import { hashPassword, verifyPassword } from './password.server'
import { announceRevokedSessions } from './session.server'

/** Refused account changes, each with the message the form shows (on its field when it has one). */
export const ACCOUNT_ERRORS = ['invalid-link', 'current-password-wrong', 'same-password'] as const
type AccountErrorCode = (typeof ACCOUNT_ERRORS)[number]

function accountError(code: AccountErrorCode, messageKey: string, field?: string) {
  return new DomainError<AccountErrorCode>(code, { messageKey, ...(field ? { field } : {}) })
}

/** How long a reset link works (ASVS V2.5: short-lived). */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function passwordResetPath(token: string): string {
  return `/reset-password/${token}`
}

/**
 * Sets a new password and ends every session of the user (the caller opens a fresh one when the person
 * is at the keyboard), and voids open reset links: whoever held the old password or a link is out.
 */
async function replacePassword(userId: string, passwordHash: string, now: Date, consumedTokenHash?: string) {
  const prisma = await getPrisma()
  const revoked = await prisma.$transaction(async (tx) => {
    if (consumedTokenHash) {
      // Single use even under a double submit: only one transaction flips usedAt.
      const { count } = await tx.passwordResetToken.updateMany({
        where: { tokenHash: consumedTokenHash, userId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      })
      if (count !== 1) throw accountError('invalid-link', 'account.reset.invalidLink')
    }
    await tx.password.upsert({ where: { userId }, update: { hash: passwordHash }, create: { userId, hash: passwordHash } })
    await tx.passwordResetToken.deleteMany({ where: { userId, usedAt: null } })
    const sessions = await tx.session.findMany({ where: { userId }, select: { id: true, userId: true } })
    await tx.session.deleteMany({ where: { userId } })
    return sessions
  })
  announceRevokedSessions(revoked)
  return revoked.map((session) => session.id)
}

/** Password change by a signed-in person who knows the current one. Returns the ended session ids. */
export async function changePassword({
  userId,
  currentPassword,
  newPassword,
  now = new Date(),
}: {
  userId: string
  currentPassword: string
  newPassword: string
  now?: Date
}): Promise<string[]> {
  const prisma = await getPrisma()
  const stored = await prisma.password.findUnique({ where: { userId }, select: { hash: true } })
  if (!stored || !(await verifyPassword(stored.hash, currentPassword))) {
    throw accountError('current-password-wrong', 'account.errors.currentPasswordWrong', 'currentPassword')
  }
  if (currentPassword === newPassword) throw accountError('same-password', 'account.errors.samePassword', 'newPassword')
  return replacePassword(userId, await hashPassword(newPassword), now)
}

/** What the set-password mail says: its subject and the text above and below the link. */
export type PasswordLinkMail = { subject: string; intro: string; outro: string }

/**
 * Issues a single-use set-password link for the user (voiding older ones) and queues the mail carrying
 * it, in the caller's transaction. The raw token exists only in the mail. Returns the outbox row's id.
 */
export async function issuePasswordLink(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string },
  { ttlMs, now, mail }: { ttlMs: number; now: Date; mail: PasswordLinkMail },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  // Only the newest link works.
  await tx.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } })
  await tx.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now },
  })
  return queueEmail(tx, { to: user.email, subject: mail.subject, text: `${mail.intro}\n\n${appOrigin()}${passwordResetPath(token)}\n\n${mail.outro}` })
}

/**
 * Mails a reset link when the email has an account; does nothing otherwise. The caller answers the
 * same either way (no account enumeration).
 */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }): Promise<void> {
  const prisma = await getPrisma()
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, locale: true } })
  if (!user) return
  const { t } = createI18n(isSupportedLocale(user.locale) ? user.locale : 'en')
  const mail = {
    subject: t('account.reset.mailSubject'),
    intro: t('account.reset.mailBody', { minutes: PASSWORD_RESET_TTL_MS / 60_000 }),
    outro: t('account.reset.mailIgnore'),
  }
  const emailId = await prisma.$transaction((tx) => issuePasswordLink(tx, user, { ttlMs: PASSWORD_RESET_TTL_MS, now, mail }))
  // Not awaited: an SMTP round trip only for existing accounts would tell them apart by timing.
  void flushNotificationEmails([emailId])
}

/** The account a reset link belongs to while it is unused and fresh; null otherwise. */
export async function findPasswordResetUser(token: string, now = new Date()): Promise<{ userId: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  const prisma = await getPrisma()
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { userId: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  })
  if (!row || row.usedAt || row.expiresAt <= now) return null
  return { userId: row.userId, email: row.user.email }
}

/** Sets the password through a reset link (single use), ends all sessions. Returns the user's id. */
export async function resetPassword({ token, password, now = new Date() }: { token: string; password: string; now?: Date }): Promise<string> {
  const owner = await findPasswordResetUser(token, now)
  if (!owner) throw accountError('invalid-link', 'account.reset.invalidLink')
  await replacePassword(owner.userId, await hashPassword(password), now, hashResetToken(token))
  return owner.userId
}
