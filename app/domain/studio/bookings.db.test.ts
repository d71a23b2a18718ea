import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { resolveIngest } from '~/domain/live/ingest.server'
import {
  approveBooking,
  cancelBookingByExporter,
  cancelBookingByOperator,
  declineBooking,
  markStudioAttendance,
  requestBooking,
  studioProductionOf,
  studioUtilisation,
} from './bookings.server'
import type { BookingRequestInput } from './schemas'
import { deleteResource, rotateStudioIngestKey } from './studio.server'

// Studio bookings on a pinned clock (ADR 024). Runs on PGlite (unit project) and PostgreSQL (db project),
// where the concurrent requests and approvals below really overlap: exactly one may win a resource.

// Friday 1 March 2030 (UTC); the slots are on Monday 4 March 2030, studio time Asia/Seoul (UTC+9).
const NOW = new Date('2030-03-01T00:00:00Z')
const DAY = '2030-03-04'
const WEEKDAY = { open: '09:00', close: '18:00' }

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function makeStudio() {
  const prisma = await getPrisma()
  const tag = randomUUID().slice(0, 6)
  const studio = await prisma.studio.create({
    data: {
      name: `Studio ${tag}`,
      timeZone: 'Asia/Seoul',
      freeCancelHours: 24,
      openingHours: { '1': WEEKDAY, '2': WEEKDAY, '3': WEEKDAY, '4': WEEKDAY, '5': WEEKDAY },
    },
  })
  const make = (data: { kind: 'SET' | 'CREW' | 'EQUIPMENT'; name: string; crewRole?: 'CAMERA' | 'HOST' | 'INTERPRETER'; languages?: string[] }) =>
    prisma.studioResource.create({ data: { studioId: studio.id, ...data } })
  const [setA, setB, setC, setD, camera, interpreterZh, interpreterRu] = await Promise.all([
    make({ kind: 'SET', name: 'Set A' }),
    make({ kind: 'SET', name: 'Set B' }),
    make({ kind: 'SET', name: 'Set C' }),
    make({ kind: 'SET', name: 'Set D' }),
    make({ kind: 'CREW', name: 'Camera', crewRole: 'CAMERA' }),
    make({ kind: 'CREW', name: 'Interpreter zh', crewRole: 'INTERPRETER', languages: ['zh', 'ko'] }),
    make({ kind: 'CREW', name: 'Interpreter ru', crewRole: 'INTERPRETER', languages: ['ru'] }),
  ])
  const { user: operator } = await createUser('STUDIO_OPERATOR')
  return { studio, sets: [setA, setB, setC, setD], setA, camera, interpreterZh, interpreterRu, operator }
}

async function makeShowcase(exporter?: Awaited<ReturnType<typeof createExporter>>) {
  const prisma = await getPrisma()
  const owner = exporter ?? (await createExporter())
  const session = await prisma.liveSession.create({
    data: {
      title: `Showcase ${randomUUID().slice(0, 6)}`,
      hostId: owner.user.id,
      companyId: owner.company.id,
      scheduledStartAt: new Date('2030-03-04T01:00:00Z'),
      scheduledEndAt: new Date('2030-03-04T02:00:00Z'),
    },
  })
  return { exporter: owner, session }
}

function request(studioId: string, sessionId: string, setId: string, overrides: Partial<BookingRequestInput> = {}): BookingRequestInput {
  return {
    intent: 'request',
    studioId,
    sessionId,
    setId,
    day: DAY,
    start: '10:00',
    end: '11:00',
    crewNeeded: ['CAMERA', 'INTERPRETER'],
    languages: ['zh'],
    showing: 'Kimchi tasting',
    ...overrides,
  }
}

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (isDomainError(result.reason) ? result.reason.code : String(result.reason)) : 'ok'

