import { describe, expect, it } from 'vitest'
import { findBlockedWord } from './blocked-words'

describe('blocked words', () => {
  it('matches regardless of case and full-width characters', () => {
    expect(findBlockedWord('This is a FAKE product', ['fake'])).toBe('fake')
    expect(findBlockedWord('ＦＡＫＥ', ['fake'])).toBe('fake')
    expect(findBlockedWord('가짜 인삼', ['가짜'])).toBe('가짜')
  })
  it('matches phrases and ignores blank entries', () => {
    expect(findBlockedWord('a cheap copy indeed', ['cheap copy', ' '])).toBe('cheap copy')
    expect(findBlockedWord('all good', ['', 'bad'])).toBeNull()
  })
})
