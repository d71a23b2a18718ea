import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import pino from 'pino'
import * as sdpTransform from 'sdp-transform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createLiveShowcase } from '../../tests/fixtures'
import { createTestMediaLayer } from '../../tests/recording'
import { mediaWorkerBinary } from '../../tests/realtime'
import { findIngestTarget, hashIngestToken, ingestCredentialFor, revokeIngestToken, rotateIngestToken } from '~/domain/live/ingest.server'
import { getPrisma } from '~/domain/db.server'
import type { MediaLayer } from '../media/index'
import { IngestService } from './service'
import { mountWhip } from './whip-http'

// The WHIP endpoint over real HTTP, with real mediasoup workers and the real database: tokens, refusals
// (and that a refused request sets up no media), a second ingest refused, DELETE.

const CHROMIUM = readFileSync(new URL('./fixtures/chromium-offer.sdp', import.meta.url), 'utf8')
const OBS_H264 = readFileSync(new URL('./fixtures/obs-offer.sdp', import.meta.url), 'utf8')
const bin = mediaWorkerBinary()

describe('ingest tokens (app/domain/live/ingest.server.ts)', () => {
  it('rotates, finds by token in constant time, refuses other showcases, revoked and malformed tokens', async () => {
    const { exporter, session } = await createLiveShowcase('Token showcase')
    const { session: other } = await createLiveShowcase('Other showcase')
    expect(await ingestCredentialFor(session.id, exporter.user.id)).toBeNull()
    const first = await rotateIngestToken(session.id, exporter.user.id, new Date('2026-12-03T12:00:00Z'))
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = await (await getPrisma()).showcaseIngest.findUniqueOrThrow({ where: { sessionId: session.id } })
    // Sealed at rest, found by hash: the token itself is nowhere in the row.
    expect(stored.tokenSealed).not.toContain(first)
    expect(stored.tokenHash).toBe(hashIngestToken(first))
    expect(await findIngestTarget(first)).toMatchObject({ sessionId: session.id, hostId: exporter.user.id, status: 'LIVE' })
    expect(await findIngestTarget(first, session.id)).not.toBeNull()
    expect(await findIngestTarget(first, other.id)).toBeNull()
    expect(await findIngestTarget(`${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
    expect(await findIngestTarget('short')).toBeNull()
    expect(await findIngestTarget(`${first}'; DROP TABLE "ShowcaseIngest"; --`)).toBeNull()
    const credential = await ingestCredentialFor(session.id, exporter.user.id)
    expect(credential?.token).toBe(first)
    expect(credential?.masked).toBe(`••••••••${first.slice(-4)}`)

    const second = await rotateIngestToken(session.id, exporter.user.id, new Date('2026-12-03T12:05:00Z'))
    expect(second).not.toBe(first)
    expect(await findIngestTarget(first)).toBeNull()
    expect(await findIngestTarget(second)).not.toBeNull()
    await revokeIngestToken(session.id, exporter.user.id, new Date())
    expect(await findIngestTarget(second)).toBeNull()
  })

  it('lets only those who manage the showcase see or rotate the token', async () => {
    const { session } = await createLiveShowcase('Guarded showcase')
    const { exporter: outsider } = await createLiveShowcase('Someone else')
    const buyer = await createBuyer()
    await expect(rotateIngestToken(session.id, outsider.user.id, new Date())).rejects.toMatchObject({ code: 'forbidden', status: 403 })
    await expect(rotateIngestToken(session.id, buyer.user.id, new Date())).rejects.toMatchObject({ code: 'forbidden' })
    await expect(ingestCredentialFor(session.id, buyer.user.id)).rejects.toMatchObject({ code: 'forbidden' })
  })
})

describe.skipIf(!bin)('WHIP endpoint (POST offer / DELETE resource) on real mediasoup', () => {
  let media: MediaLayer
  let ingest: IngestService
  let server: Server
  let base = ''

  beforeAll(async () => {
    media = await createTestMediaLayer(bin!, { min: 47000, max: 47199 })
    ingest = new IngestService({ media, logger: pino({ level: 'silent' }) })
    const app = express()
    mountWhip(app, () => ingest)
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 60_000)

  afterAll(async () => {
    ingest.close()
    media.close()
    await new Promise((resolve) => server.close(resolve))
  })

  const post = (sessionId: string, body: string, headers: Record<string, string>) =>
    fetch(`${base}/whip/${sessionId}`, { method: 'POST', body, headers: { 'content-type': 'application/sdp', ...headers } })

  async function showcaseWithToken() {
    const { exporter, session } = await createLiveShowcase('WHIP showcase')
    const token = await rotateIngestToken(session.id, exporter.user.id, new Date())
    return { hostId: exporter.user.id, sessionId: session.id, token, auth: { authorization: `Bearer ${token}` } }
  }

  it('answers a CORS preflight from any origin, exposing Location and ETag', async () => {
    const response = await fetch(`${base}/whip/some-session`, {
      method: 'OPTIONS',
      headers: { origin: 'https://encoder.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect(response.headers.get('access-control-expose-headers')).toContain('Location')
    expect(response.headers.get('accept-post')).toBe('application/sdp')
  })

  it('refuses a missing, wrong or revoked token with 401 and sets up no media', async () => {
    const { sessionId, token, hostId } = await showcaseWithToken()
    const missing = await post(sessionId, CHROMIUM, {})
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toContain('Bearer')
    expect(await missing.json()).toEqual({ error: { code: 'unauthorized', message: 'Send the ingest token as "Authorization: Bearer <token>".' } })
    const wrong = await post(sessionId, CHROMIUM, { authorization: `Bearer ${'x'.repeat(43)}` })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    // A valid token of another showcase opens nothing here.
    const other = await showcaseWithToken()
    expect((await post(sessionId, CHROMIUM, other.auth)).status).toBe(401)
    await revokeIngestToken(sessionId, hostId, new Date())
    expect((await post(sessionId, CHROMIUM, { authorization: `Bearer ${token}` })).status).toBe(401)
    expect(media.room(sessionId)).toBeUndefined()
    expect(ingest.status(sessionId)).toBeNull()
  })

  it('refuses a body that is not SDP (415), broken SDP (400) and an offer with no accepted codec (422)', async () => {
    const { sessionId, auth } = await showcaseWithToken()
    const json = await post(sessionId, '{"sdp":"v=0"}', { ...auth, 'content-type': 'application/json' })
    expect(json.status).toBe(415)
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('unsupported-media-type')
    const broken = await post(sessionId, 'not an offer', auth)
    expect(broken.status).toBe(400)
    // An encoder set to H.264 High: viewers' browsers do not decode it, so it is refused with what to change.
    const high = await post(sessionId, OBS_H264.replace('profile-level-id=42e01f', 'profile-level-id=640032'), auth)
    expect(high.status).toBe(422)
    const refusal = (await high.json()) as { error: { code: string; message: string } }
    expect(refusal.error.code).toBe('unsupported-codec')
    expect(refusal.error.message).toContain('H.264 High 640032')
    expect(refusal.error.message).toContain("Set the encoder's H.264 profile to baseline or main")
    expect(refusal.error.message).toContain(
      'Accepted codecs: audio opus, video VP8, video H264 (Constrained Baseline 42e01f, Main 4d001f; packetization-mode 1)',
    )
    expect(media.room(sessionId)?.hostProducers() ?? []).toEqual([])
  })

  it('takes OBS’s offer (H.264 constrained baseline + Opus): answers H264 on its payload type, produces H.264', async () => {
    const { sessionId, hostId, auth } = await showcaseWithToken()
    const response = await post(sessionId, OBS_H264, auth)
    expect(response.status).toBe(201)
    const answer = sdpTransform.parse(await response.text())
    expect(answer.media.map((m) => [m.type, m.direction, m.rtp[0]?.codec, m.rtp[0]?.payload])).toEqual([
      ['audio', 'recvonly', 'opus', 111],
      ['video', 'recvonly', 'H264', 96],
    ])
    expect(answer.media[1]?.fmtp).toEqual([{ payload: 96, config: 'profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1' }])
    const room = media.room(sessionId)
    expect(
      room
        ?.hostProducers()
        .map((producer) => [producer.kind, producer.ownerId])
        .sort(),
    ).toEqual([
      ['audio', hostId],
      ['video', hostId],
    ])
    // A viewer with Chromium's H.264 receive capabilities can consume it.
    const video = room?.hostProducers().find((producer) => producer.kind === 'video')
    const router = room!.routerForSend()
    expect(router.canConsume({ producerId: video!.producerId, rtpCapabilities: router.rtpCapabilities })).toBe(true)
    const vp8Only = { ...router.rtpCapabilities, codecs: router.rtpCapabilities.codecs?.filter((codec) => !/h264/i.test(codec.mimeType)) }
    expect(router.canConsume({ producerId: video!.producerId, rtpCapabilities: vp8Only })).toBe(false)
    ingest.stop(sessionId, 'test over')
    expect(room?.hostProducers()).toEqual([])
  })

  it('answers 201 with an SDP answer and Location; the producers join the room as the host’s; a second ingest gets 409; DELETE stops it', async () => {
    const { sessionId, hostId, auth } = await showcaseWithToken()
    const response = await post(sessionId, CHROMIUM, auth)
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toContain('application/sdp')
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^/whip/${sessionId}/[0-9a-f-]{36}$`))
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f-]{36}"$/)
    const answer = sdpTransform.parse(await response.text())
    expect(answer.icelite).toBe('ice-lite')
    expect(answer.media.map((m) => [m.type, m.direction, m.rtp[0]?.codec])).toEqual([
      ['audio', 'recvonly', 'opus'],
      ['video', 'recvonly', 'VP8'],
    ])
    expect(answer.media[1]?.candidates?.[0]?.ip).toBe('127.0.0.1')

    const room = media.room(sessionId)
    const producers = room?.hostProducers() ?? []
    expect(producers.map((producer) => [producer.kind, producer.source, producer.ownerId]).sort()).toEqual([
      ['audio', 'microphone', hostId],
      ['video', 'camera', hostId],
    ])
    expect(ingest.status(sessionId)).toMatchObject({ kind: 'whip', state: 'waiting' })

    const second = await post(sessionId, CHROMIUM, auth)
    expect(second.status).toBe(409)
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('busy')
    expect(room?.hostProducers()).toHaveLength(2)

    // DELETE needs the token too.
    expect((await fetch(`${base}${location}`, { method: 'DELETE' })).status).toBe(401)
    const stopped = await fetch(`${base}${location}`, { method: 'DELETE', headers: auth })
    expect(stopped.status).toBe(200)
    expect(room?.hostProducers()).toEqual([])
    expect(ingest.status(sessionId)).toMatchObject({ state: 'stopped', detail: 'stopped by the encoder' })
    expect((await fetch(`${base}${location}`, { method: 'DELETE', headers: auth })).status).toBe(404)
    // Free again: a new ingest is accepted.
    const again = await post(sessionId, CHROMIUM, auth)
    expect(again.status).toBe(201)
    // Rotating the key cuts the encoder that used the old one, at once.
    await rotateIngestToken(sessionId, hostId, new Date())
    expect(ingest.status(sessionId)).toMatchObject({ state: 'stopped', detail: 'the ingest token was rotated or revoked' })
    expect(room?.hostProducers()).toEqual([])
    expect((await post(sessionId, CHROMIUM, auth)).status).toBe(401)
  })

  it('refuses an ingest while the host broadcasts from the browser studio (409)', async () => {
    const { sessionId, auth } = await showcaseWithToken()
    const room = await media.openRoom(sessionId)
    const transport = await room.routerForSend().createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, comedia: true })
    const producer = await transport.produce({
      kind: 'video',
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90_000 }], encodings: [{ ssrc: 1234 }] },
    })
    await room.addExternalProducer('browser-socket-id', producer)
    const response = await post(sessionId, CHROMIUM, auth)
    expect(response.status).toBe(409)
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('browser camera')
    transport.close()
  })

  it('answers PATCH (trickle ICE) with 405', async () => {
    const response = await fetch(`${base}/whip/s/00000000-0000-4000-8000-000000000000`, { method: 'PATCH' })
    expect(response.status).toBe(405)
  })
})
