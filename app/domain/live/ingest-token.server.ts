import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

// Ingest secrets (showcase tokens and the studio's key, docs/studio-booking.md): their shape, hash and
// constant-time comparison, shared by app/domain/live/ingest.server.ts and app/domain/studio/studio.server.ts.

/** What an ingest token looks like: base64url, long enough to be unguessable, short enough for an RTMP key field. */
export const IngestTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/)

export function hashIngestToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** 32 random bytes, base64url (43 characters). */
export function newIngestToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Equal strings, in time that does not depend on where they first differ. */
export function sameToken(presented: string, stored: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest()
  const b = createHash('sha256').update(stored, 'utf8').digest()
  return timingSafeEqual(a, b) && presented.length === stored.length
}
