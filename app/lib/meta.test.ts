import { describe, expect, it } from 'vitest'
import { metaLocale, pageTitle } from './meta'

const rootWith = (locale: unknown) => [
  { id: 'root', loaderData: { locale } },
  { id: 'routes/page', loaderData: {} },
]

describe('pageTitle', () => {
  it('titles the page in the reader’s language, then the app’s name', () => {
    expect(pageTitle({ matches: rootWith('ko') }, (t) => [t('pageTitle.login')])).toEqual([{ title: '로그인 · Tradecast' }])
    expect(pageTitle({ matches: rootWith('en') }, (t) => ['Gangwon Expo', t('pageTitle.fairKpis')])).toEqual([{ title: 'Gangwon Expo · KPIs · Tradecast' }])
    // What React Router passes when nothing failed.
    expect(pageTitle({ matches: rootWith('ko'), error: null }, (t) => [t('pageTitle.login')])).toEqual([{ title: '로그인 · Tradecast' }])
  })

  it('titles a failed page by its error, in the reader’s language', () => {
    // What a loader's thrown `data(…, { status })` reaches meta as: a route error response, no page data.
    const errorResponse = (status: number) => ({ status, statusText: '', internal: false, data: { reason: 'x' } })
    expect(pageTitle({ matches: rootWith('ko'), error: errorResponse(404) }, () => ['never shown'])).toEqual([
      { title: '페이지를 찾을 수 없습니다 · Tradecast' },
    ])
    expect(pageTitle({ matches: rootWith('ko'), error: errorResponse(403) }, () => ['never shown'])).toEqual([
      { title: '이 페이지에 접근할 수 없습니다 · Tradecast' },
    ])
    expect(pageTitle({ matches: rootWith('en'), error: new Error('boom') }, () => ['never shown'])).toEqual([{ title: 'Something went wrong · Tradecast' }])
  })

  it('reads English when the root has no supported locale', () => {
    expect(metaLocale({ matches: [] })).toBe('en')
    expect(metaLocale({ matches: rootWith('de') })).toBe('en')
  })
})
