import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { defineJob, scheduleJob, type JobSpec } from '~/domain/jobs/jobs.server'
import { queueEmail } from '~/domain/notifications/email.server'
import { flushNotificationEmails, notify, type NotificationKind } from '~/domain/notifications/notify.server'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { formatDateTime, isValidTimeZone } from '~/lib/time'
import { getLogger } from '~/utils/logger.server'
import { appOrigin } from '~/utils/request.server'
import { nowLiveSendable, plannedReminders, reminderSendable, type ReminderKind } from './reminder-timing'
import { signToken } from './tokens.server'

// Showcase reminders — 24 h and 10 min before the start — and "now live", by mail and (for accounts) in-app,
// each sent once per recipient. One job kind does all three (`engagement.reminder`, keyed by show and kind):
//
// - Recipients are derived when the job runs: confirmed RSVPs (accounts and guests); for the 10-minute
//   reminder also the approved buyers of the fair of an approved fair showcase; for "now live" also the
//   followers of the exporter and of the fair. Opt-outs by address are honoured.
// - Exactly once: each (show, kind, recipient) gets a ReminderDelivery row inserted in the transaction
//   that writes the in-app notification and queues the mail. A second run — a retry, another process,
//   a reconcile after a restart — inserts nothing for them and so sends nothing.
// - A job carries the start it was planned for: a rescheduled show gets new jobs, the old ones find
//   another start and do nothing; a cancelled or already started show gets no start reminders.

const log = () => getLogger().child({ area: 'engagement.reminders' })

const NOTIFICATION_KIND: Record<ReminderKind, NotificationKind> = {
  'starts-24h': 'showcase.reminder24h',
  'starts-10m': 'showcase.reminder10m',
  'now-live': 'showcase.live',
}

export const ReminderJobData = z.object({
  sessionId: z.string().regex(RECORD_ID_PATTERN),
  kind: z.enum(['starts-24h', 'starts-10m', 'now-live']),
  /** The start the job was planned for (scheduledStartAt; startedAt for "now live") */
  plannedStart: z.iso.datetime(),
})
export type ReminderJobData = z.infer<typeof ReminderJobData>

const SESSION_SELECT = {
  id: true,
  kind: true,
  status: true,
  isPublic: true,
  title: true,
  titleI18n: true,
  scheduledStartAt: true,
  startedAt: true,
  approvedAt: true,
  fairId: true,
  companyId: true,
  company: { select: { name: true, nameI18n: true, timeZone: true } },
  fair: { select: { status: true, timeZone: true } },
} satisfies Prisma.LiveSessionSelect
type ReminderSession = Prisma.LiveSessionGetPayload<{ select: typeof SESSION_SELECT }>

export type Recipient = {
  /** 'user:<id>' or 'email:<address>': the delivery record's key */
  key: string
  userId: string | null
  email: string
  locale: Locale
  timeZone: string | null
  /** Mail too (false: the address opted out of all reminder mail; the account still sees it in-app) */
  mail: boolean
}

function localeOf(value: string | null | undefined): Locale {
  return value && isSupportedLocale(value) ? value : 'en'
}

/** Listed to anyone (public; a fair's showcase only once approved in a fair that is not a draft). */
function isListed(session: ReminderSession): boolean {
  return (
    session.kind === 'SHOWCASE' &&
    session.isPublic &&
    (session.fairId === null || (session.approvedAt !== null && session.fair !== null && session.fair.status !== 'DRAFT'))
  )
}

function inFairProgramme(session: ReminderSession): boolean {
  return session.fairId !== null && session.approvedAt !== null && (session.fair?.status === 'OPEN' || session.fair?.status === 'LIVE')
}

