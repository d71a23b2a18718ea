import { z } from 'zod'
import { sign, verify } from '~/utils/signed-token.server'

// Signed tokens of the engagement mails: a guest's RSVP confirmation and the unsubscribe links. They work
// without signing in, so the token is the whole authority: the app's signer (~/utils/signed-token.server,
// purpose 'engagement-mail') over the base64url JSON payload, compared in constant time. A token names one address and one scope and
// does nothing else; it is not secret from its recipient.

const PayloadSchema = z.discriminatedUnion('p', [
  // Confirm this RSVP (id) of this address.
  z.object({ p: z.literal('rsvp'), r: z.string().min(1).max(40), e: z.string().min(3).max(320) }),
  // Stop reminder mail to this address for one showcase (s = its id) or for all (s = '*').
  z.object({ p: z.literal('unsub'), e: z.string().min(3).max(320), s: z.string().min(1).max(40) }),
])
export type EngagementToken = z.infer<typeof PayloadSchema>

export function signToken(payload: EngagementToken): string {
  return sign('engagement-mail', Buffer.from(JSON.stringify(PayloadSchema.parse(payload))).toString('base64url'))
}

/** The token's payload when its signature is ours and it has the expected purpose; otherwise null. */
export function verifyToken<P extends EngagementToken['p']>(token: string, purpose: P): Extract<EngagementToken, { p: P }> | null {
  if (typeof token !== 'string' || token.length > 1200) return null
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return null
  // These tokens carry no expiry, so `now` does not matter.
  const checked = verify('engagement-mail', token, 0)
  if (!checked.ok) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(checked.payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = PayloadSchema.safeParse(json)
  if (!parsed.success || parsed.data.p !== purpose) return null
  return parsed.data as Extract<EngagementToken, { p: P }>
}
