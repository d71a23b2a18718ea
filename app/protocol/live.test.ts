import { describe, expect, it } from 'vitest'
import { stripHiddenCharacters } from '~/lib/plain-text'
import { JoinSchema, LIVE_CLIENT_EVENTS, LIVE_EVENT_SCHEMAS, SendMessageSchema } from './live'

describe('live protocol schemas', () => {
  it('strips control and bidi override/isolate characters, keeps direction marks and line breaks in chat', () => {
    expect(stripHiddenCharacters('a\u202Eb\u2066c\u0000d\u0085e\u007F')).toBe('abcde')
    expect(stripHiddenCharacters('שלום\u200F ok\nnext')).toBe('שלום\u200F ok\nnext')
    expect(SendMessageSchema.parse({ sessionId: 's1', body: '  \u202Ehello\u0007  ' }).body).toBe('hello')
    expect(SendMessageSchema.safeParse({ sessionId: 's1', body: '\u202E\u2069\u0001' }).success).toBe(false)
  })

  it('makes guest names one line of visible text', () => {
    expect(JoinSchema.parse({ sessionId: 's1', guestName: ' Kim\n\tfrom\u202E  Seoul ' }).guestName).toBe('Kim from Seoul')
    expect(JoinSchema.safeParse({ sessionId: 's1', guestName: '\u202E\u0000' }).success).toBe(false)
  })

  it('refuses keys it does not know, __proto__ included', () => {
    expect(SendMessageSchema.safeParse(JSON.parse('{"sessionId":"s1","body":"hi","__proto__":{"admin":true}}')).success).toBe(false)
    expect(JoinSchema.safeParse({ sessionId: 's1', userId: 'someone-else' }).success).toBe(false)
  })

  it('lists every client event once', () => {
    expect(new Set(LIVE_CLIENT_EVENTS).size).toBe(Object.keys(LIVE_EVENT_SCHEMAS).length)
  })
})
