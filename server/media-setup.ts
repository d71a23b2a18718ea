import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { Logger } from 'pino'
import type { Env } from '../app/utils/env.server.ts'
import { defaultWorkerCount } from './media/config.ts'
import { MediaLayer } from './media/index.ts'
import { CONSUMERS_PER_VIEWER } from './media/room.ts'
import type { MediaNodeSettings } from './realtime/media-nodes/cluster.ts'
import { resolveWorkerBinary } from './media/worker-binary.ts'

/** The first non-internal IPv4 address of this machine, announced when listening on 0.0.0.0. */
function firstExternalIPv4(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address
  }
  return undefined
}

/** Boots the mediasoup layer from the parsed environment and logs worker deaths and restarts. */
export async function createMediaLayer(env: Env, logger: Logger): Promise<MediaLayer> {
  let announcedAddress = env.RTC_ANNOUNCED_IP
  if (!announcedAddress && (env.RTC_LISTEN_IP === '0.0.0.0' || env.RTC_LISTEN_IP === '::')) {
    announcedAddress = firstExternalIPv4() ?? '127.0.0.1'
    logger.warn({ announcedAddress }, 'RTC_ANNOUNCED_IP is not set: announcing this machine’s first IPv4 address (set it behind NAT)')
  }
  const layer = await MediaLayer.create({
    workers: env.MEDIASOUP_WORKERS ?? defaultWorkerCount(),
    workerBin: resolveWorkerBinary(),
    listenIp: env.RTC_LISTEN_IP,
    ...(announcedAddress ? { announcedAddress } : {}),
    minPort: env.RTC_MIN_PORT,
    maxPort: env.RTC_MAX_PORT,
    consumersPerRouter: env.MEDIA_CONSUMERS_PER_ROUTER,
    peerJoinTimeoutMs: 15_000,
    iceServers: env.ICE_SERVERS,
    logLevel: 'warn',
  })
  layer.on('workerdied', (death) =>
    logger.error({ pid: death.pid, index: death.index, rooms: death.owners, error: death.error }, 'mediasoup worker died; its rooms restart'),
  )
  layer.on('workerreplaced', (info) => logger.warn(info, 'mediasoup worker replaced'))
  layer.on('error', (error) => logger.error({ err: error }, 'mediasoup worker could not be replaced (retrying)'))
  logger.info({ workers: layer.pool.pids() }, 'mediasoup workers ready')
  return layer
}

/**
 * This process as a media node of a cluster (ADR 020): only with REDIS_URL. Pipes to other nodes listen
 * on MEDIA_PIPE_IP (default RTC_LISTEN_IP) and announce MEDIA_PIPE_ANNOUNCED_IP (default the address
 * announced to browsers, else the listen address).
 */
export function mediaNodeSettings(env: Env, layer: MediaLayer): MediaNodeSettings | undefined {
  if (!env.REDIS_URL) return undefined
  const announced = layer.config.announcedAddress ?? layer.config.listenIp
  const pipeIp = env.MEDIA_PIPE_IP ?? layer.config.listenIp
  const wildcard = pipeIp === '0.0.0.0' || pipeIp === '::'
  const pipeAnnounced = env.MEDIA_PIPE_ANNOUNCED_IP ?? (wildcard ? announced : undefined)
  return {
    // Browsers see the id (support, `mediaNode`): the default says nothing about the host.
    nodeId: env.MEDIA_NODE_ID ?? `node-${randomUUID().slice(0, 8)}`,
    maxViewers: env.MEDIA_NODE_MAX_VIEWERS ?? Math.floor((layer.pool.size * layer.config.consumersPerRouter) / CONSUMERS_PER_VIEWER),
    pipe: { listenIp: pipeIp, ...(pipeAnnounced ? { announcedAddress: pipeAnnounced } : {}), minPort: layer.config.minPort, maxPort: layer.config.maxPort },
    announcedAddress: announced,
    drainTimeoutMs: env.MEDIA_DRAIN_TIMEOUT_MS,
  }
}
