import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { appOrigin } from '~/utils/request.server'
import { deliverQueuedEmails, queueEmail } from './email.server'

type Db = Prisma.TransactionClient

/**
 * Notification kinds. Each has i18n keys `notifications.<kind>.title` / `.body` (with `data` as
 * interpolation values), used both for the in-app list and the email.
 */
export type NotificationKind =
  | 'inquiry.created'
  | 'inquiry.message'
  | 'inquiry.status'
  | 'inquiry.quote'
  | 'invitation.created'
  | 'meeting.requested'
  | 'meeting.updated'
  | 'session.starting'
  | 'order.updated'
  | 'registration.decided'

export type NotificationInput = {
  userIds: readonly string[]
  kind: NotificationKind
  data: Record<string, string | number>
  link?: string
  email?: boolean
}

/**
 * Writes in-app notifications and queues emails in the caller's transaction, so a rolled-back change
 * notifies no one. Returns the queued email ids; pass them to `flushNotificationEmails` after commit.
 */
export async function notify(db: Db, input: NotificationInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)]
  if (userIds.length === 0) return []
  await db.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: input.kind, data: input.data, link: input.link ?? null })),
  })
  if (input.email === false) return []
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { email: true, locale: true } })
  const appUrl = appOrigin()
  const ids: string[] = []
  for (const user of users) {
    const { t } = createI18n(isSupportedLocale(user.locale) ? user.locale : 'en')
    const subject = t(`notifications.${input.kind}.title`, input.data)
    const body = t(`notifications.${input.kind}.body`, input.data)
    const text = input.link ? `${body}\n\n${appUrl}${input.link}` : body
    ids.push(await queueEmail(db, { to: user.email, subject, text }))
  }
  return ids
}

export async function flushNotificationEmails(ids: readonly string[]): Promise<void> {
  // Mail must never fail the request that caused it; errors stay in the outbox.
  await deliverQueuedEmails(ids).catch(() => undefined)
}

export async function listNotifications(userId: string, take = 30) {
  const prisma = await getPrisma()
  return prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take })
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  const prisma = await getPrisma()
  return prisma.notification.count({ where: { userId, readAt: null } })
}

export async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<void> {
  const prisma = await getPrisma()
  await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  })
}
