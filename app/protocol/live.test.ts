import { describe, expect, it } from 'vitest'
import { stripHiddenCharacters } from '~/lib/plain-text'
import { CHAT_MAX_CODE_UNITS, JoinSchema, LIVE_CLIENT_EVENTS, LIVE_EVENT_SCHEMAS, SendMessageSchema } from './live'

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

  it('takes the reader’s language at join only among the supported ones', () => {
    expect(JoinSchema.parse({ sessionId: 's1', locale: 'ko' }).locale).toBe('ko')
    expect(JoinSchema.parse({ sessionId: 's1' }).locale).toBeUndefined()
    for (const locale of ['fr', 'KO', 'ko-KR', '', '__proto__', 1]) expect(JoinSchema.safeParse({ sessionId: 's1', locale }).success).toBe(false)
  })

  it('leaves the characters-people-see limit to the domain, and bounds the code units of a message', () => {
    // 600 emoji pass the edge (1,200 code units), to be refused as too long with a reason.
    expect(SendMessageSchema.safeParse({ sessionId: 's1', body: '🔥'.repeat(600) }).success).toBe(true)
    // One "character" with thousands of combining marks is bounded here.
    expect(SendMessageSchema.safeParse({ sessionId: 's1', body: `e${'\u0301'.repeat(CHAT_MAX_CODE_UNITS)}` }).success).toBe(false)
  })

  it('lists every client event once', () => {
    expect(new Set(LIVE_CLIENT_EVENTS).size).toBe(Object.keys(LIVE_EVENT_SCHEMAS).length)
  })
})
