import { once } from 'node:events'
import type { types } from 'mediasoup'
import { afterEach, describe, expect, it } from 'vitest'
import { MediaError, MediaLayer, type Room } from './index'
import type { PipeListen } from './pipe'
import { requireTestWorker, testMediaLayer, testWorkerBin as bin } from './test-worker'

// Two media nodes in one process: two MediaLayers, each with its own worker pool, piped over loopback.
requireTestWorker('server/media/pipe.test.ts')

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

async function mediaNode({ workers = 1, consumersPerRouter = 500 } = {}): Promise<MediaLayer> {
  const layer = await testMediaLayer({ workers, consumersPerRouter, minPort: 44000, maxPort: 44999 })
  cleanups.push(() => layer.close())
  return layer
}

type Cascade = { originNode: MediaLayer; edgeNode: MediaLayer; origin: Room; edge: Room; link: string }

/** The same showcase on two nodes, their pipe ends open and connected to each other. */
async function cascade(originListen: PipeListen, edgeListen: PipeListen, edgeOptions?: Parameters<typeof mediaNode>[0]): Promise<Cascade> {
  const [originNode, edgeNode] = await Promise.all([mediaNode(), mediaNode(edgeOptions)])
  const [origin, edge] = await Promise.all([originNode.openRoom('show'), edgeNode.openRoom('show')])
  const link = 'node-a>node-b'
  const [originEnd, edgeEnd] = await Promise.all([origin.openPipe(link, originListen), edge.openPipe(link, edgeListen)])
  await Promise.all([origin.connectPipe(link, edgeEnd), edge.connectPipe(link, originEnd)])
  return { originNode, edgeNode, origin, edge, link }
}

const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2 } as const
const VP8 = { mimeType: 'video/VP8', payloadType: 101, clockRate: 90_000 } as const

/** A host producer on the origin: a DirectTransport stands in for the browser; the test sends its RTP. */
async function hostProducer(room: Room, kind: types.MediaKind, ssrcs: number[]): Promise<types.Producer> {
  const transport = await room.routerForSend().createDirectTransport()
  const producer = await transport.produce({
    kind,
    rtpParameters: { codecs: [kind === 'audio' ? OPUS : VP8], encodings: ssrcs.map((ssrc) => ({ ssrc })) },
    appData: { source: kind === 'audio' ? 'microphone' : 'camera' },
  })
  await room.addExternalProducer('host', producer)
  return producer
}

/** A minimal RTP packet: version 2, marker set (one packet per frame), no CSRC, no extension. */
function rtpPacket(payloadType: number, ssrc: number, sequence: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(12)
  header[0] = 0x80
  header[1] = 0x80 | payloadType
  header.writeUInt16BE(sequence & 0xffff, 2)
  header.writeUInt32BE((sequence * 3000) >>> 0, 4)
  header.writeUInt32BE(ssrc, 8)
  return Buffer.concat([header, payload])
}

/** A VP8 key frame's first packet: descriptor with a 15-bit picture id, then a payload header with P = 0. */
function vp8KeyFrame(pictureId: number, marker: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x90, 0x80, 0x80 | ((pictureId >> 8) & 0x7f), pictureId & 0xff, 0x10, 0x02, 0x9d, 0x01, 0x2a]), marker])
}

/** Sends a packet per stream every 10 ms until `enough` says stop (or 15 s pass: a simulcast consumer needs a few seconds of stream scores before it climbs layers). */
async function sendUntil(
  producer: types.Producer,
  payloadType: number,
  ssrcs: number[],
  payload: (sequence: number, ssrc: number) => Buffer,
  enough: () => boolean,
) {
  const deadline = Date.now() + 15_000
  let sequence = 1
  while (!enough() && Date.now() < deadline) {
    for (const ssrc of ssrcs) producer.send(rtpPacket(payloadType, ssrc, sequence, payload(sequence, ssrc)))
    sequence++
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return sequence - 1
}

/** A DirectTransport consumer on the edge's primary router, collecting the RTP it gets. */
async function edgeReceiver(room: Room, producerId: string) {
  const router = room.routerForSend()
  const transport = await router.createDirectTransport()
  const consumer = await transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities })
  const packets: Buffer[] = []
  consumer.on('rtp', (packet) => packets.push(packet))
  return { consumer, packets }
}

/** Polls until `done` (the worker reports closes asynchronously), at most 5 s. */
async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof MediaError ? error.code : String(error)),
  )

const MARKER = Buffer.from('tradecast-pipe')

