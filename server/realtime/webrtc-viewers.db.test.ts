import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startWebRtcViewers } from '../../bench/webrtc-load/index.ts'
import { SyntheticPublisher } from '../../bench/webrtc-load/synthetic-publisher.ts'
import { createLiveShowcase } from '../../tests/fixtures'
import { mediaWorkerBinary, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime'

// The bench's WebRTC load generator (bench/webrtc-load) against the real `/media` namespace and a real
// mediasoup worker: guest viewers join over the socket as browsers do, finish ICE + DTLS, and receive the
// host's simulcast video (top layer) and audio over SRTP on loopback. Bounds, not exact figures: a busy
// CI machine may take a while to reach the top layer and may drop a packet on loopback.

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

  it('three viewers complete DTLS and receive audio and the top video layer; viewers whose media stops are not counted as receiving', async () => {
    const { session } = await createLiveShowcase('Generator showcase')
    publisher = await SyntheticPublisher.start(await node.media!.openRoom(session.id))
    const viewers = startWebRtcViewers({ baseUrl: node.url.replace(/\/live$/, ''), sessionId: session.id, count: 3, rampPerSecond: 20 })
    try {
      const ready = await viewers.ready
      expect(ready.errors).toEqual([])
      expect(ready.receiving).toBe(3)
      // The SFU starts a viewer on a lower layer and moves it up as its estimate grows.
      await vi.waitFor(() => expect(viewers.viewers().map((viewer) => viewer.video?.height)).toEqual([720, 720, 720]), { timeout: 15_000, interval: 100 })

      const window = await viewers.measure(1500)
      expect(window).toMatchObject({ receiving: 3, stalled: 0, belowTopLayer: 0 })
      expect(window.packets).toBeGreaterThan(0)
      expect(window.lossRate).toBeLessThan(0.02)
      for (const viewer of viewers.viewers()) {
        // connectMs is set when the peer connection (ICE + DTLS) is connected.
        expect(viewer.connectMs).toBeGreaterThan(0)
        expect(viewer.video?.keyFrames).toBeGreaterThan(0)
        expect(viewer.video?.packets).toBeGreaterThan(50)
        expect(viewer.audio?.packets).toBeGreaterThan(25)
      }

      // The host stops: no viewer is receiving any more, whether its peer connection failed or its media just stopped.
      publisher.close()
      publisher = null
      await new Promise((resolve) => setTimeout(resolve, 300))
      const after = await viewers.measure(1000)
      expect(after.receiving).toBe(0)
      // Each is accounted for: still in the receiving state with no packets (stalled), or failed.
      expect(after.stalled + viewers.stats().byState.failed).toBe(3)
      expect(after.kbitPerViewer).toBe(0)
    } finally {
      await viewers.close()
    }
  })
})
