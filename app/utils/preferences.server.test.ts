import { describe, expect, it } from 'vitest'
import { cookiePair } from '../../tests/http'
import { languageSwitchCookies, localeCookie, queryLanguageCookies, resolveLocale } from './preferences.server'

function request(path: string, { cookies = [] as string[], acceptLanguage = null as string | null } = {}): Request {
  const headers = new Headers({ Cookie: cookies.join('; ') })
  if (acceptLanguage) headers.set('Accept-Language', acceptLanguage)
  return new Request(`http://localhost${path}`, { headers })
}

/** The cookies a guest holds after picking `locale` with the switch. */
async function switchedTo(locale: 'en' | 'ko' | 'zh-Hans' | 'ja' | 'ru' | 'mn'): Promise<string[]> {
  return (await languageSwitchCookies(locale, { signedIn: false })).map(cookiePair)
}

describe('resolveLocale: which language a response is in', () => {
  it('a signed-in person’s account language wins over the switch cookie and Accept-Language', async () => {
    const req = request('/catalog', { cookies: await switchedTo('ja'), acceptLanguage: 'ru-RU' })
    expect(await resolveLocale(req, { locale: 'mn' })).toBe('mn')
  })

  it('an account language no longer supported falls through to the guest order', async () => {
    expect(await resolveLocale(request('/', { cookies: await switchedTo('ja') }), { locale: 'de' })).toBe('ja')
  })

  it('a guest: the switch cookie, then Accept-Language, then English', async () => {
    expect(await resolveLocale(request('/', { cookies: await switchedTo('zh-Hans'), acceptLanguage: 'ru' }), null)).toBe('zh-Hans')
    expect(await resolveLocale(request('/', { acceptLanguage: 'ru-RU;q=0.8, de;q=0.9' }), null)).toBe('ru')
    expect(await resolveLocale(request('/', { acceptLanguage: 'zh-TW' }), null)).toBe('zh-Hans')
    expect(await resolveLocale(request('/', { acceptLanguage: 'de-DE, fr;q=0.5' }), null)).toBe('en')
    expect(await resolveLocale(request('/'), null)).toBe('en')
  })

  it('a cookie holding something unsupported is ignored', async () => {
    const forged = `tc_lang=${encodeURIComponent(btoa(JSON.stringify('xx')))}`
    expect(await resolveLocale(request('/', { cookies: [forged], acceptLanguage: 'ja' }), null)).toBe('ja')
  })

  it('?lang= decides this response for guests and signed-in people alike', async () => {
    const req = request('/fairs?lang=mn', { cookies: await switchedTo('ko'), acceptLanguage: 'ja' })
    expect(await resolveLocale(req, null)).toBe('mn')
    expect(await resolveLocale(req, { locale: 'ko' })).toBe('mn')
    expect(await resolveLocale(request('/catalog?q=tea&lang=zh-Hans'), { locale: 'en' })).toBe('zh-Hans')
  })

  it.each(['de', 'zh', 'ZH-HANS', '', 'en%00', 'ru,ja'])('ignores ?lang=%s (no such locale) without error', async (value) => {
    const req = request(`/catalog?lang=${value}`, { acceptLanguage: 'ru' })
    expect(await resolveLocale(req, null)).toBe('ru')
    expect(await resolveLocale(req, { locale: 'ko' })).toBe('ko')
  })
})

describe('queryLanguageCookies: ?lang= as a guest’s choice', () => {
  it('a guest gets the switch’s cookies, so the language stays on the next pages and survives sign-up', async () => {
    const cookies = await queryLanguageCookies(request('/fairs/gti?lang=ru'), { signedIn: false })
    expect(cookies).toEqual(await languageSwitchCookies('ru', { signedIn: false }))
    expect(await localeCookie.parse(cookiePair(cookies[0] ?? ''))).toBe('ru')
    expect(cookies[1]).toMatch(/^tc_lang_guest=/)
  })

  it('sets nothing when the guest already holds that choice, or another one was asked', async () => {
    expect(await queryLanguageCookies(request('/?lang=ja', { cookies: await switchedTo('ja') }), { signedIn: false })).toEqual([])
    expect(await queryLanguageCookies(request('/?lang=mn', { cookies: await switchedTo('ja') }), { signedIn: false })).toHaveLength(2)
  })

  it('leaves a signed-in person’s language alone, and ignores an invalid or missing lang', async () => {
    expect(await queryLanguageCookies(request('/?lang=ru'), { signedIn: true })).toEqual([])
    expect(await queryLanguageCookies(request('/?lang=klingon'), { signedIn: false })).toEqual([])
    expect(await queryLanguageCookies(request('/'), { signedIn: false })).toEqual([])
  })
})
