import { describe, expect, it } from 'vitest'
import { backoffMs, classifyPublisherEnd, parseProgress, publisherArgs, scrubSecrets, urlForLogs } from './publisher-args.ts'

describe('publisherArgs', () => {
  it('copies the MPEG-TS from stdin into FLV at the URL, with progress on stdout and a write timeout', () => {
    const args = publisherArgs('rtmp://a.rtmp.youtube.com/live2/abcd-efgh')
    expect(args.slice(args.indexOf('-i'), args.indexOf('-i') + 2)).toEqual(['-i', 'pipe:0'])
    expect(args[args.indexOf('-f') + 1]).toBe('mpegts')
    expect(args[args.indexOf('-c') + 1]).toBe('copy')
    expect(args[args.lastIndexOf('-f') + 1]).toBe('flv')
    expect(args[args.indexOf('-progress') + 1]).toBe('pipe:1')
    expect(args[args.indexOf('-rw_timeout') + 1]).toBe('10000000')
    expect(args.at(-1)).toBe('rtmp://a.rtmp.youtube.com/live2/abcd-efgh')
    // No re-encode anywhere.
    expect(args).not.toContain('libx264')
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s and stays at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffMs(attempt))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
    expect(backoffMs(0)).toBe(1000)
    expect(backoffMs(3, 100, 250)).toBe(250)
  })
})

describe('classifyPublisherEnd', () => {
  it('tells an unreachable platform from a refusal and a drop', () => {
    expect(classifyPublisherEnd('[tcp @ 0x1] Connection to tcp://127.0.0.1:1 failed: Connection refused')).toBe('unreachable')
    expect(classifyPublisherEnd('Failed to resolve hostname nowhere.invalid: Name or service not known')).toBe('unreachable')
    expect(classifyPublisherEnd('[rtmp @ 0x1] Server error: Authentication failed')).toBe('rejected')
    expect(classifyPublisherEnd('av_interleaved_write_frame(): Broken pipe')).toBe('dropped')
    expect(classifyPublisherEnd('')).toBe('exited')
  })
})

describe('parseProgress', () => {
  it('yields one progress per block and keeps a cut line for the next chunk', () => {
    const first = parseProgress('total_size=100\nout_time_us=1500000\nprogress=continue\ntotal_size=2')
    expect(first.blocks).toEqual([{ totalBytes: 100, outTimeMs: 1500 }])
    expect(first.rest).toBe('total_size=2')
    const second = parseProgress(`${first.rest}00\nout_time_us=N/A\nprogress=end\n`)
    expect(second.blocks).toEqual([{ totalBytes: 200, outTimeMs: 0 }])
  })
})

describe('scrubSecrets', () => {
  it('masks the key, its URL-encoded form and the last segment of any RTMP URL', () => {
    const key = 'FB-123?s_bl=1&a=Secret+Key'
    const text = `[flv @ 0x1] rtmps://live-api-s.facebook.com:443/rtmp/${key}: I/O error; key=${encodeURIComponent(key)}; rtmp://x.example/app/other-key`
    const scrubbed = scrubSecrets(text, [key])
    expect(scrubbed).not.toContain('Secret')
    expect(scrubbed).not.toContain('other-key')
    expect(scrubbed).toContain('rtmps://live-api-s.facebook.com:443/rtmp/••••')
    expect(urlForLogs('rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl')).toBe('rtmp://a.rtmp.youtube.com/live2/••••')
  })
})
