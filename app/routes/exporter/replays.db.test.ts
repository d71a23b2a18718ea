import '../../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { clipQueueIdle, createClip } from '~/domain/replays/clips.server'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { recordShowcase, temporaryRecordingStorage } from '../../../tests/replay-media'

// The exporter's replays page, the organizer's unpublish and the product page's clips and "seen at"
// links, through React Router's real request handler, on a real recording in a temporary folder.

const HOUR = 60 * 60 * 1000
let app: AppHandler
let closeStorage: () => Promise<void>
let storage: Awaited<ReturnType<typeof temporaryRecordingStorage>>['storage']

beforeAll(async () => {
  ;({ storage, close: closeStorage } = await temporaryRecordingStorage())
  // The app's own module instance reads the folder from the environment.
  process.env.RECORDINGS_DIR = storage.root
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  await clipQueueIdle()
  await (app as AppHandler | undefined)?.close()
  await closeStorage()
  delete process.env.RECORDINGS_DIR
})

async function showcaseWithReplay() {
  const prisma = await getPrisma()
  const owner = await createExporter({ companyName: 'Replay Page Foods' })
  const member = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: owner.company.id, role: 'MEMBER' } })
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `replay-page-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Replay page fair',
      // Published: a DRAFT fair's showcases and replays are listed nowhere.
      status: 'LIVE',
      startsAt: new Date(Date.now() - 24 * HOUR),
      endsAt: new Date(Date.now() + 24 * HOUR),
      timeZone: 'UTC',
      organizerId: organizer.user.id,
    },
  })
  const product = await createProduct(owner.company.id, { name: 'Seaweed snack' })
  const startedAt = new Date(Date.now() - 2 * HOUR)
  const session = await prisma.liveSession.create({
    data: {
      title: 'Seaweed hour',
      status: 'ENDED',
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      scheduledStartAt: startedAt,
      scheduledEndAt: new Date(startedAt.getTime() + HOUR),
      hostId: owner.user.id,
      companyId: owner.company.id,
      fairId: fair.id,
      // On the fair's programme: approved (an unapproved proposal's replay is not listed).
      approvedAt: new Date(),
    },
  })
  const { recordingId } = await recordShowcase(session.id, storage, { partSeconds: [8], startedAt })
  await prisma.liveSessionEvent.create({
    data: {
      sessionId: session.id,
      kind: 'PRODUCT_PINNED',
      actorId: owner.user.id,
      data: { productId: product.id },
      createdAt: new Date(startedAt.getTime() + 5_000),
    },
  })
  return { owner, member, organizer, fair, product, session, recordingId }
}

describe('replays of an exporter', () => {
  it('lists the company’s replays with status and figures; only those who may manage see the actions', async () => {
    const { owner, member, recordingId } = await showcaseWithReplay()
    await (await getPrisma()).recording.update({ where: { id: recordingId }, data: { uniqueViewers: 7, watchSeconds: 1_800n } })
    const forOwner = await (await app.handle(appGet('/exporter/replays', [owner.cookie]))).text()
    expect(forOwner).toContain('Seaweed hour')
    expect(forOwner).toContain('30 min')
    expect(forOwner).toContain('>Unpublish<')
    expect(forOwner).toContain('Delete for good')
    // The MEMBER did not host it: figures yes, actions no.
    const forMember = await (await app.handle(appGet('/exporter/replays', [member.cookie]))).text()
    expect(forMember).toContain('Seaweed hour')
    expect(forMember).not.toContain('Delete for good')
    expect((await app.handle(await appPost('/exporter/replays', { intent: 'unpublish', recordingId }, [member.cookie]))).status).toBe(403)
  }, 60_000)

  it('unpublishes (404 for buyers), publishes again, and deletes: files gone, row REMOVED, playlist 404', async () => {
    const { owner, session, recordingId } = await showcaseWithReplay()
    const buyer = await createBuyer()
    const playlist = (cookies: string[]) => app.handle(appGet(`/live/${session.id}/replay.m3u8`, cookies))
    expect((await playlist([buyer.cookie])).status).toBe(200)

    const unpublished = await app.handle(await appPost('/exporter/replays', { intent: 'unpublish', recordingId }, [owner.cookie]))
    expect(unpublished.headers.get('Location')).toBe('/exporter/replays')
    expect((await playlist([buyer.cookie])).status).toBe(404)
    expect((await playlist([owner.cookie])).status).toBe(200)
    await app.handle(await appPost('/exporter/replays', { intent: 'publish', recordingId }, [owner.cookie]))
    expect((await playlist([buyer.cookie])).status).toBe(200)

    const deleted = await app.handle(await appPost('/exporter/replays', { intent: 'delete', recordingId }, [owner.cookie]))
    expect(deleted.headers.get('Location')).toBe('/exporter/replays')
    expect(await storage.list(recordingId)).toEqual([])
    expect(await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId } })).toMatchObject({
      status: 'REMOVED',
      removedById: owner.user.id,
    })
    expect((await playlist([owner.cookie])).status).toBe(404)
    expect(await (await app.handle(appGet('/exporter/replays', [owner.cookie]))).text()).toContain('Deleted on')
  }, 60_000)

  it('lets the fair organizer unpublish a replay from the fair page', async () => {
    const { organizer, fair, recordingId } = await showcaseWithReplay()
    const page = await (await app.handle(appGet(`/organizer/fairs/${fair.id}`, [organizer.cookie]))).text()
    expect(page).toContain('Unpublish the replay of Seaweed hour')
    const answer = await app.handle(await appPost(`/organizer/fairs/${fair.id}`, { intent: 'unpublish-replay', recordingId }, [organizer.cookie]))
    expect(answer.headers.get('Location')).toBe(`/organizer/fairs/${fair.id}`)
    expect((await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId } })).published).toBe(false)
  }, 60_000)
})

describe('clips and replay moments on the product page', () => {
  it('shows the product’s ready clips (signed video links) and links to the moment it was pinned', async () => {
    const { owner, product, session } = await showcaseWithReplay()
    const clip = await createClip(
      { id: owner.user.id, role: 'EXPORTER' },
      session.id,
      { title: 'Crunch test', startMs: 1_000, endMs: 6_000, productId: product.id },
      new Date(),
    )
    await clipQueueIdle()
    const html = await (await app.handle(appGet(`/catalog/${product.id}`))).text()
    expect(html).toContain('Crunch test')
    expect(html).toMatch(new RegExp(`<video[^>]+src="/media/recordings/[a-z0-9]+/clip-${clip.id}\\.mp4\\?exp=\\d+&amp;sig=[\\w-]+"`))
    expect(html).toContain(`href="/live/${session.id}?t=5"`)
    expect(html).toContain('Watch “Seaweed hour” at 0:05')

    // The clip list of the replay (the marker's fetcher) and one clip's status for its maker.
    const clips = (await (await app.handle(appGet(`/live/${session.id}/clips`))).json()) as { clips: Array<{ id: string; status: string }> }
    expect(clips.clips).toEqual([expect.objectContaining({ id: clip.id, status: 'READY' })])
    const status = await app.handle(appGet(`/live/${session.id}/clips?clip=${clip.id}`, [owner.cookie]))
    expect(((await status.json()) as { clip: { status: string } }).clip.status).toBe('READY')
    expect((await app.handle(appGet(`/live/${session.id}/clips?clip=${clip.id}`, [(await createBuyer()).cookie]))).status).toBe(404)
  }, 60_000)
})