describe('no double booking under concurrency', () => {
  it('N exporters request the same set for overlapping slots at once: exactly one holds it, the others are refused', async () => {
    const prisma = await getPrisma()
    const { studio, setA } = await makeStudio()
    const showcases = await Promise.all(Array.from({ length: 8 }, () => makeShowcase()))
    const results = await Promise.allSettled(
      showcases.map(({ exporter, session }, i) =>
        requestBooking(exporter.user.id, request(studio.id, session.id, setA.id, { start: i % 2 ? '10:30' : '10:00', end: '11:30' }), NOW),
      ),
    )
    expect(results.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1)
    expect(results.map(codeOf).filter((code) => code !== 'ok')).toEqual(Array.from({ length: 7 }, () => 'resource-taken'))
    expect(await prisma.studioBookingResource.count({ where: { resourceId: setA.id } })).toBe(1)
  })

  it('approvals that assign the same interpreter to overlapping bookings at once: exactly one is approved', async () => {
    const prisma = await getPrisma()
    const { studio, sets, interpreterZh, camera, operator } = await makeStudio()
    const showcases = await Promise.all(sets.map(() => makeShowcase()))
    // Four requests on four different sets (no clash yet), all asking for a Chinese interpreter, no camera.
    const requested = await Promise.all(
      showcases.map(({ exporter, session }, i) =>
        requestBooking(exporter.user.id, request(studio.id, session.id, sets[i]!.id, { crewNeeded: ['INTERPRETER'] }), NOW),
      ),
    )
    const results = await Promise.allSettled(requested.map(({ bookingId }) => approveBooking(operator.id, bookingId, [interpreterZh.id], NOW)))
    expect(results.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1)
    expect(results.map(codeOf).filter((code) => code !== 'ok')).toEqual(['resource-taken', 'resource-taken', 'resource-taken'])
    expect(await prisma.studioBooking.count({ where: { studioId: studio.id, status: 'APPROVED' } })).toBe(1)
    // The camera was never involved: still free for any of them.
    expect(await prisma.studioBookingResource.count({ where: { resourceId: camera.id } })).toBe(0)
  })
})

describe('one open booking per showcase under concurrency', () => {
  it('requests for the same showcase on different sets and times at once: exactly one is made, the others are told', async () => {
    const prisma = await getPrisma()
    const { studio, sets } = await makeStudio()
    const { exporter, session } = await makeShowcase()
    const slots = [
      ['10:00', '11:00'],
      ['11:00', '12:00'],
      ['13:00', '14:00'],
      ['14:00', '15:00'],
      ['15:00', '16:00'],
      ['16:00', '17:00'],
    ] as const
    const results = await Promise.allSettled(
      slots.map(([start, end], i) => requestBooking(exporter.user.id, request(studio.id, session.id, sets[i % sets.length]!.id, { start, end }), NOW)),
    )
    expect(results.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1)
    expect(results.map(codeOf).filter((code) => code !== 'ok')).toEqual(Array.from({ length: 5 }, () => 'showcase-already-booked'))
    expect(await prisma.studioBooking.count({ where: { sessionId: session.id } })).toBe(1)
    expect(await prisma.studioBookingResource.count({ where: { booking: { sessionId: session.id } } })).toBe(1)
  })
})

