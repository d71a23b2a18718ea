import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { cancelJob, defineJob, scheduleJob } from '~/domain/jobs/jobs.server'
import { attendanceRunAt } from '~/domain/meetings/attendance'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { getEnv } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'

// A consultation's jobs (ADR 023), one key per consultation each:
//   consultations.reminder    at startsAt − 1 h: both participants reminded (in-app and by mail), once
//   consultations.attendance  at endsAt + the meetings' no-show grace: HELD when both sides joined the room,
//                             else NO_SHOW
// Each handler claims its effect with a guarded update in the transaction that writes the notifications,
// so a retried or duplicated job (a second process, a boot-time reconcile) does nothing twice.

/** How long before the start the reminder goes out. */
export const REMINDER_BEFORE_MS = 60 * 60_000

const ConsultationJobData = z.object({ consultationId: z.string().regex(RECORD_ID_PATTERN) })

export function reminderRunAt(startsAt: Date, now: Date): Date {
  return new Date(Math.max(startsAt.getTime() - REMINDER_BEFORE_MS, now.getTime()))
}

/** Sends the reminder unless it went out already or the consultation is no longer confirmed and ahead. */
export async function sendConsultationReminder(consultationId: string, now: Date): Promise<boolean> {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    const claimed = await tx.consultation.updateMany({
      where: { id: consultationId, status: 'CONFIRMED', reminderSentAt: null, startsAt: { gt: now } },
      data: { reminderSentAt: now },
    })
    if (claimed.count === 0) return null
    const consultation = await tx.consultation.findUniqueOrThrow({
      where: { id: consultationId },
      select: {
        id: true,
        startsAt: true,
        requesterId: true,
        company: { select: { name: true, timeZone: true } },
        officer: { select: { userId: true, officeName: true, timeZone: true } },
      },
    })
    const toOfficer = await notify(tx, {
      userIds: [consultation.officer.userId],
      kind: 'consultation.reminder',
      data: { with: consultation.company.name },
      times: { when: { at: consultation.startsAt, fallbackTimeZone: consultation.officer.timeZone } },
      link: `/consultations/${consultation.id}`,
    })
    const toRequester = await notify(tx, {
      userIds: [consultation.requesterId],
      kind: 'consultation.reminder',
      data: { with: consultation.officer.officeName },
      times: { when: { at: consultation.startsAt, fallbackTimeZone: consultation.company.timeZone } },
      link: `/consultations/${consultation.id}`,
    })
    return [...toOfficer, ...toRequester]
  })
  if (emails === null) return false
  await flushNotificationEmails(emails)
  return true
}

export const consultationReminderJob = defineJob({
  name: 'consultations.reminder',
  data: ConsultationJobData,
  run: async ({ consultationId }, { now }) => {
    await sendConsultationReminder(consultationId, now)
  },
  reconcile: async (now) => {
    const prisma = await getPrisma()
    const rows = await prisma.consultation.findMany({
      where: { status: 'CONFIRMED', reminderSentAt: null, startsAt: { gt: now } },
      select: { id: true, startsAt: true },
    })
    return rows.map((row) => ({ key: row.id, runAt: reminderRunAt(row.startsAt, now), data: { consultationId: row.id } }))
  },
})

/** After the confirming transaction committed. */
export async function scheduleConsultationReminder(consultation: { id: string; startsAt: Date }, now: Date): Promise<void> {
  await scheduleJob(consultationReminderJob, {
    key: consultation.id,
    runAt: reminderRunAt(consultation.startsAt, now),
    data: { consultationId: consultation.id },
  })
}

// ───────────────────────────── attendance ─────────────────────────────

/** Statuses the attendance job settles: booked (the officer never confirmed, so no room) or confirmed. */
const OPEN_AFTER_END = ['REQUESTED', 'CONFIRMED'] as const

/**
 * After endsAt + grace (the meetings' MEETING_NO_SHOW_GRACE_MINUTES), a consultation still booked or
 * confirmed: a confirmed one is HELD when both the officer and the requester joined its room
 * (officerJoinedAt, requesterJoinedAt), NO_SHOW when either or both never did. A booking the officer never
 * confirmed had no room, so nobody failed to come: it lapses as CANCELLED (by nobody: cancelledById stays
 * null), which keeps it out of the no-show count. Its room's live session ends; both sides are told in-app.
 * An outcome the officer recorded before wins (the status is no longer open); the officer can still correct
 * this one. False: nothing to do.
 */
