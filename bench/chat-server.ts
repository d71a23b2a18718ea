import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { disconnectPrisma, getPrisma } from '../app/domain/db.server.ts'
import { registerLiveNamespace } from '../server/realtime/live-namespace.ts'

// A bench-only chat server: bare HTTP + Socket.io + the `/live` namespace (+ the Redis adapter when
// BENCH_REDIS_URL is set), on DATABASE_URL. Started as a child process by bench/chat.bench.ts, which
// reads "ready <port>" from stdout and stops it with SIGTERM.

const port = Number(process.env.BENCH_PORT ?? 0)
await getPrisma()
const http = createServer()
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 })
let closeAdapter: (() => Promise<void>) | undefined
if (process.env.BENCH_REDIS_URL) {
  const { attachRedisAdapter } = await import('../server/realtime/redis-adapter.ts')
  closeAdapter = await attachRedisAdapter(io, process.env.BENCH_REDIS_URL, { key: process.env.BENCH_REDIS_KEY })
}
const live = registerLiveNamespace(io)
await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve))
const address = http.address()
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`)

process.once('SIGTERM', () => {
  live.close()
  io.close(() => {
    void closeAdapter?.()
      .then(() => disconnectPrisma())
      .finally(() => process.exit(0))
  })
  setTimeout(() => process.exit(0), 3000).unref()
})
