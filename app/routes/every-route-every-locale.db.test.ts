import '../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { createI18n, SUPPORTED_LOCALES, type Locale } from '~/lib/i18n'
import { messages } from '~/locales'
import { appGet, freshSession, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { AUTHORIZATION_MATRIX } from '../../tests/authorization-matrix'
import { createAuthorizationWorld, MATRIX_ROLES, type AuthorizationWorld, type MatrixRole, urlOf } from '../../tests/authorization-world'

// Every route × every locale (issue 19): each page of tests/authorization-matrix.ts (whose own test keeps one
// row per route of app/routes.ts) as every role that may open it, plus its error pages, rendered by React
// Router's real request handler in each supported locale and reached the way a person reaches it: a guest
// by Accept-Language, a signed-in user by the language saved on the account. Fails on a message the locale
// lacks (heard through the test hook in createI18n, so a key English silently fills in counts too), a
// message key left raw in the page, <html lang> not the locale, and an interpolation left unfilled. The
// server's first render is what the browser hydrates, so client components are covered too.

// A guest's browser as people in each market send it; the app must pick the locale from it.
const ACCEPT_LANGUAGE: Record<Locale, string> = {
  en: 'en-US,en;q=0.9',
  ko: 'ko-KR,ko;q=0.9,en-US;q=0.8',
  'zh-Hans': 'zh-CN,zh;q=0.9,en;q=0.8',
  ja: 'ja-JP,ja;q=0.9,en;q=0.8',
  ru: 'ru-RU,ru;q=0.9,en;q=0.8',
  mn: 'mn-MN,mn;q=0.9,ru;q=0.8,en;q=0.7',
}

type Page = { route: string; role: MatrixRole; status: number }

/**
 * Every route as each role that may open it (200 in the matrix: the same page differs by role, e.g. the
 * buyer's quote form on a product), and its error pages (403, 404) once per status: they are text people
 * read too. Redirects are left out: their target is rendered as a route of its own.
 */
function pagesOf(route: string): Page[] {
  const row = AUTHORIZATION_MATRIX[route]?.get ?? []
  const errorsSeen = new Set<number>()
  return MATRIX_ROLES.flatMap((role, column) => {
    const status = row[column]
    if (typeof status !== 'number') return []
    if (status !== 200) {
      if (errorsSeen.has(status)) return []
      errorsSeen.add(status)
    }
    return [{ route, role, status }]
  })
}

// ── What a message key looks like ──

function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? [path] : keyPaths(value as object, path)
  })
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const englishKeys = new Set(keyPaths(messages.en).flatMap((path) => [path, path.replace(PLURAL_SUFFIX, '')]))
// Paths of two segments or more that start some English key: `catalog.filters` for `catalog.filters.title`.
const keyPrefixes = new Set(
  [...englishKeys].flatMap((path) => {
    const segments = path.split('.')
    return segments.slice(1).map((_, end) => segments.slice(0, end + 2).join('.'))
  }),
)
const KEY_SHAPED = /\b[a-z][a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+\b/g

/** Message keys (or key-shaped text under an English namespace, e.g. a misspelt key) in a piece of text. */
function rawKeysIn(text: string): string[] {
  return [...text.matchAll(KEY_SHAPED)]
    .map((match) => match[0])
    .filter((candidate) => {
      const [first, second] = candidate.split('.')
      return englishKeys.has(candidate) || keyPrefixes.has(`${first}.${second}`)
    })
}

// ── The text of a server-rendered document ──

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return ENTITIES[name] ?? entity
  })
}

type Piece = { where: string; text: string }

/**
 * Text nodes and attribute values of React's HTML (always double-quoted, `<>&"'` escaped). Scripts are left
 * out: the loader data they carry may hold keys on purpose, for the client to translate, and what the
 * client renders from it first is already in the HTML.
 */
function piecesOf(html: string): { pieces: Piece[]; lang: string | null } {
  const pieces: Piece[] = []
  let lang: string | null = null
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<([a-zA-Z][\w:-]*)([^>]*)>|<\/[^>]*>|[^<]+/gi
  for (const match of html.matchAll(token)) {
    const [whole, rawText, element, attributes] = match
    if (rawText || whole.startsWith('<!') || whole.startsWith('</')) continue
    if (!element) {
      const text = decode(whole).trim()
      if (text) pieces.push({ where: 'text', text })
      continue
    }
    for (const [, name = '', value] of (attributes ?? '').matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) {
      if (value === undefined) continue
      if (element.toLowerCase() === 'html' && name === 'lang') lang = decode(value)
      pieces.push({ where: `<${element} ${name}>`, text: decode(value) })
    }
  }
  return { pieces, lang }
}

