// The server formats dates, numbers and plurals with Node's full ICU; a browser must produce the same text
// when it hydrates the page, or React throws the server's HTML away. Most browsers carry every UI locale;
// Chrome carries only its own UI languages (no Mongolian: "2026 M12 4" instead of "2026 оны 12-р сарын 4").
// Where the browser lacks the page's locale, FormatJS's polyfills with that locale's data are loaded first.

/** Whether this runtime's own Intl formats `locale` (FormatJS's polyfills report what they hold once loaded). */
function intlCovers(locale: string): boolean {
  try {
    const locales = [locale]
    return (
      Intl.PluralRules.supportedLocalesOf(locales).length > 0 &&
      Intl.NumberFormat.supportedLocalesOf(locales).length > 0 &&
      Intl.DateTimeFormat.supportedLocalesOf(locales).length > 0
    )
  } catch {
    return false
  }
}

/**
 * Makes Intl ready to format `locale` as the server does: nothing to do (and nothing downloaded) where the
 * browser has the locale; otherwise the polyfills' checks and the polyfills themselves, with only this
 * locale's data, as chunks of our origin. Before hydration (entry.client.tsx) and before a page in another
 * language renders after a switch without a page load (the root's clientLoader).
 */
export async function ensureIntlData(locale: string): Promise<void> {
  if (!locale || intlCovers(locale)) return
  const { polyfillIntl } = await import('./intl-polyfills')
  await polyfillIntl(locale)
}