describe('deleting a resource', () => {
  it('is refused while any booking, past, cancelled or to come, holds it; an unused one is deleted', async () => {
    const prisma = await getPrisma()
    const { studio, sets, camera, operator } = await makeStudio()
    const past = await makeShowcase()
    const cancelled = await makeShowcase()
    const done = await requestBooking(past.exporter.user.id, request(studio.id, past.session.id, sets[0]!.id, { crewNeeded: ['CAMERA'] }), NOW)
    await approveBooking(operator.id, done.bookingId, [camera.id], NOW)
    const gone = await requestBooking(cancelled.exporter.user.id, request(studio.id, cancelled.session.id, sets[1]!.id), NOW)
    await cancelBookingByExporter(cancelled.exporter.user.id, gone.bookingId, undefined, NOW)
    // The approved slot is over and was produced: its holds are the record of what it used.
    await prisma.studioBooking.update({ where: { id: done.bookingId }, data: { status: 'COMPLETED' } })
    for (const resource of [sets[0]!, sets[1]!, camera])
      await expect(deleteResource(operator.id, studio.id, resource.id)).rejects.toMatchObject({ code: 'resource-in-use', status: 409 })
    expect(await prisma.studioBookingResource.count({ where: { bookingId: { in: [done.bookingId, gone.bookingId] } } })).toBe(3)
    await expect(deleteResource(operator.id, studio.id, sets[3]!.id)).resolves.toBeUndefined()
    expect(await prisma.studioResource.count({ where: { id: sets[3]!.id } })).toBe(0)
    // Another studio's resource, an unknown id and a non-operator are refused.
    const other = await makeStudio()
    await expect(deleteResource(operator.id, studio.id, other.setA.id)).rejects.toMatchObject({ code: 'not-found' })
    await expect(deleteResource(operator.id, studio.id, "' OR 1=1 --")).rejects.toMatchObject({ code: 'not-found' })
    await expect(deleteResource(past.exporter.user.id, studio.id, sets[2]!.id)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('is refused by the database too (Restrict): no delete, whatever path it takes, erases a booking’s holds', async () => {
    const prisma = await getPrisma()
    const { studio, sets, operator } = await makeStudio()
    const { exporter, session } = await makeShowcase()
    const held = await requestBooking(exporter.user.id, request(studio.id, session.id, sets[0]!.id, { crewNeeded: [] }), NOW)
    await approveBooking(operator.id, held.bookingId, [], NOW)
    await prisma.studioBooking.update({ where: { id: held.bookingId }, data: { status: 'COMPLETED' } })
    await expect(prisma.studioResource.delete({ where: { id: sets[0]!.id } })).rejects.toThrow()
    await expect(prisma.studioResource.deleteMany({ where: { studioId: studio.id, id: sets[0]!.id } })).rejects.toThrow()
    expect(await prisma.studioResource.count({ where: { id: sets[0]!.id } })).toBe(1)
    expect(await prisma.studioBookingResource.findMany({ where: { bookingId: held.bookingId }, select: { resourceId: true } })).toEqual([
      { resourceId: sets[0]!.id },
    ])
    // The operator's path says why and offers deactivation instead; deactivating keeps the history.
    await expect(deleteResource(operator.id, studio.id, sets[0]!.id)).rejects.toMatchObject({
      code: 'resource-in-use',
      status: 409,
      messageKey: 'studioBooking.errors.resourceInUse',
    })
    await prisma.studioResource.update({ where: { id: sets[0]!.id }, data: { active: false } })
    expect(await prisma.studioBookingResource.count({ where: { bookingId: held.bookingId } })).toBe(1)
  })

  it('a delete racing a request for the same set: either the request holds it and the delete is refused, or the set is gone and the request is refused', async () => {
    const prisma = await getPrisma()
    const { studio, sets, operator } = await makeStudio()
    const showcases = await Promise.all(sets.map(() => makeShowcase()))
    const outcomes = await Promise.all(
      sets.map(async (set, i) => {
        const { exporter, session } = showcases[i]!
        const [asked, deleted] = await Promise.allSettled([
          requestBooking(exporter.user.id, request(studio.id, session.id, set.id), NOW),
          deleteResource(operator.id, studio.id, set.id),
        ])
        return { asked: codeOf(asked), deleted: codeOf(deleted), setId: set.id, sessionId: session.id }
      }),
    )
    for (const outcome of outcomes) {
      const setLeft = await prisma.studioResource.count({ where: { id: outcome.setId } })
      const bookings = await prisma.studioBooking.findMany({ where: { sessionId: outcome.sessionId }, select: { resources: { select: { resourceId: true } } } })
      if (outcome.asked === 'ok') {
        expect(outcome.deleted).toBe('resource-in-use')
        expect(setLeft).toBe(1)
        expect(bookings.map((booking) => booking.resources.map((row) => row.resourceId))).toEqual([[outcome.setId]])
      } else {
        expect(['resource-gone', 'set-unknown']).toContain(outcome.asked)
        expect(outcome.deleted).toBe('ok')
        expect(setLeft).toBe(0)
        expect(bookings).toEqual([])
      }
    }
  })
})

describe('slot rules', () => {
  it('refuses slots outside the opening hours, on a blackout day, in the past, and lets back-to-back slots share the set', async () => {
    const prisma = await getPrisma()
    const { studio, setA } = await makeStudio()
    const ask = async (overrides: Partial<BookingRequestInput>, now = NOW) => {
      const { exporter, session } = await makeShowcase()
      return requestBooking(exporter.user.id, request(studio.id, session.id, setA.id, overrides), now).then(
        () => 'ok',
        (error: unknown) => (isDomainError(error) ? error.code : String(error)),
      )
    }
    expect(await ask({ start: '08:30', end: '09:30' })).toBe('slot-outside-hours')
    expect(await ask({ start: '17:30', end: '18:30' })).toBe('slot-outside-hours')
    // Sunday 3 March.
    expect(await ask({ day: '2030-03-03' })).toBe('slot-outside-hours')
    expect(await ask({}, new Date('2030-03-04T01:30:00Z'))).toBe('slot-past')
    await prisma.studioBlackout.create({ data: { studioId: studio.id, day: '2030-03-05', reason: 'Maintenance' } })
    expect(await ask({ day: '2030-03-05' })).toBe('slot-blackout')
    expect(await ask({ start: '10:00', end: '11:00' })).toBe('ok')
    expect(await ask({ start: '11:00', end: '12:00' })).toBe('ok')
    expect(await ask({ start: '09:00', end: '10:00' })).toBe('ok')
    expect(await ask({ start: '10:59', end: '11:30' })).toBe('resource-taken')
  })

  it('a declined or cancelled request frees its set; one open booking per showcase', async () => {
    const { studio, setA, operator } = await makeStudio()
    const first = await makeShowcase()
    const { bookingId } = await requestBooking(first.exporter.user.id, request(studio.id, first.session.id, setA.id), NOW)
    await expect(
      requestBooking(first.exporter.user.id, request(studio.id, first.session.id, setA.id, { start: '14:00', end: '15:00' }), NOW),
    ).rejects.toMatchObject({
      code: 'showcase-already-booked',
    })
    await declineBooking(operator.id, bookingId, 'Set under repair', NOW)
    const second = await makeShowcase()
    const again = await requestBooking(second.exporter.user.id, request(studio.id, second.session.id, setA.id), NOW)
    await cancelBookingByExporter(second.exporter.user.id, again.bookingId, undefined, NOW)
    const third = await makeShowcase()
    await expect(requestBooking(third.exporter.user.id, request(studio.id, third.session.id, setA.id), NOW)).resolves.toMatchObject({
      bookingId: expect.any(String),
    })
  })
})

describe('approval, crew and cancellation', () => {
  it('offers only interpreters of the requested language and every crew role asked for', async () => {
    const prisma = await getPrisma()
    const { studio, setA, camera, interpreterZh, interpreterRu, operator } = await makeStudio()
    const { exporter, session } = await makeShowcase()
    const { bookingId } = await requestBooking(exporter.user.id, request(studio.id, session.id, setA.id), NOW)
    await expect(approveBooking(operator.id, bookingId, [camera.id, interpreterRu.id], NOW)).rejects.toMatchObject({ code: 'interpreter-language' })
    await expect(approveBooking(operator.id, bookingId, [interpreterZh.id], NOW)).rejects.toMatchObject({ code: 'crew-missing' })
    await expect(approveBooking(operator.id, bookingId, [setA.id, camera.id, interpreterZh.id], NOW)).rejects.toMatchObject({ code: 'crew-unknown' })
    await expect(approveBooking(exporter.user.id, bookingId, [camera.id, interpreterZh.id], NOW)).rejects.toMatchObject({ code: 'forbidden' })
    await approveBooking(operator.id, bookingId, [camera.id, interpreterZh.id], NOW)
    const held = await prisma.studioBookingResource.findMany({ where: { bookingId }, select: { resourceId: true } })
    expect(held.map((row) => row.resourceId).sort()).toEqual([setA.id, camera.id, interpreterZh.id].sort())
    // The showcase says where it is produced and by which interpreter's language.
    expect(await studioProductionOf(session.id)).toMatchObject({ studioName: studio.name, interpreterLanguages: ['zh'], status: 'APPROVED' })
    // The exporter was told, in-app and by mail.
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'studio.approved' } })).toBe(1)
  })

  it('tells the company’s members and the agencies granted SHOWCASES of an approval, a decline and an operator’s cancellation, never an agency revoked since', async () => {
    const prisma = await getPrisma()
    const { studio, setA, camera, interpreterZh, operator } = await makeStudio()
    const { exporter, session } = await makeShowcase()
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: exporter.company.id, role: 'MEMBER' } })
    const agencyMember = async () => {
      const agency = await prisma.exportAgency.create({ data: { slug: `agency-${randomUUID().slice(0, 8)}`, name: 'Agency', region: 'Gangwon' } })
      const { user } = await createUser('AGENCY')
      await prisma.agencyMember.create({ data: { userId: user.id, agencyId: agency.id } })
      const grant = await prisma.agencyGrant.create({
        data: { companyId: exporter.company.id, agencyId: agency.id, scopes: ['SHOWCASES'], grantedById: exporter.user.id },
      })
      return { user, grant }
    }
    const [former, current] = [await agencyMember(), await agencyMember()]
    const who = { owner: exporter.user.id, colleague: colleague.user.id, former: former.user.id, current: current.user.id }
    const told = async (kind: string) => {
      const rows = await prisma.notification.findMany({ where: { kind, userId: { in: Object.values(who) } }, select: { userId: true } })
      return Object.entries(who)
        .filter(([, id]) => rows.some((row) => row.userId === id))
        .map(([name]) => name)
    }
    // The former agency asked for the booking, then lost its grant.
    const { bookingId } = await requestBooking(former.user.id, request(studio.id, session.id, setA.id), NOW)
    await prisma.agencyGrant.update({ where: { id: former.grant.id }, data: { revokedAt: NOW, revokedById: exporter.user.id } })
    await approveBooking(operator.id, bookingId, [camera.id, interpreterZh.id], NOW)
    expect(await told('studio.approved')).toEqual(['owner', 'colleague', 'current'])
    await cancelBookingByOperator(operator.id, bookingId, 'Blackout', NOW)
    expect(await told('studio.cancelled')).toEqual(['owner', 'colleague', 'current'])
    const again = await requestBooking(exporter.user.id, request(studio.id, session.id, setA.id), NOW)
    await declineBooking(operator.id, again.bookingId, 'Fully booked', NOW)
    expect(await told('studio.declined')).toEqual(['owner', 'colleague', 'current'])
  })

  it('refuses a request for a showcase of another company and a set of another studio', async () => {
    const { studio, setA } = await makeStudio()
    const other = await makeStudio()
    const { session } = await makeShowcase()
    const stranger = await createExporter()
    await expect(requestBooking(stranger.user.id, request(studio.id, session.id, setA.id), NOW)).rejects.toMatchObject({ code: 'forbidden' })
    const own = await makeShowcase()
    await expect(requestBooking(own.exporter.user.id, request(studio.id, own.session.id, other.setA.id), NOW)).rejects.toMatchObject({ code: 'set-unknown' })
  })

  it('counts a cancellation inside the free period as late, and not an earlier one', async () => {
    const prisma = await getPrisma()
    const { studio, sets, camera, interpreterZh, operator } = await makeStudio()
    const early = await makeShowcase()
    const late = await makeShowcase()
    const a = await requestBooking(early.exporter.user.id, request(studio.id, early.session.id, sets[0]!.id, { crewNeeded: [] }), NOW)
    const b = await requestBooking(late.exporter.user.id, request(studio.id, late.session.id, sets[1]!.id, { start: '14:00', end: '15:00' }), NOW)
    await approveBooking(operator.id, a.bookingId, [], NOW)
    await approveBooking(operator.id, b.bookingId, [camera.id, interpreterZh.id], NOW)
    await expect(cancelBookingByExporter(early.exporter.user.id, a.bookingId, 'Plans changed', NOW)).resolves.toEqual({ late: false })
    // 2 h before the 14:00 KST (05:00 UTC) slot.
    await expect(cancelBookingByExporter(late.exporter.user.id, b.bookingId, undefined, new Date('2030-03-04T03:00:00Z'))).resolves.toEqual({ late: true })
    await expect(cancelBookingByExporter(late.exporter.user.id, b.bookingId, undefined, new Date('2030-03-04T03:00:00Z'))).rejects.toMatchObject({
      code: 'booking-closed',
    })
    expect(await prisma.studioBooking.count({ where: { studioId: studio.id, lateCancellation: true } })).toBe(1)
  })
})

