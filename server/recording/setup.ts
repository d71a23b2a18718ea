import type { Logger } from 'pino'
import { getRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { Env } from '../../app/utils/env.server.ts'
import { DEFAULT_ENCODE } from './ffmpeg.ts'
import { RecordingService } from './service.ts'

/** The recording service from the environment; recordings a crash left unfinished are finalised first. */
export async function createRecordingService(env: Env, logger: Logger): Promise<RecordingService> {
  const service = await RecordingService.create({
    enabled: env.RECORDING_ENABLED === 'true',
    ffmpeg: env.FFMPEG_PATH,
    storage: getRecordingStorage(),
    encode: { ...DEFAULT_ENCODE, videoKbps: env.RECORDING_VIDEO_KBPS },
    // While a showcase restreams, its one encode (recording included) follows the restream's settings.
    streamEncode: { ...DEFAULT_ENCODE, videoKbps: env.RESTREAM_VIDEO_KBPS, height: env.RESTREAM_HEIGHT },
    minFreeBytes: env.RECORDING_MIN_FREE_MB * 1024 * 1024,
    logger: logger.child({ component: 'recording' }),
  })
  if (!service.unavailable) await service.finalizeLeftovers()
  return service
}
