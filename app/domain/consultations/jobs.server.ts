import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { cancelJob, defineJob, scheduleJob } from '~/domain/jobs/jobs.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// The reminder before a confirmed consultation (in-app and by mail, to both participants), sent once:
// the row's reminderSentAt is claimed in the transaction that writes the notifications, so a retried or
// duplicated job sends nothing twice (ADR 023).

/** How long before the start the reminder goes out. */
export const REMINDER_BEFORE_MS = 60 * 60_000

const ReminderData = z.object({ consultationId: z.string().regex(RECORD_ID_PATTERN) })

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
  data: ReminderData,
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

export async function cancelConsultationReminder(consultationId: string): Promise<void> {
  await cancelJob(consultationReminderJob, consultationId)
}
