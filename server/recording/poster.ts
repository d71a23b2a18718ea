import { rename } from 'node:fs/promises'
import { PART_PLAYLIST, parseMediaPlaylist } from '../../app/domain/replays/playlist.ts'
import { LIVE_PREVIEW_FILE, POSTER_FILE } from '../../app/domain/replays/recordings.server.ts'
import type { RecordingStorage } from '../../app/domain/replays/storage.server.ts'
import { FfmpegError, runProcess } from '../../app/utils/ffmpeg.server.ts'
import { posterArgs } from './ffmpeg.ts'

/**
 * The recording's poster: a still of its second segment (the first may hold the grey frames before the
 * first key frame), or of the first when `anySegment` (a show shorter than two segments). Written aside and
 * renamed, so a reader never gets half a JPEG. False when there is no segment to take it from yet.
 */
export async function makePoster(ffmpeg: string, storage: RecordingStorage, recordingId: string, { anySegment }: { anySegment: boolean }): Promise<boolean> {
  const segments: string[] = []
  for (const playlist of (await storage.list(recordingId)).filter((file) => PART_PLAYLIST.test(file))) {
    const text = await storage.readText(recordingId, playlist)
    if (text) segments.push(...parseMediaPlaylist(text, Number(PART_PLAYLIST.exec(playlist)?.[1])).segments.map((segment) => segment.file))
  }
  const source = segments[1] ?? (anySegment ? segments[0] : undefined)
  if (!source) return false
  const result = await runProcess(ffmpeg, posterArgs(source, 'poster-next.jpg'), { cwd: storage.pathOf(recordingId), timeoutMs: 15_000 })
  if (result.code !== 0) throw new FfmpegError(`the poster could not be made: ${result.stderrTail.slice(-300)}`, result)
  await rename(storage.pathOf(recordingId, 'poster-next.jpg'), storage.pathOf(recordingId, POSTER_FILE))
  return true
}

/**
 * The live preview: a still of the newest complete segment of the newest part, written aside and renamed
 * like the poster. The directory shows it for shows that are live; false when no segment exists yet.
 */
export async function makeLivePreview(ffmpeg: string, storage: RecordingStorage, recordingId: string, signal?: AbortSignal): Promise<boolean> {
  const playlists = (await storage.list(recordingId)).filter((file) => PART_PLAYLIST.test(file))
  const newest = playlists.at(-1)
  const text = newest ? await storage.readText(recordingId, newest) : null
  const source = text ? parseMediaPlaylist(text, Number(PART_PLAYLIST.exec(newest ?? '')?.[1])).segments.at(-1)?.file : undefined
  if (!source) return false
  if (signal?.aborted) return false
  const result = await runProcess(ffmpeg, posterArgs(source, 'preview-next.jpg'), { cwd: storage.pathOf(recordingId), timeoutMs: 15_000, signal })
  if (result.code !== 0) throw new FfmpegError(`the live preview could not be made: ${result.stderrTail.slice(-300)}`, result)
  await rename(storage.pathOf(recordingId, 'preview-next.jpg'), storage.pathOf(recordingId, LIVE_PREVIEW_FILE))
  return true
}