describe('no-show and utilisation', () => {
  it('marks NO_SHOW when nobody went live in the slot and COMPLETED when the show did; runs once', async () => {
    const prisma = await getPrisma()
    const { studio, sets, operator } = await makeStudio()
    const absent = await makeShowcase()
    const present = await makeShowcase()
    const a = await requestBooking(absent.exporter.user.id, request(studio.id, absent.session.id, sets[0]!.id, { crewNeeded: [] }), NOW)
    const b = await requestBooking(present.exporter.user.id, request(studio.id, present.session.id, sets[1]!.id, { crewNeeded: [] }), NOW)
    await approveBooking(operator.id, a.bookingId, [], NOW)
    await approveBooking(operator.id, b.bookingId, [], NOW)
    await prisma.liveSession.update({
      where: { id: present.session.id },
      data: { status: 'ENDED', startedAt: new Date('2030-03-04T01:05:00Z'), endedAt: new Date('2030-03-04T01:55:00Z'), uniqueViewers: 42 },
    })
    // Before the slot ends nothing changes.
    expect(await markStudioAttendance(a.bookingId, new Date('2030-03-04T01:30:00Z'))).toBeNull()
    const after = new Date('2030-03-04T02:15:00Z')
    expect(await markStudioAttendance(a.bookingId, after)).toBe('NO_SHOW')
    expect(await markStudioAttendance(b.bookingId, after)).toBe('COMPLETED')
    expect(await markStudioAttendance(b.bookingId, after)).toBeNull()
    const figures = await studioUtilisation(studio.id, new Date('2030-03-04T12:00:00Z'), 1)
    // Monday–Friday 9 h each = 45 open hours; two 1-hour slots kept (completed and no-show).
    expect(figures).toMatchObject({ openHours: 45, bookedHours: 2, showsProduced: 1, noShows: 1, viewers: 42, rfqs: 0 })
  })
})

