import type { types } from 'mediasoup-client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ParticipantInfo, ProducerInfo } from '~/protocol/media'
import { deviceFailure, openCamera, openMicrophone, openScreen, type DeviceFailure } from './local-media'
import { MediaSession, MediaSessionClosedError } from './media-session'
import { isTransientMediaFailure, mediaRecovery } from './signalling'
import { useMediaSocket } from './use-media-socket'

export type MeetingPhase = 'connecting' | 'connected' | 'reconnecting' | 'left' | 'error'

export type TileStats = { framesDecoded: number; frameWidth: number; audioPacketsReceived: number }

export type RemoteTile = ParticipantInfo & {
  /** Camera video + microphone audio. */
  stream: MediaStream | null
  screen: MediaStream | null
  hasVideo: boolean
  micMuted: boolean
  stats: TileStats
}

export type MeetingRoomState = {
  phase: MeetingPhase
  self: ParticipantInfo | null
  local: MediaStream | null
  cameraOn: boolean
  micOn: boolean
  sharing: boolean
  remotes: RemoteTile[]
  error: { code: string; message: string } | null
  /** The camera, microphone or screen could not be used (the room works on without it). */
  deviceError: DeviceFailure | null
}

type RemotePeer = ParticipantInfo & {
  consumers: Map<string, types.Consumer>
  paused: Set<string>
  /** Streams handed to the tiles, rebuilt only when their tracks change (a new object restarts playback). */
  streams: Map<'main' | 'screen', { key: string; stream: MediaStream }>
}

function stableStream(peer: RemotePeer, slot: 'main' | 'screen', tracks: MediaStreamTrack[]): MediaStream | null {
  if (tracks.length === 0) {
    peer.streams.delete(slot)
    return null
  }
  const key = tracks.map((track) => track.id).join(',')
  const cached = peer.streams.get(slot)
  if (cached?.key === key) return cached.stream
  const stream = new MediaStream(tracks)
  peer.streams.set(slot, { key, stream })
  return stream
}

type StatsWindow = Window & { __tradecastMeetingStats?: Record<string, TileStats & { name: string; role: string }> }

const NO_STATS: TileStats = { framesDecoded: 0, frameWidth: 0, audioPacketsReceived: 0 }

/**
 * A seat in a private meeting room: sends camera + microphone (+ screen), receives every other
 * participant. Joins again after every reconnection or media reset; the local tracks survive both.
 */
