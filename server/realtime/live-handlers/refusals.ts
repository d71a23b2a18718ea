import { type ErrorCode, LIVE_ERROR_CODES } from '../../../app/protocol/live.ts'
import { knownCode, type Refusal, type RefusalPolicy } from '../gateway/index.ts'

// How `/live` words refusals: a domain refusal goes out under its own code (the client shows its own
// text per code: liveRoom.errors), the code doubling as the message.
function fromDomainCode(code: string, retryAfterSeconds?: number): Refusal<ErrorCode> | null {
  const known = knownCode(LIVE_ERROR_CODES, code)
  return known ? { code: known, message: code, ...(retryAfterSeconds ? { retryAfterMs: retryAfterSeconds * 1000 } : {}) } : null
}

export const LIVE_REFUSALS: RefusalPolicy<ErrorCode> = {
  namespace: 'live',
  fromDomain: (error) => fromDomainCode(error.code, error.retryAfterSeconds),
  internalMessage: 'Something went wrong.',
  rateLimited: 'Too many messages; slow down.',
  unknownEvent: (event) => `Unknown event ${event}.`,
}
