import type { RoleName } from '~/domain/accounts/permissions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { loader as replayPlaylistLoader } from '~/routes/live/replay-playlist'
import { createBuyer, createExporter, createUser } from '../../../tests/fixtures'
import { recordShowcase, temporaryRecordingStorage } from '../../../tests/replay-media'
import { clipFileName, clipQueueIdle, createClip } from './clips.server'
import { openRecording, recordingForVisitor } from './recordings.server'
import { deleteReplay, listCompanyReplays, RETENTION_ACTOR, setReplayPublished, startReplayRetentionTimer, sweepExpiredReplays } from './retention.server'
import type { LocalRecordingStorage } from './storage.server'

// Unpublishing, deleting (files gone, rows kept as REMOVED, audited) and the fair's retention sweep on a
// fake clock, with real recordings on a temporary storage folder.

const DAY = 24 * 60 * 60 * 1000
const ENDED = new Date('2026-10-01T10:00:00.000Z')
const afterDays = (days: number, extraMs = 0) => new Date(ENDED.getTime() + days * DAY + extraMs)

let storage: LocalRecordingStorage
let closeStorage: () => Promise<void>

type Cast = Awaited<ReturnType<typeof createCast>>
let cast: Cast

async function createCast() {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: 'Retention Foods' })
  const member = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: exporter.company.id, role: 'MEMBER' } })
  const other = await createExporter()
  const organizer = await createUser('ORGANIZER')
  const admin = await createUser('ADMIN')
  const buyer = await createBuyer()
  return { exporter, member, other, organizer, admin, buyer }
}

let fairCounter = 0
async function showcaseWithReplay(options: { retentionDays?: number | null; inFair?: boolean; hostId?: string } = {}) {
  const prisma = await getPrisma()
  const fair =
    options.inFair === false
      ? null
      : await prisma.tradeFair.create({
          data: {
            slug: `retention-${Date.now()}-${fairCounter++}`,
            name: 'Retention fair',
            startsAt: ENDED,
            endsAt: ENDED,
            timeZone: 'UTC',
            organizerId: cast.organizer.user.id,
            replayRetentionDays: options.retentionDays ?? null,
          },
        })
  const startedAt = new Date(ENDED.getTime() - 60_000)
  const session = await prisma.liveSession.create({
    data: {
      title: 'Retained show',
      status: 'ENDED',
      startedAt,
      endedAt: ENDED,
      scheduledStartAt: startedAt,
      scheduledEndAt: ENDED,
      hostId: options.hostId ?? cast.exporter.user.id,
      companyId: cast.exporter.company.id,
      fairId: fair?.id ?? null,
    },
  })
  const { recordingId } = await recordShowcase(session.id, storage, { partSeconds: [6], startedAt })
  return { session, recordingId, fair }
}

const actor = (user: { id: string; role: RoleName }) => ({ id: user.id, role: user.role })
const viewer = (user: { id: string; email: string; name: string; role: RoleName; locale: string; timeZone: string | null }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  locale: user.locale,
  timeZone: user.timeZone,
  exporterMember: null,
  buyerProfile: null,
})

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise
    return 'ok'
  } catch (error) {
    if (isDomainError(error)) return error.status
    if (error instanceof Response) return error.status
    // React Router's data() answers
    if (error && typeof error === 'object' && 'init' in error) return (error as { init: { status: number } }).init.status
    throw error
  }
}

beforeAll(async () => {
  ;({ storage, close: closeStorage } = await temporaryRecordingStorage())
  cast = await createCast()
}, 60_000)

afterAll(async () => {
  await clipQueueIdle()
  await closeStorage()
})

