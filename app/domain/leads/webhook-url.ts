import { z } from 'zod'
import { isNonCanonicalNumericHost, isPrivateAddress, isPrivateHost } from '~/domain/restream/destinations'

/**
 * Which CRM webhook URLs an exporter may set (SSRF, docs/leads.md):
 * - https to a public host name or public IPv4 address;
 * - loopback (localhost, 127.0.0.0/8, [::1]), over http or https, only outside production (development, tests);
 * - never a private, link-local (cloud metadata), CGNAT or otherwise internal host, no IPv6 literal, no
 *   numeric host spelled in a way the resolver reads as an address, no credentials in the URL, nothing
 *   but ports 443/8443 or above 1024. The host's resolved addresses are checked again at each delivery
 *   (the connection is made only to checked addresses: DNS rebinding gains nothing).
 */
export const WEBHOOK_URL_MAX = 2048

export type WebhookUrlPolicy = { production: boolean }

export type WebhookUrlProblem = 'invalid' | 'scheme' | 'credentials' | 'host' | 'private-host' | 'port' | 'too-long'

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/
const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home.arpa', '.corp']

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

export function webhookUrlProblem(value: string, policy: WebhookUrlPolicy): WebhookUrlProblem | null {
  if (value.length > WEBHOOK_URL_MAX) return 'too-long'
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return 'invalid'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'invalid'
  }
  if (url.username || url.password || url.host.includes('@')) return 'credentials'
  if (url.hash) return 'invalid'
  const host = url.hostname.toLowerCase()
  if (url.protocol === 'http:') {
    // Plain http: a receiver on this machine during development and tests, nothing else.
    if (policy.production) return 'scheme'
    return isLoopbackHost(host) ? null : 'scheme'
  }
  if (url.protocol !== 'https:') return 'scheme'
  // Development and tests may also reach this machine over https; every other internal address stays refused.
  if (!policy.production && isLoopbackHost(host)) return null
  if (host.startsWith('[')) return 'private-host'
  if (!HOST_NAME.test(host) || isNonCanonicalNumericHost(host)) return 'host'
  if (isPrivateHost(host) || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix)) || !host.includes('.')) return 'private-host'
  const port = url.port ? Number(url.port) : 443
  if (port !== 443 && port !== 8443 && port <= 1024) return 'port'
  return null
}

/** Whether a connection may go to this resolved address under the policy (each address is checked at connect time). */
export function webhookAddressAllowed(address: string, policy: WebhookUrlPolicy): boolean {
  if (!isPrivateAddress(address)) return true
  return !policy.production && (address.startsWith('127.') || address === '::1' || address === '::ffff:127.0.0.1')
}

/** The webhook form (one schema, server truth; messages are i18n keys of the leads namespace). */
export function webhookFormSchema(policy: WebhookUrlPolicy) {
  return z.discriminatedUnion('intent', [
    z.object({
      intent: z.literal('save'),
      url: z
        .string({ error: 'leads.webhook.errors.required' })
        .trim()
        .min(1, { error: 'leads.webhook.errors.required' })
        .superRefine((value, context) => {
          const problem = webhookUrlProblem(value, policy)
          if (problem) context.addIssue({ code: 'custom', message: `leads.webhook.errors.${problem}` })
        }),
    }),
    z.object({ intent: z.literal('rotate') }),
    z.object({ intent: z.literal('delete') }),
    z.object({ intent: z.literal('toggle'), enabled: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  ])
}
