import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { getSessionSecret } from '~/utils/secrets.server'

// Signed tokens of the engagement mails: a guest's RSVP confirmation and the unsubscribe links. They work
// without signing in, so the token is the whole authority: an HMAC-SHA256 (keyed with the app's secret and
// this purpose) over the payload, compared in constant time. A token names one address and one scope and
// does nothing else; it is not secret from its recipient.

const PayloadSchema = z.discriminatedUnion('p', [
  // Confirm this RSVP (id) of this address.
  z.object({ p: z.literal('rsvp'), r: z.string().min(1).max(40), e: z.string().min(3).max(320) }),
  // Stop reminder mail to this address for one showcase (s = its id) or for all (s = '*').
  z.object({ p: z.literal('unsub'), e: z.string().min(3).max(320), s: z.string().min(1).max(40) }),
])
export type EngagementToken = z.infer<typeof PayloadSchema>

function signature(body: string): Buffer {
  return createHmac('sha256', `${getSessionSecret()}:engagement-mail`).update(body).digest()
}

export function signToken(payload: EngagementToken): string {
  const body = Buffer.from(JSON.stringify(PayloadSchema.parse(payload))).toString('base64url')
  return `${body}.${signature(body).toString('base64url')}`
}

/** The token's payload when its signature is ours and it has the expected purpose; otherwise null. */
export function verifyToken<P extends EngagementToken['p']>(token: string, purpose: P): Extract<EngagementToken, { p: P }> | null {
  if (typeof token !== 'string' || token.length > 1200) return null
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const [, body = '', sig = ''] = match
  const expected = signature(body)
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = PayloadSchema.safeParse(json)
  if (!parsed.success || parsed.data.p !== purpose) return null
  return parsed.data as Extract<EngagementToken, { p: P }>
}
