import type { types } from 'mediasoup-client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MediaSource, ProducerInfo, QualityChoice, RecordingState, SessionStatus } from '~/protocol/media'
import { ConnectWatchdog, fallbackReasonFor, hasWebRtc, type FallbackReason, type WatchStep } from './live-fallback'
import { isSessionOver, MediaSession } from './media-session'
import { mediaRecovery, request } from './signalling'
import { publishPlaybackStats, readPlaybackStats, type PlaybackStats } from './stats'
import { useMediaSocket } from './use-media-socket'

export type WatchPhase = 'connecting' | 'waiting' | 'live' | 'reconnecting' | 'ended' | 'error'

/** How the picture arrives: WebRTC from the SFU, or the live HLS rendition (a few seconds behind). */
export type WatchTransport = 'webrtc' | 'hls'
type WatchMode = { transport: WatchTransport; fallback: FallbackReason | null }

export type WatchState = {
  phase: WatchPhase
  title: string | null
  stream: MediaStream | null
  source: MediaSource | null
  hostMuted: boolean
  viewerCount: number
  /** Whether the show is being recorded (viewers are told). */
  recording: RecordingState | null
  quality: QualityChoice
  /** Spatial layer currently received (0 low … 2 high), as mediasoup reports it. */
  layer: number | null
  stats: PlaybackStats | null
  error: { code: string; message: string } | null
}

export type Watch = WatchState & {
  transport: WatchTransport
  /** Why this viewer watches HLS (null on WebRTC). */
  fallback: FallbackReason | null
  setQuality: (quality: QualityChoice) => void
  /** Back from the HLS fallback to WebRTC (after a full room). */
  retryWebRtc: () => void
}

/**
 * A viewer of a live session: joins the room on every (re)connection, consumes the host's audio and
 * video, follows producers coming and going (screen share, host reconnects) and the lifecycle.
 * Falls back to the live HLS rendition (transport 'hls', played by the page) when this browser has no
 * WebRTC, the room refuses the join (`too-many`), or the receive transport does not connect in time;
 * it then stays in the room without receiving, for the status and the viewer count.
 */