describe('publishing and unpublishing a replay', () => {
  it('lets the company (with the right) publish and unpublish, the fair organizer only unpublish; audited', async () => {
    const { session, recordingId } = await showcaseWithReplay()
    const prisma = await getPrisma()
    const buyer = viewer(cast.buyer.user)

    await setReplayPublished(actor(cast.organizer.user), recordingId, false, afterDays(1))
    expect(await statusOf(recordingForVisitor(session.id, buyer, 'replay'))).toBe(404)
    expect(await statusOf(setReplayPublished(actor(cast.organizer.user), recordingId, true, afterDays(1)))).toBe(403)
    expect(await statusOf(setReplayPublished(actor(cast.member.user), recordingId, true, afterDays(1)))).toBe(403)
    expect(await statusOf(setReplayPublished(actor(cast.other.user), recordingId, true, afterDays(1)))).toBe(404)
    expect(await statusOf(setReplayPublished(actor(cast.buyer.user), recordingId, false, afterDays(1)))).toBe(404)

    await setReplayPublished(actor(cast.exporter.user), recordingId, true, afterDays(2))
    await setReplayPublished(actor(cast.exporter.user), recordingId, true, afterDays(2)) // no change, no audit row
    expect(await statusOf(recordingForVisitor(session.id, buyer, 'replay'))).toBe('ok')

    const audit = await prisma.liveSessionEvent.findMany({
      where: { sessionId: session.id, kind: { in: ['REPLAY_PUBLISHED', 'REPLAY_UNPUBLISHED'] } },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, actorId: true, createdAt: true },
    })
    expect(audit).toEqual([
      { kind: 'REPLAY_UNPUBLISHED', actorId: cast.organizer.user.id, createdAt: afterDays(1) },
      { kind: 'REPLAY_PUBLISHED', actorId: cast.exporter.user.id, createdAt: afterDays(2) },
    ])
  }, 60_000)

  it('lets a MEMBER manage the replay of a showcase they hosted', async () => {
    const { recordingId } = await showcaseWithReplay({ hostId: cast.member.user.id })
    await setReplayPublished(actor(cast.member.user), recordingId, false, afterDays(1))
    expect((await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId } })).published).toBe(false)
  }, 60_000)
})

describe('deleting a replay', () => {
  it('removes every file (clips too), keeps the rows as REMOVED with who and when, and the playlist answers 404', async () => {
    const { session, recordingId } = await showcaseWithReplay()
    const clip = await createClip(actor(cast.exporter.user), session.id, { title: 'Before delete', startMs: 0, endMs: 4_000 }, afterDays(1))
    await clipQueueIdle()
    expect(await storage.list(recordingId)).toContain(clipFileName(clip.id))
    const playlist = () =>
      replayPlaylistLoader({ request: new Request(`http://localhost/live/${session.id}/replay.m3u8`), params: { sessionId: session.id }, context: {} } as never)
    expect(await statusOf(playlist())).toBe('ok')

    expect(await statusOf(deleteReplay(actor(cast.member.user), recordingId, afterDays(2)))).toBe(403)
    expect(await statusOf(deleteReplay(actor(cast.organizer.user), recordingId, afterDays(2)))).toBe(403)
    expect(await statusOf(deleteReplay(actor(cast.other.user), recordingId, afterDays(2)))).toBe(404)
    await deleteReplay(actor(cast.exporter.user), recordingId, afterDays(2))
    await deleteReplay(actor(cast.exporter.user), recordingId, afterDays(3)) // idempotent

    expect(await storage.list(recordingId)).toEqual([])
    const prisma = await getPrisma()
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId } })).toMatchObject({
      status: 'REMOVED',
      removedAt: afterDays(2),
      removedById: cast.exporter.user.id,
    })
    expect(await prisma.recordingClip.findUniqueOrThrow({ where: { id: clip.id } })).toMatchObject({ status: 'REMOVED', removedAt: afterDays(2) })
    expect(await statusOf(playlist())).toBe(404)
    expect(await statusOf(recordingForVisitor(session.id, viewer(cast.exporter.user), 'replay'))).toBe(404)
    const audit = await prisma.liveSessionEvent.findMany({ where: { sessionId: session.id, kind: 'REPLAY_REMOVED' }, select: { actorId: true, data: true } })
    expect(audit).toEqual([{ actorId: cast.exporter.user.id, data: { recordingId, reason: 'deleted' } }])
    // Publishing a removed replay is not possible.
    expect(await statusOf(setReplayPublished(actor(cast.exporter.user), recordingId, true, afterDays(3)))).toBe(404)
  }, 60_000)

  it('refuses to delete a recording still being written (409)', async () => {
    const { recordingId } = await showcaseWithReplay()
    const prisma = await getPrisma()
    await prisma.recording.update({ where: { id: recordingId }, data: { status: 'RECORDING' } })
    expect(await statusOf(deleteReplay(actor(cast.exporter.user), recordingId, afterDays(1)))).toBe(409)
    expect((await storage.list(recordingId)).length).toBeGreaterThan(0)
  }, 60_000)
})

