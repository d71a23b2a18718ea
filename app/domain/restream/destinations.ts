import { z } from 'zod'

// Restream destinations of a showcase (issue 17): presets, and the one schema of the "add destination"
// form, used by the studio for hints and by the server as the truth. Client-safe (no secrets opened here).

export const RESTREAM_PLATFORMS = ['YOUTUBE', 'FACEBOOK', 'TIKTOK', 'NAVER', 'TWITCH', 'CUSTOM'] as const
export type RestreamPlatform = (typeof RESTREAM_PLATFORMS)[number]

/** Server URLs the platforms publish; null: the platform gives each broadcaster their own (TikTok, Naver, custom). */
export const RESTREAM_PRESET_URLS: Record<RestreamPlatform, string | null> = {
  YOUTUBE: 'rtmp://a.rtmp.youtube.com/live2',
  FACEBOOK: 'rtmps://live-api-s.facebook.com:443/rtmp/',
  TWITCH: 'rtmp://live.twitch.tv/app',
  TIKTOK: null,
  NAVER: null,
  CUSTOM: null,
}

/** At most this many destinations per showcase (each is a publisher process while live). */
export const MAX_DESTINATIONS = 8

/** A destination as the studio's panel shows it (the key masked). */
export type DestinationView = {
  id: string
  platform: RestreamPlatform
  label: string
  serverUrl: string
  /** "••••••••k3Zq": enough to tell two keys apart, never the key. */
  maskedKey: string
  enabled: boolean
}

/** What the studio's restream route answers: the list (GET) and a change (POST; field errors are i18n keys). */
export type RestreamPanelData = {
  destinations: DestinationView[]
  presets: Record<RestreamPlatform, string | null>
  /** Each destination's time on air in this showcase so far (its runs). */
  uptime: Array<{ destinationId: string; runs: number; secondsSent: number }>
}
export type RestreamActionData = { ok: true } | { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] }

export const STREAM_KEY_MAX = 512
export const SERVER_URL_MAX = 300
export const LABEL_MAX = 60

/**
 * Stream keys as the platforms hand them out: letters, digits and `-_.~`, plus the query characters
 * Facebook's persistent keys carry (`?s_bl=1&s_sc=…`). No slash, space, quote or control character.
 */
const STREAM_KEY = /^[A-Za-z0-9._~-][A-Za-z0-9._~=?&%+-]*$/
/** A host name (letters, digits, dots, hyphens) or an IPv4 literal; IPv6 literals are not taken (`[::1]` fails it). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/

/** A label the resolver reads as a number (decimal, octal with a leading 0, hex with 0x): an IPv4 literal in disguise. */
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i
/** The one IPv4 form taken: four decimal parts 0-255 without leading zeros. */
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/

/**
 * A host that looks numeric (its last label is a number, as `127.1`, `2130706433`, `0x7f000001`,
 * `0177.0.0.1` and `0` are) but is not a canonical dotted quad. glibc's resolver reads those as IPv4
 * addresses (inet_aton), so they are refused outright rather than checked for privacy.
 */
export function isNonCanonicalNumericHost(host: string): boolean {
  const labels = host.split('.')
  return NUMERIC_LABEL.test(labels[labels.length - 1] ?? '') && !CANONICAL_IPV4.test(host)
}

/** Whether a canonical IPv4 address is not on the public internet (private, loopback, CGNAT, benchmark, multicast…). */
export function isPrivateIpv4(address: string): boolean {
  if (!CANONICAL_IPV4.test(address)) return false
  const [a, b] = address.split('.').map(Number) as [number, number, number, number]
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  )
}

/** Whether an IPv6 address (as the resolver gives it) is loopback, unspecified, unique-local, link-local, multicast or maps a private IPv4. */
export function isPrivateIpv6(address: string): boolean {
  const lower = address.toLowerCase().replace(/%.*$/, '')
  const mapped = /^(?:0*:)*:?(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1]
  if (mapped) return isPrivateIpv4(mapped) || !CANONICAL_IPV4.test(mapped)
  const expanded = expandIpv6(lower)
  if (!expanded) return true
  const first = expanded[0] ?? 0
  if (expanded.every((group) => group === 0)) return true // ::
  if (expanded.slice(0, 7).every((group) => group === 0) && expanded[7] === 1) return true // ::1
  if (expanded.slice(0, 5).every((group) => group === 0) && expanded[5] === 0xffff) return true // ::ffff:a.b.c.d in hex: refused
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00 || (first === 0x64 && expanded[1] === 0xff9b)
}

