import { describe, expect, it } from 'vitest'
import { SUPPORTED_LOCALES } from './i18n'
import { contentLanguageOf, LANGUAGE_CODES, languageName, languageOptions } from './languages'

describe('contentLanguageOf', () => {
  it('maps each UI locale to the key its stored translations use', () => {
    expect(Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, contentLanguageOf(locale)]))).toEqual({
      en: 'en',
      ko: 'ko',
      'zh-Hans': 'zh',
      ja: 'ja',
      ru: 'ru',
      mn: 'mn',
    })
  })

  it('passes content languages through and reduces region tags', () => {
    expect(contentLanguageOf('zh')).toBe('zh')
    expect(contentLanguageOf('zh-CN')).toBe('zh')
    expect(contentLanguageOf('en-US')).toBe('en')
  })
})

describe('languageName', () => {
  it('names languages in the reader’s language, Simplified Chinese and Mongolian included', () => {
    expect(languageName('ko', 'zh-Hans')).toBe('韩语')
    expect(languageName('ja', 'mn')).toBe('япон')
    expect(languageName('mn', 'ru')).toBe('монгольский')
    expect(languageName('ru', 'ko')).toBe('러시아어')
  })

  it('sorts options by the reader’s collation, every language once', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const options = languageOptions(locale)
      expect(options.map((option) => option.value).sort(), locale).toEqual([...LANGUAGE_CODES].sort())
      const labels = options.map((option) => option.label)
      expect(labels, locale).toEqual([...labels].sort((a, b) => a.localeCompare(b, locale)))
    }
    expect(languageOptions('ru').map((option) => option.label)).toContain('английский')
  })

  it('leaves a code outside the list as it is', () => {
    expect(languageName('sw', 'en')).toBe('sw')
  })
})