describe.skipIf(!bin)('PipeTransport cascade between two media nodes', () => {
  it('pipes a producer origin → edge over 127.0.0.1 without SRTP: same id, produceradded, RTP arrives at an edge consumer', async () => {
    const { originNode, edgeNode, origin, edge, link } = await cascade({ listenIp: '127.0.0.1', srtp: false }, { listenIp: '127.0.0.1', srtp: false })
    const producer = await hostProducer(origin, 'audio', [1111])

    const added = once(edge, 'produceradded')
    const piped = await origin.pipeOut(link, producer.id)
    expect(piped).toMatchObject({ producerId: producer.id, kind: 'audio', paused: false, source: 'microphone', ownerId: 'host' })
    // RTX is enabled on the pipe; Opus has no RTX codec but NACK feedback is kept.
    expect(piped.rtpParameters.codecs[0]?.rtcpFeedback).toContainEqual({ type: 'nack', parameter: '' })
    await edge.pipeIn(link, piped)
    expect((await added)[0]).toEqual({ producerId: producer.id, kind: 'audio', source: 'microphone', ownerId: 'host' })
    expect(edge.hostProducers()).toEqual([{ producerId: producer.id, kind: 'audio', source: 'microphone', paused: false, ownerId: 'host' }])
    expect(origin.hasLocalProducers()).toBe(true)
    expect(edge.hasLocalProducers()).toBe(false)
    expect(origin.pipeLinks()).toEqual([link])
    // Repeating either step is harmless: the same pipe consumer, no second producer.
    expect((await origin.pipeOut(link, producer.id)).rtpParameters.encodings).toEqual(piped.rtpParameters.encodings)
    await edge.pipeIn(link, piped)
    expect(edge.hostProducers()).toHaveLength(1)

    const { packets } = await edgeReceiver(edge, producer.id)
    const sent = await sendUntil(
      producer,
      OPUS.payloadType,
      [1111],
      () => MARKER,
      () => packets.length >= 30,
    )
    expect(packets.length).toBeGreaterThanOrEqual(30)
    expect(packets.every((packet) => packet.includes(MARKER))).toBe(true)
    expect(sent).toBeLessThan(100)

    // An edge viewer consumes it like a local producer; the load counts it on the edge, the pipe consumer on the origin.
    const viewer = edge.addPeer('viewer', 'viewer')
    const transport = await viewer.createTransport('recv')
    const info = await viewer.consume(transport.id, producer.id, edge.rtpCapabilities)
    expect(info).toMatchObject({ producerId: producer.id, kind: 'audio', source: 'microphone', type: 'simple' })
    expect(edgeNode.consumerCount()).toBe(1)
    expect(originNode.consumerCount()).toBe(1)
  })

  it('crosses 127.0.0.2 → 127.0.0.1 with SRTP on both ends, in the given port range', async () => {
    const ports = { minPort: 45100, maxPort: 45199 }
    const { origin, edge, link } = await cascade({ listenIp: '127.0.0.2', srtp: true, ...ports }, { listenIp: '127.0.0.1', srtp: true, ...ports })
    const producer = await hostProducer(origin, 'audio', [2222])
    await edge.pipeIn(link, await origin.pipeOut(link, producer.id))

    const { packets } = await edgeReceiver(edge, producer.id)
    await sendUntil(
      producer,
      OPUS.payloadType,
      [2222],
      () => MARKER,
      () => packets.length >= 30,
    )
    expect(packets.length).toBeGreaterThanOrEqual(30)
    expect(packets.every((packet) => packet.includes(MARKER))).toBe(true)
  })

  it('refuses to connect ends that disagree on SRTP, and reports its address, port and SRTP keys', async () => {
    const [a, b] = await Promise.all([mediaNode(), mediaNode()])
    const [origin, edge] = await Promise.all([a.openRoom('show'), b.openRoom('show')])
    const withSrtp = await origin.openPipe('l', { listenIp: '127.0.0.2', srtp: true, minPort: 45200, maxPort: 45209 })
    expect(withSrtp.ip).toBe('127.0.0.2')
    expect(withSrtp.port).toBeGreaterThanOrEqual(45200)
    expect(withSrtp.port).toBeLessThanOrEqual(45209)
    expect(withSrtp.srtpParameters?.cryptoSuite).toBeTruthy()
    const announced = await edge.openPipe('l', { listenIp: '0.0.0.0', announcedAddress: '127.0.0.1', srtp: false })
    expect(announced).toMatchObject({ ip: '127.0.0.1' })
    expect(announced.srtpParameters).toBeUndefined()
    expect(await refusal(edge.connectPipe('l', withSrtp))).toBe('invalid')
    expect(await refusal(edge.openPipe('wild', { listenIp: '0.0.0.0', srtp: false }))).toBe('invalid')
    expect(edge.pipeLinks()).toEqual(['l'])
    expect(await refusal(edge.openPipe('range', { listenIp: '127.0.0.1', srtp: false, minPort: 45300 }))).toBe('invalid')
  })

  it('pipes a simulcast producer as simulcast (3 encodings, RTX on the pipe): edge viewers get layers and its RTP arrives', async () => {
    const { origin, edge, link } = await cascade({ listenIp: '127.0.0.1', srtp: true }, { listenIp: '127.0.0.1', srtp: true })
    const ssrcs = [3001, 3002, 3003]
    const producer = await hostProducer(origin, 'video', ssrcs)
    expect(producer.type).toBe('simulcast')

    const piped = await origin.pipeOut(link, producer.id)
    expect(piped.rtpParameters.encodings).toHaveLength(3)
    expect((piped.rtpParameters.encodings ?? []).every((encoding) => encoding.rtx?.ssrc)).toBe(true)
    expect(piped.rtpParameters.codecs.map((codec) => codec.mimeType)).toContain('video/rtx')
    await edge.pipeIn(link, piped)
    expect(edge.hostProducers()).toEqual([{ producerId: producer.id, kind: 'video', source: 'camera', paused: false, ownerId: 'host' }])

    const viewer = edge.addPeer('viewer', 'viewer')
    const transport = await viewer.createTransport('recv')
    expect(await viewer.consume(transport.id, producer.id, edge.rtpCapabilities)).toMatchObject({ producerId: producer.id, type: 'simulcast' })

    // All three layers cross the pipe: the edge consumer climbs from the lowest to the top one.
    const { consumer, packets } = await edgeReceiver(edge, producer.id)
    expect(consumer.type).toBe('simulcast')
    const layerMarker = (ssrc: number) => Buffer.from(`layer-${ssrcs.indexOf(ssrc)}`)
    const topLayer = () => packets.some((packet) => packet.includes(layerMarker(3003)))
    await sendUntil(producer, VP8.payloadType, ssrcs, (sequence, ssrc) => vp8KeyFrame(sequence, layerMarker(ssrc)), topLayer)
    expect(topLayer()).toBe(true)
    expect(consumer.currentLayers?.spatialLayer).toBe(2)
    expect(packets.some((packet) => packet.includes(layerMarker(3001)))).toBe(true)
  })

  it('feeds the edge’s fan-out routers like a host producer: viewers on a second worker consume it, and lose it with the pipe', async () => {
    const plain = { listenIp: '127.0.0.1', srtp: false }
    const { edgeNode, origin, edge, link } = await cascade(plain, plain, { workers: 2, consumersPerRouter: 2 })
    const audio = await hostProducer(origin, 'audio', [7001])
    const video = await hostProducer(origin, 'video', [7002])
    await edge.pipeIn(link, await origin.pipeOut(link, audio.id))

    // One viewer fills the primary router; the second goes to a router on the other worker.
    const viewers = ['v1', 'v2'].map((id) => edge.addPeer(id, 'viewer'))
    const transports = []
    for (const viewer of viewers) transports.push(await viewer.createTransport('recv'))
    expect(edge.routerLoads()).toHaveLength(2)
    // Piped in after the fan-out: pipeToRouter carries it to the second router too.
    await edge.pipeIn(link, await origin.pipeOut(link, video.id))
    const second = viewers[1]!
    const consumed = [
      await second.consume(transports[1]!.id, audio.id, edge.rtpCapabilities),
      await second.consume(transports[1]!.id, video.id, edge.rtpCapabilities),
    ]
    expect(consumed.map((info) => info.producerId)).toEqual([audio.id, video.id])
    expect(edge.routerLoads()[1]).toMatchObject({ consumers: 2 })
    expect(edgeNode.consumerCount()).toBe(2)

    const lost: string[] = []
    second.on('consumerclosed', ({ producerId }) => lost.push(producerId))
    edge.closePipe(link)
    await waitFor(() => lost.length === 2)
    expect(lost.sort()).toEqual([audio.id, video.id].sort())
    expect(edgeNode.consumerCount()).toBe(0)
  })

  it('follows the origin’s pause and resume (also one that arrives while the producer is being piped in)', async () => {
    const { origin, edge, link } = await cascade({ listenIp: '127.0.0.1', srtp: false }, { listenIp: '127.0.0.1', srtp: false })
    const audio = await hostProducer(origin, 'audio', [4001])
    const video = await hostProducer(origin, 'video', [4002])
    await audio.pause()

    const pipedAudio = await origin.pipeOut(link, audio.id)
    expect(pipedAudio.paused).toBe(true)
    await edge.pipeIn(link, pipedAudio)
    expect(edge.hostProducers().find((p) => p.producerId === audio.id)?.paused).toBe(true)

    const events: Array<{ producerId: string; paused: boolean }> = []
    edge.on('producerpaused', (event) => events.push(event))
    await edge.setPipedPaused(audio.id, false)
    await edge.setPipedPaused(audio.id, false) // no second event
    await edge.setPipedPaused(audio.id, true)
    expect(events).toEqual([
      { producerId: audio.id, paused: false },
      { producerId: audio.id, paused: true },
    ])

    // A pause that overtakes pipeIn (the origin paused between pipeOut and pipeIn) still lands.
    const pipedVideo = await origin.pipeOut(link, video.id)
    const pipingIn = edge.pipeIn(link, pipedVideo)
    await edge.setPipedPaused(video.id, true)
    await pipingIn
    expect(edge.hostProducers().find((p) => p.producerId === video.id)?.paused).toBe(true)

    // A local producer does not take orders from a pipe; an unknown one is gone already.
    expect(await refusal(origin.setPipedPaused(audio.id, false))).toBe('invalid')
    expect(await refusal(edge.setPipedPaused('gone', true))).toBe('ok')
  })

  it('closes a piped producer, then the pipe: producerclosed for each, edge viewers’ consumers close, nothing throws', async () => {
    const { originNode, edgeNode, origin, edge, link } = await cascade({ listenIp: '127.0.0.1', srtp: false }, { listenIp: '127.0.0.1', srtp: false })
    const audio = await hostProducer(origin, 'audio', [5001])
    const video = await hostProducer(origin, 'video', [5002])
    const screen = await hostProducer(origin, 'video', [5003])
    for (const producer of [audio, video, screen]) await edge.pipeIn(link, await origin.pipeOut(link, producer.id))
    expect(originNode.consumerCount()).toBe(3)

    const closed: string[] = []
    edge.on('producerclosed', ({ producerId, ownerId }) => {
      expect(ownerId).toBe('host')
      closed.push(producerId)
    })
    edge.closePipedProducer(screen.id)
    edge.closePipedProducer(screen.id) // already gone: ignored
    expect(closed).toEqual([screen.id])
    expect(() => origin.closePipedProducer(audio.id)).toThrow(MediaError)

    const viewer = edge.addPeer('viewer', 'viewer')
    const transport = await viewer.createTransport('recv')
    const consumed = await viewer.consume(transport.id, video.id, edge.rtpCapabilities)
    const consumerClosed = once(viewer, 'consumerclosed')
    expect(edgeNode.consumerCount()).toBe(1)

    // The origin node dies: the edge's pipe just stops receiving until the edge closes it.
    originNode.close()
    expect(edge.pipeLinks()).toEqual([link])
    edge.closePipe(link)
    edge.closePipe(link)
    expect(closed.sort()).toEqual([audio.id, video.id, screen.id].sort())
    expect((await consumerClosed)[0]).toEqual({ consumerId: consumed.id, producerId: video.id })
    expect(edge.hostProducers()).toEqual([])
    expect(edge.pipeLinks()).toEqual([])
    expect(edgeNode.consumerCount()).toBe(0)
    expect(
      await refusal(
        edge.pipeIn(link, {
          producerId: audio.id,
          kind: 'audio',
          rtpParameters: { codecs: [], encodings: [] },
          paused: false,
          source: 'microphone',
          ownerId: 'host',
        }),
      ),
    ).toBe('not-found')
  })

  it('closes the origin end: its pipe consumers go, the host’s producers stay; the link can be opened again', async () => {
    const { originNode, origin, edge, link } = await cascade({ listenIp: '127.0.0.1', srtp: false }, { listenIp: '127.0.0.1', srtp: false })
    const producer = await hostProducer(origin, 'audio', [6001])
    await edge.pipeIn(link, await origin.pipeOut(link, producer.id))
    expect(originNode.consumerCount()).toBe(1)
    origin.closePipe(link)
    expect(originNode.consumerCount()).toBe(0)
    expect(origin.hostProducers().map((p) => p.producerId)).toEqual([producer.id])
    expect(edge.hostProducers()).toHaveLength(1) // the edge learns from the lead's signalling, not from the network
    await origin.openPipe(link, { listenIp: '127.0.0.1', srtp: false })
    expect(origin.pipeLinks()).toEqual([link])
  })

  it('refuses a second open of the same link (also concurrent) and closes its pipes with the room', async () => {
    const node = await mediaNode()
    const room = await node.openRoom('show')
    const listen = { listenIp: '127.0.0.1', srtp: false }
    expect(await Promise.all([refusal(room.openPipe('x', listen)), refusal(room.openPipe('x', listen))])).toEqual(['ok', 'invalid'])
    expect(await refusal(room.openPipe('x', listen))).toBe('invalid')
    await room.openPipe('y', listen)
    expect(room.pipeLinks().sort()).toEqual(['x', 'y'])
    room.close('shutdown')
    expect(room.pipeLinks()).toEqual([])
    expect(() => room.closePipe('x')).not.toThrow()
    expect(await refusal(room.openPipe('z', listen))).toBe('closed')
  })
})
