import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, sessionUserOf } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { HEARTBEAT_TOLERANCE_SECONDS, recordReplayHeartbeat, refreshReplayStats, startReplayView } from './views.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const T0 = new Date('2026-12-02T10:00:00.000Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

/** A showcase that aired and its finished recording (published, public unless told otherwise). */
async function endedShowcaseWithReplay(options: { isPublic?: boolean; published?: boolean; status?: 'READY' | 'RECORDING' | 'REMOVED' | 'FAILED' } = {}) {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const session = await prisma.liveSession.create({
    data: {
      title: 'Kimchi replay',
      status: 'ENDED',
      isPublic: options.isPublic ?? true,
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: at(-7200),
      scheduledEndAt: at(-3600),
      startedAt: at(-7200),
      endedAt: at(-3600),
    },
  })
  const recording = await prisma.recording.create({
    data: {
      sessionId: session.id,
      status: options.status ?? 'READY',
      published: options.published ?? true,
      startedAt: at(-7200),
      finalizedAt: at(-3600),
      durationMs: 3_600_000,
      ...(options.status === 'REMOVED' ? { removedAt: at(-60) } : {}),
    },
  })
  return { exporter, session, recording }
}

async function recordingFigures(recordingId: string) {
  const prisma = await getPrisma()
  const row = await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { uniqueViewers: true, watchSeconds: true } })
  return { uniqueViewers: row.uniqueViewers, watchSeconds: Number(row.watchSeconds) }
}

