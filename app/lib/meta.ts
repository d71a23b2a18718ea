import type { TFunction } from 'i18next'
import { isRouteErrorResponse, type MetaDescriptor } from 'react-router'
import { createI18n, DEFAULT_LOCALE, isSupportedLocale, type Locale } from '~/lib/i18n'

/** What a route's `meta` receives that the title needs: the root match (its locale) and the error, if any. */
export type MetaArgsLike = { matches: ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>; error?: unknown }

/** The reader's locale as the root loader resolved it (English while the root itself failed). */
export function metaLocale(args: MetaArgsLike): Locale {
  const root = args.matches.find((match) => match?.id === 'root')?.loaderData as { locale?: unknown } | undefined
  return isSupportedLocale(root?.locale) ? root.locale : DEFAULT_LOCALE
}

/** A translator for `meta`, which runs outside the React tree (no useTranslation there). */
export function metaT(args: MetaArgsLike): TFunction {
  return createI18n(metaLocale(args)).t
}

function errorTitleKey(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return 'errors.notFoundTitle'
    if (error.status === 403) return 'errors.forbiddenTitle'
  }
  return 'errors.genericTitle'
}

/**
 * The document's `<title>` in the reader's language: the page's own parts (most specific first), then
 * the app's name. A page whose loader failed is titled by its error, since its data is missing.
 */
export function pageTitle(args: MetaArgsLike, parts: (t: TFunction) => ReadonlyArray<string | null | undefined>): MetaDescriptor[] {
  const t = metaT(args)
  // React Router passes `error: null` to meta when nothing failed.
  const shown = args.error == null ? parts(t) : [t(errorTitleKey(args.error))]
  return [{ title: [...shown.filter((part): part is string => Boolean(part)), t('common.appName')].join(' · ') }]
}
