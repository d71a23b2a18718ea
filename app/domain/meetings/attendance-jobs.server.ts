// The attendance jobs of a meeting (docs/meeting-attendance.md), one key per meeting each:
//   meetings.expire      at respondBy: an open proposal nobody answered becomes EXPIRED, both sides told
//   meetings.confirm     at startsAt − 24 h: both sides asked to confirm (in-app + mail with signed links)
//   meetings.attendance  at endsAt + grace: HELD when both sides joined the room, else NO_SHOW with who missed
// Every handler is a guarded update in one transaction with its notifications: a second run (retry, a
// second process, a boot-time reconcile) finds the row already changed and does nothing.
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { companyRecipients } from '~/domain/agencies/recipients.server'
import { getPrisma } from '~/domain/db.server'
import { cancelJob, defineJob, scheduleJob } from '~/domain/jobs/jobs.server'
import { freeMeetingTable } from '~/domain/on-site/tables.server'
import { queueEmail } from '~/domain/notifications/email.server'
import { flushNotificationEmails, notify, notificationDataFor } from '~/domain/notifications/notify.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { getEnv } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'
import { appOrigin } from '~/utils/request.server'
import { attendanceRunAt, attendanceVerdict, confirmationRunAt, isCatchUpExpiry, OPEN_PROPOSAL } from './attendance'
import { attendanceToken } from './attendance-token.server'
import type { MeetingSide } from './sides'

type Tx = Prisma.TransactionClient

const MeetingJobData = z.object({ meetingId: z.string().regex(RECORD_ID_PATTERN) })
type MeetingJobData = z.infer<typeof MeetingJobData>

const sidesSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  respondBy: true,
  liveSessionId: true,
  companyId: true,
  buyer: { select: { userId: true, companyName: true, timeZone: true } },
  company: { select: { name: true, timeZone: true, members: { select: { userId: true } } } },
} satisfies Prisma.MeetingSelect

type MeetingSides = Prisma.MeetingGetPayload<{ select: typeof sidesSelect }>

/**
 * Each side's recipients, the zone their times fall back to, and the other side's name. `withAgencies`: the
 * exporter side includes the members of agencies the company granted MEETINGS (docs/export-agencies.md); not
 * for the confirmation mail, whose signed links answer for the side without any grant being read again.
 */
async function recipients(
  tx: Tx,
  meeting: MeetingSides,
  { withAgencies }: { withAgencies: boolean },
): Promise<Array<{ side: MeetingSide; userIds: string[]; timeZone: string; other: string }>> {
  const exporterIds = withAgencies ? await companyRecipients(tx, meeting.companyId, 'MEETINGS') : meeting.company.members.map((m) => m.userId)
  return [
    { side: 'buyer', userIds: [meeting.buyer.userId], timeZone: meeting.buyer.timeZone, other: meeting.company.name },
    { side: 'exporter', userIds: exporterIds, timeZone: meeting.company.timeZone, other: meeting.buyer.companyName },
  ]
}

async function inTransaction(run: (tx: Tx) => Promise<string[]>): Promise<void> {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(run)
  await flushNotificationEmails(emails)
}

// ───────────────────────────── handlers (exported for tests) ─────────────────────────────

/**
 * An open proposal past its respondBy becomes EXPIRED; both sides are told, unless the job runs more than
 * an hour late (isCatchUpExpiry): then it expires silently. False: nothing to do.
 */
export async function expireMeetingRequest(meetingId: string, now: Date): Promise<boolean> {
  let expired = false
  await inTransaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: sidesSelect })
    if (!meeting || !(OPEN_PROPOSAL as readonly string[]).includes(meeting.status)) return []
    // A new time proposed since moved respondBy: its own job expires it later.
    if (!meeting.respondBy || meeting.respondBy.getTime() > now.getTime()) return []
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: meeting.status, respondBy: meeting.respondBy },
      data: { status: 'EXPIRED' },
    })
    if (updated.count !== 1) return []
    await freeMeetingTable(tx, meeting.id)
    expired = true
    // A catch-up (downtime, or the migration's backfilled respondBy long past at first boot): the request is
    // old news to both sides, and mailing every such one at once would flood them; the status shows it.
    if (isCatchUpExpiry(meeting.respondBy, now)) return []
    const emails: string[] = []
    for (const side of await recipients(tx, meeting, { withAgencies: true })) {
      emails.push(
        ...(await notify(tx, {
          userIds: side.userIds,
          kind: 'meeting.expired',
          data: { with: side.other },
          times: { when: { at: meeting.startsAt, fallbackTimeZone: side.timeZone } },
          link: `/meetings/${meeting.id}`,
        })),
      )
    }
    return emails
  })
  return expired
}

