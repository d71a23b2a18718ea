import { describe, expect, it } from 'vitest'
import { countGraphemes, measureText } from './chat-length'

describe('countGraphemes', () => {
  it('counts plain Latin letters one by one', () => {
    expect(countGraphemes('')).toBe(0)
    expect(countGraphemes('MOQ?')).toBe(4)
  })

  it('counts an emoji once, though it takes two UTF-16 code units', () => {
    expect('🔥'.length).toBe(2)
    expect(countGraphemes('🔥')).toBe(1)
    expect(countGraphemes('Hot 🔥🔥')).toBe(6)
  })

  it('counts an emoji with a skin tone and a ZWJ family sequence once each', () => {
    expect(countGraphemes('👍🏽')).toBe(1)
    const family = '👨‍👩‍👧‍👦'
    expect(family.length).toBe(11)
    expect(countGraphemes(family)).toBe(1)
    expect(countGraphemes(`${family}❤️`)).toBe(2)
  })

  it('counts a flag (two regional indicators) once', () => {
    expect(countGraphemes('🇰🇷🇲🇳')).toBe(2)
  })

  it('counts a Hangul syllable once, precomposed or written as separate jamo', () => {
    expect(countGraphemes('안녕하세요')).toBe(5)
    // 한 as three conjoining jamo (NFD): still one syllable on screen.
    const decomposed = '한'.normalize('NFD')
    expect(decomposed.length).toBe(3)
    expect(countGraphemes(decomposed)).toBe(1)
  })

  it('counts a letter with combining accents once', () => {
    expect(countGraphemes('e\u0301')).toBe(1)
  })
})

describe('measureText', () => {
  it('says how many characters are over the limit', () => {
    expect(measureText('🔥'.repeat(500), 500)).toEqual({ length: 500, over: 0 })
    expect(measureText('🔥'.repeat(503), 500)).toEqual({ length: 503, over: 3 })
  })
})
