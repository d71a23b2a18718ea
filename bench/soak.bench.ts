// Soak (issue 20): production server process(es) on a scratch PostgreSQL database with the demo seed,
// one public showcase live from an RTMP encoder, 1,000 chat clients (a message every 30–120 s each,
// all reading), 200 real WebRTC viewers (bench/webrtc-load; SOAK_VIEWER_KIND=chromium: headless Chromium),
// the host pinning products, buyers sending
// RFQs and ordering free samples through the product page's forms. Reports errors, message loss
// (every acked message received by every client, and in the database), p50/p99 delivery, the server's
// RSS/heap, event-loop delay and CPU every 10 s with the slope after warm-up, and the machine.
//
//   npm run build; flock /tmp/heavy.lock npm run bench:soak
//   SOAK_MINUTES=2 SOAK_CHAT_CLIENTS=300 SOAK_VIEWERS=20 npm run bench:soak    # while developing
//
// SOAK_PROCESSES=2 runs two processes sharing Redis (127.0.0.1:6379, BENCH_REDIS_URL) instead of one;
// SOAK_RECORDING=1 records the showcase as production does (ffmpeg, ≈ half a core more). Needs
// PostgreSQL (BENCH_POSTGRES_URL, default the local server: a scratch database is created and dropped),
// ffmpeg and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
import { printReport, runScenario, type ScenarioOptions } from './soak/scenario.ts'

const minutes = Number(process.env.SOAK_MINUTES ?? 10)
const options: ScenarioOptions = {
  name: 'soak',
  processes: process.env.SOAK_PROCESSES === '2' ? 2 : 1,
  seconds: Math.round(minutes * 60),
  chatClients: Number(process.env.SOAK_CHAT_CLIENTS ?? 1000),
  chatIntervalS: { min: 30, max: 120 },
  viewers: Number(process.env.SOAK_VIEWERS ?? 200),
  viewerKind: process.env.SOAK_VIEWER_KIND === 'chromium' ? 'chromium' : 'generator',
  viewersPerPage: Number(process.env.SOAK_VIEWERS_PER_PAGE ?? 50),
  proxyPostgres: false,
  proxyRedis: false,
  warmupS: Math.min(120, Math.round(minutes * 60 * 0.2)),
}

const result = await runScenario(options)
printReport(`soak, ${minutes} min`, options, result)
const lost = result.chat.missingDeliveries + result.ackedMissingInDb
const errors = Object.values(result.trade.errors).reduce((a, b) => a + b, 0) + result.chat.noAck + Object.values(result.chat.refused).reduce((a, b) => a + b, 0)
console.log(`\ngoals: errors 0 → ${errors}; message loss 0 → ${lost}`)
process.exit(0)
