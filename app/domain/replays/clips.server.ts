import { randomBytes } from 'node:crypto'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { isPlainText } from '~/lib/plain-text'
import { ffmpegSeconds, probeMedia, runFfmpeg } from '~/utils/ffmpeg.server'
import { getLogger } from '~/utils/logger.server'
import { CLIP_MAX_MS, CLIP_MIN_MS, CLIP_TITLE_MAX, type ClipView, type ProductClip } from './clip-schema'
import { signedMediaUrl } from './media-urls.server'
import { partDurationMs, type PartPlaylist } from './playlist'
import { visibleReplayWhere } from './lists.server'
import { loadPartPlaylists, type ReplayVisitor } from './recordings.server'
import { assertReplayAuthority, auditReplayEvent, type ReplayActor } from './retention.server'
import { getRecordingStorage } from './storage.server'
import { playbackOffsetMs } from './timeline'

// Clips: a range of a replay, cut without re-encoding into clip-<id>.mp4 next to the recording and shown
// with a product. The cut runs in the background, one at a time per process, from a bounded queue.

export const clipFileName = (clipId: string) => `clip-${clipId}.mp4`
/** Where a cut is written before it is renamed into place: its own name per run (two processes may resume the same clip). */
const clipWorkFileName = (clipId: string) => `clip-${clipId}-cut-${randomBytes(4).toString('hex')}.mp4`

/** Cuts waiting in this process beyond the one running; more are refused (503) rather than queued. */
export const CLIP_QUEUE_LIMIT = 50
const CUT_TIMEOUT_MS = 5 * 60_000

export type ClipInput = { title: string; startMs: number; endMs: number; productId?: string | undefined }

const clipError = (code: string, field: string, messageKey: string) => new DomainError(code, { status: 400, field, messageKey })

/**
 * Marks a clip of a showcase's finished replay and queues its cut. Allowed to the hosting company's
 * members with manage:showcase:own (or its host), the fair's organizer and admins. The range is 3 s to
 * 3 min inside the recording; the product, if any, is one of the hosting company's.
 */
export async function createClip(actor: ReplayActor, sessionId: string, input: ClipInput, now: Date): Promise<{ id: string; status: 'PROCESSING' }> {
  const facts = await assertReplayAuthority(sessionId, actor, 'clips')
  const prisma = await getPrisma()
  const recording = await prisma.recording.findUnique({ where: { sessionId }, select: { id: true, status: true, durationMs: true } })
  if (!recording || recording.status === 'REMOVED') throw new DomainError('not-found', { status: 404 })
  if (recording.status !== 'READY') throw new DomainError('replay-not-ready', { status: 409, messageKey: 'clips.errors.notReady' })

  const title = input.title.trim()
  if (!title) throw clipError('clip-title', 'title', 'errors.required')
  if (title.length > CLIP_TITLE_MAX) throw clipError('clip-title', 'title', 'errors.tooLong')
  if (!isPlainText(title)) throw clipError('clip-title', 'title', 'errors.controlCharacters')
  const { startMs, endMs } = input
  if (!Number.isInteger(startMs) || !Number.isInteger(endMs) || startMs < 0) throw clipError('clip-range', 'start', 'clips.errors.clock')
  if (endMs - startMs < CLIP_MIN_MS) throw clipError('clip-range', 'end', 'clips.errors.tooShort')
  if (endMs - startMs > CLIP_MAX_MS) throw clipError('clip-range', 'end', 'clips.errors.tooLong')
  if (endMs > recording.durationMs) throw clipError('clip-range', 'end', 'clips.errors.outside')
  if (input.productId) {
    const product = await prisma.product.findFirst({ where: { id: input.productId, companyId: facts.companyId }, select: { id: true } })
    if (!product) throw clipError('clip-product', 'productId', 'clips.errors.product')
  }
  if (queueState().pending.length >= CLIP_QUEUE_LIMIT) {
    throw new DomainError('clip-queue-full', { status: 503, retryAfterSeconds: 30, messageKey: 'clips.errors.busy' })
  }

  const clip = await prisma.$transaction(async (tx) => {
    const created = await tx.recordingClip.create({
      data: { recordingId: recording.id, productId: input.productId ?? null, title, startMs, endMs, createdById: actor.id, createdAt: now },
      select: { id: true },
    })
    await auditReplayEvent(tx, sessionId, 'CLIP_CREATED', actor.id, { clipId: created.id, recordingId: recording.id, startMs, endMs }, now)
    return created
  })
  if (!enqueueClipCut(clip.id)) {
    // The queue filled up between the check and here: the clip is not left waiting for a cut that never comes.
    await prisma.recordingClip.update({ where: { id: clip.id }, data: { status: 'FAILED' } })
    throw new DomainError('clip-queue-full', { status: 503, retryAfterSeconds: 30, messageKey: 'clips.errors.busy' })
  }
  return { id: clip.id, status: 'PROCESSING' }
}

