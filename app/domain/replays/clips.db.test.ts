import type { RoleName } from '~/domain/accounts/permissions'
import { access } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { verifyMediaLink } from '~/domain/replays/media-urls.server'
import { probeMedia } from '~/utils/ffmpeg.server'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { recordShowcase, temporaryRecordingStorage } from '../../../tests/replay-media'
import {
  clipFileName,
  clipQueueIdle,
  CLIP_QUEUE_LIMIT,
  createClip,
  enqueueClipCut,
  listProductClips,
  listProductReplayMoments,
  listRecordingClips,
  removeClip,
  setClipPublished,
} from './clips.server'
import type { LocalRecordingStorage } from './storage.server'

// Clips cut by the real ffmpeg from a real two-part HLS recording (10 s + 10 s, a restart between them),
// then probed: the clip's length matches the asked range within a segment (2 s).

const NOW = new Date('2026-12-01T12:00:00.000Z')
const T0 = new Date('2026-12-01T09:00:00.000Z')

let storage: LocalRecordingStorage
let closeStorage: () => Promise<void>
let world: Awaited<ReturnType<typeof createWorld>>

async function createWorld() {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: 'Clip Foods' })
  const member = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: exporter.company.id, role: 'MEMBER' } })
  const other = await createExporter({ companyName: 'Other Foods' })
  const organizer = await createUser('ORGANIZER')
  const otherOrganizer = await createUser('ORGANIZER')
  const admin = await createUser('ADMIN')
  const buyer = await createBuyer()
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `clip-fair-${Date.now()}`,
      name: 'Clip fair',
      startsAt: T0,
      endsAt: NOW,
      timeZone: 'Asia/Seoul',
      organizerId: organizer.user.id,
      status: 'OPEN',
    },
  })
  const kelp = await createProduct(exporter.company.id, { name: 'Kelp noodles' })
  const foreign = await createProduct(other.company.id, { name: 'Not ours' })
  const session = await prisma.liveSession.create({
    data: {
      title: 'Noodle week',
      status: 'ENDED',
      startedAt: T0,
      endedAt: new Date(T0.getTime() + 60_000),
      scheduledStartAt: T0,
      scheduledEndAt: new Date(T0.getTime() + 3_600_000),
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      fairId: fair.id,
      // On the fair's programme: approved (an unapproved proposal's replay is not listed).
      approvedAt: T0,
    },
  })
  // Parts: 0 s – 10 s of the replay started at T0, 10 s – 20 s started at T0 + 40 s (30 s gap).
  const { recordingId, durationMs } = await recordShowcase(session.id, storage, { partSeconds: [10, 10], startedAt: T0, gapSeconds: 30 })
  return { exporter, member, other, organizer, otherOrganizer, admin, buyer, fair, kelp, foreign, session, recordingId, durationMs }
}

