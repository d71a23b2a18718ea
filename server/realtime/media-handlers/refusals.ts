import { MEDIA_ERROR_CODES, type MediaErrorCode } from '../../../app/protocol/media.ts'
import { MediaError } from '../../media/index.ts'
import { knownCode, type Refusal, type RefusalPolicy } from '../gateway/index.ts'

// How `/media` words refusals. The client shows its own text per code (liveMedia.errors); the message
// is the English fallback. Domain codes outside the media vocabulary are renamed here.
const FROM_DOMAIN_CODE: Record<string, MediaErrorCode> = { early: 'not-live', closed: 'ended', cancelled: 'ended' }
const MESSAGES: Partial<Record<string, string>> = {
  'not-found': 'No such live session.',
  forbidden: 'You cannot watch this session.',
  unauthenticated: 'Sign in to watch this session.',
  early: 'The meeting room is not open yet.',
  closed: 'This meeting room is closed.',
  ended: 'This showcase has ended.',
  cancelled: 'This showcase was cancelled.',
}

/** A domain refusal (code + message) in the media vocabulary; a message that is only the code reads from the table above. */
function fromDomainCode(code: string, message: string): Refusal<MediaErrorCode> | null {
  const mapped = FROM_DOMAIN_CODE[code] ?? knownCode(MEDIA_ERROR_CODES, code)
  if (!mapped) return null
  return { code: mapped, message: message !== code ? message : (MESSAGES[code] ?? code) }
}

export const MEDIA_REFUSALS: RefusalPolicy<MediaErrorCode> = {
  namespace: 'media',
  fromDomain: (error) => fromDomainCode(error.code, error.message),
  fromOther(error) {
    // server/media imports nothing of app/: its errors are named here (a closed room is restarting).
    if (error instanceof MediaError) return { code: error.code === 'closed' ? 'restarting' : error.code, message: error.message }
    return null
  },
  internalMessage: 'Something went wrong on our side; try again.',
  rateLimited: 'Too many requests; slow down.',
  unknownEvent: (event) => `Unknown request ${event}.`,
}
