import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebRtcViewers } from '../../bench/webrtc-load/index.ts'
import { SyntheticPublisher } from '../../bench/webrtc-load/synthetic-publisher.ts'
import { createLiveShowcase } from '../../tests/fixtures'
import { mediaWorkerBinary, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime'

// The bench's WebRTC load generator (bench/webrtc-load) against the real `/media` namespace and a real
// mediasoup worker: guest viewers join over the socket as browsers do, finish ICE + DTLS, and receive the
// host's simulcast video (top layer) and audio over SRTP on loopback, without loss.

const bin = mediaWorkerBinary()

describe.skipIf(!bin)('WebRTC load generator (bench/webrtc-load)', () => {
  let node: RealtimeNode
  let publisher: SyntheticPublisher | null = null

  beforeAll(async () => {
    node = await startRealtimeNode(undefined, { media: true })
  })

  afterAll(async () => {
    publisher?.close()
    await stopRealtimeNode(node)
  })

  it('three viewers complete DTLS and receive audio and the top video layer with no loss', async () => {
    const { session } = await createLiveShowcase('Generator showcase')
    publisher = await SyntheticPublisher.start(await node.media!.openRoom(session.id))
    const viewers = startWebRtcViewers({ baseUrl: node.url.replace(/\/live$/, ''), sessionId: session.id, count: 3, rampPerSecond: 20 })
    try {
      const ready = await viewers.ready
      expect(ready.errors).toEqual([])
      expect(ready.receiving).toBe(3)
      const window = await viewers.measure(1500)
      expect(window.receiving).toBe(3)
      expect(window.lost).toBe(0)
      for (const viewer of viewers.viewers()) {
        expect(viewer.connectMs).toBeGreaterThan(0)
        expect(viewer.video?.keyFrames).toBeGreaterThan(0)
        expect(viewer.video?.height).toBe(720)
        expect(viewer.video?.packets).toBeGreaterThan(50)
        expect(viewer.audio?.packets).toBeGreaterThan(25)
        expect(viewer.video?.lost).toBe(0)
        expect(viewer.audio?.lost).toBe(0)
      }
    } finally {
      await viewers.close()
    }
  })
})
