import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createClient } from 'redis'
import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter } from '../../tests/fixtures'
import { connectLive, emitAck, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime.ts'
import { disconnectPrisma, getPrisma } from '../../app/domain/db.server.ts'
import type { ChatMessageView } from '../../app/protocol/live.ts'

// Two Socket.io servers on a Redis of this suite's own, which it stops and starts again: while Redis
// is gone each server keeps serving its own sockets (nothing crashes, nothing waits), and when it is
// back the servers share rooms again by themselves. Needs the redis-server binary; skipped without it.

const REDIS_SERVER = '/usr/bin/redis-server'
const port = 21_000 + Math.floor(Math.random() * 20_000)
const url = `redis://127.0.0.1:${port}`
let redis: ChildProcess | undefined
const nodes: RealtimeNode[] = []
const clients: ClientSocket[] = []
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

async function startRedis() {
  redis = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const probe = createClient({ url, socket: { reconnectStrategy: 50 } })
  probe.on('error', () => undefined)
  await probe.connect()
  await probe.ping()
  probe.destroy()
}

async function stopRedis() {
  if (redis?.exitCode !== null) return
  const exited = new Promise((resolve) => redis!.once('exit', resolve))
  redis.kill('SIGKILL')
  await exited
}

const chatBodies = (socket: ClientSocket) => {
  const bodies: string[] = []
  socket.on('chat:messages', ({ messages }: { messages: ChatMessageView[] }) => bodies.push(...messages.map((m) => m.body)))
  return bodies
}

const chatIds = (socket: ClientSocket) => {
  const ids = new Set<string>()
  socket.on('chat:messages', ({ messages }: { messages: ChatMessageView[] }) => messages.forEach((m) => ids.add(m.id)))
  return ids
}

describe.skipIf(!existsSync(REDIS_SERVER))('/live on two servers through a Redis outage', () => {
  beforeAll(async () => {
    await getPrisma()
    await startRedis()
    const key = `tradecast-outage-${randomUUID().slice(0, 8)}`
    nodes.push(await startRealtimeNode({ url, key }), await startRealtimeNode({ url, key }))
    process.on('unhandledRejection', onUnhandled)
  })

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled)
    for (const socket of clients) socket.disconnect()
    for (const node of nodes) await stopRealtimeNode(node)
    await stopRedis()
    await disconnectPrisma()
  })

  it('keeps each server serving its own sockets while Redis is down, and shares rooms again when it is back', async () => {
    const [a, b] = nodes as [RealtimeNode, RealtimeNode]
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const [buyer, other] = [await createBuyer(), await createBuyer()]
    const session = await prisma.liveSession.create({
      data: {
        title: 'Outage',
        status: 'LIVE',
        isPublic: true,
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 3_600_000),
      },
    })
    const host = await connectLive(a.url, exporter.cookie, clients)
    const viewer = await connectLive(b.url, buyer.cookie, clients)
    const neighbour = await connectLive(b.url, other.cookie, clients)
    for (const socket of [host, viewer, neighbour]) expect((await emitAck(socket, 'live:join', { sessionId: session.id })).ok).toBe(true)
    const atHost = chatBodies(host)
    const atNeighbour = chatBodies(neighbour)
    const idsAtHost = chatIds(host)
    const idsAtNeighbour = chatIds(neighbour)

    const crossed = nextEvent<{ messages: ChatMessageView[] }>(host, 'chat:messages')
    expect((await emitAck(viewer, 'chat:send', { sessionId: session.id, body: 'before the outage' })).ok).toBe(true)
    await crossed

    await stopRedis()
    // Chat on B still reaches B's own sockets, and is stored; the sender is answered at once.
    expect((await emitAck(viewer, 'chat:send', { sessionId: session.id, body: 'during the outage' }, 3000)).ok).toBe(true)
    await expect.poll(() => atNeighbour).toContain('during the outage')
    expect(await prisma.chatMessage.count({ where: { sessionId: session.id, body: 'during the outage' } })).toBe(1)
    // A's own host is answered too (its chat limit falls back to this process's count).
    expect((await emitAck(host, 'chat:send', { sessionId: session.id, body: 'host during the outage' }, 3000)).ok).toBe(true)
    await expect.poll(() => atHost).toContain('host during the outage')

    await startRedis()
    // The adapters reconnect and resubscribe by themselves: chat crosses the servers again.
    await expect
      .poll(
        async () => {
          const body = `after the outage ${randomUUID().slice(0, 6)}`
          await emitAck(viewer, 'chat:send', { sessionId: session.id, body }, 3000)
          await new Promise((resolve) => setTimeout(resolve, 300))
          return atHost.includes(body)
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true)
    // What each server stored while the other could not hear it reaches the other's sockets, once.
    await expect.poll(() => atHost, { timeout: 10_000 }).toContain('during the outage')
    await expect.poll(() => atNeighbour, { timeout: 10_000 }).toContain('host during the outage')
    // Every stored message of the session has reached the host and the neighbour (readers merge by id).
    const stored = (await prisma.chatMessage.findMany({ where: { sessionId: session.id }, select: { id: true } })).map((row) => row.id)
    await expect.poll(() => stored.filter((id) => !idsAtHost.has(id)), { timeout: 10_000 }).toEqual([])
    expect(stored.filter((id) => !idsAtNeighbour.has(id))).toEqual([])
    expect(unhandled).toEqual([])
  }, 60_000)
})
