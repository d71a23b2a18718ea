// The hub's studio in the demo (docs/studio-booking.md): its operator (studio@tradecast.dev, the demo
// password), the studio with weekday hours in Seoul, sets, crew (camera, host, interpreters by language)
// and equipment, a closed day, and bookings of the demo exporter's showcases: one produced last week
// (utilisation shows a show, its viewers and RFQs), one approved with an interpreter and one request
// waiting in the operator's queue. Deterministic from the rows the plan inserted.
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { wallClockToInstant } from '../../app/lib/time.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'

export const STUDIO_OPERATOR_EMAIL = 'studio@tradecast.dev'
const ZONE = 'Asia/Seoul'
const DAY = 86_400_000

const WEEKDAY_HOURS = { open: '09:00', close: '18:00' }
const OPENING_HOURS = {
  '0': null,
  '1': WEEKDAY_HOURS,
  '2': WEEKDAY_HOURS,
  '3': WEEKDAY_HOURS,
  '4': WEEKDAY_HOURS,
  '5': WEEKDAY_HOURS,
  '6': { open: '10:00', close: '15:00' },
}

/** The Seoul calendar day `offset` days from now's, moved to the next weekday when it falls on a weekend. */
function seoulWeekday(now: Date, offset: number): string {
  const date = new Date(now.getTime() + 9 * 3_600_000 + offset * DAY)
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export async function seedStudio(tx: Prisma.TransactionClient, { now, passwordHash }: { now: Date; passwordHash: string }) {
  const operator = await tx.user.create({
    data: {
      email: STUDIO_OPERATOR_EMAIL,
      name: 'Min-ji Park',
      role: 'STUDIO_OPERATOR',
      locale: 'ko',
      timeZone: ZONE,
      password: { create: { hash: passwordHash } },
    },
    select: { id: true },
  })
  const studio = await tx.studio.create({
    data: { name: 'Gangwon Hub Studio', timeZone: ZONE, openingHours: OPENING_HOURS, freeCancelHours: 24 },
    select: { id: true },
  })
  const resource = (data: { kind: 'SET' | 'CREW' | 'EQUIPMENT'; name: string; crewRole?: 'CAMERA' | 'HOST' | 'INTERPRETER'; languages?: string[] }) =>
    tx.studioResource.create({ data: { studioId: studio.id, ...data }, select: { id: true } })
  const setA = await resource({ kind: 'SET', name: 'Set A — kitchen counter' })
  await resource({ kind: 'SET', name: 'Set B — living room' })
  const camera = await resource({ kind: 'CREW', name: 'Ji-hoon Choi', crewRole: 'CAMERA' })
  await resource({ kind: 'CREW', name: 'Eun-ji Kang', crewRole: 'CAMERA' })
  const host = await resource({ kind: 'CREW', name: 'Hye-won Yoon', crewRole: 'HOST', languages: ['ko', 'en'] })
  const interpreterZh = await resource({ kind: 'CREW', name: 'Li Na', crewRole: 'INTERPRETER', languages: ['zh', 'ko'] })
  await resource({ kind: 'CREW', name: 'Bat-Erdene Dorj', crewRole: 'INTERPRETER', languages: ['mn', 'ko'] })
  await resource({ kind: 'CREW', name: 'Olga Sim', crewRole: 'INTERPRETER', languages: ['ru', 'ko'] })
  await resource({ kind: 'CREW', name: 'Sarah Lim', crewRole: 'INTERPRETER', languages: ['en', 'ko'] })
  await resource({ kind: 'EQUIPMENT', name: 'Teleprompter' })
  const blackoutDay = seoulWeekday(now, 20)
  await tx.studioBlackout.create({ data: { studioId: studio.id, day: blackoutDay, reason: 'Studio maintenance' } })

  const exporter = await tx.user.findUniqueOrThrow({
    where: { email: DEMO_ACCOUNTS.exporter },
    select: { id: true, exporterMember: { select: { companyId: true } } },
  })
  const companyId = exporter.exporterMember?.companyId
  if (!companyId) return { bookings: 0 }
  const [ended, scheduled] = await Promise.all([
    tx.liveSession.findFirst({
      where: { companyId, kind: 'SHOWCASE', status: 'ENDED', startedAt: { not: null } },
      orderBy: { scheduledStartAt: 'desc' },
      select: { id: true, startedAt: true, endedAt: true },
    }),
    tx.liveSession.findMany({
      where: { companyId, kind: 'SHOWCASE', status: 'SCHEDULED', scheduledStartAt: { gt: now } },
      orderBy: { scheduledStartAt: 'asc' },
      take: 2,
      select: { id: true },
    }),
  ])
  let bookings = 0
  const hold = (bookingId: string, ids: string[], startsAt: Date, endsAt: Date) =>
    tx.studioBookingResource.createMany({ data: ids.map((resourceId) => ({ bookingId, resourceId, startsAt, endsAt })) })
  if (ended?.startedAt) {
    // The produced show: its slot around when it actually went live.
    const startsAt = new Date(ended.startedAt.getTime() - 10 * 60_000)
    const endsAt = new Date(Math.max(ended.endedAt?.getTime() ?? 0, ended.startedAt.getTime() + 60 * 60_000))
    const booking = await tx.studioBooking.create({
      data: {
        studioId: studio.id,
        companyId,
        sessionId: ended.id,
        requesterId: exporter.id,
        startsAt,
        endsAt,
        showing: 'Tasting of the new kimchi line',
        languages: ['ko', 'zh'],
        crewNeeded: ['CAMERA', 'INTERPRETER'],
        status: 'COMPLETED',
        decidedById: operator.id,
        decidedAt: new Date(startsAt.getTime() - 3 * DAY),
      },
      select: { id: true },
    })
    await hold(booking.id, [setA.id, camera.id, interpreterZh.id], startsAt, endsAt)
    bookings += 1
  }
  const [approvedSession, requestedSession] = scheduled
  if (approvedSession) {
    const day = seoulWeekday(now, 3)
    const startsAt = wallClockToInstant(`${day}T14:00`, ZONE)
    const endsAt = wallClockToInstant(`${day}T15:00`, ZONE)
    const booking = await tx.studioBooking.create({
      data: {
        studioId: studio.id,
        companyId,
        sessionId: approvedSession.id,
        requesterId: exporter.id,
        startsAt,
        endsAt,
        showing: 'Gift sets for the Lunar New Year season',
        languages: ['zh'],
        crewNeeded: ['CAMERA', 'HOST', 'INTERPRETER'],
        status: 'APPROVED',
        decidedById: operator.id,
        decidedAt: now,
      },
      select: { id: true },
    })
    await hold(booking.id, [setA.id, camera.id, host.id, interpreterZh.id], startsAt, endsAt)
    bookings += 1
  }
  if (requestedSession) {
    const day = seoulWeekday(now, 5)
    const startsAt = wallClockToInstant(`${day}T10:00`, ZONE)
    const endsAt = wallClockToInstant(`${day}T11:00`, ZONE)
    const booking = await tx.studioBooking.create({
      data: {
        studioId: studio.id,
        companyId,
        sessionId: requestedSession.id,
        requesterId: exporter.id,
        startsAt,
        endsAt,
        showing: 'Cooking demo with our sauces',
        languages: ['mn'],
        crewNeeded: ['CAMERA', 'INTERPRETER'],
        status: 'REQUESTED',
      },
      select: { id: true },
    })
    await hold(booking.id, [setA.id], startsAt, endsAt)
    bookings += 1
  }
  return { bookings }
}
