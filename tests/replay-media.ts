import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPrisma } from '~/domain/db.server'
import { syncRecording } from '~/domain/replays/recordings.server'
import { partPlaylistName, partSegmentPattern } from '~/domain/replays/playlist'
import { LocalRecordingStorage, setRecordingStorage, type RecordingStorage } from '~/domain/replays/storage.server'
import { runFfmpeg } from '~/utils/ffmpeg.server'

// Real recordings for tests: HLS parts written by ffmpeg from its test sources (a test pattern and a
// tone, H.264 + AAC in MPEG-TS, 2-s segments each opening with a key frame, as the recorder writes them),
// in a temporary RECORDINGS_DIR.

/** A temporary recordings folder as the process's store; `close` removes it and restores the default. */
export async function temporaryRecordingStorage(): Promise<{ storage: LocalRecordingStorage; close: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'tc-recordings-'))
  const storage = new LocalRecordingStorage(root)
  setRecordingStorage(storage)
  return {
    storage,
    close: async () => {
      setRecordingStorage(undefined)
      await rm(root, { recursive: true, force: true })
    },
  }
}

/** Writes part `index` of a recording: `seconds` of media as p00N.m3u8 + p00N-00000.ts … */
export async function writeHlsPart(storage: RecordingStorage, recordingId: string, index: number, seconds: number): Promise<void> {
  const folder = await storage.prepare(recordingId)
  await runFfmpeg(
    [
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      String(seconds),
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '50',
      '-keyint_min',
      '50',
      '-sc_threshold',
      '0',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-f',
      'hls',
      '-hls_time',
      '2',
      '-hls_list_size',
      '0',
      '-hls_segment_filename',
      path.join(folder, partSegmentPattern(index)),
      path.join(folder, partPlaylistName(index)),
    ],
    { timeoutMs: 60_000 },
  )
}

/**
 * A READY recording of an ENDED showcase: its parts (lengths in seconds) written by ffmpeg, part rows
 * starting at `startedAt` with `gapSeconds` between parts, and the recording finalised as the recorder does.
 */
export async function recordShowcase(
  sessionId: string,
  storage: RecordingStorage,
  { partSeconds, startedAt, gapSeconds = 30, published = true }: { partSeconds: number[]; startedAt: Date; gapSeconds?: number; published?: boolean },
) {
  const prisma = await getPrisma()
  const recording = await prisma.recording.create({ data: { sessionId, startedAt, published }, select: { id: true } })
  let partStart = startedAt.getTime()
  for (const [index, seconds] of partSeconds.entries()) {
    await prisma.recordingPart.create({ data: { recordingId: recording.id, index, startedAt: new Date(partStart) } })
    await writeHlsPart(storage, recording.id, index, seconds)
    partStart += (seconds + gapSeconds) * 1000
  }
  const { durationMs } = await syncRecording(recording.id, storage, { final: true, now: new Date(partStart) })
  return { recordingId: recording.id, durationMs }
}
