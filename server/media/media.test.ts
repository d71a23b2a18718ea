import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { MediaError } from './index'
import { PEER_LIMITS } from './peer'
import { Room } from './room'
import { requireTestWorker, testMediaLayer, testWorkerBin as bin, testWorkerFactory as factory } from './test-worker'
import { WorkerPool, type WorkerDeath } from './worker-pool'

requireTestWorker('server/media/media.test.ts')
const listen = { listenIp: '127.0.0.1', minPort: 43000, maxPort: 43999 }

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

describe.skipIf(!bin)('WorkerPool', () => {
  it('leaves SIGTERM and SIGINT to the server: mediasoup would close every worker before a drain', async () => {
    const listeners = () => process.listenerCount('SIGTERM') + process.listenerCount('SIGINT')
    const before = listeners()
    const pool = await WorkerPool.create({ size: 2, factory })
    cleanups.push(() => pool.close())
    // No listener of mediasoup's is left to close the workers when the signal comes.
    expect(listeners()).toBe(before)
  })

  it('replaces a dead worker at the same index and reports only the rooms that lived on it', async () => {
    const pool = await WorkerPool.create({ size: 2, factory })
    cleanups.push(() => pool.close())
    const [pid0, pid1] = pool.pids()
    const a = pool.acquire('room-a')
    const b = pool.acquire('room-b')
    expect(a).not.toBe(b)
    const deathIndex = pool.indexOf(a)

    const died = once(pool, 'died') as Promise<[WorkerDeath]>
    const replaced = once(pool, 'replaced') as Promise<[{ index: number; pid: number }]>
    pool.kill(deathIndex)
    const [death] = await died
    expect(death).toMatchObject({ index: deathIndex, owners: ['room-a'] })
    const [fresh] = await replaced
    expect(fresh.index).toBe(deathIndex)
    expect([pid0, pid1]).not.toContain(fresh.pid)
    expect(pool.pids()).toHaveLength(2)
    expect(pool.workerAt(1 - deathIndex)).toBe(b)
    // The new worker takes rooms again.
    expect(pool.acquire('room-c')).toBe(pool.workerAt(deathIndex))
  })

  it('closes only the dead worker’s rooms in the media layer', async () => {
    const layer = await testMediaLayer({ workers: 2, minPort: 43000, maxPort: 43999 })
    cleanups.push(() => layer.close())
    const one = await layer.openRoom('one')
    const two = await layer.openRoom('two')
    expect(one.workerPids()[0]).not.toBe(two.workerPids()[0])
    const closed = once(layer, 'roomclosed') as Promise<[{ roomId: string; reason: string }]>
    layer.killWorkerOf('one')
    expect((await closed)[0]).toEqual({ roomId: 'one', reason: 'worker-died' })
    expect(one.closed).toBe(true)
    expect(two.closed).toBe(false)
    await once(layer, 'workerreplaced')
    const again = await layer.openRoom('one')
    expect(again).not.toBe(one)
  })
})

