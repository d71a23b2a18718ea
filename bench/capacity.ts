// Capacity model of a big showcase (issue 18): media nodes, origin fan-out, NIC and the live HLS tail for
// 10,000 and 100,000 viewers, from the figures the other benches measured (bench/capacity-model.ts).
// Computes, measures nothing: the machine line says where it was printed, the figures where they were measured.
//
//   npm run capacity
//   npm run capacity -- --viewers 50000 --cores 8 --nic-mbps 10000 --headroom 25 --viewer-kbps 1232
//   CAPACITY_CORES=4 CAPACITY_WEBRTC_MAX=20000 npm run capacity
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { type CapacityParameters, type CapacityPlan, DEFAULT_PARAMETERS, FIGURES, planCapacity } from './capacity-model.ts'
import { describeMachine } from './machine.ts'

const USAGE = `Usage: npm run capacity -- [options]   (each also as an environment variable)
  --viewers 10000,100000   audiences to size (CAPACITY_VIEWERS)
  --cores 2                cores per media node (CAPACITY_CORES)
  --headroom 30            % of each node's CPU and NIC left free (CAPACITY_HEADROOM)
  --viewer-kbps 1232       per-viewer payload: top simulcast layer + audio (CAPACITY_VIEWER_KBPS)
  --nic-mbps 1000          NIC of one node, each direction (CAPACITY_NIC_MBPS)
  --reserve-cores 0.5      cores per node for the Node thread (CAPACITY_RESERVE_CORES)
  --viewers-per-core 625   real WebRTC viewers per core of worker CPU (CAPACITY_VIEWERS_PER_CORE)
  --webrtc-max 10000       WebRTC viewers provisioned; the rest watch live HLS, 0 = no cap (CAPACITY_WEBRTC_MAX)
  --hls-kbps 2790          live HLS bitrate per fallback viewer (CAPACITY_HLS_KBPS)`

const OPTIONS = {
  viewers: 'CAPACITY_VIEWERS',
  cores: 'CAPACITY_CORES',
  headroom: 'CAPACITY_HEADROOM',
  'viewer-kbps': 'CAPACITY_VIEWER_KBPS',
  'nic-mbps': 'CAPACITY_NIC_MBPS',
  'reserve-cores': 'CAPACITY_RESERVE_CORES',
  'viewers-per-core': 'CAPACITY_VIEWERS_PER_CORE',
  'webrtc-max': 'CAPACITY_WEBRTC_MAX',
  'hls-kbps': 'CAPACITY_HLS_KBPS',
} as const

const positive = z.coerce.number().positive()
const InputSchema = z
  .object({
    viewers: z
      .string()
      .default('10000,100000')
      .transform((list) => list.split(',').map(Number))
      .pipe(z.array(z.number().int().positive()).min(1)),
    cores: positive.default(DEFAULT_PARAMETERS.coresPerNode),
    headroom: z.coerce.number().min(0).max(90).default(DEFAULT_PARAMETERS.headroomPercent),
    'viewer-kbps': positive.default(DEFAULT_PARAMETERS.viewerKbps),
    'nic-mbps': positive.default(DEFAULT_PARAMETERS.nicMbps),
    'reserve-cores': z.coerce.number().min(0).default(DEFAULT_PARAMETERS.nodeReserveCores),
    'viewers-per-core': positive.default(DEFAULT_PARAMETERS.viewersPerWorkerCore),
    'webrtc-max': z.coerce.number().int().min(0).default(10_000),
    'hls-kbps': positive.default(DEFAULT_PARAMETERS.hlsKbps),
  })
  .refine((input) => input['reserve-cores'] < input.cores, { error: '--reserve-cores must leave cores for the workers' })

