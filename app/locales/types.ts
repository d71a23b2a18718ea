import type { Locale } from './locale-codes'

/**
 * CLDR cardinal plural categories each locale needs (what `Intl.PluralRules(locale)` can return).
 * i18next picks `key_<category>`; a test checks this table against Intl so no category goes missing.
 */
export const PLURAL_CATEGORIES = {
  en: ['one', 'other'],
  ko: ['other'],
  'zh-Hans': ['other'],
  ja: ['other'],
  ru: ['one', 'few', 'many', 'other'],
  mn: ['one', 'other'],
} as const satisfies Record<Locale, readonly Intl.LDMLPluralRule[]>

type PluralSuffix = Intl.LDMLPluralRule

/**
 * The shape every locale must give, derived from the English module: the same keys with any strings,
 * except that a plural group (`count_one` / `count_other` in English) must have exactly the locale's own
 * categories (`count_one`, `count_few`, `count_many`, `count_other` in Russian; only `count_other` in
 * Korean). A missing key, a missing plural form or a stray key fails the typecheck.
 */
export type MessagesOf<T, L extends Locale> = {
  [K in keyof T as K extends `${string}_${PluralSuffix}` ? never : K]: T[K] extends string ? string : MessagesOf<T[K], L>
} & {
  [K in keyof T as K extends `${infer Stem}_${PluralSuffix}` ? `${Stem}_${(typeof PLURAL_CATEGORIES)[L][number]}` : never]: string
}
