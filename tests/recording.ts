import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { MediaLayer } from '../server/media/index.ts'

// Helpers of the recording suites: a one-worker media layer on loopback, waiting, and ffprobe.

const run = promisify(execFile)

export async function createTestMediaLayer(workerBin: string, ports: { min: number; max: number }): Promise<MediaLayer> {
  return MediaLayer.create({
    workers: 1,
    workerBin,
    listenIp: '127.0.0.1',
    minPort: ports.min,
    maxPort: ports.max,
    consumersPerRouter: 500,
    peerJoinTimeoutMs: 15_000,
    iceServers: [],
    logLevel: 'error',
  })
}

export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** ffprobe reads the whole playlist (every segment): its duration (s) and the decoded video frames. */
export async function probePlaylist(playlist: string): Promise<{ duration: number; frames: number }> {
  const { stdout } = await run(
    'ffprobe',
    ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames:format=duration', '-of', 'json', playlist],
    { timeout: 60_000 },
  )
  const parsed = JSON.parse(stdout) as { streams: Array<{ nb_read_frames?: string }>; format: { duration: string } }
  return { duration: Number(parsed.format.duration), frames: Number(parsed.streams[0]?.nb_read_frames ?? 0) }
}