/** Who gets this reminder of this show (before exactly-once filtering), with their language and zone. */
export async function reminderRecipients(db: Prisma.TransactionClient, session: ReminderSession, kind: ReminderKind): Promise<Recipient[]> {
  const userSelect = { id: true, email: true, locale: true, timeZone: true } as const
  type U = { id: string; email: string; locale: string; timeZone: string | null }
  const accounts = new Map<string, U>()
  const guests = new Map<string, { email: string; locale: string; timeZone: string | null }>()
  const rsvps = isListed(session)
    ? await db.showcaseRsvp.findMany({
        where: { sessionId: session.id, confirmedAt: { not: null } },
        select: { email: true, locale: true, timeZone: true, user: { select: userSelect } },
      })
    : []
  for (const rsvp of rsvps) {
    if (rsvp.user) accounts.set(rsvp.user.id, rsvp.user)
    else if (rsvp.email) guests.set(rsvp.email, { email: rsvp.email, locale: rsvp.locale, timeZone: rsvp.timeZone })
  }
  if (kind === 'starts-10m' && inFairProgramme(session)) {
    const buyers = await db.fairRegistration.findMany({
      where: { fairId: session.fairId ?? '', kind: 'BUYER', status: 'APPROVED' },
      select: { user: { select: userSelect } },
    })
    for (const { user } of buyers) accounts.set(user.id, user)
  }
  if (kind === 'now-live' && isListed(session)) {
    const [exporterFollowers, fairFollowers] = await Promise.all([
      db.exporterFollow.findMany({ where: { companyId: session.companyId }, select: { user: { select: userSelect } } }),
      session.fairId ? db.fairFollow.findMany({ where: { fairId: session.fairId }, select: { user: { select: userSelect } } }) : [],
    ])
    for (const { user } of [...exporterFollowers, ...fairFollowers]) accounts.set(user.id, user)
  }
  // An address that is also an account's among the recipients is reminded once, as the account.
  const accountEmails = new Set([...accounts.values()].map((user) => user.email.toLowerCase()))
  for (const email of accountEmails) guests.delete(email)
  const addresses = [...accountEmails, ...guests.keys()]
  const optOuts = addresses.length
    ? await db.reminderOptOut.findMany({ where: { email: { in: addresses }, scope: { in: ['*', session.id] } }, select: { email: true, scope: true } })
    : []
  const showOptOut = new Set(optOuts.filter((o) => o.scope === session.id).map((o) => o.email))
  const allOptOut = new Set(optOuts.filter((o) => o.scope === '*').map((o) => o.email))
  const recipients: Recipient[] = []
  for (const user of accounts.values()) {
    const email = user.email.toLowerCase()
    // Unsubscribed from this show: nothing more about it, in-app included. From all mail: in-app only.
    if (showOptOut.has(email)) continue
    recipients.push({ key: `user:${user.id}`, userId: user.id, email, locale: localeOf(user.locale), timeZone: user.timeZone, mail: !allOptOut.has(email) })
  }
  for (const guest of guests.values()) {
    if (showOptOut.has(guest.email) || allOptOut.has(guest.email)) continue
    recipients.push({ key: `email:${guest.email}`, userId: null, email: guest.email, locale: localeOf(guest.locale), timeZone: guest.timeZone, mail: true })
  }
  return recipients
}

/** Unsubscribe links of a reminder mail: this show's reminders, or all reminder mail for the address. */
export function unsubscribeUrls(email: string, sessionId: string, appUrl: string) {
  return {
    show: `${appUrl}/unsubscribe/${signToken({ p: 'unsub', e: email, s: sessionId })}`,
    all: `${appUrl}/unsubscribe/${signToken({ p: 'unsub', e: email, s: '*' })}`,
  }
}

/** A reminder mail in the recipient's language, the times in their zone (the show's fair's or company's when they chose none). */
export function reminderMail(kind: ReminderKind, session: ReminderSession, recipient: Pick<Recipient, 'email' | 'locale' | 'timeZone'>, appUrl: string) {
  const { t } = createI18n(recipient.locale)
  const zone = recipient.timeZone && isValidTimeZone(recipient.timeZone) ? recipient.timeZone : (session.fair?.timeZone ?? session.company.timeZone)
  const values = reminderValues(session, recipient.locale, zone)
  const notificationKind = NOTIFICATION_KIND[kind]
  const links = unsubscribeUrls(recipient.email, session.id, appUrl)
  const text = [
    t(`notifications.${notificationKind}.body`, values),
    '',
    `${appUrl}/live/${session.id}`,
    '',
    '—',
    t('engagement.mail.why'),
    t('engagement.mail.unsubscribeShow', { url: links.show }),
    t('engagement.mail.unsubscribeAll', { url: links.all }),
  ].join('\n')
  return { to: recipient.email, subject: t(`notifications.${notificationKind}.title`, values), text, listUnsubscribe: links.all }
}