describe('retention sweep (fake clock)', () => {
  it('removes replays of fairs with a retention once that many days passed since the showcase ended, and only once', async () => {
    const due = await showcaseWithReplay({ retentionDays: 30 })
    const kept = await showcaseWithReplay({ retentionDays: null })
    const longer = await showcaseWithReplay({ retentionDays: 90 })
    const noFair = await showcaseWithReplay({ inFair: false })
    const prisma = await getPrisma()

    const before = await sweepExpiredReplays(afterDays(30, -1))
    expect(before.removed).not.toContain(due.recordingId)
    expect((await prisma.recording.findUniqueOrThrow({ where: { id: due.recordingId } })).status).toBe('READY')

    const sweep = await sweepExpiredReplays(afterDays(30))
    expect(sweep.removed).toContain(due.recordingId)
    for (const other of [kept, longer, noFair]) expect(sweep.removed).not.toContain(other.recordingId)
    expect(await storage.list(due.recordingId)).toEqual([])
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: due.recordingId } })).toMatchObject({
      status: 'REMOVED',
      removedAt: afterDays(30),
      removedById: null,
    })
    expect(
      await prisma.liveSessionEvent.findMany({ where: { sessionId: due.session.id, kind: 'REPLAY_REMOVED' }, select: { actorId: true, data: true } }),
    ).toEqual([{ actorId: RETENTION_ACTOR, data: { recordingId: due.recordingId, reason: 'retention' } }])
    for (const other of [kept, longer, noFair]) expect((await storage.list(other.recordingId)).length).toBeGreaterThan(0)

    // Idempotent: a second sweep removes nothing more and writes no second audit row.
    expect((await sweepExpiredReplays(afterDays(31))).removed).not.toContain(due.recordingId)
    expect(await prisma.liveSessionEvent.count({ where: { sessionId: due.session.id, kind: 'REPLAY_REMOVED' } })).toBe(1)
    expect((await sweepExpiredReplays(afterDays(90))).removed).toContain(longer.recordingId)
  }, 120_000)

  it('runs from the server timer: onStart once, then sweeps with its clock', async () => {
    const due = await showcaseWithReplay({ retentionDays: 1 })
    let starts = 0
    const errors: unknown[] = []
    const stop = startReplayRetentionTimer({
      firstAfterMs: 5,
      everyMs: 20,
      now: () => afterDays(2),
      onStart: () => {
        starts++
        return Promise.resolve()
      },
      onError: (error) => errors.push(error),
    })
    const prisma = await getPrisma()
    await expect
      .poll(async () => (await prisma.recording.findUniqueOrThrow({ where: { id: due.recordingId } })).status, { timeout: 10_000, interval: 50 })
      .toBe('REMOVED')
    await new Promise((resolve) => setTimeout(resolve, 80))
    stop()
    expect(starts).toBe(1)
    expect(errors).toEqual([])
  }, 60_000)
})

describe("the fair's replay policy", () => {
  it('records and publishes under PUBLISH, keeps the replay unpublished under REVIEW, records nothing under OFF', async () => {
    const prisma = await getPrisma()
    const opened: Record<string, { published: boolean } | null> = {}
    for (const policy of ['PUBLISH', 'REVIEW', 'OFF'] as const) {
      const fair = await prisma.tradeFair.create({
        data: {
          slug: `policy-${policy.toLowerCase()}-${Date.now()}`,
          name: policy,
          startsAt: ENDED,
          endsAt: ENDED,
          timeZone: 'UTC',
          organizerId: cast.organizer.user.id,
          replayPolicy: policy,
        },
      })
      const session = await prisma.liveSession.create({
        data: {
          title: policy,
          status: 'LIVE',
          startedAt: ENDED,
          scheduledStartAt: ENDED,
          scheduledEndAt: ENDED,
          hostId: cast.exporter.user.id,
          companyId: cast.exporter.company.id,
          fairId: fair.id,
        },
      })
      const recording = await openRecording(session.id, ENDED)
      opened[policy] = recording ? await prisma.recording.findUniqueOrThrow({ where: { id: recording.recordingId }, select: { published: true } }) : null
    }
    expect(opened).toEqual({ PUBLISH: { published: true }, REVIEW: { published: false }, OFF: null })
  })
})

describe("the exporter's replay list", () => {
  it('lists the company’s recordings with status and figures; manageable by owners, by a MEMBER only when they hosted', async () => {
    const hosted = await showcaseWithReplay({ hostId: cast.member.user.id })
    const notHosted = await showcaseWithReplay()
    const forMember = await listCompanyReplays({ userId: cast.member.user.id, companyId: cast.exporter.company.id, canManageAll: false }, 'en')
    expect(forMember.find((replay) => replay.id === hosted.recordingId)).toMatchObject({
      status: 'READY',
      published: true,
      canManage: true,
      title: 'Retained show',
    })
    expect(forMember.find((replay) => replay.id === notHosted.recordingId)?.canManage).toBe(false)
    const forOwner = await listCompanyReplays({ userId: cast.exporter.user.id, companyId: cast.exporter.company.id, canManageAll: true }, 'en')
    expect(forOwner.every((replay) => replay.canManage)).toBe(true)
    expect(await listCompanyReplays({ userId: cast.other.user.id, companyId: cast.other.company.id, canManageAll: true }, 'en')).toEqual([])
  }, 60_000)
})
