import { mkdir, readdir, readFile, rename, rm, statfs, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '~/utils/env.server'

/** Ids of recordings are cuids; file names are flat (no folders), so nothing can name a path outside. */
const RECORDING_ID = /^[a-z0-9]{16,40}$/
const FILE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}\.(m3u8|ts|m4s|mp4|jpg|sdp|log)$/

export class StoragePathError extends Error {}

/**
 * Where recordings live. ffmpeg writes its HLS parts into a local folder, so every store starts
 * local; another backend (object storage) would upload finished files and serve them itself.
 * Layout per recording, flat: `p000.m3u8` + `p000-00001.ts` per part, `poster.jpg`, `clip-<id>.mp4`.
 */
export type RecordingStorage = {
  /** Absolute path of a recording's file; throws StoragePathError for any name outside the layout. */
  pathOf(recordingId: string, file?: string): string
  /** Creates the recording's folder and returns it. */
  prepare(recordingId: string): Promise<string>
  readText(recordingId: string, file: string): Promise<string | null>
  /** Writes a small text file (a playlist, an SDP) aside and renames it: a reader never sees half of it. */
  writeText(recordingId: string, file: string, text: string): Promise<void>
  list(recordingId: string): Promise<string[]>
  /** Deletes every file of the recording (idempotent). */
  remove(recordingId: string): Promise<void>
  removeFile(recordingId: string, file: string): Promise<void>
  /** Bytes free for recordings on the underlying disk. */
  freeBytes(): Promise<number>
}

export function isRecordingFileName(file: string): boolean {
  return FILE_NAME.test(file)
}

export class LocalRecordingStorage implements RecordingStorage {
  readonly root: string

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  pathOf(recordingId: string, file?: string): string {
    if (!RECORDING_ID.test(recordingId)) throw new StoragePathError('Not a recording id.')
    if (file !== undefined && !FILE_NAME.test(file)) throw new StoragePathError('Not a recording file name.')
    const resolved = path.resolve(this.root, recordingId, file ?? '.')
    // The patterns above already exclude separators and dots; this is the belt to those braces.
    if (!resolved.startsWith(this.root + path.sep)) throw new StoragePathError('Outside the recordings folder.')
    return resolved
  }

  async prepare(recordingId: string): Promise<string> {
    const folder = this.pathOf(recordingId)
    await mkdir(folder, { recursive: true })
    return folder
  }

  async readText(recordingId: string, file: string): Promise<string | null> {
    try {
      return await readFile(this.pathOf(recordingId, file), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async writeText(recordingId: string, file: string, text: string): Promise<void> {
    const target = this.pathOf(recordingId, file)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(`${target}.tmp`, text)
    await rename(`${target}.tmp`, target)
  }

  async list(recordingId: string): Promise<string[]> {
    try {
      return (await readdir(this.pathOf(recordingId))).filter(isRecordingFileName).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }

  async remove(recordingId: string): Promise<void> {
    await rm(this.pathOf(recordingId), { recursive: true, force: true })
  }

  async removeFile(recordingId: string, file: string): Promise<void> {
    await rm(this.pathOf(recordingId, file), { force: true })
  }

  async freeBytes(): Promise<number> {
    await mkdir(this.root, { recursive: true })
    const stats = await statfs(this.root)
    return stats.bavail * stats.bsize
  }
}

let storage: RecordingStorage | undefined

/** The process's recording store: RECORDINGS_DIR, by default data/recordings. */
export function getRecordingStorage(): RecordingStorage {
  storage ??= new LocalRecordingStorage(getEnv().RECORDINGS_DIR)
  return storage
}

/** For tests: point the store elsewhere (a temporary folder). */
export function setRecordingStorage(next: RecordingStorage | undefined): void {
  storage = next
}
