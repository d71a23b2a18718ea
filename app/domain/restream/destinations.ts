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

export const STREAM_KEY_MAX = 512
export const SERVER_URL_MAX = 300
export const LABEL_MAX = 60

/**
 * Stream keys as the platforms hand them out: letters, digits and `-_.~`, plus the query characters
 * Facebook's persistent keys carry (`?s_bl=1&s_sc=…`). No slash, space, quote or control character.
 */
const STREAM_KEY = /^[A-Za-z0-9._~-][A-Za-z0-9._~=?&%+-]*$/
/** A host name (letters, digits, dots, hyphens) or an IPv4 literal; IPv6 literals are not taken. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/

/** Loopback, private, link-local and unspecified IPv4 literals, and localhost: the server's own network. */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const parts = host.split('.').map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false
  const [a, b] = parts as [number, number, number, number]
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
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
  if (!HOST.test(url.hostname)) return 'host'
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

/** The URL a publisher sends to: the server URL with the key as its last path segment. */
export function publishUrl(serverUrl: string, streamKey: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${streamKey}`
}
