import { describe, expect, it } from 'vitest'
import { type CapacityParameters, DEFAULT_PARAMETERS, planCapacity } from '../../bench/capacity-model.ts'

// The capacity model behind `npm run capacity` and docs/capacity.md (bench/capacity-model.ts). It lives in
// bench/, which the unit project does not collect, hence this file here. Round numbers, computed by hand.
const SMALL: CapacityParameters = {
  coresPerNode: 4,
  headroomPercent: 20,
  viewerKbps: 1000,
  pipeLinkKbps: 1500,
  headerOverheadPercent: 0,
  nicMbps: 1000,
  nodeReserveCores: 1,
  viewersPerWorkerCore: 500,
  originEncodeCores: 0.5,
  hlsKbps: 2000,
  hlsSegmentSeconds: 2,
  webrtcMaxViewers: null,
}

describe('planCapacity', () => {
  it('sizes a small all-WebRTC showcase by hand: the NIC binds before the CPU, one origin feeds both edges', () => {
    const plan = planCapacity(1000, SMALL)
    expect(plan.webrtcViewers).toBe(1000)
    expect(plan.consumers).toBe(2000)
    expect(plan.workerCoresBusy).toBe(2) // 1,000 / 500
    expect(plan.workerCoresPlanned).toBeCloseTo(2.5, 9) // 2 / 0.8
    // CPU: (4 − 1) × 0.8 × 500 = 1,200 viewers; NIC: 1,000,000 kbit/s × 0.8 / 1,000 = 800.
    expect(plan.edge).toMatchObject({ viewersByCpu: 1200, viewersByNic: 800, maxViewers: 800, bound: 'nic', nodes: 2, viewersPerNode: 500 })
    expect(plan.edge.egressMbps).toBeCloseTo(500, 9)
    // One pipe (1,500 kbit/s) + RTCP 500 × 120 B/s × 8 = 480 kbit/s.
    expect(plan.edge.ingressMbps).toBeCloseTo(1.98, 9)
    // A link costs 1,500 / 1,000 / 500 = 0.003 core; CPU (4 − 1 − 0.5) × 0.8 / 0.003 = 666; NIC 800,000 / 1,500 = 533.
    expect(plan.origin).toMatchObject({ links: 2, pipeConsumers: 4, maxLinksByCpu: 666, maxLinksByNic: 533, maxLinks: 533, relays: 0 })
    expect(plan.origin.cores).toBeCloseTo(0.006, 9)
    expect(plan.origin.egressMbps).toBeCloseTo(3, 9)
    expect(plan.nodes).toBe(3)
    expect(plan.cores).toBe(12)
    expect(plan.hls).toMatchObject({ viewers: 0, cdnEgressGbps: 0, playlistRequestsPerSecond: 0 })
  })

  it('puts the audience above the WebRTC cap on live HLS and counts its bytes and playlist reloads', () => {
    const plan = planCapacity(1000, { ...SMALL, webrtcMaxViewers: 600 })
    expect(plan.webrtcViewers).toBe(600)
    expect(plan.edge).toMatchObject({ nodes: 1, viewersPerNode: 600 })
    expect(plan.edge.egressMbps).toBeCloseTo(600, 9)
    expect(plan.origin).toMatchObject({ links: 1, pipeConsumers: 2 })
    expect(plan.nodes).toBe(2)
    // 400 viewers × 2,000 kbit/s; a 2-s segment of 2,000 kbit/s is 500,000 bytes, an hour 900 MB; one reload per segment.
    expect(plan.hls.viewers).toBe(400)
    expect(plan.hls.cdnEgressGbps).toBeCloseTo(0.8, 9)
    expect(plan.hls.segmentBytes).toBe(500_000)
    expect(plan.hls.bytesPerViewerHour).toBe(900_000_000)
    expect(plan.hls.playlistRequestsPerSecond).toBe(200)
  })

  it('adds header overhead to what a viewer costs the NIC', () => {
    // 1,000 kbit/s × 1.08 = 1,080 on the wire: 800,000 / 1,080 = 740.7 → 740 viewers.
    expect(planCapacity(1000, { ...SMALL, headerOverheadPercent: 8 }).edge.viewersByNic).toBe(740)
  })

  it('puts relays between the origin and the edges when one origin cannot feed every edge', () => {
    // NIC 10 Mbit/s, no headroom: 10 viewers per edge, so 100 viewers need 10 edges; the origin feeds 10,000 / 1,500 = 6 links.
    const plan = planCapacity(100, { ...SMALL, nicMbps: 10, headroomPercent: 0 })
    expect(plan.edge).toMatchObject({ maxViewers: 10, nodes: 10 })
    expect(plan.origin).toMatchObject({ maxLinks: 6, relays: 2, links: 2, pipeConsumers: 4 })
    expect(plan.nodes).toBe(13) // origin + 2 relays + 10 edges
  })

  it('refuses parameters the model cannot plan', () => {
    expect(() => planCapacity(100, { ...SMALL, nicMbps: 0.5 })).toThrow(RangeError) // a node takes no viewer
    expect(() => planCapacity(1000, { ...SMALL, nicMbps: 10, headroomPercent: 0 })).toThrow(/relay tier/) // 100 edges > 6 × 6
  })

  it('gives the figures docs/capacity.md quotes for the project defaults (2-core nodes, 1 Gbit/s)', () => {
    const tenThousand = planCapacity(10_000, DEFAULT_PARAMETERS)
    const hundredThousand = planCapacity(100_000, DEFAULT_PARAMETERS)
    expect(tenThousand.edge).toMatchObject({ viewersByCpu: 656, viewersByNic: 526, bound: 'nic', nodes: 20 })
    expect(hundredThousand.edge.nodes).toBe(191)
    expect(hundredThousand.origin).toMatchObject({ maxLinksByCpu: 365, maxLinksByNic: 363, relays: 0 })
    expect(hundredThousand.nodes).toBe(192)
  })
})
