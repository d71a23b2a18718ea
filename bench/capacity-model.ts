// The capacity model of a big showcase (issue 18): pure arithmetic over figures measured by the other
// benches, so a fair can size its media nodes before it buys them. bench/capacity.ts prints it;
// docs/capacity.md explains it. Nothing here is measured: every input is a figure or an assumption named below.

/** A figure the model starts from, with where it was measured (file and commit). */
export type Figure = { value: number; unit: string; source: string }

/** The measured figures and the project's own settings the model uses (defaults of the parameters below). */
export const FIGURES = {
  viewersPerWorkerCore: {
    value: 625,
    unit: 'real WebRTC viewers (audio + 720p video, 2 consumers) per core of mediasoup worker CPU',
    source: 'bench/README.md, bench:sfu:webrtc runs 2026-12-03 (a890e5a, 217a032): 580–656, median ≈ 625; Intel Xeon × 2',
  },
  plainViewersPerWorkerCore: {
    value: 1360,
    unit: 'PlainTransport "viewers" (2 consumers, no ICE/DTLS/SRTP/RTCP) per core — an upper bound, not used',
    source: 'bench/README.md, same runs (a890e5a, 217a032): 1,310–1,470, median ≈ 1,360',
  },
  topLayerKbps: {
    value: 1200,
    unit: 'kbit/s, top simulcast layer (r2, 720p30)',
    source: 'app/media/send-transport.ts SIMULCAST_ENCODINGS (1816bc2)',
  },
  simulcastLayersKbps: {
    value: 150 + 400 + 1200,
    unit: 'kbit/s, all three simulcast layers (r0 150 + r1 400 + r2 1200): what one pipe to an edge carries',
    source: 'app/media/send-transport.ts SIMULCAST_ENCODINGS (1816bc2)',
  },
  audioKbps: {
    value: 32,
    unit: 'kbit/s, Opus mono (the browser default; the studio sets no bitrate)',
    source: 'app/media/send-transport.ts produceAudio; bench/webrtc-load/synthetic-publisher.ts models 32 kbit/s (e8ad779)',
  },
  headerOverheadPercent: {
    value: 8,
    unit: '% on top of payload: IPv4/UDP/RTP/SRTP headers (≈ 60 B × ≈ 190 packets/s per viewer, measured) and some RTX',
    source: 'bench/README.md "≈ 190 packets/s each" (a890e5a); header sizes from the RFCs; rounded up',
  },
  viewerRtcpBytesPerSecond: {
    value: 120,
    unit: 'bytes/s of RTCP from each viewer back to its node (receiver reports, ICE consent)',
    source: 'bench/README.md, bench:sfu:webrtc: 108–120 bytes/s per receive transport (a890e5a)',
  },
  nodeReserveCores: {
    value: 0.5,
    unit: 'cores per node kept for the Node thread (signalling, Socket.io, chat, HTTP)',
    source:
      'assumption; bench:chat: 100,000 chat deliveries/s took 0.43 core (bench/README.md, f3a8ab7); docs/operations.md budgets a full core for a single live process (3fd9851)',
  },
  originEncodeCores: {
    value: 0.29,
    unit: "cores of the recorder's ffmpeg on the origin (H.264 720p 2.5 Mbit/s: the live HLS source)",
    source: 'bench/README.md, bench:recording 2026-12-02 (892ed4e): 0.288 cores; AMD EPYC × 2',
  },
  hlsKbps: {
    value: 2790,
    unit: 'kbit/s of live HLS per fallback viewer (2,500 video + 128 AAC + MPEG-TS overhead)',
    source: 'bench/README.md, bench:recording output column (892ed4e); server/recording/ffmpeg.ts DEFAULT_ENCODE, -b:a 128k (c785881)',
  },
  hlsSegmentSeconds: {
    value: 2,
    unit: 's per live HLS segment (hls.js reloads the live playlist about once per segment)',
    source: 'server/recording/ffmpeg.ts DEFAULT_ENCODE.segmentSeconds (c785881); docs/decisions/014',
  },
} satisfies Record<string, Figure>

/** What a fair chooses (the script's flags), with the measured figures it may override. */
export type CapacityParameters = {
  /** Cores of one media node; each runs one mediasoup worker per core. */
  coresPerNode: number
  /** Share of a node's CPU and NIC left unused at the planned fill (bursts, joins, browsers' bandwidth estimation). */
  headroomPercent: number
  /** What one viewer receives, payload only: the top simulcast layer + audio. */
  viewerKbps: number
  /** What one pipe from the origin to an edge carries, payload only: every simulcast layer + audio. */
  pipeLinkKbps: number
  headerOverheadPercent: number
  /** The NIC of one node, each direction. */
  nicMbps: number
  nodeReserveCores: number
  viewersPerWorkerCore: number
  originEncodeCores: number
  hlsKbps: number
  hlsSegmentSeconds: number
  /** Viewers the fair provisions WebRTC nodes for; the rest are refused ('too-many') and watch live HLS. Null: no cap. */
  webrtcMaxViewers: number | null
}

export const DEFAULT_PARAMETERS: CapacityParameters = {
  coresPerNode: 2,
  headroomPercent: 30,
  viewerKbps: FIGURES.topLayerKbps.value + FIGURES.audioKbps.value,
  pipeLinkKbps: FIGURES.simulcastLayersKbps.value + FIGURES.audioKbps.value,
  headerOverheadPercent: FIGURES.headerOverheadPercent.value,
  nicMbps: 1000,
  nodeReserveCores: FIGURES.nodeReserveCores.value,
  viewersPerWorkerCore: FIGURES.viewersPerWorkerCore.value,
  originEncodeCores: FIGURES.originEncodeCores.value,
  hlsKbps: FIGURES.hlsKbps.value,
  hlsSegmentSeconds: FIGURES.hlsSegmentSeconds.value,
  webrtcMaxViewers: null,
}

