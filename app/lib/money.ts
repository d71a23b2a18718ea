/** Digits after the decimal point for a currency (USD 2, KRW 0, …), per ISO 4217 data in Intl. */
export function currencyFractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/** Integer minor units → display string in the reader's locale, e.g. (1250, 'USD', 'en') → "$12.50". */
export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  const digits = currencyFractionDigits(currency)
  const major = Number(minor) / 10 ** digits
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: digits }).format(major)
}

/** Compact form for dashboards, e.g. "$1.2M". */
export function formatMoneyCompact(minor: number | bigint, currency: string, locale: string): string {
  const major = Number(minor) / 10 ** currencyFractionDigits(currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' }).format(major)
}
