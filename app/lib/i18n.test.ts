import { describe, expect, it } from 'vitest'
import { localeForTag, localeFromAcceptLanguage } from './i18n'

describe('localeForTag', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['ko-KR', 'ko'],
    ['ja-JP', 'ja'],
    ['ru-RU', 'ru'],
    ['mn-MN', 'mn'],
    ['mn-Cyrl-MN', 'mn'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-hans', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    // No Traditional locale yet: Simplified is closer to these readers than English.
    ['zh-TW', 'zh-Hans'],
    ['zh-Hant-HK', 'zh-Hans'],
    [' JA ', 'ja'],
  ])('%s → %s', (tag, locale) => {
    expect(localeForTag(tag)).toBe(locale)
  })

  it.each(['de-DE', 'fr', '*', '', 'english', 'kor', 'x-klingon'])('%j is no supported locale', (tag) => {
    expect(localeForTag(tag)).toBeNull()
  })
})

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
    ['zh-TW', 'zh-Hans'],
    ['zh-Hans-SG,en;q=0.5', 'zh-Hans'],
    ['ja-JP', 'ja'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US;q=0.5, ru-RU;q=0.8', 'ru'],
    ['de-DE,de;q=0.9,ru-RU;q=0.8', 'ru'],
    ['mn-MN', 'mn'],
    ['mn-MN,mn;q=0.9,ru;q=0.8,en;q=0.7', 'mn'],
    ['ko-KR,ko;q=0.9', 'ko'],
    // Weights with spaces and upper-case tags.
    ['fr;q=0.9, KO ; q=0.95', 'ko'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale)
  })

  it('skips languages refused with q=0, however they are written', () => {
    expect(localeFromAcceptLanguage('ru;q=0, ja;q=0.1')).toBe('ja')
    expect(localeFromAcceptLanguage('ko;q=0.000,en;q=0.3')).toBe('en')
    expect(localeFromAcceptLanguage('zh-CN;q=0, zh;q=0')).toBeNull()
  })

  it('keeps the order of equal weights (the header’s order)', () => {
    expect(localeFromAcceptLanguage('ja, ru')).toBe('ja')
    expect(localeFromAcceptLanguage('ru;q=0.7, ja;q=0.7')).toBe('ru')
  })

  it('treats the wildcard as no particular language', () => {
    expect(localeFromAcceptLanguage('*')).toBeNull()
    expect(localeFromAcceptLanguage('*;q=1, mn;q=0.4')).toBe('mn')
    expect(localeFromAcceptLanguage('de, *;q=0.5')).toBeNull()
  })

  it.each([null, '', ' ', ',,,', ';q=1', 'q=0.9', 'ru;q=abc', 'ru;q=', '🙂', 'x'.repeat(5000), 'de-DE,fr-FR'])(
    'returns null, never throws, for %j',
    (header) => {
      expect(localeFromAcceptLanguage(header)).toBeNull()
    },
  )

  it('reads the English one out of a header with stray separators', () => {
    expect(localeFromAcceptLanguage('en-US;q=0.8;;;')).toBe('en')
  })
})
