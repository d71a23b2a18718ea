import type { types } from 'mediasoup-client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MediaSource, ProducerInfo, QualityChoice, SessionStatus } from '~/protocol/media'
import { isSessionOver, MediaSession } from './media-session'
import { mediaRecovery, request } from './signalling'
import { publishPlaybackStats, readPlaybackStats, type PlaybackStats } from './stats'
import { useMediaSocket } from './use-media-socket'

export type WatchPhase = 'connecting' | 'waiting' | 'live' | 'reconnecting' | 'ended' | 'error'

export type WatchState = {
  phase: WatchPhase
  title: string | null
  stream: MediaStream | null
  source: MediaSource | null
  hostMuted: boolean
  viewerCount: number
  quality: QualityChoice
  /** Spatial layer currently received (0 low … 2 high), as mediasoup reports it. */
  layer: number | null
  stats: PlaybackStats | null
  error: { code: string; message: string } | null
}

/**
 * A viewer of a live session: joins the room on every (re)connection, consumes the host's audio and
 * video, follows producers coming and going (screen share, host reconnects) and the lifecycle.
 */
export function useWatch(sessionId: string): WatchState & { setQuality: (quality: QualityChoice) => void } {
  const { socket, state: socketState, epoch } = useMediaSocket()
  const [state, setState] = useState<WatchState>({
    phase: 'connecting',
    title: null,
    stream: null,
    source: null,
    hostMuted: false,
    viewerCount: 0,
    quality: 'auto',
    layer: null,
    stats: null,
    error: null,
  })
  const [resets, setResets] = useState(0)
  const consumers = useRef(new Map<string, types.Consumer>())
  const qualityRef = useRef<QualityChoice>('auto')
  const statusRef = useRef<SessionStatus>('SCHEDULED')
  const sourceRef = useRef<MediaSource | null>(null)

  const patch = useCallback((next: Partial<WatchState>) => setState((current) => ({ ...current, ...next })), [])

  const refreshStream = useCallback(() => {
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

  // Join (again) at every connection or media reset.
  useEffect(() => {
    if (!socket || epoch === 0) return
    const session = new MediaSession(socket, sessionId, 'viewer')
    const map = consumers.current

    const consume = async (producer: ProducerInfo) => {
      const consumer = await session.consume(producer.producerId)
      if (!consumer) return
      map.set(consumer.id, consumer)
      if (consumer.kind === 'video') {
        sourceRef.current = producer.source
        patch({ source: producer.source })
        if (qualityRef.current !== 'auto') await request(socket, 'media:set-quality', { consumerId: consumer.id, quality: qualityRef.current })
      } else {
        patch({ hostMuted: producer.paused })
      }
      refreshStream()
    }

    const onProducerAdded = (producer: ProducerInfo) => void consume(producer).catch(fail)
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
    socket.on('media:producer-source', onSource)
    socket.on('media:producer-paused', onPaused)
    socket.on('media:consumer-layers', onLayers)
    socket.on('media:reset', onReset)

    void (async () => {
      const joined = await session.join()
      statusRef.current = joined.status
      patch({ title: joined.title, error: null })
      if (isSessionOver(joined.status)) {
        refreshStream()
        return
      }
      await session.connect(joined, { recv: true })
      const ready = await session.ready()
      statusRef.current = ready.status
      patch({ viewerCount: ready.viewerCount })
      refreshStream()
      for (const producer of ready.producers) await consume(producer)
    })().catch(fail)

    return () => {
      session.close()
      socket.off('media:producer-added', onProducerAdded)
      socket.off('media:producer-closed', onProducerClosed)
      socket.off('media:consumer-closed', onConsumerClosed)
      socket.off('media:status', onStatus)
      socket.off('media:viewers', onViewers)
      socket.off('media:producer-source', onSource)
      socket.off('media:producer-paused', onPaused)
      socket.off('media:consumer-layers', onLayers)
      socket.off('media:reset', onReset)
      for (const consumer of map.values()) consumer.close()
      map.clear()
    }
  }, [socket, epoch, resets, sessionId, patch, refreshStream])

  // Playback figures once a second (also on window.__tradecastStats for tests and support).
  useEffect(() => {
    const timer = setInterval(() => {
      const list = [...consumers.current.values()]
      const video = list.find((consumer) => consumer.kind === 'video') ?? null
      const audio = list.find((consumer) => consumer.kind === 'audio') ?? null
      void readPlaybackStats(video, audio, sourceRef.current)
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

  return { ...state, setQuality }
}
