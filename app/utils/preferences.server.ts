import { createCookie } from 'react-router'
import { DEFAULT_LOCALE, isSupportedLocale, type Locale, localeFromAcceptLanguage } from '~/lib/i18n'
import { readCookie } from '~/lib/cookies'
import { isValidTimeZone, TIME_ZONE_COOKIE } from '~/lib/time'
import type { SessionUser } from '~/domain/accounts/session.server'
import { isCookieSecure } from './secrets.server'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

// Plain (unsigned) cookies: they only choose how things look, never what one may do.
let rawLocaleCookie: ReturnType<typeof createCookie> | undefined
// Created lazily: `secure` follows the environment (isCookieSecure), read at run time.
function getLocaleCookie() {
  rawLocaleCookie ??= createCookie('tc_lang', { path: '/', sameSite: 'lax', maxAge: ONE_YEAR_SECONDS, secure: isCookieSecure() })
  return rawLocaleCookie
}
export const localeCookie = {
  parse: (cookieHeader: string | null) => getLocaleCookie().parse(cookieHeader),
  serialize: (value: unknown) => getLocaleCookie().serialize(value),
}

export async function resolveLocale(request: Request, user: SessionUser | null): Promise<Locale> {
  const fromCookie: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  if (isSupportedLocale(fromCookie)) return fromCookie
  if (user && isSupportedLocale(user.locale)) return user.locale
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE
}

/** A signed-in user's chosen zone wins; guests get their browser's zone; UTC before we know it. */
export function resolveTimeZone(request: Request, user: SessionUser | null): { timeZone: string; known: boolean } {
  if (user && isValidTimeZone(user.timeZone) && user.timeZone !== 'UTC') return { timeZone: user.timeZone, known: true }
  const fromBrowser = readCookie(request.headers.get('Cookie'), TIME_ZONE_COOKIE)
  if (fromBrowser && isValidTimeZone(fromBrowser)) return { timeZone: fromBrowser, known: true }
  return { timeZone: user?.timeZone ?? 'UTC', known: false }
}
