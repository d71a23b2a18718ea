import { useLocation, useMatches } from 'react-router'
import type { Locale } from '~/lib/i18n'
import { hasLanguageAlternates, languageLinks } from '~/lib/language-alternates'

/**
 * `<link rel="alternate" hreflang>` for every language version, and the canonical URL of the one shown, on
 * pages whose route exports `handle = { alternates: true }` (public pages) and rendered without error.
 */
export function LanguageAlternates({ origin, locale }: { origin: string; locale: Locale }) {
  const location = useLocation()
  const matches = useMatches()
  // A route whose loader threw (404, 403) has no data: its error page is not a language version of anything.
  if (!matches.some((match) => hasLanguageAlternates(match.handle) && match.loaderData !== undefined)) return null
  const { alternates, canonical } = languageLinks(origin, location.pathname, location.search, locale)
  return (
    <>
      {alternates.map((link) => (
        <link key={link.hrefLang} rel="alternate" hrefLang={link.hrefLang} href={link.href} />
      ))}
      <link rel="canonical" href={canonical} />
    </>
  )
}
