import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canSignalOnParentDeath, checkFfmpeg, escapeTeeName, escapeTeeOptionValue, recordingArgs } from './ffmpeg.ts'
import { recordingSdp } from './sdp.ts'

const ffmpegReady = (await checkFfmpeg('ffmpeg')).ok

describe('recordingArgs', () => {
  it('maps only the tracks there are, cuts 2-s segments on forced key frames, writes aside then renames', () => {
    const args = recordingArgs({ sdpFile: 'p003.sdp', hls: { playlist: 'p003.m3u8', segmentPattern: 'p003-%05d.ts' }, hasVideo: false, hasAudio: true })
    expect(args).not.toContain('0:v:0')
    expect(args).toContain('0:a:0')
    const video = recordingArgs({ sdpFile: 'p000.sdp', hls: { playlist: 'p000.m3u8', segmentPattern: 'p000-%05d.ts' }, hasVideo: true, hasAudio: true })
    expect(video[video.indexOf('-force_key_frames') + 1]).toBe('expr:gte(t,n_forced*2)')
    expect(video[video.indexOf('-hls_flags') + 1]).toContain('temp_file')
    expect(video.at(-1)).toBe('p000.m3u8')
    // Camera and screen share land letterboxed on one 16:9 canvas: the encoder never sees a size change.
    expect(video[video.indexOf('-vf') + 1]).toContain('pad=1280:720')
  })
})