/** Tracks a viewer consumes and a pipe carries: audio + video. */
export const TRACKS = 2

export type CapacityPlan = {
  audience: number
  webrtcViewers: number
  consumers: number
  /** Worker CPU the WebRTC audience uses at 100 % of a core; planned = with the headroom left free. */
  workerCoresBusy: number
  workerCoresPlanned: number
  edge: {
    viewersByCpu: number
    viewersByNic: number
    /** What to set as each edge's viewer capacity (MEDIA_NODE_MAX_VIEWERS). */
    maxViewers: number
    bound: 'cpu' | 'nic'
    nodes: number
    /** At the planned fill: the audience spread evenly over the edges. */
    viewersPerNode: number
    egressMbps: number
    ingressMbps: number
  }
  origin: {
    links: number
    pipeConsumers: number
    cores: number
    egressMbps: number
    maxLinksByCpu: number
    maxLinksByNic: number
    maxLinks: number
    /** Relay nodes between the origin and the edges when one origin cannot feed every edge (0: it can). */
    relays: number
  }
  nodes: number
  cores: number
  hls: {
    viewers: number
    cdnEgressGbps: number
    segmentBytes: number
    bytesPerViewerHour: number
    /** Live playlist reloads that reach the app (the playlist is never cached downstream). */
    playlistRequestsPerSecond: number
  }
}

// Float products such as 3 × 0.8 × 500 land a hair off the integer; count whole viewers and nodes on the safe side.
const EPSILON = 1e-9
const floorCount = (x: number) => Math.floor(x + EPSILON)
const ceilCount = (x: number) => Math.ceil(x - EPSILON)

/** Sizes one showcase of `audience` concurrent viewers: WebRTC edges fed by one origin, and the HLS tail. */
export function planCapacity(audience: number, p: CapacityParameters): CapacityPlan {
  const usable = 1 - p.headroomPercent / 100
  const wire = 1 + p.headerOverheadPercent / 100
  const viewerWireKbps = p.viewerKbps * wire
  const linkWireKbps = p.pipeLinkKbps * wire
  const nicKbps = p.nicMbps * 1000

  const webrtcViewers = Math.min(audience, p.webrtcMaxViewers ?? audience)
  const workerCoresBusy = webrtcViewers / p.viewersPerWorkerCore

  const viewersByCpu = floorCount((p.coresPerNode - p.nodeReserveCores) * usable * p.viewersPerWorkerCore)
  const viewersByNic = floorCount((nicKbps * usable) / viewerWireKbps)
  const maxViewers = Math.min(viewersByCpu, viewersByNic)
  if (maxViewers < 1) throw new RangeError('A node of these parameters takes no viewer: more cores, NIC or less headroom.')
  const edgeNodes = ceilCount(webrtcViewers / maxViewers)
  const viewersPerNode = edgeNodes === 0 ? 0 : webrtcViewers / edgeNodes

  // A pipe consumer costs the origin's worker what a viewer's consumers cost per bit (SRTP on the pipe
  // across hosts, as for a viewer), and a pipe carries every simulcast layer: not measured, see the doc.
  const coresPerLink = p.pipeLinkKbps / p.viewerKbps / p.viewersPerWorkerCore
  const maxLinksByCpu = floorCount(((p.coresPerNode - p.nodeReserveCores - p.originEncodeCores) * usable) / coresPerLink)
  const maxLinksByNic = floorCount((nicKbps * usable) / linkWireKbps)
  const maxLinks = Math.min(maxLinksByCpu, maxLinksByNic)
  if (maxLinks < 1) throw new RangeError('An origin of these parameters cannot feed a single edge.')
  // One origin feeds up to maxLinks nodes; past that, relays (fed by the origin) each feed up to maxLinks edges.
  const relays = edgeNodes <= maxLinks ? 0 : ceilCount(edgeNodes / maxLinks)
  if (relays > maxLinks) throw new RangeError('More than one relay tier needed: beyond this model.')
  const links = relays === 0 ? edgeNodes : relays

  const hlsViewers = audience - webrtcViewers
  const hlsBytesPerSecond = (p.hlsKbps * 1000) / 8
  const nodes = 1 + relays + edgeNodes
  return {
    audience,
    webrtcViewers,
    consumers: webrtcViewers * TRACKS,
    workerCoresBusy,
    workerCoresPlanned: workerCoresBusy / usable,
    edge: {
      viewersByCpu,
      viewersByNic,
      maxViewers,
      bound: viewersByNic < viewersByCpu ? 'nic' : 'cpu',
      nodes: edgeNodes,
      viewersPerNode,
      egressMbps: (viewersPerNode * viewerWireKbps) / 1000,
      ingressMbps: edgeNodes === 0 ? 0 : (linkWireKbps + (viewersPerNode * FIGURES.viewerRtcpBytesPerSecond.value * 8) / 1000) / 1000,
    },
    origin: {
      links,
      pipeConsumers: links * TRACKS,
      cores: links * coresPerLink,
      egressMbps: (links * linkWireKbps) / 1000,
      maxLinksByCpu,
      maxLinksByNic,
      maxLinks,
      relays,
    },
    nodes,
    cores: nodes * p.coresPerNode,
    hls: {
      viewers: hlsViewers,
      cdnEgressGbps: (hlsViewers * p.hlsKbps) / 1e6,
      segmentBytes: hlsBytesPerSecond * p.hlsSegmentSeconds,
      bytesPerViewerHour: hlsBytesPerSecond * 3600,
      playlistRequestsPerSecond: hlsViewers / p.hlsSegmentSeconds,
    },
  }
}