function readInput() {
  const text = { type: 'string' } as const
  const { values } = parseArgs({
    options: {
      viewers: text,
      cores: text,
      headroom: text,
      'viewer-kbps': text,
      'nic-mbps': text,
      'reserve-cores': text,
      'viewers-per-core': text,
      'webrtc-max': text,
      'hls-kbps': text,
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  // A flag wins over its environment variable; neither → the default.
  const names = Object.keys(OPTIONS) as Array<keyof typeof OPTIONS>
  const raw = Object.fromEntries(names.map((name) => [name, values[name] ?? process.env[OPTIONS[name]]]))
  const parsed = InputSchema.safeParse(raw)
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${USAGE}`)
    process.exit(2)
  }
  return parsed.data
}

const input = readInput()
const base: CapacityParameters = {
  ...DEFAULT_PARAMETERS,
  coresPerNode: input.cores,
  headroomPercent: input.headroom,
  viewerKbps: input['viewer-kbps'],
  nicMbps: input['nic-mbps'],
  nodeReserveCores: input['reserve-cores'],
  viewersPerWorkerCore: input['viewers-per-core'],
  hlsKbps: input['hls-kbps'],
}
const cap = input['webrtc-max'] === 0 ? null : input['webrtc-max']

// Each audience all on WebRTC, and, when it is above the cap, WebRTC up to the cap with the tail on live HLS.
function plan(audience: number, webrtcMaxViewers: number | null): CapacityPlan {
  try {
    return planCapacity(audience, { ...base, webrtcMaxViewers })
  } catch (error) {
    // The model refuses parameters it cannot plan (a node that takes no viewer, more than one relay tier).
    if (!(error instanceof RangeError)) throw error
    console.error(`${count(audience)} viewers: ${error.message}`)
    process.exit(2)
  }
}
const columns: Array<{ title: string; plan: CapacityPlan }> = input.viewers.flatMap((audience) => [
  { title: `${count(audience)} all WebRTC`, plan: plan(audience, null) },
  ...(cap !== null && audience > cap ? [{ title: `${count(audience)}: ${count(cap)} WebRTC + HLS`, plan: plan(audience, cap) }] : []),
])

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}
function fixed(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}
const bytes = (n: number) => (n >= 1e9 ? `${fixed(n / 1e9, 2)} GB` : `${fixed(n / 1e3, 1)} kB`)

const rows: Array<[string, (plan: CapacityPlan) => string]> = [
  ['WebRTC viewers', (p) => count(p.webrtcViewers)],
  ['consumers (audio + video)', (p) => count(p.consumers)],
  ['worker cores busy (at 100 %)', (p) => fixed(p.workerCoresBusy, 1)],
  ['worker cores planned (with headroom)', (p) => fixed(p.workerCoresPlanned, 1)],
  ['edge capacity, viewers (CPU / NIC)', (p) => `${count(p.edge.viewersByCpu)} / ${count(p.edge.viewersByNic)}`],
  ['MEDIA_NODE_MAX_VIEWERS per edge (bound)', (p) => `${count(p.edge.maxViewers)} (${p.edge.bound})`],
  ['edge nodes', (p) => count(p.edge.nodes)],
  ['viewers per edge at this fill', (p) => count(p.edge.viewersPerNode)],
  ['edge NIC egress (Mbit/s)', (p) => count(p.edge.egressMbps)],
  ['edge NIC ingress (Mbit/s: pipe + RTCP)', (p) => fixed(p.edge.ingressMbps, 1)],
  ['origin pipe links (pipe consumers)', (p) => `${count(p.origin.links)} (${count(p.origin.pipeConsumers)})`],
  ['origin links max (CPU / NIC)', (p) => `${count(p.origin.maxLinksByCpu)} / ${count(p.origin.maxLinksByNic)}`],
  ['relay nodes (deeper cascade)', (p) => count(p.origin.relays)],
  ['origin worker cores for pipes', (p) => fixed(p.origin.cores, 2)],
  ['origin NIC egress (Mbit/s)', (p) => count(p.origin.egressMbps)],
  ['nodes (origin + relays + edges)', (p) => count(p.nodes)],
  ['cores in all', (p) => count(p.cores)],
  ['HLS viewers', (p) => count(p.hls.viewers)],
  ['HLS CDN egress (Gbit/s)', (p) => fixed(p.hls.cdnEgressGbps, 1)],
  ['HLS playlist reloads at the app (/s)', (p) => count(p.hls.playlistRequestsPerSecond)],
]

function table(header: string[], body: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')
}

const anyPlan = columns[0]!.plan
console.log(`# Capacity model (issue 18) — computed, not measured`)
console.log(describeMachine())
console.log(
  `parameters: ${base.coresPerNode} cores per node, headroom ${base.headroomPercent} %, ${base.viewerKbps} kbit/s per viewer ` +
    `(+${base.headerOverheadPercent} % headers), pipe ${base.pipeLinkKbps} kbit/s, NIC ${base.nicMbps} Mbit/s, ` +
    `${base.nodeReserveCores} core reserved per node, ${base.viewersPerWorkerCore} viewers per worker core, ` +
    `WebRTC cap ${cap === null ? 'none' : count(cap)}, HLS ${base.hlsKbps} kbit/s in ${base.hlsSegmentSeconds}-s segments`,
)
console.log('')
console.log(
  table(
    ['', ...columns.map((column) => column.title)],
    rows.map(([label, cell]) => [label, ...columns.map((column) => cell(column.plan))]),
  ),
)
console.log('')
console.log(
  `HLS per fallback viewer: ${bytes(anyPlan.hls.segmentBytes)} per ${base.hlsSegmentSeconds}-s segment, ` +
    `${bytes(anyPlan.hls.bytesPerViewerHour)} per viewer-hour (CDN egress; the origin serves each segment once per cache fill).`,
)
console.log('')
console.log('figures assumed:')
for (const [name, figure] of Object.entries(FIGURES)) console.log(`- ${name} = ${figure.value} ${figure.unit} — ${figure.source}`)