/**
 * Asks both sides of an accepted meeting to confirm, once (confirmationSentAt is the exactly-once mark):
 * in-app, and by mail with one link per answer carrying the side's signed token. False: nothing to do.
 */
export async function sendConfirmationRequests(meetingId: string, now: Date): Promise<boolean> {
  let sent = false
  await inTransaction(async (tx) => {
    const updated = await tx.meeting.updateMany({
      where: { id: meetingId, status: 'ACCEPTED', confirmationSentAt: null, startsAt: { gt: now } },
      data: { confirmationSentAt: now },
    })
    if (updated.count !== 1) return []
    sent = true
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: sidesSelect })
    const appUrl = appOrigin()
    const emails: string[] = []
    // In-app (a link to the page, where an agency member answers under its grant) to every recipient; the mail
    // with the side's signed links only to the parties themselves.
    const mailed = await recipients(tx, meeting, { withAgencies: false })
    for (const side of await recipients(tx, meeting, { withAgencies: true })) {
      const input = {
        userIds: side.userIds,
        kind: 'meeting.confirm' as const,
        data: { with: side.other },
        times: { when: { at: meeting.startsAt, fallbackTimeZone: side.timeZone } },
        link: `/meetings/${meeting.id}`,
        email: false,
      }
      await notify(tx, input)
      const token = attendanceToken(meeting.id, side.side, meeting.startsAt)
      const mailTo = mailed.find((party) => party.side === side.side)?.userIds ?? []
      const users = await tx.user.findMany({ where: { id: { in: mailTo } }, select: { email: true, locale: true, timeZone: true } })
      for (const user of users) {
        const { t } = createI18n(isSupportedLocale(user.locale) ? user.locale : 'en')
        const data = notificationDataFor(user, input)
        const text = t('attendance.email.confirmBody', {
          ...data,
          confirmUrl: `${appUrl}/meetings/attend/${token}?answer=confirm`,
          declineUrl: `${appUrl}/meetings/attend/${token}?answer=decline`,
          meetingUrl: `${appUrl}/meetings/${meeting.id}`,
        })
        emails.push(await queueEmail(tx, { to: user.email, subject: t('notifications.meeting.confirm.title', data), text }))
      }
    }
    return emails
  })
  return sent
}

/**
 * After endsAt + grace, an accepted meeting nobody closed yet: HELD when a seat of each side joined the
 * room, NO_SHOW with the absent side(s) otherwise. Outcomes recorded by people before (HELD/NO_SHOW) win.
 */
export async function markMeetingAttendance(meetingId: string, now: Date, graceMinutes = getEnv().MEETING_NO_SHOW_GRACE_MINUTES): Promise<boolean> {
  let marked = false
  await inTransaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: { ...sidesSelect, attendanceMarkedAt: true, participants: { select: { role: true, joinedAt: true } } },
    })
    if (meeting?.status !== 'ACCEPTED' || meeting.attendanceMarkedAt) return []
    if (attendanceRunAt(meeting.endsAt, graceMinutes).getTime() > now.getTime()) return []
    const verdict = attendanceVerdict(meeting.participants)
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: 'ACCEPTED', attendanceMarkedAt: null },
      data: { status: verdict.status, buyerAbsent: verdict.buyerAbsent, exporterAbsent: verdict.exporterAbsent, attendanceMarkedAt: now },
    })
    if (updated.count !== 1) return []
    marked = true
    if (meeting.liveSessionId) {
      await tx.liveSession.updateMany({ where: { id: meeting.liveSessionId, status: { in: ['SCHEDULED', 'LIVE'] } }, data: { status: 'ENDED', endedAt: now } })
    }
    for (const side of await recipients(tx, meeting, { withAgencies: true })) {
      await notify(tx, {
        userIds: side.userIds,
        kind: 'meeting.updated',
        data: { with: side.other, status: verdict.status },
        link: `/meetings/${meeting.id}`,
        email: false,
      })
    }
    return []
  })
  return marked
}