/** The problems of one rendered page or file. */
async function problemsOf(response: Response, locale: Locale): Promise<string[]> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.startsWith('text/html')) {
    const html = await response.text()
    const { pieces, lang } = piecesOf(html)
    const problems = lang === locale ? [] : [`<html lang="${lang ?? ''}">, not "${locale}"`]
    // A page that rendered is titled by its content, never by the error title (meta once read `error: null` as an error).
    const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')
    const errorTitle = createI18n(locale).t('errors.genericTitle')
    if (response.status === 200 && title.startsWith(errorTitle)) problems.push(`titled "${title}" though the page rendered`)
    for (const { where, text } of pieces) {
      for (const key of rawKeysIn(text)) problems.push(`raw key "${key}" in ${where}: "${text.slice(0, 120)}"`)
      if (text.includes('{{')) problems.push(`unfilled interpolation in ${where}: "${text.slice(0, 120)}"`)
    }
    return problems
  }
  // Downloads people read as text (CSV, calendar files); JSON is data for the client, XLSX is zipped: for
  // those the missing-message hook alone speaks.
  if (type.startsWith('text/')) {
    const text = await response.text()
    return [...rawKeysIn(text).map((key) => `raw key "${key}" in the ${type} file`), ...(text.includes('{{') ? ['unfilled interpolation in the file'] : [])]
  }
  await response.arrayBuffer()
  return []
}

// ── The test hook of createI18n (app/lib/i18n.ts) ──

type MissingMessage = { locale: string; key: string; usedLocale: string | null }
const HOOK = Symbol.for('tradecast.i18n.missingMessage')
let heard: MissingMessage[] = []
const hooks = globalThis as Record<symbol, unknown>

let app: AppHandler
let world: AuthorizationWorld

beforeAll(async () => {
  hooks[HOOK] = (locale: string, key: string, usedLocale: string | null) => heard.push({ locale, key, usedLocale })
  app = await startAppHandler()
  world = await createAuthorizationWorld()
}, 120_000)

afterAll(async () => {
  hooks[HOOK] = undefined
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

describe('every route in every locale', () => {
  test('the missing-message hook hears a key no language has and a key only English has', () => {
    heard = []
    const i18n = createI18n('ko')
    i18n.addResource('en', 'translation', 'renderTest.onlyInEnglish', 'English only')
    expect(i18n.t('renderTest.nowhere')).toBe('renderTest.nowhere')
    expect(i18n.t('renderTest.onlyInEnglish')).toBe('English only')
    expect(i18n.t('common.skipToContent')).not.toBe('common.skipToContent')
    expect(heard).toEqual([
      { locale: 'ko', key: 'renderTest.nowhere', usedLocale: null },
      { locale: 'ko', key: 'renderTest.onlyInEnglish', usedLocale: 'en' },
    ])
  })

  test('the page scanner finds raw keys, key-shaped text, unfilled interpolations and the document language', () => {
    const { pieces, lang } = piecesOf(
      '<!DOCTYPE html><html lang="ko"><head><script>var k = "catalog.filters.title"</script></head>' +
        '<body><h1>catalog.filters.title</h1><p title="Hello {{name}}">Welcome<!-- --> home</p><input placeholder="catalog.filters.nosuch"/>' +
        '<a href="/files/report.csv">owner@example.test &amp; e.g. v1.2</a></body></html>',
    )
    expect(lang).toBe('ko')
    expect(pieces.flatMap(({ text }) => rawKeysIn(text))).toEqual(['catalog.filters.title', 'catalog.filters.nosuch'])
    expect(pieces.filter(({ text }) => text.includes('{{')).map(({ where }) => where)).toEqual(['<p title>'])
    expect(pieces.map(({ text }) => text)).toContain('owner@example.test & e.g. v1.2')
  })

  test('every page renders in every locale with every message of that locale', async () => {
    const prisma = await getPrisma()
    const cookies = new Map<MatrixRole, string[]>([['anonymous', []]])
    for (const role of MATRIX_ROLES) if (role !== 'anonymous') cookies.set(role, [await freshSession(world.users[role])])
    const pages = Object.keys(AUTHORIZATION_MATRIX).flatMap(pagesOf)

    const problems: string[] = []
    const missingSeen = new Set<string>()
    for (const locale of SUPPORTED_LOCALES) {
      // Signed-in people see the language saved on their account.
      await prisma.user.updateMany({ where: { id: { in: Object.values(world.users) } }, data: { locale } })
      for (const { route, role, status } of pages) {
        const label = `${route || '/'} (${role}) × ${locale} × `
        const request = appGet(urlOf(route, world), cookies.get(role))
        if (role === 'anonymous') request.headers.set('Accept-Language', ACCEPT_LANGUAGE[locale])
        heard = []
        const response = await app.handle(request)
        if (response.status !== status) {
          problems.push(`${label}status ${response.status}, expected ${status}`)
          await response.arrayBuffer()
          continue
        }
        for (const problem of await problemsOf(response, locale)) problems.push(label + problem)
        for (const { locale: lng, key, usedLocale } of heard) {
          // Once per locale and key, at the first page that needs it.
          if (missingSeen.has(`${lng}\u0000${key}`)) continue
          missingSeen.add(`${lng}\u0000${key}`)
          problems.push(`${label}${lng === locale ? '' : `(a ${lng} text) `}missing "${key}"${usedLocale ? ` (${usedLocale} shown instead)` : ''}`)
        }
      }
    }
    const counts = SUPPORTED_LOCALES.map((locale) => `${locale}: ${problems.filter((line) => line.includes(` × ${locale} × `)).length}`).join(', ')
    // Written out in full: vitest shortens a long assertion message, and CI keeps only the log.
    if (problems.length) process.stdout.write(`every-route-every-locale problems:\n${problems.join('\n')}\n`)
    expect(problems.join('\n'), `${problems.length} problems (${counts})`).toBe('')
  }, 600_000)
})
