import { describe, expect, it } from 'vitest'
import { pickLocalized, pickLocalizedText, pickTranslation } from './translations'

const rows = [
  { locale: 'ko', name: '홍삼 스틱' },
  { locale: 'en', name: 'Red ginseng sticks' },
  { locale: 'zh', name: '红参棒' },
  { locale: 'mn', name: 'Улаан хүн орхоодой' },
]

describe('pickTranslation', () => {
  it('reads the reader’s content language: zh-Hans reads zh, mn reads mn', () => {
    expect(pickTranslation(rows, 'zh-Hans')?.name).toBe('红参棒')
    expect(pickTranslation(rows, 'mn')?.locale).toBe('mn')
    expect(pickTranslation(rows, 'ko')?.locale).toBe('ko')
  })

  it('falls back to English, then to whatever exists, and says which it picked', () => {
    expect(pickTranslation(rows, 'ja')?.locale).toBe('en')
    expect(pickTranslation([{ locale: 'ko', name: '김' }], 'ru')?.locale).toBe('ko')
    expect(pickTranslation<{ locale: string }>([], 'ru')).toBeUndefined()
  })
})

describe('pickLocalizedText', () => {
  const name = { ko: '설악식품', zh: '雪岳食品', mn: '' }

  it('returns the text with the language it is written in', () => {
    expect(pickLocalizedText('Seorak Foods', name, 'zh-Hans')).toEqual({ text: '雪岳食品', lang: 'zh' })
    expect(pickLocalizedText('Seorak Foods', name, 'ko')).toEqual({ text: '설악식품', lang: 'ko' })
  })

  it('falls back to the map’s English, then to the plain field (English unless told), for missing or empty entries', () => {
    expect(pickLocalizedText('Seorak Foods', name, 'mn')).toEqual({ text: 'Seorak Foods', lang: 'en' })
    expect(pickLocalizedText('processed-food', { en: 'Processed food', ko: '가공식품' }, 'ru')).toEqual({ text: 'Processed food', lang: 'en' })
    expect(pickLocalizedText('설악', {}, 'ja', 'ko')).toEqual({ text: '설악', lang: 'ko' })
  })

  it('ignores what is not a map of strings, and inherited keys', () => {
    expect(pickLocalizedText('Seorak Foods', null, 'ko')).toEqual({ text: 'Seorak Foods', lang: 'en' })
    expect(pickLocalizedText('Seorak Foods', { ko: 7 }, 'ko')).toEqual({ text: 'Seorak Foods', lang: 'en' })
    expect(pickLocalizedText('Seorak Foods', Object.create({ ko: '상속' }) as object, 'ko')).toEqual({ text: 'Seorak Foods', lang: 'en' })
    expect(pickLocalized('Seorak Foods', name, 'zh-Hans')).toBe('雪岳食品')
  })
})
