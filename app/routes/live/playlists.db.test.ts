import '../../../tests/app-handler'
import { mkdtempSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { LocalRecordingStorage } from '~/domain/replays/storage.server'
import { appGet, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { endedShowcase } from '../../../tests/replay-fixtures'

// The recording's HLS playlists: who gets them (the replay's visibility rule, the live room's rule for the
// live rendition) and what they hold (parts joined by discontinuities, signed segment links, capture times).

let app: AppHandler
// The app handler's modules (compiled by Vite) read the folder from the environment at their first request.
const folder = mkdtempSync(path.join(os.tmpdir(), 'tradecast-playlists-'))
process.env.RECORDINGS_DIR = folder

beforeAll(async () => {
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  await (app as AppHandler | undefined)?.close()
  await rm(folder, { recursive: true, force: true })
})

/** Part playlists as ffmpeg writes them: part 0 ended cleanly, part 1 was cut short by a crash. */
async function writeParts(recordingId: string) {
  const storage = new LocalRecordingStorage(folder)
  await storage.prepare(recordingId)
  const playlist = (index: number, count: number, ended: boolean) =>
    [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:EVENT',
      ...Array.from({ length: count }, (_, i) => [`#EXTINF:2.000000,`, `p00${index}-${String(i).padStart(5, '0')}.ts`]).flat(),
      ...(ended ? ['#EXT-X-ENDLIST'] : []),
    ].join('\n')
  await writeFile(storage.pathOf(recordingId, 'p000.m3u8'), playlist(0, 3, true))
  await writeFile(storage.pathOf(recordingId, 'p001.m3u8'), playlist(1, 2, false))
}

const get = (url: string, cookies: string[] = []) => app.handle(appGet(url, cookies))

describe('GET /live/:sessionId/replay.m3u8', () => {
  it('gives the whole replay: parts in order, a discontinuity between them, signed segment links, the end', async () => {
    const { session } = await endedShowcase()
    const recording = await (await getPrisma()).recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    await writeParts(recording.id)
    const response = await get(`/live/${session.id}/replay.m3u8`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/vnd.apple.mpegurl')
    const lines = (await response.text()).trim().split('\n')
    expect(lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
    expect(lines.at(-1)).toBe('#EXT-X-ENDLIST')
    const uris = lines.filter((line) => !line.startsWith('#'))
    expect(uris).toHaveLength(5)
    for (const uri of uris) expect(uri).toMatch(new RegExp(`^/media/recordings/${recording.id}/p00[01]-\\d{5}\\.ts\\?exp=\\d+&sig=[\\w-]{43}$`))
    expect(lines.indexOf('#EXT-X-DISCONTINUITY')).toBe(lines.findIndex((line) => line.includes('p001-00000.ts')) - 2)
  })

  it('is 404 for an unpublished replay, except to its company, and for a private showcase’s to guests', async () => {
    const { session, exporter, buyer } = await endedShowcase({ published: false })
    const recording = await (await getPrisma()).recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    await writeParts(recording.id)
    expect((await get(`/live/${session.id}/replay.m3u8`)).status).toBe(404)
    expect((await get(`/live/${session.id}/replay.m3u8`, [buyer.cookie])).status).toBe(404)
    expect((await get(`/live/${session.id}/replay.m3u8`, [exporter.cookie])).status).toBe(200)

    const hidden = await endedShowcase({ isPublic: false })
    expect((await get(`/live/${hidden.session.id}/replay.m3u8`)).status).toBe(404)
    expect((await get(`/live/${hidden.session.id}/replay.m3u8`, [hidden.buyer.cookie])).status).toBe(200)
  })

  it('is 404 for a removed or failed recording, a showcase without one, and an unknown id', async () => {
    const prisma = await getPrisma()
    const removed = await endedShowcase()
    await prisma.recording.update({ where: { sessionId: removed.session.id }, data: { status: 'REMOVED', removedAt: new Date() } })
    expect((await get(`/live/${removed.session.id}/replay.m3u8`, [removed.exporter.cookie])).status).toBe(404)
    const none = await endedShowcase({ recording: false })
    expect((await get(`/live/${none.session.id}/replay.m3u8`, [none.exporter.cookie])).status).toBe(404)
    expect((await get('/live/does-not-exist/replay.m3u8')).status).toBe(404)
  })
})

describe('GET /live/:sessionId/live.m3u8', () => {
  it('gives the live edge with capture times while the show is live and recorded, and nothing once it ended', async () => {
    const prisma = await getPrisma()
    const { session } = await endedShowcase()
    await prisma.liveSession.update({ where: { id: session.id }, data: { status: 'LIVE', endedAt: null } })
    const recording = await prisma.recording.update({ where: { sessionId: session.id }, data: { status: 'RECORDING', finalizedAt: null } })
    await writeParts(recording.id)
    const response = await get(`/live/${session.id}/live.m3u8`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const text = await response.text()
    expect(text).not.toContain('#EXT-X-ENDLIST')
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:0')
    // Part 1 started 90 s after part 0 (see replay-fixtures): its first segment was captured then.
    const part1Start = (await prisma.recordingPart.findUniqueOrThrow({ where: { recordingId_index: { recordingId: recording.id, index: 1 } } })).startedAt
    expect(text).toContain(`#EXT-X-PROGRAM-DATE-TIME:${part1Start.toISOString()}`)

    await prisma.liveSession.update({ where: { id: session.id }, data: { status: 'ENDED' } })
    expect((await get(`/live/${session.id}/live.m3u8`)).status).toBe(404)
  })
})
