import { type Locale, SUPPORTED_LOCALES } from '~/lib/i18n'

/** The query parameter naming one language version of a page (read by `resolveLocale` on the server). */
export const LANG_PARAM = 'lang'

/** What a public route module exports as `handle` so the document lists its language versions. */
export type LanguageAlternatesHandle = { alternates: true }

export function hasLanguageAlternates(handle: unknown): handle is LanguageAlternatesHandle {
  return typeof handle === 'object' && handle !== null && (handle as { alternates?: unknown }).alternates === true
}

export type LanguageLinks = {
  /** One per supported locale (`hreflang` is the BCP 47 tag), then `x-default`: the page without `lang`, which negotiates. */
  alternates: Array<{ hrefLang: string; href: string }>
  /** The version in the language shown. */
  canonical: string
}

/**
 * Absolute URLs of a page's language versions: the same path and query with `lang` set to each locale.
 * Other query parameters (filters, page) are kept, so each version is the same listing.
 */
export function languageLinks(origin: string, pathname: string, search: string, shown: Locale): LanguageLinks {
  const base = new URLSearchParams(search)
  base.delete(LANG_PARAM)
  const url = (locale: Locale | null) => {
    const params = new URLSearchParams(base)
    if (locale) params.set(LANG_PARAM, locale)
    const query = params.toString()
    return `${origin}${pathname}${query ? `?${query}` : ''}`
  }
  return {
    alternates: [...SUPPORTED_LOCALES.map((locale) => ({ hrefLang: locale, href: url(locale) })), { hrefLang: 'x-default', href: url(null) }],
    canonical: url(shown),
  }
}
