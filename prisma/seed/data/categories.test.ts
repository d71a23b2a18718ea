import { describe, expect, it } from 'vitest'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { contentLanguageOf } from '~/lib/languages'
import { CATEGORIES } from './categories.ts'

// Seeded category names are read by the UI locale's content language (zh-Hans reads `zh`): every locale
// must find a name of its own, in its own script, never the English fallback.
describe('seeded categories', () => {
  const SCRIPT: Record<string, RegExp> = {
    en: /^[A-Za-z &]+$/,
    ko: /\p{Script=Hangul}/u,
    zh: /^[\p{Script=Han}与]+$/u,
    ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
    ru: /\p{Script=Cyrillic}/u,
    mn: /\p{Script=Cyrillic}/u,
  }

  it.each(SUPPORTED_LOCALES)('have a name for every category in %s', (locale) => {
    const key = contentLanguageOf(locale)
    for (const category of CATEGORIES) {
      const names: Record<string, string | undefined> = category.names
      expect(names[key], `${category.slug} in ${locale}`).toMatch(SCRIPT[key]!)
    }
  })
})
