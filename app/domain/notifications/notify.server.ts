import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { formatDateTime, isValidTimeZone } from '~/lib/time'
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
  | 'meeting.confirm'
  | 'meeting.expired'
  | 'meeting.cantMakeIt'
  /** An export agency's exporter seat handed back to the company when MEETINGS is taken back (docs/export-agencies.md). */
  | 'meeting.seatHandedBack'
  /** A removed agency member's exporter seat passed to the lead removing them, or back to the company. */
  | 'meeting.seatPassedOn'
  /** The buyer's side of those moves: who hosts their meeting now. */
  | 'meeting.hostChanged'
  | 'session.starting'
  | 'showcase.reminder24h'
  | 'showcase.reminder10m'
  | 'showcase.live'
  | 'order.updated'
  | 'registration.decided'
  /** Trade-officer consultations (docs/consultations.md) */
  | 'consultation.requested'
  | 'consultation.updated'
  | 'consultation.reminder'
  /** Studio booking (docs/studio-booking.md): a request for the operators; the decision or a call-off for the exporter. */
  | 'studio.requested'
  | 'studio.approved'
  | 'studio.declined'
  | 'studio.cancelled'

export type NotificationInput = {
  userIds: readonly string[]
  kind: NotificationKind
  data: Record<string, string | number>
  /**
   * Instants the message names, added to `data` as text in each recipient's language and zone (the
   * given zone, e.g. their company's, when they chose none), so nobody reads a time written for another.
   */
  times?: Record<string, { at: Date; fallbackTimeZone: string }>
  /**
   * Values written in each recipient's language, added to `data`: a country by its name, an amount or a
   * quantity in their notation, a product or fair by its name in their content language.
   */
  localized?: Record<string, (locale: Locale) => string>
  link?: string
  email?: boolean
}

type Recipient = { id: string; email: string; locale: string; timeZone: string | null }

function localeOf(recipient: Pick<Recipient, 'locale'>): Locale {
  return isSupportedLocale(recipient.locale) ? recipient.locale : 'en'
}

/** The notification's values for one recipient: `data` plus `times` and `localized` written for them. */
export function notificationDataFor(
  recipient: Pick<Recipient, 'locale' | 'timeZone'>,
  input: Pick<NotificationInput, 'data' | 'times' | 'localized'>,
): Record<string, string | number> {
  if (!input.times && !input.localized) return input.data
  const values: Record<string, string | number> = { ...input.data }
  for (const [key, write] of Object.entries(input.localized ?? {})) values[key] = write(localeOf(recipient))
  for (const [key, { at, fallbackTimeZone }] of Object.entries(input.times ?? {})) {
    // An account without a chosen zone (null) reads the event's own zone; UTC is a choice like any other.
    const chosen = recipient.timeZone !== null && isValidTimeZone(recipient.timeZone) ? recipient.timeZone : null
    values[key] = formatDateTime(at, { locale: localeOf(recipient), timeZone: chosen ?? fallbackTimeZone, withZone: true })
  }
  return values
}

/**
 * Writes in-app notifications and queues emails in the caller's transaction, so a rolled-back change
 * notifies no one. Returns the queued email ids; pass them to `flushNotificationEmails` after commit.
 */
export async function notify(db: Db, input: NotificationInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)]
  if (userIds.length === 0) return []
  const recipients: Recipient[] =
    input.times || input.localized || input.email !== false
      ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, locale: true, timeZone: true } })
      : []
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]))
  await db.notification.createMany({
    data: userIds.map((userId) => {
      const recipient = byId.get(userId)
      return { userId, kind: input.kind, data: recipient ? notificationDataFor(recipient, input) : input.data, link: input.link ?? null }
    }),
  })
  if (input.email === false) return []
  const appUrl = appOrigin()
  const ids: string[] = []
  for (const user of recipients) {
    const { t } = createI18n(localeOf(user))
    const data = notificationDataFor(user, input)
    const subject = t(`notifications.${input.kind}.title`, data)
    const body = t(`notifications.${input.kind}.body`, data)
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