const actor = (user: { id: string; role: RoleName }) => ({ id: user.id, role: user.role })

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`)
  return { status: error.status, code: error.code, field: error.field, messageKey: error.messageKey }
}

async function cutAndLoad(clipId: string) {
  await clipQueueIdle()
  return (await getPrisma()).recordingClip.findUniqueOrThrow({ where: { id: clipId } })
}

beforeAll(async () => {
  ;({ storage, close: closeStorage } = await temporaryRecordingStorage())
  world = await createWorld()
}, 120_000)

afterAll(async () => {
  await clipQueueIdle()
  await closeStorage()
})

describe('cutting clips with ffmpeg', () => {
  it('the recording is 20 s in two parts', () => {
    expect(world.durationMs).toBeGreaterThanOrEqual(19_000)
    expect(world.durationMs).toBeLessThanOrEqual(21_000)
  })

  it.each([
    { name: 'inside the first part', startMs: 3_000, endMs: 9_000 },
    { name: 'across the restart between the parts', startMs: 7_000, endMs: 14_000 },
    { name: 'inside the second part', startMs: 12_500, endMs: 18_000 },
  ])(
    'cuts a clip $name without re-encoding; its length is the asked range ± 2 s',
    async ({ startMs, endMs }) => {
      const created = await createClip(actor(world.exporter.user), world.session.id, { title: 'Kelp close-up', startMs, endMs, productId: world.kelp.id }, NOW)
      expect(created.status).toBe('PROCESSING')
      const clip = await cutAndLoad(created.id)
      expect(clip.status).toBe('READY')
      const probed = await probeMedia(storage.pathOf(world.recordingId, clipFileName(clip.id)))
      expect(Math.abs(probed.durationMs - (endMs - startMs))).toBeLessThanOrEqual(2_000)
      expect(probed.streams.map((stream) => `${stream.type}:${stream.codec}`).sort()).toEqual(['audio:aac', 'video:h264'])
      // Stored as cut: from the key frame at or before the asked start, for the probed length.
      expect(clip.startMs).toBeLessThanOrEqual(startMs)
      expect(startMs - clip.startMs).toBeLessThan(2_100)
      expect(clip.endMs - clip.startMs).toBe(probed.durationMs)
      // Nothing of the work file is left.
      expect((await storage.list(world.recordingId)).filter((file) => file.startsWith(`clip-${clip.id}-cut`))).toEqual([])
    },
    60_000,
  )

  it('marks a clip FAILED (row kept) when its segments are gone', async () => {
    const prisma = await getPrisma()
    const session = await prisma.liveSession.create({
      data: {
        title: 'Broken',
        status: 'ENDED',
        startedAt: T0,
        endedAt: T0,
        scheduledStartAt: T0,
        scheduledEndAt: T0,
        hostId: world.exporter.user.id,
        companyId: world.exporter.company.id,
      },
    })
    const { recordingId } = await recordShowcase(session.id, storage, { partSeconds: [6], startedAt: T0 })
    for (const file of await storage.list(recordingId)) if (file.endsWith('.ts')) await storage.removeFile(recordingId, file)
    const created = await createClip(actor(world.exporter.user), session.id, { title: 'Gone', startMs: 0, endMs: 4_000 }, NOW)
    const clip = await cutAndLoad(created.id)
    expect(clip.status).toBe('FAILED')
    expect(await storage.list(recordingId)).not.toContain(clipFileName(clip.id))
  }, 60_000)

  it('runs one cut at a time from a bounded queue', async () => {
    const ids = Array.from({ length: CLIP_QUEUE_LIMIT + 10 }, (_, index) => `missingclip${String(index).padStart(8, '0')}`)
    const accepted = ids.filter((id) => enqueueClipCut(id))
    // One taken off at once to run, CLIP_QUEUE_LIMIT waiting, the rest refused.
    expect(accepted).toHaveLength(CLIP_QUEUE_LIMIT + 1)
    await clipQueueIdle()
  })
})

describe('who may mark a clip, and what', () => {
  const input = { title: 'Range', startMs: 1_000, endMs: 5_000 }

  it('lets the host company (with the right), the fair organizer and admins mark clips', async () => {
    for (const user of [world.exporter.user, world.organizer.user, world.admin.user]) {
      const created = await createClip(actor(user), world.session.id, input, NOW)
      expect((await cutAndLoad(created.id)).status).toBe('READY')
    }
  }, 60_000)

  it('refuses a member without manage:showcase:own (403), and everyone else with a 404', async () => {
    expect(await refusal(createClip(actor(world.member.user), world.session.id, input, NOW))).toMatchObject({ status: 403 })
    for (const user of [world.buyer.user, world.other.user, world.otherOrganizer.user]) {
      expect(await refusal(createClip(actor(user), world.session.id, input, NOW))).toMatchObject({ status: 404 })
    }
  })

  it('refuses ranges shorter than 3 s, longer than 3 min or past the end, and another company’s product', async () => {
    const owner = actor(world.exporter.user)
    expect(await refusal(createClip(owner, world.session.id, { ...input, endMs: 3_500 }, NOW))).toMatchObject({
      status: 400,
      field: 'end',
      messageKey: 'clips.errors.tooShort',
    })
    expect(await refusal(createClip(owner, world.session.id, { ...input, startMs: 0, endMs: 181_000 }, NOW))).toMatchObject({
      field: 'end',
      messageKey: 'clips.errors.tooLong',
    })
    expect(await refusal(createClip(owner, world.session.id, { ...input, startMs: 15_000, endMs: world.durationMs + 1_000 }, NOW))).toMatchObject({
      field: 'end',
      messageKey: 'clips.errors.outside',
    })
    expect(await refusal(createClip(owner, world.session.id, { ...input, productId: world.foreign.id }, NOW))).toMatchObject({ field: 'productId' })
    expect(await refusal(createClip(owner, world.session.id, { ...input, title: 'bad\u202Etitle' }, NOW))).toMatchObject({ field: 'title' })
    expect(await refusal(createClip(owner, world.session.id, { ...input, title: 'x'.repeat(121) }, NOW))).toMatchObject({ field: 'title' })
  })

  it('refuses a replay still recording (409) and a showcase without one (404)', async () => {
    const prisma = await getPrisma()
    const live = await prisma.liveSession.create({
      data: {
        title: 'Live',
        status: 'LIVE',
        startedAt: T0,
        scheduledStartAt: T0,
        scheduledEndAt: NOW,
        hostId: world.exporter.user.id,
        companyId: world.exporter.company.id,
      },
    })
    expect(await refusal(createClip(actor(world.exporter.user), live.id, input, NOW))).toMatchObject({ status: 404 })
    await prisma.recording.create({ data: { sessionId: live.id, startedAt: T0 } })
    expect(await refusal(createClip(actor(world.exporter.user), live.id, input, NOW))).toMatchObject({ status: 409 })
  })
})

describe('listing, publishing and removing clips', () => {
  it('shows viewers READY published clips with signed links, and managers every clip; publish toggles and removal are audited', async () => {
    const owner = actor(world.exporter.user)
    const created = await createClip(owner, world.session.id, { title: 'To hide', startMs: 2_000, endMs: 6_000, productId: world.kelp.id }, NOW)
    await cutAndLoad(created.id)
    const publicClips = await listRecordingClips(world.recordingId, { includeUnpublished: false })
    const listed = publicClips.find((clip) => clip.id === created.id)
    expect(listed).toMatchObject({ title: 'To hide', productId: world.kelp.id, productName: 'Kelp noodles', status: 'READY', published: true })
    const url = new URL(listed?.url ?? '', 'http://localhost')
    expect(url.pathname).toBe(`/media/recordings/${world.recordingId}/${clipFileName(created.id)}`)
    expect(verifyMediaLink(world.recordingId, clipFileName(created.id), url.searchParams.get('exp'), url.searchParams.get('sig'))).toEqual({ ok: true })

    await setClipPublished(owner, created.id, false, NOW)
    expect((await listRecordingClips(world.recordingId, { includeUnpublished: false })).map((clip) => clip.id)).not.toContain(created.id)
    expect((await listRecordingClips(world.recordingId, { includeUnpublished: true })).find((clip) => clip.id === created.id)).toMatchObject({
      published: false,
    })

    expect(await refusal(removeClip(actor(world.buyer.user), created.id, NOW))).toMatchObject({ status: 404 })
    await removeClip(owner, created.id, NOW)
    await removeClip(owner, created.id, NOW) // idempotent
    expect((await listRecordingClips(world.recordingId, { includeUnpublished: true })).map((clip) => clip.id)).not.toContain(created.id)
    await expect(access(storage.pathOf(world.recordingId, clipFileName(created.id)))).rejects.toThrow()
    const prisma = await getPrisma()
    expect(await prisma.recordingClip.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ status: 'REMOVED', removedAt: NOW })
    const audit = await prisma.liveSessionEvent.findMany({
      where: { sessionId: world.session.id, data: { path: ['clipId'], equals: created.id } },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, actorId: true },
    })
    // All three at NOW: rows with equal times come back in any order on PostgreSQL.
    expect(audit).toHaveLength(3)
    expect(audit).toEqual(
      expect.arrayContaining([
        { kind: 'CLIP_CREATED', actorId: owner.id },
        { kind: 'CLIP_UNPUBLISHED', actorId: owner.id },
        { kind: 'CLIP_REMOVED', actorId: owner.id },
      ]),
    )
  }, 60_000)

  it('lists a product’s clips and "seen at" moments only from published replays the visitor may see', async () => {
    const prisma = await getPrisma()
    // The product was pinned 5 s into the first part and 2 s into the second (after the 30 s gap).
    for (const seconds of [5, 42]) {
      await prisma.liveSessionEvent.create({
        data: {
          sessionId: world.session.id,
          kind: 'PRODUCT_PINNED',
          actorId: world.exporter.user.id,
          data: { productId: world.kelp.id },
          createdAt: new Date(T0.getTime() + seconds * 1000),
        },
      })
    }
    const clips = await listProductClips(world.kelp.id, null)
    expect(clips.length).toBeGreaterThan(0)
    expect(clips.every((clip) => clip.status === 'READY' && clip.published && clip.sessionId === world.session.id && clip.url)).toBe(true)
    const moments = await listProductReplayMoments(world.kelp.id, null)
    expect(moments).toEqual([{ sessionId: world.session.id, title: 'Noodle week', airedAt: T0.toISOString(), offsetsMs: [5_000, 12_000] }])

    await prisma.liveSession.update({ where: { id: world.session.id }, data: { isPublic: false } })
    expect(await listProductClips(world.kelp.id, null)).toEqual([])
    expect(await listProductReplayMoments(world.kelp.id, null)).toEqual([])
    const signedIn = { ...world.buyer.user, exporterMember: null, buyerProfile: null }
    expect((await listProductReplayMoments(world.kelp.id, signedIn)).length).toBe(1)
    await prisma.liveSession.update({ where: { id: world.session.id }, data: { isPublic: true } })

    await prisma.recording.update({ where: { id: world.recordingId }, data: { published: false } })
    expect(await listProductClips(world.kelp.id, signedIn)).toEqual([])
    expect(await listProductReplayMoments(world.kelp.id, signedIn)).toEqual([])
    await prisma.recording.update({ where: { id: world.recordingId }, data: { published: true } })
  })
})
