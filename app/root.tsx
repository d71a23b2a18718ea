import '~/lib/zod-csp'
import './tailwind.css'
import { useEffect, useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRevalidator, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import { RouteErrorPage } from '~/components/error-page'
import { usesCaptureDevices } from '~/lib/capture-pages'
import { LanguageAlternates } from '~/components/language-alternates'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { Toast } from '~/components/toast'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { countUnreadNotifications } from '~/domain/notifications/notify.server'
import { createI18n, DEFAULT_LOCALE, isSupportedLocale } from '~/lib/i18n'
import { ensureIntlData } from '~/lib/intl-data'
import { ensureCsrfToken } from '~/utils/csrf.server'
import { readCookie } from '~/lib/cookies'
import { TIME_ZONE_COOKIE } from '~/lib/time'
import { queryLanguageCookies, resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { readToast } from '~/utils/toast.server'
import { appOrigin, urlHasControlCharacters } from '~/utils/request.server'

// Before any loader or action: a control character in the URL is refused, not passed on to a query.
export const middleware: Route.MiddlewareFunction[] = [
  ({ request }) => {
    if (urlHasControlCharacters(request.url)) throw data({ reason: 'bad-request' }, { status: 400 })
  },
]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const [locale, languageCookies, csrf, toast, unreadNotifications] = await Promise.all([
    resolveLocale(request, user),
    queryLanguageCookies(request, { signedIn: user !== null }),
    ensureCsrfToken(request),
    readToast(request),
    user ? countUnreadNotifications(user.id) : 0,
  ])
  const { timeZone, known: timeZoneKnown } = resolveTimeZone(request, user)
  const headers = new Headers()
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie)
  if (toast.clearCookie) headers.append('Set-Cookie', toast.clearCookie)
  for (const cookie of languageCookies) headers.append('Set-Cookie', cookie)
  return data(
    {
      user: user
        ? {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            companyName: user.exporterMember?.company.name ?? user.buyerProfile?.companyName ?? null,
          }
        : null,
      locale,
      // For the absolute URLs of the language alternates (APP_URL when configured).
      origin: appOrigin(request),
      timeZone,
      timeZoneKnown,
      csrfToken: csrf.token,
      toast: toast.toast,
      unreadNotifications,
    },
    { headers },
  )
}

export type RootLoaderData = typeof loader

// The document this tab loaded; Permissions-Policy comes with it and stays for client-side navigations.
const documentPath = typeof window === 'undefined' ? '' : window.location.pathname

/** The studio and meeting room need camera/microphone, which only their own documents are granted. */
export const clientMiddleware: Route.ClientMiddlewareFunction[] = [
  async ({ request }, next) => {
    const target = new URL(request.url)
    if (usesCaptureDevices(target.pathname) && !usesCaptureDevices(documentPath)) {
      window.location.assign(target.pathname + target.search + target.hash)
      return new Promise<never>(() => {
        // Never settles: the page is being replaced.
      })
    }
    return next()
  },
  // entry.client.tsx readies Intl for the first page's locale. A language switch, or signing in to an account
  // of another language, changes the locale without a page load: a browser lacking the new locale's Intl data
  // loads it here, once the root's data names the locale and before the page renders in it.
  async (_args, next) => {
    const results = await next()
    const root = results.root
    if (root?.type === 'data' && isLocaleData(root.result)) {
      // Without them the page still works; only some dates and numbers read differently.
      await ensureIntlData(root.result.locale).catch((error: unknown) => console.error('Intl polyfills could not be loaded', error))
    }
    return results
  },
]

function isLocaleData(value: unknown): value is { locale: string } {
  return typeof value === 'object' && value !== null && typeof (value as { locale?: unknown }).locale === 'string'
}

export const meta: Route.MetaFunction = () => [
  { title: 'Tradecast — live export showcases' },
  { name: 'description', content: 'Small exporters sell to the world live: showcases, RFQs, meetings and online trade fairs.' },
]

/**
 * The CSP nonce on the client: the server's comes from <ServerRouter nonce>; in the browser it is only
 * readable from a script's `nonce` property (the attribute is hidden), and <Links> must render the same
 * value to hydrate without a mismatch.
 */
function documentNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<RootLoaderData>('root')
  const locale = isSupportedLocale(root?.locale) ? root.locale : DEFAULT_LOCALE
  const i18n = useMemo(() => createI18n(locale), [locale])
  const chromeless = useChromeless()
  return (
    // The locale is a BCP 47 tag (zh-Hans, mn…); all six languages are written left to right.
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        {root ? <LanguageAlternates origin={root.origin} locale={locale} /> : null}
        <Links nonce={documentNonce()} />
      </head>
      <body className="flex min-h-screen flex-col">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {/* Its inline script reads sessionStorage, which browsers deny to a third-party frame (the embed page). */}
        {chromeless ? null : <ScrollRestoration />}
        <Scripts />
      </body>
    </html>
  )
}

/** Tells the server the browser's zone once, then re-renders times in it. */
function useBrowserTimeZone(known: boolean) {
  const revalidator = useRevalidator()
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (!zone) return
    const current = readCookie(document.cookie, TIME_ZONE_COOKIE) !== null
    const secure = window.location.protocol === 'https:' ? '; secure' : ''
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`
    if (!known && !current) void revalidator.revalidate()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page load
  }, [])
}

/** A page for other sites' frames (the embeddable player) declares `handle.chromeless`: no header, footer or skip link. */
function useChromeless(): boolean {
  return useMatches().some((match) => (match.handle as { chromeless?: boolean } | undefined)?.chromeless === true)
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  const chromeless = useChromeless()
  if (chromeless) {
    return (
      <main id="main" className="flex min-h-0 w-full flex-1 flex-col">
        {children}
      </main>
    )
  }
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('common.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}

export default function App({ loaderData }: Route.ComponentProps) {
  useBrowserTimeZone(loaderData.timeZoneKnown)
  return (
    <Shell>
      {loaderData.toast ? <Toast key={JSON.stringify(loaderData.toast)} toast={loaderData.toast} /> : null}
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <Shell>
      <RouteErrorPage error={error} />
    </Shell>
  )
}
