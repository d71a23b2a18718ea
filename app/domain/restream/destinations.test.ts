import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../tests/hostile.ts'
import { destinationFormSchema, isPrivateAddress, isPrivateHost, retrySecondsLeft, publishUrl, serverUrlProblem, streamKeyProblem } from './destinations.ts'

const schema = destinationFormSchema({ allowPrivateHosts: false })
const issues = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('the add-destination form', () => {
  it('fills in the preset server URL and keeps a given label', () => {
    const parsed = schema.parse({ platform: 'YOUTUBE', streamKey: ' abcd-efgh-ijkl-mnop ', label: 'Main channel' })
    expect(parsed).toEqual({ platform: 'YOUTUBE', label: 'Main channel', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'abcd-efgh-ijkl-mnop' })
    expect(schema.parse({ platform: 'FACEBOOK', streamKey: 'FB-1234-0-Ab?s_bl=1&s_sc=2' }).serverUrl).toBe('rtmps://live-api-s.facebook.com:443/rtmp/')
  })

  it('needs a server URL for platforms without a preset', () => {
    expect(issues({ platform: 'TIKTOK', streamKey: 'abcdef' })).toEqual({ serverUrl: 'restream.errors.serverUrl.required' })
    expect(schema.parse({ platform: 'NAVER', serverUrl: 'rtmp://live.naver.example/app', streamKey: 'abcdef' }).serverUrl).toBe('rtmp://live.naver.example/app')
  })

  it('refuses other schemes, credentials, private hosts, queries and junk', () => {
    const url = (serverUrl: string) => issues({ platform: 'CUSTOM', serverUrl, streamKey: 'abcdef' }).serverUrl
    expect(url('http://example.com/live')).toBe('restream.errors.serverUrl.scheme')
    expect(url('file:///etc/passwd')).toBe('restream.errors.serverUrl.scheme')
    expect(url('rtmp://user:pass@example.com/live')).toBe('restream.errors.serverUrl.credentials')
    expect(url('rtmp://127.0.0.1:1935/live')).toBe('restream.errors.serverUrl.private-host')
    expect(url('rtmp://localhost/live')).toBe('restream.errors.serverUrl.private-host')
    expect(url('rtmp://192.168.1.4/live')).toBe('restream.errors.serverUrl.private-host')
    // Numeric hosts glibc reads as IPv4 (inet_aton): short, decimal, hex and octal forms are not host names.
    for (const disguised of ['127.1', '2130706433', '0x7f000001', '0177.0.0.1', '0', '0x7f.1', '127.0.0.01', '1.2.3.4.5', '10.0.0.256']) {
      expect(url(`rtmp://${disguised}/app`), disguised).toBe('restream.errors.serverUrl.host')
      expect(serverUrlProblem(`rtmp://${disguised}/app`, { allowPrivateHosts: true }), disguised).toBe('host')
    }
    expect(url('rtmp://[::1]/app')).toBe('restream.errors.serverUrl.host')
    expect(url('rtmp://[fe80::1]/app')).toBe('restream.errors.serverUrl.host')
    for (const reserved of ['100.64.0.1', '100.127.255.255', '198.18.0.1', '198.19.255.1', '224.0.0.1', '239.1.1.1', '255.255.255.255', '0.0.0.0'])
      expect(url(`rtmp://${reserved}/app`), reserved).toBe('restream.errors.serverUrl.private-host')
    expect(url('rtmp://8.8.8.8/app')).toBeUndefined()
    expect(url('rtmp://live-1.example.com/app')).toBeUndefined()
    expect(url('rtmp://example.com/live?x=1')).toBe('restream.errors.serverUrl.invalid')
    expect(url('rtmp://exa mple.com/live')).toBe('restream.errors.serverUrl.invalid')
    expect(url('rtmp://example.com/live\n-f null')).toBe('restream.errors.serverUrl.invalid')
    expect(url('rtmp://under_score.example/live')).toBe('restream.errors.serverUrl.host')
    expect(url(`rtmp://example.com/${'a'.repeat(300)}`)).toBe('restream.errors.serverUrl.too-long')
    expect(url('not a url')).toBe('restream.errors.serverUrl.invalid')
    expect(serverUrlProblem('rtmp://127.0.0.1:1935/live', { allowPrivateHosts: true })).toBeNull()
  })

  it('refuses keys with slashes, spaces, quotes or control characters, and keys too short or too long', () => {
    const key = (streamKey: string) => issues({ platform: 'YOUTUBE', streamKey }).streamKey
    expect(key('')).toBe('restream.errors.streamKey.required')
    expect(key('abc')).toBe('restream.errors.streamKey.too-short')
    expect(key('a'.repeat(513))).toBe('restream.errors.streamKey.too-long')
    for (const bad of ['a/b/c/d', 'ab cd', "abc'd", 'abcd"e', 'ab\u0000cd', '../../etc', 'abcd|ef', 'ab;rm -rf']) {
      expect(key(bad), bad).toBe('restream.errors.streamKey.characters')
    }
    for (const hostile of Object.values(HOSTILE))
      expect(streamKeyProblem(hostile.trim()) === null ? hostile : 'refused', JSON.stringify(hostile)).toBe('refused')
  })

  it('refuses an unknown platform and control characters in the label', () => {
    expect(issues({ platform: 'MYSPACE', streamKey: 'abcdef' }).platform).toBe('restream.errors.platform')
    for (const bad of [HOSTILE.bell, HOSTILE.nul, HOSTILE.rightToLeftOverride, HOSTILE.bidiIsolate]) {
      expect(issues({ platform: 'YOUTUBE', streamKey: 'abcdef', label: bad }).label).toBe('restream.errors.label')
    }
  })
})

