import { beforeEach, describe, expect, test, vi } from 'vitest'
import type { types } from 'mediasoup-client'
import type { MediaSocket } from './signalling'

// The browser's mediasoup-client Device, faked at its one door (loadDevice): the session's own
// steps, and the requests they send on the socket, are what is under test.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  const transports: Array<{ direction: 'recv' | 'send'; closed: boolean }> = []
  const makeTransport = (direction: 'recv' | 'send') => (options: { id: string }) => {
    const transport = {
      id: options.id,
      direction,
      closed: false,
      close() {
        transport.closed = true
      },
      on(_event: string, _listener: Listener) {},
      consume: async (params: { id: string; producerId: string; kind: string }) => ({ ...params, closed: false, close() {} }),
    }
    transports.push(transport)
    return transport
  }
  const device = {
    recvRtpCapabilities: {
      codecs: [
        {
          kind: 'video',
          mimeType: 'video/VP8',
          clockRate: 90_000,
          parameters: { 'x-google-start-bitrate': 1000, nested: { no: 'objects' } },
          rtcpFeedback: [],
        },
      ],
      headerExtensions: [],
    },
    createRecvTransport: makeTransport('recv'),
    createSendTransport: makeTransport('send'),
  }
  return { device, transports }
})

vi.mock('./device', () => ({ loadDevice: vi.fn(async () => fake.device) }))

const { MediaSession, MediaSessionClosedError } = await import('./media-session')

type Sent = { event: string; payload: Record<string, unknown> }

/** A connected `/media` socket answering every request at once (or holding `media:join` when asked). */
function fakeSocket(options: { holdJoin?: boolean } = {}) {
  const sent: Sent[] = []
  let releaseJoin: (() => void) | null = null
  const answers: Record<string, object> = {
    'media:join': { routerRtpCapabilities: { codecs: [] }, status: 'LIVE', isHost: false, title: 'Soba', seat: { peerId: 'me', name: 'Me', role: 'BUYER' } },
    'media:create-transport': { transport: { id: 't-1', iceParameters: {}, iceCandidates: [], dtlsParameters: { fingerprints: [] }, iceServers: [] } },
    'media:ready': { producers: [], viewerCount: 1, status: 'LIVE' },
    'media:consume': { consumer: { id: 'c-1', producerId: 'p-1', kind: 'video', rtpParameters: { codecs: [] }, type: 'simulcast', source: 'camera' } },
  }
  const emit = (event: string, payload: Record<string, unknown>, ack: (error: Error | null, answer: object) => void) => {
    sent.push({ event, payload })
    const answer = () => ack(null, { ok: true, ...answers[event] })
    if (event === 'media:join' && options.holdJoin) releaseJoin = answer
    else answer()
  }
  const socket = { connected: true, timeout: () => ({ emit }) } as unknown as MediaSocket
  return { socket, sent, events: () => sent.map((entry) => entry.event), releaseJoin: () => releaseJoin?.() }
}

beforeEach(() => {
  fake.transports.length = 0
})

describe('MediaSession', () => {
  test('a viewer joins, opens one receive transport, says what it can receive, consumes and resumes', async () => {
    const { socket, sent, events } = fakeSocket()
    const session = new MediaSession(socket, 'session-1', 'viewer')
    const joined = await session.join()
    await session.connect(joined, { recv: true })
    await session.ready()
    const consumer = await session.consume('p-1')
    expect(consumer?.id).toBe('c-1')
    expect(events()).toEqual(['media:join', 'media:create-transport', 'media:ready', 'media:consume', 'media:resume-consumer'])
    expect(sent[0]!.payload).toEqual({ sessionId: 'session-1', role: 'viewer' })
    expect(sent[1]!.payload).toEqual({ direction: 'recv' })
    // Capabilities go out as the protocol types them: fmtp values only, no objects.
    expect(sent[2]!.payload).toEqual({
      rtpCapabilities: {
        codecs: [{ kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 1000 }, rtcpFeedback: [] }],
        headerExtensions: [],
      },
    })
  })

  test('a meeting seat opens a receive then a send transport; the host opens none until it publishes', async () => {
    const participant = fakeSocket()
    const seat = new MediaSession(participant.socket, 'session-1', 'participant')
    await seat.connect(await seat.join(), { recv: true, send: true })
    await seat.ready()
    expect(participant.sent.filter((entry) => entry.event === 'media:create-transport').map((entry) => entry.payload)).toEqual([
      { direction: 'recv' },
      { direction: 'send' },
    ])
    expect(seat.canSend).toBe(true)

    const host = fakeSocket()
    const studio = new MediaSession(host.socket, 'session-1', 'host')
    await studio.connect(await studio.join())
    await studio.ready()
    expect(host.events()).toEqual(['media:join', 'media:ready'])
    expect(studio.canSend).toBe(false)
    expect(await studio.consume('p-1')).toBeNull()
  })

  test('closed while joining: the join stops at its next step and sends nothing more', async () => {
    const { socket, events, releaseJoin } = fakeSocket({ holdJoin: true })
    const session = new MediaSession(socket, 'session-1', 'viewer')
    const joining = session.join()
    session.close()
    session.close()
    releaseJoin()
    await expect(joining).rejects.toBeInstanceOf(MediaSessionClosedError)
    await expect(session.ready()).rejects.toBeInstanceOf(MediaSessionClosedError)
    expect(events()).toEqual(['media:join'])
  })

  test('close() closes the transports it opened', async () => {
    const { socket } = fakeSocket()
    const session = new MediaSession(socket, 'session-1', 'participant')
    await session.connect(await session.join(), { recv: true, send: true })
    session.close()
    expect(fake.transports.map((transport) => [transport.direction, transport.closed])).toEqual([
      ['recv', true],
      ['send', true],
    ])
    expect(session.closed).toBe(true)
  })

  test('pausing a producer pauses it here and tells the server; a closed producer is left alone', async () => {
    const { socket, sent } = fakeSocket()
    const session = new MediaSession(socket, 'session-1', 'participant')
    const producer = { id: 'p-9', closed: false, pause: vi.fn(), resume: vi.fn() }
    const asProducer = (value: typeof producer) => value as unknown as types.Producer
    await session.setProducerPaused(asProducer(producer), true)
    await session.setProducerPaused(asProducer(producer), false)
    await session.setProducerPaused(asProducer({ ...producer, closed: true }), true)
    expect(producer.pause).toHaveBeenCalledTimes(1)
    expect(producer.resume).toHaveBeenCalledTimes(1)
    expect(sent).toEqual([
      { event: 'media:pause-producer', payload: { producerId: 'p-9' } },
      { event: 'media:resume-producer', payload: { producerId: 'p-9' } },
    ])
  })
})
