// Values a notification names, written for each recipient (NotificationInput.localized): the same event
// reads "Japan" to one reader and "일본" to another, and an amount in each reader's notation.
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { countryName } from '~/lib/countries'
import type { Locale } from '~/lib/i18n'
import { contentLanguageOf } from '~/lib/languages'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'

type Write = (locale: Locale) => string

/** An ISO 3166 country code, by its name in the reader's language. */
export const countryIn =
  (code: string): Write =>
  (locale) =>
    countryName(code, locale)

/** A product by its name in the reader's content language (else English, else any). */
export const productNameIn =
  (translations: ReadonlyArray<{ locale: string; name: string }>): Write =>
  (locale) =>
    pickTranslation(translations, contentLanguageOf(locale))?.name ?? ''

/** A name kept with its translations (`nameI18n`, `titleI18n`), in the reader's content language. */
export const nameIn =
  (fallback: string, map: unknown): Write =>
  (locale) =>
    pickLocalized(fallback, map, contentLanguageOf(locale))

/** A quantity in the reader's notation, with the product's unit as the exporter wrote it. */
export const quantityIn =
  (quantity: number, unit: string): Write =>
  (locale) =>
    `${new Intl.NumberFormat(locale).format(quantity)} ${unit}`

/** An amount in minor units of a currency, in the reader's notation. */
export const moneyIn =
  (minor: number, currency: string): Write =>
  (locale) =>
    formatMoney(minor, currency, locale)

/** A calendar day (YYYY-MM-DD, no time of day) in the reader's notation; read as that day wherever they are. */
export const dayIn =
  (day: string): Write =>
  (locale) =>
    formatDate(`${day}T00:00:00Z`, { locale, timeZone: 'UTC' })