function reminderValues(session: ReminderSession, locale: Locale, timeZone: string) {
  return {
    title: pickLocalized(session.title, session.titleI18n, locale),
    company: pickLocalized(session.company.name, session.company.nameI18n, locale),
    when: formatDateTime(session.scheduledStartAt, { locale, timeZone, withZone: true }),
  }
}

export type DeliveryOutcome = { sent: number; skipped?: 'not-found' | 'cancelled' | 'not-scheduled' | 'stale' | 'not-due' | 'not-live' }

/**
 * Runs one reminder job at `now`: checks the show still warrants it, then writes each recipient's
 * delivery record, in-app notification and mail in one transaction; recipients already delivered to are
 * left out by the insert itself (ON CONFLICT DO NOTHING … RETURNING), so concurrent or repeated runs
 * send each reminder once. Mail is handed to SMTP after the commit.
 */
export async function deliverReminder(data: ReminderJobData, now: Date, { appUrl = appOrigin() }: { appUrl?: string } = {}): Promise<DeliveryOutcome> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({ where: { id: data.sessionId }, select: SESSION_SELECT })
  if (!session) return { sent: 0, skipped: 'not-found' }
  if (session.status === 'CANCELLED') return { sent: 0, skipped: 'cancelled' }
  if (data.kind === 'now-live') {
    if (session.status !== 'LIVE' || !session.startedAt) return { sent: 0, skipped: 'not-live' }
    if (!nowLiveSendable(session.startedAt, now)) return { sent: 0, skipped: 'not-due' }
  } else {
    if (session.status !== 'SCHEDULED') return { sent: 0, skipped: 'not-scheduled' }
    // Planned for another start: the show was moved, and the job planned for the new start does the work.
    if (session.scheduledStartAt.toISOString() !== new Date(data.plannedStart).toISOString()) return { sent: 0, skipped: 'stale' }
    if (!reminderSendable(data.kind, session.scheduledStartAt, now)) return { sent: 0, skipped: 'not-due' }
  }
  const kind = data.kind
  const notificationKind = NOTIFICATION_KIND[kind]
  const { emailIds, sent } = await prisma.$transaction(async (tx) => {
    const recipients = await reminderRecipients(tx, session, kind)
    if (recipients.length === 0) return { emailIds: [], sent: 0 }
    const inserted = await tx.$queryRaw<Array<{ recipient: string }>>`
      INSERT INTO "ReminderDelivery" ("sessionId", "kind", "recipient")
      SELECT ${session.id}, ${kind}, r FROM unnest(${recipients.map((r) => r.key)}::text[]) AS r
      ON CONFLICT DO NOTHING RETURNING "recipient"`
    const fresh = new Set(inserted.map((row) => row.recipient))
    const toSend = recipients.filter((r) => fresh.has(r.key))
    const userIds = toSend.flatMap((r) => (r.userId ? [r.userId] : []))
    if (userIds.length > 0) {
      const fallbackTimeZone = session.fair?.timeZone ?? session.company.timeZone
      await notify(tx, {
        userIds,
        kind: notificationKind,
        data: { sessionId: session.id },
        localized: {
          title: (locale) => pickLocalized(session.title, session.titleI18n, locale),
          company: (locale) => pickLocalized(session.company.name, session.company.nameI18n, locale),
        },
        times: { when: { at: session.scheduledStartAt, fallbackTimeZone } },
        link: `/live/${session.id}`,
        // The mail is written below, with its unsubscribe links, the same way for accounts and guests.
        email: false,
      })
    }
    const ids: string[] = []
    for (const recipient of toSend) {
      if (recipient.mail) ids.push(await queueEmail(tx, reminderMail(kind, session, recipient, appUrl)))
    }
    return { emailIds: ids, sent: toSend.length }
  })
  await flushNotificationEmails(emailIds)
  return { sent }
}

function jobKey(sessionId: string, kind: ReminderKind) {
  return `${sessionId}:${kind}`
}

/**
 * The reminder jobs that should exist at `now`, from the database (boot-time reconcile: Redis may have
 * lost them, or a process stopped between a commit and its scheduleJob): start reminders still ahead for
 * scheduled shows that have recipients, a due-but-unsent one (no delivery recorded for it yet) while it
 * is not too late, and "now live" for shows live for less than its window that have sent none yet.
 */
