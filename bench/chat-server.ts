import { createServer } from 'node:http'
import { disconnectPrisma, getPrisma } from '../app/domain/db.server.ts'
import { createRealtimeServer } from '../server/realtime/index.ts'

// A bench-only chat server: bare HTTP + the production Socket.io set-up (connection-state recovery,
// `/live` with chat batching, the Redis adapter when BENCH_REDIS_URL is set), on DATABASE_URL. Started
// as a child process by bench/chat.bench.ts, which reads "ready <port>" from stdout and stops it with
// SIGTERM.

const port = Number(process.env.BENCH_PORT ?? 0)
await getPrisma()
const http = createServer()
const realtime = await createRealtimeServer(
  http,
  process.env.BENCH_REDIS_URL ? { redis: { url: process.env.BENCH_REDIS_URL, key: process.env.BENCH_REDIS_KEY } } : {},
)
await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve))
const address = http.address()
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`)

process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 3000).unref()
  void realtime
    .close()
    .then(() => disconnectPrisma())
    .finally(() => process.exit(0))
})
