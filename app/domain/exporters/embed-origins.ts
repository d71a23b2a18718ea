import { z } from 'zod'

// The sites an exporter lets frame its showcase player (/embed/:sessionId). Each becomes a source of the
// embed page's Content-Security-Policy `frame-ancestors`, so only what CSP reads as an origin is accepted:
//   https://shop.example.com, https://shop.example.com:8443   a site (scheme, host, optional port)
//   https://*.example.com                                      every subdomain of example.com (not example.com itself)
//   http://localhost:5173, http://127.0.0.1:8080               plain http only for local development
// No paths, queries, fragments, credentials, other schemes, bare IP addresses, or wildcards elsewhere
// (`*`, `https://*`, `*.com`): a wrong entry cannot widen the policy beyond the sites it names.
// Client-safe (the company form validates with it too). Messages are i18n keys.

export const MAX_EMBED_ORIGINS = 20

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1'])
// A DNS name of at least two labels, each 1-63 letters, digits or inner hyphens; the last not all digits.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z-])${LABEL}$`)
const ORIGIN = /^(https?):\/\/(\*\.)?([^/:?#@\s]+)(?::(\d{1,5}))?\/?$/

/** The canonical origin (lower case, no trailing slash, no default port), or null when it is not one we accept. */
export function normalizeEmbedOrigin(raw: string): string | null {
  const value = raw.trim().toLowerCase()
  if (value.length === 0 || value.length > 253 + 20) return null
  const match = ORIGIN.exec(value)
  if (!match) return null
  const [, scheme, wildcard, host = '', portText] = match
  const port = portText === undefined ? null : Number(portText)
  if (port !== null && (port < 1 || port > 65_535)) return null
  const local = LOCAL_HOSTS.has(host)
  if (local) {
    if (wildcard) return null
  } else {
    if (scheme !== 'https' || !DOMAIN.test(host) || host.length > 253) return null
    // `*.com`: a wildcard must leave at least two labels after it.
    if (wildcard && host.split('.').length < 2) return null
  }
  const defaultPort = scheme === 'https' ? 443 : 80
  const portPart = port === null || port === defaultPort ? '' : `:${port}`
  return `${scheme}://${wildcard ?? ''}${host}${portPart}`
}

/** One origin per line (commas and spaces separate too), as typed in the company form. */
export function splitEmbedOrigins(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/** The form field: text of origins → their canonical list (duplicates once), or the first problem. */
export const EmbedOriginsSchema = z
  .string()
  .max(8000, { error: 'embed.errors.tooManyOrigins' })
  .optional()
  .transform((text, ctx) => {
    const parts = splitEmbedOrigins(text ?? '')
    const origins: string[] = []
    for (const part of parts) {
      const origin = normalizeEmbedOrigin(part)
      if (origin === null) {
        ctx.addIssue({ code: 'custom', message: 'embed.errors.origin' })
        return z.NEVER
      }
      if (!origins.includes(origin)) origins.push(origin)
    }
    if (origins.length > MAX_EMBED_ORIGINS) {
      ctx.addIssue({ code: 'custom', message: 'embed.errors.tooManyOrigins' })
      return z.NEVER
    }
    return origins
  })

/**
 * The stored list as CSP sources. Stored values were validated on save; anything that does not read as an
 * origin now (a hand-edited row) is left out rather than written into a header.
 */
export function frameAncestorSources(stored: readonly string[]): string[] {
  return stored.flatMap((value) => {
    const origin = normalizeEmbedOrigin(value)
    return origin === null ? [] : [origin]
  })
}