describe('the studio ingest key', () => {
  it('opens the approved booking’s showcase during its slot (with the lead-in) and is refused outside every slot', async () => {
    const { studio, setA, camera, interpreterZh, operator } = await makeStudio()
    const { exporter, session } = await makeShowcase()
    const { bookingId } = await requestBooking(exporter.user.id, request(studio.id, session.id, setA.id), NOW)
    const key = await rotateStudioIngestKey(operator.id, studio.id, NOW)
    // Requested but not approved: no slot yet.
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T01:10:00Z'))).toMatchObject({ target: null, reason: 'studio-no-slot' })
    await approveBooking(operator.id, bookingId, [camera.id, interpreterZh.id], NOW)
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T00:30:00Z'))).toMatchObject({ target: null, reason: 'studio-no-slot' })
    // 10:00 KST = 01:00 UTC; 10 minutes before is inside the 15-minute lead-in.
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T00:50:00Z'))).toMatchObject({
      target: { sessionId: session.id },
      studioBookingId: bookingId,
    })
    expect(await resolveIngest(key, 'studio', new Date('2030-03-04T01:30:00Z'))).toMatchObject({ target: { sessionId: session.id } })
    expect(await resolveIngest(key, session.id, new Date('2030-03-04T01:30:00Z'))).toMatchObject({ target: { sessionId: session.id } })
    // A WHIP URL of another showcase is refused.
    const other = await makeShowcase()
    expect(await resolveIngest(key, other.session.id, new Date('2030-03-04T01:30:00Z'))).toMatchObject({ target: null, reason: 'unknown' })
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T02:00:00Z'))).toMatchObject({ target: null, reason: 'studio-no-slot' })
    // A new key revokes the old one at once.
    await rotateStudioIngestKey(operator.id, studio.id, NOW)
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T01:30:00Z'))).toMatchObject({ target: null, reason: 'unknown' })
    // Hostile tokens: malformed, empty, too long.
    for (const token of ['', 'x', 'a'.repeat(500), "' OR 1=1 --"])
      expect(await resolveIngest(token, undefined, NOW)).toMatchObject({ target: null, reason: 'unknown' })
  })
})

