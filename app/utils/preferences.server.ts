import { createCookie } from 'react-router'
import { DEFAULT_LOCALE, isSupportedLocale, type Locale, localeFromAcceptLanguage } from '~/lib/i18n'
import { readCookie } from '~/lib/cookies'
import { LANG_PARAM } from '~/lib/language-alternates'
import { isValidTimeZone, TIME_ZONE_COOKIE } from '~/lib/time'
import { rememberLocale } from '~/domain/accounts/accounts.server'
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

// Set only when a visitor who is not signed in picks a language: that explicit choice is carried into the
// account at the next sign-in or sign-up, then dropped. The display cookie above alone cannot say this: it
// also holds whatever language the last account on this browser used.
let rawGuestChoiceCookie: ReturnType<typeof createCookie> | undefined
function getGuestChoiceCookie() {
  rawGuestChoiceCookie ??= createCookie('tc_lang_guest', { path: '/', sameSite: 'lax', maxAge: ONE_YEAR_SECONDS, secure: isCookieSecure() })
  return rawGuestChoiceCookie
}

/** The supported locale `?lang=` names, if any; anything else is ignored, not an error. */
export function localeFromQuery(request: Request): Locale | null {
  const value = new URL(request.url).searchParams.get(LANG_PARAM)
  return isSupportedLocale(value) ? value : null
}

/**
 * `?lang=` decides this response (a shared or crawled link shows the language it names); then a signed-in
 * person sees their account's language (the same on every device); a guest their switch's cookie, else
 * Accept-Language, else English.
 */
export async function resolveLocale(request: Request, user: Pick<SessionUser, 'locale'> | null): Promise<Locale> {
  const fromQuery = localeFromQuery(request)
  if (fromQuery) return fromQuery
  if (user && isSupportedLocale(user.locale)) return user.locale
  return guestLocale(request.headers.get('Cookie'), request.headers.get('Accept-Language'))
}

/**
 * A guest's language from their headers alone: the switch's cookie, else Accept-Language, else English.
 * Also for answers given before any session or URL is read (server/body-limit.ts's 413).
 */
export async function guestLocale(cookieHeader: string | null, acceptLanguage: string | null): Promise<Locale> {
  const fromCookie: unknown = await localeCookie.parse(cookieHeader).catch(() => null)
  if (isSupportedLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE
}

/** The language switch's cookies: a guest's pick is also marked as an explicit choice; a signed-in pick clears the mark. */
export async function languageSwitchCookies(locale: Locale, { signedIn }: { signedIn: boolean }): Promise<string[]> {
  return [
    await localeCookie.serialize(locale),
    signedIn ? await getGuestChoiceCookie().serialize('', { maxAge: 0 }) : await getGuestChoiceCookie().serialize(locale),
  ]
}

/**
 * A guest who follows a `?lang=` link keeps that language, as if they had used the switch: the cookies to
 * set, or none when they already hold it. A signed-in person's account keeps its language (the link only
 * changes the response).
 */
export async function queryLanguageCookies(request: Request, { signedIn }: { signedIn: boolean }): Promise<string[]> {
  const asked = localeFromQuery(request)
  if (!asked || signedIn) return []
  const cookieHeader = request.headers.get('Cookie')
  const shown: unknown = await localeCookie.parse(cookieHeader)
  const chosen: unknown = await getGuestChoiceCookie().parse(cookieHeader)
  return shown === asked && chosen === asked ? [] : languageSwitchCookies(asked, { signedIn: false })
}

/** The language a guest explicitly picked with the switch on this browser, if any. */
export async function guestLocaleChoice(request: Request): Promise<Locale | null> {
  const choice: unknown = await getGuestChoiceCookie().parse(request.headers.get('Cookie'))
  return isSupportedLocale(choice) ? choice : null
}

/**
 * The language once someone signs in: an explicit choice made as a guest is kept and saved to the account
 * (so it holds on their other devices too); without one the account's saved language wins. Returns it
 * with the cookies that show it and consume the guest's choice.
 */
export async function settleLocaleAtSignIn(request: Request, account: { id: string; locale: string }): Promise<{ locale: Locale; cookies: string[] }> {
  const choice = await guestLocaleChoice(request)
  if (choice && choice !== account.locale) await rememberLocale(account.id, choice)
  const locale = choice ?? (isSupportedLocale(account.locale) ? account.locale : await resolveLocale(request, null))
  return { locale, cookies: await languageSwitchCookies(locale, { signedIn: true }) }
}

/**
 * A signed-in user's chosen zone wins, UTC included; guests and accounts without a choice (null) get their
 * browser's zone; UTC before we know it.
 */
export function resolveTimeZone(request: Request, user: Pick<SessionUser, 'timeZone'> | null): { timeZone: string; known: boolean } {
  if (user?.timeZone && isValidTimeZone(user.timeZone)) return { timeZone: user.timeZone, known: true }
  const fromBrowser = readCookie(request.headers.get('Cookie'), TIME_ZONE_COOKIE)
  if (fromBrowser && isValidTimeZone(fromBrowser)) return { timeZone: fromBrowser, known: true }
  return { timeZone: 'UTC', known: false }
}
