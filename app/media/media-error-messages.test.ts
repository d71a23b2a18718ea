import { describe, expect, it } from 'vitest'
import { createI18n } from '~/lib/i18n'
import { MEDIA_ERROR_CODES } from '~/protocol/media'
import { LIVE_ERROR_CODES } from '~/protocol/live'
import { studioError } from './use-broadcast'

// Every refusal the media server can send, and the client's own two (a request that timed out, a socket
// that is not connected), reads as our text in the reader's language: the server's English `message` is
// never shown (studio, viewer page, meeting room; the live room's chat and tools likewise).
const CLIENT_CODES = ['timeout', 'disconnected'] as const

describe('media refusals in words', () => {
  for (const locale of ['en', 'ko'] as const) {
    const { t, exists } = createI18n(locale)
    it.each(['liveMedia.errors', 'liveMedia.studio.errors', 'meetings.room.errors'])(`%s has a ${locale} message for every code`, (group) => {
      const missing = [...MEDIA_ERROR_CODES, ...CLIENT_CODES].filter((code) => !exists(`${group}.${code}`, { lng: locale, fallbackLng: false }))
      expect(missing).toEqual([])
    })
    it(`liveRoom.errors has a ${locale} message for every live refusal`, () => {
      expect(LIVE_ERROR_CODES.filter((code) => !exists(`liveRoom.errors.${code}`, { lng: locale, fallbackLng: false }))).toEqual([])
    })
    it(`words a closed meeting room in ${locale}`, () => {
      expect(t('meetings.room.errors.ended')).toBe(locale === 'ko' ? '미팅이 끝나 미팅룸이 닫혔습니다.' : 'This meeting is over and its room has closed.')
    })
  }
})

describe('studioError', () => {
  it('keeps a refused request’s code, never its message', () => {
    expect(studioError(Object.assign(new Error('Only the host can broadcast.'), { code: 'forbidden' }))).toEqual({ code: 'forbidden' })
  })
  it('reads what the browser’s media APIs throw as a device failure', () => {
    expect(studioError(new DOMException('Permission denied', 'NotAllowedError'))).toEqual({ device: 'NotAllowedError' })
    expect(studioError(new DOMException('Could not start video source', 'AbortError'))).toEqual({ device: 'unknown' })
  })
  it('reads anything else as an internal error', () => {
    expect(studioError(new Error('transport closed'))).toEqual({ code: 'internal' })
  })
})