describe('recordingArgs with a restream (ADR 018)', () => {
  const hls = { playlist: 'p001.m3u8', segmentPattern: 'p001-%05d.ts' }

  it('writes HLS exactly as without restreaming plus MPEG-TS on stdout, through one tee', () => {
    const args = recordingArgs({ sdpFile: 'p001.sdp', hls, stream: true, hasVideo: true, hasAudio: true })
    expect(args[args.indexOf('-f') + 1]).toBe('tee')
    expect(args.at(-1)).toBe(
      '[f=hls:hls_time=2:hls_list_size=0:hls_playlist_type=event:hls_flags=independent_segments+temp_file:hls_segment_filename=p001-%05d.ts]p001.m3u8|[f=mpegts:onfail=ignore]pipe:1',
    )
    // One encode: a single libx264 and a single aac.
    expect(args.filter((arg) => arg === 'libx264')).toHaveLength(1)
    expect(args.filter((arg) => arg === 'aac')).toHaveLength(1)
  })

  it('encodes for the restream alone when the show is not recorded', () => {
    const args = recordingArgs({ sdpFile: 'p000.sdp', hls: null, stream: true, hasVideo: true, hasAudio: true })
    expect(args.slice(-3)).toEqual(['-f', 'mpegts', 'pipe:1'])
    expect(args.join(' ')).not.toContain('hls')
  })

  it('escapes the tee separators in names and option values', () => {
    expect(escapeTeeName("a|b]c:d'e\\f")).toBe("a\\|b\\]c\\:d\\'e\\\\f")
    // Option values pass two unescaping levels: the split on `|`, then the option list.
    expect(escapeTeeOptionValue('x:y')).toBe('x\\\\\\:y')
    const args = recordingArgs({
      sdpFile: 's.sdp',
      hls: { playlist: 'x|y.m3u8', segmentPattern: 'a]b:c-%05d.ts' },
      stream: true,
      hasVideo: true,
      hasAudio: false,
    })
    expect(args.at(-1)).toContain('hls_segment_filename=a\\\\\\]b\\\\\\:c-%05d.ts]x\\|y.m3u8|[f=mpegts')
  })

  it.runIf(ffmpegReady)('makes ffmpeg write files with hostile names through the tee and TS on stdout', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tee-'))
    try {
      const segment = "s]e|g=m'e:nt-%03d.ts"
      const playlist = "play|li]st'.m3u8"
      const tee = `[f=hls:hls_time=1:hls_segment_filename=${escapeTeeOptionValue(segment)}]${escapeTeeName(playlist)}|[f=mpegts:onfail=ignore]pipe:1`
      const ffmpeg = spawn(
        'ffmpeg',
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-f',
          'lavfi',
          '-i',
          'testsrc=size=160x90:rate=10',
          '-t',
          '2',
          '-c:v',
          'libx264',
          '-map',
          '0:v',
          '-f',
          'tee',
          tee,
        ],
        {
          cwd: folder,
        },
      )
      let stdout = 0
      ffmpeg.stdout.on('data', (chunk: Buffer) => (stdout += chunk.length))
      const [code] = (await once(ffmpeg, 'exit')) as [number]
      expect(code).toBe(0)
      expect(stdout).toBeGreaterThan(1000)
      const { readdir } = await import('node:fs/promises')
      expect((await readdir(folder)).sort()).toEqual(expect.arrayContaining([playlist, "s]e|g=m'e:nt-000.ts"]))
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('recordingSdp', () => {
  it('declares each track on its port pair with the consumer’s payload type, codec and fmtp', () => {
    const sdp = recordingSdp([
      {
        producerId: 'a',
        kind: 'audio',
        codec: { mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2, parameters: { useinbandfec: 1 } },
        destination: { producerId: 'a', ip: '127.0.0.1', rtpPort: 50_000, rtcpPort: 50_001 },
      },
      {
        producerId: 'v',
        kind: 'video',
        codec: { mimeType: 'video/VP8', payloadType: 101, clockRate: 90_000 },
        destination: { producerId: 'v', ip: '127.0.0.1', rtpPort: 50_002, rtcpPort: 50_003 },
      },
    ])
    expect(sdp.split('\r\n')).toEqual(
      expect.arrayContaining([
        'm=audio 50000 RTP/AVP 100',
        'a=rtcp:50001',
        'a=rtpmap:100 opus/48000/2',
        'a=fmtp:100 useinbandfec=1',
        'm=video 50002 RTP/AVP 101',
        'a=rtpmap:101 VP8/90000',
      ]),
    )
  })
})

describe('recordingSdp with hostile codec parameters', () => {
  it('keeps only plain tokens: a parameter cannot add SDP lines', () => {
    const sdp = recordingSdp([
      {
        producerId: 'v',
        kind: 'video',
        codec: {
          mimeType: 'video/VP8',
          payloadType: 101,
          clockRate: 90_000,
          parameters: { 'x-google-start-bitrate': 600, evil: '1\r\nc=IN IP4 203.0.113.7\r\nm=video 9 RTP/AVP 96', 'bad key': 1, 'a;b': 2 },
        },
        destination: { producerId: 'v', ip: '127.0.0.1', rtpPort: 50_002, rtcpPort: 50_003 },
      },
    ])
    expect(sdp).not.toContain('203.0.113.7')
    expect(sdp.match(/^m=/gm)).toHaveLength(1)
    expect(sdp).toContain('a=fmtp:101 x-google-start-bitrate=600\r\n')
  })
})

describe.runIf(ffmpegReady && process.platform === 'linux')('a recording ffmpeg whose server dies', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-orphan-'))
    await writeFile(
      path.join(folder, 'wait.sdp'),
      recordingSdp([
        {
          producerId: 'v',
          kind: 'video',
          codec: { mimeType: 'video/VP8', payloadType: 101, clockRate: 90_000 },
          destination: { producerId: 'v', ip: '127.0.0.1', rtpPort: 47_990, rtcpPort: 47_991 },
        },
      ]),
    )
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('stops by itself instead of waiting for RTP forever', async () => {
    expect(await canSignalOnParentDeath()).toBe(true)
    // A parent process (the server) starts ffmpeg the way the recorder does, then is SIGKILLed.
    // Run as the server runs (one Node process with tsx's loader), so that killing it kills ffmpeg's parent.
    const script = path.join(folder, 'parent.mts')
    await writeFile(
      script,
      `import { spawnFfmpeg } from ${JSON.stringify(path.resolve('server/recording/ffmpeg.ts'))}
      const running = await spawnFfmpeg('ffmpeg', ['-nostdin', '-protocol_whitelist', 'file,udp,rtp', '-listen_timeout', '120', '-i', 'wait.sdp', '-f', 'null', '-'], ${JSON.stringify(folder)})
      console.log(running.child.pid)
      setInterval(() => {}, 1000)
      `,
    )
    const parent = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const [chunk] = (await once(parent.stdout, 'data')) as [Buffer]
    const ffmpegPid = Number(chunk.toString().trim())
    expect(ffmpegPid).toBeGreaterThan(0)
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    expect(alive(ffmpegPid)).toBe(true)
    parent.kill('SIGKILL')
    const deadline = Date.now() + 10_000
    while (alive(ffmpegPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    const stillThere = alive(ffmpegPid)
    if (stillThere) execFileSync('kill', ['-9', String(ffmpegPid)])
    expect(stillThere).toBe(false)
  })
})
