import { startWebRtcViewers, type WebRtcViewers } from '../webrtc-load/index.ts'
import type { ViewerFleet } from './chromium-viewers.ts'

/**
 * The real WebRTC load generator (bench/webrtc-load: libdatachannel peers doing ICE, DTLS, SRTP, RTCP,
 * no decoding) as a viewer fleet, split evenly over the server processes. Its viewers count media
 * resets but do not join again after one (the app's viewer does): the worker-kill fault uses Chromium.
 */
export async function startGeneratorViewers(options: { baseUrls: string[]; sessionId: string; count: number }): Promise<ViewerFleet> {
  const fleets: WebRtcViewers[] = []
  const share = Math.ceil(options.count / options.baseUrls.length)
  for (const [n, baseUrl] of options.baseUrls.entries()) {
    const count = Math.min(share, options.count - n * share)
    if (count > 0) fleets.push(startWebRtcViewers({ baseUrl, sessionId: options.sessionId, count, firstIndex: n * share, rampPerSecond: 20 }))
  }
  const ready = await Promise.all(fleets.map((fleet) => fleet.ready))
  const errors = new Map<string, number>()
  for (const error of ready.flatMap((r) => r.errors)) errors.set(error, (errors.get(error) ?? 0) + 1)
  const lastPackets = new Map<number, number>()
  const all = () => fleets.flatMap((fleet) => fleet.viewers())
  return {
    description: `node-datachannel generator (bench/webrtc-load), no decoding; ${ready.reduce((s, r) => s + r.receiving, 0)} receiving after the ramp, first video key frame p50 ${ready[0]?.firstVideoFrameMs.p50 ?? '?'} ms`,
    count: options.count,
    get rejoins() {
      return all().reduce((sum, viewer) => sum + viewer.resets, 0)
    },
    get errors() {
      for (const viewer of all()) if (viewer.state === 'failed' && viewer.error) errors.set(viewer.error, errors.get(viewer.error) ?? 1)
      return Object.fromEntries(errors)
    },
    receiving() {
      let growing = 0
      for (const viewer of all()) {
        const packets = viewer.video?.packets ?? 0
        if (packets > (lastPackets.get(viewer.index) ?? 0)) growing += 1
        lastPackets.set(viewer.index, packets)
      }
      return Promise.resolve(growing)
    },
    async close() {
      await Promise.all(fleets.map((fleet) => fleet.close()))
    },
  }
}