function expandIpv6(address: string): number[] | null {
  if (!/^[0-9a-f:]+$/.test(address)) return null
  const halves = address.split('::')
  if (halves.length > 2) return null
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null
  return groups.map((group) => parseInt(group, 16))
}

/** Whether a resolved address (IPv4 or IPv6) is the server's own network rather than the public internet. */
export function isPrivateAddress(address: string): boolean {
  return address.includes(':') ? isPrivateIpv6(address) : isPrivateIpv4(address) || !CANONICAL_IPV4.test(address)
}

/** Loopback, private, link-local, CGNAT, benchmark, multicast and unspecified IPv4 literals, and localhost: the server's own network. */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host.startsWith('[')) return true // IPv6 literals are not taken at all (the host check refuses them first)
  return isPrivateIpv4(host)
}

export type ServerUrlProblem = 'invalid' | 'scheme' | 'credentials' | 'host' | 'private-host' | 'too-long'

/** Why an RTMP server URL is refused, or null when it is fine. */
export function serverUrlProblem(value: string, options: { allowPrivateHosts: boolean }): ServerUrlProblem | null {
  if (value.length > SERVER_URL_MAX) return 'too-long'
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return 'invalid'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'rtmp:' && url.protocol !== 'rtmps:') return 'scheme'
  if (url.username || url.password || value.includes('@')) return 'credentials'
  if (url.hash || url.search) return 'invalid'
  if (!HOST.test(url.hostname) || isNonCanonicalNumericHost(url.hostname)) return 'host'
  if (!options.allowPrivateHosts && isPrivateHost(url.hostname)) return 'private-host'
  return null
}

export function streamKeyProblem(value: string): 'required' | 'too-short' | 'too-long' | 'characters' | null {
  if (value.length === 0) return 'required'
  if (value.length < 4) return 'too-short'
  if (value.length > STREAM_KEY_MAX) return 'too-long'
  if (!STREAM_KEY.test(value)) return 'characters'
  return null
}

/** The one schema of the "add destination" form; messages are i18n keys of the restream area. */
export function destinationFormSchema(options: { allowPrivateHosts: boolean }) {
  return z
    .object({
      platform: z.enum(RESTREAM_PLATFORMS, { error: 'restream.errors.platform' }),
      label: z
        .string()
        .trim()
        .max(LABEL_MAX, { error: 'restream.errors.label' })
        // eslint-disable-next-line no-control-regex -- labels are shown in the studio: no control or bidi characters
        .refine((label) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(label), { error: 'restream.errors.label' })
        .optional()
        .default(''),
      serverUrl: z.string().trim().optional().default(''),
      streamKey: z.string().trim(),
    })
    .transform((form) => ({ ...form, serverUrl: form.serverUrl || RESTREAM_PRESET_URLS[form.platform] || '' }))
    .superRefine((form, context) => {
      const urlProblem = form.serverUrl ? serverUrlProblem(form.serverUrl, options) : 'required'
      if (urlProblem) context.addIssue({ code: 'custom', path: ['serverUrl'], message: `restream.errors.serverUrl.${urlProblem}` })
      const keyProblem = streamKeyProblem(form.streamKey)
      if (keyProblem) context.addIssue({ code: 'custom', path: ['streamKey'], message: `restream.errors.streamKey.${keyProblem}` })
    })
}
export type DestinationForm = z.output<ReturnType<typeof destinationFormSchema>>

/**
 * Seconds left before a destination's retry, for the studio's countdown: to `retryAt` (the server's clock),
 * never more than the wait the server announced (a client clock behind the server's).
 */
export function retrySecondsLeft(state: { retryInSeconds: number; retryAt: string }, now: number): number {
  return Math.max(0, Math.min(state.retryInSeconds, Math.ceil((Date.parse(state.retryAt) - now) / 1000)))
}

/** The URL a publisher sends to: the server URL with the key as its last path segment. */
export function publishUrl(serverUrl: string, streamKey: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${streamKey}`
}
