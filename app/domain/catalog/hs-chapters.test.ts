import { describe, expect, it } from 'vitest'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { HS_CHAPTER_CODES, hsChapterTitle } from './hs-chapters'

describe('hsChapterTitle', () => {
  it('titles a chapter in each UI locale', () => {
    expect(Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, hsChapterTitle('33', locale)]))).toEqual({
      en: 'Essential oils, cosmetics',
      ko: '정유·화장품',
      'zh-Hans': '精油及化妆品',
      ja: '精油、化粧品類',
      ru: 'Эфирные масла, косметика',
      mn: 'Эфирийн тос, гоо сайхны бүтээгдэхүүн',
    })
  })

  it('has a title in every locale for every chapter, each in its own script', () => {
    expect(HS_CHAPTER_CODES).toHaveLength(96)
    for (const code of HS_CHAPTER_CODES) {
      const titles = SUPPORTED_LOCALES.map((locale) => hsChapterTitle(code, locale) ?? '')
      expect(titles.every((title) => title.length > 0)).toBe(true)
      expect(titles[1]).toMatch(/\p{Script=Hangul}/u)
      expect(titles[2]).toMatch(/\p{Script=Han}/u)
      expect(titles[3]).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)
      expect(titles[4]).toMatch(/\p{Script=Cyrillic}/u)
      expect(titles[5]).toMatch(/\p{Script=Cyrillic}/u)
    }
  })

  it('reads a tag for its locale and falls back to English', () => {
    expect(hsChapterTitle('09', 'zh-CN')).toBe('咖啡、茶及调味香料')
    expect(hsChapterTitle('09', 'zh')).toBe('咖啡、茶及调味香料')
    expect(hsChapterTitle('09', 'de')).toBe('Coffee, tea, spices')
    expect(hsChapterTitle('77', 'en')).toBeNull()
  })
})