// ── The cut queue: one per process (the server and the app bundle load this module twice, so it lives on globalThis)

type CutQueue = { pending: string[]; running: Promise<void> | null }
const QUEUE_KEY = Symbol.for('tradecast.clipCutQueue')

function queueState(): CutQueue {
  const holder = globalThis as typeof globalThis & { [QUEUE_KEY]?: CutQueue }
  holder[QUEUE_KEY] ??= { pending: [], running: null }
  return holder[QUEUE_KEY]
}

/** Queues a clip's cut; false when the queue is full (the clip stays PROCESSING until resumed). */
export function enqueueClipCut(clipId: string): boolean {
  const queue = queueState()
  if (queue.pending.includes(clipId)) return true
  if (queue.pending.length >= CLIP_QUEUE_LIMIT) return false
  queue.pending.push(clipId)
  queue.running ??= drain(queue)
  return true
}

async function drain(queue: CutQueue): Promise<void> {
  try {
    for (let clipId = queue.pending.shift(); clipId !== undefined; clipId = queue.pending.shift()) {
      try {
        await cutClip(clipId)
      } catch (error) {
        getLogger().error({ err: error, clipId }, 'clip cut failed')
      }
    }
  } finally {
    queue.running = null
  }
}

/** Cuts waiting or running in this process (the operations metrics' queue depth). */
export function clipQueueDepth(): number {
  const queue = queueState()
  return queue.pending.length + (queue.running ? 1 : 0)
}

/** Resolves when this process has no cut running or waiting (tests, graceful shutdown). */
export async function clipQueueIdle(): Promise<void> {
  const queue = queueState()
  while (queue.running) await queue.running
}