export function useMeetingRoom(sessionId: string) {
  const { socket, state: socketState, epoch } = useMediaSocket()
  const [state, setState] = useState<MeetingRoomState>({
    phase: 'connecting',
    self: null,
    local: null,
    cameraOn: true,
    micOn: true,
    sharing: false,
    remotes: [],
    error: null,
    deviceError: null,
  })
  const [resets, setResets] = useState(0)
  const peers = useRef(new Map<string, RemotePeer>())
  const stats = useRef(new Map<string, TileStats>())
  const tracks = useRef<{ camera: MediaStreamTrack | null; mic: MediaStreamTrack | null; screen: MediaStreamTrack | null }>({
    camera: null,
    mic: null,
    screen: null,
  })
  const producers = useRef<{ camera: types.Producer | null; mic: types.Producer | null; screen: types.Producer | null }>({
    camera: null,
    mic: null,
    screen: null,
  })
  /** The join of the current connection. */
  const session = useRef<MediaSession | null>(null)
  const left = useRef(false)
  const toggles = useRef({ cameraOn: true, micOn: true })

  const patch = useCallback((next: Partial<MeetingRoomState>) => setState((current) => ({ ...current, ...next })), [])

  const refreshTiles = useCallback(() => {
    const remotes = [...peers.current.values()].map((peer): RemoteTile => {
      const live = [...peer.consumers.values()].filter((consumer) => !consumer.closed)
      const source = (consumer: types.Consumer) => consumer.appData.source as string
      const main = live.filter((consumer) => source(consumer) !== 'screen').map((consumer) => consumer.track)
      const screen = live.find((consumer) => source(consumer) === 'screen')
      const mic = live.find((consumer) => consumer.kind === 'audio')
      return {
        peerId: peer.peerId,
        name: peer.name,
        role: peer.role,
        stream: stableStream(peer, 'main', main),
        screen: stableStream(peer, 'screen', screen ? [screen.track] : []),
        hasVideo: live.some((consumer) => source(consumer) === 'camera' && !peer.paused.has(consumer.producerId)),
        micMuted: !mic || peer.paused.has(mic.producerId),
        stats: stats.current.get(peer.peerId) ?? NO_STATS,
      }
    })
    patch({ remotes })
  }, [patch])

  useEffect(() => {
    if (socketState === 'reconnecting' && !left.current) patch({ phase: 'reconnecting' })
  }, [socketState, patch])

  // Join (again) at every connection or media reset.
  useEffect(() => {
    if (!socket || epoch === 0 || left.current) return
    const joining = new MediaSession(socket, sessionId, 'participant')
    session.current = joining
    let selfId: string | null = null
    const map = peers.current

    const peerOf = (owner: ParticipantInfo): RemotePeer => {
      let peer = map.get(owner.peerId)
      if (!peer) {
        peer = { ...owner, consumers: new Map(), paused: new Set(), streams: new Map() }
        map.set(owner.peerId, peer)
      }
      return peer
    }

    const consume = async (producer: ProducerInfo) => {
      if (!joining.canReceive || !producer.owner || producer.owner.peerId === selfId) return
      const peer = peerOf(producer.owner)
      if (producer.paused) peer.paused.add(producer.producerId)
      const consumer = await joining.consume(producer.producerId)
      if (!consumer) return
      if (map.get(peer.peerId) !== peer) {
        consumer.close()
        return
      }
      peer.consumers.set(consumer.id, consumer)
      refreshTiles()
    }

    const onProducerAdded = (producer: ProducerInfo) => void consume(producer).catch(fail)
    const dropConsumer = (match: (consumer: types.Consumer) => boolean) => {
      for (const peer of map.values()) {
        for (const [id, consumer] of peer.consumers) {
          if (match(consumer)) {
            consumer.close()
            peer.consumers.delete(id)
          }
        }
      }
      refreshTiles()
    }
    const onProducerClosed = ({ producerId }: { producerId: string }) => dropConsumer((consumer) => consumer.producerId === producerId)
    const onConsumerClosed = ({ consumerId }: { consumerId: string }) => dropConsumer((consumer) => consumer.id === consumerId)
    const onPaused = ({ producerId, paused }: { producerId: string; paused: boolean }) => {
      for (const peer of map.values()) {
        if (![...peer.consumers.values()].some((consumer) => consumer.producerId === producerId)) continue
        if (paused) peer.paused.add(producerId)
        else peer.paused.delete(producerId)
      }
      refreshTiles()
    }
    const onJoined = (participant: ParticipantInfo) => {
      if (participant.peerId === selfId) return
      peerOf(participant)
      refreshTiles()
    }
    const onLeft = ({ peerId }: { peerId: string }) => {
      const peer = map.get(peerId)
      if (!peer) return
      for (const consumer of peer.consumers.values()) consumer.close()
      map.delete(peerId)
      stats.current.delete(peerId)
      refreshTiles()
    }
    const { onReset, fail } = mediaRecovery({
      isCancelled: () => joining.closed,
      reconnecting: () => patch({ phase: 'reconnecting' }),
      rejoin: () => setResets((value) => value + 1),
      failed: (error) => patch({ phase: 'error', error }),
    })

    socket.on('media:producer-added', onProducerAdded)
    socket.on('media:producer-closed', onProducerClosed)
    socket.on('media:consumer-closed', onConsumerClosed)
    socket.on('media:producer-paused', onPaused)
    socket.on('media:participant-joined', onJoined)
    socket.on('media:participant-left', onLeft)
    socket.on('media:reset', onReset)

    void (async () => {
      const joined = await joining.join()
      selfId = joined.seat?.peerId ?? null
      patch({ self: joined.seat ?? null, error: null })
      await joining.connect(joined, { recv: true, send: true })
      const ready = await joining.ready()
      patch({ phase: 'connected' })
      for (const participant of ready.participants ?? []) peerOf(participant)
      refreshTiles()

      // Local media: opened once, kept across reconnections. Without a camera or microphone the
      // room still works (the others are seen and heard); the page says what went wrong.
      const local = tracks.current
      const failures: DeviceFailure[] = []
      const open = (opener: () => Promise<MediaStreamTrack>) =>
        opener().catch((error: unknown) => {
          failures.push(deviceFailure(error))
          return null
        })
      local.camera ??= await open(openCamera)
      local.mic ??= await open(openMicrophone)
      if (joining.closed) return
      patch({
        local: new MediaStream([local.camera, local.mic].filter((track): track is MediaStreamTrack => track !== null)),
        deviceError: failures[0] ?? null,
      })
      if (local.camera) {
        producers.current.camera = await joining.produceVideo(local.camera, 'camera')
        if (!toggles.current.cameraOn) await joining.setProducerPaused(producers.current.camera, true)
      }
      if (local.mic) {
        producers.current.mic = await joining.produceAudio(local.mic)
        if (!toggles.current.micOn) await joining.setProducerPaused(producers.current.mic, true)
      }
      if (local.screen?.readyState === 'live') producers.current.screen = await joining.produceVideo(local.screen, 'screen')
      for (const producer of ready.producers) await consume(producer)
    })().catch(fail)

    return () => {
      joining.close()
      if (session.current === joining) session.current = null
      socket.off('media:producer-added', onProducerAdded)
      socket.off('media:producer-closed', onProducerClosed)
      socket.off('media:consumer-closed', onConsumerClosed)
      socket.off('media:producer-paused', onPaused)
      socket.off('media:participant-joined', onJoined)
      socket.off('media:participant-left', onLeft)
      socket.off('media:reset', onReset)
      for (const peer of map.values()) for (const consumer of peer.consumers.values()) consumer.close()
      map.clear()
      producers.current = { camera: null, mic: null, screen: null }
    }
  }, [socket, epoch, resets, sessionId, patch, refreshTiles])

  // Stop the local devices when the page goes away.
  useEffect(() => {
    const local = tracks.current
    return () => {
      for (const track of [local.camera, local.mic, local.screen]) track?.stop()
    }
  }, [])

  // Inbound RTP per remote participant, once a second: on each tile (data attributes) and on
  // window.__tradecastMeetingStats for tests and support.
  useEffect(() => {
    const timer = setInterval(() => {
      void (async () => {
        const published: NonNullable<StatsWindow['__tradecastMeetingStats']> = {}
        for (const peer of peers.current.values()) {
          const figures: TileStats = { ...NO_STATS }
          for (const consumer of peer.consumers.values()) {
            if (consumer.closed) continue
            const source = consumer.appData.source
            ;(await consumer.getStats()).forEach((report: Record<string, unknown>) => {
              if (report.type !== 'inbound-rtp') return
              if (consumer.kind === 'audio') figures.audioPacketsReceived = Number(report.packetsReceived ?? 0)
              else if (source === 'camera') {
                figures.framesDecoded = Number(report.framesDecoded ?? 0)
                figures.frameWidth = Number(report.frameWidth ?? 0)
              }
            })
          }
          stats.current.set(peer.peerId, figures)
          published[peer.peerId] = { ...figures, name: peer.name, role: peer.role }
        }
        ;(window as StatsWindow).__tradecastMeetingStats = published
        refreshTiles()
        // A consumer closing meanwhile refuses getStats; the next second reads again.
      })().catch(() => undefined)
    }, 1000)
    return () => clearInterval(timer)
  }, [refreshTiles])

  /**
   * The track is already disabled here (black / silent); a lost request only leaves the others'
   * "camera off" or "muted" note behind, and the next join applies the toggles again.
   */
  const pauseProducer = useCallback((producer: types.Producer | null, paused: boolean) => {
    if (producer) void session.current?.setProducerPaused(producer, paused).catch(() => undefined)
  }, [])

  const toggleCamera = useCallback(() => {
    const on = !toggles.current.cameraOn
    toggles.current.cameraOn = on
    if (tracks.current.camera) tracks.current.camera.enabled = on
    patch({ cameraOn: on })
    pauseProducer(producers.current.camera, !on)
  }, [patch, pauseProducer])

  const toggleMic = useCallback(() => {
    const on = !toggles.current.micOn
    toggles.current.micOn = on
    if (tracks.current.mic) tracks.current.mic.enabled = on
    patch({ micOn: on })
    pauseProducer(producers.current.mic, !on)
  }, [patch, pauseProducer])

  const stopScreen = useCallback(() => {
    const producer = producers.current.screen
    producers.current.screen = null
    tracks.current.screen?.stop()
    tracks.current.screen = null
    patch({ sharing: false })
    // Closed here at once; should the request be lost, the server closes it with the connection.
    if (producer) void session.current?.closeProducer(producer).catch(() => undefined)
  }, [patch])

  const toggleScreen = useCallback(async () => {
    if (tracks.current.screen) {
      stopScreen()
      return
    }
    const track = await openScreen().catch((error: unknown) => {
      // Dismissing the browser's picker rejects with NotAllowedError: a choice, not a failure.
      if (deviceFailure(error) !== 'NotAllowedError') patch({ deviceError: 'screen' })
      return null
    })
    if (!track) return
    tracks.current.screen = track
    track.addEventListener('ended', stopScreen)
    patch({ sharing: true, deviceError: null })
    const current = session.current
    if (!current?.canSend) return
    producers.current.screen = await current.produceVideo(track, 'screen').catch((error: unknown) => {
      // After a reset or reconnection the next join sends the screen; anything else is said.
      if (!(error instanceof MediaSessionClosedError) && !isTransientMediaFailure(error)) {
        stopScreen()
        patch({ deviceError: 'screen' })
      }
      return null
    })
  }, [patch, stopScreen])

  const leave = useCallback(() => {
    left.current = true
    // Leaving is final on this page; the server also frees the seat when the socket goes.
    void session.current?.leave().catch(() => undefined)
    for (const peer of peers.current.values()) for (const consumer of peer.consumers.values()) consumer.close()
    peers.current.clear()
    for (const track of [tracks.current.camera, tracks.current.mic, tracks.current.screen]) track?.stop()
    tracks.current = { camera: null, mic: null, screen: null }
    patch({ phase: 'left', remotes: [], local: null, sharing: false })
  }, [patch])

  return { ...state, toggleCamera, toggleMic, toggleScreen, leave }
}