export function useWatch(sessionId: string): Watch {
  const { socket, state: socketState, epoch } = useMediaSocket()
  const [state, setState] = useState<WatchState>({
    phase: 'connecting',
    title: null,
    stream: null,
    source: null,
    hostMuted: false,
    viewerCount: 0,
    recording: null,
    quality: 'auto',
    layer: null,
    stats: null,
    error: null,
  })
  const [resets, setResets] = useState(0)
  const [mode, setMode] = useState<WatchMode>({ transport: 'webrtc', fallback: null })
  const hlsRef = useRef(false)
  const consumers = useRef(new Map<string, types.Consumer>())
  const qualityRef = useRef<QualityChoice>('auto')
  const statusRef = useRef<SessionStatus>('SCHEDULED')
  const sourceRef = useRef<MediaSource | null>(null)
  const mediaNodeRef = useRef<string | null>(null)

  const patch = useCallback((next: Partial<WatchState>) => setState((current) => ({ ...current, ...next })), [])

  const refreshStream = useCallback(() => {
    if (hlsRef.current) {
      const status = statusRef.current
      patch({ stream: null, phase: isSessionOver(status) ? 'ended' : status === 'LIVE' ? 'live' : 'waiting' })
      return
    }
    const tracks = [...consumers.current.values()].filter((consumer) => !consumer.closed).map((consumer) => consumer.track)
    const hasVideo = [...consumers.current.values()].some((consumer) => consumer.kind === 'video' && !consumer.closed)
    const status = statusRef.current
    patch({
      stream: tracks.length > 0 ? new MediaStream(tracks) : null,
      phase: isSessionOver(status) ? 'ended' : status === 'LIVE' && hasVideo ? 'live' : 'waiting',
    })
  }, [patch])

  useEffect(() => {
    if (socketState === 'reconnecting') patch({ phase: statusRef.current === 'ENDED' ? 'ended' : 'reconnecting' })
  }, [socketState, patch])

  useEffect(() => {
    hlsRef.current = mode.transport === 'hls'
  }, [mode])

  // Join (again) at every connection, media reset or change of transport.
  useEffect(() => {
    if (!socket || epoch === 0) return
    const session = new MediaSession(socket, sessionId, 'viewer')
    const map = consumers.current
    const hls = mode.transport === 'hls'
    // The join effect runs again with the new mode: this session closes, the next one joins without media.
    const fallBack = (fallback: FallbackReason) => {
      if (session.closed) return
      session.close()
      setMode({ transport: 'hls', fallback })
    }
    const watchdog = new ConnectWatchdog(() => fallBack('ice-failed'))
    /** A failure of a WebRTC step: the HLS fallback when it calls for one, otherwise as before. */
    const failed = (step: WatchStep) => (error: unknown) => {
      const reason = hls ? null : fallbackReasonFor(error, step)
      if (reason) fallBack(reason)
      else fail(error)
    }

    const consume = async (producer: ProducerInfo) => {
      if (hls) return
      const consumer = await session.consume(producer.producerId)
      if (!consumer) return
      map.set(consumer.id, consumer)
      // ICE and DTLS start with the first consumer: from now on the transport has to connect in time.
      watchdog.arm()
      if (consumer.kind === 'video') {
        sourceRef.current = producer.source
        patch({ source: producer.source })
        if (qualityRef.current !== 'auto') await request(socket, 'media:set-quality', { consumerId: consumer.id, quality: qualityRef.current })
      } else {
        patch({ hostMuted: producer.paused })
      }
      refreshStream()
    }

    const onProducerAdded = (producer: ProducerInfo) => void consume(producer).catch(failed('consume'))
    const onProducerClosed = ({ producerId }: { producerId: string }) => {
      for (const [id, consumer] of map) {
        if (consumer.producerId !== producerId) continue
        consumer.close()
        map.delete(id)
      }
      refreshStream()
    }
    const onConsumerClosed = ({ consumerId }: { consumerId: string }) => {
      map.get(consumerId)?.close()
      map.delete(consumerId)
      refreshStream()
    }
    const onStatus = ({ status }: { status: SessionStatus }) => {
      statusRef.current = status
      refreshStream()
    }
    const onViewers = ({ count }: { count: number }) => patch({ viewerCount: count })
    const onRecording = (recording: RecordingState) => patch({ recording })
    const onSource = ({ source }: { source: MediaSource }) => {
      sourceRef.current = source
      patch({ source })
    }
    const onPaused = ({ producerId, paused }: { producerId: string; paused: boolean }) => {
      const consumer = [...map.values()].find((candidate) => candidate.producerId === producerId)
      if (consumer?.kind === 'audio') patch({ hostMuted: paused })
    }
    const onLayers = ({ consumerId, spatialLayer }: { consumerId: string; spatialLayer: number | null }) => {
      if (map.get(consumerId)?.kind === 'video') patch({ layer: spatialLayer })
    }
    const { onReset, fail } = mediaRecovery({
      isCancelled: () => session.closed,
      reconnecting: () => patch({ phase: 'reconnecting' }),
      rejoin: () => setResets((value) => value + 1),
      failed: (error) => patch({ phase: 'error', error }),
    })

    socket.on('media:producer-added', onProducerAdded)
    socket.on('media:producer-closed', onProducerClosed)
    socket.on('media:consumer-closed', onConsumerClosed)
    socket.on('media:status', onStatus)
    socket.on('media:viewers', onViewers)
    socket.on('media:recording', onRecording)
    socket.on('media:producer-source', onSource)
    socket.on('media:producer-paused', onPaused)
    socket.on('media:consumer-layers', onLayers)
    socket.on('media:reset', onReset)

    let step: WatchStep = 'join'
    void (async () => {
      if (!hls && !hasWebRtc()) {
        fallBack('no-webrtc')
        return
      }
      let joined
      try {
        joined = await session.join()
      } catch (error) {
        // A full room refuses the HLS viewer too; the socket still hears the status and the viewer count.
        // The status is unknown until it changes: 'connecting' until the HLS stream plays.
        if (hls && fallbackReasonFor(error, 'join') === 'room-full') {
          patch({ phase: 'connecting', stream: null, layer: null, stats: null })
          return
        }
        throw error
      }
      statusRef.current = joined.status
      mediaNodeRef.current = joined.mediaNode ?? null
      patch({ title: joined.title, error: null })
      if (isSessionOver(joined.status)) {
        refreshStream()
        return
      }
      if (hls) {
        patch({ layer: null, stats: null })
        step = 'ready'
        const ready = await session.readyWithoutMedia()
        statusRef.current = ready.status
        patch({ viewerCount: ready.viewerCount })
        refreshStream()
        return
      }
      step = 'connect'
      await session.connect(joined, { recv: true })
      session.onRecvConnectionState((state) => watchdog.state(state))
      step = 'ready'
      const ready = await session.ready()
      statusRef.current = ready.status
      patch({ viewerCount: ready.viewerCount })
      refreshStream()
      step = 'consume'
      for (const producer of ready.producers) await consume(producer)
    })().catch((error: unknown) => failed(step)(error))

    return () => {
      watchdog.stop()
      session.close()
      socket.off('media:producer-added', onProducerAdded)
      socket.off('media:producer-closed', onProducerClosed)
      socket.off('media:consumer-closed', onConsumerClosed)
      socket.off('media:status', onStatus)
      socket.off('media:viewers', onViewers)
      socket.off('media:recording', onRecording)
      socket.off('media:producer-source', onSource)
      socket.off('media:producer-paused', onPaused)
      socket.off('media:consumer-layers', onLayers)
      socket.off('media:reset', onReset)
      for (const consumer of map.values()) consumer.close()
      map.clear()
    }
  }, [socket, epoch, resets, sessionId, mode, patch, refreshStream])

  // Playback figures once a second (also on window.__tradecastStats for tests and support).
  useEffect(() => {
    const timer = setInterval(() => {
      if (hlsRef.current) return
      const list = [...consumers.current.values()]
      const video = list.find((consumer) => consumer.kind === 'video') ?? null
      const audio = list.find((consumer) => consumer.kind === 'audio') ?? null
      void readPlaybackStats(video, audio, sourceRef.current, mediaNodeRef.current)
        .then((stats) => {
          publishPlaybackStats(stats)
          patch({ stats })
        })
        .catch(() => undefined)
    }, 1000)
    return () => clearInterval(timer)
  }, [patch])

  const setQuality = useCallback(
    (quality: QualityChoice) => {
      qualityRef.current = quality
      patch({ quality })
      const video = [...consumers.current.values()].find((consumer) => consumer.kind === 'video')
      if (socket && video) void request(socket, 'media:set-quality', { consumerId: video.id, quality }).catch(() => undefined)
    },
    [socket, patch],
  )

  const retryWebRtc = useCallback(() => setMode({ transport: 'webrtc', fallback: null }), [])

  return { ...state, transport: mode.transport, fallback: mode.fallback, setQuality, retryWebRtc }
}
