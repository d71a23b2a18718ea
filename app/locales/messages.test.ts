import { describe, expect, it } from 'vitest'
import { SUPPORTED_LOCALES, type Locale } from '~/lib/i18n'
import { GLOSSARY } from './glossary'
import { messages } from './index'
import { PLURAL_CATEGORIES } from './types'

type Flat = Map<string, string>

function flatten(tree: object, prefix = '', into: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') into.set(path, value)
    else flatten(value as object, path, into)
  }
  return into
}

const PLURAL = /_(zero|one|two|few|many|other)$/
const english = flatten(messages.en)
const translated = SUPPORTED_LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en')

/** The English message a locale's key translates: plural forms map to English's `_other`. */
function englishFor(path: string): string | undefined {
  return english.get(path) ?? english.get(path.replace(PLURAL, '_other'))
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? ''))].sort()
}

describe('message files', () => {
  it.each(SUPPORTED_LOCALES)('%s: plural categories match CLDR as Intl knows it', (locale) => {
    const fromIntl = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
    expect([...PLURAL_CATEGORIES[locale]].sort()).toEqual([...fromIntl].sort())
  })

  it.each(translated)('%s: every message keeps English placeholders and is not left empty', (locale) => {
    const problems: string[] = []
    for (const [path, text] of flatten(messages[locale])) {
      const source = englishFor(path)
      if (source === undefined) {
        problems.push(`${path}: not in English`)
        continue
      }
      if (text.trim() === '' && source.trim() !== '') problems.push(`${path}: empty`)
      const expected = placeholders(source)
      const actual = placeholders(text)
      // A plural form may leave out {{count}} ("one item" → "a single item"); nothing else may be dropped or invented.
      const allowedMissing = PLURAL.test(path) ? ['count'] : []
      const missing = expected.filter((name) => !actual.includes(name) && !allowedMissing.includes(name))
      const invented = actual.filter((name) => !expected.includes(name))
      if (missing.length || invented.length) problems.push(`${path}: placeholders missing [${missing.join(', ')}] invented [${invented.join(', ')}]`)
    }
    expect(problems).toEqual([])
  })

  it.each(translated)('%s: follows the glossary', (locale) => {
    const problems: string[] = []
    for (const [path, text] of flatten(messages[locale])) {
      const source = englishFor(path)
      if (source === undefined) continue
      // A term inside a placeholder or nested key (`{{fair}}`, `$t(status.x)`) is a value, not the word.
      const words = source.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ')
      for (const term of GLOSSARY) {
        if (!term.en.test(words)) continue
        const required = term.check?.[locale] ?? new RegExp(term.forms[locale].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        if (!required.test(text)) problems.push(`${path} (${term.id}): "${text}" lacks ${String(required)}`)
      }
    }
    expect(problems).toEqual([])
  })
})
