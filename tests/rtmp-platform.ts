import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

// A real RTMP server on loopback as the restream "platform" (node-media-server in a child process, so a
// test can kill it and start it again on the same port), and ffprobe on what it received.

const run = promisify(execFile)
const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rtmp-platform-server.ts')

export type RtmpPlatform = {
  port: number
  folder: string
  /** rtmp://127.0.0.1:<port>/live: the server URL a destination is given. */
  serverUrl: string
  start(): Promise<void>
  /** SIGKILL: the platform vanishes mid-stream. */
  kill(): Promise<void>
  stop(): Promise<void>
  /** The FLV files recorded for a stream key (one per publish), oldest first. */
  recordings(key: string): Promise<string[]>
}

export async function freeTcpPort(): Promise<number> {
  const server = net.createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function listening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`the RTMP server did not listen on ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function startRtmpPlatform(options: { record?: boolean } = {}): Promise<RtmpPlatform> {
  const port = await freeTcpPort()
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-rtmp-'))
  let child: ChildProcess | null = null
  const platform: RtmpPlatform = {
    port,
    folder,
    serverUrl: `rtmp://127.0.0.1:${port}/live`,
    async start() {
      if (child) return
      child = spawn(process.execPath, [SERVER, String(port), folder, options.record ? 'record' : ''], { stdio: 'ignore' })
      await listening(port, 15_000)
    },
    async kill() {
      const current = child
      child = null
      if (current?.exitCode !== null) return
      current.kill('SIGKILL')
      await once(current, 'exit')
    },
    async stop() {
      const current = child
      child = null
      if (current?.exitCode === null) {
        current.kill('SIGTERM')
        const killer = setTimeout(() => current.kill('SIGKILL'), 3000)
        await once(current, 'exit')
        clearTimeout(killer)
      }
      await rm(folder, { recursive: true, force: true })
    },
    async recordings(key: string) {
      const dir = path.join(folder, 'record', 'live', key)
      const files = await readdir(dir).catch(() => [] as string[])
      return files
        .filter((file) => file.endsWith('.flv'))
        .sort()
        .map((file) => path.join(dir, file))
    },
  }
  await platform.start()
  return platform
}

export type ProbedStream = { video: { codec: string; width: number; height: number } | null; audio: { codec: string } | null; duration: number }

/** ffprobe of a received FLV: codecs, size and length. */
export async function probeStream(file: string): Promise<ProbedStream> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height:format=duration', '-of', 'json', file], {
    timeout: 30_000,
  })
  const parsed = JSON.parse(stdout) as {
    streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>
    format: { duration?: string }
  }
  const video = parsed.streams.find((stream) => stream.codec_type === 'video')
  const audio = parsed.streams.find((stream) => stream.codec_type === 'audio')
  return {
    video: video ? { codec: video.codec_name, width: video.width ?? 0, height: video.height ?? 0 } : null,
    audio: audio ? { codec: audio.codec_name } : null,
    duration: Number(parsed.format.duration ?? 0),
  }
}