// ───────────────────────────── jobs ─────────────────────────────

export const expireMeetingJob = defineJob({
  name: 'meetings.expire',
  data: MeetingJobData,
  run: async ({ meetingId }, { now }) => {
    await expireMeetingRequest(meetingId, now)
  },
  reconcile: async () => {
    const prisma = await getPrisma()
    const rows = await prisma.meeting.findMany({
      where: { status: { in: [...OPEN_PROPOSAL] }, respondBy: { not: null } },
      select: { id: true, respondBy: true },
    })
    return rows.flatMap((row) => (row.respondBy ? [{ key: row.id, runAt: row.respondBy, data: { meetingId: row.id } }] : []))
  },
})

export const confirmMeetingJob = defineJob({
  name: 'meetings.confirm',
  data: MeetingJobData,
  run: async ({ meetingId }, { now }) => {
    await sendConfirmationRequests(meetingId, now)
  },
  reconcile: async (now) => {
    const prisma = await getPrisma()
    const rows = await prisma.meeting.findMany({
      where: { status: 'ACCEPTED', confirmationSentAt: null, startsAt: { gt: now } },
      select: { id: true, startsAt: true },
    })
    return rows.map((row) => ({ key: row.id, runAt: confirmationRunAt(row.startsAt, now), data: { meetingId: row.id } }))
  },
})

export const meetingAttendanceJob = defineJob({
  name: 'meetings.attendance',
  data: MeetingJobData,
  run: async ({ meetingId }, { now }) => {
    await markMeetingAttendance(meetingId, now)
  },
  reconcile: async () => {
    const prisma = await getPrisma()
    const grace = getEnv().MEETING_NO_SHOW_GRACE_MINUTES
    const rows = await prisma.meeting.findMany({ where: { status: 'ACCEPTED', attendanceMarkedAt: null }, select: { id: true, endsAt: true } })
    return rows.map((row) => ({ key: row.id, runAt: attendanceRunAt(row.endsAt, grace), data: { meetingId: row.id } }))
  },
})

// ───────────────────────────── scheduling (after commit) ─────────────────────────────

/**
 * Scheduling follows a committed change; a failure here must not turn that change into an error page,
 * and the boot-time reconcile schedules whatever is missing, so it is logged and left.
 */
async function quietly(what: string, meetingId: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (err) {
    getLogger().error({ err, meetingId }, `meeting attendance: could not ${what}`)
  }
}

/** A request or new time is open until respondBy. */
export function scheduleExpiry(meeting: { id: string; respondBy: Date }): Promise<void> {
  return quietly('schedule expiry', meeting.id, () =>
    scheduleJob(expireMeetingJob, { key: meeting.id, runAt: meeting.respondBy, data: { meetingId: meeting.id } }),
  )
}

/** Accepted: no expiry any more; a confirmation request before, and the room's attendance after. */
export function scheduleAcceptedMeeting(meeting: { id: string; startsAt: Date; endsAt: Date }, now: Date): Promise<void> {
  return quietly('schedule confirmation and attendance', meeting.id, async () => {
    const data = { meetingId: meeting.id }
    await cancelJob(expireMeetingJob, meeting.id)
    await scheduleJob(confirmMeetingJob, { key: meeting.id, runAt: confirmationRunAt(meeting.startsAt, now), data })
    await scheduleJob(meetingAttendanceJob, { key: meeting.id, runAt: attendanceRunAt(meeting.endsAt, getEnv().MEETING_NO_SHOW_GRACE_MINUTES), data })
  })
}

/** Declined, cancelled, withdrawn: none of its jobs has anything left to do. */
export function cancelMeetingJobs(meetingId: string): Promise<void> {
  return quietly('cancel jobs', meetingId, async () => {
    await cancelJob(expireMeetingJob, meetingId)
    await cancelJob(confirmMeetingJob, meetingId)
    await cancelJob(meetingAttendanceJob, meetingId)
  })
}
