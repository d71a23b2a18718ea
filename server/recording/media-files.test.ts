import { mkdtempSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedMediaUrl } from '../../app/domain/replays/media-urls.server.ts'
import { getRecordingStorage, LocalRecordingStorage, setRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import { mountRecordingFiles } from './media-files.ts'

// Recording files behind signed links: served whole or by range when the link is good, 404 otherwise,
// whatever the path tries.

const folder = mkdtempSync(path.join(os.tmpdir(), 'tradecast-media-files-'))
const recordingId = 'cmrecording0000000000001'
let base = ''
let close: () => void

beforeAll(async () => {
  setRecordingStorage(new LocalRecordingStorage(folder))
  const storage = getRecordingStorage()
  await storage.prepare(recordingId)
  await writeFile(storage.pathOf(recordingId, 'p000-00001.ts'), Buffer.alloc(4096, 0x47))
  await writeFile(storage.pathOf(recordingId, 'clip-abc.mp4'), Buffer.from('0123456789'))
  await writeFile(path.join(folder, 'secret.txt'), 'not a recording')
  const app = express()
  mountRecordingFiles(app)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(async () => {
  close()
  setRecordingStorage(undefined)
  await rm(folder, { recursive: true, force: true })
})

describe('/media/recordings/:recordingId/:file', () => {
  it('serves a signed segment with its type, nosniff and a private cache', async () => {
    const response = await fetch(base + signedMediaUrl(recordingId, 'p000-00001.ts'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('video/mp2t')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toContain('private')
    expect((await response.arrayBuffer()).byteLength).toBe(4096)
  })

  it('answers a range of a clip (players seek with ranges)', async () => {
    const response = await fetch(base + signedMediaUrl(recordingId, 'clip-abc.mp4'), { headers: { Range: 'bytes=2-5' } })
    expect(response.status).toBe(206)
    expect(await response.text()).toBe('2345')
  })

  it('is 404 unsigned, with a signature of another file’s recording, tampered, expired, or missing', async () => {
    const good = new URL(base + signedMediaUrl(recordingId, 'p000-00001.ts'))
    const variants = [
      `${base}/media/recordings/${recordingId}/p000-00001.ts`,
      base + signedMediaUrl('cmrecording0000000000002', 'p000-00001.ts').replace('cmrecording0000000000002', recordingId),
      `${good.origin}${good.pathname}?exp=${good.searchParams.get('exp')}&sig=${'A'.repeat(43)}`,
      base + signedMediaUrl(recordingId, 'p000-00001.ts', { now: Date.now() - 30 * 3600 * 1000 }),
      base + signedMediaUrl(recordingId, 'p000-00009.ts'),
    ]
    for (const url of variants) expect((await fetch(url)).status, url).toBe(404)
  })

  it('scopes a link: a poster’s or a clip’s link opens that file only, not the segments or another clip', async () => {
    const swap = (url: string, file: string) => url.replace(/\/[^/?]+\?/, `/${file}?`)
    const poster = signedMediaUrl(recordingId, 'poster.jpg')
    const clip = signedMediaUrl(recordingId, 'clip-abc.mp4')
    expect((await fetch(base + clip)).status).toBe(200)
    expect((await fetch(base + swap(poster, 'p000-00001.ts'))).status).toBe(404)
    expect((await fetch(base + swap(poster, 'clip-abc.mp4'))).status).toBe(404)
    expect((await fetch(base + swap(clip, 'p000-00001.ts'))).status).toBe(404)
    // A segment link opens the recording's segments (the playlist lists them all), nothing else.
    expect((await fetch(base + swap(signedMediaUrl(recordingId, 'p000-00009.ts'), 'p000-00001.ts'))).status).toBe(200)
    expect((await fetch(base + swap(signedMediaUrl(recordingId, 'p000-00001.ts'), 'clip-abc.mp4'))).status).toBe(404)
  })

  it('never leaves the recordings folder or serves other file types', async () => {
    const sig = new URL(base + signedMediaUrl(recordingId, 'p000-00001.ts')).search
    const attempts = [
      `/media/recordings/${recordingId}/..%2Fsecret.txt${sig}`,
      `/media/recordings/${recordingId}/%2e%2e%2f%2e%2e%2fetc%2fpasswd${sig}`,
      `/media/recordings/..%2F${recordingId}/p000-00001.ts${sig}`,
      `/media/recordings/${recordingId}/p000.m3u8${sig}`,
      `/media/recordings/${recordingId}/p000.sdp${sig}`,
    ]
    for (const attempt of attempts) expect((await fetch(base + attempt)).status, attempt).toBe(404)
  })
})