export async function reminderJobsToReconcile(now: Date): Promise<Array<JobSpec<ReminderJobData>>> {
  const prisma = await getPrisma()
  const [scheduled, live] = await Promise.all([
    prisma.liveSession.findMany({
      where: {
        kind: 'SHOWCASE',
        status: 'SCHEDULED',
        scheduledStartAt: { gt: now },
        OR: [
          { rsvps: { some: { confirmedAt: { not: null } } } },
          { fairId: { not: null }, approvedAt: { not: null }, fair: { status: { in: ['OPEN', 'LIVE'] } } },
        ],
      },
      select: { id: true, scheduledStartAt: true },
    }),
    prisma.liveSession.findMany({
      where: { kind: 'SHOWCASE', status: 'LIVE', startedAt: { gt: new Date(now.getTime() - 30 * 60_000), lte: now } },
      select: { id: true, startedAt: true },
    }),
  ])
  const ids = [...scheduled, ...live].map((s) => s.id)
  const delivered = ids.length ? await prisma.reminderDelivery.groupBy({ by: ['sessionId', 'kind'], where: { sessionId: { in: ids } } }) : []
  const done = new Set(delivered.map((d) => `${d.sessionId}:${d.kind}`))
  const jobs: Array<JobSpec<ReminderJobData>> = []
  for (const session of scheduled) {
    for (const plan of plannedReminders(session.scheduledStartAt, now, { includeLate: true })) {
      // A late one only if it never ran to any recipient (else it would be a second, late copy).
      if (plan.runAt.getTime() <= now.getTime() && done.has(jobKey(session.id, plan.kind))) continue
      jobs.push({
        key: jobKey(session.id, plan.kind),
        runAt: plan.runAt,
        data: { sessionId: session.id, kind: plan.kind, plannedStart: session.scheduledStartAt.toISOString() },
      })
    }
  }
  for (const session of live) {
    if (!session.startedAt || done.has(jobKey(session.id, 'now-live'))) continue
    jobs.push({
      key: jobKey(session.id, 'now-live'),
      runAt: now,
      data: { sessionId: session.id, kind: 'now-live', plannedStart: session.startedAt.toISOString() },
    })
  }
  return jobs
}

export const reminderJob = defineJob({
  name: 'engagement.reminder',
  data: ReminderJobData,
  run: async (data, { now }) => {
    const outcome = await deliverReminder(data, now)
    log().info({ ...data, ...outcome }, 'showcase reminder job ran')
  },
  reconcile: reminderJobsToReconcile,
  attempts: 5,
})

/**
 * Schedules a show's start reminders that are still ahead (after the change that calls for them has
 * committed: an RSVP, a confirmation, a fair placing or moving the show). Same key, new start: the job
 * moves. A failure is logged, not thrown: the boot-time reconcile schedules what is missing.
 */
export async function scheduleShowReminders(sessionId: string, now: Date): Promise<void> {
  try {
    const prisma = await getPrisma()
    const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { id: true, status: true, kind: true, scheduledStartAt: true } })
    if (session?.kind !== 'SHOWCASE' || session.status !== 'SCHEDULED') return
    for (const plan of plannedReminders(session.scheduledStartAt, now)) {
      await scheduleJob<ReminderJobData>(reminderJob, {
        key: jobKey(session.id, plan.kind),
        runAt: plan.runAt,
        data: { sessionId: session.id, kind: plan.kind, plannedStart: session.scheduledStartAt.toISOString() },
      })
    }
  } catch (err) {
    log().error({ err, sessionId }, 'scheduling showcase reminders failed')
  }
}

/** "Now live" for a show that just went live (the go-live hook in app/domain/live/lifecycle.server.ts). */
export async function scheduleNowLive(sessionId: string, startedAt: Date): Promise<void> {
  try {
    await scheduleJob<ReminderJobData>(reminderJob, {
      key: jobKey(sessionId, 'now-live'),
      runAt: startedAt,
      data: { sessionId, kind: 'now-live', plannedStart: startedAt.toISOString() },
    })
  } catch (err) {
    log().error({ err, sessionId }, 'scheduling "now live" failed')
  }
}