describe('the studio ingest key with two sets on air', () => {
  it('takes the showcase the WHIP URL names, and without one refuses rather than guessing', async () => {
    const { studio, sets, operator } = await makeStudio()
    const first = await makeShowcase()
    const second = await makeShowcase()
    const stranger = await makeShowcase()
    // 10:00–11:00 KST on set A and 10:30–12:00 KST on set B overlap from 10:30 (01:30 UTC) to 11:00.
    const a = await requestBooking(first.exporter.user.id, request(studio.id, first.session.id, sets[0]!.id, { crewNeeded: [] }), NOW)
    const b = await requestBooking(
      second.exporter.user.id,
      request(studio.id, second.session.id, sets[1]!.id, { crewNeeded: [], start: '10:30', end: '12:00' }),
      NOW,
    )
    await approveBooking(operator.id, a.bookingId, [], NOW)
    await approveBooking(operator.id, b.bookingId, [], NOW)
    const key = await rotateStudioIngestKey(operator.id, studio.id, NOW)
    const both = new Date('2030-03-04T01:40:00Z')
    // RTMP (no showcase named) and /whip/studio: two bookings on air, so no showcase is picked.
    for (const named of [undefined, 'studio']) {
      const resolved = await resolveIngest(key, named, both)
      expect(resolved).toMatchObject({ target: null, reason: 'studio-slot-ambiguous' })
      expect('message' in resolved && resolved.message).toMatch(/2 approved bookings of Studio \w+ are on air now: use the WHIP URL \/whip\/<showcase id>/)
    }
    expect(await resolveIngest(key, first.session.id, both)).toMatchObject({ target: { sessionId: first.session.id }, studioBookingId: a.bookingId })
    expect(await resolveIngest(key, second.session.id, both)).toMatchObject({ target: { sessionId: second.session.id }, studioBookingId: b.bookingId })
    expect(await resolveIngest(key, stranger.session.id, both)).toMatchObject({ target: null, reason: 'unknown' })
    // The second booking's lead-in alone (10:15–10:30 KST) is an overlap too: the first is not taken for granted.
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T01:20:00Z'))).toMatchObject({ target: null, reason: 'studio-slot-ambiguous' })
    // Once the first slot is over only the second is on air: no name needed.
    expect(await resolveIngest(key, undefined, new Date('2030-03-04T02:10:00Z'))).toMatchObject({ target: { sessionId: second.session.id } })
    expect(await resolveIngest(key, first.session.id, new Date('2030-03-04T02:10:00Z'))).toMatchObject({ target: null, reason: 'unknown' })
  })
})