describe('replay views', () => {
  it('starts a view for a signed-in visitor and for a guest browser key', async () => {
    const { session, recording } = await endedShowcaseWithReplay()
    const buyer = await createBuyer()
    const user = await sessionUserOf(buyer.cookie)
    const mine = await startReplayView(session.id, user, null, at(0))
    const guests = await startReplayView(session.id, null, 'guest-key-1', at(0))
    const prisma = await getPrisma()
    expect(await prisma.replayView.findUniqueOrThrow({ where: { id: mine.viewId } })).toMatchObject({
      recordingId: recording.id,
      userId: buyer.user.id,
      guestKey: null,
      startedAt: at(0),
      lastSeenAt: at(0),
      watchedSeconds: 0,
    })
    expect(await prisma.replayView.findUniqueOrThrow({ where: { id: guests.viewId } })).toMatchObject({ userId: null, guestKey: 'guest-key-1' })
    // A guest without a key cannot own a view.
    await expect(startReplayView(session.id, null, null, at(0))).rejects.toMatchObject({ code: 'guest-key-required', status: 400 })
  })

  it('refuses (404) a replay the visitor may not see: unpublished, removed, unfinished, failed, private to a guest, absent', async () => {
    const buyer = await createBuyer()
    const user = await sessionUserOf(buyer.cookie)
    const unpublished = await endedShowcaseWithReplay({ published: false })
    await expect(startReplayView(unpublished.session.id, user, null, at(0))).rejects.toMatchObject({ code: 'not-found', status: 404 })
    await expect(startReplayView(unpublished.session.id, null, 'guest-a', at(0))).rejects.toMatchObject({ status: 404 })
    // Its own company still previews it (and so counts a view).
    const owner = await sessionUserOf(unpublished.exporter.cookie)
    await expect(startReplayView(unpublished.session.id, owner, null, at(0))).resolves.toHaveProperty('viewId')
    for (const status of ['REMOVED', 'RECORDING', 'FAILED'] as const) {
      const { session } = await endedShowcaseWithReplay({ status })
      await expect(startReplayView(session.id, user, null, at(0)), status).rejects.toMatchObject({ status: 404 })
    }
    const closed = await endedShowcaseWithReplay({ isPublic: false })
    await expect(startReplayView(closed.session.id, null, 'guest-a', at(0))).rejects.toMatchObject({ status: 404 })
    await expect(startReplayView(closed.session.id, user, null, at(0))).resolves.toHaveProperty('viewId')
    await expect(startReplayView('no-such-session', user, null, at(0))).rejects.toMatchObject({ status: 404 })
    const prisma = await getPrisma()
    expect(await prisma.replayView.count({ where: { recording: { sessionId: unpublished.session.id }, userId: buyer.user.id } })).toBe(0)
  })

  it('caps each heartbeat by the wall time since the viewer’s credit clock, plus a tolerance that never adds up', async () => {
    const { session, recording } = await endedShowcaseWithReplay()
    const buyer = await createBuyer()
    const user = await sessionUserOf(buyer.cookie)
    const { viewId } = await startReplayView(session.id, user, null, at(0))
    const beat = (watchedSeconds: number, seconds: number) => recordReplayHeartbeat(session.id, { viewId, watchedSeconds }, user, null, at(seconds))

    expect(await beat(15, 15)).toEqual({ creditedSeconds: 15 })
    // Claims more than the 15 s that passed: at most the tolerance on top.
    expect(await beat(100, 30)).toEqual({ creditedSeconds: 15 + HEARTBEAT_TOLERANCE_SECONDS })
    // The clock now runs the tolerance ahead: the next 15 s of wall time credit 15 s, never 15 + tolerance again.
    expect(await beat(100, 45)).toEqual({ creditedSeconds: 15 })
    // Rapid-fire heartbeats cannot harvest the tolerance again and again.
    for (let second = 46; second <= 50; second++) await beat(10, second)
    const prisma = await getPrisma()
    const view = await prisma.replayView.findUniqueOrThrow({ where: { id: viewId } })
    expect(view.watchedSeconds).toBe(50 + HEARTBEAT_TOLERANCE_SECONDS)
    // Inside one heartbeat window the figures move by increments (the recount from the rows runs at most once per window).
    expect(await recordingFigures(recording.id)).toEqual({ uniqueViewers: 1, watchSeconds: 50 + HEARTBEAT_TOLERANCE_SECONDS })
    // A pause leaves the clock behind: played time after it is credited when reported.
    expect(await beat(20, 600)).toEqual({ creditedSeconds: 20 })
    expect(await recordingFigures(recording.id)).toEqual({ uniqueViewers: 1, watchSeconds: 50 + HEARTBEAT_TOLERANCE_SECONDS + 20 })
  })

  it('a second view (another tab, a fresh start) shares the viewer’s budget instead of doubling it', async () => {
    const { session, recording } = await endedShowcaseWithReplay()
    const buyer = await createBuyer()
    const user = await sessionUserOf(buyer.cookie)
    const first = await startReplayView(session.id, user, null, at(0))
    const second = await startReplayView(session.id, user, null, at(1))
    let total = 0
    for (let round = 1; round <= 4; round++) {
      for (const { viewId } of [first, second]) {
        total += (await recordReplayHeartbeat(session.id, { viewId, watchedSeconds: 15 }, user, null, at(round * 15))).creditedSeconds
      }
    }
    // Both tabs "played" 60 s: the viewer is credited the 60 s that passed (plus the tolerance), not 120.
    expect(total).toBeLessThanOrEqual(60 + HEARTBEAT_TOLERANCE_SECONDS)
    expect(total).toBeGreaterThanOrEqual(60)
    expect(await recordingFigures(recording.id)).toEqual({ uniqueViewers: 1, watchSeconds: total })
  })

  it('refuses (404) a heartbeat on another visitor’s view, on another showcase’s view, and from a guest without a key', async () => {
    const { session, recording } = await endedShowcaseWithReplay()
    const other = await endedShowcaseWithReplay()
    const buyer = await createBuyer()
    const intruder = await createBuyer()
    const user = await sessionUserOf(buyer.cookie)
    const intruderUser = await sessionUserOf(intruder.cookie)
    const { viewId } = await startReplayView(session.id, user, null, at(0))
    const guestView = await startReplayView(session.id, null, 'guest-owner', at(0))
    const refused = [
      recordReplayHeartbeat(session.id, { viewId, watchedSeconds: 10 }, intruderUser, null, at(10)),
      recordReplayHeartbeat(session.id, { viewId, watchedSeconds: 10 }, null, 'guest-owner', at(10)),
      recordReplayHeartbeat(session.id, { viewId: guestView.viewId, watchedSeconds: 10 }, null, 'guest-other', at(10)),
      recordReplayHeartbeat(session.id, { viewId: guestView.viewId, watchedSeconds: 10 }, intruderUser, null, at(10)),
      recordReplayHeartbeat(session.id, { viewId: guestView.viewId, watchedSeconds: 10 }, null, null, at(10)),
      recordReplayHeartbeat(other.session.id, { viewId, watchedSeconds: 10 }, user, null, at(10)),
      recordReplayHeartbeat(session.id, { viewId: 'no-such-view', watchedSeconds: 10 }, user, null, at(10)),
    ]
    // Settled together: each is refused, and none is left rejecting unobserved while another is awaited.
    for (const outcome of await Promise.allSettled(refused)) {
      expect(outcome.status).toBe('rejected')
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'not-found', status: 404 })
    }
    const prisma = await getPrisma()
    expect((await prisma.replayView.findMany({ where: { recordingId: recording.id } })).map((view) => view.watchedSeconds)).toEqual([0, 0])
    // The owners themselves are credited.
    expect(await recordReplayHeartbeat(session.id, { viewId, watchedSeconds: 10 }, user, null, at(10))).toEqual({ creditedSeconds: 10 })
    expect(await recordReplayHeartbeat(session.id, { viewId: guestView.viewId, watchedSeconds: 8 }, null, 'guest-owner', at(10))).toEqual({
      creditedSeconds: 8,
    })
    // A replay removed since takes no more time.
    await prisma.recording.update({ where: { id: recording.id }, data: { status: 'REMOVED', removedAt: at(20) } })
    await expect(recordReplayHeartbeat(session.id, { viewId, watchedSeconds: 10 }, user, null, at(25))).rejects.toMatchObject({ status: 404 })
    expect(await recordingFigures(recording.id)).toEqual({ uniqueViewers: 2, watchSeconds: 18 })
  })

  it('counts unique viewers as distinct accounts and guest keys that watched, with the exact watch time; a recount from the rows agrees', async () => {
    const { session, recording } = await endedShowcaseWithReplay()
    const [a, b] = await Promise.all([createBuyer(), createBuyer()])
    const userA = await sessionUserOf(a.cookie)
    const userB = await sessionUserOf(b.cookie)
    const beat = async (view: { viewId: string }, visitor: typeof userA | null, guestKey: string | null, seconds: number, second: number) =>
      (await recordReplayHeartbeat(session.id, { viewId: view.viewId, watchedSeconds: seconds }, visitor, guestKey, at(second))).creditedSeconds
    // A watches twice (yesterday's view and today's), B once, guest G1 in two views, guest G2 opens a view but never plays.
    const a1 = await startReplayView(session.id, userA, null, at(0))
    const b1 = await startReplayView(session.id, userB, null, at(0))
    const g1a = await startReplayView(session.id, null, 'g1', at(0))
    await startReplayView(session.id, null, 'g2', at(0))
    const credited = [await beat(g1a, null, 'g1', 5, 5), await beat(a1, userA, null, 30, 30), await beat(b1, userB, null, 40, 40)]
    const g1b = await startReplayView(session.id, null, 'g1', at(500))
    credited.push(await beat(g1b, null, 'g1', 7, 507))
    const a2 = await startReplayView(session.id, userA, null, at(1000))
    credited.push(await beat(a2, userA, null, 12, 1012))
    expect(credited).toEqual([5, 30, 40, 7, 12])
    const expected = { uniqueViewers: 3, watchSeconds: 30 + 12 + 40 + 5 + 7 }
    expect(await recordingFigures(recording.id)).toEqual(expected)
    // Drift (a figure written by hand) is repaired by the recount from the rows.
    const prisma = await getPrisma()
    await prisma.recording.update({ where: { id: recording.id }, data: { uniqueViewers: 99, watchSeconds: 1n } })
    expect(await refreshReplayStats(recording.id)).toEqual(expected)
    expect(await recordingFigures(recording.id)).toEqual(expected)
    // Live figures are untouched by replays.
    expect(await prisma.liveSession.findUniqueOrThrow({ where: { id: session.id }, select: { uniqueViewers: true, watchSeconds: true } })).toEqual({
      uniqueViewers: 0,
      watchSeconds: 0n,
    })
  })
})
