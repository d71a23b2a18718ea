import type { types } from 'mediasoup-client'
import { useEffect, useRef, useState } from 'react'
import type { ProducerInfo } from '~/protocol/media'
import { isSessionOver, MediaSession } from './media-session'
import { useMediaSocket } from './use-media-socket'

export type IngestPreview = {
  /** The encoder's feed as a viewer receives it (null until a producer arrives). */
  stream: MediaStream | null
  /** Decoded frames per second of the preview (from the consumer's receiver stats). */
  fps: number | null
}

/**
 * The studio's preview of an encoder's feed: a second `/media` connection of the host that only
 * receives, consuming the room's producers like a viewer does (it is not counted as a viewer).
 */
export function useIngestPreview(sessionId: string): IngestPreview {
  const { socket, epoch } = useMediaSocket()
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [fps, setFps] = useState<number | null>(null)
  const consumersRef = useRef(new Map<string, types.Consumer>())

  useEffect(() => {
    if (!socket || epoch === 0) return
    const session = new MediaSession(socket, sessionId, 'host')
    const consumers = consumersRef.current
    const refresh = () => {
      const tracks = [...consumers.values()].filter((consumer) => !consumer.closed).map((consumer) => consumer.track)
      setStream(tracks.length > 0 ? new MediaStream(tracks) : null)
    }
    const consume = async (producerId: string) => {
      const consumer = await session.consume(producerId)
      if (!consumer) return
      consumers.set(consumer.id, consumer)
      refresh()
    }
    const dropProducer = ({ producerId }: { producerId: string }) => {
      for (const [id, consumer] of consumers) {
        if (consumer.producerId !== producerId) continue
        consumer.close()
        consumers.delete(id)
      }
      refresh()
    }
    const dropConsumer = ({ consumerId }: { consumerId: string }) => {
      consumers.get(consumerId)?.close()
      consumers.delete(consumerId)
      refresh()
    }
    const onProducerAdded = (producer: ProducerInfo) => void consume(producer.producerId).catch(() => undefined)
    socket.on('media:producer-added', onProducerAdded)
    socket.on('media:producer-closed', dropProducer)
    socket.on('media:consumer-closed', dropConsumer)
    void (async () => {
      const joined = await session.join()
      if (isSessionOver(joined.status)) return
      await session.connect(joined, { recv: true })
      const ready = await session.ready()
      for (const producer of ready.producers) await consume(producer.producerId)
    })().catch(() => undefined)
    const timer = setInterval(() => {
      const video = [...consumers.values()].find((consumer) => consumer.kind === 'video' && !consumer.closed)
      if (!video) return
      void video
        .getStats()
        .then((report) => {
          for (const stat of report.values() as IterableIterator<{ type: string; framesPerSecond?: number }>) {
            if (stat.type === 'inbound-rtp' && stat.framesPerSecond !== undefined) setFps(Math.round(stat.framesPerSecond))
          }
        })
        .catch(() => undefined)
    }, 2000)
    return () => {
      clearInterval(timer)
      socket.off('media:producer-added', onProducerAdded)
      socket.off('media:producer-closed', dropProducer)
      socket.off('media:consumer-closed', dropConsumer)
      for (const consumer of consumers.values()) consumer.close()
      consumers.clear()
      session.close()
    }
  }, [socket, epoch, sessionId])

  return { stream, fps }
}