export async function markConsultationAttendance(consultationId: string, now: Date, graceMinutes = getEnv().MEETING_NO_SHOW_GRACE_MINUTES): Promise<boolean> {
  const prisma = await getPrisma()
  const marked = await prisma.$transaction(async (tx) => {
    // The row lock orders this after a join being recorded (recordConsultationRoomJoin) or an outcome the
    // officer is writing (loadForChange locks the same row).
    await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId} FOR UPDATE`
    const consultation = await tx.consultation.findUnique({
      where: { id: consultationId },
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        liveSessionId: true,
        officerJoinedAt: true,
        requesterJoinedAt: true,
        requesterId: true,
        company: { select: { name: true, timeZone: true } },
        officer: { select: { userId: true, officeName: true, timeZone: true } },
      },
    })
    if (!consultation || !(OPEN_AFTER_END as readonly string[]).includes(consultation.status)) return null
    if (attendanceRunAt(consultation.endsAt, graceMinutes).getTime() > now.getTime()) return null
    const status = consultation.status === 'REQUESTED' ? 'CANCELLED' : consultation.officerJoinedAt && consultation.requesterJoinedAt ? 'HELD' : 'NO_SHOW'
    const updated = await tx.consultation.updateMany({
      where: { id: consultation.id, status: consultation.status },
      data: { status, ...(status === 'CANCELLED' ? { cancelledAt: now } : {}) },
    })
    if (updated.count !== 1) return null
    if (consultation.liveSessionId) {
      await tx.liveSession.updateMany({
        where: { id: consultation.liveSessionId, status: { in: ['SCHEDULED', 'LIVE'] } },
        data: { status: 'ENDED', endedAt: now },
      })
    }
    const sides = [
      { userId: consultation.officer.userId, with: consultation.company.name, timeZone: consultation.officer.timeZone },
      { userId: consultation.requesterId, with: consultation.officer.officeName, timeZone: consultation.company.timeZone },
    ]
    for (const side of sides) {
      await notify(tx, {
        userIds: [side.userId],
        kind: 'consultation.updated',
        data: { with: side.with, status },
        times: { when: { at: consultation.startsAt, fallbackTimeZone: side.timeZone } },
        link: `/consultations/${consultation.id}`,
        email: false,
      })
    }
    return status
  })
  return marked !== null
}

export const consultationAttendanceJob = defineJob({
  name: 'consultations.attendance',
  data: ConsultationJobData,
  run: async ({ consultationId }, { now }) => {
    await markConsultationAttendance(consultationId, now)
  },
  reconcile: async () => {
    const prisma = await getPrisma()
    const grace = getEnv().MEETING_NO_SHOW_GRACE_MINUTES
    const rows = await prisma.consultation.findMany({ where: { status: { in: [...OPEN_AFTER_END] } }, select: { id: true, endsAt: true } })
    return rows.map((row) => ({ key: row.id, runAt: attendanceRunAt(row.endsAt, grace), data: { consultationId: row.id } }))
  },
})

/**
 * After the booking committed. A failure here must not turn the booking into an error page, and the
 * boot-time reconcile schedules whatever is missing, so it is logged and left.
 */
export async function scheduleConsultationAttendance(consultation: { id: string; endsAt: Date }): Promise<void> {
  try {
    await scheduleJob(consultationAttendanceJob, {
      key: consultation.id,
      runAt: attendanceRunAt(consultation.endsAt, getEnv().MEETING_NO_SHOW_GRACE_MINUTES),
      data: { consultationId: consultation.id },
    })
  } catch (err) {
    getLogger().error({ err, consultationId: consultation.id }, 'consultations: could not schedule the attendance job')
  }
}

/** Cancelled: neither job has anything left to do. */
export async function cancelConsultationJobs(consultationId: string): Promise<void> {
  await cancelJob(consultationReminderJob, consultationId)
  await cancelJob(consultationAttendanceJob, consultationId)
}