/** Clips a restart left PROCESSING are queued again (at start-up). */
export async function resumeUnfinishedClips(): Promise<number> {
  const prisma = await getPrisma()
  const clips = await prisma.recordingClip.findMany({
    where: { status: 'PROCESSING' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
    take: CLIP_QUEUE_LIMIT,
  })
  return clips.filter((clip) => enqueueClipCut(clip.id)).length
}

/** ffconcat's quoting: the path between single quotes, a quote written as '\'' . */
const concatQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

/**
 * Cuts one clip. The replay's segments covering the range are joined with ffmpeg's concat demuxer (it
 * rebases each segment's timestamps, so a range across a restart's discontinuity works too; input
 * seeking in the whole playlist does not survive one) and copied, not re-encoded: the clip starts at
 * the start of the segment holding its start (each segment opens with a key frame) and runs to the
 * asked end. The real start and length (ffprobe) are stored.
 */
async function cutClip(clipId: string): Promise<void> {
  const prisma = await getPrisma()
  const storage = getRecordingStorage()
  const clip = await prisma.recordingClip.findUnique({
    where: { id: clipId },
    select: { id: true, status: true, startMs: true, endMs: true, recordingId: true, recording: { select: { status: true, durationMs: true } } },
  })
  if (clip?.status !== 'PROCESSING') return
  const fail = async (reason: string, error?: unknown) => {
    getLogger().warn({ err: error, clipId, recordingId: clip.recordingId, reason }, 'clip cut failed')
    await prisma.recordingClip.updateMany({ where: { id: clipId, status: 'PROCESSING' }, data: { status: 'FAILED' } })
  }
  if (clip.recording.status !== 'READY') return fail('recording not ready')

  const parts = await loadPartPlaylists(clip.recordingId, storage)
  const segments: Array<{ file: string; startMs: number; endMs: number }> = []
  let offset = 0
  for (const part of parts.filter((candidate) => candidate.segments.length > 0).sort((a, b) => a.index - b.index)) {
    for (const segment of part.segments) {
      segments.push({ file: segment.file, startMs: offset, endMs: offset + segment.durationMs })
      offset += segment.durationMs
    }
  }
  const covering = segments.filter((segment) => segment.endMs > clip.startMs && segment.startMs < clip.endMs)
  const first = covering[0]
  if (!first) return fail('no segments in range')
  const cutStartMs = first.startMs
  const cutEndMs = Math.min(clip.endMs, offset)

  const workDir = await mkdtemp(path.join(tmpdir(), 'tc-clip-'))
  const work = storage.pathOf(clip.recordingId, clipWorkFileName(clipId))
  try {
    const list = path.join(workDir, 'segments.ffconcat')
    const lines = covering.map((segment) => `file ${concatQuote(storage.pathOf(clip.recordingId, segment.file))}`)
    await writeFile(list, `ffconcat version 1.0\n${lines.join('\n')}\n`)
    await runFfmpeg(
      [
        '-y',
        '-f',
        'concat',
        '-safe',
        '0',
        '-protocol_whitelist',
        'file',
        '-i',
        list,
        '-t',
        ffmpegSeconds(cutEndMs - cutStartMs),
        '-c',
        'copy',
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        work,
      ],
      { timeoutMs: CUT_TIMEOUT_MS },
    )
    const probed = await probeMedia(work)
    const endMs = Math.min(cutStartMs + probed.durationMs, partsDuration(parts))
    const target = storage.pathOf(clip.recordingId, clipFileName(clipId))
    await rename(work, target)
    // Only a clip still wanted becomes READY: removed meanwhile (or its replay deleted), the file goes.
    const done = await prisma.recordingClip.updateMany({
      where: { id: clipId, status: 'PROCESSING', recording: { status: 'READY' } },
      data: { status: 'READY', startMs: cutStartMs, endMs },
    })
    if (done.count === 0) {
      // Another process may have cut the same clip (both resumed it after a restart) and made it READY: its
      // file (this one, renamed over it) stays. Removed clips and deleted replays lose theirs.
      const current = await prisma.recordingClip.findUnique({ where: { id: clipId }, select: { status: true, recording: { select: { status: true } } } })
      if (current?.status !== 'READY' || current.recording.status !== 'READY') await storage.removeFile(clip.recordingId, clipFileName(clipId))
    }
  } catch (error) {
    await rm(work, { force: true })
    await fail('ffmpeg', error)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

const partsDuration = (parts: readonly PartPlaylist[]) => parts.reduce((sum, part) => sum + partDurationMs(part), 0)

// ── Reading clips

const clipSelect = {
  id: true,
  title: true,
  productId: true,
  startMs: true,
  endMs: true,
  status: true,
  published: true,
  recordingId: true,
  product: { select: { translations: { select: { locale: true, name: true } } } },
} satisfies Prisma.RecordingClipSelect

type ClipRow = Prisma.RecordingClipGetPayload<{ select: typeof clipSelect }>

function clipView(clip: ClipRow, locale: string, now: number): ClipView {
  const productName = clip.product ? pickTranslation(clip.product.translations, locale)?.name : undefined
  return {
    id: clip.id,
    title: clip.title,
    productId: clip.productId,
    ...(productName ? { productName } : {}),
    startMs: clip.startMs,
    endMs: clip.endMs,
    status: clip.status,
    published: clip.published,
    url: clip.status === 'READY' ? signedMediaUrl(clip.recordingId, clipFileName(clip.id), { now }) : null,
  }
}

/**
 * A replay's clips, oldest first: the published READY ones for viewers; with `includeUnpublished` (for
 * those who manage the replay) every clip that is not removed, processing and failed ones too.
 */
export async function listRecordingClips(
  recordingId: string,
  { includeUnpublished, locale = 'en', now = Date.now() }: { includeUnpublished: boolean; locale?: string; now?: number },
): Promise<ClipView[]> {
  const prisma = await getPrisma()
  const clips = await prisma.recordingClip.findMany({
    where: {
      recordingId,
      recording: { status: { not: 'REMOVED' } },
      ...(includeUnpublished ? { status: { not: 'REMOVED' } } : { status: 'READY', published: true }),
    },
    orderBy: [{ startMs: 'asc' }, { createdAt: 'asc' }],
    select: clipSelect,
  })
  return clips.map((clip) => clipView(clip, locale, now))
}

/** Every clip (not removed) of these recordings, by recording: the exporter's replay page. */
export async function listClipsByRecording(recordingIds: readonly string[], { locale = 'en', now = Date.now() }: { locale?: string; now?: number } = {}) {
  const prisma = await getPrisma()
  const clips = await prisma.recordingClip.findMany({
    where: { recordingId: { in: [...recordingIds] }, status: { not: 'REMOVED' }, recording: { status: { not: 'REMOVED' } } },
    orderBy: [{ startMs: 'asc' }, { createdAt: 'asc' }],
    select: clipSelect,
  })
  const byRecording: Record<string, ClipView[]> = {}
  for (const clip of clips) (byRecording[clip.recordingId] ??= []).push(clipView(clip, locale, now))
  return byRecording
}

/** The product page's clips: READY published clips of the product, from replays this visitor may see. */
export async function listProductClips(productId: string, visitor: ReplayVisitor, { locale = 'en', now = Date.now() }: { locale?: string; now?: number } = {}) {
  const prisma = await getPrisma()
  const clips = await prisma.recordingClip.findMany({
    where: { productId, status: 'READY', published: true, recording: visibleReplayWhere(visitor) },
    orderBy: { createdAt: 'desc' },
    take: 12,
    select: { ...clipSelect, recording: { select: { sessionId: true, session: { select: { title: true, titleI18n: true } } } } },
  })
  return clips.map((clip): ProductClip => ({
    ...clipView(clip, locale, now),
    sessionId: clip.recording.sessionId,
    sessionTitle: pickLocalized(clip.recording.session.title, clip.recording.session.titleI18n, locale),
  }))
}

export type ProductReplayMoment = { sessionId: string; title: string; airedAt: string; offsetsMs: number[] }

/**
 * "Seen in this showcase at 12:34": the replays this visitor may see in which the product was pinned,
 * newest first, each with the playback offsets of its pins (PRODUCT_PINNED events on the replay's time).
 */
export async function listProductReplayMoments(productId: string, visitor: ReplayVisitor, { locale = 'en' }: { locale?: string } = {}) {
  const prisma = await getPrisma()
  const product = await prisma.product.findUnique({ where: { id: productId }, select: { companyId: true } })
  if (!product) return []
  // A host pins only their own company's products: its replays are the only candidates.
  const recordings = await prisma.recording.findMany({
    where: visibleReplayWhere(visitor, { companyId: product.companyId }),
    orderBy: { startedAt: 'desc' },
    take: 50,
    select: {
      sessionId: true,
      startedAt: true,
      parts: { select: { index: true, startedAt: true, durationMs: true } },
      session: { select: { title: true, titleI18n: true, startedAt: true } },
    },
  })
  if (recordings.length === 0) return []
  const pins = await prisma.liveSessionEvent.findMany({
    where: { kind: 'PRODUCT_PINNED', sessionId: { in: recordings.map((recording) => recording.sessionId) }, data: { path: ['productId'], equals: productId } },
    orderBy: { createdAt: 'asc' },
    select: { sessionId: true, createdAt: true },
  })
  const moments: ProductReplayMoment[] = []
  for (const recording of recordings) {
    const offsets = pins
      .filter((pin) => pin.sessionId === recording.sessionId)
      .map((pin) => playbackOffsetMs(pin.createdAt, recording.parts))
      .filter((offset): offset is number => offset !== null)
    if (offsets.length === 0) continue
    moments.push({
      sessionId: recording.sessionId,
      title: pickLocalized(recording.session.title, recording.session.titleI18n, locale),
      airedAt: (recording.session.startedAt ?? recording.startedAt).toISOString(),
      offsetsMs: [...new Set(offsets)].slice(0, 10),
    })
  }
  return moments.slice(0, 10)
}

// ── Managing clips

async function loadClip(clipId: string) {
  const prisma = await getPrisma()
  const clip = await prisma.recordingClip.findUnique({
    where: { id: clipId },
    select: { id: true, status: true, recordingId: true, recording: { select: { sessionId: true } } },
  })
  if (!clip) throw new DomainError('not-found', { status: 404 })
  return clip
}

/** Shows or hides a clip (those who may mark clips on the replay). Idempotent. */
export async function setClipPublished(actor: ReplayActor, clipId: string, published: boolean, now: Date): Promise<void> {
  const clip = await loadClip(clipId)
  await assertReplayAuthority(clip.recording.sessionId, actor, 'clips')
  if (clip.status === 'REMOVED') throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const changed = await tx.recordingClip.updateMany({ where: { id: clipId, published: !published, status: { not: 'REMOVED' } }, data: { published } })
    if (changed.count > 0) {
      await auditReplayEvent(
        tx,
        clip.recording.sessionId,
        published ? 'CLIP_PUBLISHED' : 'CLIP_UNPUBLISHED',
        actor.id,
        { clipId, recordingId: clip.recordingId },
        now,
      )
    }
  })
}

/** Deletes a clip's file; its row stays as REMOVED. A cut still running discards its result. Idempotent. */
export async function removeClip(actor: ReplayActor, clipId: string, now: Date): Promise<void> {
  const clip = await loadClip(clipId)
  await assertReplayAuthority(clip.recording.sessionId, actor, 'clips')
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const changed = await tx.recordingClip.updateMany({ where: { id: clipId, status: { not: 'REMOVED' } }, data: { status: 'REMOVED', removedAt: now } })
    if (changed.count > 0) await auditReplayEvent(tx, clip.recording.sessionId, 'CLIP_REMOVED', actor.id, { clipId, recordingId: clip.recordingId }, now)
  })
  await getRecordingStorage().removeFile(clip.recordingId, clipFileName(clipId))
}

/** A clip's status for the one who marked it (the clip marker polls it while the cut runs). */
export async function clipStatusFor(actor: ReplayActor, sessionId: string, clipId: string, locale: string): Promise<ClipView> {
  await assertReplayAuthority(sessionId, actor, 'clips')
  const prisma = await getPrisma()
  const clip = await prisma.recordingClip.findFirst({ where: { id: clipId, recording: { sessionId } }, select: clipSelect })
  if (!clip) throw new DomainError('not-found', { status: 404 })
  return clipView(clip, locale, Date.now())
}
