import '../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { createExporter, createLiveShowcase, createProduct, createUser } from '../../tests/fixtures'
import { cookiePair } from '../../tests/http'

// The language versions of public pages: `?lang=`, hreflang alternates, canonical URL and <html lang>.

let app: AppHandler

beforeAll(async () => {
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

async function get(path: string, { cookies = [] as string[], acceptLanguage = '' } = {}) {
  const request = appGet(path, cookies)
  if (acceptLanguage) request.headers.set('Accept-Language', acceptLanguage)
  const response = await app.handle(request)
  return { response, html: await response.text() }
}

/** hreflang → href of the document's alternates, and its canonical URL. */
function languageLinks(html: string) {
  const head = /<head>.*<\/head>/s.exec(html)?.[0] ?? ''
  const alternates: Record<string, string> = {}
  for (const match of head.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"\/>/gi)) {
    alternates[match[1] ?? ''] = (match[2] ?? '').replaceAll('&amp;', '&')
  }
  const canonical = /<link rel="canonical" href="([^"]+)"\/>/.exec(head)?.[1]?.replaceAll('&amp;', '&') ?? null
  return { alternates, canonical }
}

const htmlLang = (html: string) => /<html lang="([^"]+)" dir="ltr"/.exec(html)?.[1]
const setCookies = (response: Response, name: string) => response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${name}=`))

describe('language versions of public pages', () => {
  it('lists all six languages and x-default with absolute URLs, and the shown one as canonical', async () => {
    const { response, html } = await get('/fairs?lang=mn')
    expect(response.status).toBe(200)
    expect(htmlLang(html)).toBe('mn')
    const links = languageLinks(html)
    expect(links.alternates).toEqual({
      ...Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, `http://localhost/fairs?lang=${locale}`])),
      'x-default': 'http://localhost/fairs',
    })
    expect(links.canonical).toBe('http://localhost/fairs?lang=mn')
  })

  it('keeps the listing’s filters in every version', async () => {
    const { html } = await get('/catalog?q=ginseng&lang=ja')
    expect(htmlLang(html)).toBe('ja')
    const links = languageLinks(html)
    expect(links.canonical).toBe('http://localhost/catalog?q=ginseng&lang=ja')
    expect(links.alternates['zh-Hans']).toBe('http://localhost/catalog?q=ginseng&lang=zh-Hans')
    expect(links.alternates['x-default']).toBe('http://localhost/catalog?q=ginseng')
  })

  it('marks the public pages: landing, directories, a product, an exporter, a live room', async () => {
    const { company } = await createExporter()
    const product = await createProduct(company.id, { name: 'Hreflang noodles' })
    const { session } = await createLiveShowcase('Hreflang live')
    for (const path of ['/', '/live', '/fairs', '/catalog', `/catalog/${product.id}`, `/exporters/${company.slug}`, `/live/${session.id}`]) {
      const { response, html } = await get(path, { acceptLanguage: 'ru-RU,ru;q=0.9' })
      expect(response.status, path).toBe(200)
      expect(htmlLang(html), path).toBe('ru')
      expect(Object.keys(languageLinks(html).alternates), path).toEqual([...SUPPORTED_LOCALES, 'x-default'])
      expect(languageLinks(html).canonical, path).toBe(`http://localhost${path}?lang=ru`)
    }
  })

  it('gives private pages and error pages no alternates', async () => {
    for (const path of ['/login', '/catalog/no-such-product', '/no-such-page']) {
      const { html } = await get(path)
      expect(languageLinks(html), path).toEqual({ alternates: {}, canonical: null })
    }
  })
})

describe('?lang=', () => {
  it('for a guest: renders that language and keeps it as their choice (the switch’s cookies)', async () => {
    const { html, response } = await get('/?lang=zh-Hans', { acceptLanguage: 'en-US' })
    expect(htmlLang(html)).toBe('zh-Hans')
    const [shown] = setCookies(response, 'tc_lang')
    const [choice] = setCookies(response, 'tc_lang_guest')
    expect(shown).toBeDefined()
    expect(choice).toBeDefined()
    // The next page, without lang, stays in Chinese.
    const next = await get('/catalog', { cookies: [cookiePair(shown ?? ''), cookiePair(choice ?? '')], acceptLanguage: 'en-US' })
    expect(htmlLang(next.html)).toBe('zh-Hans')
    expect(setCookies(next.response, 'tc_lang')).toEqual([])
  })

  it('for a signed-in person: renders that language for this response only; the account keeps its own', async () => {
    const { user, cookie } = await createUser('BUYER')
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'ko' } })
    const { html, response } = await get('/catalog?lang=ru', { cookies: [cookie] })
    expect(htmlLang(html)).toBe('ru')
    expect(setCookies(response, 'tc_lang')).toEqual([])
    expect(setCookies(response, 'tc_lang_guest')).toEqual([])
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('ko')
    expect(htmlLang((await get('/catalog', { cookies: [cookie] })).html)).toBe('ko')
  })

  it('is dropped when the switch sends the reader back, so it cannot outrank the language just chosen', async () => {
    const response = await app.handle(await appPost('/preferences', { intent: 'locale', locale: 'ko', redirectTo: '/catalog?q=tea&lang=ru#results' }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/catalog?q=tea#results')
  })

  it('ignores a value that names no supported locale', async () => {
    for (const value of ['de', 'zh', 'en-US', '%3Cscript%3E']) {
      const { html, response } = await get(`/fairs?lang=${value}`, { acceptLanguage: 'ja-JP' })
      expect(response.status, value).toBe(200)
      expect(htmlLang(html), value).toBe('ja')
      expect(setCookies(response, 'tc_lang'), value).toEqual([])
    }
  })
})

describe('the language switch', () => {
  it('offers the six languages by their own names, each option marked with its language, the shown one selected', async () => {
    const { html } = await get('/catalog', { acceptLanguage: 'mn-MN' })
    const header = /<header.*?<\/header>/s.exec(html)?.[0] ?? ''
    const select = /<select[^>]*id="site-language"[^>]*>(.*?)<\/select>/s.exec(header)?.[1] ?? ''
    const options = [...select.matchAll(/<option value="([^"]+)" lang="([^"]+)"( selected="")?>([^<]+)<\/option>/g)].map((match) => ({
      value: match[1],
      lang: match[2],
      selected: Boolean(match[3]),
      name: match[4],
    }))
    expect(options).toEqual(SUPPORTED_LOCALES.map((locale) => ({ value: locale, lang: locale, selected: locale === 'mn', name: LOCALE_NAMES[locale] })))
    expect(header).toMatch(/<label for="site-language" class="sr-only">[^<]+<\/label>/)
  })
})