describe.skipIf(!bin)('Room capacity and pipeToRouter', () => {
  it('places viewers on the primary router until capacity, then fans out to another worker fed by pipeToRouter', async () => {
    const pool = await WorkerPool.create({ size: 2, factory })
    cleanups.push(() => pool.close())
    const room = await Room.create({ id: 'showcase', pool, listen, consumersPerRouter: 4, peerJoinTimeoutMs: 10_000 })
    cleanups.push(() => room.close('shutdown'))

    // The host's producer on the primary router (a DirectTransport stands in for the browser).
    const primary = room.routerForSend()
    const direct = await primary.createDirectTransport()
    const producer = await direct.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1111 }] },
      appData: { source: 'microphone' },
    })
    const host = room.addPeer('host', 'host')
    await room.producerAdded(host, producer)

    const viewers = ['v1', 'v2', 'v3'].map((id) => room.addPeer(id, 'viewer'))
    for (const viewer of viewers) await viewer.createTransport('recv')
    const loads = room.routerLoads()
    expect(loads).toHaveLength(2)
    expect(loads[0]).toMatchObject({ reserved: 4 })
    expect(loads[1]).toMatchObject({ reserved: 2 })
    expect(loads[0]!.workerIndex).not.toBe(loads[1]!.workerIndex)

    // The third viewer consumes the host's producer on the secondary router (piped, same id).
    const caps = primary.rtpCapabilities
    const third = viewers[2]!
    const [transportId] = [...third.transports.keys()]
    const consumer = await third.consume(transportId!, producer.id, caps)
    expect(consumer).toMatchObject({ producerId: producer.id, kind: 'audio', source: 'microphone' })
    expect(room.routerLoads()[1]).toMatchObject({ consumers: 1 })

    // Leaving frees the reservation; the next viewer goes back to the secondary router's free seat.
    third.close()
    third.close() // idempotent
    expect(room.routerLoads()[1]).toMatchObject({ reserved: 0, consumers: 0 })
    expect(room.peers.has('v3')).toBe(false)
  })

  it('closes a peer that never finishes joining', async () => {
    const pool = await WorkerPool.create({ size: 1, factory })
    cleanups.push(() => pool.close())
    const room = await Room.create({ id: 'timeout', pool, listen, consumersPerRouter: 500, peerJoinTimeoutMs: 50 })
    cleanups.push(() => room.close('shutdown'))
    const lazy = room.addPeer('lazy', 'viewer')
    const ready = room.addPeer('ready', 'viewer')
    room.peerJoined(ready)
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(lazy.closed).toBe(true)
    expect(ready.closed).toBe(false)
    expect(room.viewerCount()).toBe(1)
  })
})

describe.skipIf(!bin)('per-peer caps (issue 13 item 6)', () => {
  async function showcase(id: string) {
    const pool = await WorkerPool.create({ size: 1, factory })
    cleanups.push(() => pool.close())
    const room = await Room.create({ id, pool, listen, consumersPerRouter: 500, peerJoinTimeoutMs: 10_000 })
    cleanups.push(() => room.close('shutdown'))
    return room
  }
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: unknown) => (error instanceof MediaError ? error.code : String(error)),
    )

  it('gives a viewer two receive transports and no send transport, however many it asks for (30 at once)', async () => {
    const room = await showcase('caps-viewer')
    const viewer = room.addPeer('v', 'viewer')
    const answers = await Promise.all(Array.from({ length: 30 }, () => refusal(viewer.createTransport('recv'))))
    expect(answers.filter((a) => a === 'ok')).toHaveLength(PEER_LIMITS.viewer.recv)
    expect(answers.filter((a) => a === 'too-many')).toHaveLength(30 - PEER_LIMITS.viewer.recv)
    expect(viewer.transports.size).toBe(2)
    expect(await refusal(viewer.createTransport('send'))).toBe('forbidden')
    // Freed when the peer goes: the next peer starts from zero.
    viewer.close()
    expect(await refusal(room.addPeer('v2', 'viewer').createTransport('recv'))).toBe('ok')
  })

  it('caps a host’s send transports and a viewer’s consumers of the same stream', async () => {
    const room = await showcase('caps-consumers')
    const host = room.addPeer('host', 'host')
    expect(await Promise.all([1, 2, 3].map(() => refusal(host.createTransport('send'))))).toEqual(['ok', 'ok', 'too-many'])

    const primary = room.routerForSend()
    const direct = await primary.createDirectTransport()
    const producer = await direct.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 2222 }] },
      appData: { source: 'microphone' },
    })
    await room.producerAdded(host, producer)
    const viewer = room.addPeer('v', 'viewer')
    const transport = await viewer.createTransport('recv')
    const answers: string[] = []
    for (let i = 0; i < 10; i++) answers.push(await refusal(viewer.consume(transport.id, producer.id, primary.rtpCapabilities)))
    expect(answers.filter((a) => a === 'ok')).toHaveLength(PEER_LIMITS.viewer.consumers)
    expect(answers.slice(PEER_LIMITS.viewer.consumers).every((a) => a === 'too-many')).toBe(true)
    expect(viewer.consumers.size).toBe(PEER_LIMITS.viewer.consumers)
  })
})
