import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startWebRtcViewers, type WebRtcViewers } from '../../bench/webrtc-load/index.ts'
import { SyntheticPublisher } from '../../bench/webrtc-load/synthetic-publisher.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import { createLiveShowcase } from '../../tests/fixtures'
import { mediaWorkerBinary, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime'

// Three media nodes in this process, joined only through Redis (ADR 020): the host's producers on A (an
// origin-only node), real WebRTC viewers (ICE + DTLS + SRTP) whose sockets are all on A but whose peers
// are placed on B and C, fed by PipeTransports from A with SRTP (each node's pipes on its own loopback
// address). Then B drains as on SIGTERM and its viewer moves to C; then the origin goes away and the host
// comes back on B, which C then pipes from. The real-process version, with SIGKILL and three network
// namespaces, is e2e/media-cascade.spec.ts.

const redisUrl = process.env.TEST_REDIS_URL
const bin = mediaWorkerBinary()

describe.skipIf(!redisUrl || !bin)('showcase cascade across media nodes', () => {
  const nodes: RealtimeNode[] = []
  let publisher: SyntheticPublisher | null = null
  let viewers: WebRtcViewers | null = null

  beforeAll(async () => {
    await getPrisma()
    const redis = { url: redisUrl!, key: `tradecast-cascade-${randomUUID().slice(0, 8)}` }
    nodes.push(
      await startRealtimeNode(redis, { media: true, mediaNode: { nodeId: 'node-a', maxViewers: 0, pipeIp: '127.0.0.1' } }),
      await startRealtimeNode(redis, { media: true, mediaNode: { nodeId: 'node-b', maxViewers: 50, pipeIp: '127.0.0.2', drainTimeoutMs: 15_000 } }),
      await startRealtimeNode(redis, { media: true, mediaNode: { nodeId: 'node-c', maxViewers: 50, pipeIp: '127.0.0.3' } }),
    )
    // Each node has read the others' first heartbeat.
    await vi.waitFor(() => expect(nodes.map((node) => node.realtime.mediaCluster?.nodes().length)).toEqual([3, 3, 3]), { timeout: 5000 })
  }, 60_000)

  afterAll(async () => {
    await viewers?.close()
    publisher?.close()
    for (const node of nodes) await stopRealtimeNode(node)
    await disconnectPrisma()
  })

  it('places viewers on B and C, pipes the host from A with SRTP, counts them over the nodes, moves B’s viewer to C when B drains, and re-pipes from the host’s new node', async () => {
    const [a, b, c] = nodes as [RealtimeNode, RealtimeNode, RealtimeNode]
    const { session } = await createLiveShowcase('Cascade showcase')
    // The host's producers arrive on A: A claims the show as its origin.
    publisher = await SyntheticPublisher.start(await a.media!.openRoom(session.id))

    const baseUrl = a.url.replace(/\/live$/, '')
    viewers = startWebRtcViewers({ baseUrl, sessionId: session.id, count: 2, rampPerSecond: 1, rejoinOnReset: true })
    const ready = await viewers.ready
    expect(ready.errors).toEqual([])
    expect(ready.receiving).toBe(2)
    // A takes no viewers; B and C are equally empty, so the first goes to B (id order), the second to C (B has one).
    expect(viewers.viewers().map((viewer) => viewer.mediaNode)).toEqual(['node-b', 'node-c'])

    // Each edge is fed by one link from the origin, with SRTP (different pipe addresses).
    expect(b.media!.room(session.id)!.pipeLinks()).toEqual(['node-a'])
    expect(c.media!.room(session.id)!.pipeLinks()).toEqual(['node-a'])
    expect(a.media!.room(session.id)!.pipeLinks().sort()).toEqual(['node-b', 'node-c'])
    expect(a.media!.room(session.id)!.viewerCount()).toBe(0)

    const window = await viewers.measure(1500)
    expect(window).toMatchObject({ receiving: 2, stalled: 0 })
    expect(window.lossRate).toBeLessThan(0.02)
    for (const viewer of viewers.viewers()) {
      expect(viewer.video?.keyFrames).toBeGreaterThan(0)
      expect(viewer.audio?.packets).toBeGreaterThan(10)
    }
    // The viewer count is the sum over the nodes, as any node answers it.
    await vi.waitFor(async () => expect(await a.realtime.mediaCluster!.viewerTotal(session.id)).toBe(2), { timeout: 5000 })

    // B drains (SIGTERM): its viewer is told, joins again through A, is placed on C and plays; B's room empties.
    const drained = await b.realtime.drainMedia()
    expect(drained).toMatchObject({ moved: 1, left: 0 })
    await vi.waitFor(
      () =>
        expect(viewers!.viewers().map((viewer) => [viewer.mediaNode, viewer.state])).toEqual([
          ['node-c', 'receiving'],
          ['node-c', 'receiving'],
        ]),
      {
        timeout: 15_000,
        interval: 100,
      },
    )
    const moved = viewers.viewers()[0]!
    expect(moved.resets).toBe(1)
    expect(moved.moveMs).toHaveLength(1)
    const after = await viewers.measure(1000)
    expect(after).toMatchObject({ receiving: 2, stalled: 0 })
    expect(b.media!.room(session.id)?.viewerCount() ?? 0).toBe(0)
    expect(c.media!.room(session.id)!.viewerCount()).toBe(2)

    // The origin goes away: C drops its pipe (the piped producers close: viewers wait for the host).
    publisher.close()
    publisher = null
    await stopRealtimeNode(a)
    nodes.splice(nodes.indexOf(a), 1)
    await vi.waitFor(() => expect(c.media!.room(session.id)!.pipeLinks()).toEqual([]), { timeout: 8000, interval: 100 })
    expect(c.media!.room(session.id)!.hostProducers()).toEqual([])

    // The host comes back on B (its studio reconnected there): B claims the show and C pipes it from B.
    publisher = await SyntheticPublisher.start(await b.media!.openRoom(session.id))
    await vi.waitFor(() => expect(c.media!.room(session.id)!.pipeLinks()).toEqual(['node-b']), { timeout: 8000, interval: 100 })
    await vi.waitFor(
      () =>
        expect(
          c
            .media!.room(session.id)!
            .hostProducers()
            .map((producer) => producer.kind)
            .sort(),
        ).toEqual(['audio', 'video']),
      {
        timeout: 8000,
        interval: 100,
      },
    )
    // A viewer joining through C now receives the host from B (B drains, so C takes it).
    const late = startWebRtcViewers({ baseUrl: c.url.replace(/\/live$/, ''), sessionId: session.id, count: 1, firstIndex: 10 })
    try {
      expect(await late.ready).toMatchObject({ receiving: 1, errors: [] })
      expect(late.viewers()[0]!.mediaNode).toBe('node-c')
    } finally {
      await late.close()
    }
  }, 120_000)
})