describe('isPrivateAddress (the publisher checks resolved addresses)', () => {
  it('refuses loopback, private, link-local, CGNAT, benchmark, multicast and unspecified addresses of both families', () => {
    const inside = ['127.0.0.1', '10.0.0.1', '192.168.0.1', '172.16.5.4', '169.254.169.254', '100.64.1.1', '198.18.1.1', '224.0.0.251', '0.0.0.0']
    const inside6 = ['::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1']
    for (const address of [...inside, ...inside6]) expect(isPrivateAddress(address), address).toBe(true)
    for (const address of ['8.8.8.8', '142.250.1.1', '2001:4860:4860::8888', '2a03:2880:f10d:83:face:b00c::25de', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false)
  })
})

describe('publishUrl and isPrivateHost', () => {
  it('appends the key as the last path segment', () => {
    expect(publishUrl('rtmps://live-api-s.facebook.com:443/rtmp/', 'FB-1')).toBe('rtmps://live-api-s.facebook.com:443/rtmp/FB-1')
    expect(publishUrl('rtmp://live.twitch.tv/app', 'live_1')).toBe('rtmp://live.twitch.tv/app/live_1')
  })
  it('knows the private ranges', () => {
    expect(['10.1.2.3', '172.20.0.1', '169.254.1.1', '0.0.0.0', '100.64.0.1'].every(isPrivateHost)).toBe(true)
    expect(['8.8.8.8', '172.32.0.1', 'a.rtmp.youtube.com'].some(isPrivateHost)).toBe(false)
  })
})

describe('retrySecondsLeft (the studio counts down to retryAt)', () => {
  it('counts down second by second to zero and never shows more than the announced wait', () => {
    const retryAt = '2026-12-03T10:00:08.000Z'
    const at = (iso: string) => Date.parse(iso)
    const state = { retryInSeconds: 8, retryAt }
    expect(retrySecondsLeft(state, at('2026-12-03T10:00:00.000Z'))).toBe(8)
    expect(retrySecondsLeft(state, at('2026-12-03T10:00:03.400Z'))).toBe(5)
    expect(retrySecondsLeft(state, at('2026-12-03T10:00:07.900Z'))).toBe(1)
    expect(retrySecondsLeft(state, at('2026-12-03T10:00:09.000Z'))).toBe(0)
    // A client clock a minute behind the server's still shows the announced wait, not 68 s.
    expect(retrySecondsLeft(state, at('2026-12-03T09:59:00.000Z'))).toBe(8)
  })
})
