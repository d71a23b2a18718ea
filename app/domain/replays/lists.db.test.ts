import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { verifyMediaLink } from './media-urls.server'
import { listVisibleReplays } from './lists.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const HOUR = 3_600_000
const NOW = new Date('2026-12-02T12:00:00.000Z')

type ReplayOptions = {
  title: string
  airedHoursAgo: number
  isPublic?: boolean
  published?: boolean
  status?: 'READY' | 'RECORDING' | 'REMOVED' | 'FAILED'
  hasPoster?: boolean
  durationMs?: number
  fairId?: string
  approved?: boolean
}

async function world() {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const stranger = await createExporter()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `replay-fair-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Replay Expo',
      startsAt: new Date(NOW.getTime() - 72 * HOUR),
      endsAt: new Date(NOW.getTime() + 72 * HOUR),
      timeZone: 'Asia/Seoul',
      status: 'LIVE',
      organizerId: organizer.user.id,
    },
  })
  const replay = async (company: { user: { id: string }; company: { id: string } }, options: ReplayOptions) => {
    const aired = new Date(NOW.getTime() - options.airedHoursAgo * HOUR)
    const session = await prisma.liveSession.create({
      data: {
        title: options.title,
        status: 'ENDED',
        isPublic: options.isPublic ?? true,
        hostId: company.user.id,
        companyId: company.company.id,
        scheduledStartAt: aired,
        scheduledEndAt: new Date(aired.getTime() + HOUR),
        startedAt: aired,
        endedAt: new Date(aired.getTime() + HOUR),
        ...(options.fairId ? { fairId: options.fairId, approvedAt: options.approved ? aired : null } : {}),
      },
    })
    const recording = await prisma.recording.create({
      data: {
        sessionId: session.id,
        status: options.status ?? 'READY',
        published: options.published ?? true,
        startedAt: aired,
        durationMs: options.durationMs ?? 754_000,
        hasPoster: options.hasPoster ?? false,
        ...(options.status === 'REMOVED' ? { removedAt: NOW } : {}),
      },
    })
    return { session, recording }
  }
  return {
    exporter,
    fair,
    older: await replay(exporter, { title: 'Older public replay', airedHoursAgo: 48 }),
    newer: await replay(exporter, { title: 'Newer public replay', airedHoursAgo: 2, hasPoster: true, durationMs: 3_723_000 }),
    closed: await replay(exporter, { title: 'Private replay', airedHoursAgo: 24, isPublic: false }),
    unpublished: await replay(exporter, { title: 'Unpublished replay', airedHoursAgo: 1, published: false }),
    removed: await replay(exporter, { title: 'Removed replay', airedHoursAgo: 3, status: 'REMOVED' }),
    recording: await replay(exporter, { title: 'Still recording', airedHoursAgo: 0, status: 'RECORDING' }),
    failed: await replay(exporter, { title: 'Failed recording', airedHoursAgo: 5, status: 'FAILED' }),
    fairShow: await replay(exporter, { title: 'Approved fair replay', airedHoursAgo: 30, fairId: fair.id, approved: true }),
    proposal: await replay(exporter, { title: 'Unapproved proposal replay', airedHoursAgo: 6, fairId: fair.id, approved: false }),
    elsewhere: await replay(stranger, { title: 'Another company replay', airedHoursAgo: 4, fairId: fair.id, approved: true }),
  }
}

const titles = (list: Array<{ title: string }>) => list.map((item) => item.title)

describe('listVisibleReplays', () => {
  it('a guest sees the finished, published, public replays of the company, newest first; nothing unpublished, removed, unfinished, private or unapproved', async () => {
    const w = await world()
    const list = await listVisibleReplays({ companyId: w.exporter.company.id }, null, 'en', { now: NOW.getTime() })
    expect(titles(list)).toEqual(['Newer public replay', 'Approved fair replay', 'Older public replay'])
    const [newer, , older] = list
    expect(newer).toMatchObject({
      sessionId: w.newer.session.id,
      companyName: w.exporter.company.name,
      airedAt: w.newer.session.startedAt?.toISOString(),
      durationMs: 3_723_000,
      duration: '1:02:03',
    })
    // The poster comes as a signed media link that the file route accepts; without a poster, none.
    const poster = new URL(newer?.posterUrl ?? '', 'http://localhost')
    expect(poster.pathname).toBe(`/media/recordings/${w.newer.recording.id}/poster.jpg`)
    expect(verifyMediaLink(w.newer.recording.id, 'poster.jpg', poster.searchParams.get('exp'), poster.searchParams.get('sig'), NOW.getTime())).toEqual({
      ok: true,
    })
    expect(older).toMatchObject({ posterUrl: null, duration: '12:34' })
  })

  it('a signed-in visitor also sees private showcases’ replays; unpublished ones stay out of the lists even for their company', async () => {
    const w = await world()
    const buyer = await createBuyer()
    const visitor = await getOptionalUser(getRequest('/', [buyer.cookie]))
    expect(titles(await listVisibleReplays({ companyId: w.exporter.company.id }, visitor, 'en', { now: NOW.getTime() }))).toEqual([
      'Newer public replay',
      'Private replay',
      'Approved fair replay',
      'Older public replay',
    ])
    const owner = await getOptionalUser(getRequest('/', [w.exporter.cookie]))
    expect(titles(await listVisibleReplays({ companyId: w.exporter.company.id }, owner, 'en'))).not.toContain('Unpublished replay')
  })

  it('a fair lists the approved showcases’ replays of every exhibitor', async () => {
    const w = await world()
    expect(titles(await listVisibleReplays({ fairId: w.fair.id }, null, 'en'))).toEqual(['Another company replay', 'Approved fair replay'])
    // A company in a fair: both scopes at once.
    expect(titles(await listVisibleReplays({ fairId: w.fair.id, companyId: w.exporter.company.id }, null, 'en'))).toEqual(['Approved fair replay'])
  })
})
